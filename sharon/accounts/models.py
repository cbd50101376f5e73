import datetime as dt
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .avatars import AVATAR_CHOICES, DEFAULT_AVATAR, avatar_url
from .validators import username_skeleton

MODERATORS_GROUP = "Moderators"


class EmailFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("As things happen (at most one email every few minutes)")
    DAILY = "daily", _("A daily summary")
    WEEKLY = "weekly", _("A weekly summary")
    NEVER = "never", _("Never")


class ReminderFrequency(models.TextChoices):
    FORTNIGHTLY = "fortnightly", _("After 2 weeks away")
    MONTHLY = "monthly", _("After a month away")
    NEVER = "never", _("Never")


# How long a member is away before a check-in reminder, and the least time between two.
REMINDER_INTERVALS = {
    ReminderFrequency.FORTNIGHTLY: dt.timedelta(days=14),
    ReminderFrequency.MONTHLY: dt.timedelta(days=30),
}


class User(AbstractUser):
    """A member. Their username is all other members see; the email stays private."""

    username_key = models.CharField(
        max_length=150,
        unique=True,
        editable=False,
        help_text=_("The username folded for look-alikes; two members cannot share one."),
    )
    avatar = models.CharField(
        _("avatar"), max_length=20, choices=AVATAR_CHOICES, default=DEFAULT_AVATAR
    )
    bio = models.TextField(_("about me"), max_length=500, blank=True)
    guidelines_version = models.CharField(
        _("community guidelines version accepted"), max_length=20, blank=True
    )
    guidelines_accepted_at = models.DateTimeField(
        _("community guidelines accepted at"), null=True, blank=True
    )
    # Published forum posts; kept by forums.services so no page has to count them.
    post_count = models.PositiveIntegerField(_("published posts"), default=0, editable=False)
    silenced_until = models.DateTimeField(
        _("read-only until"),
        null=True,
        blank=True,
        help_text=_("A silenced member can read but not post."),
    )
    # Recorded by middleware at most every few minutes (check-in reminders, N-3).
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True, editable=False)
    email_frequency = models.CharField(
        _("emails about notifications"),
        max_length=20,
        choices=EmailFrequency.choices,
        default=EmailFrequency.WEEKLY,
    )
    reminder_frequency = models.CharField(
        _("check-in reminders"),
        max_length=20,
        choices=ReminderFrequency.choices,
        default=ReminderFrequency.MONTHLY,
    )
    # "Take a break": no emails, and the forums are hidden, until then.
    break_until = models.DateTimeField(_("taking a break until"), null=True, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def save(self, *args, **kwargs):
        self.username_key = username_skeleton(self.username)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "username" in update_fields:
            kwargs["update_fields"] = {*update_fields, "username_key"}
        super().save(*args, **kwargs)

    @property
    def avatar_url(self) -> str:
        return avatar_url(self.avatar)

    @property
    def is_silenced(self) -> bool:
        return self.silenced_until is not None and self.silenced_until > timezone.now()

    @property
    def is_on_break(self) -> bool:
        return self.break_until is not None and self.break_until > timezone.now()

    @cached_property
    def is_new_member(self) -> bool:
        """Fewer than N published posts or joined less than D days ago (site settings)."""
        from sharon.core.models import SiteSettings

        site = SiteSettings.load()
        recent = self.date_joined > timezone.now() - dt.timedelta(days=site.new_member_min_days)
        return recent or self.post_count < site.new_member_min_posts

    @cached_property
    def is_moderator(self) -> bool:
        return self.is_active and (
            self.is_superuser or self.groups.filter(name=MODERATORS_GROUP).exists()
        )


def _new_code() -> str:
    # No 0/O or 1/I/L: codes are read aloud and copied from letters.
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


def format_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise_code(typed: str) -> str:
    return "".join(ch for ch in typed.upper() if ch.isalnum())


class Invitation(models.Model):
    """A single-use, expiring sign-up code (A-1b), e.g. given by a clinician to a patient."""

    code = models.CharField(max_length=12, unique=True, default=_new_code, editable=False)
    email = models.EmailField(
        _("for email address"),
        blank=True,
        help_text=_("Optional: only this address can use the code."),
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("For staff, e.g. which service referred."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    used_by = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitation",
        editable=False,
    )
    used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["-created_at"], name="invitation_created_idx")]

    def __str__(self) -> str:
        return format_code(self.code)

    @property
    def display_code(self) -> str:
        return format_code(self.code)

    @property
    def status(self) -> str:
        if self.used_at:
            return str(_("used"))
        if self.expires_at <= timezone.now():
            return str(_("expired"))
        return str(_("unused"))
