"""Who may write to whom (P-2, P-3). One rule, `message_refusal`, answers for the start page,
the reply form and the service that sends."""

from django.utils.translation import gettext as _

from forums.selectors import have_talked
from sharon.core.models import SiteSettings

from .models import Block, Conversation, Message, MessagingSettings
from .selectors import who_can_message


def not_accepting(recipient) -> str:
    # The same words whether the recipient blocked the sender, chose "nobody" or only talks
    # to members they know: a blocked member must not be able to tell (P-3).
    return _(
        "%(name)s isn't accepting private messages from you. You can still talk with them in "
        "the forums."
    ) % {"name": recipient.username}


def new_member_refusal() -> str:
    site = SiteSettings.load()
    return _(
        "New members can reply to messages but can't start conversations yet. You can once "
        "you've been a member for %(days)d days and written %(posts)d posts in the forums: "
        "until then, the forums are the place to talk."
    ) % {"days": site.new_member_min_days, "posts": site.new_member_min_posts}


def message_refusal(sender, recipient, conversation: Conversation | None = None) -> str | None:
    """Why `sender` may not send `recipient` a message (in `conversation`), or None.

    Anyone may answer a member who has written to them, unless a block stands between them;
    starting a conversation also needs the recipient's setting and an established sender.
    Moderators may always write to members."""
    if sender.pk == recipient.pk:
        return _("You can't send a message to yourself.")
    if not recipient.is_active:
        return _("%(name)s can't receive messages.") % {"name": recipient.username}
    if sender.is_silenced:
        return _(
            "Your account is read-only at the moment, so you can't send messages. A moderator "
            "has sent you a message explaining why."
        )
    if sender.is_moderator:
        return None
    blocks = set(
        Block.objects.filter(
            blocker__in=[sender.pk, recipient.pk], blocked__in=[sender.pk, recipient.pk]
        ).values_list("blocker_id", flat=True)
    )
    if sender.pk in blocks:
        return _(
            "You've blocked %(name)s. To write to them, unblock them in your message settings."
        ) % {"name": recipient.username}
    if recipient.pk in blocks:
        return not_accepting(recipient)
    if (
        conversation is not None
        and Message.objects.filter(
            conversation=conversation, sender=recipient, status=Message.Status.PUBLISHED
        ).exists()
    ):
        return None
    if sender.is_new_member:
        return new_member_refusal()
    who = who_can_message(recipient)
    if who == MessagingSettings.Who.EVERYONE:
        return None
    if who == MessagingSettings.Who.TALKED and have_talked(sender, recipient):
        return None
    return not_accepting(recipient)


def can_block(user, member) -> bool:
    return user.pk != member.pk and not member.is_moderator
