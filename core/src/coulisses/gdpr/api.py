"""/api/v1/users/{id}/export, /api/v1/users/me/export, /api/v1/users/{id}/erase and
/api/v1/orgs/current/retention (docs/rgpd.md)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post, put
from litestar.params import Body, FromPath

from coulisses.auth.rbac import principal_of, requires
from coulisses.db.connection import fetch
from coulisses.errors import DomainError, NotFound
from coulisses.gdpr import erasure, export, retention
from coulisses.gdpr.schemas import ErasureOut, ErasureRequest, RetentionPolicy, RetentionUpdate
from coulisses.web.openapi import errors
from coulisses_sdk import Principal

ZIP = "application/zip"


async def _zip(principal: Principal, user_id: int) -> Response[bytes]:
    document = await export.collect(principal.org_id, user_id)
    name = export.file_name(user_id, dt.datetime.now(dt.UTC).date())
    return Response(
        export.to_zip(document),
        media_type=ZIP,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


class PersonalDataController(Controller):
    path = "/api/v1/users"
    tags = ["users"]

    @get(
        "/{user_id:int}/export",
        operation_id="ExportUserData",
        media_type=ZIP,
        responses=errors(404, 503),
        guards=[requires("personal_data.export")],
    )
    async def export_user_data(
        self, request: Request[Any, Any, Any], user_id: FromPath[int]
    ) -> Response[bytes]:
        """A zip of everything the org and its plugins hold about the person:
        ``donnees.json`` (one document) and one CSV per kind (docs/rgpd.md)."""
        return await _zip(principal_of(request), user_id)

    @get(
        "/me/export",
        operation_id="ExportMyData",
        media_type=ZIP,
        responses=errors(404, 503),
        guards=[requires("personal_data.export_own")],
    )
    async def export_my_data(self, request: Request[Any, Any, Any]) -> Response[bytes]:
        """The same zip for the caller's own person in the org; 404 ``gdpr.no_person``
        when their account is linked to no person of the org."""
        principal = principal_of(request)
        rows = await fetch(
            "SELECT id FROM users WHERE org = $1 AND account = $2",
            principal.org_id,
            principal.account_id,
        )
        if not rows:
            raise NotFound("gdpr.no_person", "Your account is linked to no person of this org")
        return await _zip(principal, int(rows[0]["id"]))

    @post(
        "/{user_id:int}/erase",
        operation_id="EraseUser",
        status_code=200,
        responses=errors(404, 409, 422, 503),
        guards=[requires("personal_data.erase")],
    )
    async def erase_user(
        self,
        request: Request[Any, Any, Any],
        user_id: FromPath[int],
        data: Annotated[ErasureRequest, Body()],
    ) -> ErasureOut:
        """Erase the person (pseudonymisation, all or nothing; docs/rgpd.md). ``confirm``
        is their full name; 409 ``user.already_erased`` the second time."""
        if not data.reason.strip() or len(data.reason) > 500:
            raise DomainError(
                "user.erase_reason_required",
                "Say why the person is erased (1 to 500 characters)",
                details={"field": "reason"},
                status=422,
            )
        principal = principal_of(request)
        name = await erasure.erase_user(principal, user_id, data.confirm, data.reason)
        row = await fetch(
            "SELECT erased_at FROM users WHERE org = $1 AND id = $2", principal.org_id, user_id
        )
        return ErasureOut(user_id=user_id, display_name=name, erased_at=row[0]["erased_at"])


class RetentionController(Controller):
    path = "/api/v1/orgs/current/retention"
    tags = ["orgs"]

    @get("/", operation_id="GetRetentionPolicy", guards=[requires("retention.manage")])
    async def get_retention(self, request: Request[Any, Any, Any]) -> RetentionPolicy:
        """How long the org keeps audit entries and closed invitations (days)."""
        return RetentionPolicy(**await retention.get_policy(principal_of(request).org_id))

    @put(
        "/",
        operation_id="UpdateRetentionPolicy",
        responses=errors(422),
        guards=[requires("retention.manage")],
    )
    async def update_retention(
        self, request: Request[Any, Any, Any], data: Annotated[RetentionUpdate, Body()]
    ) -> RetentionPolicy:
        """Change one or both durations; 422 ``retention.out_of_bounds`` outside
        90-3650 days (audit) or 30-3650 days (invitations)."""
        changes = {
            k: v
            for k, v in (("audit_days", data.audit_days), ("invitation_days", data.invitation_days))
            if v is not None
        }
        return RetentionPolicy(**await retention.update_policy(principal_of(request), changes))
