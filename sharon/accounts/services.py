import datetime as dt

from allauth.usersessions.adapter import get_adapter as usersessions_adapter
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from django.utils import timezone

from .avatars import AVATARS, DEFAULT_AVATAR
from .models import MODERATORS_GROUP, EmailFrequency, Invitation, ReminderFrequency, User

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


def account_delete(*, user: User, remove_posts: bool) -> None:
    """Close the account for good (A-5): every session ends, sign-in and the email address
    go, and what the member wrote stays as "a former member"'s or, with `remove_posts`, is
    withdrawn as if they had deleted each post (a thread nobody answered goes with its first
    post). Private messages they sent stay with the people they sent them to.

    The row itself stays, emptied, because the append-only audit log may point at it; every
    other row that points at the member goes as Django would on delete: what is theirs alone
    (drafts, notifications, watches, sessions...) is deleted and what others share (posts,
    threads, messages, reports) is detached."""
    from forums.models import Post, Status
    from forums.services import post_delete

    usersessions_adapter().end_sessions(list(UserSession.objects.filter(user=user)))
    with transaction.atomic():
        if remove_posts:
            for post in Post.objects.filter(author=user).exclude(status=Status.DELETED):
                post_delete(post=post, by=user)
        # Every foreign key to the member, those without a reverse name (related_name="+")
        # and the group and permission links included.
        for relation in User._meta.get_fields(include_hidden=True):
            if relation.concrete or not relation.auto_created or relation.many_to_many:
                continue
            rows = relation.related_model._base_manager.filter(**{relation.field.name: user})
            if relation.on_delete is models.CASCADE:
                rows.delete()
            elif relation.on_delete is models.SET_NULL:
                rows.update(**{relation.field.name: None})
        # update(), not save(): the username key is set to one no sign-up can produce.
        User.objects.filter(pk=user.pk).update(
            username=f"former member {user.pk}",
            username_key=f"~former{user.pk}",
            email="",
            first_name="",
            last_name="",
            password=make_password(None),
            is_active=False,
            is_staff=False,
            is_superuser=False,
            bio="",
            avatar=DEFAULT_AVATAR,
            last_login=None,
            last_seen_at=None,
            break_until=None,
            email_frequency=EmailFrequency.NEVER,
            reminder_frequency=ReminderFrequency.NEVER,
        )
