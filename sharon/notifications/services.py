import logging

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from sharon.accounts.models import User

from .models import Notification
from .tasks import email_send

logger = logging.getLogger(__name__)


def email_queue(message: EmailMessage) -> None:
    """Send `message` from a Celery worker once the current transaction commits. If the
    broker cannot be reached the page still answers; the failure is logged."""
    alternatives = getattr(message, "alternatives", [])
    kwargs = {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "html": next(
            (content for content, mimetype in alternatives if mimetype == "text/html"), None
        ),
        "headers": dict(message.extra_headers),
    }

    def enqueue():
        try:
            email_send.delay(**kwargs)
        except Exception:  # noqa: BLE001 - broker down: report it, never fail the request
            logger.error("Could not queue an email to %s", kwargs["to"], exc_info=True)

    transaction.on_commit(enqueue)


def email_build(
    *,
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    html: str | None,
    headers: dict[str, str],
) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers)
    if html:
        message.attach_alternative(html, "text/html")
    return message


def notification_create(
    *, user: User, kind: str, title: str, body: str = "", url: str = "", group_key: str = ""
) -> Notification:
    """A new notification, or, when `group_key` names an unread one, that one brought up to
    date and to the top of the list."""
    fields = {"kind": kind, "title": title[:200], "body": body, "url": url}
    if group_key:
        current = Notification.objects.filter(
            user=user, group_key=group_key, read_at__isnull=True
        ).first()
        if current is not None:
            for name, value in {**fields, "created_at": timezone.now()}.items():
                setattr(current, name, value)
            current.save(update_fields=[*fields, "created_at"])
            return current
    return Notification.objects.create(user=user, group_key=group_key, **fields)


def notifications_mark_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
