"""The demo library (`manage.py seed_demo`): enough well-formed CBT resources to try every
part of the library, each clear that it is self-help, not treatment."""

import pytest
from django.core.management import call_command

from resources.models import Resource, ResourceLink, Worksheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    call_command("seed_demo", "--not-production", "--quiet")


def test_the_demo_library_has_at_least_eight_resources_across_categories(seeded):
    resources = Resource.objects.published()
    assert resources.count() >= 8
    assert resources.values("category").distinct().count() >= 5
    assert resources.filter(featured=True).exists()
    for slug in (
        "thought-records",
        "common-thinking-traps",
        "behavioural-activation",
        "worry-time",
        "looking-after-your-sleep",
        "staying-well-plan",
    ):
        assert resources.filter(slug=slug).exists(), slug
    for resource in resources:
        assert "self-help information, not treatment" in resource.body_html, resource.slug
        assert resource.topics.exists() and resource.links.exists(), resource.slug


def test_demo_worksheets_are_real_pdfs_that_download(client, seeded):
    assert Worksheet.objects.count() >= 4
    for worksheet in Worksheet.objects.select_related("resource"):
        response = client.get(worksheet.get_absolute_url())
        content = b"".join(response.streaming_content)
        assert response.status_code == 200, worksheet.title
        assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
        assert worksheet.title.encode() in content


def test_demo_posts_that_link_resources_are_recorded(client_for, seeded):
    from sharon.accounts.models import User

    assert ResourceLink.objects.filter(resource__slug="worry-time").exists()
    page = client_for(User.objects.get(username="robin")).get("/resources/worry-time/")
    assert "Hello from a long-time lurker" in page.content.decode()
