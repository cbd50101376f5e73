"""Public pages: the landing page, urgent help (A-3), about and the community guidelines."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from resources.services import urgent_help_page_ensure


@require_GET
def home(request):
    if request.user.is_authenticated:
        return redirect("forums:index")
    return render(request, "home.html")


@require_GET
def urgent_help(request):
    """Always published; its content is edited by admins (resources.UrgentHelpPage)."""
    page = urgent_help_page_ensure()
    return render(
        request, "urgent_help.html", {"page": page, "contacts": page.contacts.order_by("order")}
    )


@require_GET
def about(request):
    return render(request, "about.html")


@require_GET
def guidelines(request):
    return render(request, "guidelines.html")


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /forums/",
        "Disallow: /messages/",
        "Disallow: /accounts/",
        "Disallow: /moderation/",
        "Disallow: /admin/",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
