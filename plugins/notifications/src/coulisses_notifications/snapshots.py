"""What a mission looked like when its crew was last told, to name what an update changed.

The core's ``mission_changed`` event says that a mission changed, not how:
the plugin keeps the times and place it announced, and compares.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coulisses_notifications.tables import MissionSnapshot


@dataclass(frozen=True)
class Snapshot:
    title: str
    place: str
    starts_at: dt.datetime
    ends_at: dt.datetime


async def get(org_id: int, mission_id: int) -> Snapshot | None:
    row = (
        await MissionSnapshot.select(
            MissionSnapshot.title,
            MissionSnapshot.place,
            MissionSnapshot.starts_at,
            MissionSnapshot.ends_at,
        )
        .where((MissionSnapshot.org_id == org_id) & (MissionSnapshot.mission_id == mission_id))
        .first()
    )
    return Snapshot(**row) if row else None


async def remember(org_id: int, mission_id: int, snapshot: Snapshot) -> None:
    await MissionSnapshot.raw(
        """INSERT INTO notifications_mission_snapshots
               (org_id, mission_id, title, place, starts_at, ends_at, updated_at)
           VALUES ({}, {}, {}, {}, {}, {}, now())
           ON CONFLICT (mission_id) DO UPDATE SET title = EXCLUDED.title,
               place = EXCLUDED.place, starts_at = EXCLUDED.starts_at,
               ends_at = EXCLUDED.ends_at, updated_at = now()
           WHERE notifications_mission_snapshots.org_id = EXCLUDED.org_id""",
        org_id,
        mission_id,
        snapshot.title[:200],
        snapshot.place[:200],
        snapshot.starts_at,
        snapshot.ends_at,
    )
