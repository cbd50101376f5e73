"""In-site notifications for forum activity (N-1)."""

from django.urls import reverse

from conftest import make_member
from forums.models import Category, Reaction, Status
from forums.services import (
    category_watch_set,
    post_create,
    post_set_status,
    reaction_toggle,
    thread_create,
    thread_watch_set,
)
from sharon.notifications.models import Notification

Kind = Notification.Kind


def test_a_reply_notifies_the_threads_watchers_but_not_its_author(member, other_member, thread):
    post = post_create(author=other_member, thread=thread, body="Me too, it gets better.")

    (notification,) = Notification.objects.filter(user=member)
    assert notification.kind == Kind.REPLY
    assert notification.post == post
    assert "Bad days at work" in notification.title
    assert notification.url == reverse("forums:thread_unread", args=[thread.pk])
    assert not Notification.objects.filter(user=other_member).exists()


def test_more_replies_update_one_unread_notification_that_keeps_the_first_unread_post(
    member, other_member, thread
):
    first = post_create(author=other_member, thread=thread, body="First reply.")
    third_member = make_member("alex_test")
    post_create(author=third_member, thread=thread, body="Second reply.")

    (notification,) = Notification.objects.filter(user=member)
    assert notification.post == first
    assert "alex_test" in notification.body

    notification.read_at = notification.created_at
    notification.save()
    post_create(author=other_member, thread=thread, body="Third reply.")
    assert Notification.objects.filter(user=member).count() == 2


def test_a_new_thread_notifies_category_watchers(member, other_member, category):
    category_watch_set(user=other_member, category=category, watching=True)
    thread = thread_create(author=member, category=category, title="Hello", body="I'm new here.")

    (notification,) = Notification.objects.filter(user=other_member)
    assert notification.kind == Kind.NEW_THREAD
    assert notification.url == thread.get_absolute_url()
    assert not Notification.objects.filter(user=member).exists()


def test_a_mention_notifies_the_member_once_even_when_they_watch_the_thread(
    member, other_member, thread
):
    thread_watch_set(user=other_member, thread=thread, watching=True)
    third_member = make_member("alex_test")
    post = post_create(author=third_member, thread=thread, body="@sam_test what do you think?")

    (notification,) = Notification.objects.filter(user=other_member)
    assert notification.kind == Kind.MENTION
    assert notification.url == post.get_absolute_url()
    assert Notification.objects.get(user=member).kind == Kind.REPLY


def test_members_who_cannot_see_the_thread_are_not_notified(member, other_member):
    hidden = Category.objects.create(
        name="Members of a while", slug="settled", description="x", hidden_from_new_members=True
    )
    category_watch_set(user=other_member, category=hidden, watching=True)
    thread_create(author=member, category=hidden, title="Hi", body="@sam_test hello")
    assert not Notification.objects.filter(user=other_member).exists()


def test_a_held_post_notifies_nobody_until_a_moderator_approves_it(
    member, other_member, thread, category
):
    category.requires_approval = True
    category.save()
    post = post_create(author=other_member, thread=thread, body="Waiting for review.")
    assert post.status == Status.PENDING
    assert not Notification.objects.filter(user=member).exists()

    post_set_status(post=post, status=Status.PUBLISHED)
    assert Notification.objects.get(user=member).post == post


def test_reactions_are_grouped_per_post(member, other_member, thread):
    post = thread.posts.get()
    reaction_toggle(post=post, user=other_member, kind=Reaction.Kind.SUPPORT)
    (notification,) = Notification.objects.filter(user=member)
    assert notification.title.startswith("sam_test sent support to your post")

    reaction_toggle(post=post, user=other_member, kind=Reaction.Kind.HELPFUL)
    reaction_toggle(post=post, user=make_member("alex_test"), kind=Reaction.Kind.ME_TOO)
    reaction_toggle(post=post, user=make_member("jo_test"), kind=Reaction.Kind.SUPPORT)
    (notification,) = Notification.objects.filter(user=member)
    assert notification.kind == Kind.REACTION
    assert notification.title.startswith("3 members sent support to your post")


def test_taking_a_reaction_back_does_not_notify(member, other_member, thread):
    post = thread.posts.get()
    reaction_toggle(post=post, user=other_member, kind=Reaction.Kind.SUPPORT)
    Notification.objects.all().delete()
    reaction_toggle(post=post, user=other_member, kind=Reaction.Kind.SUPPORT)
    assert not Notification.objects.exists()


def test_nothing_is_heard_from_a_member_one_has_blocked(member, other_member, thread):
    from messaging.models import Block

    Block.objects.create(blocker=member, blocked=other_member)
    post_create(author=other_member, thread=thread, body="@robin_test replying")
    reaction_toggle(post=thread.posts.first(), user=other_member, kind=Reaction.Kind.SUPPORT)
    assert not Notification.objects.filter(user=member).exists()

    post_create(author=make_member("alex_test"), thread=thread, body="Another reply")
    assert Notification.objects.filter(user=member).count() == 1


def test_a_post_held_after_publishing_and_approved_is_not_told_of_twice(
    member, other_member, thread
):
    post = post_create(author=other_member, thread=thread, body="@robin_test thinking of you")
    Notification.objects.update(read_at=post.created_at)
    post_set_status(post=post, status=Status.PENDING)  # the checks held it
    post_set_status(post=post, status=Status.PUBLISHED)  # a moderator approved it
    assert Notification.objects.filter(user=member).count() == 1


def test_a_later_reply_keeps_the_notification_when_the_first_is_hidden_or_deleted(
    member, other_member, thread
):
    from forums.services import post_delete

    first = post_create(author=other_member, thread=thread, body="First reply.")
    second = post_create(author=make_member("alex_test"), thread=thread, body="Second reply.")
    third = post_create(author=other_member, thread=thread, body="Third reply.")
    post_set_status(post=first, status=Status.HIDDEN)
    (notification,) = Notification.objects.filter(user=member)
    assert notification.post == second
    post_delete(post=second, by=second.author)
    notification.refresh_from_db()
    assert notification.post == third
    post_delete(post=third, by=other_member)  # nothing left to tell of
    notification.refresh_from_db()
    assert notification.post == third


TREES = [
    "alder",
    "birch",
    "cedar",
    "daphne",
    "elm",
    "fir",
    "gorse",
    "hazel",
    "juniper",
]


def test_telling_watchers_of_a_hidden_category_costs_the_same_queries_for_any_number(member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    hidden = Category.objects.create(
        name="Members of a while", slug="settled", description="x", hidden_from_new_members=True
    )

    def new_thread_with_watchers(n: int) -> int:
        for k in range(n):
            category_watch_set(
                user=make_member(f"{TREES[k]}_{n}"),
                category=hidden,
                watching=True,
            )
        with CaptureQueriesContext(connection) as queries:
            thread_create(author=member, category=hidden, title=f"Hi {n}", body="Hello")
        return len(queries)

    new_thread_with_watchers(1)  # settings and other caches warm up on the first
    assert new_thread_with_watchers(2) == new_thread_with_watchers(9)
