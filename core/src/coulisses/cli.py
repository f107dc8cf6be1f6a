"""The ``coulisses`` command: every Makefile target and PS1 script calls it."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from coulisses.logs import configure_logging
from coulisses.settings import get_settings

T = TypeVar("T")


@contextmanager
def database() -> Iterator[None]:
    """DATABASE_URL if set, else an embedded PostgreSQL stopped cleanly on exit."""
    import coulisses.db  # noqa: F401 - sets PICCOLO_CONF
    from coulisses.db.embedded import ensure_database

    configured = get_settings().database_url  # may come from .env rather than the environment
    if configured and not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = configured
    server = ensure_database(get_settings().data_dir)
    if server is not None:
        click.echo(f"PostgreSQL embarque demarre dans {server.data_dir}")

    def _terminate(*_: Any) -> None:
        raise SystemExit(0)

    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        if server is not None:
            server.stop()
            click.echo("PostgreSQL embarque arrete")


def require_secret_key() -> None:
    """Outside dev, stop with a clear message (exit 1) unless the secret keys look random."""
    from coulisses.settings import InsecureSecretKeyError

    try:
        get_settings().check_secret_keys()
    except InsecureSecretKeyError as exc:
        raise click.ClickException(str(exc)) from exc


@contextmanager
def mail_delivery(*, demo: bool = False) -> Iterator[None]:
    """Where emails go: the configured SMTP relay; else, in dev and in the demo, the local
    sink (.eml files in ``<data_dir>/mail``, links in the log, ``GET /api/v1/dev/outbox``);
    else nowhere, so refuse to start rather than queue mails that can never leave."""
    settings = get_settings()
    if settings.smtp_configured:
        yield
        return
    if not (settings.is_dev or demo):
        raise click.ClickException(
            "aucun serveur SMTP configure (SMTP_HOST) : hors developpement, les invitations "
            "et les liens de connexion ne partiraient jamais. Definissez SMTP_HOST et "
            "SMTP_PORT (voir .env.example), ou COULISSES_ENV=dev pour le puits local."
        )
    from coulisses.mail.sink import port_in_use, start_sink

    host, port, folder = "127.0.0.1", settings.smtp_port, settings.data_dir / "mail"
    sink = None
    if port_in_use(host, port):  # e.g. `serve` already runs the sink for this `worker`
        click.echo(f"Emails : le serveur SMTP deja a l'ecoute sur {host}:{port} les recoit")
    else:
        sink = start_sink(host, port, folder)
        click.echo(
            f"Emails de dev : {folder.resolve()} (SMTP local {host}:{port}, "
            "liens affiches dans le journal)"
        )
    # This process (app, in-process worker, plugins) sends to the sink.
    os.environ["SMTP_HOST"], os.environ["SMTP_PORT"] = host, str(port)
    get_settings.cache_clear()
    try:
        yield
    finally:
        if sink is not None:
            sink.stop()


def run(coro_factory: Callable[[], Awaitable[T]]) -> T:
    async def main() -> T:
        return await coro_factory()

    return asyncio.run(main())


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Verbose logs")
def main(verbose: bool) -> None:
    """Coulisses Crew command line."""
    configure_logging(verbose=verbose)


@main.command()
def migrate() -> None:
    """Run core then every installed plugin's migrations (idempotent)."""
    from coulisses.db.migrate import migrate as run_migrate

    with database():
        applied = run(lambda: run_migrate(quiet=True))
        for migration in applied:
            click.echo(f"Appliquee : {migration}")
        click.echo(
            f"{len(applied)} migration(s) appliquee(s), base a jour"
            if applied
            else "Aucune migration a appliquer, base deja a jour"
        )


@main.command()
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Dump file (default: <COULISSES_DATA_DIR>/backups/coulisses-<UTC time>.dump)",
)
def backup(output: Path | None) -> None:
    """Back the whole database up (pg_dump, custom format)."""
    from coulisses.db.backup import BackupError, default_path
    from coulisses.db.backup import backup as run_backup
    from coulisses.db.connection import database_url

    with database():
        target = output or default_path(get_settings().data_dir)
        try:
            written = run_backup(database_url(), target)
        except BackupError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"Sauvegarde : {written} ({written.stat().st_size} octets)")


@main.command()
@click.argument("dump", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace the tables the database already holds")
def restore(dump: Path, force: bool) -> None:
    """Restore a dump of `coulisses backup` into the configured database (all or nothing)."""
    from coulisses.db.backup import BackupError
    from coulisses.db.backup import restore as run_restore
    from coulisses.db.connection import database_url

    def _tables() -> int:
        import psycopg

        with psycopg.connect(database_url()) as conn:
            row = conn.execute(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
            ).fetchone()
            return int(row[0]) if row else 0

    with database():
        try:
            run_restore(database_url(), dump, force=force, has_tables=_tables() > 0)
        except BackupError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"Restauree : {dump}")


@main.command()
def seed() -> None:
    """Build the reproducible demo org (idempotent)."""
    from coulisses.db.migrate import migrate as run_migrate
    from coulisses.seed import seed_demo

    async def _seed() -> dict[str, Any]:
        from coulisses.live.bus import close_bus

        await run_migrate(quiet=True)
        try:
            return await seed_demo()
        finally:
            await close_bus()  # the seed's events went to the live stream

    with database():
        _print_demo(run(_seed))


def _print_demo(info: dict[str, Any]) -> None:
    click.echo("")
    click.echo(f"Org de demo : {info['org_name']}")
    click.echo(f"  Connexion : {info['email']}")
    click.echo(f"  Mot de passe : {info['password']}")
    if info.get("tech_email"):
        click.echo(f"  Technicien : {info['tech_email']} (meme mot de passe)")
    click.echo("")


async def _serve(host: str, port: int, worker: bool, seed_first: bool) -> None:
    import uvicorn

    from coulisses.db.migrate import migrate as run_migrate
    from coulisses.web.app import create_app

    await run_migrate(quiet=True)
    if seed_first:
        from coulisses.seed import seed_demo

        _print_demo(await seed_demo())
    app = create_app(run_worker=worker)
    click.echo(f"Coulisses Crew sur http://{host}:{port}  (API : http://{host}:{port}/api/docs)")
    # Our handlers and format (configure_logging); the access lines are the app's own
    # (coulisses.access: request id, route, duration), so uvicorn's are off.
    config = uvicorn.Config(app, host=host, port=port, log_config=None, access_log=False)
    server = uvicorn.Server(config)
    await server.serve()


@main.command()
@click.option("--host", default=None)
@click.option("--port", default=None, type=int)
@click.option("--worker/--no-worker", default=False, help="Run an in-process job worker")
def serve(host: str | None, port: int | None, worker: bool) -> None:
    """Serve the API (migrates first).

    Without SMTP settings: in dev, emails land in the local sink (as in ``demo``);
    elsewhere the command refuses to start.
    """
    require_secret_key()
    settings = get_settings()
    with mail_delivery(), database():
        run(lambda: _serve(host or settings.host, port or settings.port, worker, False))


@main.command()
@click.option("--host", default=None)
@click.option("--port", default=None, type=int)
def demo(host: str | None, port: int | None) -> None:
    """Embedded DB, migrate, seed the demo org, serve with an in-process worker.

    Without SMTP settings, emails land in a local sink (.coulisses/mail/*.eml,
    links printed in the log), whatever COULISSES_ENV says.
    """
    require_secret_key()
    settings = get_settings()
    with mail_delivery(demo=True), database():
        run(lambda: _serve(host or settings.host, port or settings.port, True, True))


@main.command()
def worker() -> None:
    """Run the SAQ worker (jobs and cron of core and plugins).

    Without SMTP settings: in dev, emails land in the local sink; elsewhere the
    command refuses to start.
    """
    require_secret_key()
    from coulisses.db.connection import close_pool, open_pool
    from coulisses.jobs.queue import JobRuntime, set_runtime
    from coulisses.observability.tracing import setup_from_environment

    setup_from_environment()
    settings = get_settings()
    if settings.worker_metrics_port:
        from coulisses.observability.metrics import serve_worker_metrics

        serve_worker_metrics(settings.worker_metrics_port, settings.worker_metrics_host)

    async def _work() -> None:
        await open_pool(5)
        runtime = JobRuntime()
        await runtime.connect()
        set_runtime(runtime)
        # Live events go to the shared bus only; without Redis the app process publishes them.
        runtime.start_pusher(events=bool(get_settings().redis_url))
        runtime.start_dispatcher()
        try:
            await runtime.worker().start()
        finally:
            await runtime.close()
            await close_pool()

    with mail_delivery(), database():
        run(_work)


@main.group()
def plugins() -> None:
    """Installed plugins."""


@plugins.command("new")
@click.argument("name")
@click.option(
    "--dir",
    "target",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Dossier a creer (defaut : ./coulisses-<nom>)",
)
@click.option("--title-fr", default=None, help="Titre du plugin en francais")
@click.option("--title-en", default=None, help="Titre du plugin en anglais")
def plugins_new(name: str, target: Path | None, title_fr: str | None, title_en: str | None) -> None:
    """Generate the plugin distribution NAME (pyproject, plugin, table and migration,
    route, event handler, job and cron, tests, README) whose tests pass as generated."""
    from coulisses.plugins.scaffold import ScaffoldError, names_for, new_plugin

    try:
        folder = target or Path(names_for(name).dist)
        written = new_plugin(name, folder, title_fr=title_fr, title_en=title_en)
    except ScaffoldError as exc:
        click.echo(f"Erreur : {exc}", err=True)
        sys.exit(2)
    for path in written:
        click.echo(f"  {folder / path}")
    click.echo(f"Plugin {name} cree dans {folder}. Ensuite :")
    click.echo(f"  cd {folder} && pip install -e '.[test]' && pytest")


# ``coulisses plugin new NAME`` reads better than ``plugins new``: both work.
main.add_command(plugins, name="plugin")


@plugins.command("makemigrations")
@click.argument("name")
@click.option("--description", default="", help="Description de la migration")
def plugins_makemigrations(name: str, description: str) -> None:
    """Write the migration of plugin NAME's table changes (Piccolo auto-migrations)."""
    from coulisses.plugins.makemigrations import MakeMigrationsError, make_migrations

    try:
        made = run(lambda: make_migrations(name, description=description))
    except MakeMigrationsError as exc:
        click.echo(f"Erreur : {exc}", err=True)
        sys.exit(2)
    for app in made:
        if app.path is None:
            click.echo(f"{app.app_name} : aucun changement")
        else:
            click.echo(f"{app.app_name} : migration ecrite {app.path}")


@plugins.command("reference")
def plugins_reference() -> None:
    """Print the SDK reference (hooks and host services) as Markdown
    (docs/plugins/reference.md)."""
    from coulisses.plugins.reference import reference

    click.echo(reference(), nl=False)


@plugins.command("list")
def plugins_list() -> None:
    """List installed plugins, and those left out with the reason."""
    from coulisses.plugins.loader import get_registry
    from coulisses_sdk.plugin import localized

    registry = get_registry()
    for name, plugin in sorted(registry.plugins.items()):
        deps = f" (depend de {', '.join(plugin.depends_on)})" if plugin.depends_on else ""
        click.echo(f"{name} {plugin.version} - {localized(plugin.title).get('fr') or name}{deps}")
    for name, reason in sorted(registry.rejected.items()):
        click.echo(f"{name} ECARTE : {reason}", err=True)
    if not registry.plugins and not registry.rejected:
        click.echo("Aucun plugin installe")


@plugins.command("check")
@click.argument("names", nargs=-1)
def plugins_check(names: tuple[str, ...]) -> None:
    """Exit non-zero when an installed plugin (or one of NAMES) is left out, with the reason.

    For a plugin author's CI: the same checks as at boot (metadata, core version,
    dependencies, hook implementations, what the plugin registers).
    """
    from coulisses.plugins.loader import get_registry

    registry = get_registry()
    wanted = set(names) or set(registry.plugins) | set(registry.rejected)
    failed = False
    for name in sorted(wanted):
        if name in registry.rejected:
            click.echo(f"{name} : ECARTE : {registry.rejected[name]}", err=True)
            failed = True
        elif name in registry.plugins:
            click.echo(f"{name} : ok")
        else:
            click.echo(f"{name} : non installe", err=True)
            failed = True
    if failed:
        sys.exit(1)


@main.group()
def events() -> None:
    """Domain events handed to plugins (dead letters, replay)."""


@events.command("failed")
@click.option("--plugin", default=None, help="Only this plugin's deliveries")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 10_000))
def events_failed(plugin: str | None, limit: int) -> None:
    """List dead-lettered deliveries (newest first): every attempt failed."""
    from coulisses.plugins.dispatch import failed

    with database():
        rows = run(lambda: failed(plugin=plugin, limit=limit))
    if not rows:
        click.echo("Aucun evenement en echec")
        return
    for row in rows:
        click.echo(
            f"{row.id}\t{row.failed_at:%Y-%m-%d %H:%M:%S}\t{row.plugin}\t{row.kind}"
            f"\torg {row.org_id}\t{row.attempts} essais\tevent {row.event_id}"
            f"\t{row.last_error or ''}"
        )
    click.echo(f"{len(rows)} evenement(s) en echec ; rejouer : coulisses events replay ID...")


@events.command("catalog")
@click.option(
    "--core-only", is_flag=True, help="Only the core's events (docs/plugins/evenements.md)"
)
def events_catalog(core_only: bool) -> None:
    """Print the domain events (kind, version, hook, fields) as Markdown."""
    from coulisses.plugins.dispatch import event_catalog

    click.echo(event_catalog(core_only=core_only), nl=False)


@events.command("replay")
@click.argument("ids", nargs=-1, type=int)
@click.option("--all", "replay_all", is_flag=True, help="Every dead-lettered delivery")
@click.option("--plugin", default=None, help="Every dead-lettered delivery of this plugin")
def events_replay(ids: tuple[int, ...], replay_all: bool, plugin: str | None) -> None:
    """Give dead-lettered deliveries (IDS, --plugin or --all) new attempts, due now.

    A running worker delivers them; the handler sees the same event_id as before.
    """
    from coulisses.plugins.dispatch import replay

    if not ids and not replay_all and plugin is None:
        click.echo("Indiquez des ids, --plugin NOM ou --all", err=True)
        sys.exit(2)
    with database():
        done = run(lambda: replay(list(ids) if ids else None, plugin=plugin))
    missing = sorted(set(ids) - set(done))
    click.echo(
        f"{len(done)} livraison(s) rejouee(s)" + (f" : {', '.join(map(str, done))}" if done else "")
    )
    if missing:
        click.echo(f"Pas en echec (ou inconnues) : {', '.join(map(str, missing))}", err=True)
        sys.exit(1)


@main.command()
@click.option("--email", prompt=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def createsuperuser(email: str, password: str) -> None:
    """Create a platform operator account (piccolo-admin access)."""
    from coulisses.auth.service import create_account
    from coulisses.db.migrate import migrate as run_migrate
    from coulisses.errors import DomainError

    async def _create() -> int:
        await run_migrate(quiet=True)
        return await create_account(email, password, superuser=True)

    with database():
        try:
            account_id = run(_create)
        except DomainError as exc:
            click.echo(f"Erreur : {exc.message} ({exc.code})", err=True)
            sys.exit(1)
        click.echo(f"Superutilisateur cree (compte {account_id})")


if __name__ == "__main__":
    main()
