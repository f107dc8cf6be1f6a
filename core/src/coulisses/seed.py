"""The reproducible demo org "Les Nuits de Juillet" (idempotent: an existing demo is kept)."""

from __future__ import annotations

import random
from typing import Any

from coulisses.auth.service import create_account
from coulisses.db.connection import fetch, transaction
from coulisses.tenancy.service import create_org

DEMO_SLUG = "les-nuits-de-juillet"
DEMO_PASSWORD = "Coulisses-2027!"  # printed on screen by the demo; dev data only
OWNER_EMAIL = "direction@nuitsdejuillet.example.com"

MEMBERS = [
    (OWNER_EMAIL, "Claire", "Fontaine", "owner"),
    ("production@nuitsdejuillet.example.com", "Hugo", "Marchal", "admin"),
    ("administration@nuitsdejuillet.example.com", "Lea", "Perrin", "admin"),
    ("regie.generale@nuitsdejuillet.example.com", "Samir", "Benali", "manager"),
    ("regie.son@nuitsdejuillet.example.com", "Julie", "Roux", "manager"),
    ("regie.lumiere@nuitsdejuillet.example.com", "Marc", "Giraud", "manager"),
    ("securite@nuitsdejuillet.example.com", "Nadia", "Lemoine", "manager"),
    ("tech@nuitsdejuillet.example.com", "Tom", "Bernard", "tech"),
]

FIRST = [
    "Alice",
    "Bruno",
    "Chloe",
    "David",
    "Emma",
    "Farid",
    "Gaelle",
    "Hugo",
    "Ines",
    "Jules",
    "Karim",
    "Lucie",
    "Mathis",
    "Nora",
    "Olivier",
    "Pauline",
    "Quentin",
    "Rose",
    "Sofiane",
    "Theo",
    "Ursula",
    "Victor",
    "Wendy",
    "Yanis",
    "Zoe",
]
LAST = [
    "Martin",
    "Durand",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Garnier",
    "Faure",
    "Andre",
    "Mercier",
    "Blanc",
    "Guerin",
    "Boyer",
    "Chevalier",
    "Robin",
    "Masson",
]
# 18 intermittent technicians + 6 intermittent artists, 10 CDD, 5 CDI, 6 freelances
EMPLOYMENT = ["Intermittent"] * 24 + ["CDD"] * 10 + ["CDI"] * 5 + ["Freelance"] * 6


async def seed_demo() -> dict[str, Any]:
    existing = await fetch("SELECT id, name FROM orgs WHERE slug = $1", DEMO_SLUG)
    if existing:
        return {"org_name": existing[0]["name"], "email": OWNER_EMAIL, "password": DEMO_PASSWORD}
    rng = random.Random(2027)  # noqa: S311 - reproducible demo data, not security
    async with transaction():
        org = await create_org("Les Nuits de Juillet")
        for email, first, last, role in MEMBERS:
            rows = await fetch("SELECT id FROM accounts WHERE username = $1", email)
            account_id = (
                rows[0]["id"] if rows else await create_account(email, DEMO_PASSWORD, first, last)
            )
            await fetch(
                "INSERT INTO org_memberships (account, org, role) VALUES ($1, $2, $3)",
                account_id,
                org.id,
                role,
            )
        tech_rows = await fetch("SELECT id FROM accounts WHERE username = $1", MEMBERS[-1][0])
        tech_account = tech_rows[0]["id"]
        for index, employment in enumerate(EMPLOYMENT):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            await fetch(
                """INSERT INTO users
                       (org, first_name, last_name, email, phone, employment_type, account)
                   VALUES ($1, $2, $3, $4, $5, $6, $7)""",
                org.id,
                first,
                last,
                f"{first}.{last}.{index}@crew.nuitsdejuillet.example.com".lower(),
                "+33 6 " + " ".join(str(rng.randint(10, 99)) for _ in range(4)),
                employment,
                tech_account if index == 0 else None,
            )
    return {"org_name": org.name, "email": OWNER_EMAIL, "password": DEMO_PASSWORD}
