"""The payroll plugin's monthly report for the bench org (issue 12), through the real app.

The plugin is enabled for the bench org and rates are added through the API: an hourly
rate per role name (18.00 to 23.00 EUR) and, for one intermittent in four, a personal
cachet of 250.00 EUR. Then June 2027 (about 830 missions, 3,300 assignments of which
2,000 ACCEPTED, in the six months of 20,000) is asked for, page of 200, and timed.

Beside it, the same aggregation in one raw SQL query read by asyncpg: per user, the
planned and confirmed minutes inside the month and the base pay of the confirmed ones
(hourly: minutes x rate; flat: once, in the month the work starts), with the same rate
precedence (mission > user > role name). It has no night, Sunday, holiday, overtime or
explanation: it is the floor of what the route costs. Printed, never asserted.
"""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

import asyncpg

from bench import dataset
from bench.figures import Figure, ok, progress, timed

MONTH = "2027-06"
ROLE_RATES = {name: 1800 + 100 * n for n, name in enumerate(dataset.ROLES)}
CACHET_CENTS = 25_000

#: The report's aggregation, written by hand so that the floor does not move with the
#: plugin: June in Europe/Paris, INVITED and ACCEPTED non-reserve assignments.
RAW_SQL = """
WITH bounds AS (
    SELECT ($2::date::timestamp AT TIME ZONE 'Europe/Paris') AS lo,
           (($2::date + interval '1 month')::timestamp AT TIME ZONE 'Europe/Paris') AS hi
), work AS (
    SELECT s.user_id, s.status, s.starts_at,
           GREATEST(0, extract(epoch FROM LEAST(s.ends_at, b.hi) - GREATEST(s.starts_at, b.lo))
                   / 60)::int AS minutes,
           COALESCE(rm.kind, ru.kind, rr.kind) AS kind,
           COALESCE(rm.amount_cents, ru.amount_cents, rr.amount_cents) AS cents,
           s.starts_at >= b.lo AS starts_inside
    FROM assignments s CROSS JOIN bounds b
    JOIN mission_roles r ON r.id = s.mission_role
    LEFT JOIN rates rm ON rm.org = s.org AND rm.mission_id = s.mission
    LEFT JOIN rates ru ON ru.org = s.org AND ru.user_id = s.user_id
    LEFT JOIN rates rr ON rr.org = s.org AND rr.role_name IS NOT NULL
        AND lower(rr.role_name) = lower(r.name)
    WHERE s.org = $1 AND s.status IN ('INVITED', 'ACCEPTED') AND NOT s.reserve
      AND s.starts_at >= b.lo - interval '7 days' AND s.starts_at < b.hi AND s.ends_at > b.lo
)
SELECT w.user_id, u.first_name, u.last_name, u.employment_type,
       sum(w.minutes) AS planned_minutes,
       sum(w.minutes) FILTER (WHERE w.status = 'ACCEPTED') AS confirmed_minutes,
       count(*) FILTER (WHERE w.status = 'ACCEPTED' AND w.kind = 'cachet' AND w.starts_inside)
           AS cachets,
       sum(CASE WHEN w.status <> 'ACCEPTED' THEN 0
                WHEN w.kind = 'hourly' THEN round(w.minutes * w.cents / 60.0)
                WHEN w.starts_inside THEN w.cents ELSE 0 END)::bigint AS base_cents
FROM work w JOIN users u ON u.id = w.user_id
GROUP BY w.user_id, u.first_name, u.last_name, u.employment_type
ORDER BY u.first_name, u.last_name, w.user_id
"""


async def _rates(client: Any, csrf: dict[str, str], data: dataset.Dataset) -> int:
    made = 0
    for name, cents in ROLE_RATES.items():
        body = {"kind": "hourly", "amount_cents": cents, "currency": "EUR", "role_name": name}
        ok(await client.post("/api/v1/rates", json=body, headers=csrf), 201)
        made += 1
    users = ok(await client.get("/api/v1/users", params={"page_size": 200})).json()["items"]
    intermittents = [u["id"] for u in users if u["employment_type"] == "Intermittent"]
    for user_id in intermittents[::4]:
        body = {"kind": "cachet", "amount_cents": CACHET_CENTS, "user_id": user_id}
        ok(await client.post("/api/v1/rates", json=body, headers=csrf), 201)
        made += 1
    return made


async def figures(
    client: Any, csrf: dict[str, str], data: dataset.Dataset, database_url: str, runs: int
) -> list[Figure | str]:
    progress("paie : rapport mensuel")
    enabled = await client.patch(
        "/api/v1/orgs/current/plugins/payroll", json={"enabled": True}, headers=csrf
    )
    if enabled.status_code == 404:
        return ["Rapport de paie : plugin payroll absent de cet environnement, mesure sautee"]
    ok(enabled)
    rates = await _rates(client, csrf, data)
    params = {"month": MONTH, "page_size": 200}
    report = ok(await client.get("/api/v1/payroll/reports/monthly", params=params)).json()
    (total,) = report["totals"]
    out: list[Figure | str] = [
        "",
        f"Paie : rapport de juin 2027 ({rates} tarifs) : {report['total']} personnes,"
        f" {total['confirmed_minutes'] // 60} h confirmees, brut {total['gross_cents'] / 100:.2f}"
        f" EUR, {total['cachets']} cachets, {total['night_minutes'] // 60} h de nuit,"
        f" {total['overtime_minutes'] // 60} h sup",
    ]

    async def get_report() -> None:
        ok(await client.get("/api/v1/payroll/reports/monthly", params=params))

    n = max(10, runs // 2)
    app_samples = await timed(get_report, n, warmup=2)
    conn = await asyncpg.connect(database_url)
    try:
        # The plan the app asks for too (``work_rows``): after five runs PostgreSQL would
        # switch this prepared statement to a generic plan 2.5 times slower, a floor that
        # flatters the ratio.
        await conn.execute("SET plan_cache_mode = force_custom_plan")
        day = dt.date.fromisoformat(f"{MONTH}-01")
        rows = await conn.fetch(RAW_SQL, data.org_id, day)

        async def raw() -> None:
            await conn.fetch(RAW_SQL, data.org_id, day)

        sql_samples = await timed(raw, n, warmup=2)
    finally:
        await conn.close()
    ratio = statistics.median(app_samples) / statistics.median(sql_samples)
    best = min(app_samples) / min(sql_samples)
    out += [
        Figure("GET /payroll/reports/monthly (juin)", app_samples, "p95 < 200 ms"),
        Figure(
            "  meme agregat en une requete SQL brute",
            sql_samples,
            note=f"{len(rows)} personnes, sans primes ni explications",
        ),
        f"  {'rapport / SQL brute (p50 ; min)':<44} {ratio:5.1f}x ; {best:5.1f}x  cible <= 3x",
    ]
    return out
