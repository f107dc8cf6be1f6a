"""Users: the schedulable people of an org (skills with levels, tags, free-text search)."""

from __future__ import annotations

import json
import re
from typing import Any

import asyncpg
import msgspec

from coulisses.audit import record
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.scheduling.common import (
    PageRequest,
    PageResult,
    check_page,
    clean_names,
    json_value,
)
from coulisses.scheduling.schemas import Skill, UserCreate, UserUpdate
from coulisses_sdk import Principal

MIN_LEVEL, MAX_LEVEL = 1, 5

_COLUMNS = """u.id, u.first_name, u.last_name, u.employment_type, u.email, u.phone,
              u.account AS account_id, u.skills, u.tags, u.notes, u.created_at, u.updated_at"""


_GET_SQL = "SELECT " + _COLUMNS + " FROM users u WHERE u.org = $1 AND u.id = $2"  # noqa: S608


def _row(row: dict[str, Any]) -> dict[str, Any]:
    row["skills"] = json_value(row["skills"])
    return row


def _name(value: str, field: str) -> str:
    value = value.strip()
    if not value or len(value) > 100:
        raise DomainError(f"user.invalid_{field}", f"{field} needs 1 to 100 characters", status=422)
    return value


def _skills(skills: list[Skill]) -> str:
    out: dict[str, int] = {}
    for skill in skills:
        name = clean_names([skill.name], "skill")[0]
        if not MIN_LEVEL <= skill.level <= MAX_LEVEL:
            raise DomainError(
                "user.invalid_skill_level",
                f"Skill levels go from {MIN_LEVEL} to {MAX_LEVEL}",
                details={"skill": name},
                status=422,
            )
        out[name] = skill.level
    return json.dumps([{"name": n, "level": lvl} for n, lvl in out.items()])


def _optional(value: str | None, limit: int, code: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit:
        raise DomainError(code, f"At most {limit} characters", status=422)
    return value or None


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


async def get_user(org_id: int, user_id: int) -> dict[str, Any]:
    rows = await fetch(_GET_SQL, org_id, user_id)
    if not rows:
        raise NotFound("user.not_found", "User not found")
    return _row(rows[0])


def _unique_account(exc: asyncpg.exceptions.UniqueViolationError) -> Conflict:
    return Conflict("user.account_taken", "That account is already linked to another user")


async def create_user(principal: Principal, data: UserCreate) -> dict[str, Any]:
    values = (
        _name(data.first_name, "first_name"),
        _name(data.last_name, "last_name"),
        _optional(data.email, 255, "user.invalid_email"),
        _optional(data.phone, 40, "user.invalid_phone"),
        data.employment_type,
        data.account_id,
        _skills(data.skills),
        clean_names(data.tags, "tag", lower=False),
        data.notes,
    )
    async with transaction():
        await _check_account(principal.org_id, data.account_id)
        try:
            rows = await fetch(
                """INSERT INTO users (org, first_name, last_name, email, phone, employment_type,
                                      account, skills, tags, notes)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) RETURNING id""",
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
        changes["email"] = _optional(data.email, 255, "user.invalid_email")
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
    async with transaction():
        await get_user(principal.org_id, user_id)
        if changes:
            if "account" in changes:
                await _check_account(principal.org_id, changes["account"])
            # Column names come from the fixed keys above, never from input.
            sets = ", ".join(
                f"{col} = ${i + 3}{'::jsonb' if col == 'skills' else ''}"
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
            await record(
                principal.org_id,
                principal.account_id,
                "user.updated",
                f"user:{user_id}",
                {"fields": sorted(changes)},
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


def prefix_query(text: str) -> str | None:
    """Free text -> a tsquery matching every word as a prefix (``jean so`` -> ``jean:* & so:*``).

    Only word characters reach the tsquery, so user input cannot inject its syntax.
    """
    words = re.findall(r"\w+", text.lower())[:10]
    return " & ".join(f"{w}:*" for w in words) or None


async def search_users(
    org_id: int,
    paging: PageRequest,
    *,
    q: str | None = None,
    name: str | None = None,
    skills: list[str] | None = None,
    tags: list[str] | None = None,
    employment_type: str | None = None,
) -> PageResult:
    """Filter by name, skills (all of), tags (all of), type; ``q`` ranks by full-text match."""
    where = ["u.org = $1"]
    args: list[Any] = [org_id]

    def arg(value: Any) -> str:
        args.append(value)
        return f"${len(args)}"

    rank = "NULL::float8"
    order = "u.last_name, u.first_name, u.id"
    if q is not None and q.strip():
        query = prefix_query(q)
        if query is None:
            raise DomainError("user.invalid_query", "The search text has no words", status=400)
        ref = arg(query)
        where.append(f"u.search_vector @@ to_tsquery('simple', {ref})")
        rank = f"ts_rank(u.search_vector, to_tsquery('simple', {ref}))::float8"
        order = f"{rank} DESC, {order}"
    if name:
        pattern = "%" + re.sub(r"([%_\\])", r"\\\1", name.strip()) + "%"
        where.append(f"(u.first_name || ' ' || u.last_name) ILIKE {arg(pattern)}")
    for skill in clean_names(skills or [], "skill"):
        where.append(f"u.skills @> {arg(json.dumps([{'name': skill}]))}::jsonb")
    if tags:
        where.append(f"u.tags @> {arg(clean_names(tags, 'tag', lower=False))}::text[]")
    if employment_type:
        where.append(f"u.employment_type = {arg(employment_type)}")
    clause = " AND ".join(where)
    total = (await fetch(f"SELECT count(*) AS n FROM users u WHERE {clause}", *args))[0]["n"]  # noqa: S608
    check_page(paging, total)
    rows = await fetch(
        f"""SELECT {_COLUMNS}, {rank} AS rank FROM users u WHERE {clause}
            ORDER BY {order} LIMIT {arg(paging.page_size)} OFFSET {arg(paging.offset)}""",  # noqa: S608
        *args,
    )
    return PageResult([_row(r) for r in rows], paging.page, paging.page_size, total)
