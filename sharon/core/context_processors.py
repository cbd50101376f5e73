from django.conf import settings
from django.utils import timezone

from .models import SiteSettings


def site(request):
    site_settings = SiteSettings.load()
    return {
        "site_settings": site_settings,
        "moderators_on_duty": site_settings.moderators_on_duty(timezone.now()),
        "guidelines_version": settings.COMMUNITY_GUIDELINES_VERSION,
    }
