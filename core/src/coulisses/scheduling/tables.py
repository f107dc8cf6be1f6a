"""Schedulable people (users) of an org; projects, missions and assignments join them later."""

from __future__ import annotations

from piccolo.columns import ForeignKey, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.auth.tables import Account
from coulisses.tenancy.tables import Org

EMPLOYMENT_TYPES = ("CDI", "CDD", "Intermittent", "Freelance")


class User(Table, tablename="users"):
    org = ForeignKey(Org)
    first_name = Varchar(length=100)
    last_name = Varchar(length=100)
    email = Varchar(length=255, null=True)
    phone = Varchar(length=40, null=True)
    employment_type = Varchar(length=16)
    account = ForeignKey(Account, null=True)
    created_at = Timestamptz()
    updated_at = Timestamptz()
