"""Tools of the query-plan tests: a large foreign org built in a few set-based statements,
and the plans PostgreSQL gives a statement as the app sends it.

asyncpg prepares every statement, and PostgreSQL plans a prepared statement
for its arguments (a custom plan) five times, then may switch to one generic
plan that ignores them. A hot query must stay an index scan of its own org in
both, whatever other orgs hold, so each statement is explained three ways:
on its first execution, after seven executions (whatever the plan cache chose
by then), and with the generic plan forced.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

import asyncpg

#: The tables whose full scan would make one org pay for the others' rows.
ORG_TABLES = ("missions", "mission_roles", "assignments", "users", "invitations")

FIRST_DAY = dt.datetime(2027, 3, 1, 6, tzinfo=dt.UTC)
DAYS = 184


async def build_org(conn: asyncpg.Connection, org_id: int, users: int, missions: int) -> None:
    """An org like the bench's: ``missions`` spread evenly over six months from March 2027,
    three places and four projects, two roles each, two assignments per role (60% accepted, 20%
    invited, declined, cancelled), one invitation per assignment. No user has
    overlapping missions."""
    await conn.execute(
        """INSERT INTO users (org, first_name, last_name, email, employment_type, skills)
           SELECT $1, 'Prenom' || n, 'Nom' || n, 'crew' || n || '@org' || $1::int || '.example.org',
                  'Intermittent', '[{"name": "son", "level": 3}]'::jsonb
           FROM generate_series(1, $2) AS n""",
        org_id,
        users,
    )
    projects = await conn.fetchval(
        """WITH p AS (
               INSERT INTO projects (org, name, status, starts_on, ends_on)
               SELECT $1, 'Saison ' || n, 'ACTIVE', '2027-03-01', '2027-08-31'
               FROM generate_series(1, 4) AS n RETURNING id)
           SELECT array_agg(id ORDER BY id) FROM p""",
        org_id,
    )
    places = await conn.fetchval(
        """WITH p AS (
               INSERT INTO places (org, name, timezone)
               SELECT $1, 'Scene ' || n, 'Europe/Paris' FROM generate_series(1, 3) AS n
               RETURNING id)
           SELECT array_agg(id ORDER BY id) FROM p""",
        org_id,
    )
    await conn.execute(
        """INSERT INTO missions (org, project, title, place_id, starts_at, ends_at, status)
           SELECT $1, ($2::int[])[1 + n % 4], 'Service ' || n, ($6::int[])[1 + n % 3],
                  $3::timestamptz + n * $4::interval,
                  $3::timestamptz + n * $4::interval + interval '4 hours', 'PUBLISHED'
           FROM generate_series(0, $5 - 1) AS n""",
        org_id,
        projects,
        FIRST_DAY,
        dt.timedelta(days=DAYS) / missions,
        missions,
        places,
    )
    await conn.execute(
        """INSERT INTO mission_roles (org, mission, name, quota, required_skills)
           SELECT m.org, m.id, r.name, 2, ARRAY[r.skill]
           FROM missions m CROSS JOIN (VALUES ('technicien son', 'son'),
                                              ('eclairagiste', 'lumiere')) AS r(name, skill)
           WHERE m.org = $1""",
        org_id,
    )
    # Assignment j of the org goes to user j mod users: four distinct people per mission,
    # and a person's next mission comes users / 4 missions later (days, not hours).
    await conn.execute(
        """INSERT INTO assignments (org, mission, mission_role, user_id, status, starts_at,
                                    ends_at)
           SELECT r.org, r.mission, r.id, u.ids[1 + (r.n * 2 + k) % cardinality(u.ids)],
                  (ARRAY['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED',
                         'ACCEPTED', 'INVITED', 'INVITED', 'DECLINED',
                         'CANCELLED'])[1 + (r.n * 2 + k) % 10],
                  m.starts_at, m.ends_at
           FROM (SELECT *, row_number() OVER (ORDER BY id) - 1 AS n
                 FROM mission_roles WHERE org = $1) AS r
           JOIN missions m ON m.id = r.mission
           CROSS JOIN generate_series(0, 1) AS k
           CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE org = $1) AS u
           ORDER BY r.n, k""",
        org_id,
    )
    await conn.execute(
        """INSERT INTO invitations (org, assignment, purpose, token_hash, expires_at, answer,
                                    delivery_status)
           SELECT a.org, a.id, 'assignment.answer', md5(a.id::text) || md5(a.org::text),
                  now() + interval '14 days',
                  CASE WHEN a.status IN ('ACCEPTED', 'DECLINED') THEN a.status END, 'sent'
           FROM assignments a WHERE a.org = $1""",
        org_id,
    )


async def settle(conn: asyncpg.Connection) -> None:
    """What autovacuum does to a live database: statistics and the visibility map."""
    await conn.execute(
        "VACUUM ANALYZE users, places, missions, mission_roles, assignments, invitations"
    )


@dataclass
class Plans:
    sql: str
    #: "first", "after 7", "generic" -> (node type, relation, index) of every scan
    scans: dict[str, list[tuple[str, str, str | None]]]

    def full_scans(self, tables: tuple[str, ...] = ORG_TABLES) -> list[str]:
        return [
            f"{when}: Seq Scan on {relation}"
            for when, nodes in self.scans.items()
            for node, relation, _ in nodes
            if node == "Seq Scan" and relation in tables
        ]


def _scans(plan: dict[str, Any], out: list[tuple[str, str, str | None]]) -> None:
    if "Relation Name" in plan:
        out.append((plan["Node Type"], plan["Relation Name"], plan.get("Index Name")))
    for child in plan.get("Plans", []):
        _scans(child, out)


async def _literals(conn: asyncpg.Connection, statement: Any, args: tuple[Any, ...]) -> str:
    """The arguments as SQL literals (``EXECUTE`` takes no protocol parameters)."""
    out = []
    for param, value in zip(statement.get_parameters(), args, strict=True):
        type_name = await conn.fetchval("SELECT format_type($1::oid, NULL)", param.oid)
        literal = await conn.fetchval(f"SELECT quote_nullable($1::{type_name}::text)", value)
        out.append(f"{literal}::{type_name}")
    return f"({', '.join(out)})" if out else ""


async def plans_of(conn: asyncpg.Connection, sql: str, args: tuple[Any, ...]) -> Plans:
    """Explain ``sql`` as asyncpg sends it (a prepared statement), in a transaction rolled
    back at the end (writes are executed too, to count as executions)."""
    transaction = conn.transaction()
    await transaction.start()
    try:
        statement = await conn.prepare(sql)
        explain = (
            f'EXPLAIN (FORMAT JSON) EXECUTE "{statement.get_name()}"'
            f"{await _literals(conn, statement, args)}"
        )

        async def scans() -> list[tuple[str, str, str | None]]:
            out: list[tuple[str, str, str | None]] = []
            _scans(json.loads(await conn.fetchval(explain))[0]["Plan"], out)
            return out

        found = {"first": await scans()}
        for _ in range(7):
            await statement.fetch(*args)
        found["after 7"] = await scans()
        await conn.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        found["generic"] = await scans()
        return Plans(sql, found)
    finally:
        await transaction.rollback()


_INTROSPECTION = re.compile(r"^\s*(WITH RECURSIVE typeinfo_tree|SELECT\s+t\.oid)", re.I)


def org_statements(bound: list[tuple[str, tuple[Any, ...]]]) -> list[tuple[str, tuple[Any, ...]]]:
    """The statements that read or write one of ``ORG_TABLES`` (each text once)."""
    seen: set[str] = set()
    out = []
    for sql, args in bound:
        if sql in seen or _INTROSPECTION.match(sql):
            continue
        if re.search(r"\b(" + "|".join(ORG_TABLES) + r")\b", sql):
            seen.add(sql)
            out.append((sql, args))
    return out
