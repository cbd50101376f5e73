"""Notification emails, summaries and check-in reminders: who gets what, what it says, and
that each is sent exactly once however the work is interrupted (N-2 … N-5)."""

import datetime as dt
import io
import smtplib
import zoneinfo
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.conf import settings
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from conftest import make_member
from forums.models import Reaction, Status
from forums.services import post_create, post_set_status, reaction_toggle, thread_mark_read
from resources.models import Resource, ResourceCategory
from sharon.notifications import services
from sharon.notifications.models import Delivery, Notification
from sharon.notifications.services import (
    deliveries_fan_out,
    deliveries_resend,
    email_queue,
    notification_create,
)
from sharon.notifications.tasks import email_send

Kind = Delivery.Kind
LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Do what beat does for `kind` at `now`, with tasks in-process."""

    def run(kind, now):
        with django_capture_on_commit_callbacks(execute=True):
            deliveries_fan_out(kind=kind, now=now)
        return list(mail.outbox)

    return run


def soon():
    """Late enough for "immediately" to include what was just notified."""
    return timezone.now() + dt.timedelta(minutes=5)


def sent_to(messages) -> list[str]:
    return sorted(address for message in messages for address in message.to)


def html_of(message) -> str:
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return html


# --- Immediately ------------------------------------------------------------------------------
def test_one_email_per_member_telling_of_the_first_unread_post_in_each_thread(
    run, member, other_member, thread
):
    member.email_frequency = "immediately"
    member.save()
    post_create(author=other_member, thread=thread, body="Walking at lunch helps me.")
    post_create(author=make_member("alex_test"), thread=thread, body="Second reply text.")

    (message,) = run(Kind.IMMEDIATE, soon())
    assert message.to == [member.email]
    assert message.subject == "You have new notifications on SHaRON"
    assert "Bad days" not in message.subject  # nothing about the thread on a lock screen
    assert "Walking at lunch helps me." in message.body
    assert "Second reply text." not in message.body
    assert "Walking at lunch helps me." in html_of(message)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = f"<{settings.SITE_URL}/notifications/unsubscribe/"
    assert message.extra_headers["List-Unsubscribe"].startswith(unsubscribe)


def test_immediately_waits_a_few_minutes_so_what_is_read_in_the_site_is_not_emailed(
    run, member, other_member, thread
):
    member.email_frequency = "immediately"
    member.save()
    post_create(author=other_member, thread=thread, body="Hello")
    assert run(Kind.IMMEDIATE, timezone.now()) == []  # too new: batched with what follows

    Notification.objects.filter(user=member).update(read_at=timezone.now())
    assert run(Kind.IMMEDIATE, soon()) == []
    assert not Delivery.objects.exists()


def test_a_post_hidden_or_read_before_sending_is_left_out(run, member, other_member, thread):
    member.email_frequency = "immediately"
    member.save()
    hidden = post_create(author=other_member, thread=thread, body="Soon hidden")
    other = make_member("alex_test")
    other.email_frequency = "immediately"
    other.save()
    second = post_create(author=member, thread=thread, body="@alex_test have a look")

    with mock.patch.object(services, "_enqueue_send"):  # recorded, not yet sent
        run(Kind.IMMEDIATE, soon())
    assert Delivery.objects.filter(sent_at__isnull=True).count() == 2
    post_set_status(post=hidden, status=Status.HIDDEN)
    thread_mark_read(user=other, thread=thread, up_to=second.created_at)

    for delivery in Delivery.objects.all():
        assert services.delivery_send(delivery_id=delivery.pk) is False
    assert mail.outbox == []
    assert set(Delivery.objects.values_list("skipped", flat=True)) == {True}


def test_a_moderator_is_not_emailed_of_a_thread_hidden_before_sending(
    run, moderator, other_member, thread
):
    from forums.services import thread_watch_set
    from sharon.notifications.selectors import notifications_for

    moderator.email_frequency = "immediately"
    moderator.save()
    thread_watch_set(user=moderator, thread=thread, watching=True)
    post_create(author=other_member, thread=thread, body="A reply in a thread soon hidden")
    thread.status = Status.HIDDEN
    thread.save(update_fields=["status"])

    assert not notifications_for(moderator).exists()  # the site's list leaves it out
    assert run(Kind.IMMEDIATE, soon()) == []  # and so does the email


def test_private_message_emails_never_include_the_message(run, member):
    member.email_frequency = "immediately"
    member.save()
    notification_create(
        user=member,
        kind=Notification.Kind.MESSAGE,
        title="sam_test sent you a private message",
        body="I have been feeling awful since my diagnosis",
        url="/messages/1/",
        group_key="conversation:1",
    )
    (message,) = run(Kind.IMMEDIATE, soon())
    assert "sam_test sent you a private message" in message.body
    assert "diagnosis" not in message.body and "diagnosis" not in html_of(message)


def test_members_who_asked_for_summaries_or_nothing_get_no_immediate_email(
    run, member, other_member, thread
):
    post_create(author=other_member, thread=thread, body="Hello")  # member: weekly (default)
    assert run(Kind.IMMEDIATE, soon()) == []


# --- Summaries --------------------------------------------------------------------------------
def test_a_daily_summary_tells_of_replies_and_support_once(run, member, other_member, thread):
    member.email_frequency = "daily"
    member.save()
    post_create(author=other_member, thread=thread, body="Thinking of you")
    reaction_toggle(post=thread.posts.first(), user=other_member, kind=Reaction.Kind.SUPPORT)

    morning = timezone.now().astimezone(LONDON).replace(hour=8, minute=0) + dt.timedelta(days=1)
    (message,) = run(Kind.DAILY, morning)
    assert message.subject == "Your daily summary from SHaRON"
    assert "New replies in “Bad days at work”" in message.body
    assert "sam_test sent support to your post" in message.body
    assert run(Kind.DAILY, morning + dt.timedelta(minutes=1)) == [message]  # same day: once
    assert Delivery.objects.get().period_key == morning.date().isoformat()


def test_weekly_summaries_are_once_per_iso_week(run, member, other_member, thread):
    post_create(author=other_member, thread=thread, body="Hello")
    monday = dt.datetime(2026, 12, 7, 8, 0, tzinfo=LONDON)
    Notification.objects.update(created_at=monday - dt.timedelta(days=1))
    (message,) = run(Kind.WEEKLY, monday)
    assert message.subject == "Your weekly summary from SHaRON"
    assert Delivery.objects.get().period_key == "2026-W50"


# --- Check-in reminders -------------------------------------------------------------------
NOW = dt.datetime(2026, 12, 4, 10, 30, tzinfo=LONDON)


def away(username, days, **fields):
    seen = NOW - dt.timedelta(days=days)
    return make_member(
        username, date_joined=seen - dt.timedelta(days=1), last_seen_at=seen, **fields
    )


def test_who_gets_a_check_in_reminder_with_a_frozen_clock(run, category):
    gets = [
        away("away_monthly", 40),
        away("away_fortnightly", 15, reminder_frequency="fortnightly"),
        make_member("never_came_back", date_joined=NOW - dt.timedelta(days=45)),
    ]
    away("active", 2)
    away("away_but_not_a_month", 15)
    away("unsubscribed", 40, reminder_frequency="never")
    away("on_a_break", 40, break_until=NOW + dt.timedelta(days=7))
    away("suspended", 40, is_active=False)
    away("unverified", 40, verified=False)
    reminded = away("reminded_lately", 40)
    Delivery.objects.create(
        user=reminded, kind=Kind.REMINDER, period_key="x", created_at=NOW - dt.timedelta(days=10)
    )

    messages = run(Kind.REMINDER, NOW)
    assert sent_to(messages) == sorted(m.email for m in gets)
    assert {m.subject for m in messages} == {"SHaRON is here whenever you need it"}
    assert run(Kind.REMINDER, NOW + dt.timedelta(days=1)) == messages  # not again tomorrow


def test_a_reminder_tells_of_news_in_the_members_threads_and_new_resources(
    run, member, other_member, thread
):
    Notification.objects.all().delete()
    member.last_seen_at = timezone.now() - dt.timedelta(days=31)
    member.save()
    type(member).objects.filter(pk=member.pk).update(
        date_joined=timezone.now() - dt.timedelta(days=60)
    )
    post_create(author=other_member, thread=thread, body="How are you doing now?")
    resources = ResourceCategory.objects.create(name="Sleep", slug="sleep")
    Resource.objects.create(
        category=resources,
        title="Wind-down routine",
        slug="wind-down",
        summary="A calm hour",
        body="x",
        status=Resource.Status.PUBLISHED,
    )

    (message,) = run(Kind.REMINDER, timezone.now())
    assert "Bad days at work" in message.body and "Wind-down routine" in message.body
    assert "the community is still here" in message.body
    assert "Wind-down routine" in html_of(message)
    assert "/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


# --- Reliability -------------------------------------------------------------------------------
class FlakyBackend(EmailBackend):
    """Fails the first `fail_next` attempts; accepts `budget` messages, then fails."""

    budget = None
    fail_next = 0

    def send_messages(self, messages):
        if FlakyBackend.fail_next:
            FlakyBackend.fail_next -= 1
            raise smtplib.SMTPServerDisconnected("connection lost")
        if FlakyBackend.budget is not None:
            if FlakyBackend.budget <= 0:
                raise smtplib.SMTPServerDisconnected("connection lost")
            FlakyBackend.budget -= 1
        return super().send_messages(messages)


def immediate_members(count, category, author):
    from forums.services import thread_create

    members = [make_member(f"member_{i}", email_frequency="immediately") for i in range(count)]
    for i, someone in enumerate(members):
        thread = thread_create(author=someone, category=category, title=f"Thread {i}", body="x")
        post_create(author=author, thread=thread, body="A reply")
    return members


def test_failing_mid_batch_then_running_again_sends_the_rest_and_no_duplicates(
    run, settings, category, other_member
):
    members = immediate_members(5, category, other_member)
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.budget = 2
    now = soon()
    run(Kind.IMMEDIATE, now)  # the third fails: left unsent for a retry, a re-run or the sweep
    assert len(mail.outbox) == 2
    assert Delivery.objects.filter(sent_at__isnull=True).count() == 3

    FlakyBackend.budget = None  # the SMTP server is back
    run(Kind.IMMEDIATE, now)
    run(Kind.IMMEDIATE, now)
    assert sent_to(mail.outbox) == sorted(m.email for m in members)


def test_an_smtp_failure_schedules_a_retry_and_the_retry_sends_once(run, settings, member):
    member.email_frequency = "immediately"
    member.save()
    notification_create(user=member, kind="moderation", title="Your post is back")
    with mock.patch.object(services, "_enqueue_send"):
        run(Kind.IMMEDIATE, soon())
    delivery = Delivery.objects.get()
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.fail_next = 1

    with pytest.raises(Retry) as retry:  # with a growing, capped backoff (30 s, 60 s, … 1 h)
        email_send.apply(kwargs={"delivery_id": delivery.pk})
    assert isinstance(retry.value.exc, smtplib.SMTPException)
    delivery.refresh_from_db()
    assert delivery.sent_at is None and mail.outbox == []

    assert email_send.apply(kwargs={"delivery_id": delivery.pk}).state == "SUCCESS"
    email_send.apply(kwargs={"delivery_id": delivery.pk})
    (message,) = mail.outbox
    assert message.to == [member.email]


def test_emails_recorded_but_never_sent_are_swept_up_once(
    django_capture_on_commit_callbacks, category, other_member
):
    members = immediate_members(3, category, other_member)
    now = soon()
    # The planning worker dies before any sending task is queued.
    with django_capture_on_commit_callbacks(execute=False):
        deliveries_fan_out(kind=Kind.IMMEDIATE, now=now)
    assert mail.outbox == [] and Delivery.objects.count() == 3

    assert deliveries_resend(now=now) == 0  # too recent: its task may still be on its way
    later = now + dt.timedelta(minutes=11)
    assert deliveries_resend(now=later) == 3
    assert deliveries_resend(now=later) == 0
    assert sent_to(mail.outbox) == sorted(m.email for m in members)


def test_a_redelivered_send_task_does_not_send_twice(run, member):
    member.email_frequency = "immediately"
    member.save()
    notification_create(user=member, kind="moderation", title="Your post is back")
    (message,) = run(Kind.IMMEDIATE, soon())
    delivery = Delivery.objects.get()
    assert services.delivery_send(delivery_id=delivery.pk) is False
    assert mail.outbox == [message]


def test_fan_out_reads_ids_in_batches_and_plans_each_range_once(category, other_member):
    members = immediate_members(5, category, other_member)
    with mock.patch.object(services.plan_batch, "delay") as delay:
        assert deliveries_fan_out(kind=Kind.IMMEDIATE, now=soon(), batch_size=2) == 3
    ranges = [(c.kwargs["first_id"], c.kwargs["last_id"]) for c in delay.call_args_list]
    ids = sorted(m.pk for m in members)
    assert ranges == [(ids[0], ids[1]), (ids[2], ids[3]), (ids[4], ids[4])]


def test_a_member_suspended_before_sending_gets_nothing(run, member):
    member.email_frequency = "immediately"
    member.save()
    notification_create(user=member, kind="moderation", title="Warning")
    with mock.patch.object(services, "_enqueue_send"):
        run(Kind.IMMEDIATE, soon())
    type(member).objects.filter(pk=member.pk).update(is_active=False)
    assert services.delivery_send(delivery_id=Delivery.objects.get().pk) is False
    assert mail.outbox == []


def test_account_emails_survive_the_broker_being_down(db, django_capture_on_commit_callbacks):
    from django.core.mail import EmailMessage

    no_broker = mock.patch.object(services.email_send, "delay", side_effect=OSError("no broker"))
    with no_broker, django_capture_on_commit_callbacks(execute=True):
        email_queue(EmailMessage("SHaRON: confirm", "Link", "a@example.org", ["b@example.org"]))
    assert mail.outbox == []
    delivery = Delivery.objects.get(kind=Kind.EMAIL)
    assert delivery.payload["to"] == ["b@example.org"]

    deliveries_resend(now=timezone.now() + dt.timedelta(minutes=11))
    (message,) = mail.outbox
    assert message.subject == "SHaRON: confirm"
    delivery.refresh_from_db()
    assert delivery.sent_at is not None and delivery.payload == {}  # one-time links not kept


def test_five_minute_batches_stay_distinct_when_the_clocks_go_back():
    first = dt.datetime(2026, 10, 25, 1, 7, tzinfo=LONDON)  # 01:07 BST
    second = first + dt.timedelta(hours=1)  # 01:07 GMT, an hour later
    assert services.period_key(kind=Kind.IMMEDIATE, now=first) != services.period_key(
        kind=Kind.IMMEDIATE, now=second
    )


def test_the_embedded_command_sends_what_is_due(member, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    type(member).objects.filter(pk=member.pk).update(
        date_joined=timezone.now() - dt.timedelta(days=60)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_notification_emails", kind=["reminder"], stdout=io.StringIO())
    (message,) = mail.outbox
    assert message.to == [member.email]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_notification_emails", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_a_post_behind_a_content_warning_is_named_not_quoted(run, member, other_member, category):
    from forums.services import thread_create

    member.email_frequency = "immediately"
    member.save()
    thread = thread_create(
        author=member, category=category, title="Hard week", body="x", content_warning="loss"
    )
    post_create(author=other_member, thread=thread, body="My dad died last spring.")
    (message,) = run(Kind.IMMEDIATE, soon())
    assert "Content warning: Loss and grief" in message.body
    assert "My dad died" not in message.body and "My dad died" not in html_of(message)
