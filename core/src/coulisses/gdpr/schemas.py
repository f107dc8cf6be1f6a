"""Bodies of the GDPR routes (docs/rgpd.md)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec

from coulisses.auth.schemas import Strict
from coulisses.web.openapi import rule


class ErasureRequest(Strict):
    confirm: Annotated[
        str,
        rule(
            min_length=1,
            max_length=210,
            description="The person's full name (first name and last name), typed to confirm",
        ),
    ]
    reason: Annotated[
        str,
        rule(
            min_length=1,
            max_length=500,
            description="Why (a request received on a date...); kept in the audit entry"
            " without the person's name",
        ),
    ]


class ErasureOut(msgspec.Struct):
    user_id: int
    display_name: str
    erased_at: dt.datetime


class RetentionPolicy(msgspec.Struct):
    audit_days: Annotated[int, msgspec.Meta(description="Days audit entries are kept")]
    invitation_days: Annotated[
        int,
        msgspec.Meta(description="Days closed invitations (answered, revoked, expired) are kept"),
    ]


class RetentionUpdate(Strict):
    audit_days: Annotated[int, rule(minimum=90, maximum=3650)] | None = None
    invitation_days: Annotated[int, rule(minimum=30, maximum=3650)] | None = None
