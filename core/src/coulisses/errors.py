"""Domain errors with stable codes, and their one mapping to HTTP responses.

Every error leaving the API has the shape
``{"error": {"code": "...", "message": "...", "details": ...}}``.
"""

from __future__ import annotations

import logging
from typing import Any

from litestar import MediaType, Request, Response
from litestar.exceptions import (
    HTTPException,
    NotAuthorizedException,
    NotFoundException,
    PermissionDeniedException,
    ValidationException,
)
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

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


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return {"error": body}


def _response(status: int, code: str, message: str, details: Any = None) -> Response[Any]:
    return Response(
        content=error_body(code, message, details), status_code=status, media_type=MediaType.JSON
    )


def domain_error_handler(_: Request[Any, Any, Any], exc: DomainError) -> Response[Any]:
    return _response(exc.status_code, exc.code, exc.message, exc.details)


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


def http_error_handler(_: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    status = exc.status_code
    if isinstance(exc, ValidationException):
        details = exc.extra if exc.extra else None
        message = "Invalid request"
        detail = str(exc.detail or "")
        if "JSON" in detail or "decode" in detail.lower():
            return _response(400, "request.malformed_json", "The request body is not valid JSON")
        return _response(400 if status == 400 else status, "request.validation", message, details)
    if isinstance(exc, NotAuthorizedException):
        return _response(401, "auth.unauthenticated", str(exc.detail or "Authentication required"))
    if isinstance(exc, PermissionDeniedException):
        return _response(403, "auth.forbidden", str(exc.detail or "Forbidden"))
    if isinstance(exc, NotFoundException):
        return _response(404, "not_found", "Resource not found")
    code = _HTTP_CODES.get(status, f"http.{status}")
    return _response(status, code, str(exc.detail or "Request failed"))


def internal_error_handler(_: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    logger.exception("unhandled error", exc_info=exc)
    return _response(HTTP_500_INTERNAL_SERVER_ERROR, "internal", "Internal server error")


EXCEPTION_HANDLERS: dict[Any, Any] = {
    DomainError: domain_error_handler,
    HTTPException: http_error_handler,
    Exception: internal_error_handler,
}
