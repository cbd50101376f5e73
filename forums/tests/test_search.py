"""Forum search (F-10): PostgreSQL full-text search that respects what a member may see."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import make_member
from forums.models import Category, Post, Thread
from forums.services import post_create, post_delete, thread_create

pytestmark = pytest.mark.django_db


def search(client, q: str, page: int | None = None) -> str:
    url = reverse("forums:search") + f"?q={q}" + (f"&page={page}" if page else "")
    return client.get(url).content.decode()


def test_search_finds_titles_and_bodies_with_stemming_and_highlights(
    client_for, member, other_member, category
):
    thread = thread_create(
        author=member, category=category, title="Sleeping badly again", body="Every night."
    )
    post_create(
        author=other_member, thread=thread, body="Sleep hygiene helped me: no screens after ten."
    )
    page = search(client_for(member), "sleep")
    assert "2 posts found for “sleep”" in page
    assert "<mark>Sleep</mark> hygiene helped me" in page


def test_a_title_match_ranks_above_a_body_match(client_for, member, other_member, category):
    body_only = thread_create(
        author=member, category=category, title="Weekend plans", body="I might try walking."
    )
    titled = thread_create(
        author=other_member, category=category, title="Walking for low mood", body="Anyone?"
    )
    page = search(client_for(member), "walking")
    assert page.index(f"/forums/p/{titled.posts.get().pk}/") < page.index(
        f"/forums/p/{body_only.posts.get().pk}/"
    )


def test_search_never_shows_hidden_pending_deleted_or_forbidden_content(
    client_for, member, other_member, category
):
    visible = thread_create(
        author=other_member,
        category=category,
        title="Breathing exercise",
        body="Box breathing works",
    )
    pending_cat = Category.objects.create(
        name="Review", slug="review", description="x", requires_approval=True
    )
    thread_create(
        author=other_member,
        category=pending_cat,
        title="Pending breathing",
        body="breathing pending",
    )
    deleted = post_create(author=other_member, thread=visible, body="deleted breathing note")
    post_delete(post=deleted, by=other_member)
    hidden = post_create(author=other_member, thread=visible, body="hidden breathing note")
    Post.objects.filter(pk=hidden.pk).update(status="hidden")
    secret = Category.objects.create(
        name="Deeper", slug="deeper", description="x", hidden_from_new_members=True
    )
    veteran = make_member("veteran_vi", date_joined=timezone.now() - dt.timedelta(days=400))
    thread_create(
        author=veteran, category=secret, title="Deep breathing for veterans", body="breathing deep"
    )

    page = search(client_for(member), "breathing")
    assert "1 post found" in page
    assert "<mark>breathing</mark> works" in page
    for leaked in ("Pending breathing", "deleted breathing", "hidden breathing", "Deep breathing"):
        assert leaked not in page


def test_search_snippets_escape_what_members_typed(client_for, member, category):
    thread_create(
        author=member,
        category=category,
        title="Markup question",
        body='Scores: 5 < 7 & "more" anxiety <script>alert(1)</script> <b onmouseover=x>bold anxiety</b>',
    )
    page = search(client_for(member), "anxiety")
    assert "5 &lt; 7 &amp; &quot;more&quot; <mark>anxiety</mark>" in page
    assert "<script>alert(1)" not in page and "onmouseover" not in page


def test_search_results_are_paginated_and_odd_queries_are_harmless(client_for, member, category):
    thread = thread_create(
        author=member, category=category, title="Gratitude list", body="gratitude"
    )
    for n in range(25):
        post_create(author=member, thread=thread, body=f"gratitude item {n}")
    client = client_for(member)
    assert "26 posts found" in search(client, "gratitude")
    second = search(client, "gratitude", page=2)
    assert second.count('class="sharon-result"') == 6
    for odd in ["%27%3B--", "%22unclosed", "a%20%7C%20%21", "-", "%26%26%26", "x" * 300]:
        assert client.get(reverse("forums:search") + f"?q={odd}").status_code == 200


def test_only_members_can_search(client):
    assert client.get(reverse("forums:search") + "?q=anything").status_code == 302
    assert not Thread.objects.exists()
