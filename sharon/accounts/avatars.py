"""The built-in avatars (A-2): members pick one; nobody uploads a photo."""

from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

AVATARS = {
    "leaf": _("Leaf"),
    "sun": _("Sun"),
    "moon": _("Moon"),
    "wave": _("Wave"),
    "mountain": _("Mountain"),
    "cloud": _("Cloud"),
    "star": _("Star"),
    "flower": _("Flower"),
    "tree": _("Tree"),
    "drop": _("Raindrop"),
    "heart": _("Heart"),
    "kite": _("Kite"),
}
AVATAR_CHOICES = list(AVATARS.items())
DEFAULT_AVATAR = "leaf"


def avatar_url(key: str) -> str:
    return static(f"avatars/{key if key in AVATARS else DEFAULT_AVATAR}.svg")
