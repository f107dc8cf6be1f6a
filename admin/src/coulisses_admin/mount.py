"""Mount piccolo-admin once at /admin with the core tables and plugins' admin tables."""

from __future__ import annotations

from typing import Any

from litestar import Response, asgi
from litestar.response import Redirect
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


def admin_handlers() -> list[Any]:
    admin_app = build_admin()

    @asgi("/admin", is_mount=True, copy_scope=True)
    async def admin(scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        # the mount also matches /adminx: only /admin and /admin/... are the back office
        if path not in ("", "/") and not path.startswith("/"):
            await Response(
                {"error": {"code": "not_found", "message": "Resource not found"}}, status_code=404
            )(scope, receive, send)
            return
        if path == "":
            await Redirect("/admin/")(scope, receive, send)
            return
        await admin_app(scope, receive, send)

    return [admin]
