"""Domain events to plugins, through the database: never lost, never in the request.

:func:`stage` writes one ``event_deliveries`` row per event and target plugin (the
plugins the org has enabled that implement the event's hook or ``domain_event``),
in the transaction of the change that produced the event, and NOTIFYs
``cc_events`` at commit. A worker's :class:`EventDispatcher` claims due rows
(``FOR UPDATE SKIP LOCKED``, with a lease), calls the plugin's handlers with a
timeout and marks the row done; a handler that raises or times out is tried again
later (doubling delays), and after ``COULISSES_EVENT_ATTEMPTS`` attempts the row is
dead-lettered: ``coulisses events failed`` lists it, ``coulisses events replay``
gives it new attempts.

A worker killed mid-dispatch leaves its rows claimed until their lease ends; any
dispatcher then takes them again. Delivery is therefore at least once: the event's
``event_id`` is the idempotency key a handler uses to do its work once.

Payloads are sealed (``coulisses.sealing``) like the outbox's: an event may name a
member's email address.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import msgspec

from coulisses.db.connection import fetch, transaction
from coulisses.db.listen import ListeningLoop
from coulisses.plugins.loader import get_registry
from coulisses.sealing import seal, unseal
from coulisses.settings import get_settings
from coulisses_sdk import DomainEvent, OrgCreated

logger = logging.getLogger(__name__)

CHANNEL = "cc_events"
#: Rows one dispatcher claims at once; their handlers run concurrently.
BATCH = 10
#: A claimed row is taken again by any dispatcher this long after its handler's timeout.
LEASE_MARGIN_SECONDS = 30
MAX_RETRY_DELAY_SECONDS = 3600
KEEP_DONE = "7 days"
GENERIC_HOOK = "domain_event"

#: Events of the platform rather than of an org's activity: every installed plugin gets them
#: (a new org has enabled nothing yet).
PLATFORM_EVENTS: tuple[type[DomainEvent], ...] = (OrgCreated,)


def hook_name(kind: str) -> str:
    """``MemberAdded`` -> ``member_added``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", kind).lower()


def event_types() -> dict[str, type[DomainEvent]]:
    """Every event class known to this process (core's and the loaded plugins'), by kind."""
    found: dict[str, type[DomainEvent]] = {}
    todo: list[type[DomainEvent]] = [DomainEvent]
    while todo:
        cls = todo.pop()
        found.setdefault(cls.__name__, cls)
        todo.extend(cls.__subclasses__())
    return found


def encode(event: DomainEvent) -> dict[str, Any]:
    """The event's fields as JSON values (dates and times as RFC 3339 strings)."""
    data: dict[str, Any] = msgspec.to_builtins(event)
    return data


def decode(kind: str, data: dict[str, Any]) -> DomainEvent:
    cls = event_types().get(kind)
    if cls is None:
        raise LookupError(f"unknown event kind {kind}")
    event: DomainEvent = msgspec.convert(data, type=cls, strict=False)
    return event


def _implementers(hook: str) -> set[str]:
    registry = get_registry()
    caller = getattr(registry.pm.hook, hook, None)
    if caller is None:
        return set()
    names = {id(p): n for n, p in registry.plugins.items()}
    return {names[id(impl.plugin)] for impl in caller.get_hookimpls() if id(impl.plugin) in names}


_INSERT = """WITH ins AS (
    INSERT INTO event_deliveries (event_id, kind, org_id, plugin, sealed)
    SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[])
    ON CONFLICT (event_id, plugin) DO NOTHING
    RETURNING id)
SELECT (SELECT count(*) FROM ins) AS n, pg_notify('cc_events', '') AS notified"""


async def stage(events: Sequence[DomainEvent]) -> int:
    """Record ``events`` for the plugins that handle them, in the caller's transaction
    (each plugin enabled by the event's org, every installed plugin for a platform
    event); the number of deliveries staged. The worker delivers them after commit."""
    from coulisses.plugins.service import enabled_names

    registry = get_registry()
    if not events or not registry.plugins:
        return 0
    generic = _implementers(GENERIC_HOOK)
    handlers: dict[str, set[str]] = {}
    enabled: dict[int, set[str]] = {}
    rows: list[tuple[str, str, int | None, str, str]] = []
    for event in events:
        kind = event.kind
        if kind not in handlers:
            handlers[kind] = _implementers(hook_name(kind)) | generic
        targets = handlers[kind]
        if not targets:
            continue
        if not isinstance(event, PLATFORM_EVENTS):
            if event.org_id not in enabled:
                enabled[event.org_id] = set(await enabled_names(event.org_id))
            targets = targets & enabled[event.org_id]
        if not targets:
            continue
        sealed = seal(encode(event))
        rows += [(event.event_id, kind, event.org_id, p, sealed) for p in sorted(targets)]
    if not rows:
        return 0
    ids, kinds, orgs, plugins, sealed_rows = (list(c) for c in zip(*rows, strict=True))
    await fetch(_INSERT, ids, kinds, orgs, plugins, sealed_rows)
    return len(rows)


@dataclass(frozen=True)
class Claimed:
    id: int
    event_id: str
    kind: str
    org_id: int | None
    plugin: str
    sealed: str
    attempts: int


def _error(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "TimeoutError: the handler ran longer than COULISSES_EVENT_HANDLER_TIMEOUT"
    return f"{type(exc).__name__}: {exc}"[:500]


async def _claim(limit: int) -> list[Claimed]:
    lease = get_settings().event_handler_timeout + LEASE_MARGIN_SECONDS
    rows = await fetch(
        """UPDATE event_deliveries d
           SET attempts = d.attempts + 1, locked_until = now() + make_interval(secs => $2)
           FROM (SELECT id FROM event_deliveries
                 WHERE status = 'pending' AND available_at <= now()
                   AND (locked_until IS NULL OR locked_until < now())
                 ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
           WHERE d.id = due.id
           RETURNING d.id, d.event_id, d.kind, d.org_id, d.plugin, d.sealed, d.attempts""",
        limit,
        float(lease),
    )
    return [Claimed(**r) for r in sorted(rows, key=lambda r: r["id"])]


async def _still_enabled(row: Claimed, event: DomainEvent) -> bool:
    if isinstance(event, PLATFORM_EVENTS):
        return True
    found = await fetch(
        "SELECT 1 FROM org_plugins WHERE org = $1 AND plugin = $2 AND enabled",
        row.org_id,
        row.plugin,
    )
    return bool(found)


async def _call(plugin: str, hook: str, event: DomainEvent) -> None:
    registry = get_registry()
    others = [p for n, p in registry.plugins.items() if n != plugin]
    caller = registry.pm.subset_hook_caller(hook, remove_plugins=others)
    for result in caller(event=event):
        if inspect.isawaitable(result):
            await result


class _Skipped(Exception):
    """The org disabled the plugin after the event: nothing to deliver."""


async def _handle(row: Claimed) -> None:
    """Run the plugin's handlers of one event; raise to have the delivery retried."""
    registry = get_registry()
    if row.plugin not in registry.plugins:
        raise LookupError(f"plugin {row.plugin} is not loaded in this process")
    event = decode(row.kind, unseal(row.sealed))
    if not await _still_enabled(row, event):
        raise _Skipped
    hook = hook_name(row.kind)
    async with asyncio.timeout(get_settings().event_handler_timeout):
        if row.plugin in _implementers(hook):
            await _call(row.plugin, hook, event)
        if row.plugin in _implementers(GENERIC_HOOK):
            await _call(row.plugin, GENERIC_HOOK, event)


async def _deliver(row: Claimed) -> str:
    settings = get_settings()
    try:
        await _handle(row)
    except _Skipped:
        await fetch(
            """UPDATE event_deliveries SET status = 'skipped', done_at = now(),
                      locked_until = NULL WHERE id = $1""",
            row.id,
        )
        return "skipped"
    except Exception as exc:
        dead = row.attempts >= settings.event_attempts
        delay = min(settings.event_retry_delay * 2 ** (row.attempts - 1), MAX_RETRY_DELAY_SECONDS)
        await fetch(
            """UPDATE event_deliveries SET status = $2, last_error = $3, locked_until = NULL,
                      available_at = now() + make_interval(secs => $4)
               WHERE id = $1""",
            row.id,
            "dead" if dead else "pending",
            _error(exc),
            float(delay),
        )
        log = logger.error if dead else logger.warning
        log(
            "event %s (%s, org %s) for plugin %s failed (attempt %d%s): %s",
            row.event_id,
            row.kind,
            row.org_id,
            row.plugin,
            row.attempts,
            ", dead-lettered" if dead else ", retried later",
            _error(exc),
            exc_info=not isinstance(exc, TimeoutError),
        )
        return "dead" if dead else "retry"
    await fetch(
        """UPDATE event_deliveries SET status = 'done', done_at = now(), locked_until = NULL,
                  last_error = NULL WHERE id = $1""",
        row.id,
    )
    return "done"


async def dispatch_due(*, limit: int = BATCH) -> int:
    """Claim and deliver one batch of due deliveries; how many were claimed."""
    rows = await _claim(limit)
    if rows:
        await asyncio.gather(*(_deliver(r) for r in rows))
    return len(rows)


async def dispatch_all(*, rounds: int = 100) -> int:
    """Deliver what is due now, batch after batch; how many were claimed."""
    total = 0
    for _ in range(rounds):
        claimed = await dispatch_due()
        total += claimed
        if claimed < BATCH:
            break
    return total


async def make_due(*, leases: bool = False) -> None:
    """Let time pass (tests): retries waiting for their delay become due now, and with
    ``leases`` the rows a vanished dispatcher had claimed too."""
    await fetch(
        """UPDATE event_deliveries SET available_at = least(available_at, now()),
                  locked_until = CASE WHEN $1 THEN NULL ELSE locked_until END
           WHERE status = 'pending'""",
        leases,
    )


async def in_flight() -> int:
    """Deliveries due now, including those another dispatcher is running."""
    rows = await fetch(
        """SELECT count(*) AS n FROM event_deliveries
           WHERE status = 'pending' AND available_at <= now()"""
    )
    return int(rows[0]["n"])


# -- operators ---------------------------------------------------------------


@dataclass(frozen=True)
class DeadDelivery:
    id: int
    event_id: str
    kind: str
    org_id: int | None
    plugin: str
    attempts: int
    last_error: str | None
    created_at: dt.datetime
    failed_at: dt.datetime


async def failed(*, plugin: str | None = None, limit: int = 100) -> list[DeadDelivery]:
    """Dead-lettered deliveries, newest first."""
    rows = await fetch(
        """SELECT id, event_id, kind, org_id, plugin, attempts, last_error, created_at,
                  available_at AS failed_at
           FROM event_deliveries WHERE status = 'dead' AND ($1::text IS NULL OR plugin = $1)
           ORDER BY id DESC LIMIT $2""",
        plugin,
        limit,
    )
    return [DeadDelivery(**r) for r in rows]


async def counts() -> dict[str, int]:
    """``due``: deliveries waiting for a dispatcher now (lag); ``retrying``: waiting for a
    retry delay; ``dead``: dead-lettered, waiting for an operator."""
    [row] = await fetch(
        """SELECT count(*) FILTER (WHERE status = 'pending' AND available_at <= now()) AS due,
                  count(*) FILTER (WHERE status = 'pending' AND available_at > now())
                      AS retrying,
                  count(*) FILTER (WHERE status = 'dead') AS dead
           FROM event_deliveries WHERE status IN ('pending', 'dead')"""
    )
    return {k: int(v) for k, v in row.items()}


async def replay(ids: Sequence[int] | None = None, *, plugin: str | None = None) -> list[int]:
    """Give dead deliveries (``ids``, or all of them, or all of ``plugin``'s) a new
    series of attempts, due now; the ids replayed."""
    async with transaction():
        rows = await fetch(
            """UPDATE event_deliveries
               SET status = 'pending', attempts = 0, available_at = now(), locked_until = NULL
               WHERE status = 'dead' AND ($1::bigint[] IS NULL OR id = ANY($1::bigint[]))
                 AND ($2::text IS NULL OR plugin = $2)
               RETURNING id""",
            list(ids) if ids is not None else None,
            plugin,
        )
        if rows:
            await fetch("SELECT pg_notify('cc_events', '')")
    return sorted(r["id"] for r in rows)


async def prune() -> None:
    await fetch(
        f"""DELETE FROM event_deliveries
            WHERE status IN ('done', 'skipped') AND done_at < now() - interval '{KEEP_DONE}'"""  # noqa: S608
    )


class EventDispatcher(ListeningLoop):
    """Background task of a worker process: deliver at each commit that staged events
    (NOTIFY) and every few seconds (retries that became due, leases that ended)."""

    def __init__(self, *, sweep_seconds: float = 2.0) -> None:
        super().__init__(
            "event-dispatcher", CHANNEL, dispatch_all, prune, sweep_seconds=sweep_seconds
        )


# -- catalog -----------------------------------------------------------------


def _type_name(annotation: Any) -> str:
    text = getattr(annotation, "__name__", None) if isinstance(annotation, type) else None
    text = text or str(annotation).replace("typing.", "")
    return text.replace("datetime.datetime", "datetime").replace("datetime.date", "date")


def event_catalog(*, core_only: bool = False) -> str:
    """The domain events (core's, then the loaded plugins' unless ``core_only``) as a
    Markdown reference: kind, version, the hook that receives it, its fields."""
    import dataclasses
    import inspect as _inspect
    import typing

    from coulisses_sdk import events as core_events

    bases = {"DomainEvent", "AssignmentEvent", "OpenShiftEvent"}
    kinds = sorted(
        (cls for kind, cls in event_types().items() if kind not in bases),
        key=lambda c: (c.__module__ != core_events.__name__, c.__name__),
    )
    lines = [
        "# Catalogue des evenements du domaine",
        "",
        "Genere par `coulisses events catalog` depuis les classes du SDK",
        "(`coulisses_sdk.events`) : ne pas modifier a la main. Chaque evenement est",
        "livre aux plugins actives par son org (hook indique, et `domain_event` qui",
        "les recoit tous), apres commit, au moins une fois (docs/plugins/guide.md, 3.13).",
        "",
        "Champs communs a tous : `org_id` (int), `actor_account_id` (int ou null : qui",
        "a agi), `at` (instant du changement, RFC 3339), `event_id` (texte : cle",
        "d'idempotence, la meme a chaque essai). `version` monte quand un champ est",
        "retire, renomme ou change de sens ou de type.",
        "",
    ]
    common = {"org_id", "actor_account_id", "at", "event_id"}
    for cls in kinds:
        if core_only and cls.__module__ != core_events.__name__:
            continue
        hints = typing.get_type_hints(cls)
        origin = "coeur" if cls.__module__ == core_events.__name__ else cls.__module__
        lines += [
            f"## {cls.__name__}",
            "",
            f"Version {cls.version} ; hook `{hook_name(cls.__name__)}` ; origine : {origin}.",
            "",
        ]
        doc = cls.__dict__.get("__doc__") or ""
        if doc and not doc.startswith(f"{cls.__name__}("):  # not dataclass's own signature
            lines += [*_inspect.cleandoc(doc).splitlines(), ""]
        lines += ["| champ | type | defaut |", "| --- | --- | --- |"]
        for f in dataclasses.fields(cls):
            if f.name in common:
                continue
            if f.default is not dataclasses.MISSING:
                default = repr(f.default)
            elif f.default_factory is not dataclasses.MISSING:
                default = "(calcule)"
            else:
                default = "(requis)"
            kind = _type_name(hints[f.name]).replace("|", "\\|")  # a pipe ends a cell
            lines.append(f"| `{f.name}` | `{kind}` | {default} |")
        lines.append("")
    return "\n".join(lines)
