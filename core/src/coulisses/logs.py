"""Log hygiene: signed-link material never reaches a log line.

Access logs print request paths, and public links carry their secret in the query
(``?token=...``) or, for calendar feeds, in the path (``/api/v1/calendar/<token>.ics``):
the value is replaced by ``[redacted]`` before any handler sees it.
An org API key (``ck_...``) is masked wherever it appears in such a line (a client
that puts its key in a URL by mistake).
"""

from __future__ import annotations

import logging
import re

_TOKEN = re.compile(r"((?:^|[?&\s])(?:token|code|key)=)[^&\s\"']+", re.IGNORECASE)
_API_KEY = re.compile(r"\bck_[A-Za-z0-9_-]{16,}")
#: A calendar feed's address: its token is the path segment after ``/calendar/``.
_FEED_PATH = re.compile(r"(/calendar/)[^/\s?#\"']+")
#: Loggers that print request lines (uvicorn's access log, HTTP clients).
REQUEST_LOGGERS = ("uvicorn.access", "uvicorn.error", "httpx", "httpcore")


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
