"""Who may read and write which conversation (P-1 … P-3), checked object by object."""

import pytest
from django.urls import reverse

from conftest import make_member
from forums.models import Category
from forums.services import post_create, thread_create
from messaging.models import Conversation, Message
from messaging.services import MessagingRefused, block_create, message_send
from moderation.models import AuditEntry

from .conftest import make_established


@pytest.fixture
def conversation(alex, everyone_may_write):
    return message_send(sender=alex, recipient=everyone_may_write, body="Hello Jo").conversation


def _send_page(client, username, body="Are you free to talk?"):
    return client.post(reverse("messaging:start", args=[username]), {"body": body})


def test_third_member_gets_404_for_a_conversation_by_id(client_for, conversation, member):
    client = client_for(member)
    for name in ("messaging:conversation", "messaging:leave"):
        assert client.get(reverse(name, args=[conversation.pk])).status_code == 404
    response = client.post(
        reverse("messaging:conversation", args=[conversation.pk]), {"body": "Let me in"}
    )
    assert response.status_code == 404
    assert not Message.objects.filter(body="Let me in").exists()


def test_visitor_is_sent_to_sign_in(client, conversation):
    response = client.get(reverse("messaging:conversation", args=[conversation.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_moderator_without_a_report_cannot_read_a_conversation(client_for, conversation, moderator):
    response = client_for(moderator).get(reverse("messaging:conversation", args=[conversation.pk]))
    assert response.status_code == 404
    assert "Hello Jo" not in client_for(moderator).get(reverse("messaging:inbox")).content.decode()
    assert not AuditEntry.objects.exists()


def test_blocked_member_cannot_send_and_is_not_told_they_are_blocked(
    client_for, alex, everyone_may_write, conversation
):
    jo = everyone_may_write
    block_create(blocker=jo, blocked=alex)
    response = client_for(alex).post(
        reverse("messaging:conversation", args=[conversation.pk]), {"body": "Why won't you answer?"}
    )
    page = response.content.decode()
    assert "isn&#x27;t accepting private messages from you" in page
    assert "block" not in page.split("There is a problem")[1].split("</div>")[0].lower()
    assert "Why won&#x27;t you answer?" in page  # nothing they wrote is lost
    assert not Message.objects.filter(body="Why won't you answer?").exists()


def test_a_block_and_a_nobody_setting_read_the_same_to_the_sender(alex, jo):
    from messaging.services import messaging_settings_update

    sam = make_established("sam_blocks")
    block_create(blocker=sam, blocked=alex)
    messaging_settings_update(user=sam, who_can_message="everyone")
    messaging_settings_update(user=jo, who_can_message="nobody")
    with pytest.raises(MessagingRefused) as blocked:
        message_send(sender=alex, recipient=sam, body="Hi")
    with pytest.raises(MessagingRefused) as nobody:
        message_send(sender=alex, recipient=jo, body="Hi")
    assert str(blocked.value).replace("sam_blocks", "X") == str(nobody.value).replace(
        "jo_test", "X"
    )


def test_blocker_cannot_write_to_the_member_they_blocked(alex, everyone_may_write):
    block_create(blocker=alex, blocked=everyone_may_write)
    with pytest.raises(MessagingRefused, match="You've blocked jo_test"):
        message_send(sender=alex, recipient=everyone_may_write, body="Hi")


def test_nobody_setting_refuses_new_conversations_but_not_replies(client_for, alex, jo):
    from messaging.services import messaging_settings_update

    messaging_settings_update(user=jo, who_can_message="nobody")
    response = client_for(alex).get(reverse("messaging:start", args=[jo.username]))
    assert response.status_code == 403
    assert "isn&#x27;t accepting private messages" in response.content.decode()
    assert _send_page(client_for(alex), jo.username).status_code == 200
    assert not Conversation.objects.exists()
    # Jo may still start a conversation, and Alex may answer it.
    messaging_settings_update(user=alex, who_can_message="everyone")
    conversation = message_send(sender=jo, recipient=alex, body="Hi Alex").conversation
    reply = message_send(sender=alex, conversation=conversation, body="Hi Jo")
    assert reply.status == Message.Status.PUBLISHED


def test_default_setting_allows_only_members_met_in_the_forums(alex, jo):
    with pytest.raises(MessagingRefused, match="isn't accepting"):
        message_send(sender=alex, recipient=jo, body="Hi")
    category = Category.objects.create(name="Anxiety", slug="anxiety", description="x")
    thread = thread_create(author=jo, category=category, title="Racing thoughts", body="Tips?")
    post_create(author=alex, thread=thread, body="Writing them down helps me.")
    assert message_send(sender=alex, recipient=jo, body="Hi").pk


def test_new_member_cannot_start_a_conversation_and_is_told_why(
    client_for, site_settings, member, everyone_may_write
):
    response = client_for(member).get(
        reverse("messaging:start", args=[everyone_may_write.username])
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert "can&#x27;t start conversations yet" in page
    assert f"member for {site_settings.new_member_min_days} days" in page
    assert f"written {site_settings.new_member_min_posts} posts" in page
    assert _send_page(client_for(member), everyone_may_write.username).status_code == 200
    assert not Message.objects.exists()


def test_new_member_can_reply_to_a_conversation_started_with_them(alex, member):
    from messaging.services import messaging_settings_update

    messaging_settings_update(user=member, who_can_message="everyone")
    conversation = message_send(sender=alex, recipient=member, body="Welcome!").conversation
    assert message_send(sender=member, conversation=conversation, body="Thank you").pk


def test_moderator_may_write_to_a_member_who_accepts_nobody(moderator, jo):
    from messaging.services import messaging_settings_update

    messaging_settings_update(user=jo, who_can_message="nobody")
    assert message_send(sender=moderator, recipient=jo, body="Checking in").pk


def test_silenced_member_cannot_send(alex, everyone_may_write):
    import datetime as dt

    from django.utils import timezone

    alex.silenced_until = timezone.now() + dt.timedelta(days=1)
    alex.save()
    with pytest.raises(MessagingRefused, match="read-only"):
        message_send(sender=alex, recipient=everyone_may_write, body="Hi")


def test_members_cannot_block_moderators(client_for, alex, moderator):
    client_for(alex).post(reverse("messaging:block", args=[moderator.username]))
    from messaging.models import Block

    assert not Block.objects.exists()


def test_sending_is_rate_limited(site_settings, alex, everyone_may_write):
    site_settings.messages_per_10_minutes = 3
    site_settings.save()
    conversation = message_send(sender=alex, recipient=everyone_may_write, body="1").conversation
    message_send(sender=alex, conversation=conversation, body="2")
    message_send(sender=alex, conversation=conversation, body="3")
    with pytest.raises(MessagingRefused, match="3 messages in the last 10 minutes"):
        message_send(sender=alex, conversation=conversation, body="4")


def test_new_conversations_a_day_are_limited(site_settings, alex):
    from messaging.services import messaging_settings_update

    site_settings.conversations_per_day = 2
    site_settings.save()
    members = [make_member(f"open_{n}") for n in range(3)]
    for other in members:
        messaging_settings_update(user=other, who_can_message="everyone")
    message_send(sender=alex, recipient=members[0], body="Hi")
    message_send(sender=alex, recipient=members[1], body="Hi")
    with pytest.raises(MessagingRefused, match="up to 2 new conversations a day"):
        message_send(sender=alex, recipient=members[2], body="Hi")
