"""What moderation needs to know about each kind of thing that can be reported or checked:
its author, its text and where it lives. The content apps stay unaware of moderation."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from forums.models import Post, Thread
from messaging.models import Message
from sharon.accounts.models import User

KINDS = {"post": Post, "thread": Thread, "message": Message, "member": User}


@dataclass
class Described:
    kind: str
    author: User | None
    text: str
    html: str
    url: str
    title: str


def kind_of(target) -> str:
    return next(kind for kind, model in KINDS.items() if isinstance(target, model))


def describe(target) -> Described:
    if isinstance(target, Post):
        return Described(
            "post",
            target.author,
            target.body,
            target.body_html,
            reverse("forums:post", args=[target.pk]),
            target.thread.title,
        )
    if isinstance(target, Thread):
        first = target.posts.filter(is_first=True).first()
        return Described(
            "thread",
            target.author,
            f"{target.title}\n\n{first.body if first else ''}",
            first.body_html if first else "",
            target.get_absolute_url(),
            target.title,
        )
    if isinstance(target, Message):
        return Described(
            "message", target.sender, target.body, target.body_html, "", "Private message"
        )
    if isinstance(target, User):
        return Described(
            "member",
            target,
            target.bio,
            "",
            reverse("accounts:profile", args=[target.username]),
            target.username,
        )
    raise TypeError(f"cannot moderate {type(target).__name__}")


def load(target_type: ContentType, target_id: int):
    return target_type.get_object_for_this_type(pk=target_id)


def load_or_none(target_type: ContentType, target_id: int):
    """The target, or None when it has been deleted since it was reported or queued."""
    try:
        return load(target_type, target_id)
    except target_type.model_class().DoesNotExist:
        return None
