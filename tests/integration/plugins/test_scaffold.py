"""`coulisses plugin new`: the generated distribution builds as a wheel, installs, is
accepted by the core, and its own tests pass against the real core as generated."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from coulisses import cli
from tests.conftest import _BASE_URL, RUN_ID, _admin_exec, _with_db

ROOT = Path(__file__).resolve().parents[3]


def _uv() -> str:
    found = os.environ.get("UV") or shutil.which("uv") or str(ROOT / ".tools" / "bin" / "uv")
    assert Path(found).exists(), "uv not found: run the tests through `python3 dev.py pytest`"
    return found


def _run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ)
    full.pop("COULISSES_TEST_DATABASE", None)
    if _BASE_URL:
        full["DATABASE_URL"] = _BASE_URL
    full.update(env)
    return subprocess.run(
        command, cwd=cwd, env=full, capture_output=True, text=True, timeout=900, check=False
    )


def test_bad_names_and_a_taken_folder_are_refused(tmp_path):
    runner = CliRunner()
    bad = runner.invoke(cli.main, ["plugin", "new", "Cat-ering", "--dir", str(tmp_path / "x")])
    assert bad.exit_code == 2
    assert "minuscules" in bad.output
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "keep.txt").write_text("mine")
    taken = runner.invoke(cli.main, ["plugin", "new", "catering", "--dir", str(tmp_path / "taken")])
    assert taken.exit_code == 2
    assert "pas vide" in taken.output
    assert (tmp_path / "taken" / "keep.txt").read_text() == "mine"


async def test_generated_plugin_installs_from_its_wheel_and_its_tests_pass(tmp_path):
    source = tmp_path / "coulisses-catering"
    created = CliRunner().invoke(
        cli.main,
        ["plugin", "new", "catering", "--dir", str(source), "--title-fr", "Restauration"],
    )
    assert created.exit_code == 0, created.output
    plugin_py = (source / "src" / "coulisses_catering" / "plugin.py").read_text()
    assert "import coulisses." not in plugin_py
    assert "from coulisses." not in plugin_py

    uv = _uv()
    built = await asyncio.to_thread(
        _run, [uv, "build", "--wheel", "-o", str(tmp_path / "dist")], source
    )
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("coulisses_catering-0.1.0-*.whl")
    site = tmp_path / "site"
    installed = await asyncio.to_thread(
        _run, [uv, "pip", "install", "--no-deps", "--target", str(site), str(wheel)], tmp_path
    )
    assert installed.returncode == 0, installed.stderr

    # The core finds it by its entry point and accepts it (metadata, hooks, registrations).
    check = await asyncio.to_thread(
        _run,
        [sys.executable, "-m", "coulisses.cli", "plugins", "check", "catering"],
        tmp_path,
        PYTHONPATH=str(site),
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "catering : ok" in check.stdout

    # Its own tests, against the installed wheel (not the sources) and the real core.
    shutil.rmtree(source / "src")
    tests = await asyncio.to_thread(
        _run,
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        source,
        PYTHONPATH=str(site),
    )
    assert tests.returncode == 0, tests.stdout[-3000:] + tests.stderr[-2000:]
    assert "5 passed" in tests.stdout


VITE = ROOT / "frontend" / "node_modules" / "vite" / "bin" / "vite.js"


@pytest.mark.skipif(not VITE.exists(), reason="frontend/node_modules absent (npm ci)")
async def test_generated_frontend_builds_as_a_partner_would_and_matches_the_shipped_page(
    tmp_path,
):
    """Outside the repository, the generated ``vite.config.mjs`` finds
    ``@coulisses/plugin-ui/build`` in its own node_modules (as ``npm install`` puts it):
    the page builds without React in it, and equals the ``page.js`` the template ships."""
    source = tmp_path / "coulisses-catering"
    created = CliRunner().invoke(cli.main, ["plugin", "new", "catering", "--dir", str(source)])
    assert created.exit_code == 0, created.output
    frontend = source / "frontend"
    installed = frontend / "node_modules" / "@coulisses" / "plugin-ui"
    # A copy, as npm installs it (a symlink would need rights on Windows).
    shutil.copytree(ROOT / "frontend" / "packages" / "plugin-ui", installed)
    out = tmp_path / "out"
    node = shutil.which("node") or "node"
    built = await asyncio.to_thread(
        _run,
        [node, str(VITE), "build", "--config", str(frontend / "vite.config.mjs")],
        ROOT / "frontend",
        COULISSES_PLUGIN_OUT=str(out),
    )
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    page = (out / "page.js").read_text()
    assert "__coulisses_host__" in page  # the shims read the host's React...
    assert "react.production" not in page  # ...none is bundled
    assert "react-dom" not in page
    shipped = source / "src" / "coulisses_catering" / "web" / "page.js"
    assert page == shipped.read_text(), (
        "the template's page.js is stale: rebuild it from a generated plugin (see this test)"
    )


async def test_makemigrations_writes_the_change_of_a_table_and_migrate_applies_it(tmp_path):
    source = tmp_path / "c"
    assert (
        CliRunner().invoke(cli.main, ["plugin", "new", "catering", "--dir", str(source)]).exit_code
        == 0
    )
    uv = _uv()
    built = await asyncio.to_thread(
        _run, [uv, "build", "--wheel", "-o", str(tmp_path / "dist")], source
    )
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("*.whl")
    site = tmp_path / "site"
    await asyncio.to_thread(
        _run, [uv, "pip", "install", "--no-deps", "--target", str(site), str(wheel)], tmp_path
    )
    # The entry point from the installed wheel, the code from the sources being edited.
    path = os.pathsep.join([str(source / "src"), str(site)])
    command = [sys.executable, "-m", "coulisses.cli", "plugin", "makemigrations", "catering"]

    same = await asyncio.to_thread(_run, command, tmp_path, PYTHONPATH=path)
    assert same.returncode == 0, same.stderr
    assert "catering : aucun changement" in same.stdout

    tables = source / "src" / "coulisses_catering" / "tables.py"
    tables.write_text(tables.read_text() + "    note = Varchar(length=100, null=True)\n")
    changed = await asyncio.to_thread(
        _run, [*command, "--description", "item note"], tmp_path, PYTHONPATH=path
    )
    assert changed.returncode == 0, changed.stderr
    [written] = [
        x for x in changed.stdout.splitlines() if x.startswith("catering : migration ecrite")
    ]
    migration = await asyncio.to_thread(Path(written.split("ecrite ", 1)[1]).read_text)
    assert 'column_name="note"' in migration

    name = f"coulisses_mm_{RUN_ID}"
    await _admin_exec(f'CREATE DATABASE "{name}"')
    try:
        migrated = await asyncio.to_thread(
            _run,
            [sys.executable, "-m", "coulisses.cli", "migrate"],
            tmp_path,
            PYTHONPATH=path,
            DATABASE_URL=_with_db(_BASE_URL or "", name),
        )
    finally:
        await _admin_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    applied = [x for x in migrated.stdout.splitlines() if x.startswith("Appliquee : catering:")]
    assert len(applied) == 2

    unknown = await asyncio.to_thread(_run, [*command[:-1], "ghost"], tmp_path, PYTHONPATH=path)
    assert unknown.returncode == 2
    assert "Plugin ghost non installe" in unknown.stderr
