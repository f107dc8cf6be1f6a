"""Projects: tables."""

from __future__ import annotations

from piccolo.columns import (
    Date,
    ForeignKey,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from coulisses.auth.tables import Account
from coulisses.tenancy.tables import Org

PROJECT_STATUSES = ("DRAFT", "ACTIVE", "ARCHIVED")


class Project(Table, tablename="projects"):
    org = ForeignKey(Org)
    name = Varchar(length=200)
    description = Text(default="")
    status = Varchar(length=16, default="DRAFT")
    starts_on = Date(null=True, default=None)
    ends_on = Date(null=True, default=None)
    created_at = Timestamptz()
    updated_at = Timestamptz()


class ProjectManager(Table, tablename="project_managers"):
    """Accounts (members with role manager or above) in charge of a project."""

    org = ForeignKey(Org)
    project = ForeignKey(Project)
    account = ForeignKey(Account)
