"""Core and SDK build as wheels that carry what they need at run time, with the
compatibility policy in their metadata (docs/plugins/guide.md, "Versions et compatibilite")."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[3]


def _build(package: str, out: Path) -> Path:
    uv = os.environ.get("UV") or shutil.which("uv") or str(ROOT / ".tools" / "bin" / "uv")
    done = subprocess.run(
        [uv, "build", "--wheel", "--package", package, "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    [wheel] = out.glob(f"{package.replace('-', '_')}-*.whl")
    return wheel


def _metadata(wheel: zipfile.ZipFile) -> dict[str, list[str]]:
    [name] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    message = Parser().parsestr(wheel.read(name).decode())
    return {key: message.get_all(key) or [] for key in ("Version", "Requires-Dist")}


def test_core_and_sdk_wheels_carry_their_files_and_the_sdk_range(tmp_path):
    core = zipfile.ZipFile(_build("coulisses-core", tmp_path))
    sdk = zipfile.ZipFile(_build("coulisses-sdk", tmp_path))
    core_files, sdk_files = core.namelist(), sdk.namelist()

    # What runs from the wheel and is not Python: migrations and the plugin template.
    assert any("/outbox/piccolo_migrations/m0002_event_deliveries.py" in n for n in core_files)
    assert "coulisses/plugins/scaffold/template/pyproject.toml.j2" in core_files
    assert any(n.endswith("template/src/__package__/plugin.py.j2") for n in core_files)
    # The SDK never ships (or needs) the core.
    assert not [n for n in sdk_files if n.startswith("coulisses/")]
    assert "coulisses_sdk/testing.py" in sdk_files

    sdk_version = Version(_metadata(sdk)["Version"][0])
    [needs_sdk] = [
        Requirement(r) for r in _metadata(core)["Requires-Dist"] if r.startswith("coulisses-sdk")
    ]
    # The core takes any SDK release of its minor series (0.x: a minor may break plugins).
    assert sdk_version in needs_sdk.specifier
    assert Version(f"{sdk_version.major}.{sdk_version.minor + 1}.0") not in needs_sdk.specifier
