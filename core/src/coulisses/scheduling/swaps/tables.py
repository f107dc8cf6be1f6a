"""Swaps table (the schema is the SQL of ``m0023_swaps``; this mirrors it)."""

from __future__ import annotations

from piccolo.columns import Boolean, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.auth.tables import Account
from coulisses.tenancy.tables import Org

SWAP_KINDS = ("handover", "swap")
SWAP_STATUSES = (
    "proposed",
    "accepted_by_colleague",
    "approved",
    "applied",
    "declined",
    "rejected",
    "cancelled",
    "expired",
)


class Swap(Table, tablename="swaps"):
    """One proposal to hand over or swap an ACCEPTED assignment, with all its steps."""

    org = ForeignKey(Org)
    kind = Varchar(length=16)
    status = Varchar(length=24, default="proposed")
    assignment_id = Integer()
    proposer_user_id = Integer()
    target_user_id = Integer(null=True, default=None)
    target_assignment_id = Integer(null=True, default=None)
    colleague_user_id = Integer(null=True, default=None)
    message = Text(null=True, default=None)
    requires_approval = Boolean()
    starts_at = Timestamptz()
    proposed_by = ForeignKey(Account, null=True)
    accepted_by = ForeignKey(Account, null=True)
    accepted_at = Timestamptz(null=True, default=None)
    decided_by = ForeignKey(Account, null=True)
    decided_at = Timestamptz(null=True, default=None)
    decision_reason = Text(null=True, default=None)
    applied_at = Timestamptz(null=True, default=None)
    closed_at = Timestamptz(null=True, default=None)
    new_assignment_id = Integer(null=True, default=None)
    new_target_assignment_id = Integer(null=True, default=None)
    created_at = Timestamptz()
    updated_at = Timestamptz()
