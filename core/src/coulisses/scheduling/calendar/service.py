"""Calendar feeds: ICS subscriptions of a user's missions, a project's or a place's.

A feed is a row (org, kind, subject, options, token hash, created_by, created_at,
last_polled_at) reached without a session at ``/api/v1/calendar/<token>.ics``. The
token is opaque and random, stored hashed (like invitation tokens): it is shown once,
in the answer that creates or regenerates the feed. Regenerating draws a new token (the
old address answers 404 at once); deleting ends the feed. One feed per subject.

Who manages what (docs/rbac.md):

- a person's feed is theirs only: the member linked to the user creates, regenerates
  and deletes it (``calendar_feeds.own``); a manager may see that it exists and delete
  it (a lost phone, a person who left: ``users.manage``), never read or renew its address;
- managers (``calendar_feeds.manage``) create, regenerate and delete project and place
  feeds.

What a feed lists (docs/scheduling.md, "Agendas"), over a window from 30 days ago to one
year ahead:

- a user's feed: one event per assignment (so per mission and role) of the user,
  whatever the mission's status (the person was asked, or answered): ACCEPTED as
  STATUS:CONFIRMED (TENTATIVE while a reserve); with ``include_invited``, INVITED as
  TENTATIVE; a cancelled assignment that had been accepted (and, with
  ``include_invited``, a declined or cancelled invitation) stays as STATUS:CANCELLED
  while its mission is in the window;
- a project's or a place's feed: one event per PUBLISHED mission, its roles and how
  they are filled in the description (counts, no names).

SEQUENCE is the mission's (a trigger bumps it when its times, title, place or status
change, m0017), plus, in a user's feed, the step of the assignment (invited, reserve,
accepted, cancelled), so each change the person sees comes with a higher SEQUENCE.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any

import asyncpg

from coulisses.audit import record
from coulisses.auth.tokens import hash_token, new_opaque_token
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, NotFound, TooManyRequests
from coulisses.ratelimit import get_limiter
from coulisses.scheduling.calendar.ics import Feed, FeedEvent, build, uid_host
from coulisses.scheduling.common import json_value
from coulisses.settings import get_settings
from coulisses_sdk import Principal

#: The window of every feed, around the time it is read.
PAST = dt.timedelta(days=30)
AHEAD = dt.timedelta(days=365)
#: A feed's last poll is written at most this often (calendar apps poll; a row write per
#: poll would be wasted).
POLL_WRITE_EVERY = dt.timedelta(minutes=5)
#: What a feed's file name looks like (``<token>.ics``); anything else is a 404 at once.
_FILE_NAME = re.compile(r"^([A-Za-z0-9_-]{20,128})\.ics$")

_SUBJECT_COLUMN = {"user": "user_id", "project": "project", "place": "place_id"}
_NOT_FOUND = {
    "user": ("user.not_found", "User not found"),
    "project": ("project.not_found", "Project not found"),
    "place": ("place.not_found", "Place not found"),
}

_SELECT = """SELECT f.id, f.kind, COALESCE(f.user_id, f.project, f.place_id) AS subject_id,
       COALESCE(u.first_name || ' ' || u.last_name, p.name, pl.name) AS subject_name,
       COALESCE((f.options ->> 'include_invited')::boolean, false) AS include_invited,
       f.created_at, f.last_polled_at
FROM calendar_feeds f
LEFT JOIN users u ON u.id = f.user_id
LEFT JOIN projects p ON p.id = f.project
LEFT JOIN places pl ON pl.id = f.place_id"""


def _feed_not_found() -> NotFound:
    return NotFound("calendar_feed.not_found", "Calendar feed not found")


def feed_url(token: str) -> str:
    return f"{get_settings().public_url}/api/v1/calendar/{token}.ics"


def webcal_url(url: str) -> str:
    """The ``webcal://`` form of a feed address (Apple Calendar subscribes to it)."""
    return "webcal://" + url.split("://", 1)[1]


# -- management ----------------------------------------------------------------------


async def own_user_id(principal: Principal) -> int | None:
    """The user of the org linked to the caller's account, if any."""
    rows = await fetch(
        "SELECT id FROM users WHERE org = $1 AND account = $2",
        principal.org_id,
        principal.account_id,
    )
    return int(rows[0]["id"]) if rows else None


async def _require_own_user(principal: Principal) -> int:
    user_id = await own_user_id(principal)
    if user_id is None:
        raise Conflict(
            "calendar_feed.no_user",
            "Your account is not linked to a person of this org: there are no missions to list",
        )
    return user_id


async def _check_subject(org_id: int, kind: str, subject_id: int) -> None:
    table = {"user": "users", "project": "projects", "place": "places"}[kind]
    sql = f"SELECT 1 FROM {table} WHERE org = $1 AND id = $2"  # noqa: S608 - fixed names
    if not await fetch(sql, org_id, subject_id):
        raise NotFound(*_NOT_FOUND[kind])


async def get_feed(org_id: int, kind: str, subject_id: int) -> dict[str, Any] | None:
    """The feed of a subject, without its token, or None when it has none (not an error:
    the pages ask on every visit); 404 ``<kind>.not_found`` for a subject that is not the
    org's."""
    await _check_subject(org_id, kind, subject_id)
    column = _SUBJECT_COLUMN[kind]
    rows = await fetch(
        f"{_SELECT} WHERE f.org = $1 AND f.{column} = $2",
        org_id,
        subject_id,
    )
    return rows[0] if rows else None


async def get_own_feed(principal: Principal) -> dict[str, Any] | None:
    """The caller's own feed, or None (no feed, or no person linked to their account)."""
    user_id = await own_user_id(principal)
    if user_id is None:
        return None
    return await get_feed(principal.org_id, "user", user_id)


async def issue_feed(
    principal: Principal, kind: str, subject_id: int, *, include_invited: bool = False
) -> dict[str, Any]:
    """Create the subject's feed, or regenerate it (a new token: the old address is dead
    at commit). Returns the feed with ``url`` and ``webcal_url``, the only time they are
    shown. Audited as ``calendar_feed.created`` / ``calendar_feed.regenerated`` (without
    the token)."""
    token = new_opaque_token()
    column = _SUBJECT_COLUMN[kind]
    options = json.dumps({"include_invited": include_invited} if kind == "user" else {})
    async with transaction():
        await _check_subject(principal.org_id, kind, subject_id)
        current = await fetch(
            f"SELECT id FROM calendar_feeds WHERE org = $1 AND {column} = $2 FOR UPDATE",  # noqa: S608
            principal.org_id,
            subject_id,
        )
        if current:
            feed_id = int(current[0]["id"])
            await fetch(
                """UPDATE calendar_feeds SET token_hash = $2, options = $3::jsonb,
                          created_by = $4, created_at = now(), last_polled_at = NULL
                   WHERE id = $1""",
                feed_id,
                hash_token(token),
                options,
                principal.account_id,
            )
            action = "calendar_feed.regenerated"
        else:
            try:
                rows = await fetch(
                    f"""INSERT INTO calendar_feeds (org, kind, {column}, options, token_hash,
                                                   created_by)
                        VALUES ($1, $2, $3, $4::jsonb, $5, $6) RETURNING id""",  # noqa: S608
                    principal.org_id,
                    kind,
                    subject_id,
                    options,
                    hash_token(token),
                    principal.account_id,
                )
            except asyncpg.exceptions.UniqueViolationError as exc:
                raise Conflict(
                    "calendar_feed.concurrent_change",
                    "This feed was created at the same moment: read it again",
                ) from exc
            feed_id = int(rows[0]["id"])
            action = "calendar_feed.created"
        await record(
            principal.org_id,
            principal.account_id,
            action,
            f"calendar_feed:{feed_id}",
            {"kind": kind, "subject_id": subject_id, "include_invited": include_invited},
        )
    row = await get_feed(principal.org_id, kind, subject_id)
    if row is None:  # deleted by a concurrent request since
        raise _feed_not_found()
    url = feed_url(token)
    return {**row, "url": url, "webcal_url": webcal_url(url)}


async def issue_own_feed(principal: Principal, *, include_invited: bool) -> dict[str, Any]:
    user_id = await _require_own_user(principal)
    return await issue_feed(principal, "user", user_id, include_invited=include_invited)


async def delete_feed(principal: Principal, kind: str, subject_id: int) -> None:
    """End the subject's feed (its address answers 404 from now on)."""
    column = _SUBJECT_COLUMN[kind]
    async with transaction():
        await _check_subject(principal.org_id, kind, subject_id)
        rows = await fetch(
            f"DELETE FROM calendar_feeds WHERE org = $1 AND {column} = $2 RETURNING id",  # noqa: S608
            principal.org_id,
            subject_id,
        )
        if not rows:
            raise _feed_not_found()
        await record(
            principal.org_id,
            principal.account_id,
            "calendar_feed.deleted",
            f"calendar_feed:{rows[0]['id']}",
            {"kind": kind, "subject_id": subject_id},
        )


async def delete_own_feed(principal: Principal) -> None:
    user_id = await own_user_id(principal)
    if user_id is None:
        raise _feed_not_found()
    await delete_feed(principal, "user", user_id)


# -- the feed itself -------------------------------------------------------------------


def _rate_limited() -> TooManyRequests:
    return TooManyRequests(
        "calendar_feed.rate_limited", "Too many unknown calendar addresses from here"
    )


async def _feed_of(file_name: str, client_ip: str | None) -> dict[str, Any]:
    """The feed a file name (``<token>.ics``) designates; 404 ``calendar_feed.not_found``
    for anything else (never echoing it). A person's feed lives only while the account
    that made it is still linked to that person and a member of the org: leaving the org,
    or the person being linked to another account, ends it. Unknown tokens count against
    the client's address (the invitation links' limits, docs/api.md): past them, 429."""
    match = _FILE_NAME.match(file_name)
    rows = (
        await fetch(
            """SELECT f.id, f.org, f.kind, f.user_id, f.project, f.place_id, f.options,
                      f.last_polled_at, o.timezone AS org_timezone
               FROM calendar_feeds f JOIN orgs o ON o.id = f.org
               WHERE f.token_hash = $1
                 AND (f.kind <> 'user' OR EXISTS (
                     SELECT 1 FROM users u
                     JOIN org_memberships om ON om.org = u.org AND om.account = u.account
                     WHERE u.id = f.user_id AND u.account = f.created_by))""",
            hash_token(match.group(1)),
        )
        if match
        else []
    )
    if not rows:
        if client_ip is not None:
            settings = get_settings()
            key = f"calendar:bad:{client_ip}"
            counts = await get_limiter().tally(settings.invitation_window_seconds, hit=[key])
            if counts[key] > settings.invitation_bad_token_max:
                raise _rate_limited()
        raise _feed_not_found()
    return rows[0]


def _location(row: dict[str, Any]) -> str:
    return ", ".join(part for part in (row["place_name"], row["place_address"]) if part)


def _app_link(mission_id: int) -> str:
    return f"{get_settings().public_url}/missions/{mission_id}"


#: Step of an assignment as its person sees it: each move goes up (SEQUENCE follows).
def _assignment_step(status: str, reserve: bool) -> int:
    if status == "INVITED":
        return 0
    if status == "ACCEPTED":
        return 1 if reserve else 2
    return 3


_USER_EVENTS = """SELECT a.id, a.status, a.reserve, m.id AS mission_id, m.title, m.notes,
       m.starts_at, m.ends_at, m.sequence, r.name AS role_name,
       pr.name AS project_name, COALESCE(pl.name, '') AS place_name,
       COALESCE(pl.address, '') AS place_address,
       COALESCE(pl.timezone, $5) AS timezone,
       greatest(a.updated_at, m.updated_at, pl.updated_at) AS modified_at
FROM assignments a
JOIN missions m ON m.id = a.mission
JOIN mission_roles r ON r.id = a.mission_role
JOIN projects pr ON pr.id = m.project
LEFT JOIN places pl ON pl.id = m.place_id
WHERE a.org = $1 AND a.user_id = $2 AND m.ends_at > $3 AND m.starts_at < $4
  AND (a.status = 'ACCEPTED'
       OR (a.status = 'CANCELLED' AND a.answered_at IS NOT NULL)
       OR ($6 AND a.status IN ('INVITED', 'DECLINED', 'CANCELLED')))
ORDER BY m.starts_at, a.id"""

_MISSION_EVENTS = """SELECT m.id AS mission_id, m.title, m.notes, m.starts_at, m.ends_at,
       m.sequence, pr.name AS project_name, COALESCE(pl.name, '') AS place_name,
       COALESCE(pl.address, '') AS place_address, COALESCE(pl.timezone, $4) AS timezone,
       greatest(m.updated_at, pl.updated_at,
                (SELECT max(a.updated_at) FROM assignments a WHERE a.mission = m.id))
           AS modified_at,
       COALESCE((
           SELECT json_agg(json_build_object(
                      'name', r.name, 'quota', r.quota,
                      'accepted', (SELECT count(*) FROM assignments a WHERE a.mission_role = r.id
                                   AND a.status = 'ACCEPTED' AND NOT a.reserve),
                      'invited', (SELECT count(*) FROM assignments a WHERE a.mission_role = r.id
                                  AND a.status = 'INVITED' AND NOT a.reserve))
                      ORDER BY r.id)
           FROM mission_roles r WHERE r.mission = m.id), '[]') AS roles
FROM missions m
JOIN projects pr ON pr.id = m.project
LEFT JOIN places pl ON pl.id = m.place_id
WHERE m.org = $1 AND m.status = 'PUBLISHED' AND m.ends_at > $2 AND m.starts_at < $3"""


def _description(lines: list[str], notes: str, mission_id: int) -> str:
    if notes.strip():
        lines += ["", notes.strip()]
    lines += ["", _app_link(mission_id)]
    return "\n".join(lines)


async def _user_feed(feed: dict[str, Any], window: tuple[dt.datetime, dt.datetime]) -> Feed:
    include_invited = bool(json_value(feed["options"]).get("include_invited"))
    users = await fetch("SELECT first_name, last_name FROM users WHERE id = $1", feed["user_id"])
    name = f"{users[0]['first_name']} {users[0]['last_name']}"
    rows = await fetch(
        _USER_EVENTS,
        feed["org"],
        feed["user_id"],
        *window,
        feed["org_timezone"],
        include_invited,
    )
    host = uid_host(get_settings().public_url)
    events = []
    for row in rows:
        status, summary = "CONFIRMED", f"{row['title']} - {row['role_name']}"
        if row["status"] in ("DECLINED", "CANCELLED"):
            status = "CANCELLED"
        elif row["status"] == "INVITED":
            status, summary = "TENTATIVE", f"{summary} (invitation)"
        elif row["reserve"]:
            status, summary = "TENTATIVE", f"{summary} (reserve)"
        lines = [f"Projet : {row['project_name']}", f"Role : {row['role_name']}"]
        events.append(
            FeedEvent(
                uid=f"assignment-{row['id']}@{host}",
                starts_at=row["starts_at"],
                ends_at=row["ends_at"],
                timezone=row["timezone"],
                summary=summary,
                status=status,
                sequence=row["sequence"] + _assignment_step(row["status"], row["reserve"]),
                modified_at=row["modified_at"],
                location=_location(row),
                description=_description(lines, row["notes"], row["mission_id"]),
                url=_app_link(row["mission_id"]),
            )
        )
    return Feed(name=f"Coulisses - {name}", events=events, window=window)


def _fill(role: dict[str, Any]) -> str:
    line = f"- {role['name']} : {role['accepted']}/{role['quota']}"
    if role["invited"]:
        line += f" ({role['invited']} en attente)"
    return line


async def _missions_feed(feed: dict[str, Any], window: tuple[dt.datetime, dt.datetime]) -> Feed:
    if feed["kind"] == "project":
        subject = await fetch("SELECT name FROM projects WHERE id = $1", feed["project"])
        clause, subject_id = " AND m.project = $5", feed["project"]
    else:
        subject = await fetch("SELECT name FROM places WHERE id = $1", feed["place_id"])
        clause, subject_id = " AND m.place_id = $5", feed["place_id"]
    rows = await fetch(
        _MISSION_EVENTS + clause + " ORDER BY m.starts_at, m.id",
        feed["org"],
        *window,
        feed["org_timezone"],
        subject_id,
    )
    host = uid_host(get_settings().public_url)
    events = []
    for row in rows:
        roles = json_value(row["roles"])
        lines = [f"Projet : {row['project_name']}"]
        if roles:
            lines += ["Roles :", *(_fill(r) for r in roles)]
        summary = row["title"]
        if feed["kind"] == "place":
            summary = f"{summary} ({row['project_name']})"
        events.append(
            FeedEvent(
                uid=f"mission-{row['mission_id']}@{host}",
                starts_at=row["starts_at"],
                ends_at=row["ends_at"],
                timezone=row["timezone"],
                summary=summary,
                status="CONFIRMED",
                sequence=row["sequence"],
                modified_at=row["modified_at"],
                location=_location(row),
                description=_description(lines, row["notes"], row["mission_id"]),
                url=_app_link(row["mission_id"]),
            )
        )
    return Feed(name=f"Coulisses - {subject[0]['name']}", events=events, window=window)


def etag_of(body: bytes) -> str:
    """A strong ETag: the body's hash (the body holds no clock, see ``ics``)."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


async def render(
    file_name: str, *, client_ip: str | None = None, now: dt.datetime | None = None
) -> tuple[bytes, str]:
    """The ICS body of the feed named by ``file_name`` (``<token>.ics``) and its ETag;
    notes the poll. 404 ``calendar_feed.not_found`` for an unknown, regenerated or
    deleted token."""
    feed = await _feed_of(file_name, client_ip)
    moment = now or dt.datetime.now(dt.UTC)
    window = (moment - PAST, moment + AHEAD)
    built = await (
        _user_feed(feed, window) if feed["kind"] == "user" else _missions_feed(feed, window)
    )
    body = build(built)
    await fetch(
        """UPDATE calendar_feeds SET last_polled_at = $2
           WHERE id = $1
             AND (last_polled_at IS NULL OR last_polled_at < $2::timestamptz - $3::interval)""",
        feed["id"],
        moment,
        POLL_WRITE_EVERY,
    )
    return body, etag_of(body)
