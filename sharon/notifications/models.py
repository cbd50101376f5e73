from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """Something a member should know about, shown in the site (N-1)."""

    class Kind(models.TextChoices):
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
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_user_recent_idx"),
            models.Index(
                fields=["user", "group_key"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread_group_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title
