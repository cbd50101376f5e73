"""Settings come from the environment and fail loudly on values they cannot use."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from sharon.envconf import env_bool, env_int, parse_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "k8Jw2-production-like-secret-key-with-plenty-of-entropy-x7Qz91mN4vB",
    "ALLOWED_HOSTS": "sharon.example.org",
    "DATABASE_URL": "postgres://sharon:secret@db.internal:5432/sharon",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "EMAIL_HOST": "smtp.internal",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    unwanted = {
        *PRODUCTION_ENV,
        "HTTPS",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }  # the last set by browser tests
    clean = {k: v for k, v in os.environ.items() if k not in unwanted}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG='maybe' is not a boolean"),
        ("EMAIL_PORT", "twenty-five", "EMAIL_PORT='twenty-five' is not a whole number"),
        ("DATABASE_URL", "mysql://db/sharon", "scheme 'mysql' is not supported"),
        ("REDIS_URL", "localhost:6379", "is not a redis:// URL"),
        ("SECRET_KEY", "", "SECRET_KEY must be set when DEBUG is off"),
    ],
)
def test_bad_settings_stop_the_process_with_the_variable_named(variable, value, message):
    result = run_manage("check", env={**PRODUCTION_ENV, variable: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_env_readers_accept_the_usual_spellings(monkeypatch):
    monkeypatch.setenv("FLAG", "Yes")
    monkeypatch.setenv("COUNT", " 12 ")
    assert env_bool("FLAG", False) is True
    assert env_int("COUNT", 0) == 12
    monkeypatch.setenv("FLAG", "no")
    assert env_bool("FLAG", True) is False


def test_database_urls_are_parsed_into_django_settings(tmp_path):
    pg = parse_database_url(
        "postgres://me:p%40ss@db:6543/sharon?sslmode=require", base_dir=tmp_path
    )
    assert (pg["NAME"], pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"]) == (
        "sharon",
        "me",
        "p@ss",
        "db",
        "6543",
    )
    assert pg["OPTIONS"] == {"sslmode": "require"}
    assert parse_database_url("sqlite:///var/x.sqlite3", base_dir=tmp_path)["NAME"] == str(
        tmp_path / "var/x.sqlite3"
    )
    assert (
        parse_database_url("sqlite:////srv/x.sqlite3", base_dir=tmp_path)["NAME"]
        == "/srv/x.sqlite3"
    )
    with pytest.raises(ImproperlyConfigured, match="names no database"):
        parse_database_url("postgres://db:5432/", base_dir=tmp_path)
