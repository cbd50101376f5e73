from django.contrib import admin

from .models import AuditEntry, WatchedWord


@admin.register(WatchedWord)
class WatchedWordAdmin(admin.ModelAdmin):
    list_display = ["phrase", "action", "note", "created_at"]
    list_filter = ["action"]
    search_fields = ["phrase", "note"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Readable by staff, never changeable: the log is append-only (M-3)."""

    list_display = [
        "created_at",
        "actor",
        "action",
        "target_type",
        "target_repr",
        "member",
        "reason",
    ]
    list_filter = ["action", "created_at"]
    search_fields = ["actor__username", "member__username", "reason", "target_repr"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
