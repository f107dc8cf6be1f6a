"""Logs: signed-link material never reaches a log line; JSON lines with request ids.

Access logs print request paths, and public links carry their secret in the query
(``?token=...``) or, for calendar feeds, in the path (``/api/v1/calendar/<token>.ics``):
the value is replaced by ``[redacted]`` before any handler sees it.
An org API key (``ck_...``) is masked wherever it appears in such a line (a client
that puts its key in a URL by mistake).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, cast

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

_TOKEN = re.compile(r"((?:^|[?&\s])(?:token|code|key)=)[^&\s\"']+", re.IGNORECASE)
_API_KEY = re.compile(r"\bck_[A-Za-z0-9_-]{16,}")
#: A calendar feed's address: its token is the path segment after ``/calendar/``.
_FEED_PATH = re.compile(r"(/calendar/)[^/\s?#\"']+")
#: Loggers that print request lines (uvicorn's access log, HTTP clients).
REQUEST_LOGGERS = ("uvicorn.access", "uvicorn.error", "httpx", "httpcore", "coulisses.access")


def redact(text: str) -> str:
    text = _FEED_PATH.sub(r"\1[redacted]", _TOKEN.sub(r"\1[redacted]", text))
    return _API_KEY.sub("ck_[redacted]", text)


class RedactLinks(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_FILTER = RedactLinks()


def install_redaction() -> None:
    """Attach the filter to the loggers that print request lines (idempotent)."""
    for name in REQUEST_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


# -- structured logs ---------------------------------------------------------------
#
# ``COULISSES_LOG_FORMAT=json`` (the default outside dev) writes one JSON object per
# line: timestamp (UTC), level, logger, message, and, inside a request, its request id
# (``X-Request-ID``, taken from the request when it is sane, made up otherwise, sent back
# in the response), route template, org and account; inside a trace, its trace and span
# ids; on the access line (logger ``coulisses.access``) method, status and duration. The
# message and any traceback go through :func:`redact` first: no signed link, feed path or
# API key reaches a line, whatever logged it.

#: A request id from a client is kept when it looks like one (else a new one is made).
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
#: Probes and scrapes log their access lines at DEBUG (one per few seconds otherwise).
QUIET_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})

access_logger = logging.getLogger("coulisses.access")


@dataclass
class RequestContext:
    """What every log line of a request carries; ``scope`` gives the route and principal
    once routing and authentication have run."""

    request_id: str
    scope: dict[str, Any]

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"request_id": self.request_id}
        route = self.scope.get("path_template")
        if route:
            out["route"] = route
        principal = self.scope.get("user")
        org_id = getattr(principal, "org_id", None)
        if org_id is not None:
            out["org_id"] = org_id
        account_id = getattr(principal, "account_id", None)
        if account_id is not None:
            out["account_id"] = account_id
        return out


CURRENT_REQUEST: ContextVar[RequestContext | None] = ContextVar("coulisses_request", default=None)


def _trace_fields() -> dict[str, str]:
    from opentelemetry import trace

    context = trace.get_current_span().get_span_context()
    if not context.is_valid:
        return {}
    return {"trace_id": f"{context.trace_id:032x}", "span_id": f"{context.span_id:016x}"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line (see above)."""

    #: ``extra=`` keys copied to the line when a record carries them.
    EXTRA = ("method", "status", "duration_ms", "job")

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "timestamp": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        context = CURRENT_REQUEST.get()
        if context is not None:
            line.update(context.fields())
        line.update(_trace_fields())
        for key in self.EXTRA:
            if key in record.__dict__:
                line[key] = record.__dict__[key]
        if record.exc_info:
            line["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """The dev format, with the request id when there is one. Request lines are redacted
    by the filter of ``install_redaction``; the dev mail sink's lines keep their links
    (printing them is its job, and it never runs outside dev)."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        context = CURRENT_REQUEST.get()
        return text if context is None else f"{text} [{context.request_id}]"


def configure_logging(*, verbose: bool = False) -> None:
    """The process's log output from the settings (``COULISSES_LOG_FORMAT``,
    ``COULISSES_LOG_LEVEL``); the CLI calls it before anything logs."""
    from coulisses.settings import get_settings

    settings = get_settings()
    kind = settings.log_format or ("text" if settings.is_dev else "json")
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if kind == "json" else TextFormatter())
    handler.set_name("coulisses")
    root = logging.getLogger()
    # Ours replaces ours (a second call); handlers others attached (a test's) stay.
    root.handlers[:] = [h for h in root.handlers if h.get_name() != "coulisses"] + [handler]
    root.setLevel(logging.DEBUG if verbose else settings.log_level)
    if not verbose:
        # Chatty at INFO: the embedded PostgreSQL, the dev mail sink's SMTP sessions.
        for name in ("pgserver", "mail.log"):
            logging.getLogger(name).setLevel(logging.WARNING)
    install_redaction()


def request_context_middleware(app: ASGIApp) -> ASGIApp:
    """Outermost ASGI wrapper: a request id for every HTTP request (logs, response header
    ``X-Request-ID``) and one access line when it ends."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        incoming = next(
            (v for k, v in scope.get("headers", ()) if k == b"x-request-id"), b""
        ).decode("latin-1")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        context = RequestContext(request_id, cast("dict[str, Any]", scope))
        token = CURRENT_REQUEST.set(context)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", ()))
                headers.append((b"x-request-id", request_id.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await app(scope, receive, send_with_id)
        finally:
            path = scope.get("path", "")
            access_logger.log(
                logging.DEBUG if path in QUIET_PATHS else logging.INFO,
                "%s %s %s",
                scope.get("method", ""),
                redact(path),
                status,
                extra={
                    "method": scope.get("method", ""),
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
            )
            CURRENT_REQUEST.reset(token)

    return wrapped
