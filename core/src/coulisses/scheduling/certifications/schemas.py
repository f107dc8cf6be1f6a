"""Certifications: bodies of /api/v1/users/certifications (never table rows)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from coulisses_sdk import Page


class ExpiringCertificationOut(msgspec.Struct):
    """A certification (a skill with ``valid_until``) to renew.

    ``status`` is ``expiring`` (``valid_until`` is today or within the horizon;
    ``days_left`` is 0 on its last valid day) or ``expired`` (``days_left`` < 0,
    listed only while the user is still on an upcoming mission requiring the skill).
    ``affected_assignments`` counts the user's upcoming INVITED or ACCEPTED
    assignments on a role requiring the skill that end after the certification does
    (flagged ``skill_expired`` by the conflicts check).
    """

    user_id: int
    first_name: str
    last_name: str
    skill: str
    level: int
    valid_until: Annotated[dt.date, msgspec.Meta(description="last valid day, inclusive")]
    reference: str | None
    status: Literal["expiring", "expired"]
    days_left: int
    affected_assignments: int
    next_affected_starts_at: dt.datetime | None


class ExpiringCertificationPage(Page[ExpiringCertificationOut]):
    """The list envelope, plus the org's local ``today`` and the horizon it was read with."""

    items: list[ExpiringCertificationOut]
    today: dt.date
    within_days: int
