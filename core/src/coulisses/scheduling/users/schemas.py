"""Users: schemas."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec
from msgspec import UNSET, UnsetType

from coulisses.auth.schemas import Strict
from coulisses.scheduling.common import (
    EmploymentType,
    Label100,
    LegalIds,
    PersonName,
    RowId,
    SkillLevel,
)
from coulisses.web.openapi import rule
from coulisses_sdk import Page


class SkillIn(msgspec.Struct, forbid_unknown_fields=True):
    """A skill as a body sets it. ``valid_until`` and ``reference`` make it a
    certification (CACES R486, SSIAP 1, habilitation electrique...)."""

    name: Label100
    level: SkillLevel = 1
    valid_until: (
        Annotated[
            str,
            rule(format="date", max_length=10),
            msgspec.Meta(
                description="Last day the certification is valid (inclusive, ISO date);"
                " null: no expiry. 422 user.invalid_skill_valid_until when it is not a date"
                " of the years 1900 to 2999",
                examples=["2028-03-31"],
            ),
        ]
        | None
    ) = None
    reference: (
        Annotated[
            str,
            rule(max_length=100),
            msgspec.Meta(
                description="Certificate number or diploma id (printable characters); blank:"
                " none. 422 user.invalid_skill_reference",
                examples=["R486-2025-004512"],
            ),
        ]
        | None
    ) = None


class Skill(msgspec.Struct):
    """A skill of a user; with ``valid_until`` it is a certification that expires."""

    name: str
    level: int
    #: last valid day (inclusive), null when the skill does not expire
    valid_until: dt.date | None = None
    #: certificate number or diploma id
    reference: str | None = None


class UserDocument(Strict):
    """Metadata of a document the org keeps elsewhere (no file is uploaded)."""

    kind: Annotated[str, rule(min_length=1, max_length=50)]
    label: Annotated[str, rule(max_length=200)] = ""
    number: Annotated[str, rule(max_length=100)] | None = None
    expires_on: dt.date | None = None
    file_name: Annotated[str, rule(max_length=255)] | None = None


class UserCreate(Strict):
    first_name: PersonName
    last_name: PersonName
    employment_type: EmploymentType
    email: Annotated[str, rule(max_length=255)] | None = None
    phone: Annotated[str, rule(max_length=40)] | None = None
    account_id: RowId | None = None
    skills: list[SkillIn] = []
    tags: list[str] = []
    notes: str = ""
    rate_profile: Annotated[str, rule(max_length=100)] | None = None
    legal_ids: LegalIds = {}
    documents: Annotated[list[UserDocument], rule(max_items=50)] = []


class UserUpdate(Strict):
    first_name: PersonName | UnsetType = UNSET
    last_name: PersonName | UnsetType = UNSET
    employment_type: EmploymentType | UnsetType = UNSET
    email: Annotated[str, rule(max_length=255)] | UnsetType | None = UNSET
    phone: Annotated[str, rule(max_length=40)] | UnsetType | None = UNSET
    account_id: RowId | UnsetType | None = UNSET
    #: replaces the whole list (expiry and reference included)
    skills: list[SkillIn] | UnsetType = UNSET
    tags: list[str] | UnsetType = UNSET
    notes: str | UnsetType = UNSET
    rate_profile: Annotated[str, rule(max_length=100)] | UnsetType | None = UNSET
    #: replaces the whole object (a key left out is removed)
    legal_ids: LegalIds | UnsetType = UNSET
    #: replaces the whole list
    documents: Annotated[list[UserDocument], rule(max_items=50)] | UnsetType = UNSET


#: A field a tech reads as null on a colleague's profile (docs/rbac.md).
PRIVATE = "Private: null for a caller without private_data.read, except on their own profile."


class UserOut(msgspec.Struct):
    id: int
    first_name: str
    last_name: str
    employment_type: str
    email: Annotated[str | None, msgspec.Meta(description=PRIVATE)]
    phone: Annotated[str | None, msgspec.Meta(description=PRIVATE)]
    account_id: int | None
    skills: list[Skill]
    tags: list[str]
    notes: Annotated[str | None, msgspec.Meta(description=PRIVATE)]
    rate_profile: Annotated[str | None, msgspec.Meta(description=PRIVATE)]
    legal_ids: Annotated[dict[str, str] | None, msgspec.Meta(description=PRIVATE)]
    documents: Annotated[list[UserDocument] | None, msgspec.Meta(description=PRIVATE)]
    created_at: dt.datetime
    updated_at: dt.datetime
    erased_at: Annotated[
        dt.datetime | None,
        msgspec.Meta(description="When the person was erased (docs/rgpd.md); null otherwise"),
    ] = None
    rank: float | None = None
    external_id: Annotated[
        str | None,
        msgspec.Meta(description="The person's id in the org's own files (set by imports)"),
    ] = None


class UserPage(Page[UserOut]):
    """The list envelope of users."""

    items: list[UserOut]
