"""Starting threads and replying (F-2, F-3, F-4): limits, preview, drafts, nothing lost."""

import pytest
from django.urls import reverse

from forums.models import Category, Draft, Post, Status, Thread
from forums.services import post_create, post_delete

pytestmark = pytest.mark.django_db


def new_thread(client, category, **data):
    payload = {
        "title": "Can't switch off at night",
        "body": "I lie awake **for hours**.",
        "content_warning": "",
    }
    payload.update(data)
    return client.post(reverse("forums:thread_new", args=[category.slug]), payload)


def test_member_starts_a_thread_and_sees_it_rendered(client_for, member, category):
    response = new_thread(client_for(member), category)
    thread = Thread.objects.get()
    assert response["Location"] == thread.get_absolute_url()
    page = client_for(member).get(thread.get_absolute_url()).content.decode()
    assert "Can&#x27;t switch off at night" in page
    assert "I lie awake <strong>for hours</strong>." in page
    category.refresh_from_db()
    member.refresh_from_db()
    assert (category.thread_count, category.post_count, member.post_count) == (1, 1, 1)


def test_replies_keep_counts_and_last_activity_in_step(client_for, thread, other_member):
    client = client_for(other_member)
    response = client.post(
        reverse("forums:reply", args=[thread.pk]), {"body": "Me too. Try a wind-down hour."}
    )
    reply = Post.objects.get(is_first=False)
    assert response["Location"].endswith(f"?page=1#post-{reply.pk}")
    thread.refresh_from_db()
    assert thread.reply_count == 1
    assert thread.last_activity_at == reply.created_at
    assert thread.last_poster == other_member
    assert thread.answered_at == reply.created_at
    assert thread.category.__class__.objects.get().post_count == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "Hi"}, "Titles need at least 5 characters."),
        ({"title": "    Hey     "}, "Titles need at least 5 characters."),
        ({"title": "x" * 151}, "Titles can be up to 150 characters; this one is 151."),
        ({"body": ""}, "Please write something before posting."),
        ({"body": "   \n\t  "}, "Please write something before posting."),
        ({"body": "y" * 20001}, "Posts can be up to 20000 characters; this one is 20001."),
        ({"content_warning": "gore"}, "Select a valid choice."),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_the_text(
    client_for, member, category, data, message
):
    payload = {"title": "A title that is fine", "body": "Some words I typed carefully."}
    payload.update(data)
    response = new_thread(client_for(member), category, **payload)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "There is a problem" in page
    if payload["body"].strip() and len(payload["body"]) < 100:
        assert payload["body"] in page
    if len(payload["body"]) > 20000:
        assert "y" * 20001 + "</textarea>" in page
    assert not Thread.objects.exists()


@pytest.mark.parametrize("sneaky", ["\x00", "\x1b[31m", "\u202e", "\x7f", "\u200b"])
def test_invisible_control_characters_are_removed_and_the_member_asked_to_check(
    client_for, member, category, sneaky
):
    response = new_thread(client_for(member), category, body=f"Hello{sneaky} there, everyone")
    page = response.content.decode()
    assert "invisible formatting characters" in page
    assert "Hello there, everyone" in page.replace("[31m", "")
    assert not Thread.objects.exists()
    # Sending the cleaned text again posts it.
    new_thread(client_for(member), category, body="Hello there, everyone")
    assert Thread.objects.count() == 1


def test_malformed_markdown_still_posts_safely(client_for, member, category):
    body = (
        "**unclosed [link](http://example.org \n> > > deep\n```\nno end <script>alert(1)</script>"
    )
    new_thread(client_for(member), category, body=body)
    post = Post.objects.get()
    assert "<script" not in post.body_html
    assert "&lt;script&gt;" in post.body_html
    assert post.body == body


def test_preview_shows_the_rendered_post_and_posts_nothing(client_for, member, category):
    response = new_thread(client_for(member), category, body="_gently_ does it", action="preview")
    page = response.content.decode()
    assert "<em>gently</em> does it" in page
    assert "Nothing has been posted yet." in page
    assert "_gently_ does it</textarea>" in page
    assert not Thread.objects.exists()


def test_draft_saved_without_javascript_is_restored_and_removed_once_posted(
    client_for, member, category
):
    client = client_for(member)
    url = reverse("forums:thread_new", args=[category.slug])
    response = client.post(
        url, {"title": "Half", "body": "Unfinished thoughts", "action": "save_draft"}
    )
    assert response["Location"] == url
    page = client.get(url).content.decode()
    assert "We've restored the draft you were writing" in page
    assert 'value="Half"' in page and "Unfinished thoughts</textarea>" in page

    new_thread(client, category, title="Finished now", body="Finished thoughts")
    assert not Draft.objects.exists()


def test_reply_draft_is_restored_on_the_thread_page_and_can_be_discarded(
    client_for, thread, other_member
):
    client = client_for(other_member)
    reply_url = reverse("forums:reply", args=[thread.pk])
    client.post(reply_url, {"body": "Still thinking what to say", "action": "save_draft"})
    assert (
        "Still thinking what to say</textarea>"
        in client.get(thread.get_absolute_url()).content.decode()
    )
    client.post(reply_url, {"action": "discard_draft"})
    assert not Draft.objects.exists()


def test_autosave_keeps_the_draft_as_the_member_types(client_for, member, category, thread):
    client = client_for(member)
    response = client.post(
        reverse("forums:draft_autosave"),
        {"category": category.slug, "title": "Ti", "body": "Typing…"},
    )
    assert response.status_code == 200
    assert response.json()["message"].startswith("Draft saved at ")
    response = client.post(
        reverse("forums:draft_autosave"), {"thread": thread.pk, "body": "A reply in progress"}
    )
    assert response.status_code == 200
    assert Draft.objects.get(thread=thread).body == "A reply in progress"
    assert Draft.objects.get(thread__isnull=True).title == "Ti"


def test_autosave_cannot_reach_a_thread_the_member_cannot_see(client_for, member, other_member, db):
    hidden = Category.objects.create(
        name="Staff", slug="staff", description="x", hidden_from_new_members=True
    )
    from forums.services import thread_create

    secret = thread_create(
        author=other_member, category=hidden, title="Not for new members", body="…"
    )
    response = client_for(member).post(
        reverse("forums:draft_autosave"), {"thread": secret.pk, "body": "x"}
    )
    assert response.status_code == 404


def test_posts_in_an_approval_category_wait_for_review_visible_only_to_the_author(
    client_for, member, other_member, db
):
    category = Category.objects.create(
        name="Sensitive", slug="sensitive", description="x", requires_approval=True
    )
    response = new_thread(
        client_for(member), category, title="Something hard to say", body="Pending text"
    )
    thread = Thread.objects.get()
    assert thread.status == Status.PENDING
    page = client_for(member).get(response["Location"]).content.decode()
    assert "Awaiting review" in page and "Pending text" in page
    assert client_for(other_member).get(thread.get_absolute_url()).status_code == 404
    assert (
        "Something hard to say"
        not in client_for(other_member).get(category.get_absolute_url()).content.decode()
    )
    category.refresh_from_db()
    assert category.thread_count == 0


def test_pending_reply_is_not_shown_to_others(client_for, member, other_member, category, thread):
    category.requires_approval = True
    category.save()
    post_create(author=other_member, thread=thread, body="Waiting reply")
    assert "Waiting reply" not in client_for(member).get(thread.get_absolute_url()).content.decode()
    assert (
        "Waiting reply" in client_for(other_member).get(thread.get_absolute_url()).content.decode()
    )
    thread.refresh_from_db()
    assert thread.reply_count == 0 and thread.answered_at is None


def test_when_the_opener_withdraws_their_post_the_replies_still_count(
    thread, reply_by_other, other_member, category
):
    post_create(author=other_member, thread=thread, body="And a second thought.")
    post_delete(post=thread.posts.get(is_first=True), by=thread.author)
    thread.refresh_from_db()
    category.refresh_from_db()
    assert thread.status == Status.PUBLISHED
    assert thread.reply_count == 2
    assert (category.thread_count, category.post_count) == (1, 2)
