"""``python3 dev.py coverage``: the Python suite under coverage.py, then the gates.

Runs pytest with pytest-cov (arguments go to pytest; settings in ``[tool.coverage]`` of
pyproject.toml: core, SDK and plugins, branches included), writes ``build/coverage.xml``
(Cobertura, for a forge's report) and checks each scope's total against its floor:

- core (``core/src``): 70 %;
- payroll plugin (``plugins/payroll/src``): 80 %.

Exit status 1 when the tests fail or a scope is under its floor. The scale-out tests'
subprocesses (app and worker processes) are not measured: what they run is measured
in-process by the rest of the suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
XML = ROOT / "build" / "coverage.xml"

#: (scope, files, floor in %).
GATES = [
    ("core", "*/core/src/coulisses/*", 70.0),
    ("payroll", "*/plugins/payroll/src/coulisses_payroll/*", 80.0),
]


def _total(include: str) -> float:
    report = subprocess.run(
        [
            str(BIN / "coverage"),
            "report",
            f"--include={include}",
            "--format=total",
            "--precision=1",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(report.stdout.strip())


def main(pytest_args: list[str]) -> int:
    tests = subprocess.run(
        [str(BIN / "pytest"), "--cov", "--cov-report=", *pytest_args], cwd=ROOT, check=False
    )
    XML.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(BIN / "coverage"), "xml", "-q", "-o", str(XML)], cwd=ROOT, check=True)
    failed = tests.returncode != 0
    print("\nCouverture (lignes et branches) :")
    for scope, include, floor in GATES:
        total = _total(include)
        verdict = "ok" if total >= floor else "SOUS LE SEUIL"
        print(f"  {scope:<8} {total:5.1f} %  (seuil {floor:.0f} %)  {verdict}")
        failed = failed or total < floor
    print(f"Rapport : {XML.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
