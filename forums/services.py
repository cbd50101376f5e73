from django.db import transaction
from django.db.models import F
from django.utils import timezone

from sharon.accounts.models import User
from sharon.markup import render_post

from .models import Category, Post, Thread


def thread_create(
    *, author: User, category: Category, title: str, body: str, content_warning: str = ""
) -> Thread:
    """Start a thread with its first post."""
    with transaction.atomic():
        now = timezone.now()
        thread = Thread.objects.create(
            category=category,
            author=author,
            title=title.strip(),
            content_warning=content_warning,
            created_at=now,
            last_activity_at=now,
        )
        Post.objects.create(
            thread=thread, author=author, body=body, body_html=render_post(body), created_at=now
        )
    return thread


def post_create(*, author: User, thread: Thread, body: str) -> Post:
    """Reply to a thread, keeping its reply count and last activity in step."""
    with transaction.atomic():
        now = timezone.now()
        post = Post.objects.create(
            thread=thread, author=author, body=body, body_html=render_post(body), created_at=now
        )
        Thread.objects.filter(pk=thread.pk).update(
            reply_count=F("reply_count") + 1, last_activity_at=now
        )
    return post
