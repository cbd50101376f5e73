"""Reads for the forum pages. Each owns its joins, so a page's query count does not grow
with the number of rows it shows."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import mark_safe

from sharon.accounts.models import User

from .models import (
    Bookmark,
    Category,
    Post,
    Reaction,
    ReadingPreferences,
    Status,
    Thread,
    ThreadRead,
    ThreadWatch,
)
from .permissions import is_moderator


def visible_categories(user: User) -> QuerySet[Category]:
    categories = Category.objects.order_by("order", "name")
    if is_moderator(user) or not user.is_new_member:
        return categories
    return categories.filter(hidden_from_new_members=False)


def visible_threads(user: User) -> QuerySet[Thread]:
    """Threads `user` may see, in categories they may see (no hidden, pending or deleted
    threads, except a member's own pending thread)."""
    threads = Thread.objects.filter(category__in=visible_categories(user))
    if is_moderator(user):
        return threads.exclude(status=Status.DELETED)
    return threads.filter(Q(status=Status.PUBLISHED) | Q(status=Status.PENDING, author=user))


def reading_preferences(user: User) -> ReadingPreferences:
    return ReadingPreferences.objects.filter(user=user).first() or ReadingPreferences(user=user)


def threads_in_category(
    *, user: User, category: Category, hidden_topics: list[str]
) -> QuerySet[Thread]:
    return (
        visible_threads(user)
        .filter(category=category)
        .exclude(content_warning__in=hidden_topics)
        .select_related("author", "last_poster")
        .order_by("-is_pinned", "-last_activity_at", "-id")
    )


def unanswered_threads(*, user: User) -> QuerySet[Thread]:
    """Threads nobody but their author has replied to, oldest first (F-11)."""
    return (
        visible_threads(user)
        .filter(status=Status.PUBLISHED, answered_at__isnull=True)
        .select_related("author", "category")
        .order_by("created_at", "id")
    )


def mark_unread(user: User, threads: list[Thread]) -> None:
    """Set `thread.is_unread` on each thread of a list page (one query)."""
    read = dict(
        ThreadRead.objects.filter(user=user, thread__in=threads).values_list(
            "thread_id", "last_read_at"
        )
    )
    for thread in threads:
        last_read = read.get(thread.pk)
        thread.is_unread = last_read is None or thread.last_activity_at > last_read


def posts_for_thread(*, user: User, thread: Thread) -> QuerySet[Post]:
    """The posts a member sees on the thread page, in order. Deleted and hidden posts stay
    as placeholders so replies keep their context; pending posts only for their author."""
    posts = Post.objects.filter(thread=thread)
    if not is_moderator(user):
        posts = posts.filter(~Q(status=Status.PENDING) | Q(author=user))
    return posts.select_related("author").order_by("created_at", "id")


@dataclass
class PostExtras:
    reaction_counts: dict[int, dict[str, int]]
    my_reactions: set[tuple[int, str]]
    my_bookmarks: set[int]


def post_extras(*, user: User, posts: list[Post]) -> PostExtras:
    """Reaction counts, the member's own reactions and bookmarks for a page of posts."""
    counts: dict[int, dict[str, int]] = {}
    rows = Reaction.objects.filter(post__in=posts).values("post_id", "kind").annotate(n=Count("id"))
    for row in rows:
        counts.setdefault(row["post_id"], {})[row["kind"]] = row["n"]
    mine = set(Reaction.objects.filter(post__in=posts, user=user).values_list("post_id", "kind"))
    bookmarks = set(
        Bookmark.objects.filter(post__in=posts, user=user).values_list("post_id", flat=True)
    )
    return PostExtras(counts, mine, bookmarks)


def is_watching(*, user: User, thread: Thread) -> bool:
    return ThreadWatch.objects.filter(user=user, thread=thread).exists()


def page_of_post(*, user: User, post: Post, per_page: int) -> int:
    before = posts_for_thread(user=user, thread=post.thread).filter(
        Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, id__lt=post.pk)
    )
    return before.count() // per_page + 1


def first_unread_post(*, user: User, thread: Thread) -> Post | None:
    last_read = (
        ThreadRead.objects.filter(user=user, thread=thread)
        .values_list("last_read_at", flat=True)
        .first()
    )
    posts = posts_for_thread(user=user, thread=thread).filter(status=Status.PUBLISHED)
    if last_read is not None:
        posts = posts.filter(created_at__gt=last_read)
    return posts.first()


def bookmarks_of(user: User) -> QuerySet[Bookmark]:
    return (
        Bookmark.objects.filter(
            user=user, post__status=Status.PUBLISHED, post__thread__in=visible_threads(user)
        )
        .select_related("post__thread", "post__author")
        .order_by("-created_at")
    )


# --- Search (F-10) ----------------------------------------------------------------------
_MARK_START, _MARK_END = "\ue000", "\ue001"


def search_posts(*, user: User, query: str) -> QuerySet[Post]:
    """Published posts in threads and categories `user` can see that match `query`, best
    first. On PostgreSQL: full-text search, title weighted above body, with a highlighted
    snippet; elsewhere a plain substring match."""
    posts = Post.objects.filter(
        status=Status.PUBLISHED,
        thread__status=Status.PUBLISHED,
        thread__in=visible_threads(user),
    ).select_related("thread", "thread__category", "author")
    if connection.vendor != "postgresql":
        return posts.filter(
            Q(body__icontains=query) | Q(is_first=True, thread__title__icontains=query)
        ).order_by("-created_at")
    search = SearchQuery(query, search_type="websearch", config="english")
    return (
        posts.filter(search_vector=search)
        .annotate(
            rank=SearchRank(F("search_vector"), search),
            headline=SearchHeadline(
                "body",
                search,
                config="english",
                start_sel=_MARK_START,
                stop_sel=_MARK_END,
                max_fragments=2,
                max_words=30,
                min_words=12,
            ),
        )
        .order_by("-rank", "-created_at", "-id")
    )


def snippet(post: Post) -> str:
    """The highlighted excerpt, escaped, with only our <mark> tags as HTML."""
    text = getattr(post, "headline", None) or post.body[:240]
    html = escape(text).replace(_MARK_START, "<mark>").replace(_MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; the marks are ours


def recent_posts_by(*, author: User, since) -> list[tuple[dt.datetime, str]]:
    """(created_at, body) of `author`'s latest 50 posts since `since`, newest first (posting
    limits, checks)."""
    return list(
        Post.objects.filter(author=author, created_at__gte=since)
        .order_by("-created_at")
        .values_list("created_at", "body")[:50]
    )


def unanswered_count() -> int:
    return Thread.objects.filter(status=Status.PUBLISHED, answered_at__isnull=True).count()


def have_talked(first: User, second: User) -> bool:
    """Whether both members have published posts in the same thread (private messaging's
    "members I've talked with in the forums")."""
    threads = Post.objects.filter(author=first, status=Status.PUBLISHED).values("thread_id")
    return Post.objects.filter(
        author=second, status=Status.PUBLISHED, thread_id__in=threads
    ).exists()
