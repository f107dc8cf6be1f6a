"""Availability windows: one-off and recurring (DST-correct), approval workflow, bad input,
tenant isolation, and the unavailable intervals the conflict checks read."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from coulisses.db.connection import fetch
from tests.helpers import PASSWORD, OrgSession, error_code, signup

URL = "/api/v1/availability"
MEMBERS = "/api/v1/orgs/current/members"
PARIS = ZoneInfo("Europe/Paris")


async def _user(org: OrgSession, **fields: Any) -> dict[str, Any]:
    body = {"first_name": "Lea", "last_name": "Roux", "employment_type": "Intermittent"}
    body.update(fields)
    response = await org.post("/api/v1/users", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _member(owner: OrgSession, new_client: Any, email: str, role: str) -> OrgSession:
    """A member of the owner's org, logged in on its own client."""
    from coulisses.auth.tables import hash_password

    invited = await owner.post(MEMBERS, json={"email": email, "role": role})
    assert invited.status_code == 201, invited.text
    await fetch(
        "UPDATE accounts SET password = $2 WHERE username = $1", email, hash_password(PASSWORD)
    )
    c = new_client()
    response = await c.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    body = response.json()
    return OrgSession(c, body["org_id"], body["account_id"], email)


async def _window(org: OrgSession, **fields: Any) -> dict[str, Any]:
    response = await org.post(URL, json=fields)
    assert response.status_code == 201, response.text
    return dict(response.json())


def _local(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value).astimezone(PARIS)


async def test_manager_window_is_approved_at_once_and_can_be_edited_and_deleted(client):
    org = await signup(client)
    user = await _user(org)
    window = await _window(
        org,
        user_id=user["id"],
        kind="unavailable",
        starts_at="2027-07-14T00:00:00+02:00",
        ends_at="2027-07-15T00:00:00+02:00",
        note=" fete ",
    )
    assert window["status"] == "APPROVED"
    assert window["recurring"] is False
    assert window["note"] == "fete"
    assert window["decided_by"] == org.account_id

    got = await org.get(f"{URL}/{window['id']}")
    assert got.status_code == 200
    assert got.json() == window

    patched = await org.patch(
        f"{URL}/{window['id']}", json={"ends_at": "2027-07-16T00:00:00+02:00", "kind": "available"}
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["kind"] == "available"
    assert patched.json()["status"] == "APPROVED"
    assert _local(patched.json()["ends_at"]).day == 16

    listing = await org.get(
        URL,
        params={"from": "2027-07-01T00:00:00Z", "to": "2027-08-01T00:00:00Z", "user": user["id"]},
    )
    assert listing.status_code == 200, listing.text
    [occurrence] = listing.json()["items"]
    assert occurrence["window_id"] == window["id"]
    assert occurrence["starts_at"] == "2027-07-14T00:00:00+02:00"

    assert (await org.delete(f"{URL}/{window['id']}")).status_code == 204
    gone = await org.get(f"{URL}/{window['id']}")
    assert gone.status_code == 404
    assert error_code(gone) == "availability.not_found"


async def test_weekly_recurring_window_keeps_local_hours_across_dst(client):
    org = await signup(client)
    user = await _user(org)
    window = await _window(
        org,
        user_id=user["id"],
        kind="available",
        rrule="RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8",
        start_date="2027-03-08",
        start_time="09:00",
        duration_minutes=480,
    )
    assert window["recurring"] is True
    assert window["rrule"] == "FREQ=WEEKLY;BYDAY=MO;COUNT=8"
    assert window["start_time"] == "09:00"
    # The window spans its series: first Monday 09:00 to last Monday 17:00.
    assert _local(window["starts_at"]) == dt.datetime(2027, 3, 8, 9, tzinfo=PARIS)
    assert _local(window["ends_at"]) == dt.datetime(2027, 4, 26, 17, tzinfo=PARIS)

    listing = await org.get(
        URL, params={"from": "2027-03-01T00:00:00+01:00", "to": "2027-06-01T00:00:00+02:00"}
    )
    occurrences = listing.json()["items"]
    assert len(occurrences) == 8
    offsets = set()
    for item in occurrences:
        assert item["window_id"] == window["id"]
        assert item["recurring"] is True
        starts, ends = _local(item["starts_at"]), _local(item["ends_at"])
        assert (starts.hour, starts.minute, ends.hour, ends.minute) == (9, 0, 17, 0)
        assert starts.weekday() == 0
        offsets.add(dt.datetime.fromisoformat(item["starts_at"]).utcoffset())
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}

    # A narrower window returns only the occurrences that overlap it.
    narrow = await org.get(
        URL, params={"from": "2027-03-29T12:00:00+02:00", "to": "2027-04-05T09:00:00+02:00"}
    )
    assert [_local(o["starts_at"]).day for o in narrow.json()["items"]] == [29]


async def test_recurring_windows_follow_the_org_timezone(client):
    org = await signup(client)
    assert (
        await org.patch("/api/v1/orgs/current", json={"timezone": "America/New_York"})
    ).status_code == 200
    user = await _user(org)
    await _window(
        org,
        user_id=user["id"],
        kind="unavailable",
        rrule="FREQ=DAILY;UNTIL=20271107T235959",
        start_date="2027-11-05",
        start_time="20:00",
        duration_minutes=60,
    )
    listing = await org.get(
        URL, params={"from": "2027-11-01T00:00:00Z", "to": "2027-11-30T00:00:00Z"}
    )
    # New York leaves DST on 7 November 2027: 20:00 local is 00:00 UTC, then 01:00 UTC.
    starts = [dt.datetime.fromisoformat(o["starts_at"]) for o in listing.json()["items"]]
    assert [s.astimezone(dt.UTC).hour for s in starts] == [0, 0, 1]
    assert {s.astimezone(ZoneInfo("America/New_York")).hour for s in starts} == {20}


async def test_tech_requests_for_own_user_and_a_manager_decides(client, new_client):
    owner = await signup(client)
    tech = await _member(owner, new_client, "tech@example.org", "tech")
    manager = await _member(owner, new_client, "regie@example.org", "manager")
    own = await _user(owner, account_id=tech.account_id)
    other = await _user(owner, first_name="Paul")
    one_off = {
        "kind": "unavailable",
        "starts_at": "2027-07-20T08:00:00+02:00",
        "ends_at": "2027-07-20T18:00:00+02:00",
    }

    requested = await _window(tech, user_id=own["id"], **one_off)
    assert requested["status"] == "REQUESTED"
    assert requested["requested_by"] == tech.account_id
    assert requested["decided_by"] is None

    not_own = await tech.post(URL, json={"user_id": other["id"], **one_off})
    assert not_own.status_code == 403
    assert error_code(not_own) == "availability.not_own"
    approve_own = await tech.post(f"{URL}/{requested['id']}/approve")
    assert approve_own.status_code == 403

    approved = await manager.post(f"{URL}/{requested['id']}/approve")
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "APPROVED"
    assert approved.json()["decided_by"] == manager.account_id
    again = await manager.post(f"{URL}/{requested['id']}/refuse")
    assert again.status_code == 409
    assert error_code(again) == "availability.invalid_transition"

    second = await _window(tech, user_id=own["id"], **{**one_off, "kind": "available"})
    refused = await manager.post(f"{URL}/{second['id']}/refuse", json={"reason": "festival"})
    assert refused.status_code == 200, refused.text
    assert refused.json()["status"] == "REFUSED"
    assert refused.json()["decision_reason"] == "festival"
    replay = await manager.post(f"{URL}/{second['id']}/approve")
    assert replay.status_code == 409
    assert error_code(replay) == "availability.invalid_transition"

    # A tech's change to their own window needs approval again.
    changed = await tech.patch(f"{URL}/{requested['id']}", json={"note": "concert"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["status"] == "REQUESTED"
    assert changed.json()["decided_by"] is None

    manager_window = await _window(manager, user_id=other["id"], **one_off)
    assert manager_window["status"] == "APPROVED"
    forbidden = await tech.patch(f"{URL}/{manager_window['id']}", json={"note": "x"})
    assert forbidden.status_code == 403
    assert (await tech.delete(f"{URL}/{manager_window['id']}")).status_code == 403
    assert (await tech.delete(f"{URL}/{second['id']}")).status_code == 204

    pending = await manager.get(f"{URL}/windows", params={"status": "REQUESTED"})
    assert [w["id"] for w in pending.json()["items"]] == [requested["id"]]
    audit = await fetch(
        "SELECT action FROM audit_log WHERE org = $1 AND action LIKE 'availability.%' ORDER BY id",
        owner.org_id,
    )
    assert [a["action"] for a in audit] == [
        "availability.created",
        "availability.approved",
        "availability.created",
        "availability.refused",
        "availability.updated",
        "availability.created",
        "availability.deleted",
    ]


async def test_patch_switches_between_one_off_and_recurring(client):
    org = await signup(client)
    user = await _user(org)
    window = await _window(
        org,
        user_id=user["id"],
        kind="unavailable",
        starts_at="2027-07-20T08:00:00+02:00",
        ends_at="2027-07-20T18:00:00+02:00",
    )
    mixed = await org.patch(f"{URL}/{window['id']}", json={"rrule": "FREQ=DAILY;COUNT=2"})
    assert mixed.status_code == 422
    assert error_code(mixed) == "availability.invalid_window"

    recurring = await org.patch(
        f"{URL}/{window['id']}",
        json={
            "starts_at": None,
            "ends_at": None,
            "rrule": "FREQ=DAILY;COUNT=3",
            "start_date": "2027-07-20",
            "start_time": "08:00",
            "duration_minutes": 600,
        },
    )
    assert recurring.status_code == 200, recurring.text
    assert recurring.json()["recurring"] is True
    assert _local(recurring.json()["ends_at"]) == dt.datetime(2027, 7, 22, 18, tzinfo=PARIS)

    longer = await org.patch(f"{URL}/{window['id']}", json={"rrule": "FREQ=DAILY;COUNT=5"})
    assert longer.status_code == 200, longer.text
    assert _local(longer.json()["ends_at"]).day == 24

    back = await org.patch(
        f"{URL}/{window['id']}",
        json={
            "rrule": None,
            "start_date": None,
            "start_time": None,
            "duration_minutes": None,
            "starts_at": "2027-08-01T00:00:00+02:00",
            "ends_at": "2027-08-02T00:00:00+02:00",
        },
    )
    assert back.status_code == 200, back.text
    assert back.json()["recurring"] is False
    assert back.json()["rrule"] is None


async def test_bad_input_is_refused_with_stable_codes_and_nothing_written(client):
    org = await signup(client)
    user = await _user(org)
    base: dict[str, Any] = {"user_id": user["id"], "kind": "unavailable"}
    recurring = {
        **base,
        "start_date": "2027-03-01",
        "start_time": "09:00",
        "duration_minutes": 60,
    }
    cases = [
        (
            {**base, "starts_at": "2027-07-02T10:00:00Z", "ends_at": "2027-07-02T09:00:00Z"},
            422,
            "availability.ends_before_starts",
        ),
        (
            {**base, "starts_at": "2027-07-02T10:00:00Z", "ends_at": "2027-07-02T10:00:00Z"},
            422,
            "availability.ends_before_starts",
        ),
        (
            {**base, "starts_at": "2027-07-02T10:00:00", "ends_at": "2027-07-02T12:00:00"},
            422,
            "validation.naive_datetime",
        ),
        (
            {**base, "starts_at": "2027-13-02T10:00:00Z", "ends_at": "2027-07-02T12:00:00Z"},
            400,
            "request.validation",
        ),
        ({**base, "starts_at": "2027-07-02T10:00:00Z"}, 422, "availability.invalid_window"),
        ({**recurring, "rrule": "FREQ=SOMETIMES;COUNT=2"}, 422, "availability.invalid_rrule"),
        ({**recurring, "rrule": "FREQ=WEEKLY;BYDAY=XX;COUNT=2"}, 422, "availability.invalid_rrule"),
        ({**recurring, "rrule": "FREQ=WEEKLY;BYDAY=MO"}, 422, "availability.unbounded_rrule"),
        ({**recurring, "rrule": "FREQ=DAILY;COUNT=5000"}, 422, "availability.rrule_too_long"),
        ({**recurring, "rrule": "FREQ=WEEKLY;UNTIL=20350101"}, 422, "availability.rrule_too_long"),
        (
            {**recurring, "rrule": "FREQ=WEEKLY;COUNT=2", "start_time": "25:00"},
            422,
            "availability.invalid_start_time",
        ),
        (
            {**recurring, "rrule": "FREQ=WEEKLY;COUNT=2", "duration_minutes": 0},
            400,
            "request.validation",
        ),
        (
            {**recurring, "rrule": "FREQ=WEEKLY;COUNT=2", "start_date": "2027-02-30"},
            400,
            "request.validation",
        ),
        ({**recurring, "duration_minutes": 60}, 422, "availability.invalid_window"),
        (
            {
                **recurring,
                "rrule": "FREQ=WEEKLY;COUNT=2",
                "starts_at": "2027-07-02T10:00:00Z",
                "ends_at": "2027-07-02T12:00:00Z",
            },
            422,
            "availability.invalid_window",
        ),
        ({**base, "kind": "maybe"}, 400, "request.validation"),
        ({**base, "color": "red"}, 400, "request.validation"),
        (
            {
                **base,
                "user_id": 999999,
                "starts_at": "2027-07-02T10:00:00Z",
                "ends_at": "2027-07-02T12:00:00Z",
            },
            404,
            "user.not_found",
        ),
    ]
    for body, status, code in cases:
        response = await org.post(URL, json=body)
        assert response.status_code == status, (body, response.text)
        assert error_code(response) == code, (body, response.text)
    assert (await org.get(f"{URL}/windows")).json()["total"] == 0

    # The listing reads its window like /planning and /conflicts (one parser, same codes).
    for params, status, code in [
        ({"from": "2027-07-02T00:00:00Z"}, 400, "request.validation"),
        (
            {"from": "2027-07-02T00:00:00Z", "to": "2027-07-01T00:00:00Z"},
            422,
            "validation.invalid_window",
        ),
        ({"from": "2027-07-02", "to": "2027-07-01"}, 422, "validation.invalid_window"),
        ({"from": "yesterday", "to": "2027-07-01T00:00:00Z"}, 422, "validation.invalid_date"),
        ({"from": "0001-01-01", "to": "2027-07-01"}, 422, "validation.invalid_date"),
        (
            {"from": "2027-01-01T00:00:00Z", "to": "2029-01-01T00:00:00Z"},
            422,
            "validation.window_too_long",
        ),
        (
            {"from": "2027-07-01T00:00:00", "to": "2027-07-02T00:00:00"},
            422,
            "validation.naive_datetime",
        ),
    ]:
        response = await org.get(URL, params=params)
        assert response.status_code == status, (params, response.text)
        assert error_code(response) == code, params
    too_long = await org.get(URL, params={"from": "2027-01-01", "to": "2028-01-02"})
    assert too_long.json()["error"]["details"] == {"max_days": 366}
    # A date is a local day in the org timezone; a date `to` includes its day.
    days = await org.get(URL, params={"from": "2027-01-01", "to": "2027-12-31"})
    assert days.status_code == 200, days.text


async def test_other_org_ids_are_not_found(client, new_client):
    org_a = await signup(client)
    org_b = await signup(new_client())
    user_a = await _user(org_a)
    window = await _window(
        org_a,
        user_id=user_a["id"],
        kind="unavailable",
        starts_at="2027-07-20T08:00:00+02:00",
        ends_at="2027-07-20T18:00:00+02:00",
    )
    wid = window["id"]
    for response in [
        await org_b.get(f"{URL}/{wid}"),
        await org_b.patch(f"{URL}/{wid}", json={"note": "x"}),
        await org_b.delete(f"{URL}/{wid}"),
        await org_b.post(f"{URL}/{wid}/approve"),
        await org_b.post(f"{URL}/{wid}/refuse"),
        await org_b.get(
            URL,
            params={
                "from": "2027-07-01T00:00:00Z",
                "to": "2027-08-01T00:00:00Z",
                "user": user_a["id"],
            },
        ),
        await org_b.post(
            URL,
            json={
                "user_id": user_a["id"],
                "kind": "available",
                "starts_at": "2027-07-20T08:00:00+02:00",
                "ends_at": "2027-07-20T18:00:00+02:00",
            },
        ),
    ]:
        assert response.status_code == 404, response.text
    everything = await org_b.get(
        URL, params={"from": "2027-07-01T00:00:00Z", "to": "2027-08-01T00:00:00Z"}
    )
    assert everything.json()["items"] == []
    assert (await org_b.get(f"{URL}/windows")).json()["total"] == 0
    assert (await org_a.get(f"{URL}/{wid}")).json()["note"] == ""


async def test_unavailable_intervals_are_approved_unavailable_windows_expanded_and_merged(
    client, new_client
):
    from coulisses.scheduling.availability.service import unavailable_intervals

    owner = await signup(client)
    tech = await _member(owner, new_client, "tech2@example.org", "tech")
    lea = await _user(owner, account_id=tech.account_id)
    paul = await _user(owner, first_name="Paul")
    nobody = await _user(owner, first_name="Zoe")
    # Approved: a weekly Tuesday evening, and a one-off that touches one of them.
    await _window(
        owner,
        user_id=lea["id"],
        kind="unavailable",
        rrule="FREQ=WEEKLY;BYDAY=TU;UNTIL=20270731",
        start_date="2027-07-06",
        start_time="18:00",
        duration_minutes=120,
    )
    await _window(
        owner,
        user_id=lea["id"],
        kind="unavailable",
        starts_at="2027-07-13T20:00:00+02:00",
        ends_at="2027-07-13T23:00:00+02:00",
    )
    # Not counted: an available window, a pending request, another user's one outside the range.
    await _window(
        owner,
        user_id=lea["id"],
        kind="available",
        starts_at="2027-07-01T00:00:00+02:00",
        ends_at="2027-07-31T00:00:00+02:00",
    )
    await _window(
        tech,
        user_id=lea["id"],
        kind="unavailable",
        starts_at="2027-07-15T00:00:00+02:00",
        ends_at="2027-07-16T00:00:00+02:00",
    )
    await _window(
        owner,
        user_id=paul["id"],
        kind="unavailable",
        starts_at="2027-09-01T00:00:00+02:00",
        ends_at="2027-09-02T00:00:00+02:00",
    )

    start = dt.datetime(2027, 7, 8, tzinfo=PARIS)
    end = dt.datetime(2027, 7, 21, tzinfo=PARIS)
    found = await unavailable_intervals(
        owner.org_id, [lea["id"], paul["id"], nobody["id"]], start, end
    )
    assert found[paul["id"]] == []
    assert found[nobody["id"]] == []
    assert [(b.astimezone(PARIS), e.astimezone(PARIS)) for b, e in found[lea["id"]]] == [
        (dt.datetime(2027, 7, 13, 18, tzinfo=PARIS), dt.datetime(2027, 7, 13, 23, tzinfo=PARIS)),
        (dt.datetime(2027, 7, 20, 18, tzinfo=PARIS), dt.datetime(2027, 7, 20, 20, tzinfo=PARIS)),
    ]
    other_org = await unavailable_intervals(owner.org_id + 1000, [lea["id"]], start, end)
    assert other_org == {lea["id"]: []}
