"""Domain errors with stable codes, and their one mapping to HTTP responses.

Every error leaving the API has the shape
``{"error": {"code": "...", "message": "...", "details": ...}}``.
"""

from __future__ import annotations

import errno
import logging
import re
import socket
from collections.abc import Mapping
from typing import Any

from asyncpg.exceptions import (
    CharacterNotInRepertoireError,
    DataError,
    InsufficientResourcesError,
    InterfaceError,
    NumericValueOutOfRangeError,
    OperatorInterventionError,
    PostgresConnectionError,
    StringDataRightTruncationError,
    UntranslatableCharacterError,
)
from litestar import MediaType, Request, Response
from litestar.exceptions import (
    ClientException,
    HTTPException,
    NotAuthorizedException,
    NotFoundException,
    PermissionDeniedException,
    SerializationException,
    ValidationException,
)
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from coulisses_sdk.listing import ListError
from coulisses_sdk.web import PLUGIN_OPT_KEY, PluginError

logger = logging.getLogger(__name__)


class DomainError(Exception):
    """A rule of the domain was broken; ``code`` is stable and documented in docs/api.md."""

    status_code = 400

    def __init__(self, code: str, message: str, details: Any = None, status: int | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details
        if status is not None:
            self.status_code = status


class NotFound(DomainError):
    status_code = 404

    def __init__(self, code: str = "not_found", message: str = "Resource not found"):
        super().__init__(code, message)


class Conflict(DomainError):
    status_code = 409


class Forbidden(DomainError):
    status_code = 403


class Unauthorized(DomainError):
    status_code = 401


class TooManyRequests(DomainError):
    status_code = 429

    def __init__(
        self, code: str, message: str, details: Any = None, *, retry_after: int | None = None
    ):
        super().__init__(code, message, details)
        #: Seconds sent as ``Retry-After`` when known.
        self.retry_after = retry_after


#: Seconds a client is asked to wait (``Retry-After``) when a backing service is down.
RETRY_AFTER_SECONDS = 5


class ServiceUnavailable(DomainError):
    """PostgreSQL or Redis cannot serve the request now; the client should retry later."""

    status_code = 503

    def __init__(
        self,
        message: str = "The service is temporarily unavailable; retry in a few seconds",
        code: str = "service.unavailable",
    ):
        super().__init__(code, message)


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return {"error": body}


def _response(
    status: int,
    code: str,
    message: str,
    details: Any = None,
    headers: dict[str, str] | None = None,
) -> Response[Any]:
    return Response(
        content=error_body(code, message, details),
        status_code=status,
        media_type=MediaType.JSON,
        headers=headers,
    )


def domain_error_handler(_: Request[Any, Any, Any], exc: DomainError | ListError) -> Response[Any]:
    response = _response(exc.status_code, exc.code, exc.message, exc.details)
    if exc.status_code == 503:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    retry_after = getattr(exc, "retry_after", None)
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


_HTTP_CODES = {
    400: "request.bad_request",
    401: "auth.unauthenticated",
    403: "auth.forbidden",
    404: "not_found",
    405: "request.method_not_allowed",
    413: "request.too_large",
    415: "request.unsupported_media_type",
    429: "request.rate_limited",
}


def _is_malformed_body(exc: HTTPException) -> bool:
    # Litestar turns a body that msgspec cannot decode into a bare ClientException
    # raised from a SerializationException; its message varies ("Input data was
    # truncated", "JSON is malformed: ..."), so the cause is what identifies it.
    return type(exc) is ClientException and isinstance(exc.__cause__, SerializationException)


_PARAMETER_SOURCES = {"query", "path", "header", "cookie"}
#: Stable codes of one field's error (items of ``request.validation`` and
#: ``plugin.invalid_config`` details), with the ``params`` each always sends. The
#: decoders' own sentences stay in ``message`` for integrators; clients word the code.
FIELD_ERROR_CODES: dict[str, tuple[str, ...]] = {
    "field.required": (),
    "field.unknown": ("name",),
    "field.type": (),
    "field.too_short": ("min",),
    "field.too_long": ("max",),
    "field.too_small": ("min",),
    "field.too_large": ("max",),
    "field.pattern": (),
    "field.choice": (),
    "field.format": (),
    "field.invalid": (),
}

#: msgspec's sentences (it has no error codes), first match wins.
_MSGSPEC_FIELD_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), code)
    for pattern, code in (
        (r"^Object missing required field `(?P<name>[^`]+)`$", "field.required"),
        (r"^A JSON request body is required$", "field.required"),
        (r"^Object contains unknown field `(?P<name>[^`]+)`$", "field.unknown"),
        (r"^Expected `[^`]+` of length >= (?P<min>\d+)$", "field.too_short"),
        (r"^Expected `[^`]+` of length <= (?P<max>\d+)$", "field.too_long"),
        (r"^Expected `[^`]+` >= (?P<min>-?[\d.e+-]+)$", "field.too_small"),
        (r"^Expected `[^`]+` <= (?P<max>-?[\d.e+-]+)$", "field.too_large"),
        (r"^Expected `[^`]+` matching regex ", "field.pattern"),
        (r"^Invalid enum value ", "field.choice"),
        (r"^Invalid (RFC3339|ISO8601) encoded |^Expected `\w+` with a timezone", "field.format"),
        (r"^Expected `[^`]+`, got `[^`]+`$", "field.type"),
    )
)

#: pydantic error types (``err["type"]``) by field code; others are ``field.invalid``.
_PYDANTIC_FIELD_ERRORS = {
    "missing": "field.required",
    "extra_forbidden": "field.unknown",
    "string_too_short": "field.too_short",
    "too_short": "field.too_short",
    "string_too_long": "field.too_long",
    "too_long": "field.too_long",
    "greater_than_equal": "field.too_small",
    "less_than_equal": "field.too_large",
    "string_pattern_mismatch": "field.pattern",
    "literal_error": "field.choice",
    "enum": "field.choice",
}
_PYDANTIC_PARAMS = {"min_length": "min", "max_length": "max", "ge": "min", "le": "max"}


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def msgspec_field_error(message: str) -> tuple[str, dict[str, Any]]:
    """The stable code and params of one of msgspec's (or Litestar's) field sentences."""
    for pattern, code in _MSGSPEC_FIELD_ERRORS:
        match = pattern.search(message)
        if match:
            found = match.groupdict()
            params: dict[str, Any] = {k: found[k] for k in FIELD_ERROR_CODES[code] if k in found}
            return code, {k: v if k == "name" else _number(v) for k, v in params.items()}
    return "field.invalid", {}


def pydantic_field_error(error: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """The stable code and params of one pydantic error (``ValidationError.errors()``)."""
    kind = str(error.get("type", ""))
    code = _PYDANTIC_FIELD_ERRORS.get(kind)
    if code is None:
        if kind.startswith(("date", "time", "url", "uuid")):
            code = "field.format"
        elif kind.endswith(("_type", "_parsing")):
            code = "field.type"
        else:
            code = "field.invalid"
    context = error.get("ctx") or {}
    params: dict[str, Any] = {}
    for name, param in _PYDANTIC_PARAMS.items():
        if param in FIELD_ERROR_CODES[code] and name in context:
            params[param] = context[name]
    if code == "field.unknown":
        params["name"] = str(tuple(error.get("loc", ("",)))[-1])
    if set(params) != set(FIELD_ERROR_CODES[code]):
        return "field.invalid", {}
    return code, params


def field_error(item: dict[str, Any], code: str, params: dict[str, Any]) -> dict[str, Any]:
    """A details item with its stable code (and params when the code takes some)."""
    return {**item, "code": code, **({"params": params} if params else {})}


#: Litestar's sentence for a missing required parameter (it carries no ``extra``); its
#: tail repeats the request's path and query, which may hold a token: never echoed.
_MISSING_PARAMETER = re.compile(
    r"^Missing required (?P<source>query|path|header|cookie) parameter '(?P<name>[^']+)'"
)


def _validation_details(exc: ValidationException) -> Any:
    if not exc.extra:
        missing = _MISSING_PARAMETER.match(str(exc.detail or ""))
        if missing is None:
            return None
        name, source = missing.group("name"), missing.group("source")
        item = {
            "field": name,
            "message": f"Missing required {source} parameter {name!r}",
            "key": name,
            "source": source,
        }
        return [field_error(item, "field.required", {})]
    if not isinstance(exc.extra, list):
        return exc.extra
    details = []
    for item in exc.extra:
        if isinstance(item, dict) and item.get("key") == "data" and item.get("message") == "'data'":
            # Litestar reports a missing body as the KeyError of its "data" kwarg.
            item = {**item, "message": "A JSON request body is required"}
        if isinstance(item, dict) and item.get("source") in _PARAMETER_SOURCES and "key" in item:
            # One convention for every error about a parameter: ``field`` names it.
            item = {"field": item["key"], **item}
        if isinstance(item, dict) and isinstance(item.get("message"), str):
            item = field_error(item, *msgspec_field_error(item["message"]))
        details.append(item)
    return details


def http_error_handler(_: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    status = exc.status_code
    if _is_malformed_body(exc):
        return _response(400, "request.malformed_json", "The request body is not valid JSON")
    if isinstance(exc, ValidationException):
        return _response(status, "request.validation", "Invalid request", _validation_details(exc))
    if isinstance(exc, NotAuthorizedException):
        return _response(401, "auth.unauthenticated", str(exc.detail or "Authentication required"))
    if isinstance(exc, PermissionDeniedException):
        return _response(403, "auth.forbidden", str(exc.detail or "Forbidden"))
    if isinstance(exc, NotFoundException):
        return _response(404, "not_found", "Resource not found")
    code = _HTTP_CODES.get(status, f"http.{status}")
    # Headers the exception carries are part of the answer (Allow on a 405).
    return _response(status, code, str(exc.detail or "Request failed"), headers=exc.headers)


def _is_body_decode_error(exc: Exception) -> bool:
    """Invalid UTF-8 in a JSON body escapes msgspec as a bare UnicodeDecodeError."""
    if not isinstance(exc, UnicodeDecodeError):
        return False
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_name == "decode_json" and "litestar" in code.co_filename:
            return True
        tb = tb.tb_next
    return False


def _input_data_error(exc: Exception) -> Response[Any] | None:
    """Values PostgreSQL refuses because of what the client sent, not because of a bug.

    A safety net behind the schemas: a NUL character (in text or JSON), a string longer than its
    column or a number beyond its column's range is the client's error (4xx),
    whichever route let it through.
    """
    if isinstance(exc, CharacterNotInRepertoireError | UntranslatableCharacterError):
        return _response(400, "request.validation", "Text must not contain NUL characters")
    if isinstance(exc, StringDataRightTruncationError):
        return _response(422, "validation.too_long", "A text value is too long")
    if isinstance(exc, NumericValueOutOfRangeError) or (
        isinstance(exc, DataError) and isinstance(exc.__cause__, OverflowError)
    ):
        return _response(400, "request.validation", "A number is out of range")
    return None


_NETWORK_ERRNOS = {
    errno.ECONNREFUSED,
    errno.ECONNRESET,
    errno.ECONNABORTED,
    errno.EHOSTUNREACH,
    errno.ENETUNREACH,
    errno.ENETDOWN,
    errno.ETIMEDOUT,
    errno.EPIPE,
}
_CLOSED_CONNECTION = ("connection is closed", "connection was closed", "pool is closing")


def _is_unavailable(exc: BaseException) -> bool:
    """A backing service (PostgreSQL, Redis) is down, frozen or restarting: not a bug."""
    if isinstance(
        exc,
        PostgresConnectionError  # lost or refused connection (SQLSTATE class 08)
        | OperatorInterventionError  # shutdown, starting up, statement_timeout (class 57)
        | InsufficientResourcesError  # too many connections (class 53)
        | RedisConnectionError
        | RedisTimeoutError
        | TimeoutError  # connect, pool acquire and command timeouts
        | ConnectionError
        | socket.gaierror,
    ):
        return True
    if isinstance(exc, InterfaceError):
        return any(text in str(exc) for text in _CLOSED_CONNECTION)
    if isinstance(exc, OSError):
        # asyncio reports a refused connection to several addresses as a bare OSError.
        return exc.errno in _NETWORK_ERRNOS or str(exc).startswith("Multiple exceptions")
    return False


def unavailable_cause(exc: BaseException) -> BaseException | None:
    """``exc`` or the exception it was raised from, when it means a service is unavailable."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return None
        if _is_unavailable(seen):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def unavailable_response() -> Response[Any]:
    response = _response(
        503,
        "service.unavailable",
        "The service is temporarily unavailable; retry in a few seconds",
    )
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def internal_error_handler(_: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    if _is_body_decode_error(exc):
        return _response(400, "request.malformed_json", "The request body is not valid UTF-8 JSON")
    cause = unavailable_cause(exc)
    if cause is not None:
        logger.warning("service unavailable: %s: %s", type(cause).__name__, cause)
        return unavailable_response()
    response = _input_data_error(exc)
    if response is not None:
        logger.warning("input rejected by the database: %s", exc)
        return response
    logger.exception("unhandled error", exc_info=exc)
    return _response(HTTP_500_INTERNAL_SERVER_ERROR, "internal", "Internal server error")


def plugin_error_handler(request: Request[Any, Any, Any], exc: PluginError) -> Response[Any]:
    """A plugin's error, its code prefixed with the plugin's name (``catering.meal_full``)."""
    plugin = request.route_handler.opt.get(PLUGIN_OPT_KEY)
    code = f"{plugin}.{exc.code}" if plugin and not exc.code.startswith(f"{plugin}.") else exc.code
    return _response(exc.status_code, code, exc.message, exc.details)


EXCEPTION_HANDLERS: dict[Any, Any] = {
    DomainError: domain_error_handler,
    PluginError: plugin_error_handler,
    # a list parameter refused by coulisses_sdk.listing (core and plugin lists alike)
    ListError: domain_error_handler,
    HTTPException: http_error_handler,
    Exception: internal_error_handler,
}
