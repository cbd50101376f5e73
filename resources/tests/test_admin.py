"""Staff write, preview and publish resources in Django admin (R-2), through the admin's own
views; members and visitors never see a draft."""

from html.parser import HTMLParser

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from resources.models import ExternalLink, Resource, Worksheet
from sharon.markup import RESOURCE_TAGS

from .conftest import PDF, make_resource, pdf_upload

pytestmark = pytest.mark.django_db

EMPTY_INLINES = {
    "worksheets-TOTAL_FORMS": "0",
    "worksheets-INITIAL_FORMS": "0",
    "links-TOTAL_FORMS": "0",
    "links-INITIAL_FORMS": "0",
}


class Tags(HTMLParser):
    """Every start tag in a piece of HTML, with its attributes."""

    @classmethod
    def of(cls, html: str) -> list[tuple[str, list]]:
        parser = cls()
        parser.found = []
        parser.feed(html)
        return parser.found

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def resource_form(category, **overrides) -> dict:
    return {
        "title": "Noticing rumination",
        "slug": "noticing-rumination",
        "category": category.pk,
        "summary": "When thinking goes round in circles.",
        "body": "## What it is\n\nGoing over the same thoughts again and again.",
        "status": "draft",
        "order": "0",
        **EMPTY_INLINES,
        **overrides,
    }


def test_staff_create_preview_and_publish_a_resource_through_the_admin(
    client_for, admin_user, member, category, topic
):
    staff, visitor, reader = client_for(admin_user), client_for(None), client_for(member)
    response = staff.post(
        reverse("admin:resources_resource_add"), resource_form(category, topics=[topic.pk])
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    resource = Resource.objects.get(slug="noticing-rumination")
    assert resource.status == "draft" and resource.published_at is None
    assert "<h2>What it is</h2>" in resource.body_html
    assert list(resource.topics.all()) == [topic]

    # Nobody but staff sees the draft: not on its page, the library, or the preview.
    for client in (visitor, reader):
        assert client.get("/resources/noticing-rumination/").status_code == 404
        assert "Noticing rumination" not in client.get("/resources/").content.decode()
    preview_url = reverse("admin:resources_resource_preview", args=[resource.pk])
    assert visitor.get(preview_url).status_code == 302  # to the admin sign-in
    assert reader.get(preview_url).status_code == 302

    change_page = staff.get(reverse("admin:resources_resource_change", args=[resource.pk]))
    assert preview_url in change_page.content.decode()
    preview = staff.get(preview_url)
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "This is a draft: only staff can see it." in page
    assert "<h2>What it is</h2>" in page and "Noticing rumination" in page
    assert preview["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in preview["Cache-Control"]

    response = staff.post(
        reverse("admin:resources_resource_changelist"),
        {"action": "publish_selected", "_selected_action": [resource.pk]},
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.status == "published" and resource.published_at is not None
    for client in (visitor, reader):
        assert client.get("/resources/noticing-rumination/").status_code == 200
        assert "Noticing rumination" in client.get("/resources/").content.decode()

    # Every change is in the admin's history, the publishing too.
    messages = [entry.get_change_message() for entry in LogEntry.objects.order_by("pk")]
    assert messages[0] == "Added."
    assert messages[-1] == "Published."
    history = staff.get(reverse("admin:resources_resource_history", args=[resource.pk]))
    assert "Published." in history.content.decode()
    change_page = staff.get(reverse("admin:resources_resource_change", args=[resource.pk]))
    assert "Published." in change_page.content.decode()  # shown on the form itself


def test_bulk_unpublish_hides_resources_again_and_is_recorded(
    client_for, admin_user, category, published
):
    other = make_resource(category, "worry-time")
    staff = client_for(admin_user)
    response = staff.post(
        reverse("admin:resources_resource_changelist"),
        {"action": "unpublish_selected", "_selected_action": [published.pk, other.pk]},
        follow=True,
    )
    assert "2 resources unpublished" in response.content.decode()
    assert set(Resource.objects.values_list("status", flat=True)) == {"draft"}
    assert client_for(None).get(published.get_absolute_url()).status_code == 404
    assert LogEntry.objects.filter(change_message="Unpublished.").count() == 2

    # Safe to repeat: nothing changes, nothing more is recorded.
    staff.post(
        reverse("admin:resources_resource_changelist"),
        {"action": "unpublish_selected", "_selected_action": [published.pk]},
    )
    assert LogEntry.objects.filter(change_message="Unpublished.").count() == 2


def test_a_future_publish_date_keeps_a_published_resource_hidden_until_then(
    client_for, admin_user, category
):
    staff = client_for(admin_user)
    staff.post(
        reverse("admin:resources_resource_add"),
        resource_form(
            category,
            status="published",
            published_at_0="01/01/2099",
            published_at_1="09:00:00",
        ),
    )
    resource = Resource.objects.get(slug="noticing-rumination")
    assert resource.published_at.year == 2099
    assert client_for(None).get(resource.get_absolute_url()).status_code == 404
    listing = staff.get(reverse("admin:resources_resource_changelist")).content.decode()
    assert "Scheduled for 1 Jan 2099" in listing


def test_admin_list_shows_status_and_helpfulness_and_filters_and_searches(
    client_for, admin_user, member, other_member, category, published, draft
):
    from resources.services import helpfulness_vote

    helpfulness_vote(resource=published, user=member, helpful=True)
    helpfulness_vote(resource=published, user=other_member, helpful=False)
    staff = client_for(admin_user)
    url = reverse("admin:resources_resource_changelist")

    listing = staff.get(url)
    rows = {r.pk: r for r in listing.context["cl"].result_list}
    assert (rows[published.pk].yes_votes, rows[published.pk].no_votes) == (1, 1)
    assert (rows[draft.pk].yes_votes, rows[draft.pk].no_votes) == (0, 0)
    page = listing.content.decode()
    assert "column-helpful_yes" in page and "column-status_label" in page

    drafts = staff.get(url, {"status__exact": "draft"}).context["cl"].result_list
    assert list(drafts) == [draft]
    found = staff.get(url, {"q": "rumination"}).context["cl"].result_list
    assert list(found) == [draft]
    change = staff.get(reverse("admin:resources_resource_change", args=[published.pk]))
    assert "1 members said yes, 1 said no" in change.content.decode()


def test_the_admin_prepopulates_slugs_and_offers_markdown_help(client_for, admin_user):
    page = client_for(admin_user).get(reverse("admin:resources_resource_add")).content.decode()
    assert "prepopulated_fields" in page or "data-prepopulated-fields" in page
    assert "HTML is shown as text, never run." in page


def test_staff_without_view_permission_cannot_preview(client_for, category, draft):
    from conftest import make_member, two_step

    clerk = two_step(make_member("clerk_test", is_staff=True))
    response = client_for(clerk).get(reverse("admin:resources_resource_preview", args=[draft.pk]))
    assert response.status_code == 403


def test_hostile_markdown_and_html_written_in_admin_renders_safely(
    client_for, admin_user, category
):
    hostile = (
        "<script>alert('x')</script>\n\n"
        '<img src=x onerror="alert(1)">\n\n'
        "[click me](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
        '<a href="https://evil.example" style="position:fixed">overlay</a>\n\n'
        "<iframe src='https://evil.example'></iframe>\n\n"
        "| a | b |\n| :--- | ---: |\n| <b onmouseover=alert(1)>x</b> | y |\n\n"
        "![tracker](https://evil.example/pixel.gif)"
    )
    staff = client_for(admin_user)
    staff.post(
        reverse("admin:resources_resource_add"),
        resource_form(
            category, body=hostile, title="<script>alert(2)</script>", status="published"
        ),
    )
    resource = Resource.objects.get(slug="noticing-rumination")
    page = client_for(None).get(resource.get_absolute_url()).content.decode()
    assert resource.body_html in page
    tags = Tags.of(resource.body_html)
    assert {name for name, _attrs in tags} <= RESOURCE_TAGS
    for name, attrs in tags:
        for attr, value in attrs:
            assert attr in ("href", "rel", "align", "start"), (name, attr)
            if attr == "href":
                assert value.startswith(("https://", "http://", "/", "#", "mailto:")), value
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in page  # shown as text
    assert "<h1>&lt;script&gt;alert(2)&lt;/script&gt;</h1>" in page


def test_worksheets_and_links_are_added_in_the_resource_form(
    client_for, admin_user, category, published
):
    staff = client_for(admin_user)
    data = {
        **resource_form(category, slug="thought-records", status="published"),
        "worksheets-TOTAL_FORMS": "1",
        "worksheets-0-title": "Thought record",
        "worksheets-0-file": pdf_upload("thought record.pdf"),
        "worksheets-0-order": "0",
        "links-TOTAL_FORMS": "1",
        "links-0-title": "Reframing unhelpful thoughts",
        "links-0-url": "https://www.nhs.uk/every-mind-matters/",
        "links-0-order": "0",
    }
    response = staff.post(reverse("admin:resources_resource_change", args=[published.pk]), data)
    assert response.status_code == 302
    worksheet = Worksheet.objects.get()
    assert worksheet.size == len(PDF) and worksheet.file.name.endswith(".pdf")
    assert "thought record" not in worksheet.file.name  # stored under a random name
    assert ExternalLink.objects.get().url == "https://www.nhs.uk/every-mind-matters/"
    change = staff.get(reverse("admin:resources_resource_change", args=[published.pk]))
    assert worksheet.get_absolute_url() in change.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("notes.txt", b"just some text", "File extension"),
        ("sneaky.pdf", b"MZ\x90\x00 not a pdf at all", "This file is not a PDF."),
        ("page.pdf", b"<html><script>alert(1)</script></html>", "This file is not a PDF."),
        ("huge.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024), "worksheets can be at most 5.0"),
    ],
)
def test_worksheet_upload_rejects_files_that_are_not_small_pdfs(
    client_for, admin_user, category, published, name, content, error
):
    data = {
        **resource_form(category, slug="thought-records", status="published"),
        "worksheets-TOTAL_FORMS": "1",
        "worksheets-0-title": "Thought record",
        "worksheets-0-file": pdf_upload(name, content),
        "worksheets-0-order": "0",
    }
    response = client_for(admin_user).post(
        reverse("admin:resources_resource_change", args=[published.pk]), data
    )
    assert response.status_code == 200  # the form again, with the error
    assert error in response.content.decode()
    assert not Worksheet.objects.exists()


def test_external_links_must_be_web_addresses(client_for, admin_user, category, published):
    data = {
        **resource_form(category, slug="thought-records", status="published"),
        "links-TOTAL_FORMS": "1",
        "links-0-title": "Bad",
        "links-0-url": "javascript:alert(1)",
        "links-0-order": "0",
    }
    response = client_for(admin_user).post(
        reverse("admin:resources_resource_change", args=[published.pk]), data
    )
    assert response.status_code == 200
    assert not ExternalLink.objects.exists()
