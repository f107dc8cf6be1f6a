"""Missions: tables."""

from __future__ import annotations

from piccolo.columns import (
    Array,
    Boolean,
    ForeignKey,
    Integer,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from coulisses.scheduling.places.tables import Place
from coulisses.scheduling.projects.tables import Project
from coulisses.tenancy.tables import Org

MISSION_STATUSES = ("DRAFT", "PUBLISHED")


class Mission(Table, tablename="missions"):
    org = ForeignKey(Org)
    project = ForeignKey(Project)
    title = Varchar(length=200)
    place = ForeignKey(Place, db_column_name="place_id", null=True)
    notes = Text(default="")
    starts_at = Timestamptz()
    ends_at = Timestamptz()
    allow_long = Boolean(default=False)
    status = Varchar(length=16, default="DRAFT")
    #: iCalendar SEQUENCE: a trigger bumps it when times, title, place or status change (m0017).
    sequence = Integer(default=0)
    #: the mission template version it was created from (m0019), else null
    template_id = Integer(null=True, default=None)
    template_version = Integer(null=True, default=None)
    #: the mission's id in the org's own files, unique per org (m0025, imports)
    external_id = Varchar(length=100, null=True, default=None)
    created_at = Timestamptz()
    updated_at = Timestamptz()


class MissionRole(Table, tablename="mission_roles"):
    org = ForeignKey(Org)
    mission = ForeignKey(Mission)
    name = Varchar(length=100)
    quota = Integer()
    required_skills = Array(Varchar())
