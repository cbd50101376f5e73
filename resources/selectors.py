"""Reads for the resource pages. Each owns its joins, so a page's query count does not grow
with the number of resources, worksheets or threads it shows (STYLE 5)."""

import re
from collections.abc import Iterable
from functools import cache

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value

from forums.models import Status, Thread
from forums.selectors import reading_preferences, visible_threads
from sharon.accounts.models import User

from .models import HelpfulnessVote, Resource, ResourceCategory, ResourceLink, Topic

RELATED_LIMIT = 3
LINKING_THREADS_LIMIT = 5
SEARCH_LIMIT = 5


# --- Resource links in posts (R-4) ---------------------------------------------------------
@cache
def _resource_href(site_url: str) -> re.Pattern:
    # Stored post HTML comes from sharon.markup, which writes href="…" with double quotes.
    # A link to a worksheet or anything deeper than the resource page is not a card.
    return re.compile(
        rf'href="(?:{re.escape(site_url)})?/resources/([-a-zA-Z0-9_]+)/(?:[?#][^"]*)?"'
    )


def resource_slugs_in(html: str) -> list[str]:
    """Slugs of the resource pages `html` links to, each once, in order of appearance."""
    return list(dict.fromkeys(_resource_href(settings.SITE_URL).findall(html)))


def attach_linked_resources(posts: Iterable) -> None:
    """Set `linked_resources` on each post: the published resources its text links to.

    One query for the lot, and none when no post links a resource."""
    posts = list(posts)
    slugs = {id(post): resource_slugs_in(post.body_html) for post in posts}
    wanted = {slug for post_slugs in slugs.values() for slug in post_slugs}
    found = (
        {
            r.slug: r
            for r in Resource.objects.published().filter(slug__in=wanted).select_related("category")
        }
        if wanted
        else {}
    )
    for post in posts:
        post.linked_resources = [found[slug] for slug in slugs[id(post)] if slug in found]


def threads_linking(*, resource: Resource, user: User) -> list[Thread]:
    """Recent threads `user` may see with a published post that links `resource`, leaving
    out topics the member chose to hide (F-5)."""
    links = ResourceLink.objects.filter(
        resource=resource, post__thread=OuterRef("pk"), post__status=Status.PUBLISHED
    )
    hidden = reading_preferences(user).hidden_topics
    return list(
        visible_threads(user)
        .filter(Exists(links), status=Status.PUBLISHED)
        .exclude(content_warning__in=hidden)
        .select_related("category")
        .order_by("-last_activity_at", "-id")[:LINKING_THREADS_LIMIT]
    )


# --- Library pages ---------------------------------------------------------------------------
def library_categories(*, topic: Topic | None = None) -> list[ResourceCategory]:
    """Categories with at least one visible resource, each with `published` (its resources)."""
    published = Resource.objects.published().order_by("order", "title")
    if topic is not None:
        published = published.filter(topics=topic)
    categories = ResourceCategory.objects.order_by("order", "name").prefetch_related(
        Prefetch("resources", queryset=published, to_attr="published")
    )
    return [category for category in categories if category.published]


def featured_resources() -> QuerySet[Resource]:
    return (
        Resource.objects.published()
        .filter(featured=True)
        .select_related("category")
        .order_by("category__order", "order", "title")
    )


def topics_in_use() -> QuerySet[Topic]:
    """Topics that at least one visible resource has, for browsing by topic."""
    tagged = Resource.topics.through.objects.filter(
        topic=OuterRef("pk"), resource__in=Resource.objects.published()
    )
    return Topic.objects.filter(Exists(tagged)).order_by("name")


def resources_for_page(queryset: QuerySet[Resource] | None = None) -> QuerySet[Resource]:
    """Resources with what their page shows; `published()` unless a preview passes its own."""
    queryset = Resource.objects.published() if queryset is None else queryset
    return queryset.select_related("category").prefetch_related("topics", "worksheets", "links")


def related_resources(resource: Resource) -> list[Resource]:
    """Other visible resources sharing the most topics, then the same category.

    `resource.topics` should be prefetched (see `resources_for_page`)."""
    topic_ids = [topic.pk for topic in resource.topics.all()]
    shares_topic = Resource.topics.through.objects.filter(
        resource=OuterRef("pk"), topic__in=topic_ids
    )
    shared = (
        Count("topics", filter=Q(topics__in=topic_ids), distinct=True) if topic_ids else Value(0)
    )
    return list(
        Resource.objects.published()
        .exclude(pk=resource.pk)
        .filter(Q(category_id=resource.category_id) | Exists(shares_topic))
        .annotate(shared=shared)
        .select_related("category")
        .order_by("-shared", "category__order", "order", "title")[:RELATED_LIMIT]
    )


def vote_of(*, resource: Resource, user: User) -> bool | None:
    """The member's answer to "Was this helpful?": True, False, or None if not asked yet."""
    return (
        HelpfulnessVote.objects.filter(resource=resource, user=user)
        .values_list("helpful", flat=True)
        .first()
    )


# --- Search (R-5) ----------------------------------------------------------------------------
def search_resources(*, query: str) -> list[Resource]:
    """Visible resources matching `query`, best first: on PostgreSQL, full-text search over
    title (weighted highest), summary and body, or an exact topic name; elsewhere a plain
    substring match. The library is small, so the vectors are computed as the query runs."""
    resources = Resource.objects.published().select_related("category")
    if connection.vendor != "postgresql":
        return list(
            resources.filter(
                Q(title__icontains=query) | Q(summary__icontains=query) | Q(body__icontains=query)
            ).order_by("category__order", "order")[:SEARCH_LIMIT]
        )
    search = SearchQuery(query, search_type="websearch", config="english")
    vector = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
    )
    tagged = Resource.topics.through.objects.filter(
        resource=OuterRef("pk"), topic__name__iexact=query
    )
    return list(
        resources.annotate(document=vector, rank=SearchRank(vector, search))
        .filter(Q(document=search) | Exists(tagged))
        .order_by("-rank", "category__order", "order")[:SEARCH_LIMIT]
    )


def resources_published_since(*, since, limit: int) -> list[Resource]:
    """The newest resources members could first see after `since` (check-in reminders)."""
    return list(
        Resource.objects.published()
        .filter(published_at__gt=since)
        .order_by("-published_at")[:limit]
    )
