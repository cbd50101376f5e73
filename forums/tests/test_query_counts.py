"""Forum pages run a fixed number of queries, however many rows they show (STYLE 5)."""

import pytest
from django.urls import reverse

from forums.models import Category
from forums.services import bookmark_toggle, post_create, reaction_toggle, thread_create

pytestmark = pytest.mark.django_db


def grow(category, member, other_member, threads: int, replies: int):
    for n in range(threads):
        thread = thread_create(
            author=member, category=category, title=f"Thread number {n} about sleep", body="sleep"
        )
        for m in range(replies):
            post = post_create(
                author=other_member,
                thread=thread,
                body=f"Reply {m} in thread {thread.pk} about sleep",
            )
            reaction_toggle(post=post, user=member, kind="support")
            bookmark_toggle(user=member, post=post)
    return thread


def count_queries(django_assert_max_num_queries, client, url, expected: int):
    with django_assert_max_num_queries(expected) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "page", ["index", "category", "thread", "search", "unanswered", "bookmarks"]
)
def test_page_query_count_does_not_grow_with_rows(
    client_for, member, other_member, django_assert_max_num_queries, page
):
    category = Category.objects.create(name="Sleep", slug="sleep", description="x")
    for n in range(3):
        Category.objects.create(name=f"Extra {n}", slug=f"extra-{n}", description="x")
    client = client_for(member)

    def url(last_thread):
        return {
            "index": reverse("forums:index"),
            "category": category.get_absolute_url(),
            "thread": last_thread.get_absolute_url(),
            "search": reverse("forums:search") + "?q=sleep",
            "unanswered": reverse("forums:unanswered"),
            "bookmarks": reverse("forums:bookmarks"),
        }[page]

    small = grow(category, member, other_member, threads=1, replies=1)
    client.get(url(small))  # first visit creates the read record
    client.get(url(small))
    few = count_queries(django_assert_max_num_queries, client, url(small), 30)

    big = grow(category, member, other_member, threads=6, replies=19)
    client.get(url(big))
    many = count_queries(django_assert_max_num_queries, client, url(big), 30)
    assert many == few, f"{page}: {few} queries with 1 row, {many} with many"


def test_thread_page_is_pinned_at_its_query_count(
    client_for, member, other_member, django_assert_num_queries
):
    category = Category.objects.create(name="Sleep", slug="sleep", description="x")
    thread = grow(category, member, other_member, threads=1, replies=30)
    client = client_for(member)
    client.get(thread.get_absolute_url())
    # session, user, groups (moderator check), thread, reading preferences, count, posts,
    # reaction counts, own reactions, own bookmarks, blocked members, read mark, view count,
    # watching, unread notifications, unread messages (page 1 of 2 has no reply box, so no
    # draft lookup)
    with django_assert_num_queries(16):
        client.get(thread.get_absolute_url())
