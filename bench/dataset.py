"""The large org of the bench: 200 users, 5,000 missions, 20,000 assignments (bulk SQL).

``scale=4`` builds the big neighbour of the bench (800 users, 20,000 missions,
80,000 assignments over the same six months): one org's figures must not
depend on what other orgs hold.

The data obeys the database rules (no overlapping ACCEPTED assignments of one
user, one active assignment per mission and user, accepted within quota) and is
mostly well planned: crew have the role's skill and 11 h of rest between
missions, except about 2% of bookings, made regardless, so that the conflicts
report has real work to do. Missions spread over six months (March to August
2027, Europe/Paris), about 830 a month. Each assignment has its invitation link,
as inviting issues one.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg

TZ = ZoneInfo("Europe/Paris")
FIRST_DAY = dt.date(2027, 3, 1)
DAYS = 184  # to 31 August
USERS = 200
MISSIONS = 5_000
ASSIGNMENTS_PER_MISSION = 4  # 20,000 in all
REST = dt.timedelta(hours=11)
CARELESS = 0.02  # bookings made without checking rest (conflicts to find)

SKILLS = ["son", "lumiere", "video", "plateau", "machiniste", "accroche"]
# role name -> (required skill, quota)
ROLES = {
    "technicien son": ("son", 2),
    "eclairagiste": ("lumiere", 2),
    "technicien video": ("video", 2),
    "regisseur plateau": ("plateau", 2),
    "machiniste": ("machiniste", 3),
    "accroche": ("accroche", 2),
}
SLOTS = [("08:00", 5), ("09:00", 8), ("14:00", 4), ("18:00", 5), ("19:00", 6), ("20:00", 3)]
PLACES = ["Grande salle", "Studio", "Cour", "Cloitre", "Chapiteau", "Parc"]
EMPLOYMENT = ["Intermittent"] * 10 + ["CDD"] * 4 + ["CDI"] * 3 + ["Freelance"] * 3
STATUSES = ["ACCEPTED"] * 60 + ["INVITED"] * 22 + ["DECLINED"] * 11 + ["CANCELLED"] * 7


@dataclass
class Dataset:
    org_id: int
    project_ids: list[int]
    user_ids: list[int]
    missions: int
    roles: int
    assignments: int
    windows: int
    owner_account: int


def _local(day: dt.date, hhmm: str) -> dt.datetime:
    hours, minutes = (int(x) for x in hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), tzinfo=TZ).astimezone(dt.UTC)


async def _ids(conn: asyncpg.Connection, table: str, count: int) -> list[int]:
    rows = await conn.fetch(
        "SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2)",
        table,
        count,
    )
    return [int(r["id"]) for r in rows]


async def load(database_url: str, org_id: int, owner_account: int, scale: int = 1) -> Dataset:
    rng = random.Random(42 + scale)
    conn = await asyncpg.connect(database_url)
    try:
        async with conn.transaction():
            data = await _load(conn, rng, org_id, owner_account, scale)
        # The steady state of a live database (autovacuum has run): statistics, and a
        # visibility map that lets index-only scans skip the heap.
        await conn.execute("VACUUM ANALYZE")
        return data
    finally:
        await conn.close()


async def _load(
    conn: asyncpg.Connection, rng: random.Random, org_id: int, owner: int, scale: int
) -> Dataset:
    users, missions_count = USERS * scale, MISSIONS * scale
    # -- users: two or three skills each, so every role has a pool of about 80 people.
    user_ids = await _ids(conn, "users", users)
    user_skills: dict[int, set[str]] = {}
    user_rows: list[tuple[Any, ...]] = []
    for n, user_id in enumerate(user_ids):
        skills = rng.sample(SKILLS, rng.choice([2, 2, 3]))
        user_skills[user_id] = set(skills)
        user_rows.append(
            (
                user_id,
                org_id,
                f"Prenom{n:03d}",
                f"Nom{n:03d}",
                f"crew{n:03d}@org{org_id}.bench.example.org",
                rng.choice(EMPLOYMENT),
                json.dumps([{"name": s, "level": rng.randint(1, 5)} for s in skills]),
                rng.sample(["bilingue", "permis C", "habite Avignon"], rng.randint(0, 2)),
            )
        )
    await conn.execute(
        """INSERT INTO users (id, org, first_name, last_name, email, employment_type, skills, tags)
           SELECT u.id, u.org, u.first_name, u.last_name, u.email, u.employment_type,
                  u.skills::jsonb, ARRAY(SELECT json_array_elements_text(u.tags::json))
           FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
                       $7::text[], $8::text[]) AS u(id, org, first_name, last_name, email,
                                                     employment_type, skills, tags)""",
        *[[row[i] for row in user_rows] for i in range(7)],
        [json.dumps(row[7]) for row in user_rows],
    )

    project_ids = [
        int(r["id"])
        for r in await conn.fetch(
            """INSERT INTO projects (org, name, status, starts_on, ends_on)
               SELECT $1, 'Saison ' || n, 'ACTIVE', $2, $3 FROM generate_series(1, 4) AS n
               RETURNING id""",
            org_id,
            FIRST_DAY,
            FIRST_DAY + dt.timedelta(days=DAYS - 1),
        )
    ]

    # -- places (in the org's timezone), then missions, in start order (the booking below
    # relies on it).
    place_ids = [
        r["id"]
        for r in await conn.fetch(
            """INSERT INTO places (org, name, timezone)
               SELECT $1, u.name, o.timezone FROM unnest($2::text[]) AS u(name)
               JOIN orgs o ON o.id = $1 RETURNING id""",
            org_id,
            PLACES,
        )
    ]
    starts: list[dt.datetime] = []
    for _ in range(missions_count):
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        hhmm, _ = rng.choice(SLOTS)
        starts.append(_local(day, hhmm))
    starts.sort()
    mission_ids = await _ids(conn, "missions", missions_count)
    missions: list[tuple[int, dt.datetime, dt.datetime]] = []
    mission_rows: list[tuple[Any, ...]] = []
    for mission_id, start in zip(mission_ids, starts, strict=True):
        hours = dict(SLOTS)[start.astimezone(TZ).strftime("%H:%M")]
        end = start + dt.timedelta(hours=hours)
        missions.append((mission_id, start, end))
        mission_rows.append(
            (
                mission_id,
                rng.choice(project_ids),
                f"Service {start.astimezone(TZ):%H:%M}",
                rng.choice(place_ids),
                start,
                end,
                "PUBLISHED" if rng.random() < 0.85 else "DRAFT",
            )
        )
    await conn.execute(
        """INSERT INTO missions (id, org, project, title, place_id, starts_at, ends_at, status)
           SELECT m.id, $1, m.project, m.title, m.place_id, m.starts_at, m.ends_at, m.status
           FROM unnest($2::int[], $3::int[], $4::text[], $5::int[], $6::timestamptz[],
                       $7::timestamptz[], $8::text[])
                AS m(id, project, title, place_id, starts_at, ends_at, status)""",
        org_id,
        *[list(col) for col in zip(*mission_rows, strict=True)],
    )

    # -- two roles per mission, two assignments per role.
    role_ids = await _ids(conn, "mission_roles", 2 * missions_count)
    role_rows: list[tuple[int, int, str, int, list[str]]] = []
    assignment_rows: list[tuple[Any, ...]] = []
    pools = {skill: [u for u, s in user_skills.items() if skill in s] for skill in SKILLS}
    free_from: dict[int, dt.datetime] = {}  # end of a user's last active booking (+ rest)
    accepted_until: dict[int, dt.datetime] = {}  # end of a user's last ACCEPTED booking
    now = dt.datetime.now(dt.UTC)
    for index, (mission_id, start, end) in enumerate(missions):
        on_mission: set[int] = set()
        for name in rng.sample(list(ROLES), 2):
            role_id = role_ids[len(role_rows)]
            skill, quota = ROLES[name]
            role_rows.append((role_id, mission_id, name, quota, [skill]))
            for _ in range(ASSIGNMENTS_PER_MISSION // 2):
                careless = rng.random() < CARELESS
                pool = list(user_skills) if careless else pools[skill]
                status = rng.choice(STATUSES)
                for _attempt in range(50):
                    user_id = rng.choice(pool)
                    if user_id in on_mission:
                        continue
                    if status == "ACCEPTED" and accepted_until.get(user_id, start) > start:
                        continue  # the database forbids overlapping ACCEPTED
                    if not careless and free_from.get(user_id, start) > start:
                        continue
                    break
                else:
                    raise RuntimeError(f"no crew left for mission {index}")
                on_mission.add(user_id)
                if status in ("INVITED", "ACCEPTED"):
                    free_from[user_id] = max(free_from.get(user_id, end), end + REST)
                if status == "ACCEPTED":
                    accepted_until[user_id] = end
                answered = None if status == "INVITED" else min(start, now)
                reason = "deja pris ce soir-la" if status == "DECLINED" else None
                assignment_rows.append(
                    (org_id, mission_id, role_id, user_id, status, start, end, reason, owner,
                     answered)
                )  # fmt: skip
    await conn.execute(
        """INSERT INTO mission_roles (id, org, mission, name, quota, required_skills)
           SELECT r.id, $1, r.mission, r.name, r.quota, ARRAY[r.skill]
           FROM unnest($2::int[], $3::int[], $4::text[], $5::int[], $6::text[])
                AS r(id, mission, name, quota, skill)""",
        org_id,
        [r[0] for r in role_rows],
        [r[1] for r in role_rows],
        [r[2] for r in role_rows],
        [r[3] for r in role_rows],
        [r[4][0] for r in role_rows],
    )
    await conn.copy_records_to_table(
        "assignments",
        records=assignment_rows,
        columns=[
            "org", "mission", "mission_role", "user_id", "status", "starts_at", "ends_at",
            "decline_reason", "created_by", "answered_at",
        ],
    )  # fmt: skip
    # -- one invitation link per assignment, as inviting issues (unusable: random hashes).
    await conn.execute(
        """INSERT INTO invitations (org, assignment, purpose, token_hash, expires_at, answer,
                                    answered_at, revoked_at, delivery_status)
           SELECT a.org, a.id, 'assignment.answer', md5(random()::text) || md5(random()::text),
                  a.created_at + interval '14 days',
                  CASE WHEN a.status IN ('ACCEPTED', 'DECLINED') THEN a.status END,
                  a.answered_at, CASE WHEN a.status = 'CANCELLED' THEN a.created_at END, 'sent'
           FROM assignments a WHERE a.org = $1""",
        org_id,
    )

    # -- approved leave: one week for a quarter of the crew, somewhere in the season.
    windows = 0
    for user_id in rng.sample(user_ids, users // 4):
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS - 7))
        await conn.execute(
            """INSERT INTO availability_windows
                   (org, user_id, kind, status, starts_at, ends_at, note, decided_by, decided_at)
               VALUES ($1, $2, 'unavailable', 'APPROVED', $3, $4, 'Conges', $5, now())""",
            org_id,
            user_id,
            _local(day, "00:00"),
            _local(day + dt.timedelta(days=7), "00:00"),
            owner,
        )
        windows += 1
    return Dataset(
        org_id,
        project_ids,
        user_ids,
        len(missions),
        len(role_rows),
        len(assignment_rows),
        windows,
        owner,
    )
