"""Thin tasks: ids and times in, a service does the work. All are safe to run twice
(acks_late redelivers a task whose worker died)."""

import datetime as dt
import smtplib

from celery import shared_task
from django.utils import timezone


@shared_task(
    name="notifications.email_send",
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=60 * 60,
    max_retries=10,
)
def email_send(*, delivery_id: int) -> None:
    from .services import delivery_send

    delivery_send(delivery_id=delivery_id)


@shared_task(name="notifications.plan_batch")
def plan_batch(*, kind: str, period_key: str, first_id: int, last_id: int, now: str) -> None:
    from .services import deliveries_plan

    deliveries_plan(
        kind=kind,
        period_key=period_key,
        first_id=first_id,
        last_id=last_id,
        now=dt.datetime.fromisoformat(now),
    )


@shared_task(name="notifications.fan_out")
def fan_out(*, kind: str) -> None:
    """What beat runs: plan this period's emails of `kind` in batches."""
    from .services import deliveries_fan_out

    deliveries_fan_out(kind=kind, now=timezone.now())


@shared_task(name="notifications.resend_unsent")
def resend_unsent() -> None:
    from .services import deliveries_resend

    deliveries_resend(now=timezone.now())
