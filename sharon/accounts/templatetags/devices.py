"""`{{ session.user_agent|device }}`: "Firefox on Windows" rather than a user-agent string, so
a member can tell their own phone from a device they do not know (A-8)."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()

# Order matters: Edge and Opera say "Chrome" too, and Chrome says "Safari".
BROWSERS = [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome")]
BROWSERS += [("Safari/", "Safari")]
SYSTEMS = [("iPhone", "an iPhone"), ("iPad", "an iPad"), ("Android", "Android")]
SYSTEMS += [("Windows", "Windows"), ("Mac OS X", "a Mac"), ("CrOS", "a Chromebook")]
SYSTEMS += [("Linux", "Linux")]


@register.filter
def device(user_agent: str) -> str:
    browser = next((name for key, name in BROWSERS if key in user_agent), None)
    system = next((name for key, name in SYSTEMS if key in user_agent), None)
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("An unknown browser")
