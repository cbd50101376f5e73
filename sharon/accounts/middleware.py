import datetime as dt

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import User

# Often enough for "not seen for two weeks", rarely enough not to write on every page.
LAST_SEEN_EVERY = dt.timedelta(minutes=5)


def last_seen(get_response):
    """Record when a signed-in member was last here, at most every few minutes."""

    def middleware(request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = timezone.now()
            if user.last_seen_at is None or user.last_seen_at <= now - LAST_SEEN_EVERY:
                User.objects.filter(pk=user.pk).update(last_seen_at=now)
                user.last_seen_at = now
        return get_response(request)

    return middleware


# Pages a moderator or admin without two-step sign-in may still open: setting it up, signing
# out, and the pages anyone in distress may need.
TWO_STEP_OPEN = ("/accounts/2fa/", "/accounts/logout/", "/accounts/reauthenticate/")
TWO_STEP_OPEN += ("/urgent-help/", "/static/", "/healthz")


def staff_two_step(get_response):
    """Moderators and staff can read private reports and act on members: an account like
    that must have two-step sign-in (A-8). Until it does, every page leads to setting it up."""

    def middleware(request):
        user = getattr(request, "user", None)
        if (
            settings.STAFF_TWO_STEP_REQUIRED
            and user is not None
            and user.is_authenticated
            and (user.is_staff or user.is_moderator)
            and not request.path.startswith(TWO_STEP_OPEN)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.info(
                request,
                _(
                    "Moderators and admins need two-step sign-in before going on: set up an "
                    "authenticator app on your phone now."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return get_response(request)

    return middleware
