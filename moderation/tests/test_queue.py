"""The review queue (M-2) and the dashboard (M-8)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.services import post_create
from moderation.models import QueueItem
from moderation.services import item_approve, report_create

pytestmark = pytest.mark.django_db


def test_queue_puts_risk_first_then_score_then_age(
    client_for, moderator, member, reporters, thread, other_member
):
    old = post_create(author=other_member, thread=thread, body="An older spammy reply here")
    busy = post_create(author=other_member, thread=thread, body="A reply many people reported")
    risky = post_create(author=other_member, thread=thread, body="A reply someone worried about")
    report_create(reporter=member, target=old, reason="spam")
    for reporter in reporters[:2]:
        report_create(reporter=reporter, target=busy, reason="abusive")
    report_create(reporter=member, target=risky, reason="risk")
    QueueItem.objects.filter(target_id=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=2)
    )
    page = client_for(moderator).get(reverse("moderation:queue")).content.decode()
    ids = [QueueItem.objects.get(target_id=p.pk).pk for p in (risky, busy, old)]
    positions = [page.index(f'/moderation/items/{pk}/"') for pk in ids]
    assert positions == sorted(positions)


def test_queue_filters_by_reason_and_state_and_claims(
    client_for, moderator, member, reply, thread, other_member
):
    spam = post_create(author=other_member, thread=thread, body="Spam reply with a link")
    report_create(reporter=member, target=reply, reason="abusive")
    report_create(reporter=member, target=spam, reason="spam")
    client = client_for(moderator)
    page = client.get(reverse("moderation:queue") + "?reason=spam").content.decode()
    spam_item, abusive_item = (
        QueueItem.objects.get(target_id=spam.pk),
        QueueItem.objects.get(target_id=reply.pk),
    )
    assert (
        f"/moderation/items/{spam_item.pk}/" in page
        and f"/moderation/items/{abusive_item.pk}/" not in page
    )
    client.post(reverse("moderation:item_act", args=[spam_item.pk]), {"action": "claim"})
    assert QueueItem.objects.get(pk=spam_item.pk).claimed_by == moderator
    mine = client.get(reverse("moderation:queue") + "?mine=1").content.decode()
    assert (
        f"/moderation/items/{spam_item.pk}/" in mine
        and f"/moderation/items/{abusive_item.pk}/" not in mine
    )
    item_approve(item=spam_item, moderator=moderator)
    closed = client.get(reverse("moderation:queue") + "?state=closed").content.decode()
    assert f"/moderation/items/{spam_item.pk}/" in closed


def test_an_item_shows_the_content_its_context_and_the_authors_history(
    client_for, moderator, member, reply
):
    report_create(reporter=member, target=reply, reason="abusive", note="Sharp tone")
    item = QueueItem.objects.get()
    page = client_for(moderator).get(reverse("moderation:item", args=[item.pk])).content.decode()
    assert "Small walks help a bit." in page
    assert "Flat all week" in page and "Anyone else?" in page  # the thread and the post before
    assert "Sharp tone" in page
    assert "member for 0 days" in page and "1 published post" in page
    assert "Suggested next step" in page


def test_dashboard_shows_open_items_oldest_age_median_first_action_and_unanswered(
    client_for, moderator, member, thread, other_member
):
    posts = [
        post_create(author=other_member, thread=thread, body=f"Reply number {n} for the dashboard")
        for n in range(3)
    ]
    for post in posts:
        report_create(reporter=member, target=post, reason="risk" if post == posts[0] else "spam")
    now = timezone.now()
    QueueItem.objects.filter(target_id=posts[2].pk).update(created_at=now - dt.timedelta(hours=5))
    done = QueueItem.objects.get(target_id=posts[1].pk)
    QueueItem.objects.filter(pk=done.pk).update(created_at=now - dt.timedelta(hours=2))
    done.refresh_from_db()
    item_approve(item=done, moderator=moderator)
    QueueItem.objects.filter(pk=done.pk).update(
        first_action_at=now - dt.timedelta(hours=1, minutes=30)
    )
    page = client_for(moderator).get(reverse("moderation:dashboard")).content.decode()
    assert 'data-metric="risk-waiting">1<' in page
    assert "risk 1 · reported 1 · other 0" in page
    assert "waiting 5 h 0 min" in page or "waiting 4 h 59 min" in page
    assert 'data-metric="median-7">0 h 30 min' in page.replace("\n", "") or ">30 min<" in page
