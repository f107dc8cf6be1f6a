"""Quiet hours: the window arithmetic (pure), and deferral end to end."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from notifications_support import invitation_link, invite, make_mission, make_user, sent_messages

from coulisses_notifications.quiet import is_urgent, quiet_until
from coulisses_sdk.testing import run_deferred_jobs, run_jobs

PARIS = ZoneInfo("Europe/Paris")


def paris(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("now", "start", "end", "expected"),
    [
        (paris(2027, 7, 10, 23, 30), "22:00", "08:00", paris(2027, 7, 11, 8, 0)),
        (paris(2027, 7, 11, 2, 0), "22:00", "08:00", paris(2027, 7, 11, 8, 0)),
        (paris(2027, 7, 11, 8, 0), "22:00", "08:00", None),
        (paris(2027, 7, 11, 21, 59), "22:00", "08:00", None),
        (paris(2027, 7, 11, 22, 0), "22:00", "08:00", paris(2027, 7, 12, 8, 0)),
        (paris(2027, 7, 11, 13, 30), "13:00", "14:00", paris(2027, 7, 11, 14, 0)),
        (paris(2027, 7, 11, 14, 30), "13:00", "14:00", None),
        (paris(2027, 7, 11, 3, 0), "00:00", "00:00", None),  # equal bounds: no quiet hours
        # DST: the night of 31 March 2027 is 1 hour shorter, 8:00 is still 8:00 local.
        (paris(2027, 3, 27, 23, 0), "22:00", "08:00", paris(2027, 3, 28, 8, 0)),
        # A window ending at 02:30 on the night clocks jump from 02:00 to 03:00.
        (paris(2027, 3, 28, 1, 0), "22:00", "02:30", paris(2027, 3, 28, 3, 30)),
    ],
)
def test_quiet_until_gives_the_end_of_the_window_now_falls_in(now, start, end, expected):
    assert quiet_until(now, "Europe/Paris", start, end) == expected


def test_a_message_is_urgent_when_waiting_would_leave_less_than_the_margin():
    end = paris(2027, 7, 11, 8, 0)
    margin = dt.timedelta(hours=2)
    assert is_urgent(end, paris(2027, 7, 11, 9, 0), margin)
    assert not is_urgent(end, paris(2027, 7, 11, 10, 30), margin)
    assert not is_urgent(end, None, margin)


def _window_around_now(before: int, after: int) -> dict[str, str]:
    now = dt.datetime.now(PARIS)
    return {
        "quiet_start": (now - dt.timedelta(hours=before)).strftime("%H:%M"),
        "quiet_end": (now + dt.timedelta(hours=after)).strftime("%H:%M"),
    }


async def test_quiet_hours_defer_the_email_to_their_end_then_it_is_sent(
    org, enable_plugin, smtp_sink
):
    window = _window_around_now(1, 3)
    await enable_plugin(org, "notifications", config=window)
    user = await make_user(org)
    await invite(org, await make_mission(org), user)
    await run_jobs()
    await run_jobs()

    assert smtp_sink.to(user["email"]) == []
    [message] = await sent_messages(org)
    assert message["status"] == "deferred"
    expected = quiet_until(dt.datetime.now(dt.UTC), "Europe/Paris", **_kw(window))
    assert dt.datetime.fromisoformat(message["scheduled_for"]) == expected

    await run_deferred_jobs()  # the end of the quiet hours comes

    [email] = smtp_sink.to(user["email"])
    invitation_link(email)
    [message] = await sent_messages(org)
    assert message["status"] == "sent"


async def test_urgent_message_goes_at_once_even_in_quiet_hours(org, enable_plugin, smtp_sink):
    await enable_plugin(org, "notifications", config=_window_around_now(1, 3))
    user = await make_user(org)
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)  # before the quiet hours end
    mission = await make_mission(
        org,
        starts_at=soon.isoformat(),
        ends_at=(soon + dt.timedelta(hours=4)).isoformat(),
    )
    await invite(org, mission, user)
    await run_jobs()
    await run_jobs()

    assert len(smtp_sink.to(user["email"])) == 1


async def test_member_quiet_hours_override_the_org_default(org, enable_plugin, smtp_sink):
    await enable_plugin(org, "notifications", config=_window_around_now(1, 3))
    prefs = (await org.get("/api/v1/notifications/preferences")).json()
    assert prefs["quiet_hours_from_org"] is True
    response = await org.put(
        "/api/v1/notifications/preferences", json={"quiet_start": "00:00", "quiet_end": "00:00"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["quiet_hours_from_org"] is False
    # The owner invited the user, so the owner manages the project and hears the answer.
    user = await make_user(org)
    await invite(org, await make_mission(org), user)
    await run_jobs()
    await run_jobs()
    assert smtp_sink.messages == []  # the crew member is in the org's quiet hours

    await run_deferred_jobs()
    invitation_id, token = invitation_link(smtp_sink.to(user["email"])[0])
    await org.client.post(f"/api/v1/invitations/{invitation_id}/accept", params={"token": token})
    await run_jobs()
    await run_jobs()
    assert len(smtp_sink.to(org.email)) == 1  # the owner has no quiet hours


def _kw(window: dict[str, str]) -> dict[str, str]:
    return {"start": window["quiet_start"], "end": window["quiet_end"]}
