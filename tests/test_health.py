"""/healthz tells a load balancer whether the database, cache and broker answer (S-4)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
DEAD = "127.0.0.1:9"  # the discard port: nothing listens there


def test_health_is_ok_when_every_service_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "ok"},
    }


def healthz_in_a_process_with(env: dict[str, str]) -> tuple[int, dict]:
    script = (
        "import django, json; django.setup();"
        "from django.test import RequestFactory; from sharon.health import healthz;"
        "r = healthz(RequestFactory().get('/healthz')); print(r.status_code); print(r.content.decode())"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "sharon.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-2:]
    return int(status), json.loads(body)


@pytest.mark.parametrize(
    ("down", "env"),
    [
        ("database", {"DATABASE_URL": f"postgres://postgres@{DEAD}/sharon"}),
        (
            "cache",
            {
                "REDIS_URL": f"redis://{DEAD}/0",
                "CELERY_BROKER_URL": os.environ.get("REDIS_URL", ""),
            },
        ),
        ("broker", {"CELERY_BROKER_URL": f"redis://{DEAD}/0"}),
    ],
)
def test_health_is_503_and_names_the_service_that_is_down(down, env, test_database_url):
    status, body = healthz_in_a_process_with({"DATABASE_URL": test_database_url, **env})
    assert status == 503
    assert body["status"] == "down"
    assert body["checks"][down].startswith("down")
    assert all(value.startswith("ok") for name, value in body["checks"].items() if name != down)
