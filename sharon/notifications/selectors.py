"""Who gets which email, and what it says. Each rule lives here once: the planner uses it to
choose recipients and the sender uses it again, just before sending, to re-check."""

import datetime as dt

from allauth.account.models import EmailAddress
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce

from forums.models import Status, Thread, ThreadRead
from forums.permissions import can_view_thread
from sharon.accounts.models import REMINDER_INTERVALS, EmailFrequency, User

from .models import Delivery, Notification

Kind = Delivery.Kind
FREQUENCY_FOR = {
    Kind.IMMEDIATE: EmailFrequency.IMMEDIATELY,
    Kind.DAILY: EmailFrequency.DAILY,
    Kind.WEEKLY: EmailFrequency.WEEKLY,
}
# Moderator alerts have their own email; the rest may be emailed. Reactions wait for a
# summary: an email for each one would be noise.
EMAILED_KINDS = [k for k in Notification.Kind.values if k != Notification.Kind.ALERT]
IMMEDIATE_KINDS = [k for k in EMAILED_KINDS if k != Notification.Kind.REACTION]
# "Immediately" waits a little, so that what the member reads in the site meanwhile (and
# more replies to the same thread) need no email.
IMMEDIATE_DELAY = dt.timedelta(minutes=3)
# An email tells of what is recent; older unread notifications stay in the site only (e.g.
# those that came during a break).
LOOKBACK = {
    Kind.IMMEDIATE: dt.timedelta(days=1),
    Kind.DAILY: dt.timedelta(days=2),
    Kind.WEEKLY: dt.timedelta(days=8),
}
ITEM_LIMIT = 20
REMINDER_THREADS = 5
REMINDER_RESOURCES = 5


def notifications_for(user: User) -> QuerySet[Notification]:
    """The member's notifications, less those about posts no longer shown (hidden or
    deleted, or in a thread that is): their titles name the thread."""
    return Notification.objects.filter(user=user).filter(
        Q(post__isnull=True)
        | Q(post__status=Status.PUBLISHED, post__thread__status=Status.PUBLISHED)
    )


def unread_notification_count(user: User) -> int:
    """The header badge."""
    return notifications_for(user).filter(read_at__isnull=True).count()


def _away(now: dt.datetime) -> Q:
    away = Q()
    for frequency, interval in REMINDER_INTERVALS.items():
        away |= Q(reminder_frequency=frequency, seen_at__lte=now - interval)
    return away


def email_recipients(*, kind: str, now: dt.datetime) -> QuerySet[User]:
    """Members who may be sent an email of `kind` at `now`: active, with a verified address,
    not taking a break, and asking for it (for a reminder: away long enough)."""
    verified = EmailAddress.objects.filter(
        user=OuterRef("pk"), email__iexact=OuterRef("email"), verified=True
    )
    members = (
        User.objects.filter(Exists(verified), is_active=True)
        .exclude(email="")
        .filter(Q(break_until__isnull=True) | Q(break_until__lte=now))
    )
    if kind == Kind.REMINDER:
        return members.annotate(seen_at=Coalesce("last_seen_at", "date_joined")).filter(_away(now))
    return members.filter(email_frequency=FREQUENCY_FOR[kind])


def notifications_to_email(*, kind: str, now: dt.datetime) -> QuerySet[Notification]:
    """Unread notifications no email has told of yet, that an email of `kind` would."""
    immediate = kind == Kind.IMMEDIATE
    return Notification.objects.filter(
        read_at__isnull=True,
        email_delivery__isnull=True,
        kind__in=IMMEDIATE_KINDS if immediate else EMAILED_KINDS,
        created_at__lte=now - IMMEDIATE_DELAY if immediate else now,
        created_at__gt=now - LOOKBACK[kind],
    )


def delivery_candidates(*, kind: str, period_key: str, now: dt.datetime) -> QuerySet[User]:
    """Members to plan an email of `kind` for in this period: those with something to be
    told (or, for reminders, not reminded lately), and those whose email for this period is
    recorded but not yet sent."""
    unsent = Delivery.objects.filter(
        user=OuterRef("pk"), kind=kind, period_key=period_key, sent_at__isnull=True
    )
    if kind == Kind.REMINDER:
        recent = Q()
        for frequency, interval in REMINDER_INTERVALS.items():
            reminded = Delivery.objects.filter(
                user=OuterRef("pk"), kind=kind, created_at__gt=now - interval
            )
            recent |= Exists(reminded) & Q(reminder_frequency=frequency)
        wanted = ~recent
    else:
        wanted = Exists(notifications_to_email(kind=kind, now=now).filter(user=OuterRef("pk")))
    return email_recipients(kind=kind, now=now).filter(wanted | Exists(unsent))


def notifications_for_email(*, delivery: Delivery) -> list[Notification]:
    """What the email still has to say, checked now: unread notifications, and of forum
    posts only those the member may still see and has not read, one per thread."""
    user = delivery.user
    notifications = list(
        delivery.notifications.filter(read_at__isnull=True)
        .select_related("post__thread__category", "post__author")
        .order_by("created_at")[:ITEM_LIMIT]
    )
    thread_ids = {n.post.thread_id for n in notifications if n.post_id}
    read_up_to = dict(
        ThreadRead.objects.filter(user=user, thread_id__in=thread_ids).values_list(
            "thread_id", "last_read_at"
        )
    )
    items, told = [], set()
    for notification in notifications:
        post = notification.post
        if post is not None:
            thread = post.thread
            # As in the site's list (notifications_for): not of a post or thread no longer
            # shown, even to a moderator, who could still open it.
            shown = post.status == thread.status == Status.PUBLISHED
            if not shown or not can_view_thread(user, thread):
                continue
            if notification.kind != Notification.Kind.REACTION:  # reactions: to their own post
                last_read = read_up_to.get(thread.pk)
                if thread.pk in told or (last_read is not None and last_read >= post.created_at):
                    continue
                told.add(thread.pk)
        items.append(notification)
    return items


def threads_with_news(*, user: User, since: dt.datetime) -> list[Thread]:
    """Threads `user` watches where someone else has posted since `since`, that they may
    still see, most recent first."""
    threads = (
        Thread.objects.filter(
            watches__user=user, status=Status.PUBLISHED, last_activity_at__gt=since
        )
        .exclude(last_poster=user)
        .select_related("category")
        .order_by(F("last_activity_at").desc())
    )
    return [t for t in threads[: REMINDER_THREADS * 2] if can_view_thread(user, t)][
        :REMINDER_THREADS
    ]
