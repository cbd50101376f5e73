from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sharon.accounts.decorators import member_required
from sharon.accounts.models import User
from sharon.content import support_offer

from . import selectors, services
from .forms import MessageForm, MessagingSettingsForm
from .models import Conversation, Message, Participant
from .permissions import can_block, message_refusal

CONVERSATIONS_PER_PAGE = 25
MESSAGES_PER_PAGE = 20


def get_participant_for_member(request, pk: int) -> Participant:
    """The member's side of conversation `pk`; 404 for anyone else, moderators included
    (they read a conversation only through a report, in the moderation pages)."""
    return get_object_or_404(
        Participant.objects.select_related("conversation", "user"),
        conversation_id=pk,
        user=request.user,
    )


def get_member(username: str) -> User:
    return get_object_or_404(User, username=username, is_active=True)


@member_required
def inbox(request):
    page = Paginator(selectors.conversations_for(request.user), CONVERSATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "messaging/inbox.html", {"page": page})


def _post(request, form: MessageForm, refusal: str | None, **where):
    """Send the form's message. On any refusal the reason is shown above the text as typed
    and None is returned."""
    if request.method != "POST":
        return None
    if refusal:
        form.add_error(None, refusal)
        return None
    if not form.is_valid():
        return None
    try:
        message = services.message_send(
            sender=request.user, body=form.cleaned_data["body"], **where
        )
    except services.MessagingRefused as refused:
        form.add_error(None, str(refused))
        return None
    if message.screening.support:
        support_offer(request)
    if message.status == Message.Status.PENDING:
        messages.info(
            request,
            _(
                "Your message is waiting for a moderator to read it before it is delivered. "
                "This usually happens when a message includes contact details or links."
            ),
        )
    return redirect(message.conversation.get_absolute_url() + f"#message-{message.pk}")


@member_required
def conversation(request, pk):
    participant = get_participant_for_member(request, pk)
    other = selectors.other_participant(participant)
    other_user = other.user if other else None
    refusal = (
        message_refusal(request.user, other_user, participant.conversation)
        if other_user
        else _("This member has left SHaRON, so the conversation is closed.")
    )
    form = MessageForm(request.POST or None)
    if response := _post(request, form, refusal, conversation=participant.conversation):
        return response
    paginator = Paginator(selectors.messages_for(participant), MESSAGES_PER_PAGE)
    page = paginator.get_page(request.GET.get("page") or paginator.num_pages)
    read_until = participant.last_read_at
    for message in page:
        message.is_new = message.sender_id != request.user.pk and (
            read_until is None or message.created_at > read_until
        )
    services.conversation_mark_read(participant=participant)
    return render(
        request,
        "messaging/conversation.html",
        {
            "conversation": participant.conversation,
            "other": other_user,
            "page": page,
            "form": form,
            "refusal": refusal,
            "blocked": other_user and selectors.has_blocked(request.user, other_user),
        },
    )


@member_required
def start(request, username):
    """Write to a member: their existing conversation if there is one, otherwise a new one."""
    recipient = get_member(username)
    existing = Conversation.objects.filter(
        pair_key=Conversation.key_for(request.user.pk, recipient.pk)
    ).first()
    if existing and existing.participants.filter(user=request.user).exists():
        return redirect(existing.get_absolute_url() + "#reply")
    refusal = message_refusal(request.user, recipient)
    form = MessageForm(request.POST or None)
    if response := _post(request, form, refusal, recipient=recipient):
        return response
    return render(
        request,
        "messaging/start.html",
        {"recipient": recipient, "form": form, "refusal": refusal},
        status=403 if refusal and request.method == "GET" else 200,
    )


@member_required
def leave(request, pk):
    participant = get_participant_for_member(request, pk)
    other = selectors.other_participant(participant)
    if request.method == "POST":
        services.conversation_leave(participant=participant)
        messages.success(
            request,
            _(
                "The conversation is deleted for you. If they write again, only the new "
                "messages will show. To stop them writing, block them."
            ),
        )
        return redirect("messaging:inbox")
    return render(
        request,
        "messaging/leave.html",
        {"conversation": participant.conversation, "other": other.user if other else None},
    )


@member_required
def settings(request):
    form = MessagingSettingsForm(
        request.POST or None,
        initial={"who_can_message": selectors.who_can_message(request.user)},
    )
    if request.method == "POST" and form.is_valid():
        services.messaging_settings_update(
            user=request.user, who_can_message=form.cleaned_data["who_can_message"]
        )
        messages.success(request, _("Your message settings are saved."))
        return redirect("messaging:settings")
    return render(
        request,
        "messaging/settings.html",
        {"form": form, "blocks": selectors.blocked_members(request.user)},
    )


@member_required
def block(request, username):
    member = get_member(username)
    if not can_block(request.user, member):
        messages.info(
            request,
            _(
                "Moderators can't be blocked. If a moderator's message worries you, you can "
                "report it and another moderator will look."
            )
            if member.is_moderator
            else _("You can't block yourself."),
        )
        return redirect("accounts:profile", username=member.username)
    if request.method == "POST":
        services.block_create(blocker=request.user, blocked=member)
        messages.success(
            request,
            _(
                "You've blocked %(name)s. They can't message you, their posts are folded away "
                "for you, and they won't be told."
            )
            % {"name": member.username},
        )
        return redirect("messaging:settings")
    return render(request, "messaging/block.html", {"member": member})


@member_required
@require_POST
def unblock(request, username):
    member = get_object_or_404(User, username=username)
    if services.block_remove(blocker=request.user, blocked=member):
        messages.success(request, _("You've unblocked %(name)s.") % {"name": member.username})
    return redirect("messaging:settings")
