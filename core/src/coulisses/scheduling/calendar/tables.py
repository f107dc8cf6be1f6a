"""Calendar feeds: tables."""

from __future__ import annotations

from piccolo.columns import JSONB, ForeignKey, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.auth.tables import Account
from coulisses.scheduling.places.tables import Place
from coulisses.scheduling.projects.tables import Project
from coulisses.scheduling.users.tables import User
from coulisses.tenancy.tables import Org

FEED_KINDS = ("user", "project", "place")


class CalendarFeed(Table, tablename="calendar_feeds"):
    """An ICS feed of a user, a project or a place (exactly one, by ``kind``), reached by an
    opaque token stored hashed (m0017)."""

    org = ForeignKey(Org)
    kind = Varchar(length=16)
    user = ForeignKey(User, db_column_name="user_id", null=True)
    project = ForeignKey(Project, null=True)
    place = ForeignKey(Place, db_column_name="place_id", null=True)
    options = JSONB(default="{}")
    token_hash = Varchar(length=64, unique=True)
    created_by = ForeignKey(Account, null=True)
    created_at = Timestamptz()
    last_polled_at = Timestamptz(null=True, default=None)
