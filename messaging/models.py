from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Conversation(models.Model):
    """A one-to-one conversation (P-1). Two members share at most one."""

    # "<lower user id>:<higher user id>", so a second "start a conversation" finds the first.
    # Null (not "") for conversations made before keys existed, as several may lack one.
    pair_key = models.CharField(  # noqa: DJ001
        max_length=50, unique=True, null=True, editable=False
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["started_by", "-created_at"], name="conversation_started_idx")
        ]

    def __str__(self) -> str:
        return f"Conversation {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("messaging:conversation", args=[self.pk])

    @staticmethod
    def key_for(first_id: int, second_id: int) -> str:
        low, high = sorted((first_id, second_id))
        return f"{low}:{high}"


class Participant(models.Model):
    """One member's side of a conversation: what they have read and what they have deleted."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    # Indexed by participant_user_recent_idx (user first), not an index of its own.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="conversations",
        db_index=False,
    )
    last_read_at = models.DateTimeField(null=True, blank=True)
    # Deleting a conversation for yourself hides every message up to this moment; a later
    # message from the other member brings the conversation back with only the new messages.
    left_at = models.DateTimeField(null=True, blank=True)
    # When the last message this member can see was sent: their list's order, one indexed read.
    last_message_at = models.DateTimeField(default=timezone.now)
    unread_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="participant_once_per_conversation"
            )
        ]
        indexes = [
            models.Index(fields=["user", "-last_message_at"], name="participant_user_recent_idx")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.conversation_id}"


class Message(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("Delivered")
        PENDING = "pending", _("Waiting for a moderator")
        REMOVED = "removed", _("Removed by a moderator")

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    # Indexed by message_sender_recent_idx (sender first), not an index of its own.
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        db_index=False,
    )
    body = models.TextField(max_length=5000)
    body_html = models.TextField(editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PUBLISHED)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["conversation", "created_at"], name="message_order_idx"),
            models.Index(fields=["sender", "-created_at"], name="message_sender_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"Message {self.pk}"


class Block(models.Model):
    """`blocker` no longer hears from `blocked` (P-3); `blocked` is never told."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once"),
            models.CheckConstraint(
                condition=~models.Q(blocker=models.F("blocked")), name="block_not_self"
            ),
        ]
        indexes = [models.Index(fields=["blocked"], name="block_blocked_idx")]

    def __str__(self) -> str:
        return f"{self.blocker_id} blocks {self.blocked_id}"


class MessagingSettings(models.Model):
    """Who may start a conversation with a member (P-2). No row means the default."""

    class Who(models.TextChoices):
        EVERYONE = "everyone", _("Any member")
        TALKED = "talked", _("Only members I've talked with in the forums")
        NOBODY = "nobody", _("Nobody")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="messaging_settings",
    )
    who_can_message = models.CharField(max_length=20, choices=Who.choices, default=Who.TALKED)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.who_can_message}"
