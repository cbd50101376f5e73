"""The library as members and visitors see it (R-1): published resources only, by category,
with featured resources, topics, worksheets, links and related resources."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from resources.models import ExternalLink, Resource, Worksheet

from .conftest import make_resource, pdf_upload

pytestmark = pytest.mark.django_db


def test_the_library_lists_published_resources_by_category_with_featured_first(
    client, category, other_category, published, draft
):
    make_resource(other_category, "looking-after-your-sleep", title="Looking after your sleep")
    featured = make_resource(other_category, "staying-well", title="Staying well", featured=True)
    page = client.get("/resources/").content.decode()
    start_here = page.index("Start here")
    assert start_here < page.index(featured.title) < page.index('id="thinking-traps"')
    assert page.index('id="thinking-traps"') < page.index('id="sleep"')
    assert published.title in page and "Looking after your sleep" in page
    assert draft.title not in page
    assert "1 minute read" in page


def test_visitors_and_members_never_see_drafts_or_scheduled_resources(
    client, client_for, member, category, draft
):
    scheduled = make_resource(
        category, "coming-soon", published_at=timezone.now() + dt.timedelta(days=3)
    )
    for reader in (client, client_for(member)):
        for hidden in (draft, scheduled):
            assert reader.get(hidden.get_absolute_url()).status_code == 404
            assert hidden.title not in reader.get("/resources/").content.decode()
            assert reader.post(
                f"{hidden.get_absolute_url()}helpful/", {"helpful": "yes"}
            ).status_code in (302, 404)
    assert not draft.votes.exists() and not scheduled.votes.exists()


def test_a_resource_page_shows_its_body_reading_time_topics_and_self_help_notice(
    client, published, topic
):
    response = client.get(published.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>How to use a thought record</h1>" in page
    assert "<h2>The steps</h2>" in page
    assert "1 minute read" in page
    assert f'href="/resources/?topic={topic.slug}"' in page
    assert "This is self-help information, not treatment." in page
    assert 'href="/urgent-help/"' in page
    assert '<meta name="robots" content="index, follow">' in page


def test_reading_time_is_computed_from_the_body(category):
    resource = make_resource(category, "long-read", body="word " * 1001)
    assert resource.reading_minutes == 6
    resource.body = "short"
    resource.save(update_fields=["body"])
    resource.refresh_from_db()
    assert resource.reading_minutes == 1 and resource.body_html == "<p>short</p>\n"


def test_a_resource_page_offers_its_worksheets_and_further_reading(client, published):
    Worksheet.objects.create(resource=published, title="Thought record", file=pdf_upload())
    ExternalLink.objects.create(
        resource=published,
        title="Reframing unhelpful thoughts",
        url="https://www.nhs.uk/every-mind-matters/",
        description="The NHS's short guide.",
    )
    page = client.get(published.get_absolute_url()).content.decode()
    worksheet = published.worksheets.get()
    assert f'href="/resources/thought-records/worksheets/{worksheet.pk}/" download>' in page
    assert "(PDF, " in page
    assert '<a href="https://www.nhs.uk/every-mind-matters/" rel="noopener noreferrer">' in page
    assert "/media/" not in page  # files are only ever served through the download view


def test_related_resources_share_topics_or_category_and_are_published(
    client, category, other_category, published, topic, draft
):
    same_topic = make_resource(other_category, "worry-time", title="Worry time")
    same_topic.topics.add(topic)
    same_category = make_resource(category, "thinking-traps-list", title="Common thinking traps")
    unrelated = make_resource(other_category, "sleep-basics", title="Sleep basics")
    draft.topics.add(topic)
    page = client.get(published.get_absolute_url()).content.decode()
    related = page[page.index('id="related"') :]
    assert related.index(same_topic.title) < related.index(same_category.title)
    assert unrelated.title not in related and draft.title not in related


def test_browsing_by_topic_lists_only_resources_with_that_topic(client, category, published, topic):
    other = make_resource(category, "sleep-basics", title="Sleep basics")
    page = client.get(f"/resources/?topic={topic.slug}").content.decode()
    assert "Resources about Worry" in page
    assert published.title in page and other.title not in page
    assert '<meta name="robots" content="noindex, follow">' in page
    assert client.get("/resources/?topic=no-such-topic").status_code == 404


def test_members_get_the_shared_search_box_on_the_library(client, client_for, member, published):
    assert 'action="/forums/search/"' in client_for(member).get("/resources/").content.decode()
    assert 'action="/forums/search/"' not in client.get("/resources/").content.decode()


def test_resource_pages_have_no_inline_script_style_or_event_handlers(
    client, client_for, member, published
):
    # Strict CSP (script-src/style-src 'self'): anything inline would be blocked.
    for reader in (client, client_for(member)):
        for url in ("/resources/", published.get_absolute_url(), "/urgent-help/"):
            page = reader.get(url).content.decode()
            assert not re.search(r"<script(?![^>]*\bsrc=)", page), url
            assert not re.search(r"<style|\sstyle=|\son[a-z]+=", page), url


def test_an_unpublished_resource_is_found_by_nobody_even_if_it_was_published(client, published):
    published.status = Resource.Status.DRAFT
    published.save()
    assert client.get(published.get_absolute_url()).status_code == 404
