"""The contract between the apps that hold member content (forums, messaging) and the app
that keeps it safe (moderation), so the content apps need know nothing of moderation.

`screen` is sent before new or edited text is saved. Each receiver returns a `Screening`
(or None): the sender refuses the text if any says "block", holds it for review if any says
"hold", and shows the author the urgent-help options if any says so.

`saved` is sent, inside the saving transaction, after content was created or edited.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.dispatch import Signal
from django.utils.translation import gettext as _

screen = (
    Signal()
)  # kwargs: author, title, text, kind ("post" | "message"), place (Category | Conversation | None)
saved = Signal()  # kwargs: instance, author, created (bool)


@dataclass(frozen=True)
class Screening:
    block: str = ""  # a message for the author: why the text cannot be posted as it is
    hold: str = ""  # why it waits for a moderator (shown to moderators)
    support: bool = False  # the text suggests its author may be at risk right now


@dataclass(frozen=True)
class Verdict:
    block: str
    hold: bool
    support: bool


def screen_text(*, sender, author, text: str, kind: str, title: str = "", place=None) -> Verdict:
    """Ask every receiver of `screen` about this text and combine their answers."""
    answers = [
        answer
        for _receiver, answer in screen.send(
            sender=sender, author=author, title=title, text=text, kind=kind, place=place
        )
        if answer is not None
    ]
    return Verdict(
        block=next((a.block for a in answers if a.block), ""),
        hold=any(a.hold for a in answers),
        support=any(a.support for a in answers),
    )


def support_offer(request) -> None:
    """Show the author the urgent-help options at once, before any moderator has read what
    they wrote (M-5): the page's messages render a "support" message with them."""
    messages.warning(
        request,
        _(
            "It sounds like things are really hard right now. You don't have to wait for a "
            "reply here: people are ready to listen straight away."
        ),
        extra_tags="support",
    )
