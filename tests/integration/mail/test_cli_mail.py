"""`coulisses serve` / `serve --worker` / `worker` without SMTP settings: the local sink in
dev, a clear refusal to start elsewhere."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from coulisses import cli
from coulisses.mail.smtp import send_email
from coulisses.settings import get_settings
from tests.conftest import RUN_ID, _free_port

COMMANDS = [["serve"], ["serve", "--worker"], ["worker"]]


@pytest.fixture
def no_smtp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[pytest.MonkeyPatch]:
    """Settings without SMTP_HOST (the commands under test re-read them); restored after."""
    monkeypatch.delenv("SMTP_HOST", raising=False)
    monkeypatch.setenv("SMTP_PORT", str(_free_port()))
    monkeypatch.setenv("COULISSES_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(cli, "database", _no_database)
    get_settings.cache_clear()
    try:
        yield monkeypatch
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


@contextlib.contextmanager
def _no_database() -> Iterator[None]:
    yield


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_outside_dev_without_smtp_the_command_refuses_to_start(
    no_smtp: pytest.MonkeyPatch, command: list[str]
) -> None:
    no_smtp.setenv("COULISSES_ENV", "prod")
    get_settings.cache_clear()
    no_smtp.setattr(cli, "run", lambda factory: pytest.fail("started without SMTP"))

    result = CliRunner().invoke(cli.main, command)

    assert result.exit_code != 0
    assert "SMTP_HOST" in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_in_dev_without_smtp_the_command_runs_the_local_sink(
    no_smtp: pytest.MonkeyPatch,
    command: list[str],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    no_smtp.setenv("COULISSES_ENV", "dev")
    get_settings.cache_clear()
    link = "http://127.0.0.1:8000/reset-password?token=abc"

    def send_one(factory: object) -> None:  # stands for the server / worker
        # A private loop: asyncio.run would unset the test session's current loop.
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(
                send_email("crew@example.org", "Bienvenue", f"Votre lien : {link}\n")
            )
        finally:
            loop.close()

    no_smtp.setattr(cli, "run", send_one)
    caplog.set_level(logging.INFO, logger="coulisses.mail")

    result = CliRunner().invoke(cli.main, command)

    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "mail").glob("*.eml"))) == 1
    assert any(link in r.getMessage() for r in caplog.records if r.name == "coulisses.mail")


def test_with_smtp_configured_no_sink_is_started(no_smtp: pytest.MonkeyPatch) -> None:
    no_smtp.setenv("COULISSES_ENV", "prod")
    no_smtp.setenv("SMTP_HOST", "smtp.example.org")
    get_settings.cache_clear()
    ran: list[str] = []
    no_smtp.setattr(cli, "run", lambda factory: ran.append(get_settings().smtp_host))

    result = CliRunner().invoke(cli.main, ["serve"])

    assert result.exit_code == 0, result.output
    assert ran == ["smtp.example.org"]


def test_dev_serve_with_worker_delivers_a_reset_link_to_the_sink_its_log_and_the_outbox(
    tmp_path: Path, database: str
) -> None:
    """The real command in a subprocess, as a developer runs it."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMTP_", "COULISSES_"))} | {
        "COULISSES_ENV": "dev",
        "COULISSES_DATA_DIR": str(tmp_path),
        "COULISSES_QUEUE_NAME": f"coulisses-test-serve-{RUN_ID}",
        "COULISSES_SECRET_KEY": "serve-test-secret-key-of-at-least-32-bytes-" + RUN_ID,
        "COULISSES_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "SMTP_PORT": str(_free_port()),
        "DATABASE_URL": database,
    }
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "coulisses.cli", "serve", "--worker", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as http:
            _until(lambda: _healthy(http), "the server answers /healthz", server, log)
            email = f"serve-{RUN_ID}@example.org"
            password = "Sc3ne-Ouverte!"
            signup = http.post(
                "/api/v1/auth/signup",
                json={"email": email, "password": password, "org_name": "Serve"},
            )
            assert signup.status_code == 201, signup.text
            http.cookies.clear()
            assert http.post("/api/v1/auth/password-reset", json={"email": email}).is_success

            _until(lambda: list((tmp_path / "mail").glob("*.eml")), "an .eml file", server, log)
            pattern = re.compile(rf"mail to {re.escape(email)}: .*{base}/reset-password\?token=")
            _until(
                lambda: pattern.search(log.read_text(errors="replace")),
                "the link in the log",
                server,
                log,
            )
            login = http.post("/api/v1/auth/login", json={"email": email, "password": password})
            assert login.status_code == 200, login.text
            token = http.cookies.get("cc_access")
            outbox = http.get("/api/v1/dev/outbox", headers={"Authorization": f"Bearer {token}"})
            assert outbox.status_code == 200, outbox.text
            [message] = outbox.json()["items"]
            assert message["to"] == email
            assert message["links"][0].startswith(f"{base}/reset-password?token=")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _healthy(http: httpx.Client) -> bool:
    try:
        return http.get("/healthz").status_code == 200
    except httpx.TransportError:
        return False


def _until(condition, what: str, server: subprocess.Popen[bytes], log: Path) -> None:  # type: ignore[no-untyped-def]
    """Wait for ``condition`` (generous bound: the machine may be loaded)."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if condition():
            return
        if server.poll() is not None:
            pytest.fail(f"server exited ({server.returncode}) before {what}:\n{log.read_text()}")
        time.sleep(0.2)
    pytest.fail(f"no {what} within 180 s:\n{log.read_text()}")
