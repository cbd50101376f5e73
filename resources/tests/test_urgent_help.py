"""The urgent-help page (A-3): always published, linked from every page, edited by admins
in Django admin, and impossible to unpublish or delete there."""

import pytest
from django.urls import reverse

from resources.models import UrgentHelpContact, UrgentHelpPage
from resources.services import urgent_help_page_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(db) -> UrgentHelpPage:
    return urgent_help_page_ensure()


def admin_form(page: UrgentHelpPage, **overrides) -> dict:
    contacts = list(page.contacts.order_by("order"))
    data = {
        "lede": page.lede,
        "emergency_heading": page.emergency_heading,
        "emergency_body": page.emergency_body,
        "body": page.body,
        "contacts-TOTAL_FORMS": str(len(contacts)),
        "contacts-INITIAL_FORMS": str(len(contacts)),
        "contacts-MIN_NUM_FORMS": "1",
        "contacts-MAX_NUM_FORMS": "1000",
    }
    for n, contact in enumerate(contacts):
        for field in ("name", "kind", "keyword", "number", "details", "order"):
            data[f"contacts-{n}-{field}"] = getattr(contact, field)
        data[f"contacts-{n}-id"] = contact.pk
        data[f"contacts-{n}-page"] = page.pk
    return {**data, **overrides}


def test_the_page_shows_the_default_crisis_services_with_numbers_to_tap(client):
    page = client.get("/urgent-help/").content.decode()
    assert "Samaritans</dt>" in page and '<a href="tel:116123">116 123</a>' in page
    assert "free, any time, day or night" in page
    assert (
        '<a href="tel:111">111</a> – choose option 2 for the mental health crisis line (England)'
        in page
    )
    assert 'Text SHOUT to <a href="sms:85258">85258</a>' in page
    assert "Call 999 or go to A&amp;E now if:" in page
    assert (
        "your life or someone else&#x27;s life is at risk" in page
        or "your life or someone else's life is at risk" in page
    )


def test_the_page_is_there_even_if_its_row_was_removed(client, page):
    UrgentHelpPage.objects.all().delete()
    assert "116 123" in client.get("/urgent-help/").content.decode()
    assert UrgentHelpPage.objects.count() == 1 and UrgentHelpContact.objects.count() == 3


def test_admins_edit_the_page_in_admin_and_members_see_the_change(
    client, client_for, admin_user, page
):
    staff = client_for(admin_user)
    assert staff.get(reverse("admin:resources_urgenthelppage_changelist"))["Location"] == (
        reverse("admin:resources_urgenthelppage_change", args=[1])
    )
    response = staff.post(
        reverse("admin:resources_urgenthelppage_change", args=[page.pk]),
        admin_form(
            page,
            body="Your **GP surgery** can also help. <script>alert(1)</script>",
            **{"contacts-0-details": "free, any time, from any phone"},
        ),
    )
    assert response.status_code == 302
    shown = client.get("/urgent-help/").content.decode()
    assert "Your <strong>GP surgery</strong> can also help." in shown
    assert "&lt;script&gt;" in shown and "<script>alert" not in shown
    assert "free, any time, from any phone" in shown


def test_the_page_can_never_be_deleted_added_twice_or_unpublished_in_admin(
    client, client_for, admin_user, page
):
    staff = client_for(admin_user)
    delete_url = reverse("admin:resources_urgenthelppage_delete", args=[page.pk])
    assert staff.get(delete_url).status_code == 403
    assert staff.post(delete_url, {"post": "yes"}).status_code == 403
    assert staff.get(reverse("admin:resources_urgenthelppage_add")).status_code == 403
    form = staff.get(reverse("admin:resources_urgenthelppage_change", args=[page.pk]))
    fields = form.context["adminform"].form.fields
    assert (
        "status" not in fields
        and "Delete" not in form.content.decode().split("submit-row")[1][:600]
    )
    # A forged "status" or "delete" in the post is ignored; the page stays up.
    staff.post(
        reverse("admin:resources_urgenthelppage_change", args=[page.pk]),
        admin_form(page, status="draft", _delete="1"),
    )
    assert UrgentHelpPage.objects.count() == 1
    assert client.get("/urgent-help/").status_code == 200


def test_the_page_keeps_at_least_one_service(client_for, admin_user, page):
    data = admin_form(page)
    for n in range(3):
        data[f"contacts-{n}-DELETE"] = "on"
    response = client_for(admin_user).post(
        reverse("admin:resources_urgenthelppage_change", args=[page.pk]), data
    )
    assert response.status_code == 200  # refused, with the form again
    assert UrgentHelpContact.objects.count() == 3


def test_the_support_card_after_a_worrying_post_lists_the_services_admins_set(
    client_for, admin_user, member, page
):
    from forums.models import Category
    from forums.services import thread_create

    thread = thread_create(
        author=member,
        category=Category.objects.create(name="Low mood", slug="low-mood"),
        title="Flat all week",
        body="Anyone else?",
    )
    client_for(admin_user).post(
        reverse("admin:resources_urgenthelppage_change", args=[page.pk]),
        admin_form(page, **{"contacts-0-number": "116 000", "contacts-0-details": "new line"}),
    )
    author = client_for(member)
    response = author.post(
        reverse("forums:reply", args=[thread.pk]),
        {"body": "I've given my things away. I won't be a problem for anyone much longer."},
    )
    card = author.get(response["Location"]).content.decode()
    assert "Help is available right now" in card
    assert 'Call Samaritans on <a href="tel:116000">116 000</a> (new line)' in card
    assert "116 123" not in card
    assert 'Text SHOUT to <a href="sms:85258">85258</a>' in card
    assert "call 999 or go to A&amp;E" in card
