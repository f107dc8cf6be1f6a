"""Absence types: an org's kinds of leave (conges, maladie, formation, indisponibilite
personnelle...), and the optional type of an unavailability window.

``absence_types`` is per org; ``code`` is unique in its org and never changes. A type in
use by a window cannot be deleted (the foreign key restricts it): it is deactivated.
Every org gets the four default types: the existing ones here, each new one through the
trigger ``orgs_absence_types`` (an org is created by signup, by the seed and by tests, and
each path must find its defaults).

``availability_windows (org, absence_type_id)`` references ``absence_types (org, id)``, so a
window can only carry a type of its own org, and only an ``unavailable`` window has one.
"""

from coulisses.db.sql import sql_migration

ID = "2026-12-03T12:00:00:000020"
VERSION = "1.38.0"
DESCRIPTION = "absence types per org (four defaults); unavailability windows carry a type"

_DEFAULTS = """INSERT INTO absence_types (org, code, label, color, requires_approval)
    SELECT o.id, d.code, d.label, d.color, d.requires_approval
    FROM {orgs} o CROSS JOIN (VALUES
        ('conges', 'Conges', '#2563eb', true),
        ('maladie', 'Maladie', '#dc2626', false),
        ('formation', 'Formation', '#7c3aed', true),
        ('indisponibilite', 'Indisponibilite personnelle', '#6b7280', true)
    ) AS d (code, label, color, requires_approval)"""

#: The statements, in order.
FORWARDS = [
    """CREATE TABLE absence_types (
        id serial PRIMARY KEY,
        org integer NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        code varchar(40) NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
        label varchar(100) NOT NULL CHECK (btrim(label) <> ''),
        color varchar(7) NOT NULL DEFAULT '#6b7280' CHECK (color ~ '^#[0-9a-f]{6}$'),
        requires_approval boolean NOT NULL DEFAULT true,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org, code),
        UNIQUE (org, id)
    )""",
    _DEFAULTS.format(orgs="orgs"),
    """CREATE FUNCTION orgs_absence_types() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        """
    + _DEFAULTS.format(orgs="(SELECT NEW.id) AS")
    + """;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER orgs_absence_types AFTER INSERT ON orgs
       FOR EACH ROW EXECUTE FUNCTION orgs_absence_types()""",
    "ALTER TABLE availability_windows ADD COLUMN absence_type_id integer",
    """ALTER TABLE availability_windows ADD CONSTRAINT availability_windows_absence_type_fk
       FOREIGN KEY (org, absence_type_id) REFERENCES absence_types (org, id)""",
    """ALTER TABLE availability_windows ADD CONSTRAINT availability_windows_absence_kind
       CHECK (absence_type_id IS NULL OR kind = 'unavailable')""",
    """CREATE INDEX availability_windows_absence_type ON availability_windows
       (org, absence_type_id) WHERE absence_type_id IS NOT NULL""",
]
BACKWARDS = [
    "ALTER TABLE availability_windows DROP COLUMN absence_type_id",
    "DROP TRIGGER orgs_absence_types ON orgs",
    "DROP FUNCTION orgs_absence_types()",
    "DROP TABLE absence_types",
]


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(ID, "scheduling", DESCRIPTION, FORWARDS, BACKWARDS)
