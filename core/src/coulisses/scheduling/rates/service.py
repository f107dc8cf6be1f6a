"""Rate profiles: how much a user is paid, attached to a user, a mission role name or a mission.

A rate has a kind (``hourly``; ``cachet``, the daily flat fee of artists;
``per_mission``), an amount in integer cents and an ISO 4217 currency. Each
rate is attached to exactly one target, and a target has at most one rate.
Which rate applies is decided by :func:`resolve_rate` (see docs/rates.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import asyncpg
from msgspec import UNSET

from coulisses.audit import record, record_change
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.scheduling.common import check_filter
from coulisses.scheduling.rates.schemas import RateCreate, RateOut, RateUpdate
from coulisses_sdk import Listing, ListQuery, Principal

#: Upper bound of an amount: ten million units of any currency, in cents.
MAX_AMOUNT_CENTS = 1_000_000_000

#: The ISO 4217 codes accepted; extend the set when an org pays in another one.
CURRENCIES = frozenset(
    {
        "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "JPY", "CNY", "HKD", "SGD",
        "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "TRY", "MAD",
        "TND", "DZD", "XOF", "XAF", "XPF", "ZAR", "BRL", "MXN", "ARS", "CLP", "COP",
        "INR", "KRW", "AED", "ILS", "SAR", "QAR", "EGP", "UAH", "THB", "IDR", "MYR",
        "PHP", "TWD",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Rate:
    id: int
    kind: str
    amount_cents: int
    currency: str
    user_id: int | None
    role_name: str | None
    mission_id: int | None
    label: str
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def target(self) -> str:
        """``mission``, ``user`` or ``role``: what the rate is attached to."""
        if self.mission_id is not None:
            return "mission"
        if self.user_id is not None:
            return "user"
        return "role"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "target": self.target}


_COLUMNS = """id, kind, amount_cents, currency, user_id, role_name, mission_id, label,
              created_at, updated_at"""

# The precedence of resolve_rate, as one ordered lookup.
_RESOLVE_SQL = f"""SELECT {_COLUMNS} FROM rates
    WHERE org = $1 AND (mission_id = $2 OR user_id = $3 OR lower(role_name) = lower($4))
    ORDER BY CASE WHEN mission_id IS NOT NULL THEN 0 WHEN user_id IS NOT NULL THEN 1 ELSE 2 END
    LIMIT 1"""  # noqa: S608


def _amount(value: int) -> int:
    if value < 0:
        raise DomainError("rate.invalid_amount", "An amount cannot be negative", status=422)
    if value > MAX_AMOUNT_CENTS:
        raise DomainError(
            "rate.invalid_amount", f"An amount is at most {MAX_AMOUNT_CENTS} cents", status=422
        )
    return value


def _currency(value: str) -> str:
    code = value.strip().upper()
    if code not in CURRENCIES:
        raise DomainError(
            "rate.invalid_currency",
            f"Unknown currency {value!r}: use an ISO 4217 code such as EUR",
            status=422,
        )
    return code


def _role_name(value: str) -> str:
    name = value.strip()
    if not name or len(name) > 100:
        raise DomainError(
            "rate.invalid_role_name", "A role name has 1 to 100 characters", status=422
        )
    return name


def _label(value: str) -> str:
    label = value.strip()
    if len(label) > 200:
        raise DomainError("rate.invalid_label", "A label has at most 200 characters", status=422)
    return label


async def _check_user(org_id: int, user_id: int) -> None:
    if not await fetch("SELECT 1 FROM users WHERE org = $1 AND id = $2", org_id, user_id):
        raise NotFound("user.not_found", "No such user in this org")


async def _check_mission(org_id: int, mission_id: int) -> None:
    if not await fetch("SELECT 1 FROM missions WHERE org = $1 AND id = $2", org_id, mission_id):
        raise NotFound("mission.not_found", "No such mission in this org")


def _duplicate(exc: asyncpg.exceptions.UniqueViolationError) -> Conflict:
    return Conflict(
        "rate.duplicate",
        "This user, role or mission already has a rate: change that one instead",
        details={"constraint": exc.constraint_name},
    )


async def get_rate(org_id: int, rate_id: int) -> Rate:
    rows = await fetch(
        f"SELECT {_COLUMNS} FROM rates WHERE org = $1 AND id = $2",  # noqa: S608
        org_id,
        rate_id,
    )
    if not rows:
        raise NotFound("rate.not_found", "No such rate in this org")
    return Rate(**rows[0])


#: Sort keys of the rates list and the SQL each orders by (docs/api.md).
RATES = Listing(
    sorts={
        "id": "id",
        "kind": "kind",
        "amount_cents": "amount_cents",
        "currency": "currency",
        "role_name": "lower(role_name)",
        "label": "lower(label)",
        "created_at": "created_at",
        "updated_at": "updated_at",
    },
    default="id",
    item=RateOut,
)


async def list_rates(
    org_id: int,
    listing: ListQuery,
    *,
    user_id: int | None = None,
    mission_id: int | None = None,
    role_name: str | None = None,
    kind: str | None = None,
) -> tuple[list[Rate], int]:
    """Rates of the org, filtered by what they are attached to; a ``user_id`` or
    ``mission_id`` that is not the org's is a 404 like every filter."""
    await check_filter("users", org_id, user_id, "user")
    await check_filter("missions", org_id, mission_id, "mission")
    where = ["org = $1"]
    args: list[Any] = [org_id]
    for condition, value in (
        ("user_id = ${}", user_id),
        ("mission_id = ${}", mission_id),
        ("lower(role_name) = lower(${})", role_name.strip() if role_name else None),
        ("kind = ${}", kind),
    ):
        if value is not None:
            args.append(value)
            where.append(condition.format(len(args)))
    clause = " AND ".join(where)
    total = (await fetch(f"SELECT count(*) AS n FROM rates WHERE {clause}", *args))[0]["n"]  # noqa: S608
    listing.check_page(total)
    rows = await fetch(
        f"SELECT {_COLUMNS} FROM rates WHERE {clause}"  # noqa: S608
        f" ORDER BY {RATES.order_by(listing)} LIMIT {listing.page_size} OFFSET {listing.offset}",
        *args,
    )
    return [Rate(**r) for r in rows], total


async def create_rate(principal: Principal, data: RateCreate) -> Rate:
    targets = [t for t in (data.user_id, data.role_name, data.mission_id) if t is not None]
    if len(targets) != 1:
        raise DomainError(
            "rate.invalid_target",
            "Attach a rate to exactly one of user_id, role_name or mission_id",
            status=422,
        )
    if data.user_id is not None:
        await _check_user(principal.org_id, data.user_id)
    if data.mission_id is not None:
        await _check_mission(principal.org_id, data.mission_id)
    role_name = _role_name(data.role_name) if data.role_name is not None else None
    values = (data.kind, _amount(data.amount_cents), _currency(data.currency), _label(data.label))
    async with transaction():
        try:
            rows = await fetch(
                """INSERT INTO rates
                       (org, kind, amount_cents, currency, label, user_id, role_name, mission_id)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id""",
                principal.org_id,
                *values,
                data.user_id,
                role_name,
                data.mission_id,
            )
        except asyncpg.exceptions.UniqueViolationError as exc:
            raise _duplicate(exc) from exc
        rate_id = int(rows[0]["id"])
        await record(
            principal.org_id,
            principal.account_id,
            "rate.created",
            f"rate:{rate_id}",
            {"kind": data.kind, "amount_cents": values[1], "currency": values[2]},
        )
    return await get_rate(principal.org_id, rate_id)


async def update_rate(principal: Principal, rate_id: int, data: RateUpdate) -> Rate:
    async with transaction():
        await fetch(
            "SELECT 1 FROM rates WHERE org = $1 AND id = $2 FOR UPDATE", principal.org_id, rate_id
        )
        current = await get_rate(principal.org_id, rate_id)
        kind = current.kind if data.kind is UNSET else data.kind
        amount = current.amount_cents if data.amount_cents is UNSET else _amount(data.amount_cents)
        currency = current.currency if data.currency is UNSET else _currency(data.currency)
        label = current.label if data.label is UNSET else _label(data.label)
        await fetch(
            """UPDATE rates SET kind = $3, amount_cents = $4, currency = $5, label = $6,
                   updated_at = now()
               WHERE org = $1 AND id = $2""",
            principal.org_id,
            rate_id,
            kind,
            amount,
            currency,
            label,
        )
        await record_change(
            principal.org_id,
            principal.account_id,
            "rate.updated",
            f"rate:{rate_id}",
            asdict(current),
            {"kind": kind, "amount_cents": amount, "currency": currency, "label": label},
        )
    return await get_rate(principal.org_id, rate_id)


async def delete_rate(principal: Principal, rate_id: int) -> None:
    async with transaction():
        await get_rate(principal.org_id, rate_id)
        await fetch("DELETE FROM rates WHERE org = $1 AND id = $2", principal.org_id, rate_id)
        await record(principal.org_id, principal.account_id, "rate.deleted", f"rate:{rate_id}")


async def resolve_rate(
    org_id: int,
    user_id: int | None,
    mission_id: int | None,
    role_name: str | None,
) -> Rate | None:
    """The rate that applies to ``user_id`` working as ``role_name`` on ``mission_id``.

    Precedence, most specific first:

    1. the rate of the mission (a negotiated price for that date or venue);
    2. the rate of the user (their personal contract);
    3. the rate of the mission role name, org-wide (e.g. "technicien son"),
       compared without case and surrounding spaces.

    The first level that has a rate wins; levels whose argument is ``None`` are
    skipped, and ``None`` is returned when no level has a rate. A user or
    mission id that is not in the org is a :class:`NotFound`, never a silent miss.
    """
    if user_id is not None:
        await _check_user(org_id, user_id)
    if mission_id is not None:
        await _check_mission(org_id, mission_id)
    role = role_name.strip() if role_name is not None and role_name.strip() else None
    if user_id is None and mission_id is None and role is None:
        return None
    rows = await fetch(
        _RESOLVE_SQL,
        org_id,
        mission_id,
        user_id,
        role,
    )
    return Rate(**rows[0]) if rows else None
