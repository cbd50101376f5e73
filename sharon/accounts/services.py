import datetime as dt

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from .avatars import AVATARS
from .models import MODERATORS_GROUP, Invitation, User

# What a moderator may do in admin and the moderation app; later issues widen this.
MODERATOR_PERMISSIONS = [
    ("forums", "change_thread"),
    ("forums", "change_post"),
    ("moderation", "view_report"),
    ("moderation", "change_report"),
    ("moderation", "view_auditentry"),
]


def moderators_group_ensure() -> Group:
    """Create the Moderators group with its permissions; safe to run any number of times."""
    group, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    perms = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in MODERATOR_PERMISSIONS},
        codename__in={codename for _, codename in MODERATOR_PERMISSIONS},
    )
    group.permissions.add(*perms)
    return group


def invitation_create_batch(
    *, created_by: User | None, count: int, valid_days: int, email: str = "", note: str = ""
) -> list[Invitation]:
    """Create `count` single-use codes, all expiring `valid_days` from now."""
    if not 1 <= count <= 500:
        raise ValueError("count must be between 1 and 500")
    if email and count != 1:
        raise ValueError("a code for one email address is created one at a time")
    expires_at = timezone.now() + dt.timedelta(days=valid_days)
    with transaction.atomic():
        return [
            Invitation.objects.create(
                created_by=created_by, expires_at=expires_at, email=email, note=note
            )
            for _ in range(count)
        ]


def invitation_find_usable(*, code: str, email: str) -> Invitation | None:
    """The unused, unexpired invitation with this code that `email` may use, or None."""
    invitation = Invitation.objects.filter(
        code=code, used_at__isnull=True, expires_at__gt=timezone.now()
    ).first()
    if invitation and invitation.email and invitation.email.casefold() != email.casefold():
        return None
    return invitation


def invitation_redeem(*, invitation: Invitation, user: User) -> bool:
    """Mark the code used by `user`. False if someone else used it first (a race)."""
    now = timezone.now()
    updated = Invitation.objects.filter(
        pk=invitation.pk, used_at__isnull=True, expires_at__gt=now
    ).update(used_by=user, used_at=now)
    return updated == 1


def member_accept_guidelines(*, user: User) -> None:
    user.guidelines_version = settings.COMMUNITY_GUIDELINES_VERSION
    user.guidelines_accepted_at = timezone.now()
    user.save(update_fields=["guidelines_version", "guidelines_accepted_at"])


def profile_update(*, user: User, avatar: str, bio: str) -> None:
    if avatar not in AVATARS:
        raise ValueError(f"unknown avatar {avatar!r}")
    user.avatar = avatar
    user.bio = bio.strip()
    user.save(update_fields=["avatar", "bio"])
