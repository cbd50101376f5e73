import smtplib

from celery import shared_task


@shared_task(
    name="notifications.email_send",
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=60 * 60,
    max_retries=10,
)
def email_send(
    *,
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    html: str | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    from .services import email_build

    email_build(
        subject=subject, body=body, from_email=from_email, to=to, html=html, headers=headers or {}
    ).send()
