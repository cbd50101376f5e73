"""Every forum list can be read through an index (F: "indexes for every list ordering").

On tables this small PostgreSQL rightly prefers sequential scans, so each test turns them off
for its own transaction: the plan then shows whether an index *can* serve the query. What
the planner chooses with 100,000 posts is in bench/README.md (bench/explain_forums.py).
"""

import re

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from bench.forum_data import COMMON_WORD, generate
from forums import selectors
from forums.models import Category, Post, Status, Thread

INDEX_SCAN = re.compile(r"Index (?:Only )?Scan (?:Backward )?using (\S+) on (\S+)")
BITMAP_INDEX_SCAN = re.compile(r"Bitmap Index Scan on (\S+)")


@pytest.fixture
def forum(db):
    """Eight hundred posts in eighty threads; the planner may use only indexes from here on."""
    generate(threads=80, posts=800, members=12, categories=3, seed=7)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")


def indexes_of(table: str) -> set[str]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {name for name, info in constraints.items() if info["index"]}


def indexes_used(plan: str) -> set[str]:
    return {m[1] for m in INDEX_SCAN.finditer(plan)} | set(BITMAP_INDEX_SCAN.findall(plan))


def longest_thread() -> Thread:
    return Thread.objects.filter(status=Status.PUBLISHED).order_by("-reply_count").first()


def busiest_category() -> Category:
    return Category.objects.order_by("-thread_count").first()


def test_thread_page_reads_posts_through_an_index(forum, member):
    thread = longest_thread()
    assert thread.reply_count + 1 > 40  # there is a page 3
    posts = selectors.posts_for_thread(user=member, thread=thread)

    plan = posts[40:60].explain()

    assert "Seq Scan on forums_post" not in plan
    assert indexes_used(plan) & indexes_of("forums_post"), plan


def test_thread_page_reads_posts_in_order_from_post_thread_order_idx(forum, member):
    posts = selectors.posts_for_thread(user=member, thread=longest_thread())

    plan = posts[:20].explain()

    assert "using post_thread_order_idx on forums_post" in plan, plan
    assert "Sort" not in plan, plan


def test_thread_list_reads_threads_through_an_index(forum, member):
    category = busiest_category()
    assert category.thread_count > 25  # there is a page 2
    threads = selectors.threads_in_category(user=member, category=category, hidden_topics=[])

    plan = threads[25:50].explain()

    assert "Seq Scan on forums_thread" not in plan
    assert indexes_used(plan) & indexes_of("forums_thread"), plan


def test_thread_list_reads_threads_in_order_without_sorting(forum, member):
    threads = selectors.threads_in_category(
        user=member, category=busiest_category(), hidden_topics=[]
    )

    plan = threads[:25].explain()

    assert "Sort" not in plan, plan
    assert indexes_used(plan) & indexes_of("forums_thread"), plan


def test_unanswered_list_reads_thread_unanswered_idx(forum, member):
    plan = selectors.unanswered_threads(user=member)[:25].explain()

    assert "thread_unanswered_idx" in indexes_used(plan), plan


def test_bookmarks_read_bookmark_user_recent_idx(forum, member):
    plan = selectors.bookmarks_of(member)[:25].explain()

    assert "bookmark_user_recent_idx" in indexes_used(plan), plan


def test_search_finds_posts_through_post_search_vector_idx(forum, member):
    # With a few hundred rows the planner may start from the visible threads instead; the
    # text match itself must be answerable from the GIN index (bench/ shows the full plan
    # choosing it at 100,000 posts).
    query = SearchQuery(COMMON_WORD, search_type="websearch", config="english")
    plan = Post.objects.filter(search_vector=query).explain()

    assert "Bitmap Index Scan on post_search_vector_idx" in plan, plan
