"""The plugin's tables; every row carries its ``org_id`` and every query filters on it.

The schema is written in SQL (``piccolo_migrations/``) for the foreign key to core's
``orgs`` and the unique version key; these classes mirror it.
"""

from piccolo.columns import JSONB, Date, Integer, Serial, Timestamptz, Varchar
from piccolo.table import Table


class RuleVersion(Table, tablename="payroll_rule_versions"):
    """One version of an org's pay rules for a profile and an employment type.

    ``params`` holds the whole :class:`coulisses_payroll.rules.RuleSet` as JSON (validated by
    it before every write). Rows are never updated: an edit is a new row with a later
    ``effective_from`` (see ``service.add_version``).
    """

    id = Serial(primary_key=True)

    org_id = Integer()
    profile = Varchar(length=32)
    employment_type = Varchar(length=32)
    effective_from = Date()
    params = JSONB()
    #: The account that added the version (None for the seeded versions).
    created_by = Integer(null=True, default=None)
    created_at = Timestamptz()
