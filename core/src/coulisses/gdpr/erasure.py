"""Erasure of one person of an org: pseudonymisation, in one transaction.

What goes: contact data (email, phone), notes, legal ids, documents, skills and tags,
rate profile; availability windows; calendar feeds; decline reasons and invitation
answers' reasons and delivery errors; the link to their account, and the account itself
when it belongs to no other org (its email and names blanked, sessions, reset tokens,
devices deleted). Pending invitations are cancelled (the assignment
becomes CANCELLED, the link revoked). Every audit entry of the org that quotes one of
the erased values has that value replaced, and the entries about the person lose the
values of their ``before``/``after``.

What stays: the user row, renamed ``Personne effacee #<id>``, with its assignments
(the org's history of missions and pay stays true), the audit entries (pointing at the
same ``user:<id>`` target) and what plugins keep under their own rules
(``personal_data_erase``).

Erasing twice is a 409 ``user.already_erased`` (nothing changes). Refused: erasing the
person linked to one's own account (``user.erase_self``) and the person linked to the
org's last owner (``user.erase_last_owner``).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from typing import Any

from coulisses.audit import record
from coulisses.audit.entries import REDACTED
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.plugins.personal_data import erase_plugin_data
from coulisses.scheduling.common import json_value
from coulisses_sdk import Principal

FIRST_NAME = "Personne"
#: What replaces an erased value quoted in an audit entry.
ERASED = "[efface]"
#: Values shorter than this are not looked for in audit entries (they would match words).
MIN_TERM = 3


def pseudonym(user_id: int) -> tuple[str, str]:
    return FIRST_NAME, f"effacee #{user_id}"


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _scrub(value: Any, terms: list[str]) -> Any:
    """``value`` with every string that quotes a term replaced whole by :data:`ERASED`."""
    if isinstance(value, str):
        low = value.lower()
        return ERASED if any(t in low for t in terms) else value
    if isinstance(value, dict):
        return {k: _scrub(v, terms) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, terms) for v in value]
    return value


#: Keys whose values are free text typed about the person (a plugin's ``comment`` too):
#: blanked in the entries about their assignments and windows, whatever they say.
FREE_TEXT = frozenset(
    {"comment", "note", "notes", "reason", "decline_reason", "decision_reason", "error"}
)


def _blank_free_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: (ERASED if k in FREE_TEXT and isinstance(v, str) and v else _blank_free_text(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_blank_free_text(v) for v in value]
    return value


def _blank_diff(payload: dict[str, Any]) -> dict[str, Any]:
    """An entry about the person: the fields it changed stay named, not their values."""
    out = dict(payload)
    for side in ("before", "after"):
        if isinstance(out.get(side), dict):
            out[side] = {k: (None if v is None else REDACTED) for k, v in out[side].items()}
    return out


async def _terms(org_id: int, user: dict[str, Any], account: dict[str, Any] | None) -> list[str]:
    """The person's values to look for in the audit log (lowercased, the long enough)."""
    found: list[Any] = [
        user["email"],
        user["phone"],
        f"{user['first_name']} {user['last_name']}",
        user["first_name"],
        user["last_name"],
        user["notes"],
        *_strings(json_value(user["legal_ids"])),
        *_strings(json_value(user["documents"])),
        *[s.get("reference") for s in json_value(user["skills"]) or []],
    ]
    if account is not None:
        found += [account["email"], account["first_name"], account["last_name"]]
    texts = await fetch(
        """SELECT decline_reason AS t FROM assignments WHERE org = $1 AND user_id = $2
           UNION ALL SELECT i.reason FROM invitations i JOIN assignments a
               ON a.id = i.assignment WHERE i.org = $1 AND a.user_id = $2
           UNION ALL SELECT i.delivery_error FROM invitations i JOIN assignments a
               ON a.id = i.assignment WHERE i.org = $1 AND a.user_id = $2
           UNION ALL SELECT note FROM availability_windows WHERE org = $1 AND user_id = $2
           UNION ALL SELECT decision_reason FROM availability_windows
               WHERE org = $1 AND user_id = $2""",
        org_id,
        user["id"],
    )
    found += [r["t"] for r in texts]
    terms = {str(t).strip().lower() for t in found if t and len(str(t).strip()) >= MIN_TERM}
    # Longest first: a full name is replaced before the first name it contains.
    return sorted(terms, key=lambda t: (-len(t), t))


async def _scrub_audit(org_id: int, user_id: int, terms: list[str]) -> int:
    """Replace the person's values in the org's audit entries; returns how many changed."""
    patterns = [f"%{t}%" for t in terms]
    about = await fetch(
        """SELECT 'assignment:' || id AS t FROM assignments WHERE org = $1 AND user_id = $2
           UNION ALL SELECT 'user:' || $2::text""",
        org_id,
        user_id,
    )
    targets = [r["t"] for r in about]
    rows = await fetch(
        """SELECT id, target, payload::text AS payload FROM audit_log
           WHERE org = $1 AND (target = ANY($2::text[])
                               OR lower(payload::text) LIKE ANY($3::text[]))
           FOR UPDATE""",
        org_id,
        targets,
        patterns,
    )
    changed = 0
    for row in rows:
        payload = json_value(row["payload"])
        new = _scrub(payload, terms)
        if row["target"] in targets:
            new = _blank_free_text(new)
        if row["target"] == f"user:{user_id}" and isinstance(new, dict):
            new = _blank_diff(new)
        if new != payload:
            await fetch(
                "UPDATE audit_log SET payload = $2::jsonb WHERE id = $1", row["id"], json.dumps(new)
            )
            changed += 1
    return changed


async def _check_account(principal: Principal, org_id: int, account_id: int) -> dict[str, Any]:
    if account_id == principal.account_id:
        raise Conflict(
            "user.erase_self",
            "This person is you: another admin or owner must erase them",
        )
    rows = await fetch(
        """SELECT a.id, a.email, a.first_name, a.last_name, m.role,
                  (SELECT count(*) FROM org_memberships o
                   WHERE o.org = $1 AND o.role = 'owner' AND o.account <> a.id) AS other_owners,
                  (SELECT count(*) FROM org_memberships o
                   WHERE o.account = a.id AND o.org <> $1) AS other_orgs
           FROM accounts a LEFT JOIN org_memberships m ON m.account = a.id AND m.org = $1
           WHERE a.id = $2 FOR UPDATE OF a""",
        org_id,
        account_id,
    )
    account = rows[0]
    if account["role"] == "owner" and account["other_owners"] == 0:
        raise Conflict(
            "user.erase_last_owner",
            "This person's account is the org's last owner: name another owner first",
        )
    return account


async def _erase_account(org_id: int, account: dict[str, Any]) -> str:
    """Leave the org; blank the account when it belongs to no other org. Returns what
    happened (``left``, ``erased``)."""
    account_id = account["id"]
    await fetch(
        """DELETE FROM project_managers pm USING projects p
           WHERE p.id = pm.project AND p.org = $2 AND pm.account = $1""",
        account_id,
        org_id,
    )
    await fetch("DELETE FROM org_memberships WHERE org = $1 AND account = $2", org_id, account_id)
    if account["other_orgs"]:
        return "left"
    for table in ("refresh_tokens", "password_reset_tokens", "login_devices"):
        await fetch(f"DELETE FROM {table} WHERE account = $1", account_id)  # noqa: S608
    placeholder = f"efface-{account_id}@invalid"
    await fetch(
        """UPDATE accounts SET username = $2, email = $2, first_name = '', last_name = '',
                  password = $3, active = false WHERE id = $1""",
        account_id,
        placeholder,
        # Not a hash of anything: no password can match it.
        f"erased${secrets.token_hex(16)}",
    )
    return "erased"


async def erase_user(principal: Principal, user_id: int, confirm: str, reason: str) -> str:
    """Pseudonymise user ``user_id``; returns their new display name."""
    org_id = principal.org_id
    async with transaction():
        rows = await fetch(
            "SELECT * FROM users WHERE org = $1 AND id = $2 FOR UPDATE", org_id, user_id
        )
        if not rows:
            raise NotFound("user.not_found", "User not found")
        user = rows[0]
        if user["erased_at"] is not None:
            raise Conflict("user.already_erased", "This person was already erased")
        full_name = f"{user['first_name']} {user['last_name']}"
        if " ".join(confirm.split()).lower() != " ".join(full_name.split()).lower():
            raise DomainError(
                "user.erase_confirmation",
                "Type the person's full name (first name and last name) to confirm",
                details={"field": "confirm"},
                status=422,
            )
        account = None
        if user["account"] is not None:
            account = await _check_account(principal, org_id, user["account"])
        terms = await _terms(org_id, user, account)

        counts: dict[str, Any] = {}
        # Plugins first: they may still read the person through the host (their name,
        # their account) to find what they hold; a refusal rolls everything back.
        counts["plugins"] = await erase_plugin_data(org_id, user_id)
        cancelled = await fetch(
            """UPDATE assignments SET status = 'CANCELLED', updated_at = now()
               WHERE org = $1 AND user_id = $2 AND status = 'INVITED' RETURNING id""",
            org_id,
            user_id,
        )
        counts["assignments_cancelled"] = len(cancelled)
        revoked = await fetch(
            """UPDATE invitations i SET revoked_at = now() FROM assignments a
               WHERE a.id = i.assignment AND i.org = $1 AND a.user_id = $2
               AND i.answer IS NULL AND i.revoked_at IS NULL RETURNING i.id""",
            org_id,
            user_id,
        )
        counts["invitations_revoked"] = len(revoked)
        await fetch(
            """UPDATE invitations i SET reason = NULL, delivery_error = NULL FROM assignments a
               WHERE a.id = i.assignment AND i.org = $1 AND a.user_id = $2
               AND (i.reason IS NOT NULL OR i.delivery_error IS NOT NULL)""",
            org_id,
            user_id,
        )
        await fetch(
            """UPDATE assignments SET decline_reason = NULL
               WHERE org = $1 AND user_id = $2 AND decline_reason IS NOT NULL""",
            org_id,
            user_id,
        )
        windows = await fetch(
            "DELETE FROM availability_windows WHERE org = $1 AND user_id = $2 RETURNING id",
            org_id,
            user_id,
        )
        counts["availability_windows"] = len(windows)
        feeds = await fetch(
            "DELETE FROM calendar_feeds WHERE org = $1 AND user_id = $2 RETURNING id",
            org_id,
            user_id,
        )
        counts["calendar_feeds"] = len(feeds)
        first, last = pseudonym(user_id)
        await fetch(
            """UPDATE users SET first_name = $3, last_name = $4, email = NULL, phone = NULL,
                      account = NULL, skills = '[]'::jsonb, tags = '{}', notes = '',
                      rate_profile = NULL, legal_ids = '{}'::jsonb, documents = '[]'::jsonb,
                      erased_at = now(), updated_at = now()
               WHERE org = $1 AND id = $2""",
            org_id,
            user_id,
            first,
            last,
        )
        if account is not None:
            counts["account"] = await _erase_account(org_id, account)
        counts["audit_entries_scrubbed"] = await _scrub_audit(org_id, user_id, terms)
        # The reason says why (a request, a date); a name typed in it is erased too.
        await record(
            org_id,
            principal.account_id,
            "user.erased",
            f"user:{user_id}",
            {"reason": _scrub(reason.strip(), terms), **counts},
        )
    return f"{first} {last}"
