"""Domain events the core fires after a transaction commits.

Every event carries the org it belongs to; the host delivers it only to
plugins that org has enabled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, kw_only=True)
class DomainEvent:
    org_id: int
    actor_account_id: int | None = None
    at: dt.datetime = field(default_factory=_now)

    @property
    def kind(self) -> str:
        return type(self).__name__


@dataclass(frozen=True, kw_only=True)
class OrgCreated(DomainEvent):
    name: str
    slug: str


@dataclass(frozen=True, kw_only=True)
class MemberAdded(DomainEvent):
    account_id: int
    email: str
    role: str
