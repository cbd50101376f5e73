"""The notification list, opening a notification, preferences, taking a break and
unsubscribing (N-1, N-2, N-3, N-4, A-6)."""

import datetime as dt

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from sharon.notifications.models import Notification
from sharon.notifications.services import notification_create, unsubscribe_token


def notify(user, n=1, **fields):
    return [
        notification_create(
            user=user,
            kind=Notification.Kind.MODERATION,
            title=f"Note {i}",
            url=fields.get("url", "/resources/"),
        )
        for i in range(n)
    ]


def test_opening_a_notification_marks_it_read_and_follows_its_link(client_for, member):
    (notification,) = notify(member, url="/resources/")
    response = client_for(member).get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == "/resources/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_member_cannot_open_anothers_notification(client_for, member, other_member):
    (notification,) = notify(member)
    response = client_for(other_member).get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_notification_never_redirects_off_the_site(client_for, member):
    (notification,) = notify(member, url="https://evil.example/")
    response = client_for(member).get(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == reverse("notifications:list")


def test_mark_all_read_clears_the_badge(client_for, member):
    notify(member, 3)
    client = client_for(member)
    assert client.get(reverse("notifications:list")).context["unread_notifications"] == 3
    client.post(reverse("notifications:mark_all_read"))
    assert client.get(reverse("notifications:list")).context["unread_notifications"] == 0


def test_the_list_shows_only_the_members_own_notifications(client_for, member, other_member):
    notify(member)
    notification_create(user=other_member, kind="moderation", title="Private to sam")
    page = client_for(member).get(reverse("notifications:list")).content.decode()
    assert "Note 0" in page and "Private to sam" not in page


def test_the_list_page_query_count_does_not_grow_with_its_rows(
    client_for, member, django_assert_max_num_queries
):
    client = client_for(member)
    notify(member, 1)
    client.get(reverse("notifications:list"))
    with django_assert_max_num_queries(100) as few:
        client.get(reverse("notifications:list"))
    notify(member, 24)
    with django_assert_max_num_queries(100) as many:
        client.get(reverse("notifications:list"))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_preferences_default_to_weekly_summaries_and_monthly_reminders(client_for, member):
    page = client_for(member).get(reverse("notifications:preferences")).content.decode()
    assert 'value="weekly" checked' in page and 'value="monthly" checked' in page


def test_preferences_are_saved_with_a_plain_form(client_for, member):
    response = client_for(member).post(
        reverse("notifications:preferences"),
        {"email_frequency": "immediately", "reminder_frequency": "never"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.email_frequency, member.reminder_frequency) == ("immediately", "never")


def test_an_unknown_preference_is_refused(client_for, member):
    response = client_for(member).post(
        reverse("notifications:preferences"),
        {"email_frequency": "hourly", "reminder_frequency": "never"},
    )
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.email_frequency == "weekly"


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("notifications:preferences"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_break_hides_the_forums_but_not_resources_until_the_member_comes_back(client_for, member):
    client = client_for(member)
    response = client.post(reverse("notifications:break_start"), {"length": "1w"})
    assert response.status_code == 302
    member.refresh_from_db()
    expected = timezone.now() + dt.timedelta(weeks=1)
    assert abs(member.break_until - expected) < dt.timedelta(minutes=1)

    page = client.get(reverse("forums:index"))
    assert "You're taking a break" in page.content.decode()
    assert "Come back now" in page.content.decode()
    assert "taking a break" not in client.get(reverse("resources:index")).content.decode()
    assert client.get(reverse("urgent_help")).status_code == 200

    response = client.post(reverse("notifications:break_end"))
    assert response["Location"] == reverse("forums:index")
    assert "You're taking a break" not in client.get(reverse("forums:index")).content.decode()


def test_a_break_until_a_chosen_date_ends_as_that_day_begins_in_london(client_for, member):
    day = timezone.localdate() + dt.timedelta(days=10)
    client_for(member).post(
        reverse("notifications:break_start"), {"length": "date", "until": day.isoformat()}
    )
    member.refresh_from_db()
    local = timezone.localtime(member.break_until)
    assert (local.date(), local.hour, local.minute) == (day, 0, 0)


@pytest.mark.parametrize("until", ["", "2020-01-01"])
def test_a_break_needs_a_date_in_the_future(client_for, member, until):
    response = client_for(member).post(
        reverse("notifications:break_start"), {"length": "date", "until": until}
    )
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.break_until is None


def test_a_finished_break_opens_the_forums_again(client_for, member):
    member.break_until = timezone.now() - dt.timedelta(minutes=1)
    member.save()
    page = client_for(member).get(reverse("forums:index")).content.decode()
    assert "You're taking a break" not in page


def test_visits_are_recorded_at_most_every_few_minutes(client_for, member):
    client = client_for(member)
    client.get(reverse("notifications:list"))
    member.refresh_from_db()
    first = member.last_seen_at
    assert first is not None
    client.get(reverse("notifications:list"))
    member.refresh_from_db()
    assert member.last_seen_at == first


def unsubscribe_url(member, scope):
    return reverse("notifications:unsubscribe", args=[unsubscribe_token(user=member, scope=scope)])


def test_unsubscribe_get_only_asks_and_post_unsubscribes_without_signing_in(client, member):
    url = unsubscribe_url(member, "email")
    page = client.get(url)
    assert page.status_code == 200 and "Stop notification emails?" in page.content.decode()
    member.refresh_from_db()
    assert member.email_frequency == "weekly"

    done = client.post(url)
    assert "You're unsubscribed" in done.content.decode()
    member.refresh_from_db()
    assert member.email_frequency == "never"
    assert member.reminder_frequency == "monthly"  # the link was for notification emails only


def test_one_click_unsubscribe_works_without_a_csrf_token(member):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_url(member, "reminders"), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.reminder_frequency == "never"


@pytest.mark.parametrize(
    "make_token",
    [
        lambda member: signing.dumps([member.pk, "email"]),  # signed, but not for unsubscribing
        lambda member: unsubscribe_token(user=member, scope="email")[:-3] + "abc",
        lambda member: "not-a-token",
    ],
)
def test_a_link_we_did_not_make_changes_nothing(client, member, make_token):
    response = client.post(reverse("notifications:unsubscribe", args=[make_token(member)]))
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.email_frequency == "weekly"


def test_admins_see_a_members_email_preferences_and_last_visit(client_for, admin_user, member):
    page = client_for(admin_user).get(f"/admin/accounts/user/{member.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="email_frequency"' in html and 'name="break_until' in html
    assert "Last seen" in html


def test_admins_can_look_up_deliveries_but_not_change_them(client_for, admin_user, member):
    from sharon.notifications.models import Delivery

    delivery = Delivery.objects.create(user=member, kind="reminder", period_key="2026-12-04")
    client = client_for(admin_user)
    listing = client.get("/admin/notifications/delivery/?q=robin")
    assert listing.status_code == 200 and "2026-12-04" in listing.content.decode()
    change = client.post(f"/admin/notifications/delivery/{delivery.pk}/change/", {"kind": "daily"})
    assert change.status_code == 403
    assert Delivery.objects.get().kind == "reminder"


def test_a_notification_about_a_post_hidden_since_leaves_the_list_and_the_badge(
    client_for, member, other_member, thread
):
    from forums.models import Status
    from forums.services import post_create, post_set_status

    post = post_create(author=other_member, thread=thread, body="Soon hidden")
    notification = Notification.objects.get(user=member)
    client = client_for(member)
    assert client.get(reverse("notifications:list")).context["unread_notifications"] == 1

    post_set_status(post=post, status=Status.HIDDEN)
    page = client.get(reverse("notifications:list"))
    assert page.context["unread_notifications"] == 0
    assert "Bad days at work" not in page.content.decode()
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 404
