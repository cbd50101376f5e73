from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.Model):
    """One email, recorded before it is sent and marked when it has been (N-5).

    The unique (member, kind, period) constraint makes a digest or reminder go out at most
    once per member per period, however often the task that plans it runs. Account emails
    (verification, password reset, moderator alerts) are recorded too, with the message in
    `payload`, so a periodic sweep re-sends any the broker or a worker lost."""

    class Kind(models.TextChoices):
        IMMEDIATE = "immediate", _("Notifications as they happen")
        DAILY = "daily", _("Daily summary")
        WEEKLY = "weekly", _("Weekly summary")
        REMINDER = "reminder", _("Check-in reminder")
        EMAIL = "email", _("Account or moderation email")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    period_key = models.CharField(max_length=40)
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Nothing was left to say when it came to sending (all read, hidden or no longer wanted).
    skipped = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "period_key"], name="delivery_once_per_period"
            )
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(sent_at__isnull=True),
                name="delivery_unsent_idx",
            ),
            models.Index(fields=["user", "kind", "-created_at"], name="delivery_user_kind_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.period_key} for {self.user_id}"


class Notification(models.Model):
    """Something a member should know about, shown in the site (N-1)."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply")
        NEW_THREAD = "new_thread", _("New thread")
        MENTION = "mention", _("Mention")
        REACTION = "reaction", _("Support")
        MODERATION = "moderation", _("From the moderators")
        REPORT = "report", _("About your report")
        ALERT = "alert", _("Moderator alert")
        MESSAGE = "message", _("Private message")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    # Notifications about the same thing (one conversation, one post's reactions) share a key:
    # a new event updates the unread one instead of adding another line.
    group_key = models.CharField(max_length=100, blank=True)
    # The forum post it is about (for a group, the first one): emails re-check that the
    # member may still see it.
    post = models.ForeignKey(
        "forums.Post", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # The email that tells the member about it; empty until one is planned.
    email_delivery = models.ForeignKey(
        Delivery,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
    )

    class Meta:
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_user_recent_idx"),
            models.Index(
                fields=["user", "group_key"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread_group_idx",
            ),
            models.Index(
                fields=["user", "created_at"],
                condition=models.Q(read_at__isnull=True, email_delivery__isnull=True),
                name="notification_unemailed_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title
