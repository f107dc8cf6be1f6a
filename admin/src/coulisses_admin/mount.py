"""Mount piccolo-admin once at /admin with the core tables and plugins' admin tables."""

from __future__ import annotations

from typing import Any

from litestar import asgi
from litestar.types import Receive, Scope, Send


def build_admin() -> Any:
    from piccolo_admin.endpoints import create_admin

    from coulisses.auth.tables import Account, PasswordResetToken, RefreshToken
    from coulisses.plugins.loader import get_registry
    from coulisses.plugins.tables import OrgPlugin
    from coulisses.scheduling.tables import User
    from coulisses.settings import get_settings
    from coulisses.tenancy.tables import AuditLog, Org, OrgMembership
    from coulisses_admin.tables import AdminSession

    tables = [
        Org,
        Account,
        OrgMembership,
        User,
        OrgPlugin,
        AuditLog,
        RefreshToken,
        PasswordResetToken,
    ]
    tables += [t for t in get_registry().admin_tables if t not in tables]
    return create_admin(
        tables=tables,
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


def admin_handlers() -> list[Any]:
    admin_app = build_admin()

    @asgi("/admin", is_mount=True, copy_scope=True)
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
        await admin_app(scope, receive, send)

    return [admin]
