"""Every change to the forums. Counters (replies, last activity, category totals, a member's
post count) are recomputed from the rows by the service that changed them, so they cannot
drift."""

from django.contrib.postgres.search import SearchVector
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Exists, F, Max, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from sharon.accounts.models import User
from sharon.content import Verdict, saved, screen_text
from sharon.markup import MENTION, render_post
from sharon.notifications.services import (
    forum_post_published,
    forum_post_withdrawn,
    reaction_added,
)

from .models import (
    Bookmark,
    Category,
    CategoryWatch,
    Draft,
    Post,
    PostMention,
    PostRevision,
    Reaction,
    ReadingPreferences,
    Status,
    Thread,
    ThreadRead,
    ThreadWatch,
)


def mentioned_users(body: str) -> dict[str, User]:
    """Active members named as @username in `body`, keyed by the name as typed."""
    names = {match.group(1) for match in MENTION.finditer(body)}
    if not names:
        return {}
    found = {
        u.username.casefold(): u for u in User.objects.filter(is_active=True, username__in=names)
    }
    lower = {name.casefold() for name in names} - found.keys()
    if lower:  # a differently-cased @Name still finds the member
        query = Q()
        for name in lower:
            query |= Q(username__iexact=name)
        found.update({u.username.casefold(): u for u in User.objects.filter(query, is_active=True)})
    return {name: found[name.casefold()] for name in names if name.casefold() in found}


def _render(body: str) -> tuple[str, dict[str, User]]:
    mentions = mentioned_users(body)
    links = {name: f"/accounts/members/{user.username}/" for name, user in mentions.items()}
    return render_post(body, mentions=links), mentions


class PostingRefused(Exception):
    """The text cannot be posted as it is; the message says why, for the author."""


def _screen(author: User, text: str, category: Category, title: str = "") -> Verdict:
    verdict = screen_text(
        sender=Post, author=author, title=title, text=text, kind="post", place=category
    )
    if verdict.block:
        raise PostingRefused(verdict.block)
    return verdict


def _status_for_new_post(category: Category, author: User, verdict: Verdict) -> str:
    if author.is_moderator:
        return Status.PUBLISHED
    if category.requires_approval or verdict.hold:
        return Status.PENDING
    return Status.PUBLISHED


def _index_for_search(post: Post, title: str | None) -> None:
    if connection.vendor != "postgresql":
        return
    vector = SearchVector(Value(post.body), weight="B", config="english")
    if title is not None:
        vector = SearchVector(Value(title), weight="A", config="english") + vector
    Post.objects.filter(pk=post.pk).update(search_vector=vector)


def _record_mentions(post: Post, mentions: dict[str, User]) -> None:
    PostMention.objects.filter(post=post).exclude(user__in=mentions.values()).delete()
    PostMention.objects.bulk_create(
        [
            PostMention(post=post, user=user)
            for user in mentions.values()
            if user.pk != post.author_id
        ],
        ignore_conflicts=True,
    )


def _refresh_thread(thread: Thread) -> None:
    """Recompute the thread's status, reply count, last activity and answered time."""
    posts = Post.objects.filter(thread=thread)
    first = posts.filter(is_first=True).values_list("status", flat=True).first()
    published = posts.filter(status=Status.PUBLISHED)
    stats = published.aggregate(
        count=Count("id"), replies=Count("id", filter=Q(is_first=False)), last=Max("created_at")
    )
    last_post = published.order_by("-created_at", "-id").values_list("author_id", flat=True).first()
    first_answer = (
        published.filter(is_first=False)
        .exclude(author_id=thread.author_id)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    status = first or Status.DELETED
    if status == Status.DELETED and stats["count"]:
        status = Status.PUBLISHED  # the opener withdrew their post; the replies stand
    Thread.objects.filter(pk=thread.pk).update(
        status=status,
        reply_count=stats["replies"],
        last_activity_at=stats["last"] or thread.created_at,
        last_poster_id=last_post,
        answered_at=first_answer,
    )


def category_recount(*, category: Category) -> None:
    """Recompute the category's thread and post totals and last activity."""
    _refresh_category(category)


def _refresh_category(category: Category) -> None:
    # A published thread holds reply_count published replies (_refresh_thread keeps it so,
    # and runs first) and its opening post unless the author withdrew it, so the totals need
    # not join every post in the category: only each thread's first one.
    opened = Post.objects.filter(thread_id=OuterRef("pk"), is_first=True, status=Status.PUBLISHED)
    threads = Thread.objects.filter(category=category, status=Status.PUBLISHED).annotate(
        opened=Exists(opened)
    )
    stats = threads.aggregate(
        threads=Count("id"),
        replies=Coalesce(Sum("reply_count"), 0),
        openers=Count("id", filter=Q(opened=True)),
        last=Max("last_activity_at"),
    )
    Category.objects.filter(pk=category.pk).update(
        thread_count=stats["threads"],
        post_count=stats["replies"] + stats["openers"],
        last_activity_at=stats["last"],
    )


def _refresh_author(user_id: int | None) -> None:
    if user_id is None:
        return
    count = Post.objects.filter(
        author_id=user_id, status=Status.PUBLISHED, thread__status=Status.PUBLISHED
    ).count()
    User.objects.filter(pk=user_id).update(post_count=count)


def thread_recount(*, thread: Thread) -> None:
    """Recompute a thread's, its category's and its authors' counters from the rows, e.g.
    after posts were imported or their times changed."""
    author_ids = Post.objects.filter(thread=thread).values_list("author_id", flat=True).distinct()
    _refresh(thread, *author_ids)


def _refresh(thread: Thread, *author_ids: int | None) -> None:
    _refresh_thread(thread)
    _refresh_category(thread.category)
    for author_id in set(author_ids):
        _refresh_author(author_id)


def thread_create(
    *, author: User, category: Category, title: str, body: str, content_warning: str = ""
) -> Thread:
    """Start a thread with its first post; the author watches it. Pending in a category that
    needs approval or when screening holds it; PostingRefused when screening blocks it.
    The thread's `screening` says whether its author should be shown urgent help."""
    verdict = _screen(author, body, category, title=title)
    status = _status_for_new_post(category, author, verdict)
    body_html, mentions = _render(body)
    with transaction.atomic():
        now = timezone.now()
        thread = Thread.objects.create(
            category=category,
            author=author,
            title=title.strip(),
            content_warning=content_warning,
            status=status,
            created_at=now,
            last_activity_at=now,
            last_poster=author,
        )
        post = Post.objects.create(
            thread=thread,
            author=author,
            is_first=True,
            body=body,
            body_html=body_html,
            content_warning=content_warning,
            status=status,
            created_at=now,
        )
        _index_for_search(post, thread.title)
        _record_mentions(post, mentions)
        ThreadWatch.objects.get_or_create(user=author, thread=thread)
        draft_discard(user=author, category=category)
        _refresh(thread, author.pk)
        thread_mark_read(user=author, thread=thread, up_to=now)
        saved.send(sender=Post, instance=post, author=author, created=True)
        if status == Status.PUBLISHED:
            forum_post_published(post=post)
    thread.refresh_from_db()
    thread.screening = verdict
    return thread


def post_create(*, author: User, thread: Thread, body: str, content_warning: str = "") -> Post:
    """Reply to a thread; the author then watches it and their draft is gone. Screening as
    for thread_create."""
    verdict = _screen(author, body, thread.category)
    status = _status_for_new_post(thread.category, author, verdict)
    body_html, mentions = _render(body)
    with transaction.atomic():
        post = Post.objects.create(
            thread=thread,
            author=author,
            body=body,
            body_html=body_html,
            content_warning=content_warning,
            status=status,
            created_at=timezone.now(),
        )
        _index_for_search(post, None)
        _record_mentions(post, mentions)
        ThreadWatch.objects.get_or_create(user=author, thread=thread)
        draft_discard(user=author, thread=thread)
        _refresh(thread, author.pk)
        thread_mark_read(user=author, thread=thread, up_to=post.created_at)
        saved.send(sender=Post, instance=post, author=author, created=True)
        if status == Status.PUBLISHED:
            forum_post_published(post=post)
    post.screening = verdict
    return post


def post_edit(*, post: Post, editor: User, body: str, content_warning: str) -> bool:
    """Replace the post's text, keeping the old text as a revision. False if nothing changed.
    An author's edit is screened like a new post (a moderator's is not)."""
    if body == post.body and content_warning == post.content_warning:
        return False
    verdict = Verdict(block="", hold=False, support=False)
    if not editor.is_moderator:
        verdict = _screen(editor, body, post.thread.category)
    body_html, mentions = _render(body)
    with transaction.atomic():
        PostRevision.objects.create(
            post=post,
            body=post.body,
            body_html=post.body_html,
            content_warning=post.content_warning,
            written_at=post.edited_at or post.created_at,
            replaced_by=editor,
        )
        post.body, post.body_html, post.content_warning = body, body_html, content_warning
        post.edited_at = timezone.now()
        post.save(update_fields=["body", "body_html", "content_warning", "edited_at"])
        if post.is_first and content_warning != post.thread.content_warning:
            Thread.objects.filter(pk=post.thread_id).update(content_warning=content_warning)
        if verdict.hold and post.status == Status.PUBLISHED:
            post_set_status(post=post, status=Status.PENDING)
        _index_for_search(post, post.thread.title if post.is_first else None)
        _record_mentions(post, mentions)
        saved.send(sender=Post, instance=post, author=post.author, created=False)
    post.screening = verdict
    return True


def post_delete(*, post: Post, by: User) -> bool:
    """The author withdraws their post; it leaves a placeholder. Deleting the opening post
    of a thread nobody else has replied to removes the thread. False if already deleted."""
    with transaction.atomic():
        updated = (
            Post.objects.filter(pk=post.pk)
            .exclude(status=Status.DELETED)
            .update(status=Status.DELETED)
        )
        if not updated:
            return False
        post.status = Status.DELETED
        _refresh(post.thread, post.author_id)
        forum_post_withdrawn(post=post)
    return True


def reaction_toggle(*, post: Post, user: User, kind: str) -> bool:
    """Add the reaction, or take it back if it is there. True when it is now there."""
    if kind not in Reaction.Kind.values:
        raise ValueError(f"unknown reaction {kind!r}")
    deleted, _ = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Reaction.objects.create(post=post, user=user, kind=kind)
    except IntegrityError:  # a double click raced us: it is there either way
        return True
    reaction_added(post=post, by=user)
    return True


def thread_watch_set(*, user: User, thread: Thread, watching: bool) -> bool:
    if watching:
        return ThreadWatch.objects.get_or_create(user=user, thread=thread)[1]
    return ThreadWatch.objects.filter(user=user, thread=thread).delete()[0] > 0


def category_watch_set(*, user: User, category: Category, watching: bool) -> bool:
    if watching:
        return CategoryWatch.objects.get_or_create(user=user, category=category)[1]
    return CategoryWatch.objects.filter(user=user, category=category).delete()[0] > 0


def bookmark_toggle(*, user: User, post: Post) -> bool:
    """Bookmark the post, or remove the bookmark. True when it is now bookmarked."""
    if Bookmark.objects.filter(user=user, post=post).delete()[0]:
        return False
    Bookmark.objects.get_or_create(user=user, post=post)
    return True


def thread_mark_read(*, user: User, thread: Thread, up_to) -> None:
    """Record that `user` has read `thread` up to `up_to`; never moves backwards."""
    updated = ThreadRead.objects.filter(user=user, thread=thread).update(
        last_read_at=Greatest(F("last_read_at"), Value(up_to))
    )
    if not updated:
        try:
            with transaction.atomic():
                ThreadRead.objects.create(user=user, thread=thread, last_read_at=up_to)
        except IntegrityError:
            thread_mark_read(user=user, thread=thread, up_to=up_to)


def thread_count_view(*, thread: Thread) -> None:
    Thread.objects.filter(pk=thread.pk).update(view_count=F("view_count") + 1)


def draft_save(
    *,
    user: User,
    category: Category | None = None,
    thread: Thread | None = None,
    title: str = "",
    body: str,
    content_warning: str = "",
) -> Draft:
    """Keep what the member has typed so far (any text, valid or not, within the limits)."""
    place = {"thread": thread} if thread else {"category": category, "thread": None}
    draft, _ = Draft.objects.update_or_create(
        user=user,
        **place,
        defaults={
            "category": category if thread is None else thread.category,
            "title": title[: Draft._meta.get_field("title").max_length],
            "body": body[: Draft._meta.get_field("body").max_length],
            "content_warning": content_warning,
            "updated_at": timezone.now(),
        },
    )
    return draft


def draft_discard(
    *, user: User, category: Category | None = None, thread: Thread | None = None
) -> None:
    if thread is not None:
        Draft.objects.filter(user=user, thread=thread).delete()
    else:
        Draft.objects.filter(user=user, category=category, thread__isnull=True).delete()


def reading_preferences_update(
    *, user: User, hidden_topics: list[str], shown_topics: list[str]
) -> None:
    if set(hidden_topics) & set(shown_topics):
        raise ValueError("a topic cannot be both hidden and shown")
    ReadingPreferences.objects.update_or_create(
        user=user,
        defaults={"hidden_topics": sorted(hidden_topics), "shown_topics": sorted(shown_topics)},
    )


def preview_render(body: str) -> str:
    """The HTML a post with this text would show, mentions linked; nothing is saved."""
    return _render(body)[0]


def post_set_status(*, post: Post, status: str) -> bool:
    """Publish, hold, hide or remove a post (moderation), keeping the thread, category and
    author counters right. The opening post carries its thread with it. False if unchanged."""
    if status not in Status.values:
        raise ValueError(f"unknown status {status!r}")
    approved = post.status == Status.PENDING and status == Status.PUBLISHED
    with transaction.atomic():
        if not Post.objects.filter(pk=post.pk).exclude(status=status).update(status=status):
            return False
        post.status = status
        if post.is_first:
            Thread.objects.filter(pk=post.thread_id).update(status=status)
        _refresh(post.thread, post.author_id)
        if approved:  # held posts reach their readers when a moderator lets them through
            forum_post_published(post=post)
        elif status != Status.PUBLISHED:
            forum_post_withdrawn(post=post)
    return True


def thread_set_flags(
    *, thread: Thread, is_locked: bool | None = None, is_pinned: bool | None = None
) -> bool:
    """Lock/unlock or pin/unpin a thread. False if it already was as asked."""
    changes = {
        name: value
        for name, value in (("is_locked", is_locked), ("is_pinned", is_pinned))
        if value is not None and getattr(thread, name) != value
    }
    if not changes:
        return False
    Thread.objects.filter(pk=thread.pk).update(**changes)
    for name, value in changes.items():
        setattr(thread, name, value)
    return True


def thread_move(*, thread: Thread, category: Category) -> bool:
    """Move a thread to another category, keeping both categories' totals right."""
    if thread.category_id == category.pk:
        return False
    old = thread.category
    with transaction.atomic():
        Thread.objects.filter(pk=thread.pk).update(category=category)
        thread.category = category
        _refresh_category(old)
        _refresh_category(category)
    return True
