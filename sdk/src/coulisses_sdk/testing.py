"""Test helpers so a plugin tests itself against the real core, in isolation.

Two ways to use it:

* plain helpers: :func:`installed` (a registry holding exactly the given
  plugins, restored afterwards), :func:`app_client` (a fresh app with those
  plugins over httpx), :func:`run_jobs` (run what is queued),
  :func:`run_deferred_jobs` (make deferred jobs and retries due, then run them),
  :func:`run_cron` (a plugin's cron job now, for every enabling org or one),
  :func:`run_certification_check` (the daily certifications check of an org, now),
  :func:`assert_config_labelled` (the settings form speaks every locale),
  :func:`rotated_secret_key` (rotate the host's signing key for a block),
  :func:`event_stream` and :func:`next_event` (the live SSE stream, subscribed
  before the helper returns);
* a pytest plugin: ``pytest_plugins = ["coulisses_sdk.testing"]`` in the top
  ``conftest.py`` gives the fixtures ``coulisses_plugins`` (override it to
  choose the plugins under test), ``coulisses_database``, ``coulisses_app``,
  ``coulisses_client``, ``make_org``, ``org``, ``enable_plugin``,
  ``coulisses_mail`` and ``factories``.

Factories (:class:`Factories`) make core data for a test through the real HTTP API of
the running app, as a manager of the org would, so every rule and event of the core
applies: ``await factories.mission()`` makes a project and a mission with one role;
every argument has a sensible default and every API field can be overridden
(``await factories.user(first_name="Ada", skills=[{"name": "son"}])``). For another
org: ``Factories(await make_org())``.

The fixtures need a PostgreSQL server: ``DATABASE_URL`` (its database is only
used to create and drop a throwaway one) or, when unset, the embedded server.
When the host test suite already prepared a database (it exports
``COULISSES_TEST_DATABASE`` equal to ``DATABASE_URL``) and runs the app, the
fixtures reuse them, but only a database a harness created (its name starts
with ``coulisses_test_`` or ``coulisses_plugin_test_``): any other is left
untouched and a throwaway one is created beside it on the same server. The core
is imported lazily, inside functions: importing this module does not import
``coulisses``.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import itertools
import os
import secrets
import socket
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse, urlunparse

import pytest
import pytest_asyncio

if TYPE_CHECKING:
    import httpx
    from litestar import Litestar

    from coulisses.plugins.loader import PluginRegistry
    from coulisses_sdk.plugin import Plugin

#: Exported by a host suite once ``DATABASE_URL`` is created and migrated.
READY_ENV = "COULISSES_TEST_DATABASE"
#: A password the core accepts.
PASSWORD = "Sc3ne-Ouverte!"

_RUN = secrets.token_hex(4)
_counter = itertools.count(1)


# -- plain helpers --------------------------------------------------------------


def assert_config_labelled(plugin: Plugin) -> None:
    """Fails unless the plugin's title, description and every config field (and enum
    choice) have a text in each locale of the web app (see ``coulisses_sdk.setting``)."""
    from coulisses_sdk.config_fields import LOCALES, config_label_problems
    from coulisses_sdk.plugin import localized

    problems = config_label_problems(plugin.config_model)
    for attr in ("title", "description"):
        texts = localized(getattr(plugin, attr))
        if texts:
            problems += [f"plugin {attr}: no {loc} text" for loc in LOCALES if loc not in texts]
    assert not problems, f"{plugin.name}: " + "; ".join(problems)


@contextlib.contextmanager
def installed(*plugins: Plugin) -> Iterator[PluginRegistry]:
    """Install a registry holding exactly ``plugins``; the previous one is restored on exit.

    ``build_registry`` checks each plugin as at boot: a rejected plugin (bad
    metadata, a misspelled hookimpl, a bad registration...) ends up in
    ``registry.rejected`` with the reason, the others are installed.
    """
    from coulisses.plugins import loader

    registry = loader.build_registry(plugins)
    with using_registry(registry):
        yield registry


@contextlib.contextmanager
def rotated_secret_key(*, keep_old: bool = True) -> Iterator[str]:
    """Rotate the host's keys for the block, as an operator would; yields the new key.

    A fresh key signs; with ``keep_old`` the previous keys stay in the
    verification list (``COULISSES_OLD_SECRET_KEYS``), without it they are
    forgotten. What a plugin signed with :func:`coulisses_sdk.sign` before the
    block must verify in the first case and not in the second.
    """
    from coulisses.settings import get_settings

    settings = get_settings()
    previous = (settings.secret_key, settings.old_secret_keys)
    old = ",".join(settings.verification_keys) if keep_old else ""
    settings.secret_key = secrets.token_urlsafe(48)
    settings.old_secret_keys = old
    try:
        yield settings.secret_key
    finally:
        settings.secret_key, settings.old_secret_keys = previous


@contextlib.contextmanager
def using_registry(registry: PluginRegistry) -> Iterator[PluginRegistry]:
    """Install an already built registry for the duration of the block."""
    from coulisses.plugins import loader

    previous = loader.set_registry(registry)
    try:
        yield registry
    finally:
        loader.set_registry(previous)


@contextlib.asynccontextmanager
async def running_app(*plugins: Plugin) -> AsyncIterator[Litestar]:
    """The core app with exactly ``plugins`` mounted (routes are mounted at creation).

    The app's registry is in ``app.state.plugin_registry``; it is installed while
    the app is created only, see :func:`using_registry`. When an app of this
    process already started the pool, queue and host, they are shared;
    otherwise the app's lifespan runs here.
    """
    from asgi_lifespan import LifespanManager

    from coulisses.jobs.queue import current_runtime
    from coulisses.web.app import create_app

    with installed(*plugins) as registry:
        app = create_app()
    app.state.plugin_registry = registry
    if current_runtime() is not None:
        yield app
        return
    asgi: Any = app  # asgi-lifespan's ASGI type is narrower than Litestar's signature
    async with LifespanManager(asgi, startup_timeout=120, shutdown_timeout=120):
        yield app


def http_client(app: Any, ip: str = "10.77.0.1") -> httpx.AsyncClient:
    """An httpx client talking to ``app`` in process (same event loop as the test)."""
    import httpx

    transport = httpx.ASGITransport(app=app, client=(ip, 5555))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@contextlib.asynccontextmanager
async def app_client(*plugins: Plugin) -> AsyncIterator[httpx.AsyncClient]:
    """An anonymous client of a fresh app where exactly ``plugins`` are installed.

    Needs a prepared database (the ``coulisses_database`` fixture).
    """
    async with running_app(*plugins) as app:
        with using_registry(app.state.plugin_registry):
            async with http_client(app) as client:
                yield client


#: How long the SSE helpers wait for a line: generous, the machine may be loaded.
SSE_TIMEOUT = 60.0


@contextlib.asynccontextmanager
async def event_stream(
    base_url: str, access_token: str, last_event_id: str | None = None
) -> AsyncIterator[AsyncIterator[str]]:
    """Open ``GET /api/v1/events`` on a live server and wait for its ``: connected`` line.

    The server subscribes before it sends that line, so every event published
    after this context is entered reaches the returned line iterator.
    """
    import httpx

    headers = {"Authorization": f"Bearer {access_token}"}
    if last_event_id is not None:
        headers["Last-Event-ID"] = last_event_id
    timeout = httpx.Timeout(SSE_TIMEOUT)
    async with (
        httpx.AsyncClient(base_url=base_url, timeout=timeout) as http,
        http.stream("GET", "/api/v1/events", headers=headers) as stream,
    ):
        assert stream.status_code == 200, await stream.aread()
        assert stream.headers["content-type"].startswith("text/event-stream")
        lines = stream.aiter_lines()

        async def connected() -> None:
            async for line in lines:
                if line == ": connected":
                    return
            raise AssertionError("event stream ended before ': connected'")

        await asyncio.wait_for(connected(), SSE_TIMEOUT)
        yield lines


async def next_event(
    lines: AsyncIterator[str],
    kind: str,
    where: Callable[[dict[str, Any]], bool] | None = None,
) -> dict[str, Any]:
    """The next SSE event named ``kind`` (``{"id", "event", "data"}``, data decoded from JSON)
    for which ``where(data)`` holds, if given.

    Events of other kinds, or that ``where`` rejects, are skipped; fails after
    :data:`SSE_TIMEOUT` seconds. Live events are published after their commit by the
    outbox, so an event of an earlier request (the signup's ``MemberAdded``) may still
    arrive after a stream opens: pass ``where`` to wait for a given one.
    """
    import json

    async def read() -> dict[str, Any]:
        event: dict[str, Any] = {}
        async for line in lines:
            if line.startswith("id:"):
                event["id"] = line[3:].strip()
            elif line.startswith("event:"):
                event["event"] = line[6:].strip()
            elif line.startswith("data:"):
                event["data"] = json.loads(line[5:].strip())
            elif line == "":
                if event.get("event") == kind and (where is None or where(event.get("data", {}))):
                    return event
                event = {}
        raise AssertionError(f"event stream ended before a {kind!r} event")

    return await asyncio.wait_for(read(), SSE_TIMEOUT)


async def run_jobs() -> None:
    """Run everything queued so far with a burst worker (same code as production)."""
    from coulisses.jobs.queue import get_runtime

    await get_runtime().run_pending()


async def run_events(*, retries: bool = False) -> int:
    """Hand the domain events recorded so far to the plugins' handlers, as a worker
    would, without running the jobs they queue (``run_jobs`` runs both); how many
    deliveries were attempted.

    ``retries``: let time pass first, so deliveries waiting for their retry delay are
    attempted now (a handler that failed is called again).
    """
    from coulisses.plugins.dispatch import dispatch_all, make_due

    if retries:
        await make_due()
    return await dispatch_all()


async def event_deliveries(plugin: str | None = None) -> list[dict[str, Any]]:
    """The deliveries of domain events to plugins, oldest first: ``event_id``, ``kind``,
    ``org_id``, ``plugin``, ``status`` (pending, done, dead, skipped), ``attempts``,
    ``last_error``."""
    from coulisses.db.connection import fetch

    return await fetch(
        """SELECT event_id, kind, org_id, plugin, status, attempts, last_error
           FROM event_deliveries WHERE $1::text IS NULL OR plugin = $1 ORDER BY id""",
        plugin,
    )


async def run_cron(job: str, org_id: int | None = None) -> None:
    """Run the cron job ``job`` (``"<plugin>.<function>"``) now, as its schedule would:
    once per org that enabled the plugin (or only ``org_id``), then the jobs it queued.
    An org whose run raises is logged and the others still run, as in production."""
    from coulisses.jobs.queue import run_plugin_cron
    from coulisses.plugins.loader import get_registry

    spec = get_registry().jobs.get(job)
    if spec is None or not spec.cron:
        raise ValueError(f"{job} is not a registered cron job")
    await run_plugin_cron(spec, {}, org_id)
    await run_jobs()


async def run_certification_check(
    org_id: int, *, now: dt.datetime | None = None, within_days: int = 30
) -> bool:
    """Run the core's daily certifications check of ``org_id`` now (the cron runs it
    hourly, once a day per org), then the jobs it queued. True when this run fired
    ``CertificationsExpiring`` (False: nothing to renew, or already told that day).

    ``now`` (aware) picks the day: the org's local date of that instant.
    """
    from coulisses.scheduling.certifications.service import run_digest

    digest = await run_digest(org_id, now=now, within_days=within_days)
    await run_jobs()
    return digest.notified


async def run_deferred_jobs() -> None:
    """Let time pass: jobs waiting for later (``defer_until``, a retry delay) become due, then run.

    Works on both queues (Redis and PostgreSQL); cron jobs are left alone. Domain
    events waiting for a retry delay are delivered too.
    """
    from coulisses.jobs.queue import get_runtime
    from coulisses.plugins.dispatch import make_due

    await make_due()

    queue: Any = get_runtime().queue
    if hasattr(queue, "redis"):
        incomplete = queue.namespace("incomplete")
        waiting = await queue.redis.zrangebyscore(incomplete, 2, "+inf")
        cron = [j for j in waiting if b":cron:" in j or b".cron" in j]
        due = {job_id: 1 for job_id in waiting if job_id not in cron}
        if due:
            await queue.redis.zadd(incomplete, due)
            await queue.redis.delete(queue.namespace("schedule"))  # the scheduler's 1 s lock
    else:
        from psycopg.sql import SQL

        async with queue.pool.connection() as conn:
            await conn.execute(
                SQL(
                    "UPDATE {} SET scheduled = 0 WHERE queue = %s AND status = 'queued'"
                    " AND scheduled > 0 AND key NOT LIKE 'cron:%%'"
                ).format(queue.jobs_table),
                [queue.name],
            )
    await get_runtime().run_pending()


@dataclass
class OrgClient:
    """An owner signed up with a new org, and their authenticated client."""

    client: httpx.AsyncClient
    org_id: int
    account_id: int
    email: str
    password: str = PASSWORD

    @property
    def csrf(self) -> dict[str, str]:
        """The CSRF header every unsafe request with session cookies needs."""
        return {"X-CSRF-Token": self.client.cookies.get("cc_csrf") or ""}

    async def get(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.get(url, **kw)

    async def post(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.post(url, headers={**self.csrf, **kw.pop("headers", {})}, **kw)

    async def put(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.put(url, headers={**self.csrf, **kw.pop("headers", {})}, **kw)

    async def patch(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.patch(url, headers={**self.csrf, **kw.pop("headers", {})}, **kw)

    async def delete(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.delete(url, headers={**self.csrf, **kw.pop("headers", {})}, **kw)

    async def set_plugin(
        self, plugin: str, *, enabled: bool | None = None, config: dict[str, Any] | None = None
    ) -> httpx.Response:
        body: dict[str, Any] = {}
        if enabled is not None:
            body["enabled"] = enabled
        if config is not None:
            body["config"] = config
        return await self.patch(f"/api/v1/orgs/current/plugins/{plugin}", json=body)

    async def enable(self, plugin: str, config: dict[str, Any] | None = None) -> dict[str, Any]:
        """Enable ``plugin`` for this org (with ``config`` if given); fails the test on error."""
        response = await self.set_plugin(plugin, enabled=True, config=config)
        assert response.status_code == 200, response.text
        state: dict[str, Any] = response.json()
        return state

    async def disable(self, plugin: str) -> dict[str, Any]:
        response = await self.set_plugin(plugin, enabled=False)
        assert response.status_code == 200, response.text
        state: dict[str, Any] = response.json()
        return state

    async def invite(self, email: str, role: str = "tech") -> dict[str, Any]:
        """Add a member to the org (fires ``member_added`` for the enabled plugins)."""
        response = await self.post(
            "/api/v1/orgs/current/members", json={"email": email, "role": role}
        )
        assert response.status_code == 201, response.text
        member: dict[str, Any] = response.json()
        return member


def unique_email(prefix: str = "member") -> str:
    return f"{prefix}-{next(_counter)}-{_RUN}@example.org"


async def signup(client: httpx.AsyncClient, org_name: str | None = None) -> OrgClient:
    """Sign up a new org and its owner through the API; ``client`` keeps the session cookies."""
    email = unique_email("owner")
    response = await client.post(
        "/api/v1/auth/signup",
        json={"email": email, "password": PASSWORD, "org_name": org_name or f"Org {email}"},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return OrgClient(client, int(body["org_id"]), int(body["account_id"]), email)


# -- factories -------------------------------------------------------------------------


def _tomorrow_evening() -> dt.datetime:
    day = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(18, 0), tzinfo=dt.UTC)


class Factories:
    """Makes users, projects, places, missions with roles, assignments, invitations and
    rates in ``org`` through the real HTTP API (the owner's session); each returns the
    API's JSON answer (``user["id"]``, ``mission["roles"][0]["id"]``...).

    Each call fails the test with the API's answer if the core refuses it. Names and
    emails get a unique suffix, so calls never collide; pass any field of the API's
    body to override a default. Needs the running app (the ``factories`` fixture, or
    ``Factories(org)`` with an :class:`OrgClient` from ``make_org`` / ``signup``).
    """

    def __init__(self, org: OrgClient) -> None:
        self.org = org

    async def _created(self, url: str, body: dict[str, Any]) -> dict[str, Any]:
        response = await self.org.post(url, json=body)
        assert response.status_code == 201, f"POST {url}: {response.status_code} {response.text}"
        created: dict[str, Any] = response.json()
        return created

    async def user(self, **fields: Any) -> dict[str, Any]:
        """A user (crew profile): ``Camille Crew-<n>``, intermittent, a unique email."""
        n = next(_counter)
        body: dict[str, Any] = {
            "first_name": "Camille",
            "last_name": f"Crew-{n}",
            "employment_type": "Intermittent",
            "email": f"crew-{n}-{_RUN}@example.org",
        }
        return await self._created("/api/v1/users", {**body, **fields})

    async def project(self, **fields: Any) -> dict[str, Any]:
        """A project ``Projet <n>`` without dates (its missions may fall on any day)."""
        body = {"name": f"Projet {next(_counter)}"}
        return await self._created("/api/v1/projects", {**body, **fields})

    async def place(self, **fields: Any) -> dict[str, Any]:
        """A place ``Salle <n>`` in Europe/Paris."""
        body = {"name": f"Salle {next(_counter)}", "timezone": "Europe/Paris"}
        return await self._created("/api/v1/places", {**body, **fields})

    async def mission(
        self,
        project_id: int | None = None,
        *,
        starts_at: dt.datetime | str | None = None,
        hours: float = 6,
        **fields: Any,
    ) -> dict[str, Any]:
        """A mission of ``project_id`` (a new project if not given) starting at
        ``starts_at`` (default: tomorrow 18:00 UTC) for ``hours`` (unless ``ends_at``
        is given), with one role ``technicien son`` of quota 2 (``roles=[...]`` to
        choose them, ``roles=[]`` for none)."""
        if project_id is None:
            project_id = (await self.project())["id"]
        start = starts_at if starts_at is not None else _tomorrow_evening()
        if isinstance(start, str):
            start = dt.datetime.fromisoformat(start)
        body: dict[str, Any] = {
            "project_id": project_id,
            "title": f"Exploitation {next(_counter)}",
            "starts_at": start.isoformat(),
            "ends_at": (start + dt.timedelta(hours=hours)).isoformat(),
            "roles": [{"name": "technicien son", "quota": 2}],
        }
        if isinstance(fields.get("ends_at"), dt.datetime):
            fields["ends_at"] = fields["ends_at"].isoformat()
        return await self._created("/api/v1/missions", {**body, **fields})

    async def role(self, mission_id: int, **fields: Any) -> dict[str, Any]:
        """Add a role (``regisseur <n>``, quota 1) to a mission; returns the mission."""
        body: dict[str, Any] = {"name": f"regisseur {next(_counter)}", "quota": 1}
        return await self._created(f"/api/v1/missions/{mission_id}/roles", {**body, **fields})

    async def assignment(
        self,
        role_id: int | None = None,
        user_id: int | None = None,
        *,
        accept: bool = False,
        reserve: bool = False,
    ) -> dict[str, Any]:
        """Invite ``user_id`` (a new user if not given) on ``role_id`` (the first role of
        a new mission if not given): an ``INVITED`` assignment with its invitation.

        With ``accept`` the user then accepts through the host, as a trusted channel
        would (:func:`coulisses_sdk.host.answer_invitation`, same rules as the link):
        the returned JSON is read again and says ``ACCEPTED``. ``reserve`` invites on
        the role's reserve list once its places are held (the core gives a place
        instead while one is open).
        """
        if role_id is None:
            role_id = (await self.mission())["roles"][0]["id"]
        if user_id is None:
            user_id = (await self.user())["id"]
        body = {"mission_role_id": role_id, "user_id": user_id, "reserve": reserve}
        created = await self._created("/api/v1/assignments", body)
        if not accept:
            return created
        from coulisses_sdk import host

        answer = await host.answer_invitation(
            self.org.org_id,
            created["invitation"]["id"],
            user_id=user_id,
            accept=True,
            via="test",
        )
        assert answer.ok, f"accepting assignment {created['id']}: {answer.code}"
        response = await self.org.get(f"/api/v1/assignments/{created['id']}")
        assert response.status_code == 200, response.text
        accepted: dict[str, Any] = response.json()
        return accepted

    async def invitation(
        self, role_id: int | None = None, user_id: int | None = None
    ) -> dict[str, Any]:
        """An open invitation (see :meth:`assignment`): the invitation's JSON, with the
        assignment it belongs to under ``"assignment"``."""
        created = await self.assignment(role_id, user_id)
        return {**created["invitation"], "assignment": created}

    async def revoke_invitation(self, invitation_id: int) -> dict[str, Any]:
        """Revoke an invitation, as a manager (the link stops working)."""
        return await self._answered(f"/api/v1/invitations/{invitation_id}/revoke")

    async def resend_invitation(self, invitation_id: int) -> dict[str, Any]:
        """Send an invitation again, as a manager (a new link replaces the old one)."""
        return await self._answered(f"/api/v1/invitations/{invitation_id}/resend")

    async def rate(self, **fields: Any) -> dict[str, Any]:
        """A rate: hourly, 2,000 cents, EUR; attach it with exactly one of ``user_id``,
        ``role_name`` or ``mission_id`` (default: the role name ``technicien son``)."""
        body: dict[str, Any] = {"kind": "hourly", "amount_cents": 2000, "currency": "EUR"}
        if not {"user_id", "role_name", "mission_id"} & set(fields):
            body["role_name"] = "technicien son"
        return await self._created("/api/v1/rates", {**body, **fields})

    async def _answered(self, url: str) -> dict[str, Any]:
        response = await self.org.post(url)
        assert response.status_code == 200, f"POST {url}: {response.status_code} {response.text}"
        answered: dict[str, Any] = response.json()
        return answered


# -- process-wide harness (database, mail) ----------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _with_db(url: str, name: str) -> str:
    return urlunparse(urlparse(url)._replace(path="/" + name))


@dataclass
class _Harness:
    owns_env: bool = False
    smtp_port: int | None = None
    cleanup: list[Callable[[], None]] = field(default_factory=list)


_harness = _Harness()


def pytest_configure(config: pytest.Config) -> None:
    """Settings are read once per process: give the core test settings before any import.

    A host suite that set them first (the core repository's conftest) keeps its own.
    """
    if "COULISSES_ENV" in os.environ:
        return
    _harness.owns_env = True
    _harness.smtp_port = _free_port()
    os.environ.update(
        {
            "COULISSES_ENV": "test",
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(_harness.smtp_port),
            "COULISSES_QUEUE_NAME": f"coulisses-plugin-test-{_RUN}",
            "COULISSES_SECRET_KEY": "plugin-test-secret-key-of-at-least-32-bytes-" + _RUN,
            "COULISSES_PUBLIC_URL": "http://testserver",
        }
    )
    os.environ.setdefault("PICCOLO_CONF", "coulisses.db.piccolo_conf")


async def _admin_exec(base_url: str, sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_with_db(base_url, "postgres"))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


#: Names of the databases test harnesses create (this one and the core's suite); only such
#: a database is reused and emptied, never one an author points at by mistake.
_THROWAWAY_PREFIXES = ("coulisses_plugin_test_", "coulisses_test_")


def _is_throwaway(url: str) -> bool:
    from urllib.parse import urlparse

    return urlparse(url).path.lstrip("/").startswith(_THROWAWAY_PREFIXES)


def prepare_database(plugins: list[Plugin]) -> str:
    """Create and migrate a throwaway database (core and ``plugins`` apps); once per process."""
    url = os.environ.get("DATABASE_URL")
    if url and os.environ.get(READY_ENV) == url and _is_throwaway(url):
        return url
    if not url:
        from coulisses.db.embedded import EmbeddedPostgres

        server = EmbeddedPostgres(Path(tempfile.gettempdir()) / "coulisses-plugin-test-pg")
        url = server.start()
        _harness.cleanup.append(server.stop)
    from coulisses.db.migrate import migrate

    name = f"coulisses_plugin_test_{_RUN}"
    asyncio.run(_admin_exec(url, f'CREATE DATABASE "{name}"'))
    base = url
    _harness.cleanup.insert(
        0,
        lambda: asyncio.run(_admin_exec(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')),
    )
    os.environ["DATABASE_URL"] = _with_db(url, name)
    with installed(*plugins):  # Piccolo reads the plugin apps from the registry here
        asyncio.run(migrate(quiet=True))
    os.environ[READY_ENV] = os.environ["DATABASE_URL"]
    return os.environ["DATABASE_URL"]


async def clean_database() -> None:
    """Empty every table but Piccolo's migration log, and forget rate limits."""
    import asyncpg

    from coulisses.db.connection import database_url
    from coulisses.ratelimit import set_limiter
    from coulisses.settings import get_settings

    conn = await asyncpg.connect(database_url())
    try:
        rows = await conn.fetch(
            """SELECT tablename FROM pg_tables WHERE schemaname = 'public'
               AND tablename NOT IN ('migration', 'instance_info')
               AND tablename NOT LIKE 'saq\\_%'"""
        )
        if rows:
            names = ", ".join(f'"{r["tablename"]}"' for r in rows)
            await conn.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    finally:
        await conn.close()
    settings = get_settings()
    if settings.redis_url:
        from redis.asyncio import Redis

        redis = Redis.from_url(settings.redis_url)
        try:
            keys = [k async for k in redis.scan_iter(f"cc:{settings.queue_name}:*:rl:*")]
            if keys:
                await redis.delete(*keys)
        finally:
            await redis.aclose()
    set_limiter(None)


class MailSink:
    """What the local SMTP server received (``coulisses_mail``)."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        from email import message_from_bytes, policy

        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def to(self, address: str) -> list[Any]:
        return [m for m in self.messages if address.lower() in str(m["To"]).lower()]


# -- fixtures ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def coulisses_plugins() -> list[Plugin]:
    """The plugins under test; by default every installed one. Override it to isolate yours."""
    from coulisses.plugins.loader import discover_plugins

    return discover_plugins()


@pytest.fixture(scope="session")
def coulisses_database(coulisses_plugins: list[Plugin]) -> Iterator[str]:
    """The migrated test database URL (dropped at the end if this harness created it)."""
    url = prepare_database(coulisses_plugins)
    try:
        yield url
    finally:
        while _harness.cleanup:
            _harness.cleanup.pop(0)()


@pytest.fixture(scope="session")
def coulisses_mail() -> Iterator[MailSink]:
    """Emails the core sent while this harness owns the settings (else stays empty)."""
    sink = MailSink()
    if _harness.smtp_port is None:
        yield sink
        return
    from aiosmtpd.controller import Controller

    controller = Controller(sink, hostname="127.0.0.1", port=_harness.smtp_port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def coulisses_app(
    coulisses_database: str, coulisses_plugins: list[Plugin], coulisses_mail: MailSink
) -> AsyncIterator[Litestar]:
    """The real core app with ``coulisses_plugins`` mounted, lifespan started once."""
    async with running_app(*coulisses_plugins) as app:
        yield app


@pytest_asyncio.fixture(loop_scope="session")
async def coulisses_registry(
    coulisses_app: Litestar, coulisses_mail: MailSink
) -> AsyncIterator[PluginRegistry]:
    """Installs the app's plugin registry for one test; empties tables and mailbox after it."""
    registry: PluginRegistry = coulisses_app.state.plugin_registry
    try:
        with using_registry(registry):
            yield registry
    finally:
        await clean_database()
        coulisses_mail.messages.clear()


@pytest_asyncio.fixture(loop_scope="session")
async def coulisses_client(
    coulisses_app: Litestar, coulisses_registry: PluginRegistry
) -> AsyncIterator[httpx.AsyncClient]:
    """An anonymous client of ``coulisses_app``."""
    async with http_client(coulisses_app) as client:
        yield client


@pytest_asyncio.fixture(loop_scope="session")
async def make_org(
    coulisses_app: Litestar, coulisses_registry: PluginRegistry
) -> AsyncIterator[Callable[..., Awaitable[OrgClient]]]:
    """Factory: ``await make_org("Theatre")`` signs up another org with its own client."""
    clients: list[httpx.AsyncClient] = []

    async def make(name: str | None = None) -> OrgClient:
        client = http_client(coulisses_app, ip=f"10.77.1.{len(clients) + 1}")
        clients.append(client)
        return await signup(client, name)

    try:
        yield make
    finally:
        for client in clients:
            await client.aclose()


@pytest_asyncio.fixture(loop_scope="session")
async def org(make_org: Callable[..., Awaitable[OrgClient]]) -> OrgClient:
    """A freshly signed-up org (owner session, ``org.org_id``, ``org.csrf``)."""
    return await make_org()


@pytest.fixture
def enable_plugin() -> Callable[..., Awaitable[dict[str, Any]]]:
    """``await enable_plugin(org, "hello", config={...})``: enable through the API, as an admin."""

    async def enable(
        org: OrgClient, plugin: str, config: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        return await org.enable(plugin, config)

    return enable


@pytest.fixture
def factories(org: OrgClient) -> Factories:
    """:class:`Factories` of the ``org`` fixture (make core data through the API)."""
    return Factories(org)
