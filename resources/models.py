import math
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, RegexValidator, URLValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from sharon.markup import render_resource

WORDS_PER_MINUTE = 200
WORKSHEET_MAX_BYTES = 5 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


class Topic(models.Model):
    """A tag that cuts across categories (e.g. "worry", "motivation")."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('resources:index')}?topic={self.slug}"


class ResourceCategory(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = _("resource categories")

    def __str__(self) -> str:
        return self.name


class ResourceQuerySet(models.QuerySet):
    def published(self) -> "ResourceQuerySet":
        """What members and visitors may see: published, and its publish date has come."""
        return self.filter(status=Resource.Status.PUBLISHED, published_at__lte=timezone.now())


class Resource(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    category = models.ForeignKey(
        ResourceCategory, on_delete=models.PROTECT, related_name="resources"
    )
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=150,
        unique=True,
        help_text=_("The end of the page's address. Changing it breaks links to the old address."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown on cards, in search results and as the lede."),
    )
    body = models.TextField(
        _("body (Markdown)"),
        help_text=_(
            "Markdown: ## Heading, **bold**, *italic*, - bullet lists, 1. numbered lists, "
            "> quotes, [link text](https://…) and tables. HTML is shown as text, never run."
        ),
    )
    body_html = models.TextField(editable=False)
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="resources", blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown under “Start here” on the library page.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first within the category.")
    )
    published_at = models.DateTimeField(
        _("publish date"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the resource is first published. A date in the future keeps a "
            "published resource hidden until then."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["category__order", "order", "title"]
        indexes = [
            models.Index(fields=["status", "category", "order"], name="resource_listing_idx")
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # The stored HTML and reading time always follow the Markdown they come from.
        self.body_html = render_resource(self.body)
        self.reading_minutes = max(1, math.ceil(len(self.body.split()) / WORDS_PER_MINUTE))
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "reading_minutes"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("resources:detail", args=[self.slug])

    @property
    def is_visible(self) -> bool:
        """Whether members and visitors can see it now (the same rule as `published()`)."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


def validate_pdf(upload) -> None:
    """A worksheet must really be a PDF (by its first bytes, not its name) and not too big.

    Files already stored were checked when they were uploaded."""
    if getattr(upload, "_committed", False):
        return
    if upload.size > WORKSHEET_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; worksheets can be at most %(max)s."),
            code="too_big",
            params={
                "size": filesizeformat(upload.size),
                "max": filesizeformat(WORKSHEET_MAX_BYTES),
            },
        )
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError(
            _("This file is not a PDF. Save or export the worksheet as PDF and upload that."),
            code="not_pdf",
        )


def _worksheet_path(instance, filename: str) -> str:
    # A random name: uploads never collide, and nobody can guess a file's address.
    return f"worksheets/{uuid.uuid4().hex}.pdf"


class Worksheet(models.Model):
    """A downloadable PDF uploaded by staff; served by `views.worksheet_download`, not MEDIA."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="worksheets")
    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(_("description"), max_length=200, blank=True)
    file = models.FileField(
        _("PDF file"),
        upload_to=_worksheet_path,
        max_length=200,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("A PDF of at most 5 MB."),
    )
    size = models.PositiveIntegerField(editable=False, default=0)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("resources:worksheet", args=[self.resource.slug, self.pk])

    @property
    def download_name(self) -> str:
        return f"{slugify(self.title) or 'worksheet'}.pdf"


class ExternalLink(models.Model):
    """Further reading elsewhere, e.g. an NHS page."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("link text"), max_length=120)
    url = models.URLField(
        _("address"), max_length=500, validators=[URLValidator(schemes=["http", "https"])]
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(url__startswith="https://")
                | models.Q(url__startswith="http://"),
                name="external_link_is_web_address",
            )
        ]

    def __str__(self) -> str:
        return self.title


class HelpfulnessVote(models.Model):
    """A member's answer to "Was this helpful?" (R-3); one per member, changeable."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    helpful = models.BooleanField()
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resource", "user"], name="helpfulness_vote_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.resource_id}: {'yes' if self.helpful else 'no'}"


class ResourceLink(models.Model):
    """A forum post that links a resource (R-4), kept in step by `services.resource_links_sync`
    whenever a post is saved."""

    post = models.ForeignKey("forums.Post", on_delete=models.CASCADE, related_name="+")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="post_links")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resource", "post"], name="resource_link_once")
        ]

    def __str__(self) -> str:
        return f"post {self.post_id} links {self.resource_id}"


class UrgentHelpPage(models.Model):
    """The urgent-help page (A-3): one row, always published, edited by admins.

    It has no status and cannot be deleted; `services.urgent_help_page_ensure` creates it with
    the defaults below if it is missing."""

    lede = models.TextField(
        _("introduction"),
        max_length=500,
        default="If you are struggling right now, you deserve support straight away. "
        "These services are free and will listen.",
    )
    emergency_heading = models.CharField(
        _("emergency box heading"), max_length=150, default="Call 999 or go to A&E now if:"
    )
    emergency_body = models.TextField(
        _("emergency box text (Markdown)"),
        default="- your life or someone else's life is at risk\n"
        "- you have seriously harmed yourself",
    )
    emergency_html = models.TextField(editable=False)
    body = models.TextField(
        _("more help (Markdown)"),
        blank=True,
        default="You can also contact your GP, or your mental health team if you have one.",
        help_text=_("Shown after the phone and text services."),
    )
    body_html = models.TextField(editable=False)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("urgent-help page")
        verbose_name_plural = _("urgent-help page")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="urgent_help_page_singleton")
        ]

    def __str__(self) -> str:
        return str(_("Urgent-help page"))

    def save(self, *args, **kwargs):
        self.pk = 1
        self.emergency_html = render_resource(self.emergency_body)
        self.body_html = render_resource(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("urgent_help")


class UrgentHelpContact(models.Model):
    """A service listed on the urgent-help page, with a number to tap on a phone."""

    class Kind(models.TextChoices):
        CALL = "call", _("Call")
        TEXT = "text", _("Text")

    page = models.ForeignKey(UrgentHelpPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("service"), max_length=80)
    kind = models.CharField(_("how"), max_length=10, choices=Kind.choices, default=Kind.CALL)
    number = models.CharField(
        _("number"),
        max_length=20,
        validators=[RegexValidator(r"^\+?[0-9 ]{3,20}$", _("Digits and spaces only."))],
        help_text=_("As people should read it, e.g. 116 123."),
    )
    keyword = models.CharField(
        _("text keyword"),
        max_length=20,
        blank=True,
        help_text=_("For text services: the word to send, e.g. SHOUT."),
    )
    details = models.CharField(
        _("details"),
        max_length=200,
        help_text=_("e.g. “free, any time, day or night”."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("service")

    def __str__(self) -> str:
        return self.name

    @property
    def href(self) -> str:
        scheme = "sms" if self.kind == self.Kind.TEXT else "tel"
        return f"{scheme}:{self.number.replace(' ', '')}"
