"""Every change to private messages: sending, reading, deleting for yourself, blocking."""

import datetime as dt

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from sharon.accounts.models import User
from sharon.content import Verdict, saved, screen_text
from sharon.core.models import SiteSettings
from sharon.markup import render_post
from sharon.notifications.models import Notification
from sharon.notifications.services import notification_create, notifications_mark_read

from .models import Block, Conversation, Message, MessagingSettings, Participant
from .permissions import can_block, message_refusal


class MessagingRefused(Exception):
    """The message cannot be sent; the text says why, for the sender."""


def _rate_refusal(sender: User, *, starting: bool, now: dt.datetime) -> str | None:
    if sender.is_moderator:
        return None
    site = SiteSettings.load()
    limit = site.messages_per_10_minutes
    sent = Message.objects.filter(sender=sender, created_at__gte=now - dt.timedelta(minutes=10))
    if limit and sent.count() >= limit:
        return _(
            "You've sent %(count)d messages in the last 10 minutes, which is the most we allow. "
            "Your message is kept below: please send it again in a few minutes."
        ) % {"count": limit}
    per_day = site.conversations_per_day
    if starting and per_day:
        started = Conversation.objects.filter(
            started_by=sender, created_at__gte=now - dt.timedelta(days=1)
        )
        if started.count() >= per_day:
            return _(
                "You can start up to %(count)d new conversations a day. Your message is kept "
                "below: please try again tomorrow."
            ) % {"count": per_day}
    return None


def _screen(sender: User, body: str, conversation: Conversation | None) -> Verdict:
    verdict = screen_text(
        sender=Message, author=sender, text=body, kind="message", place=conversation
    )
    if verdict.block:
        raise MessagingRefused(verdict.block)
    return verdict


def _deliver(message: Message) -> None:
    """The recipient can now see `message`: count it as unread, list the conversation at the
    top again and tell them (no text of the message leaves the conversation)."""
    others = Participant.objects.filter(conversation_id=message.conversation_id).exclude(
        user_id=message.sender_id
    )
    others.update(unread_count=F("unread_count") + 1, last_message_at=message.created_at)
    for participant in others.select_related("user"):
        notification_create(
            user=participant.user,
            kind=Notification.Kind.MESSAGE,
            title=_("%(name)s sent you a private message")
            % {"name": message.sender.username if message.sender else _("A former member")},
            url=message.conversation.get_absolute_url(),
            group_key=f"conversation:{message.conversation_id}",
        )


def message_send(
    *, sender: User, body: str, recipient: User | None = None, conversation=None
) -> Message:
    """Send `body` to `recipient` (starting or reusing their conversation) or into
    `conversation`. Raises MessagingRefused with the reason when it may not be sent. A message
    the screening holds waits for a moderator before the recipient sees it."""
    now = timezone.now()
    if conversation is None:
        conversation = Conversation.objects.filter(
            pair_key=Conversation.key_for(sender.pk, recipient.pk)
        ).first()
    if recipient is None:
        recipient = (
            User.objects.filter(conversations__conversation=conversation)
            .exclude(pk=sender.pk)
            .get()
        )
    refusal = message_refusal(sender, recipient, conversation) or _rate_refusal(
        sender, starting=conversation is None, now=now
    )
    if refusal:
        raise MessagingRefused(refusal)
    verdict = _screen(sender, body, conversation)
    status = (
        Message.Status.PENDING
        if verdict.hold and not sender.is_moderator
        else Message.Status.PUBLISHED
    )
    with transaction.atomic():
        if conversation is None:
            conversation, _created = Conversation.objects.get_or_create(
                pair_key=Conversation.key_for(sender.pk, recipient.pk),
                defaults={"created_at": now, "started_by": sender},
            )
        for user in (sender, recipient):
            Participant.objects.get_or_create(conversation=conversation, user=user)
        message = Message.objects.create(
            conversation=conversation,
            sender=sender,
            body=body,
            body_html=render_post(body),
            status=status,
            created_at=now,
        )
        # Replying counts as reading.
        Participant.objects.filter(conversation=conversation, user=sender).update(
            last_message_at=now, last_read_at=now, unread_count=0
        )
        notifications_mark_read(user=sender, group_key=f"conversation:{conversation.pk}")
        if status == Message.Status.PUBLISHED:
            _deliver(message)
        saved.send(sender=Message, instance=message, author=sender, created=True)
    message.screening = verdict
    return message


def message_set_status(*, message: Message, status: str) -> bool:
    """Moderation's decision on a message: deliver one that waited, or remove one."""
    if message.status == status:
        return False
    was = message.status
    with transaction.atomic():
        message.status = status
        message.save(update_fields=["status"])
        if was == Message.Status.PENDING and status == Message.Status.PUBLISHED:
            _deliver(message)
    return True


def conversation_mark_read(*, participant: Participant) -> bool:
    if not participant.unread_count and (
        participant.last_read_at and participant.last_read_at >= participant.last_message_at
    ):
        return False
    participant.unread_count, participant.last_read_at = 0, timezone.now()
    participant.save(update_fields=["unread_count", "last_read_at"])
    notifications_mark_read(
        user=participant.user, group_key=f"conversation:{participant.conversation_id}"
    )
    return True


def conversation_leave(*, participant: Participant) -> None:
    """Delete the conversation for this member only: its messages so far disappear from
    their list; the other member keeps theirs."""
    participant.left_at, participant.unread_count = timezone.now(), 0
    participant.save(update_fields=["left_at", "unread_count"])


def block_create(*, blocker: User, blocked: User) -> bool:
    if not can_block(blocker, blocked):
        raise ValueError("this member cannot be blocked")
    _block, created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    return created


def block_remove(*, blocker: User, blocked: User) -> bool:
    deleted, _rows = Block.objects.filter(blocker=blocker, blocked=blocked).delete()
    return bool(deleted)


def messaging_settings_update(*, user: User, who_can_message: str) -> None:
    MessagingSettings.objects.update_or_create(
        user=user, defaults={"who_can_message": who_can_message}
    )
