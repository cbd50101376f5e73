"""What happens as a member posts (M-4, M-5, M-6, M-9): limits and watched words answer at
once, with the text kept; the checks hold, queue and alert."""

import pytest
from django.core import mail
from django.urls import reverse

from forums.models import Post, Status, Thread
from moderation.models import CheckHit, ContentCheck, QueueItem, WatchedWord

pytestmark = pytest.mark.django_db


def reply(client, thread, body):
    return client.post(reverse("forums:reply", args=[thread.pk]), {"body": body})


def test_a_new_members_first_posts_wait_for_review_and_the_author_sees_awaiting_review(
    client_for,
    site_settings,
    member,
    other_member,
    moderator,
    category,
    django_capture_on_commit_callbacks,
):
    site_settings.premoderation_post_count = 2
    site_settings.save()
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("forums:thread_new", args=[category.slug]),
            {"title": "Hello, I'm new", "body": "Just saying hi."},
        )
    thread = Thread.objects.get()
    assert thread.status == Status.PENDING
    page = client.get(response["Location"]).content.decode()
    assert "Awaiting review" in page and "Just saying hi." in page
    assert client_for(other_member).get(thread.get_absolute_url()).status_code == 404
    item = QueueItem.objects.get()
    assert item.held and "approval" in item.queued_because
    client_for(moderator).post(
        reverse("moderation:item_act", args=[item.pk]), {"action": "approve"}
    )
    assert client_for(other_member).get(thread.get_absolute_url()).status_code == 200


def test_watched_words_block_hold_or_flag_whole_words_in_any_case(
    client_for, member, thread, moderator
):
    WatchedWord.objects.create(phrase="Buy Followers", action="block")
    WatchedWord.objects.create(phrase="telegram", action="approve")
    WatchedWord.objects.create(phrase="dosage", action="flag")
    client = client_for(member)
    response = reply(client, thread, "Want to BUY   followers cheap?")
    assert (
        "isn&#x27;t allowed on SHaRON" in response.content.decode()
        or "isn't allowed on SHaRON" in response.content.decode()
    )
    assert "Want to BUY   followers cheap?</textarea>" in response.content.decode()
    reply(client, thread, "We could chat on Telegram instead")
    assert Post.objects.get(body__contains="Telegram").status == Status.PENDING
    reply(client, thread, "What dosage did your GP start you on?")
    assert Post.objects.get(body__contains="dosage").status == Status.PUBLISHED
    reply(client, thread, "My telegraph pole story and some dosages")  # not whole words
    assert Post.objects.get(body__contains="telegraph").status == Status.PUBLISHED


def test_posting_too_fast_is_refused_with_the_text_kept(client_for, member, thread, site_settings):
    site_settings.new_member_posts_per_10_minutes = 2
    site_settings.premoderation_post_count = 0
    site_settings.save()
    client = client_for(member)
    reply(client, thread, "One thought about this.")
    response = reply(client, thread, "A second thought about this.")
    assert "in the last 10 minutes" in response.content.decode()
    assert "A second thought about this.</textarea>" in response.content.decode()


def test_the_same_post_twice_is_refused(client_for, member, thread):
    client = client_for(member)
    reply(client, thread, "Has anyone tried the NHS sleep app?")
    response = reply(client, thread, "Has anyone tried the  NHS sleep app?")
    assert "already posted this exact message" in response.content.decode()
    assert Post.objects.filter(body__startswith="Has anyone").count() == 1


def test_new_members_can_include_only_a_few_links(client_for, member, thread):
    response = reply(
        client_for(member), thread, "See https://a.example https://b.example https://c.example"
    )
    assert "New members can include up to 2 links" in response.content.decode()
    assert not Post.objects.filter(body__contains="a.example").exists()


def test_crisis_language_shows_the_author_help_at_once_and_alerts_moderators(
    client_for, member, moderator, thread, django_capture_on_commit_callbacks
):
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = reply(
            client,
            thread,
            "I've given my things away. I won't be a problem for anyone much longer.",
        )
    page = client.get(response["Location"]).content.decode()
    assert "Help is available right now" in page and "116 123" in page
    item = QueueItem.objects.get()
    assert item.is_risk
    assert CheckHit.objects.filter(item=item, severity="urgent").exists()
    assert ContentCheck.objects.latest("id").done_at is not None
    (alert,) = mail.outbox
    assert moderator.email in alert.to and f"/moderation/items/{item.pk}/" in alert.body


def test_abuse_found_by_the_checks_is_hidden_until_reviewed(
    client_for, member, other_member, thread, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reply(
            client_for(other_member), thread, "You're pathetic and nobody here wants you, shut up."
        )
    post = Post.objects.get(is_first=False)
    assert post.status == Status.PENDING
    assert "pathetic" not in client_for(member).get(thread.get_absolute_url()).content.decode()
    item = QueueItem.objects.get()
    assert item.held and item.hits.filter(category="abuse").exists()


def test_an_edit_is_checked_too(client_for, member, thread, django_capture_on_commit_callbacks):
    post = thread.posts.get()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(member).post(
            reverse("forums:post_edit", args=[post.pk]),
            {"body": "Ring me on 07700 900123 any time"},
        )
    edit_check = ContentCheck.objects.latest("id")
    assert (edit_check.target_id, edit_check.done_at is not None) == (post.pk, True)
    assert QueueItem.objects.get().hits.filter(category="personal").exists()


def test_ordinary_alarming_sounding_posts_are_left_alone(
    client_for, member, thread, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reply(
            client_for(member), thread, "This commute is killing me, but I made it in. Small win!"
        )
    assert not QueueItem.objects.exists()
    assert Post.objects.get(is_first=False).status == Status.PUBLISHED
