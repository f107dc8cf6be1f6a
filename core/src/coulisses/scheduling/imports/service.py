"""Imports of people (users) and missions from CSV/XLSX files (docs/import.md).

Upload -> the file is parsed and kept server-side (``import_uploads``, one hour) with a
suggested mapping (field -> column, by header names in French or English); validate ->
every row is checked with the rules of the API (``users.service.user_values``, the bulk
creation's ``missions.service.expand_pattern``), errors listed by row and column with the
API's codes; commit -> ``all_or_nothing`` (any error: nothing written) or ``valid_rows``.
A row with an ``external_id`` already in the org updates that person or mission, so that
importing the same file again changes nothing but what changed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import msgspec

from coulisses.audit import record
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound, msgspec_field_error
from coulisses.scheduling.common import emit_events, org_timezone
from coulisses.scheduling.imports.parsing import Sheet, read_file, write_csv, write_xlsx
from coulisses.scheduling.missions import service as missions
from coulisses.scheduling.missions.schemas import BulkMissionsCreate
from coulisses.scheduling.places import service as places
from coulisses.scheduling.projects.service import ensure_open
from coulisses.scheduling.users.schemas import UserCreate
from coulisses.scheduling.users.service import user_values
from coulisses_sdk import DomainEvent, MissionChanged, Principal

KINDS = ("people", "missions")
MODES = ("all_or_nothing", "valid_rows")
#: How long an upload stays (validate and commit within it).
UPLOAD_TTL = dt.timedelta(hours=1)
PREVIEW_ROWS = 10
MAX_EXTERNAL_ID = 100


@dataclass(frozen=True, slots=True)
class ImportField:
    """A field a column can be mapped to; ``aliases`` are normalized header names."""

    name: str
    required: bool
    aliases: tuple[str, ...]
    example: str


PEOPLE_FIELDS = (
    ImportField("external_id", False, ("externalid", "idexterne", "matricule", "id"), "EMP-001"),
    ImportField("first_name", True, ("firstname", "prenom"), "Camille"),
    ImportField("last_name", True, ("lastname", "nom", "nomdefamille"), "Martin"),
    ImportField(
        "employment_type",
        True,
        ("employmenttype", "contrat", "typedecontrat", "contract", "statut"),
        "Intermittent",
    ),
    ImportField(
        "email", False, ("email", "mail", "courriel", "adressemail"), "camille@example.org"
    ),
    ImportField("phone", False, ("phone", "telephone", "tel", "portable", "mobile"), "0601020304"),
    ImportField("skills", False, ("skills", "competences", "competence"), "son:3, lumiere"),
    ImportField("tags", False, ("tags", "etiquettes", "groupes"), "festival, equipe A"),
    ImportField("rate_profile", False, ("rateprofile", "profiltarifaire", "grille"), "Technicien"),
    ImportField("notes", False, ("notes", "remarques", "commentaire"), ""),
)
MISSION_FIELDS = (
    ImportField("external_id", False, ("externalid", "idexterne", "id"), "FEST-J1-PLATEAU"),
    ImportField("project", True, ("project", "projet", "projectid"), "Festival d'ete"),
    ImportField("title", True, ("title", "titre", "intitule", "mission"), "Montage plateau"),
    ImportField("place", False, ("place", "lieu", "salle", "venue"), "Grande salle"),
    ImportField("date", True, ("date", "jour", "day"), "2026-07-14"),
    ImportField("start", True, ("start", "debut", "heuredebut", "starttime"), "08:00"),
    ImportField("end", True, ("end", "fin", "heurefin", "endtime"), "13:00"),
    ImportField(
        "ends_next_day", False, ("endsnextday", "finlendemain", "lendemain", "nextday"), "non"
    ),
    ImportField("roles", False, ("roles", "postes", "role"), "machiniste:4, regisseur son:1"),
    ImportField("notes", False, ("notes", "remarques", "commentaire"), ""),
)
FIELDS: dict[str, tuple[ImportField, ...]] = {"people": PEOPLE_FIELDS, "missions": MISSION_FIELDS}


def _normalized(header: str) -> str:
    """``Prenom`` with or without its accent, ``first name`` and ``First_Name`` alike."""
    text = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", text)


def suggest_mapping(kind: str, headers: list[str]) -> dict[str, str | None]:
    """Field -> the first header whose normalized name is the field's or an alias."""
    by_name: dict[str, str] = {}
    for header in headers:
        by_name.setdefault(_normalized(header), header)
    out: dict[str, str | None] = {}
    for spec in FIELDS[kind]:
        names = (_normalized(spec.name), *spec.aliases)
        out[spec.name] = next((by_name[n] for n in names if n in by_name), None)
    return out


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise DomainError(
            "import.invalid_kind",
            "kind is people or missions",
            details={"kinds": list(KINDS)},
            status=422,
        )
    return kind


# -- uploads ---------------------------------------------------------------------------


async def create_upload(
    principal: Principal, kind: str, file_name: str, data: bytes
) -> dict[str, Any]:
    """Parse and keep the file; expired uploads (of every org) are deleted on the way."""
    _kind(kind)
    name = (file_name or "").replace("\\", "/").rsplit("/", 1)[-1][:255] or "import"
    sheet = read_file(name, data)
    async with transaction():
        await fetch("DELETE FROM import_uploads WHERE expires_at < now()")
        rows = await fetch(
            """INSERT INTO import_uploads (org, kind, file_name, headers, rows, created_by,
                                           expires_at)
               VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, now() + $7::interval)
               RETURNING id""",
            principal.org_id,
            kind,
            name,
            json.dumps(sheet.headers),
            json.dumps(sheet.rows),
            principal.account_id,
            UPLOAD_TTL,
        )
    return await get_upload(principal.org_id, int(rows[0]["id"]))


async def _load(org_id: int, upload_id: int) -> dict[str, Any]:
    rows = await fetch(
        """SELECT id, kind, file_name, headers, rows, mapping, created_at, expires_at
           FROM import_uploads WHERE org = $1 AND id = $2 AND expires_at > now()""",
        org_id,
        upload_id,
    )
    if not rows:
        raise NotFound("import.not_found", "This import does not exist or has expired")
    row = rows[0]
    for key in ("headers", "rows", "mapping"):
        if isinstance(row[key], str):
            row[key] = json.loads(row[key])
    return row


def _sheet(upload: dict[str, Any]) -> Sheet:
    return Sheet(list(upload["headers"]), [(int(r[0]), list(r[1])) for r in upload["rows"]])


async def get_upload(org_id: int, upload_id: int) -> dict[str, Any]:
    """The upload's headers, first rows, row count, fields and suggested mapping."""
    upload = await _load(org_id, upload_id)
    sheet = _sheet(upload)
    return {
        "id": upload["id"],
        "kind": upload["kind"],
        "file_name": upload["file_name"],
        "headers": sheet.headers,
        "preview": [cells for _, cells in sheet.rows[:PREVIEW_ROWS]],
        "row_count": len(sheet.rows),
        "fields": [{"name": f.name, "required": f.required} for f in FIELDS[upload["kind"]]],
        "suggested_mapping": upload["mapping"] or suggest_mapping(upload["kind"], sheet.headers),
        "expires_at": upload["expires_at"],
    }


def check_mapping(kind: str, headers: list[str], mapping: dict[str, str | None]) -> dict[str, int]:
    """Field -> column index; unknown fields or columns and missing required fields: 422."""
    known = {f.name: f for f in FIELDS[kind]}
    index = {h: i for i, h in enumerate(headers)}
    out: dict[str, int] = {}
    for name, column in mapping.items():
        if name not in known:
            raise DomainError(
                "import.unknown_field",
                f"{name[:60]!r} is not a field of this import",
                details={"field": name[:60]},
                status=422,
            )
        if column is None or column == "":
            continue
        if column not in index:
            raise DomainError(
                "import.unknown_column",
                f"The file has no column {column[:100]!r}",
                details={"field": name, "column": column[:100]},
                status=422,
            )
        out[name] = index[column]
    for spec in FIELDS[kind]:
        if spec.required and spec.name not in out:
            raise DomainError(
                "import.missing_required",
                f"Map a column to the required field {spec.name}",
                details={"field": spec.name},
                status=422,
            )
    return out


# -- rows ------------------------------------------------------------------------------


@dataclass(slots=True)
class RowError:
    row: int
    field: str | None
    code: str
    params: dict[str, Any]
    message: str


@dataclass(slots=True)
class Checked:
    """The outcome of checking every row: the values of the good ones, the errors."""

    good: list[tuple[int, Any]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    bad_rows: set[int] = field(default_factory=set)

    def fail(self, row: int, err: RowError) -> None:
        self.errors.append(err)
        self.bad_rows.add(row)


def _split(value: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,;|\n]", value) if p.strip()]


def _params(details: Any) -> dict[str, Any]:
    if not isinstance(details, dict):
        return {}
    return {k: v for k, v in details.items() if isinstance(v, str | int | float | bool)}


#: Codes whose field their words do not name.
_FIELD_OF_CODE = {"mission.outside_project": "date", "project.archived": "project"}


def _field_of(error: DomainError, fields: tuple[str, ...], default: str | None) -> str | None:
    """The import field an API error is about: the one its ``details.field`` or its code
    names (``slots[0].end`` -> end, ``user.invalid_first_name`` -> first_name)."""
    if error.code in _FIELD_OF_CODE and _FIELD_OF_CODE[error.code] in fields:
        return _FIELD_OF_CODE[error.code]
    hint = ""
    if isinstance(error.details, dict):
        hint = str(error.details.get("field") or "")
    for text in (hint, error.code):
        words = re.findall(r"[a-z_]+", text.lower())
        for name in sorted(fields, key=len, reverse=True):
            if name in words or any(w.endswith("_" + name) for w in words):
                return name
    if error.code.startswith("user.") and "skill" in error.code:
        return "skills"
    if error.code == "validation.email":
        return "email"
    if error.code.startswith(("mission_role.", "role.")) or "roles" in hint:
        return "roles"
    if error.code == "mission.nonexistent_local_time":
        return "start"
    return default


def _convert_error(row: int, exc: msgspec.ValidationError) -> RowError:
    text = str(exc)
    message, _, path = text.partition(" - at `")
    code, params = msgspec_field_error(message)
    words = re.findall(r"[a-z_]+", path)
    name = next((w for w in words if w not in {"slots", "days"}), None)
    if "days" in words:
        name = "date"
    return RowError(row, name, code, params, text)


_YES = {"1", "true", "oui", "yes", "o", "y", "x", "vrai"}
_NO = {"", "0", "false", "non", "no", "n", "faux"}
_EMPLOYMENT = {"cdi": "CDI", "cdd": "CDD", "intermittent": "Intermittent", "freelance": "Freelance"}
_FR_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _bool(value: str, name: str) -> bool:
    low = value.strip().lower()
    if low in _YES:
        return True
    if low in _NO:
        return False
    raise DomainError(
        "import.invalid_boolean",
        f"{name}: oui/non, yes/no, 1/0",
        details={"field": name, "value": value[:40]},
        status=422,
    )


def _date(value: str) -> str:
    """ISO dates as they are; French ``14/07/2026`` turned into ISO (checked later)."""
    match = _FR_DATE.match(value.strip())
    if match:
        return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
    return value.strip()[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", value.strip()) else value.strip()


def _time(value: str) -> str:
    """``8:00``, ``08h00``, ``08:00:00`` -> ``08:00`` (the slot rule checks the rest)."""
    match = re.match(r"^(\d{1,2})[:hH](\d{2})(:\d{2})?$", value.strip())
    return f"{int(match[1]):02d}:{match[2]}" if match else value.strip()


def _external_id(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_EXTERNAL_ID or any(ord(c) < 32 for c in value):
        raise DomainError(
            "import.invalid_external_id",
            f"external_id has at most {MAX_EXTERNAL_ID} printable characters",
            details={"field": "external_id", "max": MAX_EXTERNAL_ID},
            status=422,
        )
    return value


def _skills(value: str) -> list[dict[str, Any]]:
    """``son:3, lumiere`` -> [{name: son, level: 3}, {name: lumiere, level: 1}]."""
    out: list[dict[str, Any]] = []
    for part in _split(value):
        name, _, level = part.partition(":")
        item: dict[str, Any] = {"name": name.strip()}
        if level.strip():
            if not level.strip().isdigit():
                raise DomainError(
                    "user.invalid_skill_level",
                    "Skill levels go from 1 to 5",
                    details={"index": len(out), "skill": name.strip(), "field": "level"},
                    status=422,
                )
            item["level"] = int(level.strip())
        out.append(item)
    return out


def _roles(value: str) -> list[dict[str, Any]]:
    """``machiniste:4, regisseur son`` -> quotas 4 and 1."""
    out: list[dict[str, Any]] = []
    for part in _split(value):
        name, _, quota = part.partition(":")
        item: dict[str, Any] = {"name": name.strip(), "quota": 1}
        if quota.strip():
            if not quota.strip().isdigit():
                raise DomainError(
                    "mission_role.invalid_quota",
                    "A quota is a whole number",
                    details={"field": "roles"},
                    status=422,
                )
            item["quota"] = int(quota.strip())
        out.append(item)
    return out


def _check_rows(
    kind: str,
    sheet: Sheet,
    columns: dict[str, int],
    check: Callable[[dict[str, str]], Any],
) -> Checked:
    """Each row through ``check`` (cells by field); errors kept, row by row."""
    names = tuple(f.name for f in FIELDS[kind])
    out = Checked()
    seen_ids: dict[str, int] = {}
    for line, cells in sheet.rows:
        values = {name: cells[i] for name, i in columns.items()}
        try:
            external = _external_id(values.get("external_id", ""))
            if external is not None:
                if external in seen_ids:
                    raise DomainError(
                        "import.duplicate_external_id",
                        f"external_id {external!r} is already on row {seen_ids[external]}",
                        details={"field": "external_id", "first_row": seen_ids[external]},
                        status=422,
                    )
                seen_ids[external] = line
            out.good.append((line, (external, check(values))))
        except DomainError as exc:
            out.fail(
                line,
                RowError(
                    line, _field_of(exc, names, None), exc.code, _params(exc.details), exc.message
                ),
            )
        except msgspec.ValidationError as exc:
            out.fail(line, _convert_error(line, exc))
    return out


def _person(values: dict[str, str]) -> tuple[Any, ...]:
    body: dict[str, Any] = {
        "first_name": values.get("first_name", ""),
        "last_name": values.get("last_name", ""),
        "employment_type": _EMPLOYMENT.get(
            values.get("employment_type", "").strip().lower(), values.get("employment_type", "")
        ),
    }
    for name in ("email", "phone", "rate_profile"):
        if values.get(name, "").strip():
            body[name] = values[name]
    if "skills" in values:
        body["skills"] = _skills(values["skills"])
    if "tags" in values:
        body["tags"] = _split(values["tags"])
    if "notes" in values:
        body["notes"] = values["notes"]
    return user_values(msgspec.convert(body, UserCreate))


@dataclass(slots=True)
class _MissionContext:
    """What mission rows are checked against, read once: projects, places, the org's clock."""

    projects: dict[str, dict[str, Any]]
    places: dict[str, tuple[int, ZoneInfo]]
    org_tz: ZoneInfo


async def _mission_context(org_id: int) -> _MissionContext:
    projects: dict[str, dict[str, Any]] = {}
    for p in await fetch(
        "SELECT id, name, status, starts_on, ends_on FROM projects WHERE org = $1 ORDER BY id",
        org_id,
    ):
        projects.setdefault(p["name"].strip().lower(), p)
        projects[str(p["id"])] = p
    place_rows = await fetch("SELECT id, name, timezone FROM places WHERE org = $1", org_id)
    return _MissionContext(
        projects,
        {p["name"].strip().lower(): (int(p["id"]), ZoneInfo(p["timezone"])) for p in place_rows},
        await org_timezone(org_id),
    )


@dataclass(frozen=True, slots=True)
class _MissionRow:
    project: dict[str, Any]
    place: str
    place_id: int | None
    mission: missions.NewMission
    roles: list[dict[str, Any]]
    notes: str


def _mission(context: _MissionContext) -> Callable[[dict[str, str]], _MissionRow]:
    def check(values: dict[str, str]) -> _MissionRow:
        key = values.get("project", "").strip().lower()
        project = context.projects.get(key)
        if project is None:
            raise DomainError(
                "import.unknown_project",
                f"No project named {values.get('project', '')[:100]!r}",
                details={"field": "project", "value": values.get("project", "")[:100]},
                status=422,
            )
        ensure_open(project)
        place = values.get("place", "").strip()
        known = context.places.get(place.lower()) if place else None
        tz = known[1] if known else context.org_tz
        body: dict[str, Any] = {
            "title": values.get("title", ""),
            "days": [_date(values.get("date", ""))],
            "slots": [
                {
                    "start": _time(values.get("start", "")),
                    "end": _time(values.get("end", "")),
                    "ends_next_day": _bool(values.get("ends_next_day", ""), "ends_next_day"),
                }
            ],
            "roles": _roles(values.get("roles", "")),
            "notes": values.get("notes", ""),
        }
        data = msgspec.convert(body, BulkMissionsCreate)
        roles = [missions.check_roles(data.roles)]
        clock = missions.PlaceClock(known[0] if known else None, tz)
        [row] = missions.expand_pattern(data, clock, roles)
        missions.check_inside_project(project, tz, [row.starts_at])
        return _MissionRow(project, place, clock.place_id, row, roles[0], data.notes)

    return check


async def _check(principal: Principal, upload: dict[str, Any], mapping: dict[str, Any]) -> Checked:
    kind = upload["kind"]
    sheet = _sheet(upload)
    columns = check_mapping(kind, sheet.headers, mapping)
    if kind == "people":
        return _check_rows(kind, sheet, columns, _person)
    context = await _mission_context(principal.org_id)
    return _check_rows(kind, sheet, columns, _mission(context))


def _error_out(err: RowError, headers: list[str], mapping: dict[str, Any]) -> dict[str, Any]:
    column = mapping.get(err.field) if err.field else None
    return {
        "row": err.row,
        "column": column if column in headers else None,
        "field": err.field,
        "code": err.code,
        "params": err.params,
        "message": err.message,
    }


async def validate(
    principal: Principal, upload_id: int, mapping: dict[str, str | None]
) -> dict[str, Any]:
    """Dry run: every row checked, nothing written but the mapping (for the error report)."""
    upload = await _load(principal.org_id, upload_id)
    checked = await _check(principal, upload, mapping)
    await fetch(
        "UPDATE import_uploads SET mapping = $3::jsonb WHERE org = $1 AND id = $2",
        principal.org_id,
        upload_id,
        json.dumps(mapping),
    )
    return _summary(upload, checked, mapping)


def _summary(upload: dict[str, Any], checked: Checked, mapping: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": upload["id"],
        "kind": upload["kind"],
        "row_count": len(upload["rows"]),
        "valid_count": len(checked.good),
        "invalid_count": len(checked.bad_rows),
        "errors": [_error_out(e, upload["headers"], mapping) for e in checked.errors],
    }


REPORT_HEADER = ["row", "column", "field", "code", "message"]


async def error_report(principal: Principal, upload_id: int) -> bytes:
    """The errors of the last validation as CSV (row, column, field, code, message)."""
    upload = await _load(principal.org_id, upload_id)
    if upload["mapping"] is None:
        raise Conflict("import.not_validated", "Validate the import first")
    checked = await _check(principal, upload, upload["mapping"])
    errors = [_error_out(e, upload["headers"], upload["mapping"]) for e in checked.errors]
    return write_csv(
        REPORT_HEADER,
        [[e["row"], e["column"] or "", e["field"] or "", e["code"], e["message"]] for e in errors],
    )


# -- commit ----------------------------------------------------------------------------


_PEOPLE_RECORD = """r(external_id text, first_name text, last_name text, email text, phone text,
                     employment_type text, skills jsonb, tags text[], notes text,
                     rate_profile text)"""
#: The import field -> the users column it sets on an update (a field not mapped is kept).
_PEOPLE_UPDATES = {
    "first_name": "first_name",
    "last_name": "last_name",
    "email": "email",
    "phone": "phone",
    "employment_type": "employment_type",
    "skills": "skills",
    "tags": "tags",
    "notes": "notes",
    "rate_profile": "rate_profile",
}


async def _commit_people(
    principal: Principal, good: list[tuple[int, Any]], columns: dict[str, Any]
) -> tuple[int, int, int]:
    """Created, updated and left out (erased people) counts."""
    records = []
    for _, (external, values) in good:
        row = dict(
            zip(
                (
                    "first_name",
                    "last_name",
                    "email",
                    "phone",
                    "employment_type",
                    "account",
                    "skills",
                    "tags",
                    "notes",
                    "rate_profile",
                ),
                values,
                strict=False,
            )
        )
        row["skills"] = json.loads(row["skills"])
        row["external_id"] = external
        row.pop("account")
        records.append(row)
    sets = ", ".join(
        f"{col} = EXCLUDED.{col}" for name, col in _PEOPLE_UPDATES.items() if name in columns
    )
    rows = await fetch(
        f"""INSERT INTO users (org, external_id, first_name, last_name, email, phone,
                               employment_type, skills, tags, notes, rate_profile)
            SELECT $1, r.external_id, r.first_name, r.last_name, r.email, r.phone,
                   r.employment_type, r.skills, r.tags, r.notes, r.rate_profile
            FROM jsonb_to_recordset($2::jsonb) AS {_PEOPLE_RECORD}
            ON CONFLICT (org, external_id) DO UPDATE SET {sets}, updated_at = now()
                WHERE users.erased_at IS NULL
            RETURNING (xmax = 0) AS inserted""",  # noqa: S608
        principal.org_id,
        json.dumps(records),
    )
    # An erased person (docs/rgpd.md) is not brought back by a file: their row is left out.
    created = sum(1 for r in rows if r["inserted"])
    return created, len(rows) - created, len(records) - len(rows)


async def _commit_missions(
    principal: Principal, good: list[tuple[int, Any]]
) -> tuple[int, int, list[DomainEvent]]:
    externals = [ext for _, (ext, _row) in good if ext is not None]
    existing = {
        r["external_id"]: r
        for r in await fetch(
            """SELECT id, project, external_id FROM missions
               WHERE org = $1 AND external_id = ANY($2::text[]) FOR UPDATE""",
            principal.org_id,
            externals,
        )
    }
    place_ids: dict[str, int | None] = {}
    projects: dict[int, dict[str, Any]] = {}
    creates: dict[tuple[int, str], list[tuple[str | None, _MissionRow, int | None]]] = {}
    updates: list[tuple[int, _MissionRow, int | None]] = []
    for _, (external, row) in good:
        project_id = int(row.project["id"])
        if project_id not in projects:
            projects[project_id] = await missions.open_project(principal.org_id, project_id)
        place_id = row.place_id
        if place_id is None and row.place:
            key = row.place.lower()
            if key not in place_ids:
                place_ids[key] = await places.place_named(principal, row.place)
            place_id = place_ids[key]
        if external is not None and external in existing:
            updates.append((int(existing[external]["id"]), row, place_id))
        else:
            creates.setdefault((project_id, row.notes), []).append((external, row, place_id))
    events: list[DomainEvent] = []
    created = 0
    for (project_id, notes), items in creates.items():
        new_rows = [
            missions.NewMission(
                r.mission.title, r.mission.starts_at, r.mission.ends_at, place_id, i, r.mission.tz
            )
            for i, (_, r, place_id) in enumerate(items)
        ]
        ids = await missions.insert_missions(
            principal.org_id,
            project_id,
            new_rows,
            notes=notes,
            roles=[r.roles for _, r, _ in items],
        )
        await fetch(
            """UPDATE missions m SET external_id = u.external_id
               FROM unnest($2::int[], $3::text[]) AS u(id, external_id)
               WHERE m.org = $1 AND m.id = u.id AND u.external_id IS NOT NULL""",
            principal.org_id,
            ids,
            [ext for ext, _, _ in items],
        )
        created += len(ids)
        events.extend(missions.created_events(principal, project_id, ids))
    if updates:
        await fetch(
            """UPDATE missions m SET title = u.title, place_id = u.place_id,
                      starts_at = u.starts_at, ends_at = u.ends_at, notes = u.notes,
                      updated_at = now()
               FROM unnest($2::int[], $3::text[], $4::int[], $5::timestamptz[],
                           $6::timestamptz[], $7::text[])
                    AS u(id, title, place_id, starts_at, ends_at, notes)
               WHERE m.org = $1 AND m.id = u.id""",
            principal.org_id,
            [i for i, _, _ in updates],
            [r.mission.title for _, r, _ in updates],
            [p for _, _, p in updates],
            [r.mission.starts_at for _, r, _ in updates],
            [r.mission.ends_at for _, r, _ in updates],
            [r.notes for _, r, _ in updates],
        )
        events.extend(
            MissionChanged(
                org_id=principal.org_id,
                actor_account_id=principal.account_id,
                mission_id=i,
                project_id=int(r.project["id"]),
                change="updated",
            )
            for i, r, _ in updates
        )
    return created, len(updates), events


async def commit(
    principal: Principal, upload_id: int, mapping: dict[str, str | None], mode: str
) -> dict[str, Any]:
    """Write the rows: every row or none (``all_or_nothing``), or the valid ones
    (``valid_rows``); one transaction, one audit entry."""
    if mode not in MODES:
        raise DomainError(
            "import.invalid_mode",
            "mode is all_or_nothing or valid_rows",
            details={"modes": list(MODES)},
            status=422,
        )
    upload = await _load(principal.org_id, upload_id)
    kind = upload["kind"]
    async with transaction():
        checked = await _check(principal, upload, mapping)
        if checked.errors and mode == "all_or_nothing":
            raise DomainError(
                "import.invalid_rows",
                f"{len(checked.bad_rows)} rows have errors: nothing was imported",
                details={"invalid_count": len(checked.bad_rows), "errors": len(checked.errors)},
                status=422,
            )
        events: list[DomainEvent] = []
        created = updated = left_out = 0
        try:
            if checked.good and kind == "people":
                columns = check_mapping(kind, upload["headers"], mapping)
                created, updated, left_out = await _commit_people(principal, checked.good, columns)
            elif checked.good:
                created, updated, events = await _commit_missions(principal, checked.good)
        except asyncpg.exceptions.IntegrityConstraintViolationError as exc:
            raise Conflict(
                "import.conflict",
                "The import clashes with data changed meanwhile: validate again",
                details={"constraint": getattr(exc, "constraint_name", None) or ""},
            ) from exc
        result = {
            "id": upload_id,
            "kind": kind,
            "mode": mode,
            "created": created,
            "updated": updated,
            "skipped": len(checked.bad_rows) + left_out,
        }
        await fetch(
            """UPDATE import_uploads SET mapping = $3::jsonb, imported_at = now()
               WHERE org = $1 AND id = $2""",
            principal.org_id,
            upload_id,
            json.dumps(mapping),
        )
        await record(
            principal.org_id,
            principal.account_id,
            "import.completed",
            f"import:{upload_id}",
            {k: v for k, v in result.items() if k != "id"} | {"file_name": upload["file_name"]},
        )
        await emit_events(events)
    return result


# -- templates -------------------------------------------------------------------------


def template(kind: str, file_format: str) -> tuple[bytes, str, str]:
    """The header row and one example row: (content, media type, file name)."""
    specs = FIELDS[_kind(kind)]
    header = [f.name for f in specs]
    example = [f.example for f in specs]
    if file_format == "xlsx":
        return (
            write_xlsx(header, [example]),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            f"modele-{kind}.xlsx",
        )
    if file_format == "csv":
        return write_csv(header, [example]), "text/csv; charset=utf-8", f"modele-{kind}.csv"
    raise DomainError(
        "import.unsupported_format",
        "Send a .csv or .xlsx file",
        details={"formats": ["csv", "xlsx"]},
        status=422,
    )
