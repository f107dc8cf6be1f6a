"""``python3 dev.py audit``: static and supply-chain checks (CI runs it after lint).

- bandit on the shipped Python (core, SDK, admin, plugins): fails on a finding of
  high severity and high confidence (the rest is ruff's ``S`` rules' job, in lint);
- detect-secrets over every tracked file: fails on a secret that is not in
  ``.secrets.baseline`` (the baseline lists the test fixtures' fake passwords; after
  checking a new finding is not a secret, ``detect-secrets scan --baseline
  .secrets.baseline`` records it);
- actionlint over ``.github/workflows/`` (the forge's CI, mirroring ``.ci/run``);
- CycloneDX SBOMs of the Python environment and of the web app's npm packages, written
  to ``build/sbom/`` (CI artifacts);
- pip-audit (PyPI advisories) and npm audit: fail on a critical advisory of the
  shipped packages, report the rest. Both need their advisory service: when it cannot
  be reached (an offline machine, a registry mirror), they are reported as skipped,
  not failed.

Exit status 1 when a check failed; every check runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SBOM = ROOT / "build" / "sbom"
BIN = Path(sys.executable).parent
SHIPPED = [
    "core/src",
    "sdk/src",
    "admin/src",
    *sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("plugins/*/src")),
]
#: Generated or vendored files detect-secrets has no business reading (hashes galore).
NOT_SCANNED = ("package-lock.json", "uv.lock", ".secrets.baseline", ".js.map")


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, check=False)


def bandit() -> str | None:
    done = _run(
        str(BIN / "bandit"), "-q", "-r", *SHIPPED,
        "--severity-level", "high", "--confidence-level", "high",
    )  # fmt: skip
    if done.returncode != 0:
        print(done.stdout[-4000:], done.stderr[-2000:])
        return "bandit : constat de gravite haute"
    print("  bandit : aucun constat de gravite haute")
    return None


def secrets() -> str | None:
    files = [
        f
        for f in _run("git", "ls-files").stdout.splitlines()
        if f and not f.endswith(NOT_SCANNED) and (ROOT / f).is_file()
    ]
    done = _run(str(BIN / "detect-secrets-hook"), "--baseline", ".secrets.baseline", *files)
    if done.returncode != 0:
        print(done.stdout[-4000:], done.stderr[-2000:])
        return "detect-secrets : secret hors de .secrets.baseline"
    print(f"  detect-secrets : {len(files)} fichiers, rien hors de la base connue")
    return None


def workflows() -> str | None:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    done = _run(str(BIN / "actionlint"), *files)
    if done.returncode != 0:
        print(done.stdout[-4000:], done.stderr[-2000:])
        return "actionlint : workflow invalide"
    print(f"  actionlint : {len(files)} workflows valides")
    return None


def sbom() -> str | None:
    SBOM.mkdir(parents=True, exist_ok=True)
    python = _run(
        str(BIN / "cyclonedx-py"), "environment", "--of", "JSON",
        "-o", str(SBOM / "python.cdx.json"), sys.executable,
    )  # fmt: skip
    npm = _run("npm", "sbom", "--sbom-format", "cyclonedx", "--omit", "dev", cwd=ROOT / "frontend")
    if python.returncode != 0 or npm.returncode != 0:
        print(python.stderr[-2000:], npm.stderr[-2000:])
        return "SBOM : generation en echec"
    (SBOM / "npm.cdx.json").write_text(npm.stdout)
    counts = [
        len(json.loads((SBOM / name).read_text()).get("components", []))
        for name in ("python.cdx.json", "npm.cdx.json")
    ]
    print(f"  SBOM CycloneDX : build/sbom/ ({counts[0]} paquets Python, {counts[1]} npm)")
    return None


def pip_audit() -> str | None:
    requirements = _run(
        str(BIN.parent.parent / ".tools" / "bin" / "uv")
        if (ROOT / ".tools" / "bin" / "uv").exists()
        else "uv",
        "export", "--frozen", "--no-hashes", "--no-dev", "--no-emit-workspace",
    )  # fmt: skip
    if requirements.returncode != 0:
        print("  pip-audit : saute (uv export indisponible)")
        return None
    listing = ROOT / "build" / "requirements.txt"
    listing.parent.mkdir(parents=True, exist_ok=True)
    listing.write_text(requirements.stdout)
    done = _run(
        str(BIN / "pip-audit"), "-r", str(listing), "--no-deps", "--disable-pip",
        "--format", "json", "--progress-spinner", "off",
    )  # fmt: skip
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        print(f"  pip-audit : saute (service des avis injoignable : {done.stderr.strip()[-200:]})")
        return None
    dependencies = report.get("dependencies", [])
    audited = [d for d in dependencies if "skip_reason" not in d]
    if not audited:
        print("  pip-audit : saute (aucun paquet n'a pu etre verifie : service injoignable)")
        return None
    found = [(d["name"], v["id"]) for d in audited for v in d.get("vulns", [])]
    print(f"  pip-audit : {len(audited)} paquets verifies, {len(found)} avis : {found[:10]}")
    return None  # PyPI advisories carry no severity: reported, the critical ones by npm


def npm_audit() -> str | None:
    done = _run("npm", "audit", "--omit", "dev", "--json", cwd=ROOT / "frontend")
    try:
        report = json.loads(done.stdout or "{}")
    except json.JSONDecodeError:
        report = {}
    counts = report.get("metadata", {}).get("vulnerabilities")
    if "error" in report or counts is None:
        print("  npm audit : saute (service des avis injoignable)")
        return None
    print(f"  npm audit : {counts}")
    if counts.get("critical", 0):
        return "npm audit : avis critique"
    return None


def main() -> None:
    failures = [
        message
        for check in (bandit, secrets, workflows, sbom, pip_audit, npm_audit)
        if (message := check()) is not None
    ]
    for message in failures:
        print(f"ECHEC {message}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
