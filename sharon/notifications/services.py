import datetime as dt
import logging
import uuid
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from forums.models import (
    CategoryWatch,
    ContentWarning,
    Post,
    PostMention,
    Reaction,
    Status,
    Thread,
    ThreadWatch,
)
from forums.permissions import can_view_thread
from messaging.selectors import blockers_of, has_blocked
from resources.selectors import resources_published_since
from sharon.accounts.models import MODERATORS_GROUP, EmailFrequency, ReminderFrequency, User

from . import selectors
from .models import Delivery, Notification
from .tasks import email_send, plan_batch

logger = logging.getLogger(__name__)
Kind = Delivery.Kind


# --- In-site notifications (N-1) -----------------------------------------------------------
def notification_create(
    *,
    user: User,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    group_key: str = "",
    post: Post | None = None,
) -> Notification:
    """A new notification, or, when `group_key` names an unread one, that one brought up to
    date and to the top of the list (see notifications_create)."""
    (notification,) = notifications_create(
        notifications=[
            Notification(
                user=user,
                kind=kind,
                title=title,
                body=body,
                url=url,
                group_key=group_key,
                post=post,
            )
        ]
    )
    return notification


def notifications_create(*, notifications: list[Notification]) -> list[Notification]:
    """Save unsaved notifications, at most one per member and group. Where a `group_key`
    names an unread notification of the same member, that one is brought up to date and to
    the top of the list instead: a group keeps the post it began with (the first unread one)
    and is emailed about once. Returns what was saved, in order; a few queries however many
    members there are."""
    fields = ["kind", "title", "body", "url", "created_at"]
    grouped = [n for n in notifications if n.group_key]
    current = {}
    if grouped:
        unread = Notification.objects.filter(
            user__in={n.user_id for n in grouped},
            group_key__in={n.group_key for n in grouped},
            read_at__isnull=True,
        ).order_by("-pk")
        # Newest first, so that where a member has two, the oldest is the one kept.
        current = {(n.user_id, n.group_key): n for n in unread}
    now = timezone.now()
    saved, updated, created = [], [], []
    for notification in notifications:
        notification.title = notification.title[:200]
        existing = current.get((notification.user_id, notification.group_key))
        if existing is None:
            created.append(notification)
            saved.append(notification)
            continue
        for name in fields:
            setattr(existing, name, now if name == "created_at" else getattr(notification, name))
        updated.append(existing)
        saved.append(existing)
    if updated:
        Notification.objects.bulk_update(updated, fields)
    if created:
        Notification.objects.bulk_create(created)
    return saved


def notifications_mark_read(*, user: User, group_key: str = "") -> int:
    """Mark the member's unread notifications read: all of them, or one group's."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if group_key:
        unread = unread.filter(group_key=group_key)
    return unread.update(read_at=timezone.now())


def notification_mark_read(*, notification: Notification) -> bool:
    if notification.read_at is not None:
        return False
    notification.read_at = timezone.now()
    notification.save(update_fields=["read_at"])
    return True


def _name(user: User | None) -> str:
    return user.username if user is not None else _("A former member")


def forum_post_published(*, post: Post) -> None:
    """Tell the members who watch the post's thread (for a new thread: its category), and
    those it mentions, that it is there, once it is visible to others. The author and anyone
    who cannot see the thread are left out. A post the checks held after it was published,
    then a moderator approved, was told of already: nothing is repeated."""
    if Notification.objects.filter(post=post).exists():
        return
    thread = Thread.objects.select_related("category").get(pk=post.thread_id)  # status as saved
    mentioned = set(PostMention.objects.filter(post=post).values_list("user_id", flat=True))
    if post.is_first:
        watchers = CategoryWatch.objects.filter(category_id=thread.category_id)
    else:
        watchers = ThreadWatch.objects.filter(thread_id=thread.pk)
    recipients = (
        User.objects.filter(
            pk__in={*watchers.values_list("user_id", flat=True), *mentioned}, is_active=True
        )
        .exclude(pk=post.author_id)
        .exclude(pk__in=blockers_of(post.author_id))  # P-3: they hear nothing of them
        .annotate(
            moderator=Exists(
                User.groups.through.objects.filter(
                    user_id=OuterRef("pk"), group__name=MODERATORS_GROUP
                )
            )
        )
    )
    author = _name(post.author)
    notifications = []
    for user in recipients:
        # Who is a moderator came with the query: can_view_thread asks, for hidden categories.
        user.is_moderator = user.is_superuser or user.moderator
        if not can_view_thread(user, thread):
            continue
        if user.pk in mentioned:
            notification = Notification(
                kind=Notification.Kind.MENTION,
                title=_("%(author)s mentioned you in “%(thread)s”")
                % {"author": author, "thread": thread.title},
                url=post.get_absolute_url(),
                group_key=f"mention:{post.pk}",
            )
        elif post.is_first:
            notification = Notification(
                kind=Notification.Kind.NEW_THREAD,
                title=_("%(author)s started “%(thread)s” in %(category)s")
                % {"author": author, "thread": thread.title, "category": thread.category.name},
                url=thread.get_absolute_url(),
                group_key=f"thread:{thread.pk}",
            )
        else:
            notification = Notification(
                kind=Notification.Kind.REPLY,
                title=_("New replies in “%(thread)s”") % {"thread": thread.title},
                body=_("The latest is from %(author)s.") % {"author": author},
                url=reverse("forums:thread_unread", args=[thread.pk]),
                group_key=f"thread:{thread.pk}",
            )
        notification.user, notification.post = user, post
        notifications.append(notification)
    notifications_create(notifications=notifications)


def forum_post_withdrawn(*, post: Post) -> None:
    """A post was hidden or deleted. Unread reply notifications that began with it move on
    to the next reply still shown, so later replies in the thread are not lost with it."""
    following = (
        Post.objects.filter(
            thread_id=post.thread_id, status=Status.PUBLISHED, created_at__gt=post.created_at
        )
        .order_by("created_at", "id")
        .first()
    )
    if following is not None:
        Notification.objects.filter(
            post=post, kind=Notification.Kind.REPLY, read_at__isnull=True
        ).update(post=following)


def reaction_added(*, post: Post, by: User) -> None:
    """Tell the post's author, in one notification per post, how many members reacted."""
    author = post.author
    if author is None or author.pk == by.pk or not author.is_active:
        return
    if has_blocked(author, by):
        return
    count = (
        Reaction.objects.filter(post=post).exclude(user=author).values("user").distinct().count()
    )
    title = ngettext(
        "%(name)s sent support to your post in “%(thread)s”",
        "%(count)d members sent support to your post in “%(thread)s”",
        count,
    ) % {"name": by.username, "count": count, "thread": post.thread.title}
    notification_create(
        user=author,
        kind=Notification.Kind.REACTION,
        title=title,
        url=post.get_absolute_url(),
        group_key=f"reactions:{post.pk}",
        post=post,
    )


# --- Preferences, take a break and unsubscribe (N-2, N-3, A-6, N-4) ------------------------
def preferences_update(*, user: User, email_frequency: str, reminder_frequency: str) -> None:
    if email_frequency not in EmailFrequency.values:
        raise ValueError(f"unknown email frequency {email_frequency!r}")
    if reminder_frequency not in ReminderFrequency.values:
        raise ValueError(f"unknown reminder frequency {reminder_frequency!r}")
    user.email_frequency, user.reminder_frequency = email_frequency, reminder_frequency
    user.save(update_fields=["email_frequency", "reminder_frequency"])


def break_start(*, user: User, until: dt.datetime) -> None:
    """No emails and no forums until `until`; the member can come back any time."""
    if until <= timezone.now():
        raise ValueError("a break ends in the future")
    user.break_until = until
    user.save(update_fields=["break_until"])


def break_end(*, user: User) -> bool:
    if user.break_until is None:
        return False
    user.break_until = None
    user.save(update_fields=["break_until"])
    return True


UNSUBSCRIBE_SALT = "sharon.notifications.unsubscribe"
# What an unsubscribe link turns off: the preference, and the value that means "never".
UNSUBSCRIBE_SCOPES = {
    "email": ("email_frequency", EmailFrequency.NEVER),
    "reminders": ("reminder_frequency", ReminderFrequency.NEVER),
}


def unsubscribe_token(*, user: User, scope: str) -> str:
    if scope not in UNSUBSCRIBE_SCOPES:
        raise ValueError(f"unknown scope {scope!r}")
    return signing.dumps([user.pk, scope], salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_token_read(token: str) -> tuple[User, str] | None:
    """The member and scope a link was made for, or None if it was not made by us."""
    try:
        user_id, scope = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    user = User.objects.filter(pk=user_id).first()
    if user is None or scope not in UNSUBSCRIBE_SCOPES:
        return None
    return user, scope


def unsubscribe(*, user: User, scope: str) -> bool:
    """Turn off what the link was for. False if it already was off."""
    field, never = UNSUBSCRIBE_SCOPES[scope]
    if getattr(user, field) == never:
        return False
    setattr(user, field, never)
    user.save(update_fields=[field])
    return True


# --- Email: recorded, then sent (N-2 … N-5) ----------------------------------------------
def _enqueue_send(delivery_id: int) -> None:
    try:
        email_send.delay(delivery_id=delivery_id)
    except Exception:  # noqa: BLE001 - broker down (or, in-process, SMTP): never fail the page
        logger.error(
            "Email delivery %s not sent yet; the resend sweep will try again",
            delivery_id,
            exc_info=True,
        )


def email_queue(message: EmailMessage) -> None:
    """Send `message` from a Celery worker once the current transaction commits. It is
    recorded first, so if the broker cannot be reached the page still answers and the
    resend sweep sends it later."""
    alternatives = getattr(message, "alternatives", [])
    payload = {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "html": next(
            (str(content) for content, mimetype in alternatives if mimetype == "text/html"),
            None,
        ),
        "headers": dict(message.extra_headers),
    }
    delivery = Delivery.objects.create(
        kind=Kind.EMAIL, period_key=uuid.uuid4().hex, payload=payload
    )
    transaction.on_commit(partial(_enqueue_send, delivery.pk))


def email_build(
    *,
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    html: str | None,
    headers: dict[str, str],
) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers)
    if html:
        message.attach_alternative(html, "text/html")
    return message


def period_key(*, kind: str, now: dt.datetime) -> str:
    """The period an email belongs to: five minutes for "immediately", the London day for
    daily summaries and reminders, the ISO week for weekly summaries."""
    if kind == Kind.IMMEDIATE:  # in UTC: a London hour repeats when the clocks go back
        utc = now.astimezone(dt.UTC)
        return utc.strftime("%Y-%m-%dT%H:") + f"{utc.minute // 5 * 5:02d}Z"
    local = timezone.localtime(now)
    if kind == Kind.WEEKLY:
        year, week, _weekday = local.isocalendar()
        return f"{year}-W{week:02d}"
    return local.date().isoformat()


BATCH_SIZE = 1000


def deliveries_fan_out(*, kind: str, now: dt.datetime, batch_size: int = BATCH_SIZE) -> int:
    """Split this period's recipients into id ranges of `batch_size` and queue a planning
    task for each; only ids are read here, a batch at a time. Returns the number of batches."""
    key = period_key(kind=kind, now=now)
    ids = (
        selectors.delivery_candidates(kind=kind, period_key=key, now=now)
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator(chunk_size=batch_size)
    )
    batches, batch = 0, []

    def queue() -> None:
        plan_batch.delay(
            kind=kind, period_key=key, first_id=batch[0], last_id=batch[-1], now=now.isoformat()
        )

    for user_id in ids:
        batch.append(user_id)
        if len(batch) == batch_size:
            queue()
            batches, batch = batches + 1, []
    if batch:
        queue()
        batches += 1
    return batches


def deliveries_plan(
    *, kind: str, period_key: str, first_id: int, last_id: int, now: dt.datetime
) -> list[int]:
    """Record this period's email for each candidate with an id in [first_id, last_id] and
    queue the sending. Safe to run again: a member's email for a period is recorded once
    (unique constraint), and only unsent ones are queued."""
    candidates = selectors.delivery_candidates(kind=kind, period_key=period_key, now=now)
    queued = []
    for user in (
        candidates.filter(pk__gte=first_id, pk__lte=last_id).order_by("pk").iterator(chunk_size=200)
    ):
        with transaction.atomic():
            delivery, created = Delivery.objects.get_or_create(
                user=user, kind=kind, period_key=period_key, defaults={"created_at": now}
            )
            if created and kind != Kind.REMINDER:
                told = (
                    selectors.notifications_to_email(kind=kind, now=now)
                    .filter(user=user)
                    .update(email_delivery=delivery)
                )
                if not told:  # read in the site meanwhile
                    delivery.delete()
                    continue
            if delivery.sent_at is None:
                transaction.on_commit(partial(_enqueue_send, delivery.pk))
                queued.append(delivery.pk)
    return queued


def delivery_send(*, delivery_id: int, now: dt.datetime | None = None) -> bool:
    """Send a recorded email unless it has been sent. The row stays locked while sending, so
    a redelivered copy of the task skips it rather than sending it twice; an SMTP error
    rolls back and the task is retried. What it says is decided now: a member who has since
    read, lost sight of or opted out of something is not emailed about it. True if sent."""
    now = now or timezone.now()
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user")
            .filter(pk=delivery_id, sent_at__isnull=True)
            .first()
        )
        if delivery is None:
            return False
        message = email_for_delivery(delivery=delivery, now=now)
        if message is not None:
            message.send()
        delivery.sent_at, delivery.skipped = now, message is None
        delivery.payload = {}  # account emails carry one-time links: not kept once sent
        delivery.save(update_fields=["sent_at", "skipped", "payload"])
    return message is not None


def deliveries_resend(
    *, now: dt.datetime, older_than: dt.timedelta = dt.timedelta(minutes=10)
) -> int:
    """Queue again every recorded email still unsent after `older_than` (broker down, worker
    lost, retries used up), for up to three days. Returns how many were queued."""
    unsent = Delivery.objects.filter(
        sent_at__isnull=True,
        created_at__lte=now - older_than,
        created_at__gt=now - dt.timedelta(days=3),
    ).values_list("pk", flat=True)
    count = 0
    for delivery_id in unsent.iterator(chunk_size=BATCH_SIZE):
        _enqueue_send(delivery_id)
        count += 1
    return count


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


SUBJECTS = {
    # Nothing about anyone's health or posts: subjects show on locked phone screens.
    Kind.IMMEDIATE: gettext_lazy("You have new notifications on SHaRON"),
    Kind.DAILY: gettext_lazy("Your daily summary from SHaRON"),
    Kind.WEEKLY: gettext_lazy("Your weekly summary from SHaRON"),
    Kind.REMINDER: gettext_lazy("SHaRON is here whenever you need it"),
}


def _item(notification: Notification) -> dict:
    item = {
        "title": notification.title,
        "kind": notification.get_kind_display(),
        "url": _absolute(reverse("notifications:open", args=[notification.pk])),
        "excerpt": "",
        "warning": "",
    }
    post = notification.post
    if post is not None:
        warning = post.content_warning or post.thread.content_warning
        if warning:  # folded away in the site (F-5): named, never quoted
            item["warning"] = dict(ContentWarning.choices).get(warning, warning)
        else:
            text = " ".join(strip_tags(post.body_html).split())
            item["excerpt"] = Truncator(text).chars(200)
    elif notification.kind in (Notification.Kind.MODERATION, Notification.Kind.REPORT):
        item["excerpt"] = notification.body  # to the member it concerns; never a message's text
    return item


def _reminder_context(user: User) -> dict:
    since = user.last_seen_at or user.date_joined
    return {
        "threads": [
            {"title": t.title, "url": _absolute(reverse("forums:thread_unread", args=[t.pk]))}
            for t in selectors.threads_with_news(user=user, since=since)
        ],
        "resources": [
            {"title": r.title, "summary": r.summary, "url": _absolute(r.get_absolute_url())}
            for r in resources_published_since(since=since, limit=selectors.REMINDER_RESOURCES)
        ],
        "urgent_help_url": _absolute(reverse("urgent_help")),
        "forums_url": _absolute(reverse("forums:index")),
        "resources_url": _absolute(reverse("resources:index")),
    }


def email_for_delivery(*, delivery: Delivery, now: dt.datetime) -> EmailMultiAlternatives | None:
    """The email a delivery stands for, as it should read now; None if it should not go."""
    if delivery.kind == Kind.EMAIL:
        return email_build(**delivery.payload) if delivery.payload else None
    user = delivery.user
    if not selectors.email_recipients(kind=delivery.kind, now=now).filter(pk=user.pk).exists():
        return None
    if delivery.kind == Kind.REMINDER:
        scope, template = "reminders", "reminder"
        context = _reminder_context(user)
    else:
        scope, template = "email", "notifications"
        items = selectors.notifications_for_email(delivery=delivery)
        if not items:
            return None
        context = {"items": [_item(n) for n in items]}
    unsubscribe_url = _absolute(
        reverse("notifications:unsubscribe", args=[unsubscribe_token(user=user, scope=scope)])
    )
    subject = str(SUBJECTS[delivery.kind])
    context.update(
        subject=subject,
        member=user,
        kind=delivery.kind,
        site_url=settings.SITE_URL,
        notifications_url=_absolute(reverse("notifications:list")),
        preferences_url=_absolute(reverse("notifications:preferences")),
        unsubscribe_url=unsubscribe_url,
        scope=scope,
    )
    return email_build(
        subject=subject,
        body=render_to_string(f"notifications/email/{template}.txt", context),
        html=render_to_string(f"notifications/email/{template}.html", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
