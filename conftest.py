"""The suite's shared cast and real services.

Tests run against the PostgreSQL and Redis named by DATABASE_URL and REDIS_URL (`make test`
points them at the local servers). Tasks run in-process by default; a test that needs the
real thing takes the `celery_worker` fixture: a Celery worker process consuming from Redis,
sending email over SMTP to `smtp_server`.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client

from sharon.celery import app as celery_app

BASE_DIR = Path(__file__).resolve().parent


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def pytest_sessionstart(session):
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql" or not settings.REDIS_URL:
        pytest.exit(
            "The tests run on PostgreSQL and Redis: run `make test`, or set DATABASE_URL and "
            "REDIS_URL (e.g. postgres://postgres@127.0.0.1:5432/sharon, redis://127.0.0.1:6379/14).",
            returncode=2,
        )
    redis = urlsplit(settings.REDIS_URL)
    for name, host, port in (
        ("PostgreSQL", db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)),
        ("Redis", redis.hostname, redis.port or 6379),
    ):
        if not _reachable(host, port):
            pytest.exit(
                f"{name} is not reachable at {host}:{port}. Start it (e.g. `docker compose up -d db redis`, "
                "or see the README's 'Running the tests'), then run `make test` again.",
                returncode=2,
            )
    # Tasks run in-process unless a test asks for the real worker.
    celery_app.conf.task_always_eager = True


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits and cached site settings live in the cache: no test inherits another's.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _posting_unrestricted(request):
    """The cast posts freely: pre-moderation and posting-rate limits are off unless a test
    turns them on (the moderation tests do, through `site_settings`)."""
    names = request.fixturenames
    if "transactional_db" in names or "live_server" in names:
        request.getfixturevalue("transactional_db")
    elif "db" in names or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
    else:
        return
    from sharon.core.models import SiteSettings

    site = SiteSettings.load()
    site.premoderation_post_count = 0
    site.new_member_posts_per_10_minutes = 0
    site.member_posts_per_10_minutes = 0
    site.save()


@pytest.fixture
def site_settings(db):
    """The site settings row, with the production defaults restored, for tests to adjust."""
    from sharon.core.models import SiteSettings

    SiteSettings.objects.all().delete()
    site = SiteSettings()
    site.save()
    return site


def wait_until(condition, timeout: float = 20.0):
    """Poll `condition` until it returns something true (another process is at work)."""
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout}s")
        time.sleep(0.1)
    return result


# --- The cast --------------------------------------------------------------------------
PASSWORD = "a-long-test-password-1"


def make_member(username: str, *, verified: bool = True, **fields):
    from sharon.accounts.models import User

    user = User.objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **fields
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    return user


@pytest.fixture
def member(db):
    return make_member("robin_test")


@pytest.fixture
def other_member(db):
    return make_member("sam_test")


@pytest.fixture
def category(db):
    """A forum category (the forums and resources tests have their own)."""
    from forums.models import Category

    return Category.objects.create(name="Low mood", slug="low-mood", description="x")


# The authenticator app that the cast's moderators and admins set up.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def two_step(user):
    """Give a moderator or admin the two-step sign-in they must have."""
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, TOTP_SECRET)
    return user


def totp_code(secret: str = TOTP_SECRET, at: float | None = None) -> str:
    """What the authenticator app shows now (or at `at`)."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(at or time.time()) // 30))


@pytest.fixture
def moderator(db):
    from sharon.accounts.services import moderators_group_ensure

    user = make_member("kim_test")
    user.groups.add(moderators_group_ensure())
    return two_step(user)


@pytest.fixture
def admin_user(db):
    return two_step(make_member("ada_test", is_staff=True, is_superuser=True))


@pytest.fixture
def client_for(db):
    def make(user) -> Client:
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return make


# --- Real email over SMTP ----------------------------------------------------------------
class Inbox:
    """What a local SMTP server received."""

    def __init__(self):
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=default_policy))
        return "250 Message accepted"

    def wait_for(self, count: int = 1, timeout: float = 20) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"expected {count} email(s) within {timeout}s, got {len(self.messages)}"
                )
            time.sleep(0.05)
        return self.messages


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def _smtp_controller():
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture
def smtp_server(_smtp_controller, settings):
    """A real SMTP server on localhost; this process's email goes there too."""
    _smtp_controller.handler.messages.clear()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _smtp_controller.port
    return _smtp_controller.handler


# --- A real Celery worker ------------------------------------------------------------------
@pytest.fixture(scope="session")
def test_database_url(django_db_setup) -> str:
    """DATABASE_URL for another process to use the test database this session created."""
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def _worker_process(test_database_url, _smtp_controller, tmp_path_factory, transactional_db):
    # One worker per test: between transactional tests the database is flushed and its
    # content types get new ids, which a long-lived worker would still have cached.
    env = {
        **os.environ,
        "DATABASE_URL": test_database_url,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(_smtp_controller.port),
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }
    celery_app.control.purge()
    log_path = tmp_path_factory.mktemp("celery") / "worker.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "sharon",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-n",
                f"test-{uuid.uuid4().hex[:8]}@%h",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while "ready." not in log_path.read_text():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the Celery worker did not start:\n{log_path.read_text()}")
        time.sleep(0.2)
    proc.log_path = log_path
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture
def celery_worker(_worker_process, smtp_server):
    """Tasks go through Redis to a real worker process for this test (data must be committed)."""
    celery_app.conf.task_always_eager = False
    yield _worker_process
    celery_app.conf.task_always_eager = True
