"""Moderation end to end with a real Celery worker on Redis (issue 4 acceptance)."""

import datetime as dt
import time
from contextlib import contextmanager

import pytest
from django.urls import reverse

from conftest import wait_until
from forums.models import Category, Post, Status
from forums.services import thread_create
from moderation.models import AuditEntry, ContentCheck, QueueItem
from moderation.tasks import sweep_unchecked
from sharon.celery import app as celery_app
from sharon.core.models import SiteSettings

CRISIS = "Thanks for everything, all of you. I've given my things away. I won't be a problem for anyone much longer."


@pytest.fixture
def thread(member, other_member):
    site = SiteSettings.load()
    site.moderators_on_duty_from, site.moderators_on_duty_until = dt.time(0, 0), dt.time(23, 59, 59)
    site.save()
    category = Category.objects.create(name="Low mood", slug="low-mood", description="x")
    return thread_create(
        author=other_member, category=category, title="Rough evenings", body="How do you cope?"
    )


def test_indirect_crisis_post_becomes_an_urgent_item_and_an_alert_email_within_seconds(
    client_for, celery_worker, smtp_server, member, moderator, thread
):
    client = client_for(member)
    started = time.monotonic()
    response = client.post(reverse("forums:reply", args=[thread.pk]), {"body": CRISIS})
    assert response.status_code == 302
    # The author sees the urgent-help options at once, before any moderator.
    page = client.get(response["Location"]).content.decode()
    assert "Help is available right now" in page and "116 123" in page

    item = wait_until(lambda: QueueItem.objects.filter(is_risk=True).first())
    assert item.hits.filter(severity="urgent").exists()
    (alert,) = [m for m in smtp_server.wait_for(1) if moderator.email in m["To"]]
    seconds = time.monotonic() - started
    assert seconds < 20
    assert f"/moderation/items/{item.pk}/" in alert.get_body(("plain",)).get_content()

    moderator_client = client_for(moderator)
    assert "Risk" in moderator_client.get(reverse("moderation:queue")).content.decode()
    moderator_client.post(
        reverse("moderation:item_act", args=[item.pk]),
        {"action": "approve", "reason": "Reached out privately with support options"},
    )
    entry = AuditEntry.objects.get(action="approve")
    assert (entry.actor, entry.item_id, entry.member) == (moderator, item.pk, member)
    assert QueueItem.objects.get(pk=item.pk).state == "closed"


@contextmanager
def broker_at(url: str):
    """Point this process's Celery producer at another broker URL (the worker keeps its own)."""

    def reset_pools():
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    previous = celery_app.conf.broker_url
    celery_app.conf.broker_url = url
    reset_pools()
    try:
        yield
    finally:
        celery_app.conf.broker_url = previous
        reset_pools()


def test_with_the_broker_down_posting_works_and_the_post_is_checked_when_it_returns(
    client_for, celery_worker, member, other_member, thread
):
    client = client_for(member)
    with broker_at("redis://127.0.0.1:9/0"):  # nothing listens on the discard port
        response = client.post(
            reverse("forums:reply", args=[thread.pk]),
            {"body": "You're pathetic and nobody here wants you, shut up."},
        )
    assert response.status_code == 302
    post = Post.objects.get(author=member)
    assert post.status == Status.PUBLISHED  # not checked yet
    check = ContentCheck.objects.get(target_id=post.pk, done_at__isnull=True)

    ContentCheck.objects.filter(pk=check.pk).update(
        requested_at=check.requested_at - dt.timedelta(minutes=5)
    )
    sweep_unchecked.delay()  # what beat runs every minute, now the broker is back
    wait_until(lambda: ContentCheck.objects.get(pk=check.pk).done_at is not None)
    post.refresh_from_db()
    assert post.status == Status.PENDING
    assert QueueItem.objects.get(target_id=post.pk).hits.filter(category="abuse").exists()
