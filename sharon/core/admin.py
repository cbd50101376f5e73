from django.contrib import admin

from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    fieldsets = [
        ("Sign-up", {"fields": ["signup_mode"]}),
        (
            "Moderator hours",
            {
                "fields": [
                    "moderators_on_duty_from",
                    "moderators_on_duty_until",
                    "moderator_days",
                    "on_call_email",
                ]
            },
        ),
        (
            "Safety and new members",
            {
                "fields": [
                    "premoderation_post_count",
                    "report_hide_threshold",
                    "new_member_min_posts",
                    "new_member_min_days",
                    "new_member_posts_per_10_minutes",
                    "member_posts_per_10_minutes",
                    "messages_per_10_minutes",
                    "conversations_per_day",
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # One settings object: the list page goes straight to it.
        from django.shortcuts import redirect

        return redirect("admin:core_sitesettings_change", SiteSettings.load().pk)
