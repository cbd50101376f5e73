"""EXPLAIN (ANALYZE, BUFFERS) the forum's list queries on a generated forum.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sharon_bench \\
        .venv/bin/python -m bench.explain_forums --posts 100000

Drops and recreates the database DATABASE_URL names (its name must contain "bench"),
migrates it and fills it with bench.forum_data; --reuse keeps a database filled by an
earlier run. Each query is built by the real selectors for an ordinary member, run once to
warm the cache, then explained. Exits 1 when a thread-page query reads forums_post with
a sequential scan (the acceptance item "no sequential scan on posts for a thread page").
"""

# ruff: noqa: E402 - Django must be set up before the models are imported.
import argparse
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sharon.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production")
os.environ.setdefault("HTTPS", "0")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sharon_bench")

import django

django.setup()

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, QuerySet
from django.test.utils import CaptureQueriesContext
from psycopg import sql

from bench.forum_data import COMMON_WORD, generate
from forums import selectors
from forums.models import Bookmark, Category, Post, Status, Thread, ThreadRead
from forums.views import POSTS_PER_PAGE, RESULTS_PER_PAGE, THREADS_PER_PAGE
from sharon.accounts.models import User

NODE = re.compile(r"^\s*(?:->\s+)?(?P<node>[A-Z][^()]*?)\s+\(cost=")
SEQ_SCAN = re.compile(r"Seq Scan on (forums_post|forums_thread)\b")
EXECUTION = re.compile(r"Execution Time: ([\d.]+) ms")


@dataclass
class Result:
    name: str
    plan: str
    thread_page: bool

    @property
    def nodes(self) -> list[str]:
        found = (NODE.match(line) for line in self.plan.splitlines())
        return list(dict.fromkeys(m["node"] for m in found if m))

    @property
    def seq_scans(self) -> set[str]:
        return set(SEQ_SCAN.findall(self.plan))

    @property
    def execution_ms(self) -> float:
        return sum(float(ms) for ms in EXECUTION.findall(self.plan))

    def summary(self) -> str:
        scans = ", ".join(sorted(self.seq_scans)) or "none"
        return (
            f"{self.name}: {self.execution_ms:.2f} ms; seq scan on posts/threads: {scans}; "
            f"nodes: {' > '.join(self.nodes)}"
        )


def explain(queryset: QuerySet) -> str:
    queryset.explain(analyze=True)  # warm the cache
    return queryset.explain(analyze=True, buffers=True)


def explain_executed(run: Callable[[], object]) -> list[str]:
    """Plans for the SQL that `run` sends, for selectors that return rows, not querysets.
    Runs it once first, to warm the cache as `explain` does."""
    run()
    with CaptureQueriesContext(connection) as captured:
        run()
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def prepare_database(
    *, reuse: bool, threads: int, posts: int, members: int, categories: int
) -> None:
    db = settings.DATABASES["default"]
    if "bench" not in db["NAME"]:
        sys.exit(
            f"Refusing to recreate {db['NAME']!r}: the bench database's name must contain 'bench'."
        )
    params = {"dbname": "postgres", "host": db["HOST"], "port": db["PORT"], "user": db["USER"]}
    if db["PASSWORD"]:
        params["password"] = db["PASSWORD"]
    with psycopg.connect(**params, autocommit=True) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
        ).fetchone()
        if exists and not reuse:
            admin.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(db["NAME"])))
        if not exists or not reuse:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
    call_command("migrate", verbosity=0, interactive=False)
    if reuse and Post.objects.exists():
        print(
            f"Reusing {db['NAME']}: {Post.objects.count():,} posts, {Thread.objects.count():,} threads."
        )
        return
    print(
        f"Generating {posts:,} posts in {threads:,} threads by {members:,} members ...", flush=True
    )
    print(generate(threads=threads, posts=posts, members=members, categories=categories))
    tables = "forums_post, forums_thread, forums_bookmark, forums_threadread"
    with connection.cursor() as cursor:
        # Filling the search vectors left a dead copy of every post. A live table carries
        # little such bloat, and twice the pages would make sequential scans look dearer
        # than they are: compact the tables, then set the visibility map and statistics as
        # autovacuum would have (VACUUM FULL leaves the map unset).
        cursor.execute(f"VACUUM FULL {tables}")
        cursor.execute(f"VACUUM (ANALYZE) {tables}")


def last_page(queryset: QuerySet, per_page: int):
    paginator = Paginator(queryset, per_page)
    return paginator.page(paginator.num_pages)


def run_queries() -> list[Result]:
    longest = Thread.objects.filter(status=Status.PUBLISHED).order_by("-reply_count").first()
    busiest = Category.objects.order_by("-thread_count").first()
    # The ordinary member (no moderator) with the most bookmarks.
    owners = Bookmark.objects.values_list("user").annotate(n=Count("id")).order_by("-n", "user")
    member, marks = next(
        (user, n)
        for user, n in ((User.objects.get(pk=pk), n) for pk, n in owners)
        if not user.is_moderator
    )
    print(
        f"Longest thread {longest.pk}: {longest.reply_count + 1:,} posts. Busiest category "
        f"{busiest.slug}: {busiest.thread_count:,} threads. Member {member.username}: "
        f"{marks} bookmarks, new member: {member.is_new_member}."
    )
    hidden = selectors.reading_preferences(member).hidden_topics
    posts = selectors.posts_for_thread(user=member, thread=longest)
    threads = selectors.threads_in_category(user=member, category=busiest, hidden_topics=hidden)
    found = selectors.search_posts(user=member, query=COMMON_WORD).exclude(
        content_warning__in=hidden
    )
    deep_post = last_page(posts, POSTS_PER_PAGE).object_list[0]
    deep_post.thread = longest  # as the post link's view has it
    # The busiest thread the member has read part of, to find the first post after the mark.
    read = ThreadRead.objects.filter(user=member).order_by("-thread__reply_count").first()
    print(f"First unread: thread {read.thread_id}, read up to {read.last_read_at:%Y-%m-%d}.\n")

    results = [
        Result(
            "thread page 1", explain(Paginator(posts, POSTS_PER_PAGE).page(1).object_list), True
        ),
        Result("thread page last", explain(last_page(posts, POSTS_PER_PAGE).object_list), True),
        Result(
            "thread page count",
            *explain_executed(lambda: Paginator(posts, POSTS_PER_PAGE).count),
            True,
        ),
        Result(
            "page of post",
            *explain_executed(
                lambda: selectors.page_of_post(user=member, post=deep_post, per_page=POSTS_PER_PAGE)
            ),
            True,
        ),
    ]
    read_mark, first_unread = explain_executed(
        lambda: selectors.first_unread_post(user=member, thread=read.thread)
    )
    results += [
        Result("first unread: read mark", read_mark, True),
        Result("first unread: post", first_unread, True),
        Result(
            "thread list page 1",
            explain(Paginator(threads, THREADS_PER_PAGE).page(1).object_list),
            False,
        ),
        Result(
            "thread list last", explain(last_page(threads, THREADS_PER_PAGE).object_list), False
        ),
        Result(
            "thread list count",
            *explain_executed(lambda: Paginator(threads, THREADS_PER_PAGE).count),
            False,
        ),
        Result(
            "unanswered page 1",
            explain(
                Paginator(selectors.unanswered_threads(user=member), THREADS_PER_PAGE)
                .page(1)
                .object_list
            ),
            False,
        ),
        Result(
            "bookmarks page 1",
            explain(
                Paginator(selectors.bookmarks_of(member), THREADS_PER_PAGE).page(1).object_list
            ),
            False,
        ),
        Result(f"search {COMMON_WORD!r} page 1", explain(found[:RESULTS_PER_PAGE]), False),
        Result(f"search {COMMON_WORD!r} count", *explain_executed(lambda: found.count()), False),
    ]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--threads", type=int, help="default: posts / 20")
    parser.add_argument("--members", type=int, help="default: posts / 100")
    parser.add_argument("--categories", type=int, default=8)
    parser.add_argument("--reuse", action="store_true", help="keep a database filled earlier")
    args = parser.parse_args(argv)
    prepare_database(
        reuse=args.reuse,
        posts=args.posts,
        threads=args.threads or max(1, args.posts // 20),
        members=args.members or max(2, args.posts // 100),
        categories=args.categories,
    )
    results = run_queries()
    for result in results:
        print(f"== {result.name} ==\n{result.plan}\n-> {result.summary()}\n")
    print("Summary")
    for result in results:
        print(f"  {result.summary()}")
    failures = [r.name for r in results if r.thread_page and "forums_post" in r.seq_scans]
    if failures:
        print(f"FAIL: sequential scan on forums_post for the thread page: {', '.join(failures)}")
        return 1
    print("OK: no thread-page query reads forums_post with a sequential scan.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
