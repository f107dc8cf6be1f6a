"""The reproducible demo org "Les Nuits de Juillet" (idempotent: an existing demo is kept).

Everything past the org and its members goes through the scheduling services,
as a manager would through the API: 45 users with skills and rates, three
projects whose missions come from ``bulk_create`` patterns, invitations answered
(accepted, declined with a reason, cancelled), availability windows approved,
requested or refused, and a request for availability over the festival's first
week that most of those asked answered (the planning's heat map). Choices are
drawn from ``random.Random(SEED)``, so a run gives the same org (the theatre
season is placed around today so that the demo always has a past and a future;
the festival is July 2027).

Crew are booked so that they break no scheduling rule (11 h of rest, 10 h a
day, unavailability, skills), except in ``CONFLICTS``: a few deliberate cases
the conflicts page should report. Two overlapping ACCEPTED assignments cannot
be seeded: the database forbids them.

The whole demo is written in one transaction, so a failed run leaves nothing
behind, and the past invitations are not emailed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, cast
from zoneinfo import ZoneInfo

from coulisses.auth.service import create_account
from coulisses.db.connection import fetch, transaction
from coulisses.jobs.queue import JobRuntime, current_runtime, set_runtime
from coulisses.outbox.instance import ensure_instance_id
from coulisses.plugins import service as plugin_service
from coulisses.plugins.host import CoreHost
from coulisses.plugins.loader import get_registry
from coulisses.scheduling.assignments import answers
from coulisses.scheduling.assignments import service as assignments
from coulisses.scheduling.availability import service as availability
from coulisses.scheduling.availability.schemas import AvailabilityCreate, AvailabilityKind
from coulisses.scheduling.common import EmploymentType, emit_events
from coulisses.scheduling.missions import service as missions
from coulisses.scheduling.missions.schemas import BulkMissionsCreate, MissionRoleIn, TimeSlot
from coulisses.scheduling.places import service as places
from coulisses.scheduling.places.schemas import PlaceCreate
from coulisses.scheduling.projects import service as projects
from coulisses.scheduling.projects.schemas import ProjectCreate, ProjectUpdate
from coulisses.scheduling.rates import service as rates
from coulisses.scheduling.rates.schemas import RateCreate
from coulisses.scheduling.users import service as users
from coulisses.scheduling.users.schemas import SkillIn, UserCreate
from coulisses.tenancy.service import create_org
from coulisses_sdk import DomainEvent, Principal
from coulisses_sdk import host as sdk_host

DEMO_SLUG = "les-nuits-de-juillet"
DEMO_NAME = "Les Nuits de Juillet"
DEMO_PASSWORD = "Coulisses-2027!"  # printed on screen by the demo; dev data only
OWNER_EMAIL = "direction@nuitsdejuillet.example.com"
TECH_EMAIL = "tech@nuitsdejuillet.example.com"
SEED = 2027
TZ = ZoneInfo("Europe/Paris")

MEMBERS = [
    (OWNER_EMAIL, "Claire", "Fontaine", "owner"),
    ("production@nuitsdejuillet.example.com", "Hugo", "Marchal", "admin"),
    ("administration@nuitsdejuillet.example.com", "Lea", "Perrin", "admin"),
    ("regie.generale@nuitsdejuillet.example.com", "Samir", "Benali", "manager"),
    ("regie.son@nuitsdejuillet.example.com", "Julie", "Roux", "manager"),
    ("regie.lumiere@nuitsdejuillet.example.com", "Marc", "Giraud", "manager"),
    ("securite@nuitsdejuillet.example.com", "Nadia", "Lemoine", "manager"),
    (TECH_EMAIL, "Tom", "Bernard", "tech"),
]

# (first name, last name, employment type, "skill:level ...", "tag, tag", notes).
# 18 intermittent technicians, 6 intermittent artists, 10 CDD, 5 CDI, 6 freelances.
CREW = [
    ("Tom", "Bernard", "Intermittent", "son:4 plateau:2", "habite Avignon", ""),
    ("Alice", "Martin", "Intermittent", "son:5 regie generale:2", "bilingue", ""),
    ("Karim", "Haddad", "Intermittent", "son:3", "", ""),
    ("Chloe", "Durand", "Intermittent", "son:3 video:2", "", ""),
    ("Mathis", "Leroy", "Intermittent", "son:2 plateau:2", "habite Avignon", ""),
    ("Lucie", "Moreau", "Intermittent", "lumiere:5 accroche:2", "", ""),
    ("Bruno", "Garnier", "Intermittent", "lumiere:4", "permis C", ""),
    ("Ines", "Faure", "Intermittent", "lumiere:3 video:2", "bilingue", ""),
    ("Quentin", "Robin", "Intermittent", "lumiere:2 plateau:3", "", ""),
    ("Sofiane", "Amrani", "Intermittent", "lumiere:3 accroche:3", "", ""),
    ("Pauline", "Mercier", "Intermittent", "video:4 son:2", "bilingue", ""),
    ("Theo", "Blanc", "Intermittent", "video:3 lumiere:2", "", ""),
    ("Olivier", "Chevalier", "Intermittent", "machiniste:4 plateau:4 accroche:2", "permis C", ""),
    ("Yanis", "Boyer", "Intermittent", "machiniste:3 plateau:3", "habite Avignon", ""),
    ("Gaelle", "Masson", "Intermittent", "machiniste:3 cariste:3", "permis C", "CACES R489 cat. 3"),
    ("David", "Guerin", "Intermittent", "accroche:5 machiniste:3", "", ""),
    ("Emma", "Lefebvre", "Intermittent", "accroche:4 lumiere:2", "bilingue", ""),
    ("Victor", "Andre", "Intermittent", "plateau:3 machiniste:2 son:1", "", ""),
    ("Rose", "Simon", "Intermittent", "comedien:4", "bilingue", "Artiste (annexe 10)"),
    ("Jules", "Michel", "Intermittent", "comedien:3", "", "Artiste (annexe 10)"),
    ("Nora", "Kaci", "Intermittent", "musicien:4", "", "Artiste (annexe 10)"),
    ("Farid", "Mansouri", "Intermittent", "musicien:3", "habite Avignon", "Artiste (annexe 10)"),
    ("Zoe", "Laurent", "Intermittent", "comedien:5 musicien:2", "", "Artiste (annexe 10)"),
    ("Hugo", "Petit", "Intermittent", "musicien:4", "bilingue", "Artiste (annexe 10)"),
    ("Wendy", "Fabre", "CDD", "catering:4", "", ""),
    ("Paul", "Renaud", "CDD", "catering:3 plateau:1", "habite Avignon", ""),
    ("Camille", "Roche", "CDD", "catering:3", "bilingue", ""),
    ("Antoine", "Colin", "CDD", "machiniste:3 cariste:4", "permis C", "CACES R489 cat. 3 et 5"),
    ("Manon", "Barbier", "CDD", "ssiap:3", "", "SSIAP 1"),
    ("Louis", "Arnaud", "CDD", "ssiap:2 plateau:2", "habite Avignon", "SSIAP 1"),
    ("Sarah", "Meyer", "CDD", "plateau:3 machiniste:2", "", ""),
    ("Nicolas", "Roussel", "CDD", "machiniste:3 plateau:2", "permis C", ""),
    ("Julie", "Picard", "CDD", "lumiere:2 plateau:2", "", ""),
    ("Maxime", "Henry", "CDD", "son:2 plateau:2", "", ""),
    ("Sylvie", "Dumas", "CDI", "regie generale:5 lumiere:3", "habite Avignon", ""),
    ("Laurent", "Brun", "CDI", "regie generale:4 son:3", "bilingue", ""),
    ("Christine", "Vidal", "CDI", "ssiap:5 catering:1", "habite Avignon", "SSIAP 3, chef"),
    ("Eric", "Lambert", "CDI", "cariste:4 machiniste:4", "permis C, habite Avignon", "CACES R489"),
    ("Agnes", "Morel", "CDI", "regie generale:3 catering:2", "", ""),
    ("Xavier", "Noel", "Freelance", "video:5", "", "Facture (auto-entrepreneur)"),
    ("Elodie", "Fournier", "Freelance", "accroche:4 lumiere:3", "", "Facture"),
    ("Romain", "Gauthier", "Freelance", "son:4", "bilingue", "Facture"),
    ("Bastien", "Perrot", "Freelance", "lumiere:4 video:3", "", "Facture"),
    ("Ursula", "Klein", "Freelance", "son:3 video:2", "bilingue", "Facture"),
    ("Yves", "Mallet", "Freelance", "cariste:3 machiniste:3", "permis C", "Facture, CACES R489"),
]  # fmt: skip

# Certifications (skills with an expiry): "First Last" -> skill -> (valid until, reference).
# A None date is replaced by today + 20 days: Eric's CACES expires before the festival, so
# the demo lists it as expiring and flags his July cariste missions (``skill_expired``).
CERTIFICATES: dict[str, dict[str, tuple[dt.date | None, str]]] = {
    "Gaelle Masson": {"cariste": (dt.date(2029, 3, 31), "CACES R489-3 2024-118")},
    "Antoine Colin": {"cariste": (dt.date(2030, 6, 30), "CACES R489-3/5 2025-042")},
    "Eric Lambert": {"cariste": (None, "CACES R489-3 2021-007")},
    "Yves Mallet": {"cariste": (dt.date(2028, 11, 15), "CACES R489-3 2023-311")},
    "Manon Barbier": {"ssiap": (dt.date(2029, 9, 30), "SSIAP1-84-2026-0193")},
    "Louis Arnaud": {"ssiap": (dt.date(2028, 5, 31), "SSIAP1-84-2025-0788")},
    "Christine Vidal": {"ssiap": (dt.date(2030, 1, 31), "SSIAP3-84-2024-0021")},
}

# Mission roles: name -> (required skills). Quotas are given per pattern below.
ROLE_SKILLS = {
    "regisseur general": ["regie generale"],
    "regisseur son": ["son"],
    "regisseur lumiere": ["lumiere"],
    "technicien son": ["son"],
    "eclairagiste": ["lumiere"],
    "technicien video": ["video"],
    "machiniste": ["machiniste"],
    "cariste": ["cariste"],
    "accroche": ["accroche"],
    "agent SSIAP": ["ssiap"],
    "catering": ["catering"],
    "comedien": ["comedien"],
    "musicien": ["musicien"],
}

# Org-wide rates by role name (hourly, cents); each user also has their own rate.
ROLE_RATES = {"technicien son": 1600, "eclairagiste": 1600, "machiniste": 1500, "agent SSIAP": 1700}

DECLINE_REASONS = [
    "deja pris ce soir-la",
    "autre contrat ce jour-la",
    "raison familiale",
    "pas de vehicule pour venir",
]

FESTIVAL = (dt.date(2027, 7, 1), dt.date(2027, 7, 31))
MONTAGE = ("08:00", "13:00")
SHOW = ("19:00", "01:00")
DEMONTAGE = ("01:00", "04:00")
# Stage -> (place, runs of show days, roles of the show).
STAGES = {
    "Cour": (
        "Cour d'honneur",
        [(5, 11), (18, 24)],
        {"regisseur son": 1, "technicien son": 2, "eclairagiste": 2, "machiniste": 3,
         "agent SSIAP": 1},
    ),
    "Cloitre": (
        "Cloitre des Carmes",
        [(7, 13), (20, 26)],
        {"technicien son": 1, "eclairagiste": 1, "machiniste": 2, "agent SSIAP": 1},
    ),
    "Chapiteau": (
        "Chapiteau",
        [(8, 27)],
        {"technicien son": 1, "eclairagiste": 1, "technicien video": 1, "machiniste": 1},
    ),
}  # fmt: skip
MONTAGE_ROLES = {"machiniste": 2, "eclairagiste": 1, "technicien son": 1}
DEMONTAGE_ROLES = {"machiniste": 3, "cariste": 1, "accroche": 1}

TOUR_CITIES = [
    ("Lyon", dt.date(2027, 9, 24)),
    ("Grenoble", dt.date(2027, 9, 25)),
    ("Marseille", dt.date(2027, 10, 1)),
    ("Montpellier", dt.date(2027, 10, 2)),
    ("Toulouse", dt.date(2027, 10, 8)),
    ("Bordeaux", dt.date(2027, 10, 9)),
    ("Nantes", dt.date(2027, 10, 15)),
    ("Lille", dt.date(2027, 10, 16)),
    ("Montreal", dt.date(2027, 10, 22)),
]

#: Every place of the demo: name -> (address, IANA timezone, latitude, longitude). The
#: tour ends in Montreal: its times are Montreal's (20:00 there is 02:00 in Paris).
PLACES: dict[str, tuple[str, str, float | None, float | None]] = {
    "Site du festival": ("Avignon", "Europe/Paris", None, None),
    "Cour d'honneur": ("Palais des Papes, Avignon", "Europe/Paris", 43.9508, 4.8075),
    "Cloitre des Carmes": ("Place des Carmes, Avignon", "Europe/Paris", 43.9514, 4.8105),
    "Chapiteau": ("Ile de la Barthelasse, Avignon", "Europe/Paris", None, None),
    "Village": ("Avignon", "Europe/Paris", None, None),
    "Bureau de production": ("Avignon", "Europe/Paris", None, None),
    "Salle Benoit-XII": ("12 rue des Teinturiers, Avignon", "Europe/Paris", 43.9453, 4.8118),
    **{city: (city, "Europe/Paris", None, None) for city, _ in TOUR_CITIES[:-1]},
    "Montreal": ("Theatre Outremont, 1248 avenue Bernard", "America/Montreal", 45.5231, -73.6076),
}

#: Crew rules the planner respects (the conflict defaults of the issue), with margins.
MIN_REST = dt.timedelta(hours=11)
MAX_WEEK = dt.timedelta(hours=35)

_SKILL = re.compile(r"([a-z][a-z ]*?):(\d)")


def _local(day: dt.date, hhmm: str) -> dt.datetime:
    hours, minutes = (int(x) for x in hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), tzinfo=TZ)


def _roles(quotas: dict[str, int]) -> list[MissionRoleIn]:
    return [MissionRoleIn(name, q, ROLE_SKILLS[name]) for name, q in quotas.items()]


@dataclass
class Booking:
    """One planned assignment and the answer it ends with."""

    role_id: int
    user_id: int
    status: str  # ACCEPTED, INVITED, DECLINED, CANCELLED
    reason: str | None = None
    accepted_first: bool = False  # CANCELLED after having been ACCEPTED
    reserve: bool = False  # invited beyond the quota (on the reserve list)


@dataclass
class Planner:
    """Books crew on roles they have the skills for, with 11 h of rest between two
    missions (hence at most one a day), at most 35 h a week, outside their approved
    unavailability."""

    rng: random.Random
    skills: dict[int, set[str]]
    unavailable: dict[int, list[tuple[dt.datetime, dt.datetime]]]
    now: dt.datetime
    busy: dict[int, list[tuple[dt.datetime, dt.datetime]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    week_hours: dict[tuple[int, int, int], dt.timedelta] = field(
        default_factory=lambda: defaultdict(dt.timedelta)
    )
    on_mission: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    bookings: list[Booking] = field(default_factory=list)

    def _week(self, user_id: int, starts: dt.datetime) -> tuple[int, int, int]:
        year, week, _ = starts.astimezone(TZ).isocalendar()
        return (user_id, year, week)

    def free(self, user_id: int, mission: dict[str, Any]) -> bool:
        starts, ends = mission["starts_at"], mission["ends_at"]
        if user_id in self.on_mission[mission["id"]]:
            return False
        if any(a < ends + MIN_REST and starts < b + MIN_REST for a, b in self.busy[user_id]):
            return False
        if any(a < ends and starts < b for a, b in self.unavailable.get(user_id, [])):
            return False
        return self.week_hours[self._week(user_id, starts)] + (ends - starts) <= MAX_WEEK

    def book(
        self, mission: dict[str, Any], role: dict[str, Any], user_id: int, status: str
    ) -> None:
        """Record a booking (unchecked: the caller decided it is wanted)."""
        reason = self.rng.choice(DECLINE_REASONS) if status == "DECLINED" else None
        accepted_first = status == "CANCELLED" and self.rng.random() < 0.5
        self.bookings.append(Booking(role["id"], user_id, status, reason, accepted_first))
        self.on_mission[mission["id"]].add(user_id)
        if status in ("INVITED", "ACCEPTED"):
            self.busy[user_id].append((mission["starts_at"], mission["ends_at"]))
            key = self._week(user_id, mission["starts_at"])
            self.week_hours[key] += mission["ends_at"] - mission["starts_at"]

    def _status(self, mission: dict[str, Any]) -> str:
        draw = self.rng.random()
        if mission["ends_at"] <= self.now:  # past: answered long ago
            return "ACCEPTED" if draw < 0.86 else "DECLINED" if draw < 0.96 else "CANCELLED"
        if draw < 0.62:
            return "ACCEPTED"
        return "INVITED" if draw < 0.86 else "DECLINED" if draw < 0.95 else "CANCELLED"

    def add_reserves(self, missions: list[dict[str, Any]], statuses: list[str]) -> None:
        """Reserves on full roles, one per status given (ACCEPTED: in line; INVITED:
        not answered yet), on the first full role that has free crew for them."""
        wanted = list(statuses)
        for mission in missions:
            for role in mission["roles"]:
                if not wanted:
                    return
                taken = sum(
                    1
                    for b in self.bookings
                    if b.role_id == role["id"] and b.status in ("INVITED", "ACCEPTED")
                )
                if role["quota"] == 0 or taken < role["quota"]:
                    continue
                need = set(role["required_skills"])
                for user_id in sorted(u for u, skills in self.skills.items() if need <= skills):
                    if wanted and self.free(user_id, mission):
                        self.book(mission, role, user_id, wanted.pop(0))
                        self.bookings[-1].reserve = True

    def fill(self, mission: dict[str, Any], ratio: float, *, only_invite: bool = False) -> None:
        """Book about ``ratio`` of each role's places; ``only_invite``: nobody answered yet."""
        for role in mission["roles"]:
            taken = sum(
                1
                for b in self.bookings
                if b.role_id == role["id"] and b.status in ("INVITED", "ACCEPTED")
            )
            wanted = min(role["quota"], round(role["quota"] * ratio + self.rng.random() * 0.5))
            need = set(role["required_skills"])
            candidates = [u for u, s in self.skills.items() if need <= s]
            self.rng.shuffle(candidates)
            # The least booked first, so that work is spread over the crew.
            candidates.sort(key=lambda u: len(self.busy[u]))
            refusals = 0
            for user_id in candidates:
                if taken >= wanted:
                    break
                if not self.free(user_id, mission):
                    continue
                status = "INVITED" if only_invite else self._status(mission)
                if status in ("DECLINED", "CANCELLED"):
                    if refusals >= 1:
                        status = "ACCEPTED"
                    refusals += 1
                self.book(mission, role, user_id, status)
                taken += status in ("INVITED", "ACCEPTED")


class _NoOutgoingJobs(JobRuntime):
    """Stands in for the job queue while seeding: the demo's past invitations are not mailed."""

    def __init__(self) -> None:  # no queue connection
        pass

    async def enqueue(self, job: str, **kwargs: Any) -> None:
        return None


@contextlib.contextmanager
def _no_outgoing_jobs() -> Iterator[None]:
    previous = current_runtime()
    set_runtime(_NoOutgoingJobs())
    try:
        yield
    finally:
        set_runtime(previous)


def _info() -> dict[str, Any]:
    return {
        "org_name": DEMO_NAME,
        "email": OWNER_EMAIL,
        "password": DEMO_PASSWORD,
        "tech_email": TECH_EMAIL,
    }


async def seed_demo() -> dict[str, Any]:
    """Create the demo org unless it exists; returns what the demo prints."""
    if await fetch("SELECT 1 FROM orgs WHERE slug = $1", DEMO_SLUG):
        return _info()
    # Before the app has opened its pool (``coulisses seed``): the answers' rate limits and
    # the live events name their Redis keys by the instance id.
    await ensure_instance_id(SimpleNamespace(fetch=fetch))
    with _no_outgoing_jobs():
        async with transaction():
            # Two seeds at once (two demo processes) would make two orgs.
            await fetch("SELECT pg_advisory_xact_lock(hashtext('coulisses.seed_demo'))")
            if not await fetch("SELECT 1 FROM orgs WHERE slug = $1", DEMO_SLUG):
                await _build(random.Random(SEED))  # noqa: S311 - demo data, not security
    return _info()


async def _member_accounts(org_id: int) -> dict[str, int]:
    accounts: dict[str, int] = {}
    for email, first, last, role in MEMBERS:
        rows = await fetch("SELECT id FROM accounts WHERE username = $1", email)
        account_id = (
            rows[0]["id"] if rows else await create_account(email, DEMO_PASSWORD, first, last)
        )
        await fetch(
            "INSERT INTO org_memberships (account, org, role) VALUES ($1, $2, $3)",
            account_id,
            org_id,
            role,
        )
        accounts[email] = account_id
    return accounts


def _skills(first: str, last: str, skill_text: str, today: dt.date) -> list[SkillIn]:
    """The skills of a crew member, with the expiry and reference of their certificates."""
    certificates = CERTIFICATES.get(f"{first} {last}", {})
    out = []
    for name, level in _levels(skill_text):
        until, reference = certificates.get(name, (None, None))
        if reference is not None and until is None:
            until = today + dt.timedelta(days=20)
        out.append(
            SkillIn(
                name,
                level,
                valid_until=until.isoformat() if until else None,
                reference=reference,
            )
        )
    return out


async def _crew(
    owner: Principal, tech_account: int, today: dt.date
) -> tuple[dict[str, int], dict[int, set[str]]]:
    """The users, each with their rate; returns ids by "First Last" and skills by id."""
    ids: dict[str, int] = {}
    skills: dict[int, set[str]] = {}
    for index, (first, last, employment, skill_text, tag_text, notes) in enumerate(CREW):
        row = await users.create_user(
            owner,
            UserCreate(
                first_name=first,
                last_name=last,
                employment_type=cast("EmploymentType", employment),
                email=f"{first}.{last}@crew.nuitsdejuillet.example.com".lower(),
                phone=f"+33 6 {12 + index:02d} {34 + index:02d} {56 + index % 40:02d} 00",
                account_id=tech_account if (first, last) == ("Tom", "Bernard") else None,
                skills=_skills(first, last, skill_text, today),
                tags=[t.strip() for t in tag_text.split(",") if t.strip()],
                notes=notes,
            ),
        )
        ids[f"{first} {last}"] = row["id"]
        skills[row["id"]] = {s["name"] for s in row["skills"]}
        await rates.create_rate(owner, _user_rate(row["id"], employment, skill_text))
    for role_name, cents in ROLE_RATES.items():
        await rates.create_rate(
            owner, RateCreate(kind="hourly", amount_cents=cents, role_name=role_name)
        )
    return ids, skills


def _levels(skill_text: str) -> list[tuple[str, int]]:
    """``"son:5 regie generale:2"`` -> ``[("son", 5), ("regie generale", 2)]``."""
    return [(name.strip(), int(level)) for name, level in _SKILL.findall(skill_text)]


def _user_rate(user_id: int, employment: str, skill_text: str) -> RateCreate:
    best = max(level for _, level in _levels(skill_text))
    if "comedien" in skill_text or "musicien" in skill_text:
        cents = 18000 + 2000 * (best >= 5)
        return RateCreate(
            kind="cachet", amount_cents=cents, user_id=user_id, label="Cachet artiste"
        )
    if employment == "Freelance":
        return RateCreate(
            kind="per_mission",
            amount_cents=26000 + 3000 * (best - 3),
            user_id=user_id,
            label="Forfait journee (facture)",
        )
    base = {"Intermittent": 1650, "CDD": 1450, "CDI": 1900}[employment]
    return RateCreate(
        kind="hourly", amount_cents=base + 100 * best, user_id=user_id, label="Taux horaire brut"
    )


async def _bulk(
    owner: Principal,
    project_id: int,
    title: str,
    slot: tuple[str, str],
    days: list[dt.date],
    place_id: int,
    quotas: dict[str, int],
    *,
    publish: bool = True,
    weekdays: list[int] | None = None,
) -> list[dict[str, Any]]:
    """Missions on ``days``, or every ``weekdays`` from ``days[0]`` to ``days[-1]``."""
    ranged = weekdays is not None
    data = BulkMissionsCreate(
        title=title,
        slots=[TimeSlot(slot[0], slot[1], ends_next_day=slot[1] <= slot[0])],
        days=None if ranged else days,
        date_from=days[0] if ranged else None,
        date_to=days[-1] if ranged else None,
        weekdays=weekdays,
        place_id=place_id,
        publish=publish,
        roles=_roles(quotas),
    )
    return await missions.bulk_create(owner, project_id, data)


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


async def _places(owner: Principal) -> dict[str, int]:
    out: dict[str, int] = {}
    for name, (address, timezone, latitude, longitude) in PLACES.items():
        place = await places.create_place(
            owner, PlaceCreate(name, timezone, address, latitude, longitude)
        )
        out[name] = place["id"]
    return out


async def _festival(owner: Principal, where: dict[str, int]) -> dict[str, list[dict[str, Any]]]:
    """Festival 2027, July: a general build-up, three stages in runs, catering and a desk."""
    project = await projects.create_project(
        owner,
        ProjectCreate(
            name="Festival 2027",
            description="Trois scenes (Cour, Cloitre, Chapiteau), 1-31 juillet 2027.",
            starts_on=FESTIVAL[0],
            ends_on=FESTIVAL[1],
        ),
    )
    pid = project["id"]
    july = [dt.date(2027, 7, d) for d in range(1, 32)]
    out: dict[str, list[dict[str, Any]]] = {}
    out["montage general"] = await _bulk(
        owner,
        pid,
        "Montage general",
        ("08:00", "17:00"),
        july[0:5],
        where["Site du festival"],
        {"machiniste": 4, "accroche": 2, "cariste": 1, "regisseur general": 1},
    )
    for stage, (place, runs, show_roles) in STAGES.items():
        show_days = [d for first, last in runs for d in july[first - 1 : last]]
        last_nights = [july[last] for _, last in runs]  # the night after the last show
        at = where[place]
        out[f"montage {stage}"] = await _bulk(
            owner, pid, f"Montage {stage}", MONTAGE, show_days, at, MONTAGE_ROLES
        )
        out[f"show {stage}"] = await _bulk(
            owner, pid, f"Exploitation {stage}", SHOW, show_days, at, show_roles
        )
        out[f"demontage {stage}"] = await _bulk(
            owner, pid, f"Demontage {stage}", DEMONTAGE, last_nights, at, DEMONTAGE_ROLES
        )
    out["catering"] = await _bulk(
        owner,
        pid,
        "Repas equipes",
        ("11:00", "15:00"),
        july[4:27],
        where["Village"],
        {"catering": 2},
    )
    out["permanence"] = await _bulk(
        owner,
        pid,
        "Permanence regie",
        ("14:00", "18:00"),
        july[4:27],
        where["Bureau de production"],
        {"regisseur general": 1},
        publish=False,
    )
    await projects.update_project(owner, pid, ProjectUpdate(status="ACTIVE"))
    return out


async def _theatre(owner: Principal, where: dict[str, int], today: dt.date) -> list[dict[str, Any]]:
    """Saison Theatre: four weeks around today (so the demo has a past and a future)."""
    first = today - dt.timedelta(days=today.weekday() + 7)
    last = first + dt.timedelta(days=27)
    project = await projects.create_project(
        owner,
        ProjectCreate(
            name="Saison Theatre",
            description="Saison d'hiver a la Salle Benoit-XII.",
            starts_on=first,
            ends_on=last,
        ),
    )
    pid = project["id"]
    place = where["Salle Benoit-XII"]
    shows = await _bulk(
        owner,
        pid,
        "Representation",
        ("20:00", "23:00"),
        [first, last],
        place,
        {"regisseur lumiere": 1, "regisseur son": 1, "machiniste": 1, "comedien": 3},
        weekdays=[1, 2, 3, 4, 5],
    )
    service = await _bulk(
        owner,
        pid,
        "Service technique",
        ("09:00", "13:00"),
        [first, last],
        place,
        {"machiniste": 2, "eclairagiste": 1},
        weekdays=[1, 4],
    )
    await projects.update_project(owner, pid, ProjectUpdate(status="ACTIVE"))
    return sorted(shows + service, key=lambda m: m["starts_at"])


async def _tour(owner: Principal, where: dict[str, int]) -> list[dict[str, Any]]:
    """Tournee Automne: a DRAFT being prepared, unpublished; musicians invited, no answer.
    Its last date is in Montreal, on Montreal's clock."""
    project = await projects.create_project(
        owner,
        ProjectCreate(
            name="Tournee Automne",
            description="Concerts en salles, septembre-octobre 2027 ; derniere date a Montreal.",
            starts_on=TOUR_CITIES[0][1],
            ends_on=TOUR_CITIES[-1][1],
        ),
    )
    out: list[dict[str, Any]] = []
    for city, day in TOUR_CITIES:
        out += await _bulk(
            owner, project["id"], "Chargement", ("07:00", "12:00"), [day], where[city],
            {"machiniste": 2, "cariste": 1}, publish=False,
        )  # fmt: skip
        out += await _bulk(
            owner, project["id"], "Concert", ("20:00", "23:30"), [day], where[city],
            {"musicien": 4, "technicien son": 1, "eclairagiste": 1}, publish=False,
        )  # fmt: skip
    return out


async def _availability(
    owner: Principal, tech: Principal, ids: dict[str, int], today: dt.date
) -> None:
    """Approved leave and weekly rest days, a freelance's weekends, and a tech's requests."""

    async def window(
        principal: Principal, name: str, kind: AvailabilityKind, note: str, **timing: Any
    ) -> int:
        row = await availability.create_window(
            principal, AvailabilityCreate(user_id=ids[name], kind=kind, note=note, **timing)
        )
        return int(row["id"])

    await window(
        owner, "Bruno Garnier", "unavailable", "Conges",
        starts_at=_local(dt.date(2027, 7, 15), "00:00"),
        ends_at=_local(dt.date(2027, 7, 18), "00:00"),
    )  # fmt: skip
    await window(
        owner, "Yanis Boyer", "unavailable", "Formation accroche",
        starts_at=_local(dt.date(2027, 7, 1), "08:00"),
        ends_at=_local(dt.date(2027, 7, 3), "18:00"),
    )  # fmt: skip
    rest_from = today - dt.timedelta(days=today.weekday() + 14)  # a Monday before the season
    for name in ("Sylvie Dumas", "Eric Lambert"):
        await window(
            owner, name, "unavailable", "Repos hebdomadaire (lundi)",
            rrule=f"FREQ=WEEKLY;BYDAY=MO;UNTIL={max(rest_from.year + 1, 2027)}0901T000000Z",
            start_date=rest_from, start_time="00:00", duration_minutes=24 * 60,
        )  # fmt: skip
    await window(
        owner, "Xavier Noel", "available", "Disponible les week-ends",
        rrule="FREQ=WEEKLY;BYDAY=SA,SU;COUNT=40",
        start_date=dt.date(2027, 5, 1), start_time="09:00", duration_minutes=14 * 60,
    )  # fmt: skip
    # The tech's own requests: one waiting, one recurring waiting, one refused.
    await window(
        tech, "Tom Bernard", "unavailable", "Rendez-vous medical",
        starts_at=_local(dt.date(2027, 7, 29), "09:00"),
        ends_at=_local(dt.date(2027, 7, 29), "12:00"),
    )  # fmt: skip
    await window(
        tech, "Tom Bernard", "unavailable", "Cours du soir",
        rrule="FREQ=WEEKLY;BYDAY=WE;COUNT=10",
        start_date=dt.date(2027, 9, 1), start_time="18:30", duration_minutes=180,
    )  # fmt: skip
    refused = await window(
        tech, "Tom Bernard", "unavailable", "Feu d'artifice en famille",
        starts_at=_local(dt.date(2027, 7, 14), "18:00"),
        ends_at=_local(dt.date(2027, 7, 15), "01:00"),
    )  # fmt: skip
    await availability.refuse_window(
        owner, refused, "Soiree du 14 juillet : toute l'equipe son est requise"
    )


def _find(
    found: list[dict[str, Any]], day: dt.date, role_name: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The mission of ``found`` starting on local ``day``, and its role ``role_name``."""
    for mission in found:
        if mission["starts_at"].astimezone(TZ).date() == day:
            return mission, next(r for r in mission["roles"] if r["name"] == role_name)
    raise LookupError(f"no mission on {day}")


def _plan_deliberate(
    planner: Planner, fest: dict[str, list[dict[str, Any]]], ids: dict[str, int]
) -> None:
    """The conflicts the demo shows (CONFLICTS in the docstring): booked without checks."""
    j = dt.date(2027, 7, 1).replace
    cases = [
        # Rest < 11 h: the night demontage of the Cour, then the Cloitre montage at 08:00.
        ("Olivier Chevalier", fest["demontage Cour"], j(day=12), "machiniste", "ACCEPTED"),
        ("Olivier Chevalier", fest["montage Cloitre"], j(day=12), "machiniste", "ACCEPTED"),
        # More than 10 h in a day (and too little rest): build-up, then the first show.
        ("Sofiane Amrani", fest["montage general"], j(day=5), "accroche", "ACCEPTED"),
        ("Sofiane Amrani", fest["show Cour"], j(day=5), "eclairagiste", "ACCEPTED"),
        # Invited during approved leave (15-17 July).
        ("Bruno Garnier", fest["show Chapiteau"], j(day=16), "eclairagiste", "INVITED"),
        # A missing skill: no SSIAP certificate.
        ("Sarah Meyer", fest["show Cloitre"], j(day=21), "agent SSIAP", "ACCEPTED"),
        # Two active assignments at the same time (only one ACCEPTED: the database forbids two).
        ("Karim Haddad", fest["show Cour"], j(day=20), "technicien son", "ACCEPTED"),
        ("Karim Haddad", fest["show Chapiteau"], j(day=20), "technicien son", "INVITED"),
    ]
    for name, found, day, role_name, status in cases:
        mission, role = _find(found, day, role_name)
        planner.book(mission, role, ids[name], status)


def _plan_tech(
    planner: Planner,
    fest: dict[str, list[dict[str, Any]]],
    theatre: list[dict[str, Any]],
    tom: int,
) -> None:
    """Tom (the tech login) gets missions in every status, past and to come."""
    shows = [m for m in theatre if m["title"] == "Representation"]
    past = [m for m in shows if m["ends_at"] <= planner.now]
    future = [m for m in shows if m["starts_at"] > planner.now]
    coming = zip(future[1:], ["ACCEPTED", "INVITED", "INVITED"], strict=False)
    wanted: list[tuple[dict[str, Any], str, str]] = [
        *((m, "regisseur son", "ACCEPTED") for m in past[:2]),
        *((m, "regisseur son", status) for m, status in coming),
    ]
    j = dt.date(2027, 7, 1).replace
    for day, status in ((6, "ACCEPTED"), (8, "DECLINED"), (10, "CANCELLED"), (19, "INVITED")):
        mission, _ = _find(fest["show Cour"], j(day=day), "technicien son")
        wanted.append((mission, "technicien son", status))
    for mission, role_name, status in wanted:
        role = next(r for r in mission["roles"] if r["name"] == role_name)
        if status in ("DECLINED", "CANCELLED") or planner.free(tom, mission):
            planner.book(mission, role, tom, status)
    for booking in planner.bookings:
        if booking.user_id == tom and booking.status == "DECLINED":
            booking.reason = "deja pris ce soir-la"
        if booking.user_id == tom and booking.status == "CANCELLED":
            booking.accepted_first = True


async def _build(rng: random.Random) -> None:
    org = await create_org(DEMO_NAME)
    accounts = await _member_accounts(org.id)
    owner = Principal(accounts[OWNER_EMAIL], OWNER_EMAIL, org.id, "owner")
    tech = Principal(accounts[TECH_EMAIL], TECH_EMAIL, org.id, "tech")
    now = dt.datetime.now(dt.UTC)
    today = now.astimezone(TZ).date()

    ids, skills = await _crew(owner, accounts[TECH_EMAIL], today)
    where = await _places(owner)
    fest = await _festival(owner, where)
    theatre = await _theatre(owner, where, today)
    tour = await _tour(owner, where)
    fourteenth, _ = _find(fest["show Chapiteau"], dt.date(2027, 7, 14), "technicien son")
    await rates.create_rate(
        owner,
        RateCreate(
            kind="per_mission", amount_cents=25000, mission_id=fourteenth["id"],
            label="Forfait soiree du 14 juillet",
        ),
    )  # fmt: skip
    await _availability(owner, tech, ids, today)

    everything = [m for found in fest.values() for m in found] + theatre
    span_from = min(m["starts_at"] for m in everything)
    span_to = max(m["ends_at"] for m in everything)
    unavailable = await availability.unavailable_intervals(org.id, list(skills), span_from, span_to)
    planner = Planner(rng, skills, unavailable, now)
    _plan_deliberate(planner, fest, ids)
    _plan_tech(planner, fest, theatre, ids["Tom Bernard"])
    season = {m["id"] for m in theatre}
    for mission in sorted(everything, key=lambda m: (m["starts_at"], m["id"])):
        planner.fill(mission, 0.95 if mission["id"] in season else rng.uniform(0.55, 1.0))
    for mission in tour:
        if mission["title"] == "Concert":
            planner.fill(mission, 0.5, only_invite=True)
    # Two reserves in line on the first full role of the festival, one still invited.
    shows = sorted(
        (m for m in everything if m["starts_at"] > now and m["id"] not in season),
        key=lambda m: (m["starts_at"], m["id"]),
    )
    planner.add_reserves(shows, ["ACCEPTED", "ACCEPTED", "INVITED"])
    await _answer(owner, tech, planner.bookings, ids["Tom Bernard"])
    await _availability_request(owner, ids, rng, now)
    await _plugins(owner)


async def _availability_request(
    owner: Principal, ids: dict[str, int], rng: random.Random, now: dt.datetime
) -> None:
    """A request for the festival's first week to 24 of the crew, 16 of whom answered
    through their link (yes or if needed each day, some days left blank): the heat map
    of the planning (July, "Disponibilites") and of the request's page. No "no": it would
    make unavailability on days the planner already filled."""
    from coulisses.scheduling.availability_requests import service as requests
    from coulisses.scheduling.availability_requests.schemas import (
        AnswerCell,
        AnswersIn,
        AvailabilityRequestCreate,
    )
    from coulisses.sealing import unseal

    people = sorted(ids.values())[:24]
    first = dt.date(2027, 7, 9)
    days = [first + dt.timedelta(days=n) for n in range(7)]
    deadline = max(now + dt.timedelta(days=30), _local(dt.date(2027, 6, 30), "18:00"))
    made = await requests.create_request(
        owner,
        AvailabilityRequestCreate(
            title="Festival : premiere semaine",
            starts_on=days[0],
            ends_on=days[-1],
            user_ids=people,
            deadline=deadline,
            message="Dites-nous vos jours pour les renforts de la premiere semaine.",
        ),
    )
    recipients = await fetch(
        """SELECT id, token_sealed FROM availability_request_recipients
           WHERE request_id = $1 ORDER BY user_id""",
        made["id"],
    )
    for row in recipients[:16]:
        cells = [
            AnswerCell(day=day, answer=rng.choice(("yes", "yes", "if_needed")))
            for day in days
            if rng.random() < 0.8
        ]
        token = str(unseal(row["token_sealed"], requests.SEAL_PURPOSE))
        await requests.answer(
            int(row["id"]), token, AnswersIn(answers=cells), client_ip="demo-seed"
        )


#: Plugins the demo enables when they are installed, each then adding its own demo data
#: (hook ``demo_seeded``): payroll for Comptabilite.
DEMO_PLUGINS = ("payroll",)


async def _plugins(owner: Principal) -> None:
    """Enable the demo's plugins through core's normal enable path, then let each seed its
    part (the seed never writes a plugin's tables itself)."""
    registry = get_registry()
    for name in DEMO_PLUGINS:
        if name not in registry.plugins:
            continue
        await plugin_service.update(owner.org_id, owner.account_id, name, enabled=True)
        others = [p for n, p in registry.plugins.items() if n != name]
        caller = registry.pm.subset_hook_caller("demo_seeded", remove_plugins=others)
        with _sdk_host():
            for result in caller(org_id=owner.org_id, account_id=owner.account_id):
                if inspect.isawaitable(result):
                    await result


@contextlib.contextmanager
def _sdk_host() -> Iterator[None]:
    """The SDK host the plugins' services call: the app's or the worker's, else (a seed
    run from the CLI) one over the seed's job runtime for the time of the block."""
    try:
        sdk_host.get_host()
    except RuntimeError:
        sdk_host.set_host(CoreHost(current_runtime() or _NoOutgoingJobs()))
        try:
            yield
        finally:
            sdk_host.set_host(None)
    else:
        yield


async def _answer(owner: Principal, tech: Principal, bookings: list[Booking], tom: int) -> None:
    """Invite and answer the refusals first (declines, cancellations), then the others: a
    role's places are never all held at once, so nobody needs to be a reserve."""
    created: dict[tuple[int, int], int] = {}
    events: list[DomainEvent] = []

    async def invite(batch: list[Booking], *, reserve: bool = False) -> None:
        pairs = [(b.role_id, b.user_id) for b in batch]
        for start in range(0, len(pairs), assignments.MAX_BULK):
            chunk = pairs[start : start + assignments.MAX_BULK]
            for row in await assignments.invite(owner, chunk, reserve=reserve):
                created[(row["mission_role_id"], row["user_id"])] = row["id"]

    async def answer(booking: Booking, target: str) -> None:
        mine = booking.user_id == tom
        reply = answers.Answer(
            target=target,
            via="app" if mine else "link",
            actor_account_id=tech.account_id if mine else None,
            reason=booking.reason if target == "DECLINED" else None,
        )
        await answers.apply_answer(owner.org_id, created[(booking.role_id, booking.user_id)], reply)
        events.extend(reply.events)

    refusals = [b for b in bookings if b.status in ("DECLINED", "CANCELLED") and not b.reserve]
    await invite(refusals)
    for booking in refusals:
        if booking.status == "CANCELLED":
            if booking.accepted_first:
                await answer(booking, "ACCEPTED")
            await assignments.cancel(owner, created[(booking.role_id, booking.user_id)])
        else:
            await answer(booking, "DECLINED")
    places = [b for b in bookings if b.status in ("INVITED", "ACCEPTED") and not b.reserve]
    await invite(places)
    for booking in places:
        if booking.status == "ACCEPTED":
            await answer(booking, "ACCEPTED")
    # Beyond full roles: reserves, the accepted ones in line in this order.
    reserves = [b for b in bookings if b.reserve]
    await invite(reserves, reserve=True)
    for booking in reserves:
        if booking.status == "ACCEPTED":
            await answer(booking, "ACCEPTED")
    # The demo's links are not mailed (they stand for the past): show them as sent.
    await fetch(
        """UPDATE invitations i SET delivery_status = CASE WHEN u.email IS NULL
                  THEN 'no_channel' ELSE 'sent' END,
                  delivery_channel = CASE WHEN u.email IS NULL THEN NULL ELSE 'email' END
           FROM assignments a JOIN users u ON u.id = a.user_id
           WHERE a.id = i.assignment AND i.org = $1""",
        owner.org_id,
    )
    await emit_events(events)
