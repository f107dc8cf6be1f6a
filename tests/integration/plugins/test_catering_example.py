"""The catering example (``sdk/examples/catering``) is a plugin distribution outside the
workspace: its wheel ships its page module, the core accepts it, and its own tests pass
against the installed wheel (not its sources)."""

from __future__ import annotations

import asyncio
import shutil
import sys
import zipfile

from tests.integration.plugins.test_scaffold import ROOT, _run, _uv

CATERING = ROOT / "sdk" / "examples" / "catering"


async def test_catering_installs_from_its_wheel_with_its_page_and_its_tests_pass(tmp_path):
    for source in (CATERING / "src").rglob("*.py"):
        text = source.read_text()
        assert "import coulisses." not in text
        assert "from coulisses." not in text
        assert "from coulisses import" not in text

    uv = _uv()
    built = await asyncio.to_thread(
        _run, [uv, "build", "--wheel", "-o", str(tmp_path / "dist")], CATERING
    )
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("coulisses_catering-0.1.0-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert "coulisses_catering/web/meals.js" in archive.namelist()
    site = tmp_path / "site"
    installed = await asyncio.to_thread(
        _run, [uv, "pip", "install", "--no-deps", "--target", str(site), str(wheel)], tmp_path
    )
    assert installed.returncode == 0, installed.stderr

    check = await asyncio.to_thread(
        _run,
        [sys.executable, "-m", "coulisses.cli", "plugins", "check", "catering"],
        tmp_path,
        PYTHONPATH=str(site),
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "catering : ok" in check.stdout

    # Its tests and pytest settings, away from its sources: they import the wheel.
    project = tmp_path / "project"
    shutil.copytree(CATERING / "tests", project / "tests")
    shutil.copy(CATERING / "pyproject.toml", project / "pyproject.toml")
    tests = await asyncio.to_thread(
        _run,
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        project,
        PYTHONPATH=str(site),
    )
    assert tests.returncode == 0, tests.stdout[-3000:] + tests.stderr[-2000:]
    assert "7 passed" in tests.stdout
