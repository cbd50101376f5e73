"""The resource library's pages. They are public (resource pages may be indexed); what a
member adds (their vote, forum threads) is shown only to them."""

from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sharon.accounts.decorators import member_required

from . import selectors, services
from .forms import HelpfulnessForm
from .models import Resource, Topic, Worksheet
from .permissions import can_preview_resources, can_vote


def get_resource_for_reader(slug: str) -> Resource:
    """A resource members and visitors may see; drafts and scheduled ones are 404."""
    return get_object_or_404(selectors.resources_for_page(), slug=slug)


@require_GET
def index(request):
    topic = None
    if topic_slug := request.GET.get("topic"):
        topic = get_object_or_404(Topic, slug=topic_slug)
    context = {
        "topic": topic,
        "categories": selectors.library_categories(topic=topic),
        "featured": [] if topic else selectors.featured_resources(),
        "topics": selectors.topics_in_use(),
    }
    return render(request, "resources/index.html", context)


@require_GET
def detail(request, slug):
    return render_resource_page(request, get_resource_for_reader(slug))


def render_resource_page(request, resource: Resource, *, preview: bool = False):
    """The resource page; staff previews (see admin.py) show a draft through the same page."""
    member = request.user if request.user.is_authenticated else None
    context = {
        "resource": resource,
        "preview": preview,
        "related": selectors.related_resources(resource),
        "can_vote": can_vote(request.user) and not preview,
        "vote": selectors.vote_of(resource=resource, user=member) if member else None,
        "threads": selectors.threads_linking(resource=resource, user=member) if member else [],
    }
    response = render(request, "resources/detail.html", context)
    if preview:
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@member_required
def vote(request, slug):
    resource = get_resource_for_reader(slug)
    form = HelpfulnessForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose yes or no."))
    services.helpfulness_vote(
        resource=resource, user=request.user, helpful=form.cleaned_data["helpful"]
    )
    return redirect(f"{resource.get_absolute_url()}#helpful")


@require_GET
def worksheet_download(request, slug, pk):
    """A worksheet as a download, never shown inline: PDFs are served from our own origin, so
    the browser is told exactly what they are and to keep them out of the page."""
    worksheet = get_object_or_404(
        Worksheet.objects.select_related("resource"), pk=pk, resource__slug=slug
    )
    preview = not worksheet.resource.is_visible
    if preview and not can_preview_resources(request.user):
        raise Http404
    try:
        handle = worksheet.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=worksheet.download_name, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if preview:
        response["Cache-Control"] = "private, no-store"
    return response
