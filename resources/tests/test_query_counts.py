"""The library pages run a fixed number of queries, however many resources, worksheets,
links, topics and threads they show (STYLE 5)."""

import pytest

from forums.models import Category
from forums.services import thread_create
from resources.models import ExternalLink, Resource, ResourceCategory, Topic, Worksheet

from .conftest import make_resource, pdf_upload

pytestmark = pytest.mark.django_db


def grow(n: int, *, author, forum, prefix: str = "") -> Resource:
    """n categories of n resources, each with topics, worksheets, links and linking threads;
    returns the resource whose page is measured."""
    topics = [
        Topic.objects.create(name=f"{prefix}Topic {k}", slug=f"{prefix}topic-{k}") for k in range(n)
    ]
    first = None
    for c in range(n):
        category = ResourceCategory.objects.create(
            name=f"{prefix}Category {c}", slug=f"{prefix}c{c}", order=c
        )
        for r in range(n):
            resource = make_resource(category, f"{prefix}r{c}-{r}", featured=r == 0)
            resource.topics.add(*topics)
            for k in range(n):
                Worksheet.objects.create(resource=resource, title=f"Sheet {k}", file=pdf_upload())
                ExternalLink.objects.create(
                    resource=resource, title=f"Link {k}", url=f"https://www.nhs.uk/{k}/"
                )
            first = first or resource
    for t in range(n):
        thread_create(
            author=author,
            category=forum,
            title=f"{prefix}Thread {t} about it",
            body=f"{prefix}Post {t}: [read this](/resources/{first.slug}/)",
        )
    return first


@pytest.fixture
def forum(db):
    return Category.objects.create(name="Skills", slug="skills", description="x")


# Visitor: categories, their resources, featured resources, topics in use.
INDEX_VISITOR = 4
# Every member page adds: session, user, moderator check (header), unread notifications,
# unread messages.
MEMBER = 5
# Visitor: the resource with its category, topics, worksheets, links; related resources.
DETAIL_VISITOR = 5
# Member: their vote, reading preferences, linking threads.
DETAIL_MEMBER = DETAIL_VISITOR + MEMBER + 3


def pinned(client, url, expected, django_assert_num_queries):
    client.get(url)  # site settings are cached from here on
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_library_index_is_pinned_at_its_query_count(
    client_for, member, forum, django_assert_num_queries, signed_in
):
    client = client_for(member if signed_in else None)
    expected = INDEX_VISITOR + (MEMBER if signed_in else 0)
    grow(1, author=member, forum=forum)
    pinned(client, "/resources/", expected, django_assert_num_queries)
    grow(4, author=member, forum=forum, prefix="more")
    pinned(client, "/resources/", expected, django_assert_num_queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_resource_page_is_pinned_at_its_query_count(
    client_for, member, forum, django_assert_num_queries, signed_in
):
    client = client_for(member if signed_in else None)
    expected = DETAIL_MEMBER if signed_in else DETAIL_VISITOR
    small = grow(1, author=member, forum=forum)
    pinned(client, small.get_absolute_url(), expected, django_assert_num_queries)
    big = grow(4, author=member, forum=forum, prefix="more")
    pinned(client, big.get_absolute_url(), expected, django_assert_num_queries)
