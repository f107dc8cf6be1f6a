"""Invitations: tables."""

from __future__ import annotations

from piccolo.columns import (
    ForeignKey,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from coulisses.scheduling.assignments.tables import Assignment
from coulisses.tenancy.tables import Org


class Invitation(Table, tablename="invitations"):
    org = ForeignKey(Org)
    assignment = ForeignKey(Assignment)
    purpose = Varchar(length=40, default="assignment.answer")
    token_hash = Varchar(length=64)
    expires_at = Timestamptz()
    revoked_at = Timestamptz(null=True, default=None)
    answer = Varchar(length=16, null=True, default=None)
    answered_at = Timestamptz(null=True, default=None)
    reason = Text(null=True, default=None)
    created_at = Timestamptz()
