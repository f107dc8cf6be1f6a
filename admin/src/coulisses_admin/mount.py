"""Mount piccolo-admin once at /admin with the core tables and plugins' admin tables.

Its login POST never reaches piccolo-admin unchecked: :func:`guard_login` runs the
API's own login check first (superusers only, the API's per-IP and per-account
limits and lockout), audits the attempt, and only then hands the request over to
piccolo-admin, which opens its session.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

from litestar import asgi
from litestar.types import Message, Receive, Scope, Send
from pydantic import BaseModel, Field

#: A login form is a few hundred bytes; anything larger is refused unread.
MAX_LOGIN_BODY = 16 * 1024


class ReplayEvents(BaseModel):
    """Dead-lettered event deliveries to try again (ids, a plugin's, or all)."""

    ids: str = Field(default="", description="Ids separated by commas or spaces")
    plugin: str = Field(default="", description="Or: every dead delivery of this plugin")
    replay_all: bool = Field(default=False, description="Or: every dead delivery")


async def replay_events(request: Any, data: ReplayEvents) -> str:
    """piccolo-admin form: same as ``coulisses events replay``."""
    from coulisses.audit import record
    from coulisses.plugins.dispatch import replay

    try:
        ids = [int(x) for x in re.split(r"[\s,;]+", data.ids.strip()) if x]
    except ValueError as exc:
        raise ValueError("Ids must be whole numbers separated by commas") from exc
    plugin = data.plugin.strip() or None
    if not ids and plugin is None and not data.replay_all:
        raise ValueError("Give ids, a plugin or tick 'replay all'")
    done = await replay(ids or None, plugin=plugin)
    # piccolo_api's session middleware wraps the Account row: scope["user"].user
    account = getattr(request.scope.get("user"), "user", None)
    await record(
        None,
        getattr(account, "id", None),
        "admin.events_replayed",
        "event_deliveries",
        {"ids": done[:100], "count": len(done), "plugin": plugin},
    )
    missing = sorted(set(ids) - set(done))
    message = f"{len(done)} delivery(ies) replayed"
    return message + (f"; not dead-lettered: {', '.join(map(str, missing))}" if missing else "")


class CheckPlugins(BaseModel):
    """Installed plugins to check (all when empty), as ``coulisses plugins check`` does."""

    names: str = Field(default="", description="Plugin names separated by commas (empty: all)")


async def check_plugins(request: Any, data: CheckPlugins) -> str:
    """piccolo-admin form: which plugins this process loaded, and why it left any out."""
    from coulisses.plugins.loader import get_registry

    registry = get_registry()
    wanted = [n for n in re.split(r"[\s,;]+", data.names.strip()) if n]
    names = wanted or sorted(set(registry.plugins) | set(registry.rejected))
    if not names:
        return "No plugin installed"
    lines = []
    for name in names:
        if name in registry.rejected:
            lines.append(f"{name}: REJECTED: {registry.rejected[name]}")
        elif name in registry.plugins:
            lines.append(f"{name}: ok (version {registry.plugins[name].version})")
        else:
            lines.append(f"{name}: not installed")
    return "; ".join(lines)


def _api_keys_config() -> Any:
    """API keys for operators: listed without their hash (a ``secret`` column, never sent
    by piccolo-api), revocable by setting ``revoked_at``, never created here (a key is
    only shown at creation, through the API)."""
    from piccolo_admin.endpoints import TableConfig
    from piccolo_api.crud.hooks import Hook, HookType
    from starlette.exceptions import HTTPException

    from coulisses.apikeys.tables import ApiKey

    def refuse_create(row: Any) -> Any:
        raise HTTPException(405, "API keys are created by org admins through the API")

    editable = {ApiKey.revoked_at._meta.name, ApiKey.name._meta.name}

    def only_revocation(row_id: Any, values: dict[Any, Any]) -> dict[Any, Any]:
        # piccolo-api keys the values by column (its name for a plain dict)
        return {
            column: value
            for column, value in values.items()
            if getattr(getattr(column, "_meta", None), "name", column) in editable
        }

    return TableConfig(
        ApiKey,
        exclude_visible_columns=[ApiKey.key_hash],
        hooks=[
            Hook(hook_type=HookType.pre_save, callable=refuse_create),
            Hook(hook_type=HookType.pre_patch, callable=only_revocation),
        ],
    )


def build_admin() -> Any:
    from piccolo_admin.endpoints import FormConfig, OrderBy, TableConfig, create_admin

    from coulisses.auth.tables import Account, PasswordResetToken, RefreshToken
    from coulisses.outbox.tables import EventDelivery
    from coulisses.plugins.loader import get_registry
    from coulisses.plugins.tables import OrgPlugin
    from coulisses.scheduling.users.tables import User
    from coulisses.settings import get_settings
    from coulisses.tenancy.tables import AuditLog, Org, OrgMembership
    from coulisses_admin.tables import AdminSession

    deliveries = TableConfig(
        EventDelivery,
        exclude_visible_columns=[EventDelivery.sealed],
        visible_filters=[
            EventDelivery.status,
            EventDelivery.plugin,
            EventDelivery.kind,
            EventDelivery.org_id,
            EventDelivery.event_id,
        ],
        order_by=[OrderBy(EventDelivery.id, ascending=False)],
        menu_group="Operations",
    )

    tables: list[Any] = [
        Org,
        Account,
        OrgMembership,
        User,
        OrgPlugin,
        AuditLog,
        RefreshToken,
        PasswordResetToken,
        deliveries,
        _api_keys_config(),
    ]
    tables += [t for t in get_registry().admin_tables if t not in tables]
    return create_admin(
        tables=tables,
        forms=[
            FormConfig(
                name="Replay failed events",
                pydantic_model=ReplayEvents,
                endpoint=replay_events,
                description=(
                    "Dead-lettered deliveries of domain events to plugins (Event deliveries, "
                    "status dead) get new attempts, due now."
                ),
                form_group="Operations",
            ),
            FormConfig(
                name="Check plugins",
                pydantic_model=CheckPlugins,
                endpoint=check_plugins,
                description=(
                    "The installed plugins this process loaded, and those it left out with the "
                    "reason (a misspelled hook, an incompatible core, a missing dependency...): "
                    "the same answer as `coulisses plugins check` and /readyz."
                ),
                form_group="Operations",
            ),
        ],
        auth_table=Account,
        session_table=AdminSession,
        site_name="Coulisses Crew - operations",
        production=not get_settings().is_dev,
        read_only=False,
    )


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


_NOT_FOUND = b'{"error":{"code":"not_found","message":"Resource not found"}}'
_JSON = [(b"content-type", b"application/json")]


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    from coulisses.errors import error_body

    await _send(send, status, _JSON, json.dumps(error_body(code, message)).encode())


def is_login_request(scope: Scope) -> bool:
    """A write to piccolo-admin's login endpoint, however its path is spelled.

    ``scope["path"]`` is the decoded path below /admin, as piccolo-admin routes it;
    repeated slashes are folded so that no spelling of the path slips past.
    """
    path = re.sub("/{2,}", "/", str(scope.get("path") or "/"))
    at_login = path == "/public/login" or path.startswith("/public/login/")
    return at_login and scope.get("method") not in ("GET", "HEAD")


class _BadLogin(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise _BadLogin(400, "request.bad_request", "The request ended early")
        chunk = bytes(message.get("body", b""))
        size += len(chunk)
        if size > MAX_LOGIN_BODY:
            raise _BadLogin(413, "request.too_large", "The request body is too large")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _credentials(scope: Scope, body: bytes) -> tuple[str, str]:
    """username and password from the JSON (the Vue app) or form (HTML) login body."""
    content_type = ""
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-type":
            content_type = bytes(value).decode("latin-1").split(";")[0].strip().lower()
    form: Any
    if content_type == "application/json":
        try:
            form = json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise _BadLogin(400, "request.malformed_json", "The body is not valid JSON") from exc
    elif content_type == "application/x-www-form-urlencoded":
        form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    else:
        raise _BadLogin(
            415, "request.unsupported_media_type", "Send the login as JSON or as a form"
        )
    username = form.get("username") if isinstance(form, dict) else None
    password = form.get("password") if isinstance(form, dict) else None
    if not isinstance(username, str) or not isinstance(password, str) or not username:
        raise _BadLogin(422, "request.validation", "username and password are required")
    return username, password


async def _audit(account_id: int | None, action: str, email: str, ip: str, **extra: Any) -> None:
    from coulisses.audit import record

    payload = {"email": email.strip().lower()[:254], "ip": ip, **extra}
    await record(None, account_id, action, "admin", payload)


async def guard_login(admin_app: Any, scope: Scope, receive: Receive, send: Send) -> None:
    """Check an /admin login like an API login before piccolo-admin sees it."""
    from coulisses.auth.service import check_credentials
    from coulisses.errors import DomainError

    client = scope.get("client")
    ip = str(client[0]) if client else "unknown"
    try:
        body = await _read_body(receive)
        username, password = _credentials(scope, body)
    except _BadLogin as bad:
        await _send_error(send, bad.status, bad.code, bad.message)
        return
    try:
        # A non-superuser, an unknown or inactive account and a wrong password get
        # the same answer, after the same work, and count against the same limits.
        account_id = await check_credentials(username, password, ip, superuser_only=True)
    except DomainError as refused:
        await _audit(None, "admin.login_refused", username, ip, code=refused.code)
        await _send_error(send, refused.status_code, refused.code, refused.message)
        return
    # Second factor: piccolo-admin's login form has no field for a code, and its own
    # ``mfa_providers`` would be a second MFA store beside the API's. An account with MFA
    # on is refused here rather than let in on its password alone.
    from coulisses.auth.mfa import is_enabled

    if await is_enabled(account_id):
        await _audit(
            account_id, "admin.login_refused", username, ip, code="auth.mfa_admin_unsupported"
        )
        await _send_error(
            send,
            401,
            "auth.mfa_admin_unsupported",
            "This account uses two-step verification, which the back office cannot ask for",
        )
        return
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # type: ignore[return-value]

    status = 0

    async def watch(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])
        await send(message)

    await admin_app(scope, replay, watch)
    if 200 <= status < 400:
        await _audit(account_id, "admin.login", username, ip)
    else:
        # piccolo-admin refused after our check (its CSRF check, its own rate limit).
        await _audit(account_id, "admin.login_refused", username, ip, status=status)


def admin_handlers() -> list[Any]:
    admin_app = build_admin()

    # piccolo-admin checks its own CSRF token (csrftoken cookie, X-CSRFToken header):
    # the API's double-submit check would refuse every admin write of a browser that
    # is also logged into the web app (its cc_* cookies are sent to /admin too).
    @asgi("/admin", is_mount=True, copy_scope=True, opt={"csrf_exempt": True})
    async def admin(scope: Scope, receive: Receive, send: Send) -> None:
        raw = bytes(scope.get("raw_path") or b"").split(b"?")[0]
        if raw == b"/admin":
            # its assets are relative: the back office lives under /admin/
            await _send(send, 308, [(b"location", b"/admin/")], b"")
            return
        if not raw.startswith(b"/admin/"):
            # the mount also matches /adminx and the like
            await _send(send, 404, [(b"content-type", b"application/json")], _NOT_FOUND)
            return
        if is_login_request(scope):
            await guard_login(admin_app, scope, receive, send)
            return
        await admin_app(scope, receive, send)

    return [admin]
