"""The SAQ queue (Redis when REDIS_URL is set, PostgreSQL otherwise) and its job table.

Core jobs and plugin jobs share one queue. A plugin job is stamped with its org
and plugin and re-checked before it runs: a job queued before an org disabled
the plugin does nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from saq import CronJob, Queue, Worker

from coulisses.db.connection import database_url
from coulisses.plugins.host import CoreHost
from coulisses.plugins.loader import JobSpec, get_registry
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


CORE_JOBS: dict[str, JobFunc] = {"core.send_email": send_email_job}


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
        from coulisses.plugins.service import orgs_enabling

        for org_id in await orgs_enabling(spec.plugin):
            try:
                await spec.func(ctx, org_id=org_id)
            except Exception:
                logger.exception("cron %s failed for org %s", spec.name, org_id)

    return fan_out


def job_functions() -> tuple[list[tuple[str, JobFunc]], list[CronJob[Any]]]:
    functions: list[tuple[str, JobFunc]] = list(CORE_JOBS.items())
    crons: list[CronJob[Any]] = []
    for spec in get_registry().jobs.values():
        if spec.cron:
            cron_func = _plugin_cron(spec)
            cron_func.__qualname__ = f"{spec.name}.cron"
            crons.append(CronJob(cron_func, cron=spec.cron))
        else:
            functions.append((spec.name, _plugin_job(spec)))
    return functions, crons


def queue_url() -> str:
    return get_settings().redis_url or database_url()


class JobRuntime:
    """Owns the queue connection and, in the demo and tests, an in-process worker."""

    def __init__(self) -> None:
        self.queue: Queue = Queue.from_url(queue_url(), name=get_settings().queue_name)
        self._worker: Worker[Any] | None = None
        self._task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self.queue.connect()

    async def enqueue(self, job: str, **kwargs: Any) -> None:
        await self.queue.enqueue(job, **kwargs)

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
        )
        worker.SIGNALS = []  # the host process owns signals (see STACK_NOTES)
        return worker

    async def _install_host(self, ctx: dict[str, Any]) -> None:
        # A standalone worker (``coulisses worker``) has no app lifespan to install
        # the SDK host, yet plugin jobs may call ``enqueue`` or ``plugin_config``.
        try:
            sdk_host.get_host()
        except RuntimeError:
            sdk_host.set_host(CoreHost(self))

    def start_worker(self) -> None:
        self._worker = self.worker()
        self._task = asyncio.create_task(self._worker.start())

    async def run_pending(self) -> None:
        """Process what is queued, then return (tests and one-shot commands)."""
        await self.worker(burst=True).start()

    async def close(self) -> None:
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
