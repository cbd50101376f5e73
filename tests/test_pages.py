"""Layout, urgent help on every page (A-3), and members-only gating (People)."""

import pytest
from django.utils import timezone

from forums.models import Category
from forums.services import thread_create
from resources.models import Resource, ResourceCategory

URGENT_LINK = (
    '<a class="sharon-urgent-link" href="/urgent-help/" data-urgent-help>Need urgent help?</a>'
)
PUBLIC_PAGES = [
    "/",
    "/urgent-help/",
    "/about/",
    "/guidelines/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/resources/",
    "/resources/calm-breathing/",
    "/no-such-page/",
]


@pytest.fixture
def content(member):
    category = Category.objects.create(
        name="Anxiety", slug="anxiety", description="Worry, panic and what helps."
    )
    thread = thread_create(
        author=member,
        category=category,
        title="Tips for a racing heart?",
        body="It **helps** to breathe out slowly.",
    )
    rc = ResourceCategory.objects.create(name="Understanding anxiety", slug="understanding-anxiety")
    Resource.objects.create(
        category=rc,
        title="Calm breathing",
        slug="calm-breathing",
        summary="A short exercise.",
        body="## Try this\n\nBreathe in for 4, out for 6.",
        status=Resource.Status.PUBLISHED,
    )
    Resource.objects.create(
        category=rc,
        title="Unfinished draft",
        slug="unfinished-draft",
        summary="Not ready.",
        body="Draft",
        status=Resource.Status.DRAFT,
    )
    return {"category": category, "thread": thread}


def member_pages(content, member):
    return [
        "/forums/",
        f"/forums/c/{content['category'].slug}/",
        f"/forums/t/{content['thread'].pk}/",
        "/messages/",
        f"/accounts/members/{member.username}/",
        "/accounts/profile/",
        "/accounts/email/",
        "/accounts/password/change/",
    ]


def test_every_page_links_to_urgent_help_for_visitors_and_members(
    client, client_for, member, content
):
    for url in PUBLIC_PAGES:
        assert URGENT_LINK in client.get(url).content.decode(), url
    signed_in = client_for(member)
    for url in PUBLIC_PAGES[:3] + PUBLIC_PAGES[7:] + member_pages(content, member):
        assert URGENT_LINK in signed_in.get(url, follow=True).content.decode(), url


def test_urgent_help_page_lists_the_crisis_lines(client, db):
    page = client.get("/urgent-help/").content.decode()
    for text in ("116 123", "111", "option 2", "85258", "999", "A&amp;E"):
        assert text in page


def test_landing_page_explains_who_it_is_for_and_that_it_is_not_a_crisis_service(client, db):
    page = client.get("/").content.decode()
    assert "18 or over" in page
    assert "mild to moderate anxiety or depression" in page
    assert "not a crisis service" in page
    assert 'href="/accounts/signup/"' in page


def test_visitors_are_sent_to_sign_in_from_every_members_page(client, member, content):
    for url in member_pages(content, member):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), url


def test_members_pages_are_marked_noindex_and_public_pages_are_not(
    client, client_for, member, content
):
    signed_in = client_for(member)
    for url in member_pages(content, member):
        response = signed_in.get(url)
        assert response.status_code == 200, url
        assert response["X-Robots-Tag"] == "noindex, nofollow", url
        assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode(), url
    for url in ["/", "/urgent-help/", "/resources/calm-breathing/"]:
        response = client.get(url)
        assert "X-Robots-Tag" not in response, url
        assert '<meta name="robots" content="index, follow">' in response.content.decode(), url


def test_robots_txt_keeps_crawlers_out_of_the_members_area(client, db):
    body = client.get("/robots.txt").content.decode()
    for path in ("/forums/", "/messages/", "/accounts/"):
        assert f"Disallow: {path}" in body


def test_forum_pages_show_the_rendered_post_to_members(client_for, member, content):
    page = client_for(member).get(f"/forums/t/{content['thread'].pk}/").content.decode()
    assert "Tips for a racing heart?" in page
    assert "It <strong>helps</strong> to breathe out slowly." in page
    assert member.username in page


def test_draft_resources_are_never_shown(client, client_for, member, content):
    assert client.get("/resources/unfinished-draft/").status_code == 404
    assert client_for(member).get("/resources/unfinished-draft/").status_code == 404
    assert "Unfinished draft" not in client.get("/resources/").content.decode()
    assert "Calm breathing" in client.get("/resources/").content.decode()


def test_pages_have_a_skip_link_and_landmarks(client, db):
    page = client.get("/").content.decode()
    assert '<a class="nhsuk-skip-link" href="#maincontent">' in page
    assert '<main class="nhsuk-main-wrapper" id="maincontent"' in page
    assert '<html lang="en-GB">' in page


def test_moderator_hours_are_shown_on_every_page(client, db, settings):
    from sharon.core.models import SiteSettings

    site = SiteSettings.load()
    now = timezone.localtime()
    site.moderator_days = "0123456"
    site.moderators_on_duty_from = (now - timezone.timedelta(hours=1)).time()
    site.moderators_on_duty_until = (now + timezone.timedelta(hours=1)).time()
    site.save()
    assert "Moderators are on duty now" in client.get("/about/").content.decode()
    site.moderator_days = ""
    site.save()
    assert "Moderators are off duty now." in client.get("/about/").content.decode()
