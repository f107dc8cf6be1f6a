#!/usr/bin/env python3
"""Developer entry point (stdlib only): installs what is missing, then runs a task.

    python3 dev.py demo     install everything, run the demo on the embedded PostgreSQL
    python3 dev.py test     install everything, run the whole test suite
    python3 dev.py lint | migrate | seed | worker | bench

The Makefile and the PS1/ scripts are one-line wrappers around this file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools"
WINDOWS = os.name == "nt"


def _bin(env: Path, name: str) -> Path:
    return env / ("Scripts" if WINDOWS else "bin") / (name + (".exe" if WINDOWS else ""))


def uv() -> str:
    found = shutil.which("uv")
    if found:
        return found
    tool = _bin(TOOLS, "uv")
    if not tool.exists():
        print("Installation de uv dans .tools/ ...", flush=True)
        venv.create(TOOLS, with_pip=True)
        subprocess.run([str(_bin(TOOLS, "python")), "-m", "pip", "install", "-q", "uv"], check=True)
    return str(tool)


def sh(*cmd: str, env: dict[str, str] | None = None) -> None:
    result = subprocess.run(list(cmd), cwd=ROOT, env={**os.environ, **(env or {})}, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def sync() -> str:
    tool = uv()
    sh(tool, "sync", "--locked")
    return tool


def run(tool: str, *args: str) -> None:
    sh(tool, "run", "--locked", *args)


def main(argv: list[str]) -> None:
    if not argv:
        print(__doc__)
        sys.exit(2)
    task, rest = argv[0], argv[1:]
    tool = sync()
    if task == "demo":
        run(tool, "coulisses", "demo", *rest)
    elif task == "test":
        run(tool, "pytest", *rest)
    elif task == "lint":
        run(tool, "ruff", "check", ".")
        run(tool, "ruff", "format", "--check", ".")
        run(tool, "mypy")
    elif task in {"migrate", "seed", "worker", "serve", "createsuperuser"}:
        run(tool, "coulisses", task, *rest)
    elif task == "bench":
        run(tool, "python", "-m", "bench", *rest)
    else:
        print(f"Tache inconnue : {task}\n{__doc__}")
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
