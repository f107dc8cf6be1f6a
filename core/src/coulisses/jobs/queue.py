"""The SAQ queue (Redis when REDIS_URL is set, PostgreSQL otherwise) and its job table.

Core jobs and plugin jobs share one queue. A plugin job is stamped with its org
and plugin and re-checked before it runs: a job queued before an org disabled
the plugin does nothing.

Jobs are never put on the queue directly: ``enqueue`` stages them in the outbox
(``coulisses.outbox``), in the caller's transaction, and the outbox pusher moves
them to SAQ after commit. Their arguments travel sealed (one ``sealed`` argument,
opened by the worker just before the function runs), so neither SAQ's store nor
its logs ever hold a link, a token or an address in clear.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, cast

from saq import CronJob, Queue, Worker
from saq.types import PartialTimersDict

from coulisses.db.connection import database_url
from coulisses.gdpr.retention import retention_cron
from coulisses.observability.metrics import JobTimer
from coulisses.observability.tracing import TRACE_KEY, job_span
from coulisses.outbox.instance import queue_name
from coulisses.outbox.service import OutboxPusher, PendingJob, flush, stage_job
from coulisses.plugins.dispatch import EventDispatcher, dispatch_all, in_flight
from coulisses.plugins.host import CoreHost
from coulisses.plugins.lifecycle import JOB as LIFECYCLE_JOB
from coulisses.plugins.lifecycle import lifecycle_job
from coulisses.plugins.loader import JobSpec, get_registry
from coulisses.scheduling.availability_requests.service import JOB as AVAILABILITY_LINKS_JOB
from coulisses.scheduling.availability_requests.service import reminder_cron, send_links_job
from coulisses.scheduling.certifications.service import digest_cron
from coulisses.scheduling.invitations.delivery import JOB as DELIVERY_JOB
from coulisses.scheduling.invitations.delivery import deliver_invitations_job
from coulisses.scheduling.open_shifts.service import expire_offers_cron
from coulisses.scheduling.swaps.service import expire_cron as expire_swaps_cron
from coulisses.sealing import unseal
from coulisses.settings import get_settings
from coulisses_sdk import host as sdk_host

logger = logging.getLogger(__name__)

JobFunc = Callable[..., Awaitable[Any]]

__all__ = ["CoreHost", "JobRuntime", "current_runtime", "get_runtime", "set_runtime"]


async def send_email_job(
    ctx: dict[str, Any], *, to: str, subject: str, text: str, html: str | None = None
) -> None:
    from coulisses.mail.smtp import send_email

    await send_email(to, subject, text, html)


CORE_JOBS: dict[str, JobFunc] = {
    "core.send_email": send_email_job,
    DELIVERY_JOB: deliver_invitations_job,
    LIFECYCLE_JOB: lifecycle_job,
    AVAILABILITY_LINKS_JOB: send_links_job,
}


#: Core crons: (function, cron expression in UTC). Each is idempotent (runs may repeat).
CORE_CRONS: list[tuple[JobFunc, str]] = [
    # The certifications digest: hourly, each org's once its local day is past 07:00.
    (digest_cron, "5 * * * *"),
    # Retention policies (docs/rgpd.md): old audit entries and closed invitations, daily.
    (retention_cron, "35 3 * * *"),
    # Open shifts: expired offers pass to the next on the waitlist.
    (expire_offers_cron, "*/5 * * * *"),
    # Availability requests: the automatic reminder of those who have not answered.
    (reminder_cron, "*/10 * * * *"),
    # Swaps: proposals still open when their mission starts expire (and are announced).
    (expire_swaps_cron, "*/5 * * * *"),
]


def _opened(name: str, func: JobFunc) -> JobFunc:
    """``func`` taking its arguments from the sealed payload the outbox pushed, timed and
    counted (``coulisses_jobs_total``, ``coulisses_job_duration_seconds``)."""

    async def run(ctx: dict[str, Any], *, sealed: str | None = None, **kwargs: Any) -> Any:
        if sealed is not None:
            kwargs = {**unseal(sealed), **kwargs}
        carrier = kwargs.pop(TRACE_KEY, None)
        with job_span(name, carrier), JobTimer(name):
            async with _heartbeat(ctx.get("job")):
                return await func(ctx, **kwargs)

    return run


#: Crash recovery for a job that says nothing of it: run again twice if its worker dies.
DEFAULT_RETRIES = 3


def job_options(options: dict[str, Any]) -> dict[str, Any]:
    """SAQ settings of a queued job: ``options`` over the crash-recovery defaults. A running
    job is touched every third of ``COULISSES_JOB_HEARTBEAT``; one left untouched longer
    (its worker was killed) is swept by another worker and run again while it has retries
    left (SAQ counts that run as an attempt, like a failure)."""
    return {"heartbeat": get_settings().job_heartbeat, "retries": DEFAULT_RETRIES, **options}


@contextlib.asynccontextmanager
async def _heartbeat(job: Any) -> AsyncIterator[None]:
    """Touch ``job`` (a SAQ Job, or None when called outside a worker) while the body runs."""
    beat = int(getattr(job, "heartbeat", 0) or 0)
    if not beat:
        yield
        return

    async def touch() -> None:
        while True:
            await asyncio.sleep(beat / 3)
            try:
                await job.update()
            except Exception:  # a missed beat is retried at the next one
                logger.warning("job %s: heartbeat failed", getattr(job, "key", "?"))

    task = asyncio.create_task(touch())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def _timed(name: str, func: JobFunc) -> JobFunc:
    """A cron timed and counted like a job; SAQ names a cron by ``__qualname__``."""

    async def run(ctx: dict[str, Any]) -> Any:
        with JobTimer(name):
            return await func(ctx)

    run.__qualname__ = run.__name__ = name
    run.__wrapped__ = func  # type: ignore[attr-defined]  # inspect.unwrap finds the cron
    return run


class _JobsWithoutArguments(logging.Filter):
    """SAQ logs whole jobs (``repr`` lists every argument) when one fails: log its name,
    key and attempt instead, whatever the arguments hold."""

    def filter(self, record: logging.LogRecord) -> bool:
        from saq import Job

        def brief(value: Any) -> Any:
            if isinstance(value, Job):
                return f"Job({value.function}, key={value.key}, attempts={value.attempts})"
            return value

        if isinstance(record.args, tuple):
            record.args = tuple(brief(a) for a in record.args)
        return True


_JOB_LOG_FILTER = _JobsWithoutArguments()
for _name in ("saq", "saq.worker", "saq.queue", "saq.job"):
    logging.getLogger(_name).addFilter(_JOB_LOG_FILTER)


def _plugin_job(spec: JobSpec) -> JobFunc:
    async def run(ctx: dict[str, Any], *, org_id: int, plugin: str, **kwargs: Any) -> Any:
        from coulisses.plugins.service import is_enabled

        if plugin != spec.plugin or not await is_enabled(org_id, spec.plugin):
            logger.info("job %s skipped: plugin not enabled for org %s", spec.name, org_id)
            return None
        job = ctx.get("job")
        # The SDK promises these two keys (hookspecs.register_jobs), not SAQ's Job.
        ctx["attempt"] = int(getattr(job, "attempts", 1) or 1)
        ctx["max_attempts"] = int(getattr(job, "retries", 1) or 1)
        return await spec.func(ctx, org_id=org_id, **kwargs)

    return run


def _plugin_cron(spec: JobSpec) -> JobFunc:
    async def fan_out(ctx: dict[str, Any]) -> None:
        await run_plugin_cron(spec, ctx)

    return fan_out


async def run_plugin_cron(spec: JobSpec, ctx: dict[str, Any], org_id: int | None = None) -> None:
    """One run of a plugin's cron: once per org that enabled the plugin (or ``org_id``
    alone, if it did), each org's failure logged without stopping the others."""
    from coulisses.plugins.service import orgs_enabling

    orgs = await orgs_enabling(spec.plugin)
    for org in orgs if org_id is None else [o for o in orgs if o == org_id]:
        try:
            await spec.func(ctx, org_id=org)
        except Exception:
            logger.exception("cron %s failed for org %s", spec.name, org)


def job_functions() -> tuple[list[tuple[str, JobFunc]], list[CronJob[Any]]]:
    functions: list[tuple[str, JobFunc]] = [(n, _opened(n, f)) for n, f in CORE_JOBS.items()]
    crons: list[CronJob[Any]] = [
        CronJob(_timed(func.__qualname__, func), cron=cron) for func, cron in CORE_CRONS
    ]
    for spec in get_registry().jobs.values():
        # A job is a job: a cron one is also queued on demand for one org (``enqueue``).
        functions.append((spec.name, _opened(spec.name, _plugin_job(spec))))
        if spec.cron:
            crons.append(CronJob(_timed(f"{spec.name}.cron", _plugin_cron(spec)), cron=spec.cron))
    return functions, crons


def queue_url() -> str:
    return get_settings().redis_url or database_url()


class JobRuntime:
    """Owns the queue connection and, in the demo and tests, an in-process worker."""

    def __init__(self) -> None:
        self.queue: Queue = Queue.from_url(queue_url(), name=queue_name())
        self._worker: Worker[Any] | None = None
        self._task: asyncio.Task[None] | None = None
        self._pusher: OutboxPusher | None = None
        self._dispatcher: EventDispatcher | None = None

    async def connect(self) -> None:
        await self.queue.connect()

    async def enqueue(
        self,
        job: str,
        *,
        org_id: int | None = None,
        options: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        """Stage ``job`` in the outbox (in the current transaction, if any); the pusher
        queues it after commit. ``options`` are SAQ settings (retries, scheduled...)."""
        if org_id is not None:
            kwargs["org_id"] = org_id
        await stage_job(job, kwargs, org_id=org_id, options=options)

    async def push(self, job: PendingJob) -> None:
        """Put one outbox row on the SAQ queue (its key makes a second push harmless)."""
        await self.queue.enqueue(
            job.name, key=job.key, sealed=job.sealed, **job_options(job.options)
        )

    async def flush(self, *, events: bool = True) -> int:
        """Push everything staged so far, waiting for rows other pushers hold."""
        from coulisses.live.bus import publish_to_bus

        return await flush(self.push, publish_to_bus if events else None, wait=True)

    def start_pusher(self, *, events: bool) -> None:
        """Run the outbox pusher in this process. ``events``: also publish live events (an
        app process always; a separate worker only when the live bus is shared, Redis)."""
        from coulisses.live.bus import publish_to_bus

        self._pusher = OutboxPusher(self.push, publish_to_bus if events else None)
        self._pusher.start()

    def worker(self, *, burst: bool = False) -> Worker[Any]:
        functions, crons = job_functions()
        worker: Worker[Any] = Worker(
            self.queue,
            functions=functions,
            cron_jobs=crons,
            concurrency=5,
            burst=burst,
            dequeue_timeout=0.5 if burst else 0.0,
            startup=self._install_host,
            # A dead worker's jobs are swept (and run again) within a heartbeat and a half.
            timers=cast(PartialTimersDict, {"sweep": max(1, get_settings().job_heartbeat // 2)}),
        )
        worker.SIGNALS = []  # the host process owns signals (see STACK_NOTES)
        return worker

    async def _install_host(self, ctx: dict[str, Any]) -> None:
        self._install_sdk_host()

    def _install_sdk_host(self) -> None:
        # A standalone worker (``coulisses worker``) has no app lifespan to install the
        # SDK host, yet plugin jobs and event handlers may call ``enqueue`` or
        # ``plugin_config``.
        try:
            sdk_host.get_host()
        except RuntimeError:
            sdk_host.set_host(CoreHost(self))

    def start_worker(self) -> None:
        self.start_dispatcher()
        self._worker = self.worker()
        self._task = asyncio.create_task(self._worker.start())

    def start_dispatcher(self) -> None:
        """Deliver domain events to plugins in this process (every worker process does)."""
        self._install_sdk_host()
        self._dispatcher = EventDispatcher()
        self._dispatcher.start()

    async def stop_pusher(self) -> None:
        if self._pusher is not None:
            await self._pusher.stop()
            self._pusher = None

    async def run_pending(self, *, rounds: int = 20) -> None:
        """Deliver due domain events, push the outbox and process what is queued until
        nothing new was staged (a job that stages another job or an event, a handler
        that queues a job: all run); tests and one-shot commands."""
        from coulisses.outbox.service import pending_count

        self._install_sdk_host()
        for _ in range(rounds):
            await dispatch_all()
            await self.flush()
            await self.worker(burst=True).start()
            if (
                not await pending_count()
                and not await self.queue.count("queued")
                and not await in_flight()
            ):
                return

    async def close(self) -> None:
        await self.stop_pusher()
        if self._dispatcher is not None:
            await self._dispatcher.stop()
            self._dispatcher = None
        if self._worker is not None:
            await self._worker.stop()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self.queue.disconnect()


_runtime: JobRuntime | None = None


def current_runtime() -> JobRuntime | None:
    """The runtime started by a running app, if any (test harnesses share it)."""
    return _runtime


def get_runtime() -> JobRuntime:
    if _runtime is None:
        raise RuntimeError("job runtime not started")
    return _runtime


def set_runtime(runtime: JobRuntime | None) -> None:
    global _runtime
    _runtime = runtime
