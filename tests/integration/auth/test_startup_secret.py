"""Outside dev, neither the app factory nor the CLI's serve/worker start without a real key."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from coulisses.settings import InsecureSecretKeyError, Settings


def test_production_app_factory_without_a_key_refuses_to_start(monkeypatch, tmp_path):
    from coulisses.web import app as web_app

    prod = Settings(  # type: ignore[call-arg]
        _env_file=None, COULISSES_ENV="prod", COULISSES_SECRET_KEY="", COULISSES_DATA_DIR=tmp_path
    )
    monkeypatch.setattr(web_app, "get_settings", lambda: prod)
    with pytest.raises(InsecureSecretKeyError, match="COULISSES_SECRET_KEY"):
        web_app.create_app()


@pytest.mark.parametrize("command", ["serve", "worker", "demo"])
@pytest.mark.parametrize(
    "key",
    [None, "dev-insecure-secret-change-me-in-production-please", "x" * 40],
    ids=["unset", "old-default", "low-entropy"],
)
def test_production_cli_without_a_usable_key_exits_non_zero_with_a_clear_message(
    tmp_path, command, key
):
    env = {k: v for k, v in os.environ.items() if not k.startswith("COULISSES_")}
    env.update({"COULISSES_ENV": "prod", "COULISSES_DATA_DIR": str(tmp_path)})
    if key is not None:
        env["COULISSES_SECRET_KEY"] = key
    result = subprocess.run(
        [sys.executable, "-m", "coulisses.cli", command],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "COULISSES_SECRET_KEY is not a usable secret key" in result.stderr
    assert "token_urlsafe" in result.stderr
    assert not (tmp_path / "secret_key").exists()
