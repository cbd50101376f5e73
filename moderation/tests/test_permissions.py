"""Only moderators reach the queue, dashboard, audit log and member pages; a moderator reads a
private message only through a report, and that access is audited."""

import pytest
from django.urls import reverse

from messaging.models import Conversation, Message, Participant
from moderation.models import AuditEntry, QueueItem
from moderation.services import report_create

pytestmark = pytest.mark.django_db


def moderator_pages(item_pk, member):
    return [
        reverse("moderation:queue"),
        reverse("moderation:dashboard"),
        reverse("moderation:audit"),
        reverse("moderation:item", args=[item_pk]),
        reverse("moderation:member", args=[member.username]),
    ]


def test_members_get_403_and_visitors_sign_in_and_moderators_get_in(
    client, client_for, member, moderator, reply
):
    report_create(reporter=member, target=reply, reason="spam")
    item = QueueItem.objects.get()
    for url in moderator_pages(item.pk, member):
        assert client_for(member).get(url).status_code == 403, url
        assert "/accounts/login/" in client.get(url)["Location"], url
        assert client_for(moderator).get(url).status_code == 200, url
    response = client_for(member).post(
        reverse("moderation:item_act", args=[item.pk]), {"action": "approve"}
    )
    assert response.status_code == 403
    assert QueueItem.objects.get().state == "open"


@pytest.fixture
def conversation(member, other_member):
    conversation = Conversation.objects.create()
    for user in (member, other_member):
        Participant.objects.create(conversation=conversation, user=user)
    Message.objects.create(
        conversation=conversation, sender=member, body="Hi", body_html="<p>Hi</p>"
    )
    bad = Message.objects.create(
        conversation=conversation,
        sender=other_member,
        body="Send me your address",
        body_html="<p>Send me your address</p>",
    )
    return conversation, bad


def test_moderator_cannot_read_a_conversation_without_a_report(client_for, moderator, conversation):
    conversation, bad = conversation
    page = client_for(moderator).get(reverse("messaging:inbox")).content.decode()
    assert "Send me your address" not in page
    assert not QueueItem.objects.exists()
    assert not AuditEntry.objects.exists()


def test_moderator_reads_a_reported_conversation_and_the_access_is_audited(
    client_for, member, moderator, conversation
):
    conversation, bad = conversation
    report_create(reporter=member, target=bad, reason="personal")
    item = QueueItem.objects.get()
    item_page = (
        client_for(moderator).get(reverse("moderation:item", args=[item.pk])).content.decode()
    )
    assert "Send me your address" not in item_page  # only behind the audited link
    page = (
        client_for(moderator)
        .get(reverse("moderation:conversation", args=[item.pk]))
        .content.decode()
    )
    assert "Send me your address" in page and "<p>Hi</p>" in page
    entry = AuditEntry.objects.get(action="view_conversation")
    assert (entry.actor, entry.target_id, entry.item) == (moderator, conversation.pk, item)
    assert (
        client_for(member).get(reverse("moderation:conversation", args=[item.pk])).status_code
        == 403
    )
