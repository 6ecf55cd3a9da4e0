"""What the deployment files declare (issue 11, item 5). No Docker engine runs where the tests
run, so the image is not built here; these tests read the Dockerfile, compose.yaml and the lock
file for the promises the README makes about them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    """A requirement's normalised project name: 'SQLAlchemy[asyncio]>=2.1' -> 'sqlalchemy'."""
    name = re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_lock_pins_every_dependency_with_hashes() -> None:
    lock = (ROOT / "requirements.lock").read_text()
    pinned = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\$", lock, flags=re.M))
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert {_name(d) for d in declared} <= set(pinned), "regenerate requirements.lock"
    blocks = re.split(r"^(?=[a-z0-9])", lock, flags=re.M)
    for block in blocks:
        if "==" in block.split("\n", 1)[0]:
            assert "--hash=sha256:" in block, block.split("\n", 1)[0]
    assert "file://" not in lock and "--find-links" not in lock  # nothing of this machine's


def test_the_build_tools_are_locked_with_hashes_too() -> None:
    """`pip install .` in the image builds the project with setuptools and wheel: from their
    own lock, so no build fetches an unpinned, unchecked version (--no-build-isolation)."""
    lock = (ROOT / "requirements-build.lock").read_text()
    pinned = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\$", lock, flags=re.M))
    needed = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    assert {_name(d) for d in needed} <= set(pinned), "regenerate requirements-build.lock"
    for block in re.split(r"^(?=[a-z0-9])", lock, flags=re.M):
        if "==" in block.split("\n", 1)[0]:
            assert "--hash=sha256:" in block, block.split("\n", 1)[0]
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines()]
    tools = lines.index("RUN pip install --require-hashes --no-deps -r requirements-build.lock")
    build = next(i for i, x in enumerate(lines) if x.startswith("RUN pip install --no-deps "))
    assert tools < build and "--no-build-isolation" in lines[build]


def test_the_image_installs_from_the_lock_runs_as_a_number_and_checks_its_health() -> None:
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines()]
    assert "RUN pip install --require-hashes --no-deps -r requirements.lock" in lines
    [user] = [line for line in lines if line.startswith("USER ")]
    assert re.fullmatch(r"USER \d+:\d+", user) and not user.startswith("USER 0")
    health = " ".join(lines[lines.index(next(x for x in lines if x.startswith("HEALTHCHECK"))) :])
    assert '"recovery-bot", "health"' in health
    assert lines[-1] == 'CMD ["recovery-bot", "run"]'


def test_compose_runs_the_bot_beside_a_checked_postgresql() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    db, bot = compose["services"]["db"], compose["services"]["bot"]
    assert db["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert any(v.endswith(":/var/lib/postgresql/data") for v in db["volumes"])
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    assert bot["environment"]["DATABASE_URL"].startswith("postgresql://recovery:")
    for service in (db, bot):
        assert service["restart"] == "unless-stopped"
        rotation = service["logging"]["options"]
        assert rotation["max-size"] and rotation["max-file"]
    # The web view: a second service on the same database, published on loopback only (a TLS
    # reverse proxy is what staff reach), with a health check of its own.
    web = compose["services"]["web"]
    assert web["command"][:2] == ["recovery-bot", "web"]
    assert web["environment"]["DATABASE_URL"] == bot["environment"]["DATABASE_URL"]
    assert web["ports"] == ["127.0.0.1:8080:8080"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert "/signed-out" in " ".join(web["healthcheck"]["test"])
    assert web["restart"] == "unless-stopped" and web["logging"]["options"]["max-size"]
    # No password, no start: compose refuses rather than run PostgreSQL without one.
    assert "${POSTGRES_PASSWORD:?" in (ROOT / "compose.yaml").read_text()
