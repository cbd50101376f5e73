"""A generated forum for benchmarks and plan tests: members, categories, threads, posts,
bookmarks and read marks, shaped like a real peer-support forum.

Rows are written with bulk_create, so no service runs; the counters the services keep
(reply counts, last activity, answered time, category and member totals, search vectors)
are then set from the rows with a few UPDATE ... FROM statements, as the services would
have set them. PostgreSQL only.
"""

import datetime as dt
import itertools
import random
from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from forums.models import Bookmark, Category, ContentWarning, Post, Status, Thread, ThreadRead
from sharon.accounts.models import User
from sharon.accounts.validators import username_skeleton

# A common word, in about one post in ten: a search with thousands of matches.
COMMON_WORD = "medication"

CATEGORY_NAMES = [
    "Anxiety and panic",
    "Low mood",
    "Recovery stories",
    "Introduce yourself",
    "Family and carers",
    "Sleep",
    "Work and study",
    "Creative corner",
    "Off topic",
    "Announcements",
]
_ADJECTIVES = "calm brave quiet gentle steady kind hopeful patient bright warm"
_NOUNS = "otter heron maple river willow finch badger meadow harbour lantern"
ADJECTIVES, NOUNS = _ADJECTIVES.split(), _NOUNS.split()
TITLE_OPENINGS = [
    "Struggling with",
    "Does anyone else have",
    "Small win with",
    "Advice about",
    "How do you cope with",
    "Finally talking about",
]
# Ordered roughly by how often members write them (a Zipf draw over this list).
_WORDS = (
    "feel today really just like anxiety know think time day help get bit better people "
    "sleep work tried talk week night family friends worse morning hard thanks support "
    "panic mood thoughts going good still maybe again doctor therapy walk breathing "
    "medication appointment tired worried heart calm small step proud hope kind listening "
    "garden music writing routine cbt journal exercise counsellor waiting list weekend "
    "school partner mum dad sister brother job interview shopping bus train crowded "
    "noise quiet alone together meeting grounding technique relapse recovery months "
    "years progress setback trigger safe plan crisis line called text evening rain"
)
WORDS = _WORDS.split()


def _zipf_weights(n: int, exponent: float) -> list[float]:
    """Cumulative weights: the first item is the most likely, then fewer and fewer."""
    return list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(n)))


_WORD_WEIGHTS = _zipf_weights(len(WORDS), 1.3)
_STATUSES = [Status.PUBLISHED, Status.PENDING, Status.DELETED, Status.HIDDEN]
_THREAD_STATUS_WEIGHTS = [97, 1.5, 1, 0.5]  # the status of the opening post
_REPLY_STATUS_WEIGHTS = [95.5, 2, 2, 0.5]
_YEAR = dt.timedelta(days=365)
_BATCH = 2000


@dataclass(frozen=True)
class Generated:
    members: int
    categories: int
    threads: int
    posts: int
    bookmarks: int
    read_marks: int


@dataclass
class _PostRow:
    created_at: dt.datetime
    thread: int  # index into the thread list
    author: int  # index into the member list
    is_first: bool
    status: str
    content_warning: str


def generate(
    *, threads: int, posts: int, members: int, categories: int, seed: int = 1
) -> Generated:
    """Add a forum of `threads` threads holding `posts` posts (first posts included) by
    `members` members in `categories` categories to the current database. Deterministic
    for a seed. Runs ANALYZE on the tables it filled."""
    if posts < threads:
        raise ValueError("every thread has a first post: posts must be at least threads")
    if connection.vendor != "postgresql":
        raise RuntimeError("the bench data uses PostgreSQL's full-text search")
    rng = random.Random(seed)
    now = timezone.now()
    with transaction.atomic():
        users = _members(rng, members, now)
        cats = _categories(rng, categories)
        thread_objs = _threads(rng, threads, users, cats, now)
        busy = _reply_weights(rng, thread_objs)
        post_ids = _posts(rng, posts, thread_objs, busy, users, now)
        bookmarks = _bookmarks(rng, users, post_ids, now)
        read_marks = _read_marks(rng, users, thread_objs, busy, now)
        _set_counters(
            member_ids=[u.pk for u in users],
            category_ids=[c.pk for c in cats],
            thread_ids=[t.pk for t in thread_objs],
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE accounts_user, forums_category, forums_thread, forums_post, "
                "forums_bookmark, forums_threadread"
            )
    return Generated(
        members=len(users),
        categories=len(cats),
        threads=len(thread_objs),
        posts=posts,
        bookmarks=bookmarks,
        read_marks=read_marks,
    )


def _members(rng: random.Random, count: int, now: dt.datetime) -> list[User]:
    password = make_password(None)  # unusable: bench members never sign in
    taken = set(User.objects.values_list("username_key", flat=True))
    users = []
    for i in range(count):
        base = f"{ADJECTIVES[i % len(ADJECTIVES)]}_{NOUNS[i // len(ADJECTIVES) % len(NOUNS)]}"
        # Usernames must differ once folded for look-alikes (username_key is unique).
        for n in itertools.count():
            username = base if n == 0 else f"{base}_{n}"
            key = username_skeleton(username)
            if key not in taken:
                break
        taken.add(key)
        users.append(
            User(
                username=username,
                username_key=key,
                email=f"{username}@bench.example.org",
                password=password,
                date_joined=now - _YEAR - dt.timedelta(days=rng.uniform(1, 400)),
            )
        )
    return User.objects.bulk_create(users, batch_size=_BATCH)


def _categories(rng: random.Random, count: int) -> list[Category]:
    suffix = rng.randrange(10**6)
    cats = []
    for i in range(count):
        name = CATEGORY_NAMES[i % len(CATEGORY_NAMES)]
        if i >= len(CATEGORY_NAMES):
            name = f"{name} {i // len(CATEGORY_NAMES) + 1}"
        cats.append(
            Category(
                name=name,
                slug=f"{slugify(name)}-{suffix}",
                description=f"Talk about {name.lower()}.",
                order=i,
                # The last category is the sensitive one a new member does not see yet.
                hidden_from_new_members=count > 2 and i == count - 1,
            )
        )
    return Category.objects.bulk_create(cats)


def _threads(
    rng: random.Random, count: int, users: list[User], cats: list[Category], now: dt.datetime
) -> list[Thread]:
    """Threads in time order (ids grow with created_at, as on a live site); the first
    category is the busiest. 3% are pending, deleted or hidden; two a category are pinned."""
    cat_weights = _zipf_weights(len(cats), 0.8)
    author_weights = _zipf_weights(len(users), 0.7)
    warnings = ContentWarning.values
    rows = []
    for created_at in sorted(now - _YEAR * rng.random() for _ in range(count)):
        status = rng.choices(_STATUSES, weights=_THREAD_STATUS_WEIGHTS)[0]
        words = rng.choices(WORDS, cum_weights=_WORD_WEIGHTS, k=rng.randint(2, 6))
        rows.append(
            Thread(
                category=rng.choices(cats, cum_weights=cat_weights)[0],
                author=rng.choices(users, cum_weights=author_weights)[0],
                title=f"{rng.choice(TITLE_OPENINGS)} {' '.join(words)}",
                content_warning=rng.choice(warnings) if rng.random() < 0.1 else "",
                status=status,
                is_locked=rng.random() < 0.01,
                created_at=created_at,
                last_activity_at=created_at,
            )
        )
    for cat in cats:
        mine = [t for t in rows if t.category_id == cat.pk and t.status == Status.PUBLISHED]
        for thread in rng.sample(mine, min(2, len(mine))):
            thread.is_pinned = True
    return Thread.objects.bulk_create(rows, batch_size=_BATCH)


def _reply_weights(rng: random.Random, threads: list[Thread]) -> list[float]:
    """Cumulative weights for picking a thread to reply to or read. Most threads get a
    handful of replies (median about five, one in seven none) and a few hundred at most,
    except one in a thousand, which runs to thousands of posts (the longest takes 4% of all
    replies). Only published threads get replies: nobody else sees the others."""
    weights = [
        min(rng.paretovariate(1.2) - 1, 80) if t.status == Status.PUBLISHED else 0.0
        for t in threads
    ]
    total = sum(weights)
    published = [i for i, t in enumerate(threads) if t.status == Status.PUBLISHED]
    long_ones = rng.sample(published, min(len(published), max(1, len(threads) // 1000)))
    for rank, i in enumerate(long_ones):
        weights[i] = total * 0.04 / (rank + 1)
    return list(itertools.accumulate(weights))


def _body(rng: random.Random) -> tuple[str, str]:
    paragraphs = []
    for _ in range(rng.choices([1, 2, 3, 4], weights=[5, 3, 2, 1])[0]):
        sentences = []
        for _ in range(rng.randint(1, 4)):
            words = rng.choices(WORDS, cum_weights=_WORD_WEIGHTS, k=rng.randint(5, 16))
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    # The words are plain letters, so this is what the Markdown pipeline would produce.
    return "\n\n".join(paragraphs), "\n".join(f"<p>{p}</p>" for p in paragraphs)


def _posts(
    rng: random.Random,
    count: int,
    threads: list[Thread],
    busy: list[float],
    users: list[User],
    now: dt.datetime,
) -> list[tuple[int, dt.datetime]]:
    """Write every post in time order, so a thread's posts are spread over the table as
    on a live site. Returns (id, created_at) of the published posts."""
    user_index = {u.pk: i for i, u in enumerate(users)}
    rows = [
        _PostRow(t.created_at, i, user_index[t.author_id], True, t.status, t.content_warning)
        for i, t in enumerate(threads)
    ]
    replies = Counter(rng.choices(range(len(threads)), cum_weights=busy, k=count - len(threads)))
    author_weights = _zipf_weights(len(users), 0.7)
    for i, n in sorted(replies.items()):
        thread = threads[i]
        span = (now - thread.created_at).total_seconds()
        # Short threads are answered within days; long ones carry on for months.
        shape = 3 if n < 50 else 1
        for _ in range(n):
            if rng.random() < 0.2:  # the author answering their repliers
                author = user_index[thread.author_id]
            else:
                author = rng.choices(range(len(users)), cum_weights=author_weights)[0]
            offset = dt.timedelta(seconds=1 + span * rng.random() ** shape)
            status = rng.choices(_STATUSES, weights=_REPLY_STATUS_WEIGHTS)[0]
            warning = rng.choice(ContentWarning.values) if rng.random() < 0.03 else ""
            rows.append(_PostRow(thread.created_at + offset, i, author, False, status, warning))
    rows.sort(key=lambda r: r.created_at)
    published = []
    for start in range(0, len(rows), _BATCH):
        batch = []
        for row in rows[start : start + _BATCH]:
            body, body_html = _body(rng)
            batch.append(
                Post(
                    thread=threads[row.thread],
                    author=users[row.author],
                    is_first=row.is_first,
                    body=body,
                    body_html=body_html,
                    content_warning=row.content_warning,
                    status=row.status,
                    created_at=row.created_at,
                )
            )
        Post.objects.bulk_create(batch)
        published += [(p.pk, p.created_at) for p in batch if p.status == Status.PUBLISHED]
    return published


def _bookmarks(
    rng: random.Random, users: list[User], posts: list[tuple[int, dt.datetime]], now: dt.datetime
) -> int:
    """One bookmark per fifty posts, most of them by a few keen members."""
    weights = _zipf_weights(len(users), 1.0)
    rows = []
    for post_id, created_at in rng.sample(posts, len(posts) // 50):
        rows.append(
            Bookmark(
                user=rng.choices(users, cum_weights=weights)[0],
                post_id=post_id,
                created_at=created_at + (now - created_at) * rng.random(),
            )
        )
    return len(Bookmark.objects.bulk_create(rows, batch_size=_BATCH))


def _read_marks(
    rng: random.Random,
    users: list[User],
    threads: list[Thread],
    busy: list[float],
    now: dt.datetime,
) -> int:
    """Each member has read part of a few dozen threads, the busy ones most likely."""
    rows = []
    for user in users:
        picked = rng.choices(range(len(threads)), cum_weights=busy, k=rng.randint(5, 40))
        for thread in (threads[i] for i in sorted(set(picked))):
            rows.append(
                ThreadRead(
                    user=user,
                    thread=thread,
                    last_read_at=thread.created_at + (now - thread.created_at) * rng.random(),
                )
            )
    return len(ThreadRead.objects.bulk_create(rows, batch_size=_BATCH))


def _set_counters(*, member_ids: list[int], category_ids: list[int], thread_ids: list[int]) -> None:
    """What forums.services keeps up to date, recomputed from the rows in one pass each."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE forums_thread t
            SET reply_count = GREATEST(s.published - 1, 0),
                last_activity_at = s.last_at,
                last_poster_id = s.last_poster_id,
                answered_at = s.answered_at
            FROM (
                SELECT p.thread_id,
                       count(*) AS published,
                       max(p.created_at) AS last_at,
                       (array_agg(p.author_id ORDER BY p.created_at DESC, p.id DESC))[1]
                           AS last_poster_id,
                       min(p.created_at) FILTER (
                           WHERE NOT p.is_first AND p.author_id IS DISTINCT FROM t2.author_id
                       ) AS answered_at
                FROM forums_post p JOIN forums_thread t2 ON t2.id = p.thread_id
                WHERE p.status = 'published' AND p.thread_id = ANY(%(threads)s)
                GROUP BY p.thread_id
            ) s
            WHERE s.thread_id = t.id
            """,
            {"threads": thread_ids},
        )
        # A published thread's first post is published, so it holds reply_count + 1
        # published posts.
        cursor.execute(
            """
            UPDATE forums_category c
            SET thread_count = s.threads, post_count = s.posts, last_activity_at = s.last_at
            FROM (
                SELECT category_id, count(*) AS threads, sum(reply_count + 1) AS posts,
                       max(last_activity_at) AS last_at
                FROM forums_thread
                WHERE status = 'published' AND category_id = ANY(%(categories)s)
                GROUP BY category_id
            ) s
            WHERE s.category_id = c.id
            """,
            {"categories": category_ids},
        )
        cursor.execute(
            """
            UPDATE accounts_user u
            SET post_count = s.posts
            FROM (
                SELECT p.author_id, count(*) AS posts
                FROM forums_post p JOIN forums_thread t ON t.id = p.thread_id
                WHERE p.status = 'published' AND t.status = 'published'
                  AND p.author_id = ANY(%(members)s)
                GROUP BY p.author_id
            ) s
            WHERE s.author_id = u.id
            """,
            {"members": member_ids},
        )
        # As forums.services._index_for_search: title (first posts only) A, body B.
        cursor.execute(
            """
            UPDATE forums_post p
            SET search_vector = CASE WHEN p.is_first
                THEN setweight(to_tsvector('english', t.title), 'A')
                     || setweight(to_tsvector('english', p.body), 'B')
                ELSE setweight(to_tsvector('english', p.body), 'B') END
            FROM forums_thread t
            WHERE t.id = p.thread_id AND t.id = ANY(%(threads)s)
            """,
            {"threads": thread_ids},
        )
