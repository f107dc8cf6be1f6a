"""The export of one person's data: one JSON document holding everything, and the same
data as one CSV file per kind, in a zip (stdlib ``zipfile`` and ``csv``).

Kinds: ``profile`` (the user row, their account and membership when linked),
``skills`` (with certification expiry and reference), ``availability``,
``assignments`` (with their mission and project), ``invitations`` (without token
hashes), ``rates``, ``calendar_feeds`` (without token hashes), ``audit`` (entries about
the person, their assignments and windows, or made by their account), and
``plugins/<plugin>/<kind>`` from the ``personal_data_export`` hook.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from typing import Any

from coulisses.audit.entries import plain
from coulisses.db.connection import fetch
from coulisses.errors import NotFound
from coulisses.plugins.personal_data import export_plugin_data
from coulisses.scheduling.common import json_value

#: Version of the document's shape, so that a reader can tell what it holds.
FORMAT = "coulisses.personal-data/1"
DOCUMENT = "donnees.json"


async def _rows(sql: str, *args: Any) -> list[dict[str, Any]]:
    """Rows of ``SELECT to_jsonb(...) AS r`` as plain dicts."""
    return [json_value(r["r"]) for r in await fetch(sql, *args)]


async def _audit_targets(org_id: int, user_id: int) -> list[str]:
    rows = await fetch(
        """SELECT 'assignment:' || id AS t FROM assignments WHERE org = $1 AND user_id = $2
           UNION ALL
           SELECT 'availability:' || id FROM availability_windows WHERE org = $1 AND user_id = $2
           UNION ALL SELECT 'user:' || $2::text""",
        org_id,
        user_id,
    )
    return [r["t"] for r in rows]


async def collect(org_id: int, user_id: int) -> dict[str, Any]:
    """The whole document for user ``user_id`` of org ``org_id`` (404 when not in it)."""
    users = await _rows(
        """SELECT to_jsonb(u) - 'search_vector' - 'org' AS r FROM users u
           WHERE u.org = $1 AND u.id = $2""",
        org_id,
        user_id,
    )
    if not users:
        raise NotFound("user.not_found", "User not found")
    user = users[0]
    account_id = user.get("account")
    profile: list[dict[str, Any]] = [{"source": "user", **user}]
    if account_id is not None:
        profile += await _rows(
            """SELECT jsonb_build_object('source', 'account', 'id', a.id, 'email', a.email,
                      'first_name', a.first_name, 'last_name', a.last_name,
                      'role', m.role, 'member_since', m.created_at,
                      'last_login', a.last_login) AS r
               FROM accounts a JOIN org_memberships m ON m.account = a.id AND m.org = $1
               WHERE a.id = $2""",
            org_id,
            account_id,
        )
    skills = [dict(s) for s in json_value(user.get("skills")) or []]
    data: dict[str, list[dict[str, Any]]] = {
        "profile": profile,
        "skills": skills,
        "availability": await _rows(
            """SELECT to_jsonb(w) - 'org' AS r FROM availability_windows w
               WHERE w.org = $1 AND w.user_id = $2 ORDER BY w.starts_at, w.id""",
            org_id,
            user_id,
        ),
        "assignments": await _rows(
            """SELECT to_jsonb(a) - 'org' || jsonb_build_object(
                      'mission_title', m.title, 'mission_starts_at', m.starts_at,
                      'mission_ends_at', m.ends_at, 'mission_place', pl.name,
                      'role_name', r.name, 'project_id', p.id, 'project_name', p.name) AS r
               FROM assignments a JOIN missions m ON m.id = a.mission
               JOIN mission_roles r ON r.id = a.mission_role
               JOIN projects p ON p.id = m.project LEFT JOIN places pl ON pl.id = m.place_id
               WHERE a.org = $1 AND a.user_id = $2 ORDER BY a.starts_at, a.id""",
            org_id,
            user_id,
        ),
        "invitations": await _rows(
            """SELECT to_jsonb(i) - 'token_hash' - 'org' AS r FROM invitations i
               JOIN assignments a ON a.id = i.assignment
               WHERE i.org = $1 AND a.user_id = $2 ORDER BY i.created_at, i.id""",
            org_id,
            user_id,
        ),
        "rates": await _rows(
            """SELECT to_jsonb(r) - 'org' AS r FROM rates r
               WHERE r.org = $1 AND r.user_id = $2 ORDER BY r.id""",
            org_id,
            user_id,
        ),
        "calendar_feeds": await _rows(
            """SELECT to_jsonb(f) - 'token_hash' - 'org' AS r FROM calendar_feeds f
               WHERE f.org = $1 AND f.user_id = $2 ORDER BY f.id""",
            org_id,
            user_id,
        ),
        "audit": await _rows(
            """SELECT jsonb_build_object('id', l.id, 'at', l.at, 'action', l.action,
                      'target', l.target, 'actor', l.actor, 'payload', l.payload) AS r
               FROM audit_log l
               WHERE l.org = $1 AND (l.target = ANY($2::text[]) OR l.actor = $3)
               ORDER BY l.at, l.id""",
            org_id,
            await _audit_targets(org_id, user_id),
            account_id,
        ),
    }
    org = (await fetch("SELECT id, name FROM orgs WHERE id = $1", org_id))[0]
    return {
        "format": FORMAT,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(),
        "org": {"id": org["id"], "name": org["name"]},
        "user_id": user_id,
        "data": data,
        "plugins": await export_plugin_data(org_id, user_id),
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return json.dumps(plain(value), ensure_ascii=False, sort_keys=True)


def to_csv(rows: list[dict[str, Any]]) -> str:
    """Rows as CSV (comma, header of every key in first-seen order; nested values as JSON)."""
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()


def to_zip(document: dict[str, Any]) -> bytes:
    """``donnees.json`` (the whole document) and one CSV per kind, plugins' under
    ``plugins/<plugin>/``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        text = json.dumps(plain(document), ensure_ascii=False, indent=2, sort_keys=True)
        archive.writestr(DOCUMENT, text)
        for kind, rows in document["data"].items():
            archive.writestr(f"{kind}.csv", to_csv(rows))
        for plugin, kinds in document["plugins"].items():
            for kind, rows in kinds.items():
                archive.writestr(f"plugins/{plugin}/{kind}.csv", to_csv(rows))
    return buffer.getvalue()


def file_name(user_id: int, on: dt.date) -> str:
    return f"coulisses-donnees-personne-{user_id}-{on.isoformat()}.zip"
