"""m0012: the free-text places of missions become places of their org, and back.

The migration's own statements run on the test database inside a transaction that
is rolled back: the missions are first turned back into texts (BACKWARDS), given
the texts of a database from before places, migrated (FORWARDS), checked, and the
database is left as it was.
"""

from __future__ import annotations

from typing import Any

import asyncpg

from coulisses.db.connection import database_url
from coulisses.scheduling.piccolo_migrations import (
    m0012_places,
    m0017_calendar_feeds,
    m0024_availability_requests,
)
from tests.helpers import signup
from tests.integration.scheduling.factories import make_mission, make_project


class _Rollback(Exception):
    pass


async def _missions(org: Any, count: int) -> list[int]:
    project = await make_project(org)
    return [(await make_mission(org, project["id"]))["id"] for _ in range(count)]


async def test_existing_place_texts_become_places_per_org_in_the_orgs_timezone(client, new_client):
    paris = await signup(client)
    montreal = await signup(new_client())
    a = await _missions(paris, 6)
    b = await _missions(montreal, 2)
    texts = {
        a[0]: "Cour d'honneur",
        a[1]: "Cour d'honneur",
        a[2]: "  cour d'HONNEUR ",  # the same place, spelled otherwise
        a[3]: "Chapiteau",
        a[4]: "",
        a[5]: "   ",
        b[0]: "Cour d'honneur",  # another org's place of the same name
        b[1]: "Salle Wilfrid-Pelletier",
    }

    conn = await asyncpg.connect(database_url())
    try:
        await conn.execute(
            "UPDATE orgs SET timezone = 'America/Montreal' WHERE id = $1", montreal.org_id
        )
        try:
            async with conn.transaction():
                # As coulisses_sdk.migrations does: deferred triggers (data versions) fire
                # per statement, so that the UPDATEs below may precede an ALTER.
                await conn.execute("SET CONSTRAINTS ALL IMMEDIATE")
                # Later migrations that reference places are undone first, as a rollback
                # in order would (availability requests in a place's timezone, calendar
                # feeds of a place).
                for statement in m0024_availability_requests.BACKWARDS:
                    await conn.execute(statement)
                for statement in m0017_calendar_feeds.BACKWARDS:
                    await conn.execute(statement)
                for statement in m0012_places.BACKWARDS:
                    await conn.execute(statement)
                await conn.executemany(
                    "UPDATE missions SET place = $2 WHERE id = $1", list(texts.items())
                )
                for statement in m0012_places.FORWARDS:
                    await conn.execute(statement)

                places = await conn.fetch(
                    "SELECT id, org, name, timezone FROM places ORDER BY org, name"
                )
                assert [(p["org"], p["name"], p["timezone"]) for p in places] == [
                    (paris.org_id, "Chapiteau", "Europe/Paris"),
                    (paris.org_id, "Cour d'honneur", "Europe/Paris"),  # the most used spelling
                    (montreal.org_id, "Cour d'honneur", "America/Montreal"),
                    (montreal.org_id, "Salle Wilfrid-Pelletier", "America/Montreal"),
                ]
                name_of = {p["id"]: (p["org"], p["name"]) for p in places}
                rows = await conn.fetch(
                    "SELECT id, org, place_id FROM missions WHERE id = ANY($1::int[])", list(texts)
                )
                got = {r["id"]: name_of[r["place_id"]] if r["place_id"] else None for r in rows}
                assert got == {
                    a[0]: (paris.org_id, "Cour d'honneur"),
                    a[1]: (paris.org_id, "Cour d'honneur"),
                    a[2]: (paris.org_id, "Cour d'honneur"),
                    a[3]: (paris.org_id, "Chapiteau"),
                    a[4]: None,
                    a[5]: None,
                    b[0]: (montreal.org_id, "Cour d'honneur"),
                    b[1]: (montreal.org_id, "Salle Wilfrid-Pelletier"),
                }
                columns = await conn.fetch(
                    """SELECT column_name FROM information_schema.columns
                       WHERE table_name = 'missions' AND column_name IN ('place', 'place_id')"""
                )
                assert [c["column_name"] for c in columns] == ["place_id"]

                # And back: each mission gets its place's name as text.
                for statement in m0012_places.BACKWARDS:
                    await conn.execute(statement)
                back = await conn.fetch(
                    "SELECT id, place FROM missions WHERE id = ANY($1::int[])", list(texts)
                )
                assert {r["id"]: r["place"] for r in back} == {
                    **dict.fromkeys((a[0], a[1], a[2], b[0]), "Cour d'honneur"),
                    a[3]: "Chapiteau",
                    a[4]: "",
                    a[5]: "",
                    b[1]: "Salle Wilfrid-Pelletier",
                }
                raise _Rollback
        except _Rollback:
            pass
        # The database is as the migrations left it.
        assert await conn.fetchval("SELECT count(*) FROM places") == 0
        assert await conn.fetchval(
            "SELECT count(*) FROM information_schema.columns"
            " WHERE table_name = 'missions' AND column_name = 'place_id'"
        )
    finally:
        await conn.close()


async def test_a_mission_cannot_point_at_another_orgs_place_even_in_sql(client, new_client):
    a = await signup(client)
    b = await signup(new_client())
    [mission] = await _missions(a, 1)
    place = (await b.post("/api/v1/places", json={"name": "Studio"})).json()
    conn = await asyncpg.connect(database_url())
    try:
        try:
            await conn.execute(
                "UPDATE missions SET place_id = $2 WHERE id = $1", mission, place["id"]
            )
        except asyncpg.exceptions.ForeignKeyViolationError:
            pass
        else:
            raise AssertionError("a mission referenced another org's place")
    finally:
        await conn.close()
