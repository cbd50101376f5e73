"""Reads for the message pages; each owns its joins."""

from django.db.models import F, Prefetch, Q, QuerySet, Sum

from sharon.accounts.models import User

from .models import Block, Message, MessagingSettings, Participant


def unread_message_count(user: User) -> int:
    """Unread messages across the member's conversations (the header badge)."""
    return Participant.objects.filter(user=user).aggregate(n=Sum("unread_count"))["n"] or 0


def conversations_for(user: User) -> QuerySet[Participant]:
    """The member's side of each conversation they have not deleted (or that has new
    messages since), most recent first, with the other member loaded."""
    return (
        Participant.objects.filter(user=user)
        .filter(Q(left_at__isnull=True) | Q(last_message_at__gt=F("left_at")))
        .select_related("conversation")
        .prefetch_related(
            Prefetch(
                "conversation__participants",
                queryset=Participant.objects.exclude(user=user).select_related("user"),
                to_attr="others",
            )
        )
        .order_by("-last_message_at")
    )


def messages_for(participant: Participant) -> QuerySet[Message]:
    """What this member sees of the conversation: nothing from before they deleted it, and
    a message waiting for a moderator only if they sent it."""
    messages = Message.objects.filter(conversation_id=participant.conversation_id).filter(
        ~Q(status=Message.Status.PENDING) | Q(sender_id=participant.user_id)
    )
    if participant.left_at:
        messages = messages.filter(created_at__gt=participant.left_at)
    return messages.select_related("sender").order_by("created_at", "id")


def other_participant(participant: Participant) -> Participant | None:
    return (
        Participant.objects.filter(conversation_id=participant.conversation_id)
        .exclude(user_id=participant.user_id)
        .select_related("user")
        .first()
    )


def blocked_ids(user: User) -> set[int]:
    """Members `user` has blocked (their posts are collapsed for `user`)."""
    if not user.is_authenticated:
        return set()
    return set(Block.objects.filter(blocker=user).values_list("blocked_id", flat=True))


def blockers_of(user_id: int | None) -> QuerySet:
    """The ids of members who blocked `user_id`, as a subquery (they hear nothing of them)."""
    return Block.objects.filter(blocked_id=user_id).values("blocker_id")


def has_blocked(blocker: User, blocked: User) -> bool:
    return Block.objects.filter(blocker=blocker, blocked=blocked).exists()


def blocked_members(user: User) -> QuerySet[Block]:
    return Block.objects.filter(blocker=user).select_related("blocked").order_by("-created_at")


def who_can_message(user: User) -> str:
    return (
        MessagingSettings.objects.filter(user=user)
        .values_list("who_can_message", flat=True)
        .first()
        or MessagingSettings.Who.TALKED
    )
