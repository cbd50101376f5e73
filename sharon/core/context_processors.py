from django.conf import settings
from django.utils import timezone

from messaging.selectors import unread_message_count
from sharon.notifications.selectors import unread_notification_count

from .models import SiteSettings


def site(request):
    site_settings, now = SiteSettings.load(), timezone.now()
    on_duty = site_settings.moderators_on_duty(now)
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "unread_notifications": unread_notification_count(user) if signed_in else 0,
        "unread_messages": unread_message_count(user) if signed_in else 0,
        "site_settings": site_settings,
        "moderators_on_duty": on_duty,
        "moderators_next_on_duty": None if on_duty else site_settings.moderators_next_on_duty(now),
        "guidelines_version": settings.COMMUNITY_GUIDELINES_VERSION,
    }
