"""Members writing to each other (P-1), deleting conversations for themselves, and what
moderation sees of messages (P-4, P-5)."""

import re

import pytest
from django.urls import reverse

from forums.models import Category
from forums.services import post_create, thread_create
from messaging.models import Message, Participant
from messaging.services import block_create, message_send, messaging_settings_update
from moderation.models import AuditEntry, QueueItem, WatchedWord
from sharon.notifications.models import Notification

from .conftest import make_established

FRIENDS = [
    "ash",
    "birch",
    "cedar",
    "daisy",
    "elm",
    "fern",
    "gorse",
    "hazel",
    "iris",
    "juniper",
    "kale",
    "lupin",
]


def badge(client) -> int:
    """The unread number next to "Messages" in the header, 0 when there is none."""
    page = client.get(reverse("forums:index")).content.decode()
    link = re.search(r'href="/messages/">Messages(.*?)</a>', page, re.S).group(1)
    number = re.search(r'sharon-badge">(\d+)', link)
    return int(number.group(1)) if number else 0


def test_member_starts_a_conversation_from_a_profile_and_the_badge_clears_after_reading(
    client_for, alex, everyone_may_write
):
    jo = everyone_may_write
    profile = client_for(alex).get(reverse("accounts:profile", args=[jo.username]))
    start_url = reverse("messaging:start", args=[jo.username])
    assert start_url in profile.content.decode()
    response = client_for(alex).post(start_url, {"body": "Hi Jo, **thank you** for your post."})
    assert response.status_code == 302
    message = Message.objects.get()
    assert response["Location"].startswith(message.conversation.get_absolute_url())

    jos = client_for(jo)
    assert badge(jos) == 1
    message_send(sender=alex, conversation=message.conversation, body="And good luck today.")
    assert badge(jos) == 2
    inbox = jos.get(reverse("messaging:inbox")).content.decode()
    assert "alex_test" in inbox and "2 new messages" in inbox
    page = jos.get(message.conversation.get_absolute_url()).content.decode()
    assert "<strong>thank you</strong>" in page and "And good luck today." in page
    assert badge(jos) == 0
    assert "new message" not in jos.get(reverse("messaging:inbox")).content.decode()
    assert badge(client_for(alex)) == 0  # your own messages are never unread


def test_starting_again_opens_the_existing_conversation(client_for, alex, everyone_may_write):
    first = message_send(sender=alex, recipient=everyone_may_write, body="Hello").conversation
    response = client_for(alex).get(reverse("messaging:start", args=[everyone_may_write.username]))
    assert response["Location"] == first.get_absolute_url() + "#reply"
    again = message_send(sender=everyone_may_write, recipient=alex, body="Hi back")
    assert again.conversation == first


def test_a_post_offers_to_message_its_author(client_for, alex, jo):
    category = Category.objects.create(name="Anxiety", slug="anxiety", description="x")
    thread = thread_create(author=jo, category=category, title="Racing thoughts", body="Tips?")
    page = client_for(alex).get(thread.get_absolute_url()).content.decode()
    assert reverse("messaging:start", args=[jo.username]) in page


def test_messages_use_the_post_markdown_pipeline(client_for, alex, everyone_may_write):
    message = message_send(
        sender=alex,
        recipient=everyone_may_write,
        body='<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror="a()">',
    )
    page = client_for(everyone_may_write).get(message.conversation.get_absolute_url())
    html = page.content.decode()
    assert "<script>alert" not in html and 'href="javascript:' not in html
    assert "<img" not in message.body_html and "<script" not in message.body_html


def test_nothing_written_is_lost_when_a_message_is_too_long(client_for, alex, everyone_may_write):
    conversation = message_send(sender=alex, recipient=everyone_may_write, body="Hi").conversation
    long = "word " * 1200
    page = client_for(alex).post(conversation.get_absolute_url(), {"body": long}).content.decode()
    assert "Messages can be up to 5000 characters" in page
    assert long.strip() in page
    empty = client_for(alex).post(conversation.get_absolute_url(), {"body": "   "})
    assert "Please write a message before sending." in empty.content.decode()
    assert Message.objects.count() == 1


def test_conversation_pages_open_on_the_latest_messages(
    client_for, site_settings, alex, everyone_may_write
):
    site_settings.messages_per_10_minutes = 0
    site_settings.save()
    conversation = message_send(sender=alex, recipient=everyone_may_write, body="m0").conversation
    for n in range(1, 45):
        message_send(sender=alex, conversation=conversation, body=f"m{n}")
    client = client_for(everyone_may_write)
    latest = client.get(conversation.get_absolute_url()).content.decode()
    assert "<p>m44</p>" in latest and "<p>m39</p>" not in latest and 'id="reply"' in latest
    first = client.get(conversation.get_absolute_url() + "?page=1").content.decode()
    assert "<p>m0</p>" in first and 'id="reply"' not in first


def test_deleting_a_conversation_is_for_yourself_only(client_for, alex, everyone_may_write):
    jo = everyone_may_write
    conversation = message_send(sender=alex, recipient=jo, body="Old news").conversation
    response = client_for(jo).post(reverse("messaging:leave", args=[conversation.pk]))
    assert response.status_code == 302
    assert "alex_test" not in client_for(jo).get(reverse("messaging:inbox")).content.decode()
    assert "jo_test" in client_for(alex).get(reverse("messaging:inbox")).content.decode()
    message_send(sender=alex, conversation=conversation, body="Something new")
    assert "alex_test" in client_for(jo).get(reverse("messaging:inbox")).content.decode()
    page = client_for(jo).get(conversation.get_absolute_url()).content.decode()
    assert "Something new" in page and "Old news" not in page


def test_new_messages_make_one_notification_per_conversation(client_for, alex, everyone_may_write):
    jo = everyone_may_write
    conversation = message_send(sender=alex, recipient=jo, body="One").conversation
    message_send(sender=alex, conversation=conversation, body="Two")
    notification = Notification.objects.get(user=jo)
    assert notification.title == "alex_test sent you a private message"
    assert notification.url == conversation.get_absolute_url()
    assert "One" not in notification.body and "Two" not in notification.body
    client_for(jo).get(conversation.get_absolute_url())
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_blocked_members_posts_are_folded_away_for_the_blocker_only(client_for, alex, jo, member):
    category = Category.objects.create(name="Anxiety", slug="anxiety", description="x")
    thread = thread_create(author=member, category=category, title="Racing thoughts", body="Hi")
    post_create(author=jo, thread=thread, body="Something I'd rather not read")
    block_create(blocker=alex, blocked=jo)
    folded = client_for(alex).get(thread.get_absolute_url()).content.decode()
    assert "blocked this member. Show post" in folded
    open_page = client_for(member).get(thread.get_absolute_url()).content.decode()
    assert "blocked this member" not in open_page
    client_for(alex).post(reverse("messaging:unblock", args=[jo.username]))
    assert (
        "blocked this member"
        not in client_for(alex).get(thread.get_absolute_url()).content.decode()
    )


def test_settings_page_saves_the_choice_and_lists_blocks(client_for, alex, jo):
    client = client_for(alex)
    client.post(reverse("messaging:block", args=[jo.username]))
    page = client.get(reverse("messaging:settings")).content.decode()
    assert "jo_test" in page and "Unblock" in page
    client.post(reverse("messaging:settings"), {"who_can_message": "nobody"})
    assert 'value="nobody" checked' in client.get(reverse("messaging:settings")).content.decode()


def test_a_held_message_reaches_the_recipient_only_after_approval(
    client_for, alex, everyone_may_write, moderator
):
    WatchedWord.objects.create(phrase="whatsapp", action="approve")
    message = message_send(
        sender=alex, recipient=everyone_may_write, body="Add me on WhatsApp instead"
    )
    assert message.status == Message.Status.PENDING
    url = message.conversation.get_absolute_url()
    assert "Add me on WhatsApp" in client_for(alex).get(url).content.decode()
    jos = client_for(everyone_may_write)
    assert badge(jos) == 0
    assert "Add me on WhatsApp" not in jos.get(url).content.decode()
    item = QueueItem.objects.get()
    client_for(moderator).post(
        reverse("moderation:item_act", args=[item.pk]), {"action": "approve", "reason": "fine"}
    )
    assert badge(jos) == 1
    assert "Add me on WhatsApp" in jos.get(url).content.decode()


def test_a_reported_message_can_be_removed_by_a_moderator(
    client_for, alex, everyone_may_write, moderator
):
    jo = everyone_may_write
    message = message_send(sender=alex, recipient=jo, body="You are pathetic")
    client_for(jo).post(
        reverse("moderation:report", args=["message", message.pk]), {"reason": "abusive"}
    )
    item = QueueItem.objects.get()
    client_for(moderator).get(reverse("moderation:conversation", args=[item.pk]))
    assert AuditEntry.objects.filter(action="view_conversation", actor=moderator).exists()
    client_for(moderator).post(
        reverse("moderation:item_act", args=[item.pk]),
        {"action": "remove", "reason": "Abuse is not allowed"},
    )
    page = client_for(jo).get(message.conversation.get_absolute_url()).content.decode()
    assert "You are pathetic" not in page and "removed by a moderator" in page
    assert Notification.objects.filter(
        user=alex, title="A moderator has removed one of your private messages"
    ).exists()


def test_contact_details_from_a_new_member_are_flagged(
    django_capture_on_commit_callbacks, alex, member
):
    messaging_settings_update(user=member, who_can_message="everyone")
    conversation = message_send(sender=alex, recipient=member, body="Welcome!").conversation
    with django_capture_on_commit_callbacks(execute=True):
        message = message_send(
            sender=member, conversation=conversation, body="text me on 07700 900123"
        )
    item = QueueItem.objects.get()
    assert item.target_id == message.pk
    assert item.hits.filter(signal="personal.phone_number").exists()


def test_risk_language_in_a_message_becomes_an_urgent_item(
    django_capture_on_commit_callbacks, alex, everyone_may_write
):
    with django_capture_on_commit_callbacks(execute=True):
        message = message_send(
            sender=alex,
            recipient=everyone_may_write,
            body="I've given my things away. I won't be a problem for anyone much longer.",
        )
    assert message.screening.support
    assert QueueItem.objects.get(target_id=message.pk).is_risk


@pytest.mark.parametrize("count", [2, 12])
def test_inbox_query_count_does_not_grow_with_conversations(
    client_for, django_assert_num_queries, alex, count
):
    messaging_settings_update(user=alex, who_can_message="everyone")
    for name in FRIENDS[:count]:
        other = make_established(f"friend_{name}")
        messaging_settings_update(user=other, who_can_message="everyone")
        message_send(sender=other, recipient=alex, body="Hello")
    Participant.objects.filter(user=alex).update(unread_count=1)
    client = client_for(alex)
    client.get(reverse("messaging:inbox"))  # warm the session and site settings cache
    with django_assert_num_queries(8):
        page = client.get(reverse("messaging:inbox")).content.decode()
    assert page.count("friend_") == count


@pytest.mark.parametrize("count", [3, 19])
def test_conversation_query_count_does_not_grow_with_messages(
    client_for, django_assert_num_queries, site_settings, alex, everyone_may_write, count
):
    site_settings.messages_per_10_minutes = 0
    site_settings.save()
    conversation = message_send(sender=alex, recipient=everyone_may_write, body="m").conversation
    for n in range(count):
        message_send(sender=alex, conversation=conversation, body=f"m{n}")
    client = client_for(everyone_may_write)
    client.get(conversation.get_absolute_url())
    message_send(sender=alex, conversation=conversation, body="one more")
    with django_assert_num_queries(15):
        client.get(conversation.get_absolute_url())


def test_replying_counts_as_reading(client_for, alex, everyone_may_write):
    jo = everyone_may_write
    conversation = message_send(sender=alex, recipient=jo, body="How are you?").conversation
    message_send(sender=jo, conversation=conversation, body="Better today, thanks")
    assert badge(client_for(jo)) == 0
    assert not Notification.objects.filter(user=jo, read_at__isnull=True).exists()
    assert badge(client_for(alex)) == 1


def test_a_conversation_with_a_member_who_left_stays_readable_but_closed(
    client_for, alex, everyone_may_write
):
    conversation = message_send(sender=alex, recipient=everyone_may_write, body="Bye").conversation
    alex.delete()
    client = client_for(everyone_may_write)
    assert "A former member" in client.get(reverse("messaging:inbox")).content.decode()
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "Conversation with a former member" in page and "<p>Bye</p>" in page
    assert "left SHaRON, so the conversation is closed" in page


def test_new_messages_are_marked_until_read(client_for, alex, everyone_may_write):
    conversation = message_send(sender=alex, recipient=everyone_may_write, body="One").conversation
    client = client_for(everyone_may_write)
    assert ">New</strong>" in client.get(conversation.get_absolute_url()).content.decode()
    assert ">New</strong>" not in client.get(conversation.get_absolute_url()).content.decode()


def test_the_sender_of_a_crisis_message_is_offered_urgent_help_at_once(
    client_for, alex, everyone_may_write
):
    response = client_for(alex).post(
        reverse("messaging:start", args=[everyone_may_write.username]),
        {"body": "I've given my things away. I won't be a problem for anyone much longer."},
        follow=True,
    )
    page = response.content.decode()
    assert "people are ready to listen straight away" in page
    assert "116 123" in page
