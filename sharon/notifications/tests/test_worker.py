"""Real email over SMTP from a real Celery worker: headers, both parts and unsubscribing
(issue 7 acceptance). Data must be committed: the worker is another process."""

import asyncio
import datetime as dt
import re
import threading
from urllib.parse import urlsplit

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import make_member, wait_until
from sharon.accounts.models import User
from sharon.celery import app as celery_app
from sharon.notifications.models import Delivery, Notification
from sharon.notifications.services import deliveries_resend
from sharon.notifications.tasks import email_send, fan_out


def header(message, name: str) -> str:
    return str(message[name]).strip()  # a long header is folded onto a new line


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_a_reply_email_and_one_click_unsubscribe_end_to_end(
    celery_worker, smtp_server, client_for, member, other_member, thread
):
    User.objects.filter(pk=member.pk).update(email_frequency="immediately")
    response = client_for(other_member).post(
        reverse("forums:reply", args=[thread.pk]), {"body": "Evenings are hard for me too."}
    )
    assert response.status_code == 302
    # Older than the few minutes "immediately" waits to batch replies.
    Notification.objects.filter(user=member).update(
        created_at=timezone.now() - dt.timedelta(minutes=5)
    )

    fan_out.delay(kind="immediate")  # what beat runs every five minutes
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == member.email
    assert message["Subject"] == "You have new notifications on SHaRON"
    assert header(message, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    unsubscribe_url = re.fullmatch(r"<(https?://[^>]+)>", header(message, "List-Unsubscribe"))[1]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for part in (text, html):
        assert "Evenings are hard for me too." in part
        assert unsubscribe_url in part
        assert "/notifications/preferences/" in part
    delivery = wait_until(
        lambda: Delivery.objects.filter(user=member, sent_at__isnull=False).first()
    )
    assert delivery.kind == "immediate" and not delivery.skipped

    # The member's mail provider follows the header: one POST, no cookies, no CSRF token.
    provider = Client(enforce_csrf_checks=True)
    page = provider.get(path_of(unsubscribe_url))
    assert "Stop notification emails?" in page.content.decode()
    assert User.objects.get(pk=member.pk).email_frequency == "immediately"  # GET changes nothing
    response = provider.post(
        path_of(unsubscribe_url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert User.objects.get(pk=member.pk).email_frequency == "never"


def test_a_check_in_reminder_from_the_worker_and_unsubscribing_from_its_link(
    celery_worker, smtp_server, db
):
    long_ago = timezone.now() - dt.timedelta(days=40)
    away = make_member("quiet_member", date_joined=long_ago, last_seen_at=long_ago)
    make_member("here_yesterday", last_seen_at=timezone.now() - dt.timedelta(days=1))

    fan_out.delay(kind="reminder")
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == away.email
    assert message["Subject"] == "SHaRON is here whenever you need it"
    html = message.get_body(("html",)).get_content()
    assert "the community is still here" in message.get_body(("plain",)).get_content()
    link = re.search(r'href="([^"]*/notifications/unsubscribe/[^"]+)"', html)[1]
    assert header(message, "List-Unsubscribe") == f"<{link}>"

    client = Client()
    assert "Stop check-in reminders?" in client.get(path_of(link)).content.decode()
    assert "You're unsubscribed" in client.post(path_of(link)).content.decode()
    away.refresh_from_db()
    assert (away.reminder_frequency, away.email_frequency) == ("never", "weekly")


def test_a_worker_killed_mid_batch_loses_nothing_and_sends_nothing_twice(
    celery_worker, smtp_server, category, other_member
):
    from forums.services import post_create, thread_create

    members = [make_member(f"member_{i}", email_frequency="immediately") for i in range(3)]
    for i, someone in enumerate(members):
        thread = thread_create(author=someone, category=category, title=f"Thread {i}", body="x")
        post_create(author=other_member, thread=thread, body="A reply")
    Notification.objects.update(created_at=timezone.now() - dt.timedelta(minutes=5))

    # The SMTP server accepts the first email and then stops answering.
    accept = smtp_server.handle_DATA
    stuck = threading.Event()

    async def hang(server, session, envelope):
        if smtp_server.messages:
            stuck.set()
            while stuck.is_set():
                await asyncio.sleep(0.05)
            return "451 Try again later"
        return await accept(server, session, envelope)

    smtp_server.handle_DATA = hang
    try:
        fan_out.delay(kind="immediate")
        assert stuck.wait(20), "the worker never reached the second email"
        celery_worker.kill()  # the worker dies in the middle of sending
        celery_worker.wait(10)
    finally:
        del smtp_server.handle_DATA
        stuck.clear()
    assert len(smtp_server.messages) == 1
    unsent = Delivery.objects.filter(sent_at__isnull=True)
    in_flight = list(unsent.values_list("pk", flat=True))
    assert len(in_flight) == 2  # the one being sent when the worker died, and the next

    # The sweep beat runs every ten minutes, here in this process.
    celery_app.conf.task_always_eager = True
    later = timezone.now() + dt.timedelta(minutes=11)

    def swept() -> bool:
        deliveries_resend(now=later)  # skips a row still locked until the dead session ends
        return not unsent.exists()

    wait_until(swept)
    for delivery_id in in_flight:  # the broker redelivers the dead worker's task
        email_send.apply(kwargs={"delivery_id": delivery_id})
    assert sorted(m["To"] for m in smtp_server.messages) == sorted(m.email for m in members)


def test_the_worker_retries_an_email_the_mail_server_turned_away_for_a_moment(
    celery_worker, smtp_server, member, other_member, thread
):
    from forums.services import post_create

    User.objects.filter(pk=member.pk).update(email_frequency="immediately")
    post_create(author=other_member, thread=thread, body="Same here, mornings are the worst.")
    Notification.objects.update(created_at=timezone.now() - dt.timedelta(minutes=5))

    # The mail server says "try again later" once, then accepts.
    accept = smtp_server.handle_DATA
    turned_away = []

    async def busy_once(server, session, envelope):
        if not turned_away:
            turned_away.append(envelope)
            return "451 Try again later"
        return await accept(server, session, envelope)

    smtp_server.handle_DATA = busy_once
    try:
        fan_out.delay(kind="immediate")
        # The task's own retry, through the broker, after a backoff of up to 30 seconds.
        (message,) = smtp_server.wait_for(1, timeout=60)
    finally:
        del smtp_server.handle_DATA
    assert len(turned_away) == 1
    assert message["To"] == member.email
    assert "mornings are the worst" in message.get_body(("plain",)).get_content()
    delivery = wait_until(lambda: Delivery.objects.filter(sent_at__isnull=False).first())
    assert delivery.user == member and Delivery.objects.count() == 1
    assert len(smtp_server.messages) == 1
