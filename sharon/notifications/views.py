from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from sharon.accounts.decorators import member_required

from . import selectors, services
from .forms import BreakForm, PreferencesForm
from .models import Notification


def get_notification_for_member(request, pk: int) -> Notification:
    return get_object_or_404(selectors.notifications_for(request.user), pk=pk)


@member_required
def notification_list(request):
    notifications = selectors.notifications_for(request.user).order_by("-created_at", "-id")
    page = Paginator(notifications, 25).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@member_required
def notification_open(request, pk):
    """Opening a notification marks it read and goes where it points."""
    notification = get_notification_for_member(request, pk)
    services.notification_mark_read(notification=notification)
    url = notification.url
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return redirect(url)
    return redirect("notifications:list")


@member_required
@require_POST
def mark_all_read(request):
    services.notifications_mark_read(user=request.user)
    return redirect("notifications:list")


def _break_until_text(user) -> str:
    return date_format(localtime(user.break_until), "l j F Y, H:i")


def _preferences_page(request, *, form=None, break_form=None, status=200):
    user = request.user
    context = {
        "form": form
        or PreferencesForm(
            initial={
                "email_frequency": user.email_frequency,
                "reminder_frequency": user.reminder_frequency,
            }
        ),
        "break_form": break_form or BreakForm(),
        "break_until": _break_until_text(user) if user.is_on_break else "",
    }
    return render(request, "notifications/preferences.html", context, status=status)


@member_required
def preferences(request):
    if request.method != "POST":
        return _preferences_page(request)
    form = PreferencesForm(request.POST)
    if not form.is_valid():
        return _preferences_page(request, form=form, status=400)
    services.preferences_update(user=request.user, **form.cleaned_data)
    messages.success(request, _("Your email preferences have been saved."))
    return redirect("notifications:preferences")


@member_required
@require_POST
def take_a_break(request):
    form = BreakForm(request.POST)
    if not form.is_valid():
        return _preferences_page(request, break_form=form, status=400)
    services.break_start(user=request.user, until=form.cleaned_data["break_until"])
    messages.success(
        request,
        _("Your break has started. We won't email you until %(until)s.")
        % {"until": _break_until_text(request.user)},
    )
    return redirect("notifications:preferences")


@member_required
@require_POST
def come_back(request):
    services.break_end(user=request.user)
    messages.success(request, _("Welcome back. The forums are open again."))
    return redirect("forums:index")


@csrf_exempt  # one-click unsubscribe (RFC 8058): mail providers POST without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks (mail scanners open links); POST, from the page or the mail provider,
    unsubscribes. The signed token says who and from what; no sign-in needed."""
    found = services.unsubscribe_token_read(token)
    if found is None:
        response = render(request, "notifications/unsubscribe_invalid.html", status=400)
    else:
        member, scope = found
        done = request.method == "POST"
        if done:
            services.unsubscribe(user=member, scope=scope)
        response = render(
            request,
            "notifications/unsubscribe.html",
            {"scope": scope, "done": done, "token": token},
        )
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response
