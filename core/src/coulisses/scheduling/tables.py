"""Scheduling tables: users, projects (and managers), missions, roles, assignments, invitations.

The schema itself is written in SQL (``piccolo_migrations/``) because Piccolo
cannot express the exclusion constraint, the partial unique index or the
search trigger; these classes mirror it for piccolo-admin and ad hoc queries.
"""

from __future__ import annotations

from piccolo.columns import (
    JSONB,
    Array,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from coulisses.auth.tables import Account
from coulisses.tenancy.tables import Org

EMPLOYMENT_TYPES = ("CDI", "CDD", "Intermittent", "Freelance")
PROJECT_STATUSES = ("DRAFT", "ACTIVE", "ARCHIVED")
MISSION_STATUSES = ("DRAFT", "PUBLISHED")
ASSIGNMENT_STATUSES = ("INVITED", "ACCEPTED", "DECLINED", "CANCELLED")


class User(Table, tablename="users"):
    org = ForeignKey(Org)
    first_name = Varchar(length=100)
    last_name = Varchar(length=100)
    email = Varchar(length=255, null=True)
    phone = Varchar(length=40, null=True)
    employment_type = Varchar(length=16)
    account = ForeignKey(Account, null=True)
    skills = JSONB(default="[]")
    tags = Array(Varchar())
    notes = Text(default="")
    rate_profile = Varchar(length=100, null=True, default=None)
    legal_ids = JSONB(default="{}")
    documents = JSONB(default="[]")
    created_at = Timestamptz()
    updated_at = Timestamptz()


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


class Mission(Table, tablename="missions"):
    org = ForeignKey(Org)
    project = ForeignKey(Project)
    title = Varchar(length=200)
    place = Varchar(length=200, default="")
    notes = Text(default="")
    starts_at = Timestamptz()
    ends_at = Timestamptz()
    allow_long = Boolean(default=False)
    status = Varchar(length=16, default="DRAFT")
    created_at = Timestamptz()
    updated_at = Timestamptz()


class MissionRole(Table, tablename="mission_roles"):
    org = ForeignKey(Org)
    mission = ForeignKey(Mission)
    name = Varchar(length=100)
    quota = Integer()
    required_skills = Array(Varchar())


class Assignment(Table, tablename="assignments"):
    org = ForeignKey(Org)
    mission = ForeignKey(Mission)
    mission_role = ForeignKey(MissionRole)
    user = ForeignKey(User, db_column_name="user_id")
    status = Varchar(length=16, default="INVITED")
    starts_at = Timestamptz()
    ends_at = Timestamptz()
    decline_reason = Text(null=True, default=None)
    created_by = ForeignKey(Account, null=True)
    answered_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz()
    updated_at = Timestamptz()


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
