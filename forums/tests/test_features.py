"""What members see and do in threads: content warnings, quotes, mentions, edits, deletes,
reactions, watching, bookmarks, read tracking, unanswered, introductions (F-5 … F-12)."""

import pytest
from django.urls import reverse

from forums.models import Category, Post, PostMention, Reaction, ThreadWatch
from forums.services import post_create, post_edit, reading_preferences_update, thread_create

pytestmark = pytest.mark.django_db


# --- F-5 content warnings ------------------------------------------------------------------
@pytest.fixture
def warned(category, other_member):
    return thread_create(
        author=other_member,
        category=category,
        title="A hard week",
        body="Talking about my loss.",
        content_warning="loss",
    )


def test_content_with_a_warning_is_collapsed_behind_its_label(client_for, member, warned, category):
    page = client_for(member).get(warned.get_absolute_url()).content.decode()
    assert '<details class="nhsuk-details sharon-cw">' in page
    assert "Content warning: Loss and grief. Show post" in page
    assert (
        "Content warning: Loss and grief"
        in client_for(member).get(category.get_absolute_url()).content.decode()
    )


def test_member_can_hide_a_topic_everywhere_or_always_show_it(client_for, member, warned, category):
    client = client_for(member)
    client.post(
        reverse("forums:preferences"),
        {
            "self-harm": "collapse",
            "suicide": "collapse",
            "loss": "hide",
            "abuse": "collapse",
            "eating": "collapse",
            "substances": "collapse",
            "health": "collapse",
        },
    )
    assert "A hard week" not in client.get(category.get_absolute_url()).content.decode()
    page = client.get(warned.get_absolute_url()).content.decode()
    assert "Talking about my loss." not in page
    assert "is hidden by your" in page
    assert "A hard week" not in client.get(reverse("forums:search") + "?q=loss").content.decode()

    reading_preferences_update(user=member, hidden_topics=[], shown_topics=["loss"])
    page = client.get(warned.get_absolute_url()).content.decode()
    assert "sharon-cw" not in page and "Talking about my loss." in page


# --- F-6 quote, mentions, edit, delete -------------------------------------------------------
def test_quote_reply_starts_the_reply_with_the_quoted_post(
    client_for, member, reply_by_other, thread
):
    page = client_for(member).get(
        reverse("forums:reply", args=[thread.pk]) + f"?quote={reply_by_other.pk}"
    )
    assert "&gt; Writing them down helps me.\n&gt;\n&gt; — @sam_test" in page.content.decode()


def test_mentions_link_to_the_member_and_are_recorded_for_notifications(
    client_for, member, other_member, thread
):
    client_for(member).post(
        reverse("forums:reply", args=[thread.pk]), {"body": "Thanks @Sam_Test and @nobody_here"}
    )
    post = Post.objects.get(is_first=False)
    assert (
        '<a href="/accounts/members/sam_test/" rel="nofollow ugc noopener">@Sam_Test</a>'
        in post.body_html
    )
    assert "@nobody_here" in post.body_html and "/members/nobody_here/" not in post.body_html
    assert list(PostMention.objects.values_list("user__username", flat=True)) == ["sam_test"]


def test_editing_keeps_history_for_author_and_moderators_and_marks_the_post_edited(
    client_for, member, moderator, other_member, thread
):
    post = thread.posts.get()
    client_for(member).post(
        reverse("forums:post_edit", args=[post.pk]), {"body": "Any tips? (I've tried tea)"}
    )
    post.refresh_from_db()
    assert post.body == "Any tips? (I've tried tea)" and post.edited_at is not None
    page = client_for(other_member).get(thread.get_absolute_url()).content.decode()
    assert "· edited" in page
    history = (
        client_for(member).get(reverse("forums:post_history", args=[post.pk])).content.decode()
    )
    assert "<p>Any tips?</p>" in history and "(I've tried tea)" in history
    assert (
        client_for(moderator).get(reverse("forums:post_history", args=[post.pk])).status_code == 200
    )


def test_saving_an_unchanged_post_makes_no_revision(member, thread):
    post = thread.posts.get()
    assert post_edit(post=post, editor=member, body=post.body, content_warning="") is False
    assert not post.revisions.exists()


def test_author_deletes_a_reply_which_leaves_a_placeholder(
    client_for, member, other_member, reply_by_other, thread
):
    client = client_for(other_member)
    assert (
        "Delete your post?"
        in client.get(reverse("forums:post_delete", args=[reply_by_other.pk])).content.decode()
    )
    client.post(reverse("forums:post_delete", args=[reply_by_other.pk]))
    page = client_for(member).get(thread.get_absolute_url()).content.decode()
    assert "This post was deleted by its author." in page
    assert "Writing them down helps me." not in page
    thread.refresh_from_db()
    other_member.refresh_from_db()
    assert thread.reply_count == 0 and thread.answered_at is None and other_member.post_count == 0
    # Deleting twice changes nothing.
    client.post(reverse("forums:post_delete", args=[reply_by_other.pk]))
    assert Post.objects.filter(status="deleted").count() == 1


# --- F-7 reactions ----------------------------------------------------------------------------
def test_supportive_reactions_toggle_once_per_kind_and_show_counts(
    client_for, member, other_member, thread
):
    post = thread.posts.get()
    client = client_for(other_member)
    url = reverse("forums:react", args=[post.pk])
    client.post(url, {"kind": "support"})
    client.post(url, {"kind": "me-too"})
    client.post(url, {"kind": "support"})  # taken back
    client.post(url, {"kind": "support"})  # and given again
    assert sorted(Reaction.objects.values_list("kind", flat=True)) == ["me-too", "support"]
    page = client_for(member).get(thread.get_absolute_url()).content.decode()
    assert 'Sending support <span class="sharon-reaction__count">1</span>' in page
    assert 'Me too <span class="sharon-reaction__count">1</span>' in page
    assert client.post(url, {"kind": "like"}).status_code == 404


# --- F-8 watching and bookmarks -------------------------------------------------------------------
def test_posting_watches_the_thread_and_members_can_unwatch(client_for, other_member, thread):
    post_create(author=other_member, thread=thread, body="Following along")
    assert ThreadWatch.objects.filter(user=other_member, thread=thread).exists()
    client_for(other_member).post(reverse("forums:thread_watch", args=[thread.pk]), {"watch": "0"})
    assert not ThreadWatch.objects.filter(user=other_member, thread=thread).exists()


def test_members_watch_a_category(client_for, other_member, category):
    client = client_for(other_member)
    client.post(reverse("forums:category_watch", args=[category.slug]), {"watch": "1"})
    assert "Stop watching this forum" in client.get(category.get_absolute_url()).content.decode()


def test_bookmarks_list_only_the_members_own(client_for, member, other_member, reply_by_other):
    client_for(member).post(reverse("forums:bookmark", args=[reply_by_other.pk]))
    assert (
        "Writing them down helps me."
        in client_for(member).get(reverse("forums:bookmarks")).content.decode()
    )
    assert (
        "Writing them down"
        not in client_for(other_member).get(reverse("forums:bookmarks")).content.decode()
    )
    client_for(member).post(reverse("forums:bookmark", args=[reply_by_other.pk]))
    assert (
        "No bookmarks yet" in client_for(member).get(reverse("forums:bookmarks")).content.decode()
    )


# --- F-2 / F-9 pages, unread markers and jumps ------------------------------------------------------
def test_threads_page_twenty_posts_with_numbered_pages_and_jumps(
    client_for, member, other_member, thread
):
    for n in range(45):
        post_create(
            author=other_member if n % 2 else member, thread=thread, body=f"Reply number {n}"
        )
    client = client_for(member)
    first = client.get(thread.get_absolute_url()).content.decode()
    assert first.count('<article class="sharon-post') == 20
    assert 'aria-current="page"' in first and "?page=3" in first
    last = client.get(reverse("forums:thread_last", args=[thread.pk]))
    newest = Post.objects.latest("created_at", "id")
    assert last["Location"].endswith(f"?page=3#post-{newest.pk}")


def test_unread_markers_and_first_unread_jump_follow_what_the_member_read(
    client_for, member, other_member, thread
):
    for n in range(25):
        post_create(author=other_member, thread=thread, body=f"Early reply {n}")
    reader = client_for(member)
    # The author has read up to their own opening post only.
    jump = reader.get(reverse("forums:thread_unread", args=[thread.pk]))
    first_unread = Post.objects.filter(is_first=False).order_by("created_at", "id").first()
    assert jump["Location"].endswith(f"?page=1#post-{first_unread.pk}")
    assert (
        "sharon-thread-row--unread"
        in reader.get(thread.category.get_absolute_url()).content.decode()
    )

    reader.get(thread.get_absolute_url() + "?page=2")  # reads to the end
    assert (
        "sharon-thread-row--unread"
        not in reader.get(thread.category.get_absolute_url()).content.decode()
    )
    newer = post_create(author=other_member, thread=thread, body="Something new")
    assert (
        "sharon-thread-row--unread"
        in reader.get(thread.category.get_absolute_url()).content.decode()
    )
    assert reader.get(reverse("forums:thread_unread", args=[thread.pk]))["Location"].endswith(
        f"#post-{newer.pk}"
    )


def test_pinned_threads_come_first_then_by_last_activity(client_for, member, category):
    old = thread_create(author=member, category=category, title="Older thread here", body="x")
    thread_create(author=member, category=category, title="Newer thread here", body="x")
    pinned = thread_create(author=member, category=category, title="Pinned guidance", body="x")
    type(pinned).objects.filter(pk=pinned.pk).update(
        is_pinned=True, last_activity_at=old.created_at
    )
    page = client_for(member).get(category.get_absolute_url()).content.decode()
    assert (
        page.index("Pinned guidance")
        < page.index("Newer thread here")
        < page.index("Older thread here")
    )


# --- F-11 unanswered, F-12 introductions -------------------------------------------------------------
def test_unanswered_lists_threads_without_a_reply_from_someone_else_oldest_first(
    client_for, member, other_member, category
):
    first = thread_create(author=member, category=category, title="First lonely thread", body="x")
    thread_create(author=member, category=category, title="Second lonely thread", body="x")
    self_replied = thread_create(
        author=member, category=category, title="Talking to myself", body="x"
    )
    post_create(author=member, thread=self_replied, body="Bump")
    answered = thread_create(author=member, category=category, title="Answered thread", body="x")
    post_create(author=other_member, thread=answered, body="Here for you")
    page = client_for(other_member).get(reverse("forums:unanswered")).content.decode()
    assert (
        page.index("First lonely thread")
        < page.index("Second lonely thread")
        < page.index("Talking to myself")
    )
    assert "Answered thread" not in page
    assert first.title in page


def test_first_visit_gets_a_gentle_introduction_prompt(client_for, member, other_member, db):
    intro = Category.objects.create(
        name="Introduce yourself", slug="introduce-yourself", description="Say hello"
    )
    page = client_for(member).get(reverse("forums:index")).content.decode()
    assert (
        "say hello in Introduce yourself" in page
        and "Reading without posting is completely fine" in page
    )
    thread_create(author=member, category=intro, title="Hello from me", body="Hi all")
    assert (
        "say hello in Introduce yourself"
        not in client_for(member).get(reverse("forums:index")).content.decode()
    )


def test_moving_a_thread_in_admin_keeps_both_categories_totals_right(
    client_for, admin_user, thread, category
):
    other = Category.objects.create(name="Sleep", slug="sleep", description="x")
    response = client_for(admin_user).post(
        reverse("admin:forums_thread_change", args=[thread.pk]),
        {"title": thread.title, "category": other.pk, "content_warning": ""},
    )
    assert response.status_code == 302
    category.refresh_from_db()
    other.refresh_from_db()
    assert (category.thread_count, other.thread_count, other.post_count) == (0, 1, 1)
