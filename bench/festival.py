"""A whole festival in one ``missions:bulk_create`` call (issue 9), through the real app.

Two figures, each the time of one request (three tries, each into a new project):
the festival of the issue (3 stages x 10 days x build-up, show crossing midnight and
next-day get-out, each slot with its own roles: 90 missions), and the same shape grown
to 1,008 missions (8 stages x 42 days), against the 1 s target. Printed, never asserted.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

TRIES = 3
FIRST_DAY = dt.date(2028, 7, 1)
ROLES = {
    "Montage": [
        {"name": "machiniste", "quota": 4},
        {"name": "cariste", "quota": 1, "required_skills": ["caces"]},
    ],
    "Exploitation": [
        {"name": "regisseur son", "quota": 1, "required_skills": ["son"]},
        {"name": "regisseur lumiere", "quota": 1, "required_skills": ["lumiere"]},
        {"name": "poursuiteur", "quota": 2},
    ],
}


def festival_body(stages: int, days: int) -> dict[str, Any]:
    """``stages`` x ``days`` x (montage, exploitation to 01:00, demontage at 01:00 the day
    after, with the call's roles) from ``FIRST_DAY``."""
    slots: list[dict[str, Any]] = []
    for n in range(1, stages + 1):
        stage = f"Scene {n}"
        slots += [
            {"start": "08:00", "end": "13:00", "title": f"Montage {stage}", "place": stage,
             "roles": ROLES["Montage"]},
            {"start": "19:00", "end": "01:00", "ends_next_day": True,
             "title": f"Exploitation {stage}", "place": stage, "roles": ROLES["Exploitation"]},
            {"start": "01:00", "end": "04:00", "day_offset": 1, "title": f"Demontage {stage}",
             "place": stage},
        ]  # fmt: skip
    return {
        "title": "Festival",
        "days": [(FIRST_DAY + dt.timedelta(days=i)).isoformat() for i in range(days)],
        "slots": slots,
        "roles": [{"name": "machiniste", "quota": 3}, {"name": "accroche", "quota": 1}],
    }


async def _timed_bulk(client: Any, csrf: dict[str, str], body: dict[str, Any]) -> list[float]:
    expected = len(body["days"]) * len(body["slots"])
    samples: list[float] = []
    for n in range(TRIES):
        project = await client.post(
            "/api/v1/projects", json={"name": f"Festival bench {n}"}, headers=csrf
        )
        url = f"/api/v1/projects/{project.json()['id']}/missions:bulk_create"
        started = time.perf_counter()
        response = await client.post(url, json=body, headers=csrf)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 201 or response.json()["created"] != expected:
            raise RuntimeError(f"festival: {response.status_code} {response.text[:300]}")
    return samples


async def figures(client: Any, csrf: dict[str, str]) -> list[tuple[str, list[float], str, str]]:
    """(label, samples in ms, target, note) for ``bench.__main__.Figure``."""
    out: list[tuple[str, list[float], str, str]] = []
    for stages, days, label, target in (
        (3, 10, "Festival 3 scenes x 10 j x 3 (90 missions)", ""),
        (8, 42, "Festival 8 scenes x 42 j x 3 (1 008 missions)", "< 1 000 ms"),
    ):
        samples = await _timed_bulk(client, csrf, festival_body(stages, days))
        note = f"{TRIES} essais : " + ", ".join(f"{x:.0f}" for x in samples) + " ms"
        out.append((label, samples, target, note))
    return out
