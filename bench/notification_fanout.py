"""Check-in reminders for 100,000 members: fan-out, planning and sending, timed, with the
peak Python memory of each step (N-5: "without loading them all into memory").

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sharon_bench \\
        .venv/bin/python -m bench.notification_fanout --members 100000

Recreates the database DATABASE_URL names (its name must contain "bench", as for
bench.explain_forums, whose set-up it uses), adds the members, all away for 40 days, and
runs the reminder pipeline in this process with the queueing of tasks recorded instead.
"""

# ruff: noqa: E402 - Django must be set up before the models are imported.
import argparse
import datetime as dt
import os
import time
import tracemalloc
from unittest import mock

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sharon.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production")
os.environ.setdefault("HTTPS", "0")
os.environ.setdefault("STATIC_MANIFEST", "0")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sharon_bench")

import django

django.setup()

from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from bench.explain_forums import prepare_database
from sharon.accounts.models import User
from sharon.notifications import services
from sharon.notifications.models import Delivery

Kind = Delivery.Kind


def add_members(count: int, now: dt.datetime) -> None:
    away = now - dt.timedelta(days=40)
    for start in range(0, count, 10_000):
        users = User.objects.bulk_create(
            User(
                username=f"member{n}",
                username_key=f"member{n}",
                email=f"member{n}@example.org",
                password="!",
                date_joined=away,
                last_seen_at=away,
            )
            for n in range(start, min(start + 10_000, count))
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
        )


def measured(label: str, work):
    tracemalloc.start()
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label}: {seconds:.1f} s, peak Python memory {peak / 2**20:.1f} MiB", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--send", type=int, default=1_000, help="emails to render and send")
    args = parser.parse_args(argv)
    prepare_database(reuse=False, threads=1, posts=1, members=2, categories=1)
    now = timezone.now()
    measured(f"Adding {args.members:,} members", lambda: add_members(args.members, now))

    planned = mock.patch.object(services.plan_batch, "delay")
    with planned as delay:
        batches = measured(
            "Fan-out (ids only)", lambda: services.deliveries_fan_out(kind=Kind.REMINDER, now=now)
        )
    ranges = [call.kwargs for call in delay.call_args_list]
    print(f"  {batches} batches of up to {services.BATCH_SIZE:,} ids")

    with mock.patch.object(services, "_enqueue_send"):
        measured(
            "Planning one batch", lambda: services.deliveries_plan(**{**ranges[0], "now": now})
        )
        started = time.perf_counter()
        for batch in ranges[1:]:
            services.deliveries_plan(**{**batch, "now": now})
        print(
            f"Planning the other {len(ranges) - 1} batches: {time.perf_counter() - started:.1f} s"
        )
    print(f"  {Delivery.objects.filter(kind=Kind.REMINDER).count():,} reminders recorded")

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ids = list(Delivery.objects.order_by("pk").values_list("pk", flat=True)[: args.send])
    started = time.perf_counter()
    sent = sum(services.delivery_send(delivery_id=delivery_id) for delivery_id in ids)
    seconds = time.perf_counter() - started
    print(
        f"Rendering and sending {sent:,} (to memory, not SMTP): {seconds:.1f} s, "
        f"{sent / seconds:.0f} a second"
    )

    Delivery.objects.filter(sent_at__isnull=True).update(sent_at=now)  # as the workers would
    with mock.patch.object(services.plan_batch, "delay"):
        again = services.deliveries_fan_out(kind=Kind.REMINDER, now=now + dt.timedelta(days=1))
    print(f"Fan-out the next day: {again} batches (nobody is reminded twice)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
