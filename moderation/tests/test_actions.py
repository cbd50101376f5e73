"""Moderator actions (M-3): each changes what members see, is safe to repeat and is audited."""

import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from forums.models import Category, Post, Status
from moderation.models import AuditEntry, QueueItem
from moderation.services import report_create
from resources.services import urgent_help_page_ensure
from sharon.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(member, reply):
    report_create(reporter=member, target=reply, reason="abusive")
    return QueueItem.objects.get()


def act(client, item, **data):
    return client.post(reverse("moderation:item_act", args=[item.pk]), data)


def test_hide_tells_the_author_privately_with_resources_and_is_audited_once(
    client_for, moderator, member, other_member, item, reply
):
    # The help line named is the first service on the urgent-help page, as admins set it.
    urgent_help_page_ensure().contacts.filter(name="Samaritans").update(details="free, 24/7")
    client = client_for(moderator)
    act(client, item, action="hide", reason="This came across as unkind.")
    reply.refresh_from_db()
    assert reply.status == Status.HIDDEN
    page = client_for(member).get(reply.thread.get_absolute_url()).content.decode()
    assert "This post has been hidden by a moderator." in page and "Small walks" not in page
    notice = Notification.objects.get(user=other_member, kind="moderation")
    assert "This came across as unkind." in notice.body and "/urgent-help/" in notice.body
    assert "(Samaritans 116 123, free, 24/7)" in notice.body
    entry = AuditEntry.objects.get(action="hide")
    assert (entry.actor, entry.member, entry.before, entry.after) == (
        moderator,
        other_member,
        {"status": "published"},
        {"status": "hidden"},
    )
    act(client, item, action="hide", reason="again")
    assert AuditEntry.objects.filter(action="hide").count() == 1
    assert QueueItem.objects.get().state == "closed"


def test_hide_needs_a_reason_and_keeps_the_form(client_for, moderator, item):
    response = act(client_for(moderator), item, action="hide", reason="")
    assert "Give a reason" in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_approve_publishes_waiting_content_and_dismisses_reports(
    client_for, moderator, member, reply, item
):
    Post.objects.filter(pk=reply.pk).update(status=Status.PENDING)
    act(client_for(moderator), item, action="approve")
    reply.refresh_from_db()
    assert reply.status == Status.PUBLISHED
    assert item.reports.get().status == "dismissed"
    assert AuditEntry.objects.get(action="approve").after == {"status": "published"}
    assert act(client_for(moderator), item, action="approve").status_code == 302
    assert AuditEntry.objects.filter(action="approve").count() == 1


def test_delete_and_edit_are_recorded_with_before_and_after(
    client_for, moderator, member, other_member, reply, thread
):
    report_create(reporter=member, target=reply, reason="personal")
    item = QueueItem.objects.get()
    client = client_for(moderator)
    act(
        client,
        item,
        action="edit",
        reason="Removed a phone number",
        body="Yes, me. [number removed]",
    )
    reply.refresh_from_db()
    assert reply.body == "Yes, me. [number removed]" and reply.revisions.count() == 1
    edit = AuditEntry.objects.get(action="edit")
    assert edit.before["body"].startswith("Yes, me. Small walks") and edit.after["body"].endswith(
        "[number removed]"
    )
    act(client, item, action="remove", reason="Spam")
    reply.refresh_from_db()
    assert reply.status == Status.REMOVED
    assert (
        "This post was removed by a moderator."
        in client_for(member).get(thread.get_absolute_url()).content.decode()
    )


def test_lock_pin_and_move_a_thread(client_for, moderator, member, thread, item):
    other = Category.objects.create(name="Sleep", slug="sleep", description="x")
    client = client_for(moderator)
    act(client, item, action="lock", reason="")
    act(client, item, action="pin", reason="")
    act(client, item, action="move", reason="", category=other.pk)
    thread.refresh_from_db()
    assert (thread.is_locked, thread.is_pinned, thread.category) == (True, True, other)
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "lock",
        "pin",
        "move",
    ]
    act(client, item, action="lock", reason="")
    assert AuditEntry.objects.filter(action="lock").count() == 1
    act(client, item, action="unlock", reason="")
    thread.refresh_from_db()
    assert not thread.is_locked


def test_warn_and_silence_make_the_member_read_only_for_a_while(
    client_for, moderator, other_member, item, thread
):
    client = client_for(moderator)
    act(client, item, action="warn", reason="Please keep it kind.")
    assert Notification.objects.filter(
        user=other_member, body__contains="Please keep it kind."
    ).exists()
    act(client, item, action="silence", reason="Cooling off", silence_days="2")
    other_member.refresh_from_db()
    assert other_member.is_silenced
    assert (
        timezone.now() + dt.timedelta(days=1)
        < other_member.silenced_until
        < timezone.now() + dt.timedelta(days=3)
    )
    response = client_for(other_member).post(
        reverse("forums:reply", args=[thread.pk]), {"body": "Still me"}
    )
    assert "read-only at the moment" in response.content.decode()


def test_suspend_ends_sessions_and_stops_sign_in_until_reinstated(
    client, client_for, moderator, other_member, item
):
    member_client = client_for(other_member)
    # A real session, made the way a member signs in.
    member_client.logout()
    assert (
        member_client.post(
            "/accounts/login/", {"login": other_member.username, "password": PASSWORD}
        ).status_code
        == 302
    )
    assert member_client.get(reverse("forums:index")).status_code == 200
    act(client_for(moderator), item, action="suspend", reason="Repeated harassment")
    assert "/accounts/login/" in member_client.get(reverse("forums:index"))["Location"]
    response = client.post(
        "/accounts/login/", {"login": other_member.username, "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302) and "/forums/" not in response.get("Location", "")
    client_for(moderator).post(
        reverse("moderation:member", args=[other_member.username]),
        {"action": "reinstate", "reason": "Appeal upheld"},
    )
    response = client.post(
        "/accounts/login/", {"login": other_member.username, "password": PASSWORD}
    )
    assert response["Location"] == "/forums/"
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "suspend",
        "reinstate",
    ]


def test_the_audit_log_cannot_be_changed_or_deleted(client_for, moderator, admin_user, item):
    act(client_for(moderator), item, action="warn", reason="Kindness, please.")
    entry = AuditEntry.objects.get()
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()
    for sql in (
        "UPDATE moderation_auditentry SET reason = 'rewritten'",
        "DELETE FROM moderation_auditentry",
    ):
        with (
            pytest.raises(DatabaseError, match="cannot be changed or deleted"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    admin = client_for(admin_user)
    change_url = reverse("admin:moderation_auditentry_change", args=[entry.pk])
    admin.post(change_url, {"reason": "rewritten"})
    admin.post(reverse("admin:moderation_auditentry_delete", args=[entry.pk]), {"post": "yes"})
    assert AuditEntry.objects.get().reason == "Kindness, please."


def test_audit_log_is_filterable(client_for, moderator, item, member):
    client = client_for(moderator)
    act(client, item, action="warn", reason="First")
    act(client, item, action="lock", reason="")
    page = client.get(reverse("moderation:audit") + "?action=warn").content.decode()
    assert "First" in page and '<td class="nhsuk-table__cell">lock</td>' not in page
    assert (
        "No entries." in client.get(reverse("moderation:audit") + "?actor=nobody").content.decode()
    )


def test_sanction_ladder_suggests_the_next_step(client_for, moderator, other_member, item):
    client = client_for(moderator)

    def page():
        return client.get(
            reverse("moderation:member", args=[other_member.username])
        ).content.decode()

    assert "A private warning" in page()
    act(client, item, action="warn", reason="One")
    assert "Read-only for 24 hours" in page()
    act(client, item, action="silence", reason="Two", silence_days="1")
    assert "Read-only for 7 days" in page()
