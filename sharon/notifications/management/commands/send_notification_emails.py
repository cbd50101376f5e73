"""`manage.py send_notification_emails`: do now what beat does on its schedule.

For the embedded setup (`make run`), where no beat runs: the emails are written to
var/mail/ for a developer to read. Safe to run any number of times; each email goes once
per member per period."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from sharon.notifications.models import Delivery
from sharon.notifications.services import deliveries_fan_out, deliveries_resend

KINDS = [Delivery.Kind.IMMEDIATE, Delivery.Kind.DAILY, Delivery.Kind.WEEKLY, Delivery.Kind.REMINDER]


class Command(BaseCommand):
    help = "Plan and send the notification emails, summaries and reminders that are due now."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind", choices=KINDS, action="append", help="Only this kind (repeatable)."
        )

    def handle(self, *args, kind=None, **options):
        now = timezone.now()
        for each in kind or KINDS:
            deliveries_fan_out(kind=each, now=now)
        deliveries_resend(now=now)
        sent = Delivery.objects.filter(sent_at__gte=now, skipped=False).count()
        self.stdout.write(f"{sent} email(s) sent.")
