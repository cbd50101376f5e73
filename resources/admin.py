"""The resource library's admin (R-2): clinical staff, not developers, write and publish here.

Bodies are Markdown, rendered by sharon.markup on save; drafts can be previewed exactly as
members will see them; publishing is a bulk action or the status field, and every change
is in the admin's history."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import (
    ExternalLink,
    Resource,
    ResourceCategory,
    Topic,
    UrgentHelpContact,
    UrgentHelpPage,
    Worksheet,
)
from .selectors import resources_for_page
from .views import render_resource_page

HISTORY_SHOWN = 8


def recent_changes(admin_url_name: str, obj) -> str:
    """The last few entries of the object's admin history, with a link to all of it."""
    if obj is None or obj.pk is None:
        return "–"
    entries = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("user")
        .order_by("-action_time")[:HISTORY_SHOWN]
    )
    rows = format_html_join(
        "",
        "<li>{} – {}: {}</li>",
        (
            (
                date_format(timezone.localtime(entry.action_time), "j M Y, H:i"),
                entry.user.get_username() if entry.user else _("someone"),
                entry.get_change_message() or entry.get_action_flag_display(),
            )
            for entry in entries
        ),
    )
    url = reverse(admin_url_name, args=[obj.pk])
    return format_html(
        '<ul class="sharon-admin-history">{}</ul><p><a href="{}">{}</a></p>',
        rows or format_html("<li>{}</li>", _("No changes recorded yet.")),
        url,
        _("Full history"),
    )


# --- Topics and categories -------------------------------------------------------------------
class ResourceCountMixin:
    """A sortable "resources" column for a model that resources point at."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(resource_total=Count("resources"))

    @admin.display(description=_("resources"), ordering="resource_total")
    def resource_count(self, obj) -> int:
        return obj.resource_total


@admin.register(Topic)
class TopicAdmin(ResourceCountMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "resource_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ResourceCategory)
class ResourceCategoryAdmin(ResourceCountMixin, admin.ModelAdmin):
    list_display = ["name", "order", "resource_count"]
    list_editable = ["order"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


# --- Resources -------------------------------------------------------------------------------
class WorksheetForm(forms.ModelForm):
    class Meta:
        model = Worksheet
        fields = ["title", "description", "file", "order"]
        # No "Currently: <link>" to MEDIA (which is not served): the download link is its own
        # column, through the view that sends safe headers.
        widgets = {"file": forms.FileInput(attrs={"accept": "application/pdf,.pdf"})}


class WorksheetInline(admin.TabularInline):
    model = Worksheet
    form = WorksheetForm
    extra = 0
    fields = ["title", "description", "file", "download", "order"]
    readonly_fields = ["download"]

    @admin.display(description=_("current file"))
    def download(self, obj) -> str:
        if obj is None or not obj.pk or not obj.file:
            return "–"
        return format_html(
            '<a href="{}">{}</a> ({})',
            obj.get_absolute_url(),
            obj.download_name,
            filesizeformat(obj.size),
        )


class ExternalLinkInline(admin.TabularInline):
    model = ExternalLink
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["title", "url", "description", "order"]


class ResourceForm(forms.ModelForm):
    class Meta:
        model = Resource
        fields = [
            "title",
            "slug",
            "category",
            "summary",
            "body",
            "topics",
            "status",
            "published_at",
            "featured",
            "order",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 30, "cols": 100}),
            "summary": forms.Textarea(attrs={"rows": 3, "cols": 100}),
            "topics": forms.CheckboxSelectMultiple,
        }


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    form = ResourceForm
    list_display = [
        "title",
        "category",
        "status_label",
        "featured",
        "helpful_yes",
        "helpful_no",
        "reading_minutes",
        "published_at",
        "updated_at",
    ]
    list_filter = ["status", "category", "featured", "topics"]
    search_fields = ["title", "slug", "summary", "body", "topics__name"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["category__order", "order", "title"]
    list_select_related = ["category"]
    list_per_page = 50
    inlines = [WorksheetInline, ExternalLinkInline]
    actions = ["publish_selected", "unpublish_selected"]
    readonly_fields = ["reading_minutes", "helpfulness", "updated_at", "history"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body"]}),
        (_("Topics"), {"fields": ["topics"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "featured", "order"]}),
        (
            _("About this resource"),
            {"fields": ["reading_minutes", "helpfulness", "updated_at", "history"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                yes_votes=Count("votes", filter=Q(votes__helpful=True), distinct=True),
                no_votes=Count("votes", filter=Q(votes__helpful=False), distinct=True),
            )
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="resources_resource_preview",
            ),
            *super().get_urls(),
        ]

    def view_on_site(self, obj):
        if obj.is_visible:
            return obj.get_absolute_url()
        return reverse("admin:resources_resource_preview", args=[obj.pk])

    def preview_view(self, request, object_id):
        """The resource as members would see it, whatever its status (staff only)."""
        resource = get_object_or_404(resources_for_page(Resource.objects.all()), pk=object_id)
        if not self.has_view_permission(request, resource):
            raise PermissionDenied
        return render_resource_page(request, resource, preview=True)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change or "slug" in form.changed_data:
            # Posts may already link this address; their cards and the thread list need it.
            services.resource_links_rebuild(resource=obj)

    # --- Columns and read-only fields ---
    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj) -> str:
        if obj.status == Resource.Status.PUBLISHED and not obj.is_visible:
            when = date_format(timezone.localtime(obj.published_at), "j M Y, H:i")
            return _("Scheduled for %(when)s") % {"when": when}
        return obj.get_status_display()

    @admin.display(description=_("helpful"), ordering="yes_votes")
    def helpful_yes(self, obj) -> int:
        return obj.yes_votes

    @admin.display(description=_("not helpful"), ordering="no_votes")
    def helpful_no(self, obj) -> int:
        return obj.no_votes

    @admin.display(description=_("was this helpful?"))
    def helpfulness(self, obj) -> str:
        if obj is None or obj.pk is None:
            return "–"
        return _("%(yes)s members said yes, %(no)s said no") % {
            "yes": obj.yes_votes,
            "no": obj.no_votes,
        }

    @admin.display(description=_("change history"))
    def history(self, obj) -> str:
        return recent_changes("admin:resources_resource_history", obj)

    # --- Bulk actions ---
    def _bulk(self, request, queryset, change, verb: str):
        changed = 0
        for resource in queryset:
            if change(resource=resource):
                self.log_change(request, resource, verb)
                changed += 1
        return changed

    @admin.action(description=_("Publish the selected resources"), permissions=["change"])
    def publish_selected(self, request, queryset):
        changed = self._bulk(request, queryset, services.resource_publish, "Published.")
        self.message_user(
            request,
            ngettext("%d resource published.", "%d resources published.", changed) % changed,
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Unpublish the selected resources (back to draft)"), permissions=["change"]
    )
    def unpublish_selected(self, request, queryset):
        changed = self._bulk(request, queryset, services.resource_unpublish, "Unpublished.")
        self.message_user(
            request,
            ngettext(
                "%d resource unpublished: members no longer see it.",
                "%d resources unpublished: members no longer see them.",
                changed,
            )
            % changed,
            messages.SUCCESS,
        )


# --- The urgent-help page (A-3) ----------------------------------------------------------
class UrgentHelpContactInline(admin.TabularInline):
    model = UrgentHelpContact
    extra = 0
    min_num = 1
    fields = ["name", "kind", "keyword", "number", "details", "order"]

    def get_formset(self, request, obj=None, **kwargs):
        # The page must always list somewhere to turn; refuse to delete the last service.
        return super().get_formset(request, obj, validate_min=True, **kwargs)


@admin.register(UrgentHelpPage)
class UrgentHelpPageAdmin(admin.ModelAdmin):
    """One page, always published: it can be edited but never added twice or deleted."""

    inlines = [UrgentHelpContactInline]
    actions = None
    fields = ["lede", "emergency_heading", "emergency_body", "body", "updated_at", "history"]
    readonly_fields = ["updated_at", "history"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # One page: the list goes straight to it.
        page = services.urgent_help_page_ensure()
        return redirect("admin:resources_urgenthelppage_change", page.pk)

    @admin.display(description=_("change history"))
    def history(self, obj) -> str:
        return recent_changes("admin:resources_urgenthelppage_history", obj)
