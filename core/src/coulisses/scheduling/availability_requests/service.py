"""Availability requests ("Doodle for shifts"): a manager asks people for their availability
over a period; each answers per day (and slot) through a signed link, without an account.

Links: one random token per recipient; only its SHA-256 is compared (``token_hash``), and a
copy sealed under the app's secret keys (``token_sealed``) lets a reminder send the same
link again. Tokens travel only in the sealed job arguments and in the email itself: never in
a log line, an event, an audit entry or an error body. A wrong token looks like a missing
recipient (404). The public routes are rate limited like invitation links.

Answers fill availability windows (``availability_windows.availability_request_id``):
``yes`` and ``if_needed`` give an ``available`` window, ``no`` an ``unavailable`` one, all
APPROVED (the person said it themselves, at the manager's request); the note names the
request and the answer. Answering again deletes that request's windows of that person and
writes the new ones in the same transaction, so there is never a duplicate; deleting the
request deletes its windows.

Reminders: ``reminder_cron`` sends, once per recipient, the link again to those who have
not answered when the deadline is ``remind_hours_before`` hours away; a manager may also
send it at once (``remind``), which does not use up the automatic reminder.

Delivery: the job hands each link to the org's enabled plugins first (hook
``deliver_availability_request``: the notifications plugin writes in the person's language,
by email and Telegram); the core emails it itself when none takes it.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
from typing import Any
from zoneinfo import ZoneInfo

from coulisses.audit import record
from coulisses.auth.tokens import hash_token, new_opaque_token
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound, TooManyRequests
from coulisses.outbox.service import stage_job
from coulisses.ratelimit import get_limiter
from coulisses.scheduling.availability.service import localize_occurrence
from coulisses.scheduling.availability_requests.schemas import (
    AnswersIn,
    AvailabilityRequestCreate,
    AvailabilityRequestOut,
    ReopenIn,
)
from coulisses.scheduling.common import emit_events, json_value, mission_timezone
from coulisses.sealing import seal, unseal
from coulisses.settings import get_settings
from coulisses_sdk import AvailabilityRequestAnswered, Listing, ListQuery, Principal

logger = logging.getLogger(__name__)

JOB = "core.send_availability_request_links"
SEAL_PURPOSE = "availability_request.link"
#: Longest period a request covers (days, both ends included).
MAX_DAYS = 93
ANSWERS = ("yes", "if_needed", "no")

REQUESTS = Listing(
    sorts={
        "id": "r.id",
        "title": "lower(r.title)",
        "starts_on": "r.starts_on",
        "deadline": "r.deadline",
        "created_at": "r.created_at",
    },
    default="-created_at",
    item=AvailabilityRequestOut,
)

_COLUMNS = """r.id, r.org, r.title, r.message, r.starts_on, r.ends_on, r.slots, r.place_id,
r.timezone, r.deadline, r.remind_hours_before, r.closed_at, r.created_at,
(SELECT count(*) FROM availability_request_recipients c WHERE c.request_id = r.id)
    AS recipients_count,
(SELECT count(*) FROM availability_request_recipients c
    WHERE c.request_id = r.id AND c.answered_at IS NOT NULL) AS answered_count"""


# -- errors ----------------------------------------------------------------------


def _not_found() -> NotFound:
    return NotFound("availability_request.not_found", "Availability request not found")


def _invalid(reason: str, message: str) -> DomainError:
    return DomainError(f"availability_request.invalid_{reason}", message, status=422)


class Gone(DomainError):
    status_code = 410


def _closed() -> Conflict:
    return Conflict("availability_request.closed", "This availability request is closed")


def _deadline_passed() -> Gone:
    return Gone(
        "availability_request.deadline_passed",
        "The deadline of this availability request has passed",
    )


# -- shapes ----------------------------------------------------------------------


def out(row: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "id",
        "title",
        "message",
        "starts_on",
        "ends_on",
        "place_id",
        "timezone",
        "deadline",
        "remind_hours_before",
        "closed_at",
        "created_at",
        "recipients_count",
        "answered_count",
    )
    return {**{k: row[k] for k in keys}, "slots": json_value(row["slots"])}


def days_of(row: dict[str, Any]) -> list[dt.date]:
    first: dt.date = row["starts_on"]
    return [first + dt.timedelta(days=n) for n in range((row["ends_on"] - first).days + 1)]


def slot_keys(row: dict[str, Any]) -> list[str]:
    return [s["key"] for s in json_value(row["slots"])] or [""]


def _parse_hhmm(value: str, field: str) -> dt.time:
    try:
        hours, minutes = value.split(":")
        return dt.time(int(hours), int(minutes))
    except ValueError as exc:
        raise _invalid("slots", f"{field} {value!r} is not a local time HH:MM") from exc


def _slots(data: AvailabilityRequestCreate) -> list[dict[str, str]]:
    seen: set[str] = set()
    slots: list[dict[str, str]] = []
    for slot in data.slots:
        if not slot.key or not slot.key[0].isalpha() or not slot.key.isascii():
            raise _invalid("slots", "A slot key is lowercase letters, digits and _")
        if not all(c.islower() or c.isdigit() or c == "_" for c in slot.key):
            raise _invalid("slots", "A slot key is lowercase letters, digits and _")
        if slot.key in seen:
            raise _invalid("slots", f"Two slots have the key {slot.key!r}")
        seen.add(slot.key)
        start, end = _parse_hhmm(slot.start, "start"), _parse_hhmm(slot.end, "end")
        if start == end:
            raise _invalid("slots", "A slot cannot start and end at the same time")
        label = slot.label.strip() or slot.key
        slots.append({"key": slot.key, "label": label, "start": slot.start, "end": slot.end})
    return slots


# -- reads -----------------------------------------------------------------------


async def _load(org_id: int, request_id: int, *, lock: bool = False) -> dict[str, Any]:
    rows = await fetch(
        f"SELECT {_COLUMNS} FROM availability_requests r WHERE r.org = $1 AND r.id = $2"  # noqa: S608
        + (" FOR UPDATE OF r" if lock else ""),
        org_id,
        request_id,
    )
    if not rows:
        raise _not_found()
    return rows[0]


async def list_requests(org_id: int, listing: ListQuery) -> tuple[list[dict[str, Any]], int]:
    total = (await fetch("SELECT count(*) AS n FROM availability_requests WHERE org = $1", org_id))[
        0
    ]["n"]
    listing.check_page(total)
    rows = await fetch(
        f"SELECT {_COLUMNS} FROM availability_requests r WHERE r.org = $1"  # noqa: S608
        f" ORDER BY {REQUESTS.order_by(listing)}"
        f" LIMIT {listing.page_size} OFFSET {listing.offset}",
        org_id,
    )
    return [out(r) for r in rows], total


async def _answers_by_recipient(request_id: int) -> dict[int, list[dict[str, Any]]]:
    rows = await fetch(
        """SELECT a.recipient_id, a.day, a.slot, a.answer
           FROM availability_request_answers a
           JOIN availability_request_recipients c ON c.id = a.recipient_id
           WHERE c.request_id = $1 ORDER BY a.day, a.slot""",
        request_id,
    )
    by: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        by.setdefault(r["recipient_id"], []).append(
            {"day": r["day"], "slot": r["slot"], "answer": r["answer"]}
        )
    return by


def heatmap_of(
    row: dict[str, Any], recipients: int, answers: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Per day and slot (in order): how many said yes / if needed / no, and how many did
    not answer that cell (``recipients`` minus the answers)."""
    counts: dict[tuple[dt.date, str], dict[str, int]] = {
        (day, slot): {"yes": 0, "if_needed": 0, "no": 0}
        for day in days_of(row)
        for slot in slot_keys(row)
    }
    for answer in answers:
        cell = counts.get((answer["day"], answer["slot"]))
        if cell is not None:
            cell[answer["answer"]] += 1
    return [
        {"day": day, "slot": slot, **c, "no_answer": recipients - sum(c.values())}
        for (day, slot), c in counts.items()
    ]


async def get_request(org_id: int, request_id: int) -> dict[str, Any]:
    row = await _load(org_id, request_id)
    recipients = await fetch(
        """SELECT c.id, c.user_id, u.first_name, u.last_name, c.answered_at, c.last_reminded_at
           FROM availability_request_recipients c JOIN users u ON u.id = c.user_id
           WHERE c.request_id = $1 ORDER BY lower(u.last_name), lower(u.first_name), c.id""",
        request_id,
    )
    answers = await _answers_by_recipient(request_id)
    every = [a for cells in answers.values() for a in cells]
    return {
        **out(row),
        "recipients": [{**dict(r), "answers": answers.get(r["id"], [])} for r in recipients],
        "heatmap": heatmap_of(row, len(recipients), every),
    }


async def heatmap(org_id: int, request_id: int) -> dict[str, Any]:
    detail = await get_request(org_id, request_id)
    return {"request_id": request_id, "cells": detail["heatmap"]}


#: The longest window of the planning's heat map, in days (a month view and its edges).
HEAT_MAX_DAYS = 62


async def day_heatmap(
    org_id: int, from_day: dt.date, to_day: dt.date, *, request_id: int | None = None
) -> dict[str, Any]:
    """The planning's heat map: per day of ``from_day``..``to_day`` (both included), over
    the org's requests, open or closed, whose period touches it (or only ``request_id``),
    how many people were asked and what each said of that day: ``yes`` when they said
    yes to at least one slot, else ``if_needed``, else ``no``; ``no_answer`` when they
    said nothing of it. A person asked by several requests for one day counts once, by
    their latest answer for that day (the request they answered last; when they answered
    none of them for that day, ``no_answer``). ``request_ids``: every request that asked
    someone about that day. Days are the requests' own (local) days."""
    if to_day < from_day:
        raise DomainError(
            "validation.invalid_window",
            "to must be on or after from",
            details={"from": from_day.isoformat(), "to": to_day.isoformat()},
            status=422,
        )
    if (to_day - from_day).days + 1 > HEAT_MAX_DAYS:
        raise DomainError(
            "validation.window_too_long",
            f"This window covers at most {HEAT_MAX_DAYS} days",
            details={"max_days": HEAT_MAX_DAYS},
            status=422,
        )
    if request_id is not None:
        await _load(org_id, request_id)  # another org's or unknown: 404
    rows = await fetch(
        """WITH cells AS (
               SELECT r.id AS request_id, c.user_id, d.day::date AS day, c.answered_at,
                      r.created_at,
                      (SELECT max(CASE a.answer WHEN 'yes' THEN 3 WHEN 'if_needed' THEN 2
                                                WHEN 'no' THEN 1 END)
                         FROM availability_request_answers a
                        WHERE a.recipient_id = c.id AND a.day = d.day::date) AS best
               FROM availability_requests r
               JOIN availability_request_recipients c ON c.request_id = r.id
               CROSS JOIN LATERAL generate_series(
                   greatest(r.starts_on, $2::date), least(r.ends_on, $3::date),
                   interval '1 day') AS d(day)
               WHERE r.org = $1 AND c.org = $1
                 AND r.starts_on <= $3::date AND r.ends_on >= $2::date
                 AND ($4::int IS NULL OR r.id = $4)
           ),
           latest AS (
               -- One row per person and day: the answer given last, else the newest ask.
               SELECT DISTINCT ON (user_id, day) user_id, day, best
               FROM cells
               ORDER BY user_id, day, best IS NULL, answered_at DESC NULLS LAST,
                        created_at DESC, request_id DESC
           ),
           involved AS (
               SELECT day, array_agg(DISTINCT request_id ORDER BY request_id) AS request_ids
               FROM cells GROUP BY day
           )
           SELECT l.day, count(*) AS asked,
                  count(*) FILTER (WHERE l.best = 3) AS yes,
                  count(*) FILTER (WHERE l.best = 2) AS if_needed,
                  count(*) FILTER (WHERE l.best = 1) AS no,
                  count(*) FILTER (WHERE l.best IS NULL) AS no_answer,
                  i.request_ids
           FROM latest l JOIN involved i ON i.day = l.day
           GROUP BY l.day, i.request_ids
           ORDER BY l.day""",
        org_id,
        from_day,
        to_day,
        request_id,
    )
    return {
        "from": from_day,
        "to": to_day,
        "days": [{**dict(row), "request_ids": list(row["request_ids"])} for row in rows],
    }


# -- commands --------------------------------------------------------------------


def _check_deadline(deadline: dt.datetime) -> dt.datetime:
    if deadline.tzinfo is None or deadline.utcoffset() is None:
        raise _invalid("deadline", "The deadline needs a UTC offset (e.g. +02:00)")
    if deadline <= dt.datetime.now(dt.UTC):
        raise _invalid("deadline", "The deadline must be in the future")
    return deadline


async def create_request(principal: Principal, data: AvailabilityRequestCreate) -> dict[str, Any]:
    org_id = principal.org_id
    title = data.title.strip()
    if not title:
        raise _invalid("title", "A title has 1 to 200 characters")
    if data.ends_on < data.starts_on or (data.ends_on - data.starts_on).days >= MAX_DAYS:
        raise _invalid("period", f"The period runs forward and covers at most {MAX_DAYS} days")
    deadline = _check_deadline(data.deadline)
    slots = _slots(data)
    user_ids = sorted(set(data.user_ids))
    if not user_ids:
        raise _invalid("recipients", "Ask at least one person")
    async with transaction():
        tz = await mission_timezone(org_id, data.place_id, lock=True)
        known = await fetch(
            "SELECT id FROM users WHERE org = $1 AND id = ANY($2::int[]) FOR KEY SHARE",
            org_id,
            user_ids,
        )
        if len(known) != len(user_ids):
            raise NotFound("user.not_found", "User not found")
        rows = await fetch(
            """INSERT INTO availability_requests (org, title, message, starts_on, ends_on, slots,
                   place_id, timezone, deadline, remind_hours_before, created_by)
               VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11) RETURNING id""",
            org_id,
            title,
            data.message.strip(),
            data.starts_on,
            data.ends_on,
            json.dumps(slots),
            data.place_id,
            tz.key,
            deadline,
            data.remind_hours_before,
            principal.account_id,
        )
        request_id = int(rows[0]["id"])
        tokens = [new_opaque_token() for _ in user_ids]
        recipients = await fetch(
            """INSERT INTO availability_request_recipients
                   (org, request_id, user_id, token_hash, token_sealed)
               SELECT $1, $2, u.user_id, u.token_hash, u.token_sealed
               FROM unnest($3::int[], $4::text[], $5::text[]) AS u(user_id, token_hash,
                    token_sealed)
               RETURNING id""",
            org_id,
            request_id,
            user_ids,
            [hash_token(t) for t in tokens],
            [seal(t, SEAL_PURPOSE) for t in tokens],
        )
        await _stage_links(org_id, [int(r["id"]) for r in recipients], reminder=False)
        await record(
            org_id,
            principal.account_id,
            "availability_request.created",
            f"availability_request:{request_id}",
            {"title": title, "recipients": len(user_ids)},
        )
    return await get_request(org_id, request_id)


async def close_request(principal: Principal, request_id: int) -> dict[str, Any]:
    async with transaction():
        row = await _load(principal.org_id, request_id, lock=True)
        if row["closed_at"] is None:
            await fetch(
                "UPDATE availability_requests SET closed_at = now(), updated_at = now()"
                " WHERE id = $1",
                request_id,
            )
            await record(
                principal.org_id,
                principal.account_id,
                "availability_request.closed",
                f"availability_request:{request_id}",
            )
    return await get_request(principal.org_id, request_id)


async def reopen_request(
    principal: Principal, request_id: int, data: ReopenIn | None
) -> dict[str, Any]:
    async with transaction():
        row = await _load(principal.org_id, request_id, lock=True)
        deadline = row["deadline"]
        if data is not None and data.deadline is not None:
            deadline = _check_deadline(data.deadline)
        elif deadline <= dt.datetime.now(dt.UTC):
            raise _deadline_passed()
        if row["closed_at"] is not None or deadline != row["deadline"]:
            await fetch(
                """UPDATE availability_requests SET closed_at = NULL, deadline = $2,
                       updated_at = now() WHERE id = $1""",
                request_id,
                deadline,
            )
            await record(
                principal.org_id,
                principal.account_id,
                "availability_request.reopened",
                f"availability_request:{request_id}",
                {"deadline": deadline.isoformat()},
            )
    return await get_request(principal.org_id, request_id)


async def delete_request(principal: Principal, request_id: int) -> None:
    """Delete the request, its answers and the availability windows they produced."""
    async with transaction():
        row = await _load(principal.org_id, request_id, lock=True)
        await fetch("DELETE FROM availability_requests WHERE id = $1", request_id)
        await record(
            principal.org_id,
            principal.account_id,
            "availability_request.deleted",
            f"availability_request:{request_id}",
            {"title": row["title"]},
        )


async def remind(principal: Principal, request_id: int) -> dict[str, Any]:
    """Send the link again, now, to everyone who has not answered ("relancer")."""
    async with transaction():
        row = await _load(principal.org_id, request_id, lock=True)
        if row["closed_at"] is not None:
            raise _closed()
        if row["deadline"] <= dt.datetime.now(dt.UTC):
            raise _deadline_passed()
        pending = await fetch(
            """UPDATE availability_request_recipients SET last_reminded_at = now()
               WHERE request_id = $1 AND answered_at IS NULL RETURNING id""",
            request_id,
        )
        ids = sorted(int(r["id"]) for r in pending)
        if ids:
            await _stage_links(principal.org_id, ids, reminder=True)
        await record(
            principal.org_id,
            principal.account_id,
            "availability_request.reminded",
            f"availability_request:{request_id}",
            {"reminded": len(ids)},
        )
    return {"reminded": len(ids)}


async def reminder_cron(ctx: dict[str, Any]) -> int:
    """The automatic reminder: once per recipient who has not answered, when the deadline
    of an open request is ``remind_hours_before`` hours away or less. Rows are claimed
    with SKIP LOCKED and marked in the same transaction as the staged email, so two
    workers never remind the same person twice."""
    async with transaction():
        rows = await fetch(
            """SELECT c.id, c.org FROM availability_request_recipients c
               JOIN availability_requests r ON r.id = c.request_id
               WHERE c.answered_at IS NULL AND c.auto_reminded_at IS NULL
                 AND r.closed_at IS NULL AND r.remind_hours_before IS NOT NULL
                 AND r.deadline > now()
                 AND r.deadline - make_interval(hours => r.remind_hours_before) <= now()
               ORDER BY c.id LIMIT 1000 FOR UPDATE OF c SKIP LOCKED"""
        )
        if not rows:
            return 0
        ids = [int(r["id"]) for r in rows]
        await fetch(
            """UPDATE availability_request_recipients
               SET auto_reminded_at = now(), last_reminded_at = now()
               WHERE id = ANY($1::int[])""",
            ids,
        )
        by_org: dict[int, list[int]] = {}
        for r in rows:
            by_org.setdefault(int(r["org"]), []).append(int(r["id"]))
        for org_id, recipient_ids in by_org.items():
            await _stage_links(org_id, recipient_ids, reminder=True)
    return len(ids)


# -- delivery --------------------------------------------------------------------


async def _stage_links(org_id: int, recipient_ids: list[int], *, reminder: bool) -> None:
    """Queue the emails (inside the caller's transaction); the job reads each token from
    its sealed copy, so the job's own arguments hold no token."""
    for start in range(0, len(recipient_ids), 100):
        await stage_job(
            JOB,
            {
                "org_id": org_id,
                "recipient_ids": recipient_ids[start : start + 100],
                "reminder": reminder,
            },
            org_id=org_id,
            options={"retries": 3, "retry_delay": 60.0, "retry_backoff": 600.0},
        )


def link_url(recipient_id: int, token: str) -> str:
    """The public page the person opens (no account)."""
    return f"{get_settings().public_url}/availability-answers/{recipient_id}?token={token}"


async def send_links_job(
    ctx: dict[str, Any], *, org_id: int, recipient_ids: list[int], reminder: bool
) -> None:
    """Bring each recipient their link (a reminder only to those who still have not
    answered): through an enabled plugin (hook ``deliver_availability_request``, e.g.
    the notifications plugin in the person's language and channels) or, when none takes
    it, by the core's plain email. A person without an address is then skipped (the
    manager sees them unanswered)."""
    rows = await fetch(
        """SELECT c.id, c.org AS org_id, c.request_id, c.user_id, c.token_sealed,
                  c.answered_at, u.email, u.first_name, u.last_name, u.account AS account_id,
                  r.title, r.message, r.starts_on, r.ends_on, r.deadline, r.timezone, r.closed_at,
                  o.name AS org_name, o.locale
           FROM availability_request_recipients c JOIN users u ON u.id = c.user_id
           JOIN availability_requests r ON r.id = c.request_id JOIN orgs o ON o.id = c.org
           WHERE c.org = $1 AND c.id = ANY($2::int[]) ORDER BY c.id""",
        org_id,
        recipient_ids,
    )
    enabled: dict[int, list[str]] = {}  # one lookup of the org's plugins for the batch
    for row in rows:
        if row["closed_at"] is not None or (reminder and row["answered_at"] is not None):
            continue
        url = link_url(row["id"], str(unseal(row["token_sealed"], SEAL_PURPOSE)))
        if await _through_plugins(row, url, reminder, enabled):
            continue
        if row["email"]:
            await _email(row, url, reminder)


async def _through_plugins(
    row: dict[str, Any], url: str, reminder: bool, enabled: dict[int, list[str]]
) -> bool:
    from coulisses.plugins.relay import deliver
    from coulisses_sdk import AvailabilityRequestDelivery

    delivery = AvailabilityRequestDelivery(
        org_id=int(row["org_id"]),
        request_id=int(row["request_id"]),
        recipient_id=int(row["id"]),
        user_id=int(row["user_id"]),
        account_id=row["account_id"],
        recipient_name=" ".join(p for p in (row["first_name"], row["last_name"]) if p),
        email=row["email"] or None,
        locale=row["locale"],
        title=row["title"],
        message=row["message"] or None,
        starts_on=row["starts_on"],
        ends_on=row["ends_on"],
        deadline=row["deadline"],
        timezone=row["timezone"],
        answer_url=url,
        reminder=reminder,
    )
    return await deliver(
        "deliver_availability_request",
        lambda _org: delivery,
        [delivery.org_id],
        enabled=enabled,
    )


async def _email(row: dict[str, Any], url: str, reminder: bool) -> None:
    """The core's own message (French), when no plugin delivers."""
    from coulisses.mail.smtp import send_email

    deadline = row["deadline"].astimezone(ZoneInfo(row["timezone"]))
    intro = "Petit rappel : " if reminder else ""
    text = (
        f"Bonjour {row['first_name']},\n\n"
        f"{intro}{row['org_name']} vous demande vos disponibilites : {row['title']}.\n"
        + (f"\n{row['message']}\n" if row["message"] else "")
        + f"\nRepondez jour par jour (oui / si besoin / non) avant le "
        f"{deadline.strftime('%d/%m/%Y %H:%M')} : {url}\n"
    )
    subject = f"{row['org_name']} : vos disponibilites ({row['title']})"
    await send_email(row["email"], ("Rappel - " if reminder else "") + subject, text)


# -- public answer ---------------------------------------------------------------


def _rate_limited() -> TooManyRequests:
    return TooManyRequests(
        "availability_request.rate_limited", "Too many attempts from here; try again later"
    )


async def _check_rate(recipient_id: int, token: str, client_ip: str) -> dict[str, Any]:
    """The invitation links' policy (docs/scheduling.md): wrong tokens limited strictly per
    IP, valid links per recipient and (far higher) per IP. Returns the recipient's row."""
    settings = get_settings()
    limiter = get_limiter()
    window = settings.invitation_window_seconds
    bad_key = f"availability_answer:bad:{client_ip}"
    rows = await fetch(
        "SELECT id, org, request_id, user_id, token_hash, answered_at"
        " FROM availability_request_recipients WHERE id = $1",
        recipient_id,
    )
    if not rows or not hmac.compare_digest(rows[0]["token_hash"], hash_token(token)):
        wrong = await limiter.tally(window, hit=[bad_key])
        if wrong[bad_key] > settings.invitation_bad_token_max:
            raise _rate_limited()
        raise _not_found()
    ip_key, id_key = f"availability_answer:ip:{client_ip}", f"availability_answer:id:{recipient_id}"
    counts = await limiter.tally(window, hit=[ip_key, id_key], peek=[bad_key])
    if (
        counts[bad_key] >= settings.invitation_bad_token_max
        or counts[ip_key] > settings.invitation_ip_max_attempts
        or counts[id_key] > settings.invitation_max_attempts
    ):
        raise _rate_limited()
    return rows[0]


async def _public(recipient: dict[str, Any]) -> dict[str, Any]:
    rows = await fetch(
        f"""SELECT {_COLUMNS}, o.name AS org_name, u.first_name
            FROM availability_requests r JOIN orgs o ON o.id = r.org
            JOIN users u ON u.id = $2 WHERE r.id = $1""",  # noqa: S608
        recipient["request_id"],
        recipient["user_id"],
    )
    row = rows[0]
    answers = await fetch(
        """SELECT day, slot, answer FROM availability_request_answers
           WHERE recipient_id = $1 ORDER BY day, slot""",
        recipient["id"],
    )
    answered = await fetch(
        "SELECT answered_at FROM availability_request_recipients WHERE id = $1", recipient["id"]
    )
    shown = out(row)
    return {
        "recipient_id": recipient["id"],
        "first_name": row["first_name"],
        "org_name": row["org_name"],
        **{
            k: shown[k]
            for k in ("title", "message", "starts_on", "ends_on", "slots", "timezone", "deadline")
        },
        "closed": row["closed_at"] is not None,
        "deadline_passed": row["deadline"] <= dt.datetime.now(dt.UTC),
        "answered_at": answered[0]["answered_at"],
        "answers": [dict(a) for a in answers],
    }


async def public_view(recipient_id: int, token: str, *, client_ip: str) -> dict[str, Any]:
    """The page before (or after) answering: shown even when closed, so it can say so."""
    recipient = await _check_rate(recipient_id, token, client_ip)
    return await _public(recipient)


def _window_bounds(
    day: dt.date, slot: dict[str, str] | None, tz: ZoneInfo
) -> tuple[dt.datetime, dt.datetime]:
    """UTC bounds of a day (local midnight to midnight) or of a slot of that day (ending the
    next day when its end is not after its start); DST as for availability windows."""
    if slot is None:
        start = dt.datetime.combine(day, dt.time())
        return localize_occurrence(start, dt.timedelta(days=1), tz)
    begins = dt.datetime.combine(day, _parse_hhmm(slot["start"], "start"))
    ends = dt.datetime.combine(day, _parse_hhmm(slot["end"], "end"))
    if ends <= begins:
        ends += dt.timedelta(days=1)
    return localize_occurrence(begins, ends - begins, tz)


_LABELS = {"yes": "oui", "if_needed": "si besoin", "no": "non"}


async def answer(
    recipient_id: int, token: str, data: AnswersIn, *, client_ip: str
) -> dict[str, Any]:
    """Replace the person's answers and the windows they produced, in one transaction.
    Editable until the deadline or the close; an answer outside the period or for an
    unknown slot is a 422 and nothing is written."""
    await _check_rate(recipient_id, token, client_ip)
    async with transaction():
        locked = await fetch(
            """SELECT id, org, request_id, user_id, token_hash
               FROM availability_request_recipients WHERE id = $1 FOR UPDATE""",
            recipient_id,
        )
        if not locked or not hmac.compare_digest(locked[0]["token_hash"], hash_token(token)):
            raise _not_found()
        recipient = locked[0]
        org_id = int(recipient["org"])
        request = await _load(org_id, int(recipient["request_id"]))
        if request["closed_at"] is not None:
            raise _closed()
        if request["deadline"] <= dt.datetime.now(dt.UTC):
            raise _deadline_passed()
        days = set(days_of(request))
        slots = {s["key"]: s for s in json_value(request["slots"])}
        cells: dict[tuple[dt.date, str], str] = {}
        for cell in data.answers:
            if cell.day not in days:
                raise DomainError(
                    "availability_request.invalid_answer",
                    f"{cell.day.isoformat()} is not a day of this request",
                    details={"day": cell.day.isoformat(), "slot": cell.slot},
                    status=422,
                )
            if (cell.slot or slots) and cell.slot not in slots:
                raise DomainError(
                    "availability_request.invalid_answer",
                    f"{cell.slot!r} is not a slot of this request",
                    details={"day": cell.day.isoformat(), "slot": cell.slot},
                    status=422,
                )
            cells[(cell.day, cell.slot)] = cell.answer
        await fetch(
            "DELETE FROM availability_request_answers WHERE recipient_id = $1", recipient_id
        )
        await fetch(
            """DELETE FROM availability_windows
               WHERE org = $1 AND availability_request_id = $2 AND user_id = $3""",
            org_id,
            request["id"],
            recipient["user_id"],
        )
        if cells:
            ordered = sorted(cells.items())
            await fetch(
                """INSERT INTO availability_request_answers (recipient_id, day, slot, answer)
                   SELECT $1, u.day, u.slot, u.answer
                   FROM unnest($2::date[], $3::text[], $4::text[]) AS u(day, slot, answer)""",
                recipient_id,
                [d for (d, _), _a in ordered],
                [s for (_d, s), _a in ordered],
                [a for _k, a in ordered],
            )
            tz = ZoneInfo(request["timezone"])
            starts, ends, kinds, notes = [], [], [], []
            for (day, slot), value in ordered:
                begins, finishes = _window_bounds(day, slots.get(slot) if slot else None, tz)
                starts.append(begins)
                ends.append(finishes)
                kinds.append("unavailable" if value == "no" else "available")
                label = f"{request['title']}" + (f" - {slots[slot]['label']}" if slot else "")
                notes.append(f"{label} : {_LABELS[value]}"[:2000])
            await fetch(
                """INSERT INTO availability_windows
                       (org, user_id, kind, status, starts_at, ends_at, note,
                        availability_request_id)
                   SELECT $1, $2, u.kind, 'APPROVED', u.starts_at, u.ends_at, u.note, $3
                   FROM unnest($4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[])
                        AS u(kind, starts_at, ends_at, note)""",
                org_id,
                recipient["user_id"],
                request["id"],
                kinds,
                starts,
                ends,
                notes,
            )
        await fetch(
            """UPDATE availability_request_recipients
               SET answered_at = CASE WHEN $2 THEN now() ELSE NULL END WHERE id = $1""",
            recipient_id,
            bool(cells),
        )
        await record(
            org_id,
            None,
            "availability_request.answered",
            f"availability_request:{request['id']}",
            {"user_id": recipient["user_id"], "answers": len(cells)},
        )
        await emit_events(
            [
                AvailabilityRequestAnswered(
                    org_id=org_id,
                    request_id=int(request["id"]),
                    user_id=int(recipient["user_id"]),
                    answers=len(cells),
                )
            ]
        )
    return await _public(dict(recipient))
