"""Reporting (M-1, M-10) and the community safety net (M-7)."""

import pytest
from django.core import mail
from django.urls import reverse

from forums.models import Status
from moderation.models import QueueItem, Report
from sharon.notifications.models import Notification

pytestmark = pytest.mark.django_db


def report(client, kind, pk, reason="abusive", note=""):
    return client.post(
        reverse("moderation:report", args=[kind, pk]), {"reason": reason, "note": note}
    )


def test_member_reports_a_post_into_one_queue_item(client_for, member, reply):
    response = report(client_for(member), "post", reply.pk, note="Felt a bit pointed")
    assert response.status_code == 302
    item = QueueItem.objects.get()
    assert (item.target, item.author, item.state) == (reply, reply.author, "open")
    assert item.reports.get().note == "Felt a bit pointed"


def test_reports_are_anonymous_to_the_author(client_for, member, other_member, moderator, reply):
    report(client_for(member), "post", reply.pk)
    assert not Notification.objects.filter(user=other_member).exists()
    assert (
        member.username
        not in client_for(other_member).get(reverse("notifications:list")).content.decode()
    )
    # Even when a moderator hides the post, the author hears why, not who reported it.
    item = QueueItem.objects.get()
    client_for(moderator).post(
        reverse("moderation:item_act", args=[item.pk]), {"action": "hide", "reason": "Unkind"}
    )
    notice = Notification.objects.get(user=other_member)
    assert "Unkind" in notice.body and member.username not in notice.title + notice.body


def test_a_report_without_a_reason_is_refused_and_the_note_kept(client_for, member, reply):
    response = client_for(member).post(
        reverse("moderation:report", args=["post", reply.pk]), {"note": "Please look"}
    )
    page = response.content.decode()
    assert "Choose the reason that fits best." in page and "Please look</textarea>" in page
    assert not Report.objects.exists()


def test_reporting_twice_updates_the_first_report(client_for, member, reply):
    report(client_for(member), "post", reply.pk, reason="spam")
    report(client_for(member), "post", reply.pk, reason="abusive")
    assert Report.objects.get().reason == "abusive"
    assert QueueItem.objects.count() == 1


def test_members_cannot_report_their_own_post_or_what_they_cannot_see(
    client_for, other_member, member, reply, db
):
    report(client_for(other_member), "post", reply.pk)
    assert not Report.objects.exists()
    assert (
        client_for(member).get(reverse("moderation:report", args=["post", 999999])).status_code
        == 404
    )
    assert (
        client_for(member)
        .get(reverse("moderation:report", args=["post", "not-a-number"]))
        .status_code
        == 404
    )


def test_threads_members_and_messages_can_be_reported(client_for, member, other_member, thread, db):
    from messaging.models import Conversation, Message, Participant

    report(client_for(other_member), "thread", thread.pk, reason="off-topic")
    report(
        client_for(other_member),
        "member",
        member.username,
        reason="other",
        note="Asked for my number",
    )
    conversation = Conversation.objects.create()
    Participant.objects.create(conversation=conversation, user=member)
    Participant.objects.create(conversation=conversation, user=other_member)
    message = Message.objects.create(
        conversation=conversation, sender=member, body="Add me on snap", body_html=""
    )
    report(client_for(other_member), "message", message.pk, reason="personal")
    assert sorted(QueueItem.objects.values_list("target_type__model", flat=True)) == [
        "message",
        "thread",
        "user",
    ]
    # A third member, not in the conversation, cannot even reach it.
    from conftest import make_member

    outsider = make_member("outsider_ov")
    assert (
        client_for(outsider)
        .get(reverse("moderation:report", args=["message", message.pk]))
        .status_code
        == 404
    )


def test_members_follow_the_status_of_their_reports(client_for, member, moderator, reply):
    report(client_for(member), "post", reply.pk)
    assert (
        "Waiting for a moderator"
        in client_for(member).get(reverse("moderation:my_reports")).content.decode()
    )
    item = QueueItem.objects.get()
    client_for(moderator).post(
        reverse("moderation:item_act", args=[item.pk]), {"action": "approve"}
    )
    page = client_for(member).get(reverse("moderation:my_reports")).content.decode()
    assert "Reviewed: no action needed" in page
    assert Notification.objects.filter(user=member, kind="report").exists()


def test_content_reported_by_enough_members_is_hidden_and_on_call_alerted(
    client_for, reporters, reply, moderator, on_call, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for reporter in reporters[:2]:
            report(client_for(reporter), "post", reply.pk)
        reply.refresh_from_db()
        assert reply.status == Status.PUBLISHED
        report(client_for(reporters[2]), "post", reply.pk)
    reply.refresh_from_db()
    assert reply.status == Status.PENDING
    assert QueueItem.objects.get().held
    assert (
        "Yes, me."
        not in client_for(reporters[0]).get(reply.thread.get_absolute_url()).content.decode()
    )
    alert = [m for m in mail.outbox if m.to == ["oncall@example.org"]]
    assert len(alert) == 1 and "member" not in alert[0].subject.lower()
    assert Notification.objects.filter(user=moderator, kind="alert").exists()
