from django.contrib import admin

from . import services
from .models import Category, Thread


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "order",
        "is_read_only",
        "requires_approval",
        "hidden_from_new_members",
        "thread_count",
        "post_count",
    ]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["thread_count", "post_count", "last_activity_at"]


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "category",
        "author",
        "status",
        "reply_count",
        "last_activity_at",
        "is_pinned",
        "is_locked",
    ]
    list_filter = ["category", "status", "is_pinned", "is_locked"]
    search_fields = ["title"]
    raw_id_fields = ["author"]
    fields = [
        "title",
        "category",
        "author",
        "content_warning",
        "is_pinned",
        "is_locked",
        "status",
        "reply_count",
        "view_count",
        "created_at",
        "last_activity_at",
    ]
    readonly_fields = [
        "author",
        "status",
        "reply_count",
        "view_count",
        "created_at",
        "last_activity_at",
    ]

    def save_model(self, request, obj, form, change):
        old_category_id = form.initial.get("category")
        super().save_model(request, obj, form, change)
        # Moving a thread changes two categories' totals.
        services.thread_recount(thread=obj)
        if old_category_id and old_category_id != obj.category_id:
            services.category_recount(category=Category.objects.get(pk=old_category_id))
