"""OpenTelemetry traces: requests, SQL, Redis and jobs, exported by OTLP.

Off unless ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set (then the standard ``OTEL_*``
variables configure the exporter: headers, protocol, ``OTEL_SERVICE_NAME``...). When
on, every HTTP request is a server span named by its route template
(``POST /api/v1/assignments``), asyncpg and Redis calls are child spans (statements
without their parameters, Redis commands without their arguments), and a job runs in a
span whose parent is the span that queued it: the trace context travels in the job's
sealed arguments (``_trace``), so one trace goes from an invite request through the job
that e-mails the link. Off, the app pays one flag test per request.

No span carries a secret: the server span's URL attributes go through
:func:`coulisses.logs.redact` (signed links, feed paths, API keys) and its name is the
route template, never the raw path.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from litestar.types import ASGIApp, Message, Receive, Scope, Send
from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import SpanKind

from coulisses import __version__
from coulisses.logs import redact

#: The job argument that carries the W3C trace context of the code that queued it.
TRACE_KEY = "_trace"


class Tracing:
    """Whether traces are recorded, and with which provider (one per process)."""

    def __init__(self) -> None:
        self.provider: TracerProvider | None = None

    @property
    def enabled(self) -> bool:
        return self.provider is not None

    def tracer(self) -> trace.Tracer:
        return trace.get_tracer("coulisses", __version__, tracer_provider=self.provider)

    def enable(self, provider: TracerProvider) -> None:
        """Record with ``provider`` from now on, SQL and Redis calls included."""
        from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
        from opentelemetry.instrumentation.redis import RedisInstrumentor

        self.provider = provider
        AsyncPGInstrumentor().instrument(tracer_provider=provider)  # type: ignore[no-untyped-call]
        RedisInstrumentor().instrument(tracer_provider=provider)

    def disable(self) -> None:
        from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
        from opentelemetry.instrumentation.redis import RedisInstrumentor

        if self.provider is None:
            return
        AsyncPGInstrumentor().uninstrument()  # type: ignore[no-untyped-call]
        RedisInstrumentor().uninstrument()
        self.provider.shutdown()
        self.provider = None


TRACING = Tracing()


def setup_from_environment() -> None:
    """Turn traces on when an OTLP endpoint is configured (the OTLP exporter reads the
    standard variables itself)."""
    if TRACING.enabled or not os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        return
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    resource = Resource.create(
        {
            "service.name": os.environ.get("OTEL_SERVICE_NAME", "coulisses"),
            "service.version": __version__,
        }
    )
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    TRACING.enable(provider)


def _span_details(scope: Scope) -> tuple[str, dict[str, Any]]:
    """The server span's first name: the method (the route is known after routing)."""
    return str(scope.get("method") or "HTTP"), {}


def _redact_attributes(span: Any, scope: dict[str, Any]) -> None:
    """URL attributes without signed-link material (``?token=``, feed paths, API keys)."""
    attributes = getattr(span, "attributes", None) or {}
    for key, value in list(attributes.items()):
        if isinstance(value, str):
            cleaned = redact(value)
            if cleaned != value:
                span.set_attribute(key, cleaned)


def traced_app(app: ASGIApp) -> ASGIApp:
    """``app`` behind OpenTelemetry's ASGI middleware while tracing is on."""

    async def named(scope: Scope, receive: Receive, send: Send) -> None:
        span = trace.get_current_span()

        async def send_named(message: Message) -> None:
            # Routing is done when the answer starts (the span ends with its last byte).
            template = scope.get("path_template")
            if message["type"] == "http.response.start" and template and span.is_recording():
                span.update_name(f"{scope.get('method', '')} {template}".strip())
                span.set_attribute("http.route", template)
            await send(message)

        await app(scope, receive, send_named)

    middlewares: dict[int, Any] = {}

    def middleware() -> Any:
        provider = TRACING.provider
        key = id(provider)
        if key not in middlewares:
            middlewares.clear()
            middlewares[key] = OpenTelemetryMiddleware(
                named,
                default_span_details=_span_details,
                server_request_hook=_redact_attributes,
                tracer_provider=provider,
                exclude_spans=["receive", "send"],
            )
        return middlewares[key]

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if not TRACING.enabled or scope["type"] not in ("http", "websocket"):
            await app(scope, receive, send)
            return
        await middleware()(scope, receive, send)

    return wrapped


def current_context() -> dict[str, str] | None:
    """The W3C trace context of the current span, for a job queued now (None when no
    trace is recorded)."""
    if not TRACING.enabled or not trace.get_current_span().get_span_context().is_valid:
        return None
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier or None


@contextmanager
def job_span(name: str, carrier: dict[str, str] | None) -> Iterator[None]:
    """A job's span, child of the span that queued it (``carrier``), when tracing is on."""
    if not TRACING.enabled:
        yield
        return
    parent = propagate.extract(carrier) if carrier else otel_context.get_current()
    with TRACING.tracer().start_as_current_span(
        f"job {name}", context=parent, kind=SpanKind.CONSUMER, attributes={"job.name": name}
    ):
        yield


@contextmanager
def span(name: str, **attributes: Any) -> Iterator[None]:
    """An internal span around a step worth seeing in a trace (an SMTP send)."""
    if not TRACING.enabled:
        yield
        return
    with TRACING.tracer().start_as_current_span(name, attributes=attributes):
        yield
