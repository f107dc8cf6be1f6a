"""The plugin's tables; every row carries its ``org_id`` and every query filters on it.

The schema is written in SQL (``piccolo_migrations/``) for the foreign keys to core's
``orgs``, the unique keys and the checks; these classes mirror it.
"""

from piccolo.columns import (
    JSONB,
    BigInt,
    BigSerial,
    Boolean,
    Bytea,
    Date,
    Integer,
    Serial,
    Text,
    Timestamptz,
    Varchar,
)
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


class TimesheetLine(Table, tablename="payroll_timesheet_lines"):
    """The timesheet line of one ACCEPTED assignment (one per assignment, made on first use).

    The planned times are never stored: they are read from the mission each time. The
    actual times are both set or both empty; ``status`` is ``draft``, ``submitted`` (its tech
    entered them) or ``validated`` (locked; only a correction changes it).
    """

    id = Serial(primary_key=True)

    org_id = Integer()
    assignment_id = Integer()
    user_id = Integer()
    mission_id = Integer()
    actual_start = Timestamptz(null=True, default=None)
    actual_end = Timestamptz(null=True, default=None)
    break_minutes = Integer(default=0)
    comment = Text(default="")
    status = Varchar(length=16, default="draft")
    validated_by = Integer(null=True, default=None)
    validated_at = Timestamptz(null=True, default=None)
    updated_by = Integer(null=True, default=None)
    updated_at = Timestamptz()


class TimesheetEvent(Table, tablename="payroll_timesheet_events"):
    """One change of a timesheet line (append-only): who, when, what before and after."""

    id = BigSerial(primary_key=True)

    org_id = Integer()
    line_id = Integer()
    assignment_id = Integer()
    actor = Integer(null=True, default=None)
    at = Timestamptz()
    action = Varchar(length=16)
    before = JSONB()
    after = JSONB()
    reason = Text(null=True, default=None)


class ExportFile(Table, tablename="payroll_exports"):
    """One export asked for by a member, made by the ``payroll.run_export`` job.

    ``status``: ``queued`` -> ``running`` -> ``done`` (``content`` holds the file) or
    ``failed`` (``error_code`` says why). The file is kept until ``expires_at`` (7 days);
    the ``payroll.purge_exports`` cron then drops its bytes, and the row 30 days later.
    """

    id = Serial(primary_key=True)

    org_id = Integer()
    kind = Varchar(length=32)
    format = Varchar(length=8)
    month = Varchar(length=7)
    project_id = Integer(null=True, default=None)
    user_id = Integer(null=True, default=None)
    #: CSV for Excel FR: ``;`` separator and decimal comma (else ``,`` and a point).
    excel_fr = Boolean(default=True)
    status = Varchar(length=16, default="queued")
    progress = Integer(default=0)
    error_code = Varchar(length=64, null=True, default=None)
    content = Bytea(null=True, default=None)
    content_type = Varchar(length=100, default="")
    filename = Varchar(length=200, default="")
    size = Integer(default=0)
    #: The account that asked for it.
    created_by = Integer()
    created_at = Timestamptz()
    finished_at = Timestamptz(null=True, default=None)
    expires_at = Timestamptz()


class OrgIdentity(Table, tablename="payroll_org_identity"):
    """The employer's legal identity (one row per org, made on first write): what AEMs,
    contracts and DPAE reminders print. ``licences`` is a JSON list of
    ``{"category": 1..3, "number": "..."}`` (entrepreneur de spectacles)."""

    org_id = Integer(primary_key=True)
    legal_name = Varchar(length=200, default="")
    address = Text(default="")
    siret = Varchar(length=14, null=True, default=None)
    ape = Varchar(length=6, null=True, default=None)
    idcc = Varchar(length=4, null=True, default=None)
    licences = JSONB()
    guso = Boolean(default=False)
    updated_by = Integer(null=True, default=None)
    updated_at = Timestamptz()


class ProjectIdentity(Table, tablename="payroll_project_identity"):
    """A project's France Travail numero d'objet (one row per project, made on first write)."""

    id = Serial(primary_key=True)

    org_id = Integer()
    project_id = Integer()
    numero_objet = Varchar(length=32, null=True, default=None)
    updated_by = Integer(null=True, default=None)
    updated_at = Timestamptz()


class IntermittentProfile(Table, tablename="payroll_intermittent_profiles"):
    """An intermittent's annexe (8: technician, 10: artist) and the hours they declared
    elsewhere for the 507 h tracker (one row per user, made on first write)."""

    id = Serial(primary_key=True)

    org_id = Integer()
    user_id = Integer()
    annexe = Integer(default=8)
    elsewhere_minutes = Integer(default=0)
    elsewhere_note = Text(default="")
    updated_by = Integer(null=True, default=None)
    updated_at = Timestamptz()


class CivilStatus(Table, tablename="payroll_civil_status"):
    """An intermittent's civil status as AEMs and CDDU contracts print it (one row per
    user, made on first write; the NIR stays in the core's legal ids)."""

    id = Serial(primary_key=True)

    org_id = Integer()
    user_id = Integer()
    birth_name = Varchar(length=100, default="")
    birth_date = Date(null=True, default=None)
    birth_place = Varchar(length=120, default="")
    nationality = Varchar(length=60, default="")
    address = Text(default="")
    updated_by = Integer(null=True, default=None)
    updated_at = Timestamptz()


class DpaeDeclaration(Table, tablename="payroll_dpae"):
    """A manager's record that the DPAE of an engagement was filed with URSSAF: the
    engagement is the person's missions on a project from ``first_day`` (org-local)."""

    id = Serial(primary_key=True)

    org_id = Integer()
    user_id = Integer()
    project_id = Integer()
    first_day = Date()
    reference = Varchar(length=64, default="")
    declared_on = Date()
    declared_by = Integer(null=True, default=None)
    created_at = Timestamptz()


class ProjectBudget(Table, tablename="payroll_project_budgets"):
    """A project's budget for its crew's gross pay (one per project, replaced whole)."""

    id = Serial(primary_key=True)

    org_id = Integer()
    project_id = Integer()
    amount_cents = BigInt()
    currency = Varchar(length=3, default="EUR")
    updated_by = Integer(null=True, default=None)
    updated_at = Timestamptz()
