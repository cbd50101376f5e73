"""Every moderation state change. Each action is idempotent (repeating it changes nothing
and returns False) and writes one append-only audit entry when it does change something."""

import datetime as dt
import logging
import re

from allauth.usersessions.adapter import get_adapter as usersessions_adapter
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forums import selectors as forum_selectors
from forums import services as forum_services
from forums.models import Category, Post, Status, Thread
from messaging import services as messaging_services
from messaging.models import Message
from resources.services import urgent_help_contacts
from sharon.accounts.models import MODERATORS_GROUP, User
from sharon.content import Screening
from sharon.core.models import SiteSettings
from sharon.notifications.models import Notification
from sharon.notifications.services import email_queue, notification_create

from .checks import DUPLICATE_MIN_LENGTH, CheckContext, Hit, WatchedWordRule, check_text
from .models import AuditEntry, CheckHit, ContentCheck, QueueItem, Report, WatchedWord
from .targets import describe, load, load_or_none

logger = logging.getLogger(__name__)

SEVERITY_SCORE = {"urgent": 100, "hold": 20, "flag": 5}
REPORT_SCORE = 10
NEW_MEMBER_MAX_LINKS = 2
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


# --- Screening before content is saved (M-4, M-6, M-9) ---------------------------------------
def watched_rules() -> tuple[WatchedWordRule, ...]:
    return tuple(
        WatchedWordRule(phrase=w.phrase, action=w.action) for w in WatchedWord.objects.all()
    )


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())


def _recent_posts(author: User, now: dt.datetime) -> tuple[list[str], int]:
    """The author's post bodies of the last 24 hours (newest first) and how many of those
    posts are from the last 10 minutes: one query for the duplicate and rate checks."""
    posts = forum_selectors.recent_posts_by(author=author, since=now - dt.timedelta(hours=24))
    ten_minutes_ago = now - dt.timedelta(minutes=10)
    return [body for _created, body in posts], sum(
        created >= ten_minutes_ago for created, _body in posts
    )


def content_screen(*, author: User, title: str, text: str, kind: str) -> Screening:
    """Decide at once what must not wait for the worker: posting limits, watched words that
    block or need approval, pre-moderation of a new member's first posts, and whether the
    author should be shown urgent help straight away."""
    if author.is_moderator:
        return Screening()
    now = timezone.now()
    new = author.is_new_member
    site = SiteSettings.load()
    if kind == "post":
        recent, in_ten_minutes = _recent_posts(author, now)
        limit = site.new_member_posts_per_10_minutes if new else site.member_posts_per_10_minutes
        if limit and in_ten_minutes >= limit:
            return Screening(
                block=_(
                    "You've posted %(count)d times in the last 10 minutes, which is the most we allow "
                    "for now. Your text is kept below: please try again in a few minutes."
                )
                % {"count": in_ten_minutes}
            )
        if len(text.strip()) >= DUPLICATE_MIN_LENGTH and _normalised(text) in {
            _normalised(b) for b in recent
        }:
            return Screening(
                block=_(
                    "You've already posted this exact message today. If you can't see it, it may "
                    "be waiting for a moderator."
                )
            )
    if new and len(_LINK.findall(text)) > NEW_MEMBER_MAX_LINKS:
        return Screening(
            block=_(
                "New members can include up to %(limit)d links in a post or message. Please "
                "remove some and send it again."
            )
            % {"limit": NEW_MEMBER_MAX_LINKS}
        )
    hits = check_text(
        f"{title}\n\n{text}" if title else text,
        CheckContext(
            author_is_new=new, watched_words=watched_rules(), is_private_message=kind == "message"
        ),
    )
    blocked = next((h for h in hits if h.severity == "block"), None)
    if blocked:
        return Screening(
            block=_(
                "Your text includes “%(words)s”, which isn't allowed on SHaRON. Please change it and try again."
            )
            % {"words": blocked.excerpt}
        )
    premoderated = kind == "post" and author.post_count < site.premoderation_post_count
    watched_hold = any(h.category == "watched" and h.severity == "hold" for h in hits)
    return Screening(
        hold="pre-moderation" if premoderated else "watched word" if watched_hold else "",
        # The author is shown crisis options when a written rule recognised crisis language;
        # the classifier alone alerts moderators (a human reads it) but does not tell a member
        # they seem to be in crisis on a statistical guess.
        support=any(
            h.category == "risk" and h.severity == "urgent" and h.signal != "risk.model"
            for h in hits
        ),
    )


# --- The queue ---------------------------------------------------------------------------
def _target_type(target) -> ContentType:
    return ContentType.objects.get_for_model(target, for_concrete_model=True)


def _item_open(*, target, author: User | None, because: str = "") -> QueueItem:
    """The open queue item for `target`, created if there is none."""
    target_type = _target_type(target)
    item = QueueItem.objects.filter(
        target_type=target_type, target_id=target.pk, state=QueueItem.State.OPEN
    ).first()
    if item is None:
        try:
            with transaction.atomic():
                item = QueueItem.objects.create(
                    target_type=target_type,
                    target_id=target.pk,
                    author=author,
                    queued_because=because,
                )
        except IntegrityError:  # created meanwhile by another request or worker
            item = QueueItem.objects.get(
                target_type=target_type, target_id=target.pk, state=QueueItem.State.OPEN
            )
    elif because and not item.queued_because:
        item.queued_because = because
        item.save(update_fields=["queued_because"])
    return item


def _rescore(item: QueueItem) -> None:
    """Priority (M-2): risk first, then score (reports and check severities), then age."""
    reports = item.reports.aggregate(
        n=Count("id"), risk=Count("id", filter=Q(reason=Report.Reason.RISK))
    )
    hits = list(item.hits.values_list("category", "severity"))
    is_risk = reports["risk"] > 0 or any(c == "risk" and s == "urgent" for c, s in hits)
    score = reports["n"] * REPORT_SCORE + sum(
        SEVERITY_SCORE.get(severity, 0) for _, severity in hits
    )
    QueueItem.objects.filter(pk=item.pk).update(score=score, is_risk=is_risk)
    item.score, item.is_risk = score, is_risk


def _post_of(target) -> Post | None:
    if isinstance(target, Thread):
        return target.posts.filter(is_first=True).first()
    return target if isinstance(target, Post) else None


def _hold(item: QueueItem, target) -> None:
    """Hide content until a moderator has looked (checks that hold, the safety net)."""
    post = _post_of(target)
    if post is not None and post.status == Status.PUBLISHED:
        forum_services.post_set_status(post=post, status=Status.PENDING)
    if not item.held:
        QueueItem.objects.filter(pk=item.pk).update(held=True)
        item.held = True


def report_create(*, reporter: User, target, reason: str, note: str = "") -> Report:
    """A member flags content or a member. One report per member per open item (a second
    one updates the first). Enough distinct reporters hide the content until reviewed (M-7)."""
    if reason not in Report.Reason.values:
        raise ValueError(f"unknown reason {reason!r}")
    described = describe(target)
    with transaction.atomic():
        item = _item_open(target=target, author=described.author)
        report, created = Report.objects.update_or_create(
            reporter=reporter,
            item=item,
            defaults={
                "target_type": _target_type(target),
                "target_id": target.pk,
                "reason": reason,
                "note": note.strip(),
                "status": Report.Status.OPEN,
            },
        )
        _rescore(item)
        threshold = SiteSettings.load().report_hide_threshold
        reporters = item.reports.values("reporter").distinct().count()
        if reporters >= threshold and not item.held and described.kind in ("post", "thread"):
            _hold(item, target)
            _alert(
                item,
                why=_("Content was hidden after %(n)d members reported it.") % {"n": reporters},
            )
        elif created and reason == Report.Reason.RISK:
            _alert(item, why=_("A member reported that someone may be at risk."))
    return report


def content_saved(*, instance, author: User | None, created: bool) -> ContentCheck:
    """Record that new or edited content needs checking, and queue the check once the
    transaction commits. Pending (pre-moderated) content also goes in the queue."""
    check = ContentCheck.objects.create(target_type=_target_type(instance), target_id=instance.pk)
    if isinstance(instance, Post | Message) and instance.status == Status.PENDING:
        item = _item_open(
            target=instance, author=author, because=_("Waiting for approval before publishing")
        )
        QueueItem.objects.filter(pk=item.pk).update(held=True)
        _rescore(item)
    transaction.on_commit(lambda: content_check_enqueue(check_id=check.pk))
    return check


def content_check_enqueue(*, check_id: int) -> bool:
    """Hand the check to the worker. If the broker cannot be reached the check stays
    unchecked and the periodic sweep queues it later: posting never fails for this."""
    from .tasks import check_content

    try:
        check_content.delay(check_id)
    except Exception:  # noqa: BLE001 - any broker failure: the sweep retries
        logger.warning(
            "Could not queue content check %s; the sweep will retry it.", check_id, exc_info=True
        )
        return False
    return True


def unchecked_sweep(*, older_than: dt.timedelta = dt.timedelta(minutes=1)) -> int:
    """Queue again every check still not done after `older_than` (beat runs this)."""
    ids = list(
        ContentCheck.objects.filter(
            done_at__isnull=True, requested_at__lte=timezone.now() - older_than
        )
        .order_by("requested_at")
        .values_list("id", flat=True)[:500]
    )
    return sum(content_check_enqueue(check_id=check_id) for check_id in ids)


def content_check_run(*, check_id: int) -> list[Hit]:
    """Run the automatic checks on one piece of content (in the worker). Idempotent: a
    check already done is skipped, so a redelivered task does nothing twice."""
    with transaction.atomic():
        check = (
            ContentCheck.objects.select_for_update(skip_locked=True)
            .filter(pk=check_id, done_at__isnull=True)
            .first()
        )
        if check is None:
            return []
        check.attempts += 1
        target = load_or_none(check.target_type, check.target_id)
        hits = _check(target) if target is not None else []
        check.done_at = timezone.now()
        check.save(update_fields=["attempts", "done_at"])
    return hits


def _check(target) -> list[Hit]:
    described = describe(target)
    author = described.author
    now = timezone.now()
    recent: list[str] = []
    burst = 0
    if author is not None:
        recent, burst = _recent_posts(author, now)
        if described.text in recent:
            recent.remove(described.text)
    context = CheckContext(
        author_is_new=bool(author and author.is_new_member),
        recent_texts=tuple(recent[:20]),
        posts_in_last_10_minutes=burst,
        watched_words=watched_rules(),
        is_private_message=described.kind == "message",
    )
    hits = [hit for hit in check_text(described.text, context) if hit.severity != "block"]
    if not hits:
        return []
    item = _item_open(target=target, author=author, because=_("Automatic checks"))
    known = set(item.hits.values_list("signal", "excerpt"))
    CheckHit.objects.bulk_create(
        [
            CheckHit(
                item=item,
                category=h.category,
                signal=h.signal,
                severity=h.severity,
                excerpt=h.excerpt[:300],
                reason=h.reason[:300],
            )
            for h in hits
            if (h.signal, h.excerpt[:300]) not in known
        ]
    )
    _rescore(item)
    if any(h.severity == "hold" for h in hits):
        _hold(item, target)
    if any(h.severity == "urgent" for h in hits):
        _alert(
            item, why=_("The automatic checks found language suggesting someone may be at risk.")
        )
    return hits


# --- Alerts (M-5, M-7, A-4) ----------------------------------------------------------------
def _alert(item: QueueItem, *, why: str) -> None:
    """Tell the moderators: in the site always, by email to those on duty, or to the
    on-call address out of hours."""
    site = SiteSettings.load()
    moderators = list(User.objects.filter(is_active=True, groups__name=MODERATORS_GROUP).distinct())
    url = reverse("moderation:item", args=[item.pk])
    for moderator in moderators:
        notification_create(
            user=moderator,
            kind=Notification.Kind.ALERT,
            title=_("Urgent item in the queue"),
            body=why,
            url=url,
        )
    if site.moderators_on_duty(timezone.now()) or not site.on_call_email:
        recipients = [m.email for m in moderators if m.email]
    else:
        recipients = [site.on_call_email]
    if not recipients:
        return
    link = f"{settings.SITE_URL}{url}"
    # The subject says nothing about the member: it may show on a locked phone screen.
    message = EmailMultiAlternatives(
        subject=_("SHaRON: an item needs a moderator now"),
        body=_("%(why)s\n\nOpen the item: %(link)s\n\nPriority: %(priority)s.")
        % {"why": why, "link": link, "priority": _("risk") if item.is_risk else _("normal")},
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )
    email_queue(message)


# --- Actions (M-3) -------------------------------------------------------------------------
def _audit(
    *,
    actor: User,
    action: str,
    target,
    reason: str = "",
    before=None,
    after=None,
    member: User | None = None,
    item: QueueItem | None = None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        target_type=_target_type(target),
        target_id=target.pk,
        target_repr=str(target)[:200],
        member=member,
        item=item,
        reason=reason,
        before=before or {},
        after=after or {},
    )


def _notify_member(member: User | None, title: str, body: str) -> None:
    if member is not None:
        notification_create(user=member, kind=Notification.Kind.MODERATION, title=title, body=body)


def _close(item: QueueItem | None, *, resolution: str, report_status: str) -> None:
    if item is None or item.state == QueueItem.State.CLOSED:
        return
    now = timezone.now()
    QueueItem.objects.filter(pk=item.pk).update(
        state=QueueItem.State.CLOSED,
        closed_at=now,
        resolution=resolution,
        first_action_at=item.first_action_at or now,
    )
    item.state, item.closed_at, item.resolution = QueueItem.State.CLOSED, now, resolution
    for report in item.reports.filter(status=Report.Status.OPEN).select_related("reporter"):
        report.status, report.resolved_at = report_status, now
        report.save(update_fields=["status", "resolved_at"])
        if report.reporter:
            notification_create(
                user=report.reporter,
                kind=Notification.Kind.REPORT,
                title=_("A moderator has looked at your report"),
                body=report.get_status_display(),
                url=reverse("moderation:my_reports"),
            )


def _acted(item: QueueItem | None) -> None:
    if item is not None and item.first_action_at is None:
        item.first_action_at = timezone.now()
        QueueItem.objects.filter(pk=item.pk, first_action_at__isnull=True).update(
            first_action_at=item.first_action_at
        )


def _content_of(target) -> Post | Message | None:
    """What a status applies to: the post (a thread's first post) or the message."""
    return target if isinstance(target, Message) else _post_of(target)


def item_claim(*, item: QueueItem, moderator: User) -> bool:
    if item.claimed_by_id == moderator.pk:
        return False
    item.claimed_by, item.claimed_at = moderator, timezone.now()
    item.save(update_fields=["claimed_by", "claimed_at"])
    return True


def item_approve(*, item: QueueItem, moderator: User, reason: str = "") -> bool:
    """Keep the content: publish it if it was waiting, dismiss the reports, close the item."""
    if item.state == QueueItem.State.CLOSED:
        return False
    target = load(item.target_type, item.target_id)
    with transaction.atomic():
        content = _content_of(target)
        before = {"status": content.status} if content else {}
        if isinstance(content, Post) and content.status == Status.PENDING:
            forum_services.post_set_status(post=content, status=Status.PUBLISHED)
        if isinstance(content, Message) and content.status == Message.Status.PENDING:
            messaging_services.message_set_status(message=content, status=Message.Status.PUBLISHED)
        _close(item, resolution="approved", report_status=Report.Status.DISMISSED)
        _audit(
            actor=moderator,
            action="approve",
            target=target,
            reason=reason,
            before=before,
            after={"status": content.status} if content else {},
            member=item.author,
            item=item,
        )
    return True


def _guidance() -> str:
    """Where to find the guidelines and help, with the first service on the urgent-help page
    as admins last set it (A-3)."""
    contact = next(iter(urgent_help_contacts()), None)
    service = f" ({contact.name} {contact.number}, {contact.details})" if contact else ""
    return _(
        "You can read the community guidelines at /guidelines/. If you are struggling, help is "
        "available now: /urgent-help/%(service)s."
    ) % {"service": service}


def content_set_status(
    *, target, moderator: User, status: str, reason: str, item: QueueItem | None = None
) -> bool:
    """Hide or remove a post, thread or private message (or publish it again). The author
    is told why, privately, with where to find help. A message is removed either way."""
    content = _content_of(target)
    if isinstance(content, Message) and status != Status.PUBLISHED:
        status = Message.Status.REMOVED
    if content is None or content.status == status:
        _close(item, resolution=status, report_status=Report.Status.ACTIONED)
        return False
    action = {Status.HIDDEN: "hide", Status.REMOVED: "remove", Status.PUBLISHED: "publish"}[status]
    with transaction.atomic():
        before = content.status
        if isinstance(content, Message):
            messaging_services.message_set_status(message=content, status=status)
            author, what, where = content.sender, _("private messages"), _("a conversation")
        else:
            forum_services.post_set_status(post=content, status=status)
            author, what, where = content.author, _("posts"), f"“{content.thread.title}”"
        _close(item, resolution=action, report_status=Report.Status.ACTIONED)
        _audit(
            actor=moderator,
            action=action,
            target=target,
            reason=reason,
            before={"status": before},
            after={"status": status},
            member=author,
            item=item,
        )
        if status in (Status.HIDDEN, Status.REMOVED):
            _notify_member(
                author,
                _("A moderator has hidden one of your %(what)s") % {"what": what}
                if status == Status.HIDDEN
                else _("A moderator has removed one of your %(what)s") % {"what": what},
                _("In %(where)s. Why: %(reason)s\n\n%(guidance)s")
                % {"where": where, "reason": reason, "guidance": _guidance()},
            )
    return True


def content_edit(
    *, post: Post, moderator: User, body: str, reason: str, item: QueueItem | None = None
) -> bool:
    before = post.body
    with transaction.atomic():
        if not forum_services.post_edit(
            post=post, editor=moderator, body=body, content_warning=post.content_warning
        ):
            return False
        _acted(item)
        _audit(
            actor=moderator,
            action="edit",
            target=post,
            reason=reason,
            before={"body": before},
            after={"body": body},
            member=post.author,
            item=item,
        )
        _notify_member(
            post.author,
            _("A moderator edited one of your posts"),
            _("In “%(title)s”. Why: %(reason)s") % {"title": post.thread.title, "reason": reason},
        )
    return True


def thread_moderate(
    *,
    thread: Thread,
    moderator: User,
    reason: str = "",
    is_locked: bool | None = None,
    is_pinned: bool | None = None,
    category: Category | None = None,
    item: QueueItem | None = None,
) -> bool:
    """Lock/unlock, pin/unpin or move a thread."""
    before = {
        "is_locked": thread.is_locked,
        "is_pinned": thread.is_pinned,
        "category": thread.category.name,
    }
    with transaction.atomic():
        changed = forum_services.thread_set_flags(
            thread=thread, is_locked=is_locked, is_pinned=is_pinned
        )
        if category is not None:
            changed = forum_services.thread_move(thread=thread, category=category) or changed
        if not changed:
            return False
        after = {
            "is_locked": thread.is_locked,
            "is_pinned": thread.is_pinned,
            "category": thread.category.name,
        }
        action = next(
            name
            for name, key in (
                ("lock" if is_locked else "unlock", "is_locked"),
                ("pin" if is_pinned else "unpin", "is_pinned"),
                ("move", "category"),
            )
            if before[key] != after[key]
        )
        _acted(item)
        _audit(
            actor=moderator,
            action=action,
            target=thread,
            reason=reason,
            before=before,
            after=after,
            member=thread.author,
            item=item,
        )
    return True


def member_warn(
    *, member: User, moderator: User, reason: str, item: QueueItem | None = None
) -> bool:
    """A private warning. The same warning twice within five minutes is a repeat, not news."""
    recent = AuditEntry.objects.filter(
        member=member,
        action="warn",
        reason=reason,
        created_at__gte=timezone.now() - dt.timedelta(minutes=5),
    )
    if recent.exists():
        return False
    with transaction.atomic():
        _notify_member(member, _("A message from the moderators"), f"{reason}\n\n{_guidance()}")
        _acted(item)
        _audit(
            actor=moderator, action="warn", target=member, reason=reason, member=member, item=item
        )
    return True


def member_silence(
    *, member: User, moderator: User, until: dt.datetime, reason: str, item: QueueItem | None = None
) -> bool:
    """Read-only until `until`."""
    if member.silenced_until == until:
        return False
    with transaction.atomic():
        before = member.silenced_until
        member.silenced_until = until
        member.save(update_fields=["silenced_until"])
        _notify_member(
            member,
            _("Your account is read-only for a while"),
            _("Until %(until)s you can read but not post. Why: %(reason)s\n\n%(guidance)s")
            % {
                "until": timezone.localtime(until).strftime("%-d %B %Y, %H:%M"),
                "reason": reason,
                "guidance": _guidance(),
            },
        )
        _acted(item)
        _audit(
            actor=moderator,
            action="silence",
            target=member,
            reason=reason,
            before={"silenced_until": before.isoformat() if before else None},
            after={"silenced_until": until.isoformat()},
            member=member,
            item=item,
        )
    return True


def member_suspend(
    *, member: User, moderator: User, reason: str, item: QueueItem | None = None
) -> bool:
    """No sign-in, and every session the member has is ended at once."""
    if not member.is_active:
        return False
    with transaction.atomic():
        member.is_active = False
        member.save(update_fields=["is_active"])
        usersessions_adapter().end_sessions(list(UserSession.objects.filter(user=member)))
        _acted(item)
        _audit(
            actor=moderator,
            action="suspend",
            target=member,
            reason=reason,
            before={"is_active": True},
            after={"is_active": False},
            member=member,
            item=item,
        )
    return True


def member_reinstate(*, member: User, moderator: User, reason: str) -> bool:
    """Lift a suspension and any silence."""
    if member.is_active and not member.is_silenced:
        return False
    with transaction.atomic():
        before = {
            "is_active": member.is_active,
            "silenced_until": member.silenced_until.isoformat() if member.silenced_until else None,
        }
        member.is_active, member.silenced_until = True, None
        member.save(update_fields=["is_active", "silenced_until"])
        _notify_member(member, _("Your account is fully active again"), reason)
        _audit(
            actor=moderator,
            action="reinstate",
            target=member,
            reason=reason,
            before=before,
            after={"is_active": True, "silenced_until": None},
            member=member,
        )
    return True


def item_close(*, item: QueueItem, moderator: User) -> bool:
    """Close an item once its actions are done (reports become 'actioned')."""
    if item.state == QueueItem.State.CLOSED:
        return False
    _close(item, resolution="actioned", report_status=Report.Status.ACTIONED)
    return True


def private_conversation_access(*, moderator: User, item: QueueItem, conversation) -> None:
    """A moderator opened a reported conversation: always recorded (People: Moderator)."""
    _audit(
        actor=moderator,
        action="view_conversation",
        target=conversation,
        reason=_("Reviewing a reported message"),
        member=item.author,
        item=item,
    )
