import datetime as dt

from django.utils import timezone

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
