"""Response body of GET /api/v1/audit."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec

from coulisses_sdk import Page


class AuditActor(msgspec.Struct):
    """The account that acted (it may have left the org since)."""

    id: Annotated[int, msgspec.Meta(description="Account id", examples=[12])]
    email: Annotated[str, msgspec.Meta(examples=["regie@example.org"])]
    display_name: Annotated[
        str,
        msgspec.Meta(
            description="First and last name, or the email when the account has no name",
            examples=["Camille Roux"],
        ),
    ]


class AuditEntry(msgspec.Struct):
    id: int
    action: Annotated[
        str,
        msgspec.Meta(
            description="What happened: <noun>.<verb>, e.g. mission.updated",
            examples=["mission.updated"],
        ),
    ]
    target: Annotated[
        str | None,
        msgspec.Meta(
            description="What it happened to: <noun>:<id> (e.g. mission:42), a plugin name,"
            " conflict_rules; null when there is none",
            examples=["mission:42"],
        ),
    ]
    actor: Annotated[
        AuditActor | None,
        msgspec.Meta(
            description="Null when no account acted (an answer through a signed link, a job)"
            " or when the account was deleted"
        ),
    ]
    payload: Annotated[
        dict[str, Any],
        msgspec.Meta(
            description="Details of the action. An update carries before and after, holding"
            ' only the fields that changed ("[redacted]" for a secret one, e.g. legal_ids)',
            examples=[
                {
                    "before": {"title": "Exploitation", "ends_at": "2027-07-10T23:00:00+00:00"},
                    "after": {"title": "Exploitation Cour", "ends_at": "2027-07-11T00:00:00+00:00"},
                }
            ],
        ),
    ]
    created_at: Annotated[dt.datetime, msgspec.Meta(description="When the entry was written (UTC)")]


class AuditPage(Page[AuditEntry]):
    """The list envelope, newest first by default, plus ``next_cursor``: pass it as
    ``cursor`` (with the same filters and sort) for the next page; null on the last page."""

    items: list[AuditEntry]
    next_cursor: Annotated[
        str | None,
        msgspec.Meta(
            description="Opaque; null on the last page", examples=["WzE3OTg3NjE2MDAwMDAwMCw0Ml0"]
        ),
    ]
