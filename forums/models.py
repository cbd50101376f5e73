from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContentWarning(models.TextChoices):
    """Topics a thread or post can be collapsed behind (F-5)."""

    SELF_HARM = "self-harm", _("Self-harm")
    SUICIDE = "suicide", _("Suicidal thoughts")
    LOSS = "loss", _("Loss and grief")
    ABUSE = "abuse", _("Abuse")
    EATING = "eating", _("Eating and body image")
    SUBSTANCES = "substances", _("Alcohol and drugs")
    HEALTH = "health", _("Physical health")


class Category(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_read_only = models.BooleanField(_("read-only (announcements)"), default=False)
    requires_approval = models.BooleanField(
        _("every post needs a moderator's approval"), default=False
    )
    hidden_from_new_members = models.BooleanField(_("hidden from new members"), default=False)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forums:category", args=[self.slug])


class Thread(models.Model):
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="threads")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=150)
    content_warning = models.CharField(
        _("content warning"), max_length=20, choices=ContentWarning.choices, blank=True
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    reply_count = models.PositiveIntegerField(default=0)
    view_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(
                fields=["category", "-is_pinned", "-last_activity_at"],
                name="thread_category_activity_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:thread", args=[self.pk])


class Post(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        PENDING = "pending", _("Awaiting review")
        HIDDEN = "hidden", _("Hidden by a moderator")
        DELETED = "deleted", _("Deleted by its author")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="posts"
    )
    body = models.TextField(_("message"), max_length=20000)
    body_html = models.TextField(editable=False)
    content_warning = models.CharField(
        _("content warning"), max_length=20, choices=ContentWarning.choices, blank=True
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PUBLISHED)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["thread", "created_at", "id"], name="post_thread_order_idx"),
            models.Index(fields=["author", "-created_at"], name="post_author_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"Post {self.pk} in {self.thread_id}"
