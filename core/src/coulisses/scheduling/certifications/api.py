"""/api/v1/users/certifications: the certifications an org must renew."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get
from litestar.openapi.spec import Example
from litestar.params import QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.certifications import service as certifications
from coulisses.scheduling.certifications.schemas import (
    ExpiringCertificationOut,
    ExpiringCertificationPage,
)
from coulisses.web.openapi import errors
from coulisses_sdk import ListParams


class CertificationController(Controller):
    path = "/api/v1/users/certifications"
    tags = ["users"]

    @get(
        "/expiring",
        operation_id="ListExpiringCertifications",
        responses=errors(422),
        guards=[requires("users.manage")],
        dependencies={"listing": certifications.EXPIRING.dependency()},
    )
    async def list_expiring(
        self,
        request: Request[Any, Any, Any],
        listing: ListParams,
        within_days: Annotated[
            int,
            QueryParameter(
                description="horizon in days from today (org timezone), 0 to"
                f" {certifications.MAX_WITHIN_DAYS}; 422 certification.invalid_within_days",
                schema_extra={"minimum": 0, "maximum": certifications.MAX_WITHIN_DAYS},
                examples=[Example(value=30)],
            ),
        ] = certifications.DEFAULT_WITHIN_DAYS,
    ) -> ExpiringCertificationPage:
        """Certifications whose ``valid_until`` falls within ``within_days`` days, and the
        expired ones whose user is still on an upcoming mission requiring the skill;
        soonest first. Managers and up (certificate references are personal data)."""
        principal = principal_of(request)
        rows, total, horizon = await certifications.expiring(
            principal.org_id, listing, within_days=within_days
        )
        return ExpiringCertificationPage(
            items=[msgspec.convert(r, ExpiringCertificationOut) for r in rows],
            page=listing.page,
            page_size=listing.page_size,
            total=total,
            today=horizon.today,
            within_days=within_days,
        )
