"""Resources share the forum search box (R-5): a Resources section above the posts."""

import pytest
from django.urls import reverse

from resources.models import Topic

from .conftest import make_resource

pytestmark = pytest.mark.django_db


def search(client, q: str, page: int | None = None) -> str:
    url = reverse("forums:search") + f"?q={q}" + (f"&page={page}" if page else "")
    return client.get(url).content.decode()


def test_search_results_have_a_resources_section(client_for, member, category, published):
    make_resource(category, "sleep-basics", title="Sleep basics", body="Wind down at night.")
    page = search(client_for(member), "thought record")
    section = page[page.index('id="resource-results"') : page.index('role="status"')]
    assert '<a href="/resources/thought-records/">How to use a thought record</a>' in section
    assert "Sleep basics" not in section


def test_resource_search_stems_words_ranks_titles_first_and_matches_topics(
    client_for, member, category
):
    body_only = make_resource(
        category, "body-only", title="Getting going", body="Try worrying less by planning."
    )
    titled = make_resource(category, "worry-time", title="Worry time", body="Fifteen minutes.")
    tagged = make_resource(category, "tagged", title="Settling at night", body="Routines.")
    tagged.topics.add(Topic.objects.create(name="Worry", slug="worry"))
    page = search(client_for(member), "worry")
    assert page.index(titled.title) < page.index(body_only.title)
    assert tagged.title in page


def test_drafts_never_appear_in_search(client_for, member, draft):
    page = search(client_for(member), "rumination")
    assert draft.title not in page and 'id="resource-results"' not in page


def test_resources_are_shown_on_the_first_page_of_results_only(
    client_for, member, category, published
):
    from forums.models import Category
    from forums.services import thread_create

    forum = Category.objects.create(name="Skills", slug="skills", description="x")
    for n in range(25):
        thread_create(
            author=member, category=forum, title=f"Thought record {n}", body=f"thought {n}"
        )
    reader = client_for(member)
    assert 'id="resource-results"' in search(reader, "thought")
    assert 'id="resource-results"' not in search(reader, "thought", page=2)


def test_odd_queries_are_harmless(client_for, member, published):
    reader = client_for(member)
    for q in ["%27%22", "%26%7C!", "or", "-", "%3Cscript%3E"]:
        assert reader.get(reverse("forums:search") + f"?q={q}").status_code == 200
