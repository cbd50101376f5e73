from django.core.mail import EmailMessage, EmailMultiAlternatives

from .tasks import email_send


def email_queue(message: EmailMessage) -> None:
    """Send `message` from a Celery worker once the current transaction commits."""
    alternatives = getattr(message, "alternatives", [])
    email_send.delay_on_commit(
        subject=message.subject,
        body=message.body,
        from_email=message.from_email,
        to=list(message.to),
        html=next((content for content, mimetype in alternatives if mimetype == "text/html"), None),
        headers=dict(message.extra_headers),
    )


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
