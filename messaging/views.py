from django.shortcuts import render

from sharon.accounts.decorators import member_required

from .models import Conversation


@member_required
def inbox(request):
    conversations = (
        Conversation.objects.filter(
            participants__user=request.user, participants__left_at__isnull=True
        )
        .prefetch_related("participants__user")
        .order_by("-last_message_at")
    )
    return render(request, "messaging/inbox.html", {"conversations": conversations})
