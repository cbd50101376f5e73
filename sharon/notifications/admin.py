from django.contrib import admin

from .models import Delivery


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Read-only: what was emailed to whom and when, for answering "did I get it?"."""

    list_display = ["kind", "period_key", "user", "created_at", "sent_at", "skipped"]
    list_filter = ["kind", "skipped", ("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__username"]
    list_select_related = ["user"]
    date_hierarchy = "created_at"
    exclude = ["payload"]  # account emails carry one-time links until sent

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
