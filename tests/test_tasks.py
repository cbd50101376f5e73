"""Celery: configured for reliable delivery, and a real worker sends the verification email."""

import re

from django.conf import settings

from sharon.accounts.models import User
from sharon.celery import app


def test_celery_is_configured_for_at_least_once_delivery_with_json():
    conf = app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_serializer == "json" and conf.accept_content == ["json"]
    assert conf.broker_transport_options["visibility_timeout"] >= 3600
    assert conf.broker_url == settings.REDIS_URL


def test_every_beat_entry_names_a_registered_task():
    app.loader.import_default_modules()
    assert app.conf.beat_schedule
    for entry in app.conf.beat_schedule.values():
        assert entry["task"] in app.tasks


def test_a_real_worker_sends_the_verification_email_over_smtp(client, celery_worker, smtp_server):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "first.timer@example.org",
            "username": "first_timer",
            "password1": "steady-breathing-2026",
            "password2": "steady-breathing-2026",
            "accept_guidelines": "on",
        },
    )
    assert response.status_code == 302
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == "first.timer@example.org"
    assert message["Subject"].startswith("SHaRON: ")
    body = message.get_body(("plain",)).get_content()
    assert re.search(r"/accounts/confirm-email/[^\s]+/", body)
    assert "notifications.email_send" in celery_worker.log_path.read_text()
    assert User.objects.filter(username="first_timer").exists()
