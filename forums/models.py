from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INTRODUCTIONS_SLUG = "introduce-yourself"
TITLE_MIN, TITLE_MAX = 5, 150
BODY_MAX = 20000


class ContentWarning(models.TextChoices):
    """Topics a thread or post can be collapsed behind (F-5)."""

    SELF_HARM = "self-harm", _("Self-harm")
    SUICIDE = "suicide", _("Suicidal thoughts")
    LOSS = "loss", _("Loss and grief")
    ABUSE = "abuse", _("Abuse")
    EATING = "eating", _("Eating and body image")
    SUBSTANCES = "substances", _("Alcohol and drugs")
    HEALTH = "health", _("Physical health")


class Status(models.TextChoices):
    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Awaiting review")
    HIDDEN = "hidden", _("Hidden by a moderator")
    DELETED = "deleted", _("Deleted by its author")
    REMOVED = "removed", _("Removed by a moderator")


class Category(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_read_only = models.BooleanField(
        _("read-only (announcements)"),
        default=False,
        help_text=_("Only moderators start threads or reply here."),
    )
    requires_approval = models.BooleanField(
        _("every post needs a moderator's approval"), default=False
    )
    hidden_from_new_members = models.BooleanField(_("hidden from new members"), default=False)
    # Kept up to date by forums.services, counting only published threads and posts.
    thread_count = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    last_activity_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forums:category", args=[self.slug])


class Thread(models.Model):
    # Indexed by thread_category_activity_idx (category first), not an index of its own:
    # with both, the planner may read the narrower one and sort the category.
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="threads", db_index=False
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    content_warning = models.CharField(
        _("content warning"), max_length=20, choices=ContentWarning.choices, blank=True
    )
    # The status of the opening post: a thread is seen when its first post is.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PUBLISHED)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    reply_count = models.PositiveIntegerField(default=0, editable=False)
    view_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    last_poster = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    # When someone other than the author first replied; null means unanswered (F-11).
    answered_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        indexes = [
            # The thread list's order, so a page is read in order without sorting the
            # category (status varies: members also see their own pending threads).
            models.Index(
                fields=["category", "-is_pinned", "-last_activity_at", "-id"],
                name="thread_category_activity_idx",
            ),
            models.Index(
                fields=["created_at"],
                name="thread_unanswered_idx",
                condition=Q(answered_at__isnull=True, status="published"),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:thread", args=[self.pk])


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="posts"
    )
    is_first = models.BooleanField(default=False, editable=False)
    body = models.TextField(_("message"), max_length=BODY_MAX)
    body_html = models.TextField(editable=False)
    content_warning = models.CharField(
        _("content warning"), max_length=20, choices=ContentWarning.choices, blank=True
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PUBLISHED)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Title (weight A, first posts only) and body (weight B); PostgreSQL only (F-10).
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        indexes = [
            models.Index(fields=["thread", "created_at", "id"], name="post_thread_order_idx"),
            models.Index(fields=["author", "-created_at"], name="post_author_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"Post {self.pk} in {self.thread_id}"

    def get_absolute_url(self) -> str:
        return reverse("forums:post", args=[self.pk])


class PostRevision(models.Model):
    """The text a post had before an edit (F-6): the author and moderators can read them."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    body_html = models.TextField()
    content_warning = models.CharField(max_length=20, blank=True)
    written_at = models.DateTimeField(help_text=_("When this text was first published."))
    replaced_at = models.DateTimeField(default=timezone.now)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["post", "-replaced_at"], name="revision_post_idx")]

    def __str__(self) -> str:
        return f"Revision of post {self.post_id} at {self.replaced_at:%Y-%m-%d %H:%M}"


class PostMention(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="mention_once_per_post")
        ]

    def __str__(self) -> str:
        return f"@{self.user_id} in {self.post_id}"


class Reaction(models.Model):
    """Supportive reactions instead of likes (F-7)."""

    class Kind(models.TextChoices):
        SUPPORT = "support", _("Sending support")
        ME_TOO = "me-too", _("Me too")
        HELPFUL = "helpful", _("Helpful")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="reaction_once_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.post_id}"


class ThreadWatch(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="watches")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="thread_watch_once")]

    def __str__(self) -> str:
        return f"{self.user_id} watches thread {self.thread_id}"


class CategoryWatch(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="watches")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "category"], name="category_watch_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} watches category {self.category_id}"


class Bookmark(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="bookmarks")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "post"], name="bookmark_once")]
        indexes = [models.Index(fields=["user", "-created_at"], name="bookmark_user_recent_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} bookmarked {self.post_id}"


class ThreadRead(models.Model):
    """How far a member has read a thread (F-9)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="thread_read_once")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.thread_id} to {self.last_read_at}"


class Draft(models.Model):
    """What a member was writing, kept server-side until they post or discard it (F-4).

    A draft for a new thread has a category and no thread; a reply's draft has a thread."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    title = models.CharField(max_length=TITLE_MAX, blank=True)
    body = models.TextField(max_length=BODY_MAX, blank=True)
    content_warning = models.CharField(max_length=20, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=Q(thread__isnull=False),
                name="draft_reply_once",
            ),
            models.UniqueConstraint(
                fields=["user", "category"],
                condition=Q(thread__isnull=True),
                name="draft_new_thread_once",
            ),
            models.CheckConstraint(
                condition=Q(category__isnull=False) | Q(thread__isnull=False),
                name="draft_has_a_place",
            ),
        ]

    def __str__(self) -> str:
        return f"Draft by {self.user_id}"


class ReadingPreferences(models.Model):
    """Content-warning topics a member always hides or always shows (F-5); others collapse."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_preferences"
    )
    hidden_topics = models.JSONField(default=list, blank=True)
    shown_topics = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return f"Reading preferences of {self.user_id}"
