"""CSV imports (issue 14, Jalon 31) through the real app: 1,000 people and 1,000 missions.

Each figure is one whole import as the web app makes it: upload (multipart), dry-run
validation of every row, commit. Three tries each; the first into an empty org, the next
ones re-import the same file (the same external ids: every row is an update). Target: each
import under 5 s. Printed, never asserted. ``python -m bench.imports`` runs these alone.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import time
import uuid
from typing import Any

from bench.figures import Figure, ok, progress

ROWS = 1000
TRIES = 3
EMPLOYMENT = ("CDI", "CDD", "Intermittent", "Freelance")
FIRST_DAY = dt.date(2029, 3, 1)
#: Four slots a day, the last one crossing midnight.
SLOTS = (
    ("08:00", "12:00", "non"),
    ("13:00", "17:00", "non"),
    ("18:00", "23:00", "non"),
    ("23:30", "03:00", "oui"),
)


def people_csv(rows: int = ROWS) -> bytes:
    lines = ["Matricule;Prenom;Nom;Contrat;Email;Telephone;Competences;Tags"]
    for n in range(rows):
        lines.append(
            f"B{n:05d};Prenom{n};Nom{n};{EMPLOYMENT[n % 4]};p{n}@example.org;06{n:08d};"
            f"son:{1 + n % 5}, lumiere;festival"
        )
    return ("\n".join(lines) + "\n").encode()


def missions_csv(project: str, rows: int = ROWS) -> bytes:
    lines = ["id,projet,titre,lieu,date,debut,fin,lendemain,postes"]
    for n in range(rows):
        day = FIRST_DAY + dt.timedelta(days=n // 4)
        start, end, night = SLOTS[n % 4]
        lines.append(
            f"M{n:05d},{project},Service {n},Scene {n % 3},{day.isoformat()},{start},{end},{night},"
            f'"machiniste:3, regisseur son:1"'
        )
    return ("\n".join(lines) + "\n").encode()


async def _import(
    client: Any, csrf: dict[str, str], kind: str, content: bytes
) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    up = ok(
        await client.post(
            "/api/v1/imports",
            data={"kind": kind},
            files={"file": (f"{kind}.csv", content)},
            headers=csrf,
        ),
        201,
    ).json()
    body = {"mapping": up["suggested_mapping"]}
    checked = ok(await client.post(f"/api/v1/imports/{up['id']}/validate", json=body, headers=csrf))
    if checked.json()["invalid_count"]:
        raise RuntimeError(f"bench import has errors: {checked.json()['errors'][:3]}")
    done = ok(
        await client.post(
            f"/api/v1/imports/{up['id']}/commit",
            json={**body, "mode": "all_or_nothing"},
            headers=csrf,
        )
    ).json()
    return (time.perf_counter() - started) * 1000, done


async def figures(client: Any, csrf: dict[str, str]) -> list[Figure | str]:
    progress("imports CSV")
    out: list[Figure | str] = []
    project = ok(
        await client.post(
            "/api/v1/projects",
            json={"name": "Import bench", "starts_on": "2029-01-01", "ends_on": "2029-12-31"},
            headers=csrf,
        ),
        201,
    ).json()
    for label, kind, content in (
        ("import CSV de 1 000 personnes", "people", people_csv()),
        ("import CSV de 1 000 missions", "missions", missions_csv(project["name"])),
    ):
        samples: list[float] = []
        results = []
        for _ in range(TRIES):
            elapsed, done = await _import(client, csrf, kind, content)
            samples.append(elapsed)
            results.append(f"{done['created']}+{done['updated']}")
        out.append(
            Figure(
                label,
                samples,
                "< 5 000 ms",
                note="creees+mises a jour : " + ", ".join(results)
                + " ; essais : " + ", ".join(f"{x:.0f}" for x in samples) + " ms",
            )
        )  # fmt: skip
    return out


async def _alone() -> list[Figure | str]:
    import httpx

    from bench.database import server, throwaway
    from coulisses.db.migrate import migrate
    from coulisses.web.app import create_app

    with server() as maintenance_url:
        async with throwaway(maintenance_url):
            await migrate(quiet=True)
            app = create_app()
            async with app.lifespan():
                transport = httpx.ASGITransport(app=app)
                async with httpx.AsyncClient(transport=transport, base_url="http://bench") as c:
                    ok(
                        await c.post(
                            "/api/v1/auth/signup",
                            json={
                                "email": f"bench-{uuid.uuid4().hex[:6]}@example.org",
                                "password": "Banc-De-Mesure-2027",
                                "org_name": "Banc imports",
                            },
                        ),
                        201,
                    )
                    return await figures(c, {"X-CSRF-Token": c.cookies.get("cc_csrf") or ""})


def main() -> None:
    os.environ.setdefault("PICCOLO_CONF", "coulisses.db.piccolo_conf")
    print("Banc de mesure des imports (base jetable, app ASGI reelle, sans reseau)", flush=True)
    for item in asyncio.run(_alone()):
        print(item.line() if isinstance(item, Figure) else item)


if __name__ == "__main__":
    main()
