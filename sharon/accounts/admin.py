from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from . import services
from .models import Invitation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "is_active", "is_staff", "date_joined", "last_login"]
    list_filter = ["is_active", "is_staff", "groups"]
    search_fields = ["username", "email"]
    readonly_fields = [
        "guidelines_version",
        "guidelines_accepted_at",
        "date_joined",
        "last_login",
        "last_seen_at",
    ]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Profile", {"fields": ["email", "avatar", "bio"]}),
        ("Community guidelines", {"fields": ["guidelines_version", "guidelines_accepted_at"]}),
        ("Roles", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Emails", {"fields": ["email_frequency", "reminder_frequency", "break_until"]}),
        ("Dates", {"fields": ["date_joined", "last_login", "last_seen_at"]}),
    ]


class InvitationBatchForm(forms.Form):
    count = forms.IntegerField(label="How many codes", min_value=1, max_value=500, initial=1)
    valid_days = forms.IntegerField(
        label="Valid for (days)", min_value=1, max_value=365, initial=30
    )
    email = forms.EmailField(
        label="For email address (optional)",
        required=False,
        help_text="Only with one code: the code then works only for this address.",
    )
    note = forms.CharField(label="Note for staff (optional)", max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("email") and cleaned.get("count", 1) != 1:
            self.add_error("email", "A code for one email address is created one at a time.")
        return cleaned


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "display_code",
        "email",
        "note",
        "created_at",
        "expires_at",
        "status",
        "used_by",
    ]
    list_filter = [("used_at", admin.EmptyFieldListFilter), "created_at"]
    search_fields = ["code", "email", "note", "used_by__username"]
    readonly_fields = ["display_code", "created_by", "created_at", "used_by", "used_at"]
    fields = [
        "display_code",
        "email",
        "note",
        "expires_at",
        "created_by",
        "created_at",
        "used_by",
        "used_at",
    ]

    def has_add_permission(self, request):
        # Codes are made through the batch page, one or many at a time.
        return False

    def get_urls(self):
        return [
            path(
                "create/",
                self.admin_site.admin_view(self.create_view),
                name="accounts_invitation_create",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "create_url": reverse("admin:accounts_invitation_create"),
        }
        return super().changelist_view(request, extra_context)

    def create_view(self, request):
        if not self.has_view_permission(request) or not request.user.has_perm(
            "accounts.add_invitation"
        ):
            messages.error(request, "You do not have permission to create invitations.")
            return redirect("admin:index")
        form = InvitationBatchForm(request.POST or None)
        created = []
        if request.method == "POST" and form.is_valid():
            created = services.invitation_create_batch(created_by=request.user, **form.cleaned_data)
            self.message_user(
                request, f"{len(created)} invitation code(s) created.", messages.SUCCESS
            )
            form = InvitationBatchForm()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Create invitation codes",
            "form": form,
            "created": created,
        }
        return TemplateResponse(request, "admin/accounts/invitation/create.html", context)
