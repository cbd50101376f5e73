"""Resources linked from posts (R-4): a link renders as a card under the post, and the
resource page lists the recent threads that link it, to members who may see them."""

import pytest
from django.urls import reverse

from forums.models import Category, ContentWarning, Status
from forums.services import (
    post_create,
    post_delete,
    post_edit,
    post_set_status,
    reading_preferences_update,
    thread_create,
)
from resources.models import ResourceLink
from resources.selectors import resource_slugs_in

from .conftest import make_resource

pytestmark = pytest.mark.django_db

LINKING = "The [thought record guide](/resources/thought-records/) helped me a lot."


@pytest.fixture
def forum(db):
    return Category.objects.create(name="CBT skills practice", slug="cbt", description="Try it.")


def start(author, forum, title="My first thought record", body=None, **fields):
    body = body or f"{title}. {LINKING}"
    return thread_create(author=author, category=forum, title=title, body=body, **fields)


def test_a_resource_link_in_a_post_renders_as_a_card(client_for, member, forum, published):
    thread = start(member, forum)
    page = client_for(member).get(thread.get_absolute_url()).content.decode()
    cards = page[page.index('class="sharon-post__resources"') :]
    assert '<a class="nhsuk-card__link" href="/resources/thought-records/">' in cards
    assert "How to use a thought record" in cards
    assert "Slow a difficult moment down on paper." in cards
    assert "Thinking traps · 1 minute read" in cards


def test_links_to_drafts_unknown_or_foreign_pages_make_no_card(
    client_for, member, forum, category, draft
):
    body = (
        "[draft](/resources/secret-draft/), [nothing](/resources/no-such-guide/), "
        "[elsewhere](https://example.org/resources/thought-records/), "
        "[a worksheet](/resources/thought-records/worksheets/1/)"
    )
    thread = start(member, forum, body=body)
    page = client_for(member).get(thread.get_absolute_url()).content.decode()
    assert "sharon-post__resources" not in page
    assert draft.title not in page


def test_full_site_addresses_and_anchors_count_as_resource_links(settings):
    settings.SITE_URL = "https://sharon.example"
    html = (
        '<a href="https://sharon.example/resources/worry-time/#how">x</a> '
        '<a href="/resources/sleep/?from=post">y</a> <a href="/resources/worry-time/">z</a> '
        '<a href="https://other.example/resources/panic/">w</a>'
    )
    assert resource_slugs_in(html) == ["worry-time", "sleep"]


def test_links_are_recorded_when_posts_are_written_edited_and_resources_added(
    client_for, admin_user, member, other_member, forum, category, published
):
    thread = start(member, forum)
    assert ResourceLink.objects.filter(resource=published).count() == 1

    reply = post_create(author=other_member, thread=thread, body="Same here: " + LINKING)
    assert ResourceLink.objects.filter(resource=published).count() == 2
    post_edit(post=reply, editor=other_member, body="I changed my mind.", content_warning="")
    assert list(ResourceLink.objects.values_list("post_id", flat=True)) == [
        thread.posts.get(is_first=True).pk
    ]

    # A post written before the resource existed is found when staff create it in admin.
    early = post_create(
        author=other_member, thread=thread, body="See [worry time](/resources/worry-time/)."
    )
    client_for(admin_user).post(
        reverse("admin:resources_resource_add"),
        {
            "title": "Worry time",
            "slug": "worry-time",
            "category": category.pk,
            "summary": "Give worries an appointment.",
            "body": "Fifteen minutes a day.",
            "status": "published",
            "order": "0",
            "worksheets-TOTAL_FORMS": "0",
            "worksheets-INITIAL_FORMS": "0",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )
    assert ResourceLink.objects.filter(resource__slug="worry-time").get().post == early


def test_the_resource_page_lists_recent_threads_that_link_it(
    client_for, member, other_member, forum, published
):
    older = start(member, forum, title="Thought records are hard")
    newer = start(other_member, forum, title="Trying one tonight")
    unrelated = start(other_member, forum, title="Nothing to do with it", body="Hello.")
    page = client_for(member).get(published.get_absolute_url()).content.decode()
    section = page[page.index("Talked about in the forums") :]
    assert section.index(newer.title) < section.index(older.title)
    assert unrelated.title not in section
    assert f'href="/forums/t/{newer.pk}/"' in section


def test_visitors_see_no_forum_threads_on_a_resource_page(client, member, forum, published):
    start(member, forum)
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Talked about in the forums" not in page and "My first thought record" not in page


def test_threads_the_member_may_not_see_are_never_listed(
    client_for, member, other_member, moderator, forum, published
):
    hidden = start(other_member, forum, title="Hidden by a moderator")
    post_set_status(post=hidden.posts.get(), status=Status.HIDDEN)
    deleted = start(other_member, forum, title="Deleted by its author")
    post_delete(post=deleted.posts.get(), by=other_member)
    pending = start(other_member, forum, title="Waiting for review")
    post_set_status(post=pending.posts.get(), status=Status.PENDING)
    # A thread whose only linking reply was hidden does not count either.
    quiet = start(other_member, forum, title="Quiet thread", body="No links here.")
    post_set_status(
        post=post_create(author=other_member, thread=quiet, body=LINKING), status=Status.HIDDEN
    )
    secret_forum = Category.objects.create(
        name="Established members", slug="est", description="x", hidden_from_new_members=True
    )
    start(other_member, secret_forum, title="Out of sight for new members")
    start(other_member, forum, title="About a loss", content_warning=ContentWarning.LOSS)
    reading_preferences_update(user=member, hidden_topics=["loss"], shown_topics=[])

    page = client_for(member).get(published.get_absolute_url()).content.decode()
    for title in (
        "Hidden by a moderator",
        "Deleted by its author",
        "Waiting for review",
        "Quiet thread",
        "Out of sight for new members",
        "About a loss",
    ):
        assert title not in page, title
    # Moderators still see what their role lets them see in the forums.
    page = client_for(moderator).get(published.get_absolute_url()).content.decode()
    assert "Out of sight for new members" in page and "About a loss" in page


def test_cards_cost_one_query_however_many_posts_link_resources(
    client_for, member, other_member, forum, category, published, django_assert_max_num_queries
):
    other = make_resource(category, "worry-time", title="Worry time")
    thread = start(member, forum)
    reader = client_for(member)

    def count() -> int:
        reader.get(thread.get_absolute_url())
        with django_assert_max_num_queries(40) as captured:
            page = reader.get(thread.get_absolute_url()).content.decode()
        return len(captured.captured_queries), page

    few, _page = count()
    for n in range(6):
        post_create(
            author=other_member,
            thread=thread,
            body=f"Reply {n}: [guide](/resources/thought-records/) and [this](/resources/worry-time/)",
        )
    many, page = count()
    assert many == few
    assert page.count('href="/resources/worry-time/">Worry time</a>') == 6 and other.title in page
