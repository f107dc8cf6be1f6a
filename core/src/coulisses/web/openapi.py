"""What the OpenAPI document says about errors: one shared schema, every status a route returns.

Litestar documents a ``{status_code, detail}`` 400 body we never send and only the
statuses a handler declares. :func:`document_responses` runs once over the app's
routes (core and plugins alike) before the document is built and gives every
operation:

- the statuses that follow from the route itself: 400 (bad query, NUL character,
  deep body), 401/403/429 when the route has a guard of its own (session or API key,
  role, key scope, key rate limit), 403
  for the CSRF check of unsafe methods,
  404 for path parameters and plugin routes (the plugin gate), 413/415/422 for a
  JSON body, 429 for routes whose ``opt`` says ``rate_limited``, 503 everywhere
  (database or Redis unavailable);
- the domain statuses the route declares itself, with ``responses=errors(409, 410)``
  (core) or any ``ResponseSpec`` keyed by an error status (plugins, through Litestar);
- every error with the one body shape ``ErrorResponse``;
- a 204 without a body.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Litestar
from litestar.openapi.datastructures import ResponseSpec
from litestar.routes import HTTPRoute

#: Route ``opt`` key: the route counts attempts and may answer 429.
RATE_LIMITED = "rate_limited"

_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
#: The app-level guard every route carries (it answers 404 for a disabled plugin).
_APP_GUARDS = {"plugin_gate"}

_DESCRIPTIONS = {
    400: "Bad request: request.validation, request.malformed_json, request.too_deep, "
    "request.nul_character, pagination.*, or a domain code",
    401: "No valid session: auth.unauthenticated (or a domain auth.* code); with an API"
    " key: api_key.invalid, api_key.revoked, api_key.expired",
    403: "Forbidden: auth.forbidden (role), auth.csrf (missing or wrong X-CSRF-Token), "
    "api_key.insufficient_scope, api_key.forbidden, or a domain code",
    404: "Not found: not_found or <resource>.not_found (also another org's ids)",
    405: "Method not allowed: request.method_not_allowed",
    409: "Conflict with the current state: a domain code (see docs/api.md)",
    410: "Gone: the signed link was revoked or has expired",
    413: "Body too large: request.too_large",
    415: "Body is not JSON: request.unsupported_media_type",
    422: "A value breaks a rule: validation.* or <resource>.invalid_* (see docs/api.md)",
    429: "Too many attempts: auth.rate_limited, invitation.rate_limited, request.rate_limited,"
    " api_key.rate_limited (per key, with Retry-After)",
    503: "Service unavailable (database or Redis): service.unavailable, retry later",
}


class ErrorInfo(msgspec.Struct, omit_defaults=True):
    code: Annotated[str, msgspec.Meta(description="Stable machine-readable code")]
    message: Annotated[str, msgspec.Meta(description="Human message (English)")]
    details: Annotated[Any, msgspec.Meta(description="Optional: fields or ids at fault")] = None


class ErrorResponse(msgspec.Struct):
    """The one body of every error answer (docs/api.md)."""

    error: ErrorInfo


def _error_spec(status: int) -> ResponseSpec:
    return ResponseSpec(
        data_container=ErrorResponse,
        description=_DESCRIPTIONS.get(status, "Error"),
        generate_examples=False,
    )


def errors(*statuses: int) -> dict[int, ResponseSpec]:
    """``responses=`` of a route handler: the domain statuses it may answer."""
    return {status: _error_spec(status) for status in statuses}


def _derived_statuses(route: HTTPRoute, handler: Any) -> set[int]:
    opt = handler.opt
    statuses = {400, 503}
    # Any guard of the route's own (``requires(...)``, a plugin's ``managers_only``)
    # needs a session and may refuse the role.
    role_guarded = any(
        getattr(g, "__name__", "") not in _APP_GUARDS for g in handler.resolve_guards()
    )
    plugin = opt.get("coulisses_plugin")
    public = bool(opt.get("coulisses_public"))
    if role_guarded or (plugin and not public):
        statuses.add(401)
        statuses.add(429)  # an API key past its rate limit (coulisses.apikeys)
    if role_guarded:
        statuses.add(403)
    if handler.http_methods & _UNSAFE and not opt.get("csrf_exempt"):
        statuses.add(403)  # the CSRF check of cookie sessions
    if route.path_parameters or plugin:
        statuses.add(404)
    if "data" in handler.parsed_fn_signature.parameters:
        statuses.update({413, 415, 422})
    if opt.get(RATE_LIMITED):
        statuses.add(429)
    return statuses


def document_responses(app: Litestar) -> None:
    """Set every included handler's documented responses (before the document is built)."""
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if not handler.resolve_include_in_schema():
                continue
            declared: dict[int, ResponseSpec] = dict(handler.responses or {})
            statuses = _derived_statuses(route, handler) | {s for s in declared if s >= 400}
            responses = {s: r for s, r in declared.items() if s < 400}
            responses.update({s: _error_spec(s) for s in sorted(statuses)})
            if handler.status_code == 204:
                responses[204] = ResponseSpec(data_container=None, description="No content")
            handler.responses = responses


def rule(**schema: Any) -> msgspec.Meta:
    """A bound the service checks itself, with its own error code: documented, not decoded.

    ``Annotated[str, rule(min_length=1, max_length=100)]`` puts the bound in the
    OpenAPI schema (so generated clients and fuzzers respect it) while the value
    still reaches the service, which answers its documented 422 code
    (``user.invalid_first_name``...) rather than a generic decoding 400. Keys are
    Litestar ``Schema`` attributes (``min_length``, ``maximum``, ``pattern``...).
    """
    return msgspec.Meta(extra_json_schema={"extra": schema})
