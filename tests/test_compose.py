"""docker-compose.yml validates and runs the whole stack (issue 2, item 8)."""

import shutil
import subprocess
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent


def compose_command() -> list[str] | None:
    if (
        shutil.which("docker")
        and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0
    ):
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


@pytest.mark.skipif(compose_command() is None, reason="no docker compose client on this machine")
def test_compose_file_is_valid_and_has_the_whole_stack():
    cmd = compose_command()
    result = subprocess.run(
        [*cmd, "config"], cwd=BASE_DIR, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    services = subprocess.run(
        [*cmd, "config", "--services"], cwd=BASE_DIR, capture_output=True, text=True, timeout=60
    ).stdout.split()
    assert set(services) == {"web", "worker", "beat", "db", "redis", "mail"}
    assert "gunicorn sharon.wsgi" in result.stdout
    assert "celery -A sharon worker" in result.stdout
    assert "celery -A sharon beat" in result.stdout
