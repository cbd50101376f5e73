"""The demo content command (issue 2, item 6) and the embedded setup `make run` uses."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from conftest import make_member

BASE_DIR = Path(__file__).resolve().parent.parent
SIGN_INS = [
    ("robin", "sharon-demo-member"),
    ("kim", "sharon-demo-moderator"),
    ("admin", "sharon-demo-admin"),
]


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.django_db
def test_demo_content_fills_an_empty_database_and_a_second_run_adds_nothing(capsys):
    call_command("seed_demo", "--not-production")
    first = row_counts()
    assert first["forums.Thread"] >= 10 and first["forums.Post"] >= 30
    assert first["forums.Category"] >= 6 and first["resources.Resource"] >= 4
    out = capsys.readouterr().out
    for username, password in SIGN_INS:
        assert f"{username} / {password}" in out

    call_command("seed_demo", "--not-production")
    assert row_counts() == first
    assert "nothing new created" in capsys.readouterr().out


@pytest.mark.django_db
def test_demo_sign_ins_work_with_their_roles(client):
    call_command("seed_demo", "--not-production", "--quiet")
    for username, password in SIGN_INS:
        response = client.post("/accounts/login/", {"login": username, "password": password})
        assert response["Location"] == "/forums/", username
        user = response.wsgi_request.user
        assert user.is_moderator == (username in ("kim", "admin"))
        assert user.is_staff == (username == "admin")
        client.logout()
    assert client.get("/admin/").status_code == 302  # signed out again


@pytest.mark.django_db
def test_demo_command_refuses_to_run_on_a_live_site_by_accident():
    with pytest.raises(CommandError, match="published passwords"):
        call_command("seed_demo")


@pytest.mark.django_db
def test_demo_content_shows_reactions_a_content_warning_and_an_edited_post():
    from forums.models import Post, Reaction

    call_command("seed_demo", "--not-production", "--quiet")
    assert Reaction.objects.values("kind").distinct().count() == 3
    assert Post.objects.filter(content_warning="loss").exists()
    edited = Post.objects.get(edited_at__isnull=False)
    assert edited.revisions.count() == 1 and "offered me the job" in edited.body


@pytest.mark.django_db
def test_demo_forums_read_like_a_community(client):
    call_command("seed_demo", "--not-production", "--quiet")
    client.force_login(make_member("visitor_check"))
    page = client.get("/forums/").content.decode()
    for name in (
        "Introduce yourself",
        "Anxiety",
        "Low mood",
        "Sleep",
        "CBT skills practice",
        "Wins and progress",
    ):
        assert name in page


def test_embedded_setup_runs_on_sqlite_with_tasks_in_process_and_emails_in_files(tmp_path):
    """What `make run` does on a fresh machine: no PostgreSQL, no Redis, no SMTP."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "EMAIL_HOST", "CELERY_BROKER_URL"}
    }
    env.update({"DEBUG": "1", "SHARON_VAR_DIR": str(tmp_path)})

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    manage("migrate", "--no-input", "-v0")
    assert "robin / sharon-demo-member" in manage("seed_demo")
    script = (
        "from django.test import Client; c = Client(HTTP_HOST='localhost');"
        "assert c.get('/').status_code == 200;"
        "r = c.post('/accounts/signup/', {'email': 'e@example.org', 'username': 'embedded_em',"
        " 'password1': 'steady-breathing-2026', 'password2': 'steady-breathing-2026', 'accept_guidelines': 'on'});"
        "assert r.status_code == 302, r.status_code;"
        "c.login(username='robin', password='sharon-demo-member');"
        "assert 'Introduce yourself' in c.get('/forums/').content.decode();"
        "assert '<mark>' not in (page := c.get('/forums/search/?q=interview').content.decode()) and 'posts found' in page"
    )
    manage("shell", "-c", script)
    assert (tmp_path / "sharon.sqlite3").exists()
    # The sign-up's verification email is there as a file (moderator alerts may be too).
    mails = [m.read_text() for m in (tmp_path / "mail").iterdir()]
    (verification,) = [m for m in mails if "To: e@example.org" in m]
    assert "/accounts/confirm-email/" in verification


@pytest.mark.django_db
def test_demo_member_signs_in_to_an_unread_welcome_from_a_moderator(client):
    call_command("seed_demo", "--not-production", "--quiet")
    client.post("/accounts/login/", {"login": "robin", "password": "sharon-demo-member"})
    page = client.get("/messages/").content.decode()
    assert "kim" in page and "1 new message" in page
