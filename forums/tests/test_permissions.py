"""Every permission boundary in the forums: other members' posts, locked threads,
read-only and hidden categories, silenced members, visitors."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import make_member
from forums.models import Category, Post, Thread
from forums.services import thread_create

pytestmark = pytest.mark.django_db


def test_visitors_are_sent_to_sign_in_from_every_forum_page(
    client, thread, reply_by_other, category
):
    urls = [
        reverse("forums:index"),
        reverse("forums:search") + "?q=tips",
        reverse("forums:unanswered"),
        reverse("forums:bookmarks"),
        reverse("forums:preferences"),
        category.get_absolute_url(),
        reverse("forums:thread_new", args=[category.slug]),
        thread.get_absolute_url(),
        reverse("forums:reply", args=[thread.pk]),
        reverse("forums:post", args=[reply_by_other.pk]),
        reverse("forums:post_edit", args=[reply_by_other.pk]),
        reverse("forums:post_history", args=[reply_by_other.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    for url in [
        reverse("forums:react", args=[reply_by_other.pk]),
        reverse("forums:thread_watch", args=[thread.pk]),
    ]:
        assert "/accounts/login/" in client.post(url, {"kind": "support"})["Location"]
    assert not Post.objects.filter(reactions__isnull=False).exists()


def test_member_cannot_edit_or_delete_another_members_post(client_for, member, reply_by_other):
    client = client_for(member)
    for name in ("forums:post_edit", "forums:post_delete"):
        assert client.get(reverse(name, args=[reply_by_other.pk])).status_code == 403
        assert (
            client.post(reverse(name, args=[reply_by_other.pk]), {"body": "Hijacked"}).status_code
            == 403
        )
    reply_by_other.refresh_from_db()
    assert (
        reply_by_other.body == "Writing them down helps me."
        and reply_by_other.status == "published"
    )
    page = client.get(reply_by_other.thread.get_absolute_url()).content.decode()
    assert reverse("forums:post_edit", args=[reply_by_other.pk]) not in page


def test_member_cannot_read_another_members_edit_history_but_a_moderator_can(
    client_for, member, moderator, reply_by_other
):
    url = reverse("forums:post_history", args=[reply_by_other.pk])
    assert client_for(member).get(url).status_code == 403
    assert client_for(moderator).get(url).status_code == 200


def test_locked_thread_refuses_replies_and_keeps_what_was_typed_as_a_draft(
    client_for, thread, other_member
):
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    client = client_for(other_member)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "This thread is locked" in page
    assert "Post reply" not in page
    response = client.post(reverse("forums:reply", args=[thread.pk]), {"body": "My careful reply"})
    assert response.status_code == 200
    assert (
        "can&#x27;t be replied to" in response.content.decode()
        or "can't be replied to" in response.content.decode()
    )
    assert "My careful reply</textarea>" in response.content.decode()
    assert not Post.objects.filter(body="My careful reply").exists()
    assert thread.__class__.objects.get().reply_count == 0
    from forums.models import Draft

    assert Draft.objects.get(user=other_member, thread=thread).body == "My careful reply"


def test_moderators_can_still_reply_to_a_locked_thread(client_for, thread, moderator):
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    client_for(moderator).post(
        reverse("forums:reply", args=[thread.pk]), {"body": "Locking this for now."}
    )
    assert Post.objects.filter(body="Locking this for now.").exists()


def test_read_only_category_is_for_moderators_only(client_for, member, moderator, db):
    news = Category.objects.create(
        name="Announcements", slug="announcements", description="x", is_read_only=True
    )
    url = reverse("forums:thread_new", args=[news.slug])
    response = client_for(member).get(url)
    assert response.status_code == 403
    assert "Only moderators post in Announcements." in response.content.decode()
    response = client_for(member).post(url, {"title": "My announcement", "body": "Hello all"})
    assert "Hello all</textarea>" in response.content.decode()
    assert not Thread.objects.exists()
    assert "Start a thread" not in client_for(member).get(news.get_absolute_url()).content.decode()

    client_for(moderator).post(url, {"title": "Welcome to SHaRON", "body": "Please read this."})
    thread = Thread.objects.get()
    response = client_for(member).post(
        reverse("forums:reply", args=[thread.pk]), {"body": "Thanks"}
    )
    assert not Post.objects.filter(body="Thanks").exists()
    assert response.status_code == 200


def test_silenced_member_can_read_but_not_post(client_for, member, thread, category):
    member.silenced_until = timezone.now() + dt.timedelta(days=2)
    member.save()
    client = client_for(member)
    assert client.get(thread.get_absolute_url()).status_code == 200
    response = client.post(reverse("forums:reply", args=[thread.pk]), {"body": "Still here"})
    assert "read-only at the moment" in response.content.decode()
    assert client.get(reverse("forums:thread_new", args=[category.slug])).status_code == 403
    assert client.get(reverse("forums:post_edit", args=[thread.posts.get().pk])).status_code == 403
    assert not Post.objects.filter(body="Still here").exists()


def test_category_hidden_from_new_members_is_invisible_to_them(client_for, member, moderator, db):
    private = Category.objects.create(
        name="Going deeper", slug="deeper", description="x", hidden_from_new_members=True
    )
    veteran = make_member("veteran_vi", date_joined=timezone.now() - dt.timedelta(days=400))
    thread = thread_create(
        author=veteran, category=private, title="For those further along", body="…"
    )
    type(veteran).objects.filter(pk=veteran.pk).update(post_count=50)
    client = client_for(member)  # joined today: a new member
    assert "Going deeper" not in client.get(reverse("forums:index")).content.decode()
    assert client.get(private.get_absolute_url()).status_code == 404
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert "Going deeper" in client_for(veteran).get(reverse("forums:index")).content.decode()
    assert client_for(moderator).get(thread.get_absolute_url()).status_code == 200


def test_a_deleted_thread_is_gone_for_members(client_for, member, other_member, category):
    thread = thread_create(author=member, category=category, title="Posted too soon", body="Oops")
    client_for(member).post(reverse("forums:post_delete", args=[thread.posts.get().pk]))
    assert client_for(other_member).get(thread.get_absolute_url()).status_code == 404
    assert (
        "Posted too soon"
        not in client_for(other_member).get(category.get_absolute_url()).content.decode()
    )


def test_nobody_can_react_to_their_own_post(client_for, member, thread):
    post = thread.posts.get()
    response = client_for(member).post(reverse("forums:react", args=[post.pk]), {"kind": "support"})
    assert response.status_code == 403
    assert not post.reactions.exists()
