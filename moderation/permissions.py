from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def can_moderate(user) -> bool:
    return user.is_authenticated and user.is_moderator


def check_moderator(user) -> None:
    if not can_moderate(user):
        raise PermissionDenied(_("Only moderators can see this page."))


def can_report(user, author) -> bool:
    """Members report others' content; reporting yourself makes no sense."""
    return user.is_authenticated and (author is None or author.pk != user.pk)
