"""dev.py, the newcomer's entry point: every suite runs and is reported, children get its tools."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def dev(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.setenv("PATH", os.environ.get("PATH", ""))  # restored after the test
    monkeypatch.delenv("UV", raising=False)
    monkeypatch.delenv("NPM", raising=False)
    return _load_dev()


def test_dev_test_runs_the_frontend_suites_after_a_pytest_failure_and_reports_each_failure(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[str] = []

    def fake_run(tool: str, *args: str) -> None:
        ran.append(args[0])
        sys.exit(1)  # pytest fails

    def fake_npm_run(*args: str, env: dict[str, str] | None = None) -> None:
        ran.append(" ".join(args))
        if args[:2] == ("run", "size"):
            sys.exit(3)  # and the bundle budget too

    monkeypatch.setattr(dev, "sync", lambda: "uv")
    monkeypatch.setattr(dev, "run", fake_run)
    monkeypatch.setattr(dev, "npm_run", fake_npm_run)
    monkeypatch.setattr(dev, "frontend_deps", lambda: ran.append("npm ci"))
    monkeypatch.setattr(dev, "frontend_build", lambda force=False: ran.append("build"))
    monkeypatch.setattr(dev, "e2e", lambda *a: ran.append("e2e"))

    with pytest.raises(SystemExit) as exited:
        dev.main(["test"])

    assert exited.value.code not in (0, None)
    assert ran == [
        "pytest",
        "npm ci",
        "run gen:api -- --check",
        "run test",
        "build",
        "run size",
        "e2e",
    ]
    report = capsys.readouterr().out.splitlines()[-1]
    assert report == "Suites en echec : pytest, budget du bundle"


def test_dev_test_exits_zero_when_every_suite_passes(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dev, "sync", lambda: "uv")
    monkeypatch.setattr(dev, "run", lambda tool, *args: None)
    monkeypatch.setattr(dev, "npm_run", lambda *args, env=None: None)
    monkeypatch.setattr(dev, "frontend_deps", lambda: None)
    monkeypatch.setattr(dev, "frontend_build", lambda force=False: None)
    monkeypatch.setattr(dev, "e2e", lambda *a: None)
    dev.main(["test"])  # no SystemExit


def test_the_uv_dev_py_installs_is_passed_down_to_children(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    tools = tmp_path / ".tools"
    uv = dev._bin(tools, "uv")
    uv.parent.mkdir(parents=True)
    uv.write_text("")
    monkeypatch.setattr(dev, "TOOLS", tools)
    monkeypatch.setattr(dev.shutil, "which", lambda name: None)  # no uv on the user's PATH

    assert dev.uv() == str(uv)
    assert os.environ["UV"] == str(uv)
    assert os.environ["PATH"].split(os.pathsep)[0] == str(uv.parent)


def test_frontend_scripts_spawn_the_uv_dev_py_resolved_not_uv_by_name() -> None:
    sources = [
        *(ROOT / "frontend" / "e2e").glob("*.ts"),
        *(ROOT / "frontend" / "scripts").glob("*.mjs"),
        ROOT / "frontend" / "playwright.config.ts",
    ]
    spawning_uv_by_name = [
        str(path.relative_to(ROOT))
        for path in sources
        if re.search(r"""spawn(Sync)?\(\s*['"]uv['"]""", path.read_text(encoding="utf-8"))
    ]
    assert spawning_uv_by_name == []
