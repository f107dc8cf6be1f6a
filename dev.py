#!/usr/bin/env python3
"""Developer entry point (stdlib only): installs what is missing, then runs a task.

    python3 dev.py demo     install everything, build the web app, serve the demo (embedded DB)
    python3 dev.py test     install everything, run every test (Python, web app, end to end)
    python3 dev.py pytest   only the Python suite (arguments go to pytest)
    python3 dev.py e2e      only the browser end-to-end suite (Playwright + Debian's Chromium)
    python3 dev.py lint | migrate | seed | worker | bench
    python3 dev.py backup [--output F] | restore F [--force]   pg_dump / pg_restore of the database
    python3 dev.py loadtest [--profile baseline]  k6 scenarios (deploy/k6/) against a local server
    python3 dev.py coverage the Python suite under coverage, gates: core 70 %, payroll 80 %
    python3 dev.py audit    bandit, secret scan, CycloneDX SBOMs (build/sbom/), pip/npm audit
    python3 dev.py build-plugins  rebuild the plugins' committed web bundles (--check: compare)
    python3 dev.py bench-web  the demo festival's July planning in Chromium (web figures)
    python3 dev.py check-deploy  validate deploy/ (YAML, compose, Kubernetes, alert rules)

The Makefile and the PS1/ scripts are one-line wrappers around this file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools"
FRONTEND = ROOT / "frontend"
WINDOWS = os.name == "nt"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


def _bin(env: Path, name: str) -> Path:
    return env / ("Scripts" if WINDOWS else "bin") / (name + (".exe" if WINDOWS else ""))


def _export_tool(variable: str, path: str) -> str:
    """Children (npm scripts, Playwright's global setup...) use the tool this file resolved:
    its path in ``variable`` and its folder first on PATH."""
    os.environ[variable] = path
    folder = str(Path(path).parent)
    entries = os.environ.get("PATH", "").split(os.pathsep)
    if folder not in entries:
        os.environ["PATH"] = os.pathsep.join([folder, *entries])
    return path


def uv() -> str:
    found = shutil.which("uv")
    if found:
        return _export_tool("UV", found)
    tool = _bin(TOOLS, "uv")
    if not tool.exists():
        print("Installation de uv dans .tools/ ...", flush=True)
        venv.create(TOOLS, with_pip=True)
        subprocess.run([str(_bin(TOOLS, "python")), "-m", "pip", "install", "-q", "uv"], check=True)
    return _export_tool("UV", str(tool))


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


def npm() -> str:
    found = shutil.which("npm")
    if not found:
        print("npm introuvable : installez Node.js 20 (https://nodejs.org) puis relancez.")
        sys.exit(1)
    return _export_tool("NPM", found)


def npm_run(*args: str, env: dict[str, str] | None = None) -> None:
    result = subprocess.run(
        [npm(), *args], cwd=FRONTEND, env={**os.environ, **(env or {})}, check=False
    )
    if result.returncode != 0:
        sys.exit(result.returncode)


def frontend_deps() -> None:
    """`npm ci` when node_modules is missing or package-lock.json changed since the last one."""
    import hashlib

    lock = FRONTEND / "package-lock.json"
    stamp = FRONTEND / "node_modules" / ".coulisses-lock.sha256"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text().strip() == digest:
        return
    print("Installation des dependances du frontend (npm ci) ...", flush=True)
    npm_run("ci", "--no-audit", "--no-fund")
    stamp.write_text(digest)


def _newest(*paths: Path) -> float:
    newest = 0.0
    for path in paths:
        files = path.rglob("*") if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                newest = max(newest, file.stat().st_mtime)
    return newest


def frontend_build(*, force: bool = False) -> None:
    """Build frontend/dist (served by the backend) unless it is newer than its sources."""
    frontend_deps()
    index = FRONTEND / "dist" / "index.html"
    sources = [
        FRONTEND / name
        for name in ("src", "public", "index.html", "package-lock.json", "vite.config.ts")
    ]
    # Tailwind generates the classes the first-party plugins' modules use (@source).
    sources += [config.parent / "src" for config, _ in plugin_frontends()]
    if not force and index.exists() and index.stat().st_mtime >= _newest(*sources):
        return
    print("Construction du frontend (npm run build) ...", flush=True)
    npm_run("run", "build")


def plugin_frontends() -> list[tuple[Path, Path]]:
    """Each plugin with a web part (first-party and examples): its Vite config and the
    folder of its package the committed bundle lives in (``src/<package>/web``)."""
    found = []
    configs = [
        *ROOT.glob("plugins/*/frontend/vite.config.mjs"),
        *ROOT.glob("sdk/examples/*/frontend/vite.config.mjs"),
    ]
    for config in sorted(configs):
        [web] = config.parent.parent.glob("src/*/web")
        found.append((config, web))
    return found


def _vite_build(config: Path, out: Path) -> None:
    """The plugin's own Vite config, run with the web app's Vite (one lockfile)."""
    vite = FRONTEND / "node_modules" / "vite" / "bin" / "vite.js"
    node = shutil.which("node") or "node"
    env = {**os.environ, "COULISSES_PLUGIN_OUT": str(out)}
    result = subprocess.run(
        [node, str(vite), "build", "--config", str(config), "--logLevel", "warn"],
        cwd=FRONTEND,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(result.returncode)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        f.relative_to(folder).as_posix(): f.read_bytes()
        for f in sorted(folder.rglob("*"))
        if f.is_file()
    }


def build_plugins(*, check: bool = False) -> None:
    """Rebuild each plugin's committed bundle; with ``check``, build into a temporary folder
    and fail when the committed files differ (a source changed without its bundle)."""
    import tempfile

    frontend_deps()
    stale = []
    for config, web in plugin_frontends():
        if not check:
            print(f"Construction de {web.relative_to(ROOT)} ...", flush=True)
            _vite_build(config, web)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            _vite_build(config, Path(tmp))
            if _files(Path(tmp)) != _files(web):
                stale.append(web.relative_to(ROOT).as_posix())
    if stale:
        print(
            "Bundles de plugins perimes (leurs sources ont change) : "
            + ", ".join(stale)
            + "\n  Reconstruisez-les puis commitez : python3 dev.py build-plugins"
            + " (ou make build-plugins)"
        )
        sys.exit(1)
    if check:
        print("Bundles des plugins a jour.", flush=True)


def ensure_chromium() -> None:
    """The e2e suite drives Debian's Chromium; install it as root on Debian, else explain."""
    if CHROMIUM.exists():
        return
    debian = Path("/etc/debian_version").exists() and shutil.which("apt-get")
    if debian and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("Installation de Chromium (apt-get install chromium) ...", flush=True)
        env = {"DEBIAN_FRONTEND": "noninteractive"}
        sh("apt-get", "update", "-qq", env=env)
        sh("apt-get", "install", "-y", "-qq", "chromium", env=env)
        if CHROMIUM.exists():
            return
    print(
        f"Chromium introuvable ({CHROMIUM}) : les tests de bout en bout en ont besoin.\n"
        "  Debian/Ubuntu : sudo apt-get install chromium\n"
        "  Ailleurs : installez Chromium et indiquez son chemin dans CHROMIUM_PATH."
    )
    sys.exit(1)


def e2e(*args: str) -> None:
    ensure_chromium()
    frontend_build()
    npm_run("exec", "--", "playwright", "test", *args, env={"CHROMIUM_PATH": str(CHROMIUM)})


def _debian_root() -> bool:
    debian = Path("/etc/debian_version").exists() and shutil.which("apt-get")
    return bool(debian) and hasattr(os, "geteuid") and os.geteuid() == 0


def ensure_debian_tools(packages: dict[str, str]) -> None:
    """Install the missing tools (command -> Debian package) as root on Debian, as
    ensure_chromium does; never fatal: without apt or a network, the caller skips."""
    missing = sorted({pkg for tool, pkg in packages.items() if not shutil.which(tool)})
    if not missing or not _debian_root():
        return
    print(f"Installation de {', '.join(missing)} (apt-get install) ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
    ):
        if subprocess.run(cmd, env=env, check=False).returncode != 0:
            print(f"  apt-get a echoue ({' '.join(cmd[:2])}) : outils ignores.", flush=True)
            return


def _skip(tool: str, why: str) -> None:
    print(f"  skip  {tool} : {why}", flush=True)


def _deploy_step(title: str, *cmd: str, cwd: Path = ROOT) -> bool:
    print(f"  run   {title}", flush=True)
    return subprocess.run(list(cmd), cwd=cwd, check=False).returncode == 0


def _compose_env_file(folder: Path) -> Path:
    """deploy/compose/.env.example with a placeholder in each empty value: what
    `docker compose config` needs to interpolate prod.yml (no real secret involved)."""
    lines = []
    for line in (ROOT / "deploy" / "compose" / ".env.example").read_text().splitlines():
        if line and not line.startswith("#") and line.endswith("="):
            line += "placeholder-for-config-check"
        lines.append(line)
    env_file = folder / "compose.env"
    env_file.write_text("\n".join(lines) + "\n")
    return env_file


def _dashboard_rules() -> str:
    """A rule file (JSON is YAML) with one recording rule per Prometheus query of the
    dashboards, Grafana's $__rate_interval replaced by a duration."""
    import json

    rules = []
    for board in sorted((ROOT / "deploy" / "grafana" / "dashboards").glob("*.json")):
        for panel in json.loads(board.read_text()).get("panels", []):
            if (panel.get("datasource") or {}).get("type") != "prometheus":
                continue
            for target in panel.get("targets", []):
                expr = target["expr"].replace("$__rate_interval", "5m")
                rules.append({"record": f"dashboard:{board.stem.replace('-', '_')}", "expr": expr})
    return json.dumps({"groups": [{"name": "dashboards", "rules": rules}]})


def check_deploy(tool: str) -> None:
    """Validate deploy/: parse and schema checks (always), then promtool, caddy and
    docker compose when they are present (installed from Debian as root); a missing tool
    is skipped with a message, an invalid file fails."""
    import tempfile

    failed: list[str] = []
    result = subprocess.run(
        [tool, "run", "--locked", "python", "deploy/check_deploy.py"], cwd=ROOT, check=False
    )
    if result.returncode != 0:
        failed.append("deploy/check_deploy.py")
    ensure_debian_tools({"promtool": "prometheus", "caddy": "caddy"})
    prometheus = ROOT / "deploy" / "prometheus"
    print("promtool (regles d'alerte, tests, configuration)", flush=True)
    if shutil.which("promtool"):
        if not _deploy_step(
            "promtool check rules alerts.yml",
            "promtool",
            "check",
            "rules",
            "alerts.yml",
            cwd=prometheus,
        ):
            failed.append("promtool check rules")
        if not _deploy_step(
            "promtool test rules alerts_test.yml",
            "promtool",
            "test",
            "rules",
            "alerts_test.yml",
            cwd=prometheus,
        ):
            failed.append("promtool test rules")
        with tempfile.TemporaryDirectory() as tmp:
            # The token file is a compose secret at run time: a stand-in here, so that the
            # full check (rule files included) runs, not only the syntax.
            token = Path(tmp) / "metrics_token"
            token.write_text("check-deploy")
            config = (prometheus / "prometheus.yml").read_text()
            (Path(tmp) / "prometheus.yml").write_text(
                config.replace("/run/secrets/metrics_token", str(token))
            )
            shutil.copy(prometheus / "alerts.yml", tmp)
            if not _deploy_step(
                "promtool check config prometheus.yml",
                "promtool",
                "check",
                "config",
                "prometheus.yml",
                cwd=Path(tmp),
            ):
                failed.append("promtool check config")
            # The dashboards' PromQL, parsed by promtool as recording rules.
            (Path(tmp) / "dashboards.yml").write_text(_dashboard_rules())
            if not _deploy_step(
                "promtool check rules (PromQL of the Grafana dashboards)",
                "promtool",
                "check",
                "rules",
                "--lint=none",
                "dashboards.yml",
                cwd=Path(tmp),
            ):
                failed.append("PromQL des tableaux de bord")
    else:
        _skip("promtool", "absent (Debian : apt-get install prometheus, en root)")
    print("caddy (Caddyfile)", flush=True)
    if shutil.which("caddy"):
        env = {
            **os.environ,
            "COULISSES_DOMAIN": "crew.example.org",
            "ACME_EMAIL": "ops@example.org",
        }
        print("  run   caddy adapt --validate deploy/caddy/Caddyfile", flush=True)
        adapted = subprocess.run(
            ["caddy", "adapt", "--validate", "--config", "deploy/caddy/Caddyfile"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if adapted.returncode != 0:
            print(adapted.stderr, flush=True)
            failed.append("caddy adapt --validate")
    else:
        _skip("caddy", "absent (Debian : apt-get install caddy, en root)")
    print("docker compose (configuration complete, interpolation comprise)", flush=True)
    docker = shutil.which("docker")
    plugin = (
        docker
        and subprocess.run(
            [docker, "compose", "version"], capture_output=True, check=False
        ).returncode
        == 0
    )
    if docker and plugin:
        with tempfile.TemporaryDirectory() as tmp:
            env_file = _compose_env_file(Path(tmp))
            for name in ("prod.yml", "dev.yml"):
                if not _deploy_step(
                    f"docker compose -f deploy/compose/{name} config -q",
                    docker,
                    "compose",
                    "--env-file",
                    str(env_file),
                    "-f",
                    f"deploy/compose/{name}",
                    "config",
                    "-q",
                ):
                    failed.append(f"docker compose config ({name})")
    else:
        why = "le plugin compose manque (docker compose version)" if docker else "pas de docker"
        _skip("docker compose config", why + " ; le schema Compose a ete verifie plus haut")
    if failed:
        print("\ndeploy/ invalide : " + ", ".join(failed), flush=True)
        sys.exit(1)
    print("\ndeploy/ valide.", flush=True)


class Suites:
    """Runs every suite even when one fails, then reports which failed."""

    def __init__(self) -> None:
        self.failed: list[str] = []

    def run(self, name: str, step: Callable[[], None]) -> bool:
        try:
            step()
        except SystemExit as exc:  # sh() and npm_run() exit with the failing code
            if exc.code not in (0, None):
                self.failed.append(name)
                print(f"\n*** Echec : {name} (code {exc.code})\n", flush=True)
                return False
        return True

    def finish(self) -> None:
        if self.failed:
            print("\nSuites en echec : " + ", ".join(self.failed), flush=True)
            sys.exit(1)
        print("\nToutes les suites sont passees.", flush=True)


def frontend_tests(suites: Suites) -> None:
    if not suites.run("npm ci", frontend_deps):
        return
    suites.run(
        "types de l'API (gen:api --check)", lambda: npm_run("run", "gen:api", "--", "--check")
    )
    suites.run("Vitest", lambda: npm_run("run", "test"))
    if suites.run("build du frontend", lambda: frontend_build(force=True)):
        suites.run("budget du bundle", lambda: npm_run("run", "size"))
        suites.run("Playwright (e2e)", e2e)


def main(argv: list[str]) -> None:
    if not argv:
        print(__doc__)
        sys.exit(2)
    task, rest = argv[0], argv[1:]
    tool = sync()
    if task == "demo":
        frontend_build()
        run(tool, "coulisses", "demo", *rest)
    elif task == "test":
        suites = Suites()
        suites.run("pytest", lambda: run(tool, "pytest", *rest))
        frontend_tests(suites)
        suites.finish()
    elif task == "pytest":
        run(tool, "pytest", *rest)
    elif task == "e2e":
        e2e(*rest)
    elif task == "lint":
        run(tool, "ruff", "check", ".")
        run(tool, "ruff", "format", "--check", ".")
        run(tool, "mypy")
        frontend_deps()
        npm_run("run", "typecheck")
        npm_run("run", "lint")
        build_plugins(check=True)
    elif task == "check-deploy":
        check_deploy(tool)
    elif task == "build-plugins":
        build_plugins(check="--check" in rest)
    elif task in {"migrate", "seed", "worker", "serve", "createsuperuser", "backup", "restore"}:
        run(tool, "coulisses", task, *rest)
    elif task == "bench":
        run(tool, "python", "-m", "bench", *rest)
    elif task == "audit":
        frontend_deps()  # the npm SBOM reads node_modules
        run(tool, "python", "-m", "devtools.audit", *rest)
    elif task == "coverage":
        run(tool, "python", "-m", "devtools.coverage_gate", *rest)
    elif task == "loadtest":
        run(tool, "python", "-m", "bench.loadtest", *rest)
    elif task == "bench-web":
        ensure_chromium()
        frontend_build()
        npm_run("run", "bench:web", env={"CHROMIUM_PATH": str(CHROMIUM)})
    else:
        print(f"Tache inconnue : {task}\n{__doc__}")
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
