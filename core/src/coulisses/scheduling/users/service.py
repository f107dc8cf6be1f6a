"""Users: the schedulable people of an org (skills with levels, tags, rate profile label,
legal ids, document metadata) and their search (full text, plus pg_trgm when installed)."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import asyncpg
import msgspec

from coulisses.audit import record, record_change
from coulisses.auth.passwords import normalize_email
from coulisses.db.connection import SqlParams, fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.scheduling.common import (
    MAX_YEAR,
    MIN_YEAR,
    LegalIds,
    clean_names,
    json_value,
)
from coulisses.scheduling.users.schemas import (
    SkillIn,
    UserCreate,
    UserDocument,
    UserOut,
    UserUpdate,
)
from coulisses_sdk import Listing, ListQuery, Principal

MIN_LEVEL, MAX_LEVEL = 1, 5
MAX_DOCUMENTS = 50
MAX_REFERENCE = 100
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

_COLUMNS = """u.id, u.first_name, u.last_name, u.employment_type, u.email, u.phone,
              u.account AS account_id, u.skills, u.tags, u.notes, u.rate_profile,
              u.legal_ids, u.documents, u.created_at, u.updated_at, u.erased_at,
              u.external_id"""
_JSONB = frozenset({"skills", "legal_ids", "documents"})


_GET_SQL = "SELECT " + _COLUMNS + " FROM users u WHERE u.org = $1 AND u.id = $2"  # noqa: S608


def _row(row: dict[str, Any]) -> dict[str, Any]:
    for key in _JSONB:
        row[key] = json_value(row[key])
    return row


def _name(value: str, field: str) -> str:
    value = value.strip()
    if not value or len(value) > 100:
        raise DomainError(f"user.invalid_{field}", f"{field} needs 1 to 100 characters", status=422)
    return value


def _skill_error(code: str, message: str, index: int, name: str, field: str) -> DomainError:
    return DomainError(
        code,
        message,
        details={"index": index, "skill": name, "field": field},
        status=422,
    )


def _valid_until(value: str | None, index: int, name: str) -> str | None:
    """The last valid day of a certification as an ISO date (None: it does not expire)."""
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value.strip()) if _ISO_DATE.match(value.strip()) else None
    except ValueError:
        day = None
    if day is None or not MIN_YEAR <= day.year <= MAX_YEAR:
        raise _skill_error(
            "user.invalid_skill_valid_until",
            f"Skill {name!r}: valid_until must be an ISO date (2028-03-31)"
            f" of the years {MIN_YEAR} to {MAX_YEAR}",
            index,
            name,
            "valid_until",
        )
    return day.isoformat()


def _reference(value: str | None, index: int, name: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > MAX_REFERENCE or any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise _skill_error(
            "user.invalid_skill_reference",
            f"Skill {name!r}: reference has at most {MAX_REFERENCE} printable characters",
            index,
            name,
            "reference",
        )
    return value or None


def clean_skills(skills: list[SkillIn]) -> list[dict[str, Any]]:
    """Names trimmed and lowercased, levels 1 to 5, certification expiry and reference checked.

    A name given twice is a 422 (``user.duplicate_skill``): with an expiry and a
    reference, which of the two is meant cannot be guessed.
    """
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, skill in enumerate(skills):
        name = clean_names([skill.name], "skill")[0]
        if not MIN_LEVEL <= skill.level <= MAX_LEVEL:
            raise _skill_error(
                "user.invalid_skill_level",
                f"Skill levels go from {MIN_LEVEL} to {MAX_LEVEL}",
                index,
                name,
                "level",
            )
        if name in seen:
            raise _skill_error(
                "user.duplicate_skill", f"Skill {name!r} is given twice", index, name, "name"
            )
        seen.add(name)
        out.append(
            {
                "name": name,
                "level": skill.level,
                "valid_until": _valid_until(skill.valid_until, index, name),
                "reference": _reference(skill.reference, index, name),
            }
        )
    return out


def _skills(skills: list[SkillIn]) -> str:
    return json.dumps(clean_skills(skills))


def _email(value: str | None) -> str | None:
    """The user's address in its normalized form (None or blank: no address).

    The one email rule of the platform (``normalize_email``): a refused address is
    422 ``validation.email`` before anything is written, never a silently lost mail.
    """
    if value is None or not value.strip(" "):
        return None
    return normalize_email(value, "email")


def _optional(value: str | None, limit: int, code: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit:
        raise DomainError(code, f"At most {limit} characters", status=422)
    return value or None


# -- legal ids ----------------------------------------------------------------------

# ASCII digits only: \d would also take other scripts' digits, which int() accepts.
_NIR = re.compile(r"^[1-478][0-9]{4}([0-9]{2}|2[AB])[0-9]{8}$")
_CONGES_SPECTACLES = re.compile(r"^[A-Z0-9]{1,20}$")
_SIRET = re.compile(r"^[0-9]{14}$")
_LA_POSTE_SIREN = "356000000"


def _compact(value: str) -> str:
    """Spaces, dots and dashes are how people write these numbers, not part of them."""
    return re.sub(r"[\s.\-]", "", value).upper()


def _nir_ok(value: str) -> bool:
    """French social security number (NIR): 13 characters and a key, 97 - (number mod 97).

    Corsican departments 2A and 2B count as 19 and 18 in the key.
    """
    if not _NIR.match(value):
        return False
    number = value[:5] + value[5:7].replace("2A", "19").replace("2B", "18") + value[7:13]
    return 97 - int(number) % 97 == int(value[13:])


def _siret_ok(value: str) -> bool:
    """SIRET: 14 digits passing the Luhn check (La Poste: the digits sum to a multiple of 5)."""
    if not _SIRET.match(value):
        return False
    if value.startswith(_LA_POSTE_SIREN):
        return sum(int(c) for c in value) % 5 == 0
    total = 0
    for i, char in enumerate(reversed(value)):
        digit = int(char) * (2 if i % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


def _conges_spectacles_ok(value: str) -> bool:
    return bool(_CONGES_SPECTACLES.match(value))


#: key -> (check, human description). A number of the Conges Spectacles fund (run by
#: Audiens) has no public checksum: only its shape is checked.
LEGAL_IDS = {
    "nir": (_nir_ok, "a social security number: 15 characters with a valid key"),
    "conges_spectacles": (
        _conges_spectacles_ok,
        "a Conges Spectacles (Audiens) number: 1 to 20 letters or digits",
    ),
    "siret": (_siret_ok, "a SIRET: 14 digits with a valid check digit"),
}


def clean_legal_ids(values: LegalIds) -> dict[str, str]:
    """Known keys only, each normalized and checked; a null or empty value drops the key."""
    out: dict[str, str] = {}
    for key, raw in values.items():
        if key not in LEGAL_IDS:
            raise DomainError(
                "user.unknown_legal_id",
                f"Unknown legal id {key[:40]!r}",
                details={"key": key[:40], "known": sorted(LEGAL_IDS)},
                status=422,
            )
        value = _compact(raw or "")
        if not value:
            continue
        check, description = LEGAL_IDS[key]
        if len(value) > 40 or not check(value):
            raise DomainError(
                "user.invalid_legal_id",
                f"{key} must be {description}",
                details={"key": key},
                status=422,
            )
        out[key] = value
    return out


# -- documents --------------------------------------------------------------------

_KIND = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def _document_error(index: int, field: str, message: str) -> DomainError:
    return DomainError(
        "user.invalid_document",
        f"Document {index}: {message}",
        details={"index": index, "field": field},
        status=422,
    )


def _doc_text(value: str | None, limit: int, index: int, field: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit or any(ord(c) < 32 for c in value):
        raise _document_error(index, field, f"{field} has at most {limit} printable characters")
    return value or None


def clean_documents(documents: list[UserDocument]) -> list[dict[str, Any]]:
    """Metadata only: kind (a slug such as ``caces``), label, number, expiry, file name."""
    if len(documents) > MAX_DOCUMENTS:
        raise DomainError(
            "user.too_many_documents", f"At most {MAX_DOCUMENTS} documents", status=422
        )
    out: list[dict[str, Any]] = []
    for index, doc in enumerate(documents):
        kind = doc.kind.strip().lower()
        if not _KIND.match(kind):
            raise _document_error(
                index, "kind", "kind is a lowercase slug (letters, digits, _), e.g. caces"
            )
        file_name = _doc_text(doc.file_name, 255, index, "file_name")
        if file_name and ("/" in file_name or "\\" in file_name or file_name in {".", ".."}):
            raise _document_error(index, "file_name", "file_name is a name, not a path")
        expires_on: dt.date | None = doc.expires_on
        out.append(
            {
                "kind": kind,
                "label": _doc_text(doc.label, 200, index, "label") or "",
                "number": _doc_text(doc.number, 100, index, "number"),
                "expires_on": expires_on.isoformat() if expires_on else None,
                "file_name": file_name,
            }
        )
    return out


async def _check_account(org_id: int, account_id: int | None) -> None:
    """A user may only be linked to an account that is a member of the same org."""
    if account_id is None:
        return
    if not await fetch(
        "SELECT 1 FROM org_memberships WHERE org = $1 AND account = $2", org_id, account_id
    ):
        raise DomainError(
            "user.account_not_member", "That account is not a member of this org", status=422
        )


async def get_user(org_id: int, user_id: int, *, lock: bool = False) -> dict[str, Any]:
    rows = await fetch(_GET_SQL + (" FOR UPDATE" if lock else ""), org_id, user_id)
    if not rows:
        raise NotFound("user.not_found", "User not found")
    return _row(rows[0])


def _unique_account(exc: asyncpg.exceptions.UniqueViolationError) -> Conflict:
    return Conflict("user.account_taken", "That account is already linked to another user")


def user_values(data: UserCreate) -> tuple[Any, ...]:
    """The checked column values of a new user, in the order of ``USER_COLUMNS`` (raises
    the API's 422 codes); also the rule of each row of a people import."""
    return (
        _name(data.first_name, "first_name"),
        _name(data.last_name, "last_name"),
        _email(data.email),
        _optional(data.phone, 40, "user.invalid_phone"),
        data.employment_type,
        data.account_id,
        _skills(data.skills),
        clean_names(data.tags, "tag", lower=False),
        data.notes,
        _optional(data.rate_profile, 100, "user.invalid_rate_profile"),
        json.dumps(clean_legal_ids(data.legal_ids)),
        json.dumps(clean_documents(data.documents)),
    )


#: The columns :func:`user_values` fills, in order.
USER_COLUMNS = (
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
    "legal_ids",
    "documents",
)


async def create_user(principal: Principal, data: UserCreate) -> dict[str, Any]:
    values = user_values(data)
    async with transaction():
        await _check_account(principal.org_id, data.account_id)
        try:
            rows = await fetch(
                """INSERT INTO users (org, first_name, last_name, email, phone, employment_type,
                                      account, skills, tags, notes, rate_profile, legal_ids,
                                      documents)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12::jsonb,
                           $13::jsonb) RETURNING id""",
                principal.org_id,
                *values,
            )
        except asyncpg.exceptions.UniqueViolationError as exc:
            raise _unique_account(exc) from exc
        user_id = int(rows[0]["id"])
        await record(principal.org_id, principal.account_id, "user.created", f"user:{user_id}")
    return await get_user(principal.org_id, user_id)


async def update_user(principal: Principal, user_id: int, data: UserUpdate) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if data.first_name is not msgspec.UNSET:
        changes["first_name"] = _name(data.first_name, "first_name")
    if data.last_name is not msgspec.UNSET:
        changes["last_name"] = _name(data.last_name, "last_name")
    if data.employment_type is not msgspec.UNSET:
        changes["employment_type"] = data.employment_type
    if data.email is not msgspec.UNSET:
        changes["email"] = _email(data.email)
    if data.phone is not msgspec.UNSET:
        changes["phone"] = _optional(data.phone, 40, "user.invalid_phone")
    if data.account_id is not msgspec.UNSET:
        changes["account"] = data.account_id
    if data.skills is not msgspec.UNSET:
        changes["skills"] = _skills(data.skills)
    if data.tags is not msgspec.UNSET:
        changes["tags"] = clean_names(data.tags, "tag", lower=False)
    if data.notes is not msgspec.UNSET:
        changes["notes"] = data.notes
    if data.rate_profile is not msgspec.UNSET:
        changes["rate_profile"] = _optional(data.rate_profile, 100, "user.invalid_rate_profile")
    if data.legal_ids is not msgspec.UNSET:
        changes["legal_ids"] = json.dumps(clean_legal_ids(data.legal_ids))
    if data.documents is not msgspec.UNSET:
        changes["documents"] = json.dumps(clean_documents(data.documents))
    async with transaction():
        before = await get_user(principal.org_id, user_id, lock=True)
        if changes:
            if "account" in changes:
                await _check_account(principal.org_id, changes["account"])
            # Column names come from the fixed keys above, never from input.
            sets = ", ".join(
                f"{col} = ${i + 3}{'::jsonb' if col in _JSONB else ''}"
                for i, col in enumerate(changes)
            )
            try:
                await fetch(
                    f"UPDATE users SET {sets}, updated_at = now() WHERE org = $1 AND id = $2",  # noqa: S608
                    principal.org_id,
                    user_id,
                    *changes.values(),
                )
            except asyncpg.exceptions.UniqueViolationError as exc:
                raise _unique_account(exc) from exc
            # Legal ids (the NIR...) and documents stay out of the log (docs/scheduling.md):
            # it only says they changed.
            await record_change(
                principal.org_id,
                principal.account_id,
                "user.updated",
                f"user:{user_id}",
                before,
                {
                    ("account_id" if col == "account" else col): (
                        json_value(value) if col in _JSONB else value
                    )
                    for col, value in changes.items()
                },
                redact=("legal_ids", "documents"),
            )
    return await get_user(principal.org_id, user_id)


async def delete_user(principal: Principal, user_id: int) -> None:
    async with transaction():
        await get_user(principal.org_id, user_id)
        if await fetch(
            """SELECT 1 FROM assignments
               WHERE org = $1 AND user_id = $2 AND status IN ('INVITED', 'ACCEPTED') LIMIT 1""",
            principal.org_id,
            user_id,
        ):
            raise Conflict(
                "user.has_active_assignments",
                "Cancel this user's invited or accepted assignments first",
            )
        await fetch("DELETE FROM users WHERE org = $1 AND id = $2", principal.org_id, user_id)
        await record(principal.org_id, principal.account_id, "user.deleted", f"user:{user_id}")


_trgm: bool | None = None


async def has_trgm() -> bool:
    """Whether pg_trgm is installed in this database (checked once per process).

    Migration m0008 installs it when the server ships it; the embedded
    PostgreSQL does not, and search then uses full text only.
    """
    global _trgm
    if _trgm is None:
        _trgm = bool(await fetch("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"))
    return _trgm


#: Weights of the search vector (migration m0002): A names, B skills and tags, C email
#: and notes.
PUBLIC_WEIGHTS = "AB"


def prefix_query(text: str, weights: str = "") -> str | None:
    """Free text -> a tsquery matching every word as a prefix (``jean so`` -> ``jean:* & so:*``),
    only in the parts of the vector of ``weights`` when given (``jean:*AB``).

    Only word characters reach the tsquery, so user input cannot inject its syntax.
    """
    words = re.findall(r"\w+", text.lower())[:10]
    return " & ".join(f"{w}:*{weights}" for w in words) or None


#: Sort keys of the users list and the SQL each orders by (docs/api.md); no private
#: field (email, phone) so that the order tells nothing a tech may not read.
USERS = Listing(
    sorts={
        "id": "u.id",
        "last_name": "lower(u.last_name)",
        "first_name": "lower(u.first_name)",
        "employment_type": "u.employment_type",
        "created_at": "u.created_at",
        "updated_at": "u.updated_at",
    },
    default="last_name,first_name",
    item=UserOut,
)


async def search_users(
    org_id: int,
    listing: ListQuery,
    *,
    q: str | None = None,
    name: str | None = None,
    skills: list[str] | None = None,
    tags: list[str] | None = None,
    employment_type: str | None = None,
    skill_valid_on: dt.date | None = None,
    match_private: bool = True,
) -> tuple[list[dict[str, Any]], int]:
    """Filter by name, skills (all of), tags (all of), type; ``q`` ranks by full-text match
    (before the default order, unless the request gives ``sort``).

    ``skill_valid_on`` keeps only users whose ``skills`` are valid that day (no
    expiry, or ``valid_until`` on or after it): an expired certification does
    not match. It needs at least one ``skill``.

    With pg_trgm, ``q`` also matches names with a typo (``Martn`` finds Martin):
    word similarity to the full name is added to the full-text rank. Without
    ``match_private`` (a caller who may not read them: coulisses.privacy), ``q``
    ignores emails and notes, so a search cannot tell what they contain.
    """
    where = ["u.org = $1"]
    arg = SqlParams(org_id)

    rank = "NULL::float8"
    order = USERS.order_by(listing)
    if q is not None and q.strip():
        query = prefix_query(q, "" if match_private else PUBLIC_WEIGHTS)
        if query is None:
            raise DomainError("user.invalid_query", "The search text has no words", status=400)
        ref = arg(query)
        match = f"u.search_vector @@ to_tsquery('simple', {ref})"
        rank = f"ts_rank(u.search_vector, to_tsquery('simple', {ref}))"
        if await has_trgm():
            text = arg(q.strip()[:200])
            full_name = "(u.first_name || ' ' || u.last_name)"
            match = f"({match} OR {text} <% {full_name})"
            rank = f"{rank} + word_similarity({text}, {full_name})"
        where.append(match)
        rank = f"({rank})::float8"
        if not listing.sort_given:
            order = f"{rank} DESC, {order}"
    if name:
        pattern = "%" + re.sub(r"([%_\\])", r"\\\1", name.strip()) + "%"
        where.append(f"(u.first_name || ' ' || u.last_name) ILIKE {arg(pattern)}")
    wanted = clean_names(skills or [], "skill")
    if skill_valid_on is not None and not wanted:
        raise DomainError(
            "user.skill_valid_on_without_skill",
            "skill_valid_on applies to the skill filters: give at least one skill",
            details={"field": "skill_valid_on"},
            status=422,
        )
    for skill in wanted:
        where.append(f"u.skills @> {arg(json.dumps([{'name': skill}]))}::jsonb")
        if skill_valid_on is not None:
            where.append(
                f"""EXISTS (SELECT 1 FROM jsonb_array_elements(u.skills) s
                    WHERE s->>'name' = {arg(skill)}
                    AND (s->>'valid_until' IS NULL
                         OR (s->>'valid_until')::date >= {arg(skill_valid_on)}))"""  # noqa: S608
            )
    if tags:
        where.append(f"u.tags @> {arg(clean_names(tags, 'tag', lower=False))}::text[]")
    if employment_type:
        where.append(f"u.employment_type = {arg(employment_type)}")
    clause = " AND ".join(where)
    total = (await fetch(f"SELECT count(*) AS n FROM users u WHERE {clause}", *arg.values))[0]["n"]  # noqa: S608
    listing.check_page(total)
    rows = await fetch(
        f"""SELECT {_COLUMNS}, {rank} AS rank FROM users u WHERE {clause}
            ORDER BY {order} LIMIT {arg(listing.page_size)} OFFSET {arg(listing.offset)}""",  # noqa: S608
        *arg.values,
    )
    return [_row(r) for r in rows], total
