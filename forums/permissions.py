"""Who may do what in the forums: `can_*` for templates, `check_*` raising PermissionDenied."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .models import Category, Post, Status, Thread


def is_moderator(user) -> bool:
    return user.is_authenticated and user.is_moderator


def can_view_category(user, category: Category) -> bool:
    if not user.is_authenticated:
        return False
    return not category.hidden_from_new_members or is_moderator(user) or not user.is_new_member


def can_view_thread(user, thread: Thread) -> bool:
    if not can_view_category(user, thread.category):
        return False
    if thread.status == Status.PUBLISHED or is_moderator(user):
        return True
    return thread.status == Status.PENDING and thread.author_id == user.pk


def can_view_post(user, post: Post) -> bool:
    """Whether the post's text may be shown (a deleted post leaves only a placeholder)."""
    if post.status == Status.PUBLISHED:
        return True
    if post.status == Status.PENDING:
        return post.author_id == user.pk or is_moderator(user)
    return is_moderator(user)


def posting_refusal(user, category: Category, thread: Thread | None = None) -> str | None:
    """Why `user` may not start a thread in `category` (or reply to `thread`), or None."""
    if user.is_silenced:
        return _(
            "Your account is read-only at the moment, so you can't post. A moderator has sent "
            "you a message explaining why."
        )
    if is_moderator(user):
        return None
    if category.is_read_only:
        return _("Only moderators post in %(category)s.") % {"category": category.name}
    if thread is not None and thread.is_locked:
        return _("This thread is locked, so it can't be replied to.")
    return None


def can_start_thread(user, category: Category) -> bool:
    return can_view_category(user, category) and posting_refusal(user, category) is None


def can_reply(user, thread: Thread) -> bool:
    return (
        thread.status == Status.PUBLISHED
        and can_view_thread(user, thread)
        and posting_refusal(user, thread.category, thread) is None
    )


def can_edit_post(user, post: Post) -> bool:
    if is_moderator(user):
        return post.status != Status.DELETED
    return (
        post.author_id == user.pk
        and post.status in (Status.PUBLISHED, Status.PENDING)
        and posting_refusal(user, post.thread.category, post.thread) is None
    )


def can_delete_post(user, post: Post) -> bool:
    return post.author_id == user.pk and post.status in (Status.PUBLISHED, Status.PENDING)


def can_see_history(user, post: Post) -> bool:
    return post.author_id == user.pk or is_moderator(user)


def can_react(user, post: Post) -> bool:
    return post.status == Status.PUBLISHED and post.author_id != user.pk and not user.is_silenced


def check(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You can't do that here."))
