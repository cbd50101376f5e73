from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WatchedWord(models.Model):
    """A word or phrase admins want caught (M-6): whole words, any case."""

    class Action(models.TextChoices):
        BLOCK = "block", _("Block: the post cannot be sent")
        APPROVE = "approve", _("Require approval: a moderator reads it first")
        FLAG = "flag", _("Flag: publish, and put it in the queue")

    phrase = models.CharField(_("word or phrase"), max_length=100, unique=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    note = models.CharField(_("note for staff"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["phrase"]

    def __str__(self) -> str:
        return self.phrase

    def save(self, *args, **kwargs):
        self.phrase = " ".join(self.phrase.casefold().split())
        super().save(*args, **kwargs)


class QueueItem(models.Model):
    """One reported or queued piece of content (or member), with all its reports and check
    hits grouped (M-2)."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    is_risk = models.BooleanField(default=False)
    score = models.PositiveIntegerField(default=0)
    # Why it is here when no member reported it: pre-moderation, a check, a watched word.
    queued_because = models.CharField(max_length=200, blank=True)
    held = models.BooleanField(default=False, help_text=_("The content is hidden until reviewed."))
    created_at = models.DateTimeField(default=timezone.now)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    first_action_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=40, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["target_type", "target_id"],
                condition=Q(state="open"),
                name="queue_one_open_item_per_target",
            )
        ]
        indexes = [
            models.Index(
                fields=["-is_risk", "-score", "created_at"],
                condition=Q(state="open"),
                name="queue_priority_idx",
            ),
            models.Index(fields=["created_at"], name="queue_created_idx"),
        ]

    def __str__(self) -> str:
        return f"Queue item {self.pk} ({self.state})"


class Report(models.Model):
    """A member's flag on a post, thread, message or member (M-1)."""

    class Reason(models.TextChoices):
        RISK = "risk", _("Someone may be at risk of harm")
        ABUSIVE = "abusive", _("Abusive or unkind")
        SPAM = "spam", _("Spam or advertising")
        PERSONAL_DETAILS = "personal", _("Sharing personal details")
        OFF_TOPIC = "off-topic", _("Off-topic")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for a moderator")
        ACTIONED = "actioned", _("A moderator took action")
        DISMISSED = "dismissed", _("Reviewed: no action needed")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    item = models.ForeignKey(QueueItem, on_delete=models.CASCADE, null=True, related_name="reports")
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    note = models.TextField(max_length=1000, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reporter", "item"], name="report_once_per_item")
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="report_queue_idx"),
            models.Index(fields=["target_type", "target_id"], name="report_target_idx"),
            models.Index(fields=["reporter", "-created_at"], name="report_reporter_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.get_status_display()})"


class CheckHit(models.Model):
    """One rule or signal of the automatic checks that fired on the item's content (M-5)."""

    item = models.ForeignKey(QueueItem, on_delete=models.CASCADE, related_name="hits")
    category = models.CharField(max_length=20)
    signal = models.CharField(max_length=100)
    severity = models.CharField(max_length=10)
    excerpt = models.CharField(max_length=300, blank=True)
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.signal


class ContentCheck(models.Model):
    """A new or edited post or message waiting for the automatic checks. Rows with no
    `done_at` are unchecked: the periodic sweep queues them again (worker or broker down)."""

    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    target_id = models.PositiveBigIntegerField()
    requested_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["requested_at"],
                condition=Q(done_at__isnull=True),
                name="check_unchecked_idx",
            )
        ]

    def __str__(self) -> str:
        return f"Check of {self.target_type_id}:{self.target_id}"


class AuditEntry(models.Model):
    """One moderation action or access, written once and never changed (M-3). PostgreSQL
    refuses UPDATE and DELETE on this table (migration 0002)."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=40)
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    target_id = models.PositiveBigIntegerField()
    target_repr = models.CharField(max_length=200, blank=True)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The member whose content or account was acted on."),
    )
    item = models.ForeignKey(
        QueueItem, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(blank=True)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["-created_at"], name="audit_recent_idx"),
            models.Index(fields=["member", "-created_at"], name="audit_member_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.action} by {self.actor_id} at {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries cannot be deleted.")
