from django.contrib import admin

from .models import Category, Thread


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "is_read_only", "requires_approval", "hidden_from_new_members"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "category",
        "author",
        "reply_count",
        "last_activity_at",
        "is_pinned",
        "is_locked",
    ]
    list_filter = ["category", "is_pinned", "is_locked"]
    search_fields = ["title"]
    raw_id_fields = ["author"]
    readonly_fields = ["reply_count", "view_count", "created_at", "last_activity_at"]
