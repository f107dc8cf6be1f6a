"""Offline checks of deploy/ (run by ``python3 dev.py check-deploy`` inside the project env).

- every YAML and JSON file under deploy/ parses;
- the compose files validate against the Compose Specification's schema (the copy that
  check-jsonschema ships), and every ``${VAR}`` they use is documented in
  deploy/compose/.env.example;
- the Kubernetes manifests listed by deploy/kubernetes/kustomization.yaml validate against
  the official Kubernetes schemas (kubernetes-validate, strict: unknown fields fail);
  custom resources (CloudNativePG, Prometheus operator) have no bundled schema and get a
  structural check instead, said so in the output;
- the Grafana dashboards are well formed and use the provisioned datasources;
- every ``coulisses_*`` series named by the alert rules, the dashboards or the manifests
  exists in core/src/coulisses/observability/metrics.py.

Tools that need a binary (promtool, caddy, docker compose) run from dev.py, when present.
Exit status 1 when any file is invalid.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import kubernetes_validate
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
METRICS_MODULE = ROOT / "core" / "src" / "coulisses" / "observability" / "metrics.py"
#: The oldest and the newest Kubernetes the manifests are checked against.
KUBERNETES_VERSIONS = ("1.30.0", "1.37.0")
#: Custom resources: (apiVersion prefix, kind) -> fields their spec must carry.
CUSTOM_RESOURCES: dict[tuple[str, str], tuple[str, ...]] = {
    ("postgresql.cnpg.io/", "Cluster"): ("instances", "storage"),
    ("postgresql.cnpg.io/", "ScheduledBackup"): ("schedule", "cluster"),
    ("monitoring.coreos.com/", "ServiceMonitor"): ("selector", "endpoints"),
    ("monitoring.coreos.com/", "PrometheusRule"): ("groups",),
}
#: Series the product does not define but the rules and dashboards read.
HTTP_SERIES = ("requests_total", "request_duration_seconds", "requests_in_progress")
HTTP_SERIES += ("requests_error_total",)
HISTOGRAM_SUFFIXES = ("_bucket", "_sum", "_count")


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def ok(self, message: str) -> None:
        print(f"  ok    {message}", flush=True)

    def note(self, message: str) -> None:
        print(f"  note  {message}", flush=True)

    def fail(self, message: str) -> None:
        print(f"  FAIL  {message}", flush=True)
        self.errors.append(message)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def parse_all(report: Report) -> dict[Path, list[Any]]:
    """Every YAML (all documents) and JSON file under deploy/, parsed."""
    parsed: dict[Path, list[Any]] = {}
    for path in sorted(DEPLOY.rglob("*")):
        if not path.is_file():
            continue
        try:
            if path.suffix in {".yml", ".yaml"}:
                parsed[path] = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
            elif path.suffix == ".json":
                parsed[path] = [json.loads(path.read_text())]
        except (yaml.YAMLError, json.JSONDecodeError) as exc:
            report.fail(f"{rel(path)}: does not parse: {exc}")
    report.ok(f"{len(parsed)} YAML/JSON files under deploy/ parse")
    return parsed


def check_compose(report: Report) -> None:
    compose = DEPLOY / "compose"
    files = sorted(compose.glob("*.yml"))
    checker = Path(sys.executable).with_name("check-jsonschema")
    done = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.compose-spec", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        report.fail("compose files against the Compose Specification:\n" + done.stdout)
    else:
        report.ok(
            "compose files valid against the Compose Specification schema: "
            + ", ".join(f.name for f in files)
        )
    documented = set(
        re.findall(r"^([A-Z][A-Z0-9_]*)=", (compose / ".env.example").read_text(), re.M)
    )
    for path in files:
        used = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", path.read_text()))
        missing = sorted(used - documented)
        if missing:
            report.fail(f"{rel(path)}: not documented in .env.example: {', '.join(missing)}")
        else:
            report.ok(f"{rel(path)}: its {len(used)} variables are documented in .env.example")


def _structural(doc: dict[str, Any], fields: tuple[str, ...]) -> list[str]:
    problems = []
    if not (doc.get("metadata") or {}).get("name"):
        problems.append("metadata.name missing")
    spec = doc.get("spec") or {}
    problems += [f"spec.{f} missing" for f in fields if f not in spec]
    return problems


def check_kubernetes(report: Report, parsed: dict[Path, list[Any]]) -> None:
    folder = DEPLOY / "kubernetes"
    kustomization = folder / "kustomization.yaml"
    if not folder.exists():
        report.note("deploy/kubernetes/ absent: nothing to validate")
        return
    if not kustomization.exists():
        report.fail(f"{rel(kustomization)} missing")
        return
    [kust] = parsed[kustomization]
    listed = [folder / name for name in kust.get("resources", [])]
    for path in listed:
        if not path.exists():
            report.fail(f"{rel(kustomization)} lists {path.name}, which does not exist")
    # Helm values and other files that are not applied live in subfolders.
    others = {p for p in folder.glob("*.y*ml") if p != kustomization and p not in listed}
    for path in sorted(others):
        report.fail(f"{rel(path)}: not listed in kustomization.yaml resources")
    # Optional extras (operator resources) are applied by hand: validated the same way.
    optional = sorted((folder / "optional").glob("*.y*ml"))
    validated = custom = 0
    for path in [*listed, *optional]:
        for doc in parsed.get(path, []):
            kind, api = doc.get("kind", "?"), doc.get("apiVersion", "?")
            name = f"{rel(path)}: {kind} {(doc.get('metadata') or {}).get('name', '?')}"
            crd = next(
                (
                    f
                    for (prefix, k), f in CUSTOM_RESOURCES.items()
                    if api.startswith(prefix) and k == kind
                ),
                None,
            )
            if crd is not None:
                problems = _structural(doc, crd)
                if problems:
                    report.fail(f"{name}: {'; '.join(problems)}")
                else:
                    custom += 1
                    report.note(
                        f"{name} ({api}): custom resource, no bundled schema: structural check only"
                    )
                continue
            for version in KUBERNETES_VERSIONS:
                try:
                    kubernetes_validate.validate(doc, version, strict=True)
                except kubernetes_validate.ValidationError as exc:
                    path_in = ".".join(str(p) for p in exc.path)
                    report.fail(f"{name}: Kubernetes {version}: {path_in}: {exc.message}")
                    break
                except kubernetes_validate.SchemaNotFoundError:
                    report.fail(f"{name}: unknown kind {api}/{kind} for Kubernetes {version}")
                    break
            else:
                validated += 1
    report.ok(
        f"{validated} Kubernetes objects valid against the schemas of Kubernetes "
        f"{' and '.join(KUBERNETES_VERSIONS)} (strict), {custom} custom resources checked "
        "structurally"
    )


def defined_series() -> set[str]:
    source = METRICS_MODULE.read_text()
    names = set(re.findall(r'"(coulisses_[a-z0-9_]+)"', source))
    [prefix] = re.findall(r'prefix="(coulisses_[a-z_]+)"', source)
    names |= {f"{prefix}_{s}" for s in HTTP_SERIES}
    histograms = {n for n in names if n.endswith("_seconds")}
    names |= {h + s for h in histograms for s in HISTOGRAM_SUFFIXES}
    return names


def check_series(report: Report) -> None:
    known = defined_series()
    files = [
        *sorted((DEPLOY / "prometheus").glob("*.yml")),
        *sorted((DEPLOY / "grafana").rglob("*.json")),
        *sorted((DEPLOY / "kubernetes").glob("*.yaml")),
    ]
    used: set[str] = set()
    for path in files:
        names = set(re.findall(r"\bcoulisses_[a-z0-9_]+", path.read_text()))
        unknown = sorted(n for n in names if n not in known)
        if unknown:
            report.fail(f"{rel(path)}: series not defined by the app: {', '.join(unknown)}")
        used |= names
    report.ok(f"{len(used & known)} coulisses_* series used by rules and dashboards, all defined")


def check_grafana(report: Report, parsed: dict[Path, list[Any]]) -> None:
    if not (DEPLOY / "grafana").exists():
        report.note("deploy/grafana/ absent: no dashboard to check")
        return
    provisioning = DEPLOY / "grafana" / "provisioning" / "datasources"
    sources = {
        ds.get("uid")
        for path in provisioning.glob("*.y*ml")
        for doc in parsed.get(path, [])
        for ds in doc.get("datasources", [])
    }
    dashboards = sorted((DEPLOY / "grafana" / "dashboards").glob("*.json"))
    if not dashboards:
        report.fail("deploy/grafana/dashboards: no dashboard")
    uids: set[str] = set()
    for path in dashboards:
        [board] = parsed[path]
        problems = [f"{key} missing" for key in ("uid", "title", "panels") if not board.get(key)]
        if board.get("uid") in uids:
            problems.append(f"uid {board['uid']} used twice")
        uids.add(board.get("uid"))
        ids = set()
        for panel in board.get("panels", []):
            if panel.get("id") in ids:
                problems.append(f"panel id {panel.get('id')} twice")
            ids.add(panel.get("id"))
            if panel.get("type") == "row":
                continue
            ds = (panel.get("datasource") or {}).get("uid")
            if ds not in sources:
                problems.append(f"panel {panel.get('title')!r}: datasource {ds!r} not provisioned")
            targets = panel.get("targets") or []
            if not targets or not all(t.get("expr") for t in targets):
                problems.append(f"panel {panel.get('title')!r}: a target has no expr")
        if problems:
            report.fail(f"{rel(path)}: {'; '.join(problems)}")
        else:
            report.ok(f"{rel(path)}: {len(ids)} panels on provisioned datasources")


def main() -> int:
    report = Report()
    print("deploy/: files, compose, Kubernetes, dashboards, series", flush=True)
    parsed = parse_all(report)
    check_compose(report)
    check_kubernetes(report, parsed)
    check_grafana(report, parsed)
    check_series(report)
    if report.errors:
        print(f"deploy/: {len(report.errors)} problem(s)", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
