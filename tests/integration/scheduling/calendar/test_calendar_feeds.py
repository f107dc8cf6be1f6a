"""Calendar feeds: the ICS text (parsed back with icalendar and checked by the strict
``ical`` parser), DST, UIDs, SEQUENCE, statuses, ETag, revocation, roles and log hygiene.

Missions are placed relative to today: a feed lists 30 days back to a year ahead.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import httpx
import icalendar
from ical.calendar_stream import IcsCalendarStream

from coulisses.db.connection import fetch
from tests.helpers import OrgSession, error_code, signup
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import (
    invite,
    make_mission,
    make_place,
    make_project,
    make_user,
)

MINE = "/api/v1/calendar-feeds/mine"
MONTREAL = ZoneInfo("America/Montreal")
PARIS = ZoneInfo("Europe/Paris")


def _path(url: str) -> str:
    return urlsplit(url).path


def _local(day: dt.date, hour: int, tz: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=tz)


def _next_spring_forward(tz: ZoneInfo) -> dt.date:
    """The next day (from a week ahead) whose local UTC offset is larger than the day
    before's: the clocks go forward that night."""
    day = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=7)
    for _ in range(366):
        before = _local(day - dt.timedelta(days=1), 12, tz).utcoffset()
        after = _local(day, 12, tz).utcoffset()
        assert before is not None
        assert after is not None
        if after > before:
            return day
        day += dt.timedelta(days=1)
    raise AssertionError("no DST change within a year")


async def _setup(client: httpx.AsyncClient) -> tuple[OrgSession, dict[str, Any], dict[str, Any]]:
    """An org whose owner is also a person of the org, and an undated project."""
    org = await signup(client)
    me = await make_user(org, account_id=org.account_id, first_name="Lea", last_name="Roy")
    project = await make_project(org, name="Tournee", starts_on=None, ends_on=None)
    return org, me, project


async def _mission(
    org: OrgSession, project_id: int, starts: dt.datetime, hours: int = 3, **fields: Any
) -> dict[str, Any]:
    return await make_mission(
        org,
        project_id,
        starts_at=starts.isoformat(),
        ends_at=(starts + dt.timedelta(hours=hours)).isoformat(),
        **fields,
    )


async def _accepted(org: OrgSession, mission: dict[str, Any], user_id: int) -> dict[str, Any]:
    assignment = await invite(org, mission["roles"][0]["id"], user_id)
    answered = await org.post(f"/api/v1/assignments/{assignment['id']}/accept")
    assert answered.status_code == 200, answered.text
    return dict(answered.json())


async def _read(client: httpx.AsyncClient, url: str) -> icalendar.Calendar:
    """The feed at ``url``, checked by the strict parser, parsed by icalendar."""
    response = await client.get(_path(url))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.headers["cache-control"].startswith("private")
    text = response.text
    # The strict RFC 5545 reader (allenporter/ical) raises on any invalid component.
    strict = IcsCalendarStream.calendar_from_ics(text)
    cal = icalendar.Calendar.from_ical(text)
    assert len(strict.events) == len(cal.walk("VEVENT"))
    for event in cal.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "STATUS", "SUMMARY"):
            assert required in event, (required, event)
    # A VTIMEZONE for every TZID used, and none unused.
    used = {str(e["DTSTART"].params["TZID"]) for e in cal.walk("VEVENT")}
    used |= {str(e["DTEND"].params["TZID"]) for e in cal.walk("VEVENT")}
    assert {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")} == used
    return cal


def _events(cal: icalendar.Calendar) -> dict[str, Any]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


async def test_a_persons_feed_lists_their_accepted_missions_in_local_time_across_dst(client):
    org, me, project = await _setup(client)
    place = await make_place(org, name="Theatre Outremont", address="1248 avenue Bernard, Montreal")
    # The night the clocks go forward in Montreal: 22:00 to 04:00 local is 5 hours.
    change = _next_spring_forward(MONTREAL)
    night_start = _local(change - dt.timedelta(days=1), 22, MONTREAL)
    night_end = _local(change, 4, MONTREAL)
    night = await make_mission(
        org,
        project["id"],
        title="Montage Outremont",
        starts_at=night_start.isoformat(),
        ends_at=night_end.isoformat(),
        place_id=place["id"],
    )
    assert night["duration_minutes"] == 5 * 60
    # No place: the org's timezone (Europe/Paris).
    soon = _local(dt.datetime.now(dt.UTC).date() + dt.timedelta(days=3), 19, PARIS)
    paris = await _mission(org, project["id"], soon, title="Exploitation Cour", notes="Noir")
    a1 = await _accepted(org, night, me["id"])
    a2 = await _accepted(org, paris, me["id"])
    waiting = await _mission(org, project["id"], soon + dt.timedelta(days=1), title="Pas encore")
    await invite(org, waiting["roles"][0]["id"], me["id"])  # INVITED: not listed by default
    # Outside the window: more than 30 days ago.
    old = await _mission(org, project["id"], soon - dt.timedelta(days=40), title="Ancien")
    await _accepted(org, old, me["id"])

    created = await org.post(MINE)
    assert created.status_code == 201, created.text
    feed = created.json()
    assert feed["kind"] == "user"
    assert feed["subject_id"] == me["id"]
    assert feed["subject_name"] == "Lea Roy"
    assert feed["include_invited"] is False
    assert feed["last_polled_at"] is None
    assert feed["url"].startswith("http://testserver/api/v1/calendar/")
    assert feed["url"].endswith(".ics")
    assert feed["webcal_url"] == "webcal://" + feed["url"].removeprefix("http://")

    cal = await _read(client, feed["url"])
    assert str(cal["PRODID"]) == "-//Coulisses Crew//Calendar feed//FR"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["X-WR-CALNAME"]) == "Coulisses - Lea Roy"
    events = _events(cal)
    assert set(events) == {f"assignment-{a1['id']}@testserver", f"assignment-{a2['id']}@testserver"}

    montreal = events[f"assignment-{a1['id']}@testserver"]
    assert montreal["DTSTART"].params["TZID"] == "America/Montreal"
    start, end = montreal.decoded("DTSTART"), montreal.decoded("DTEND")
    assert (start.hour, end.hour) == (22, 4)  # wall-clock times at the place
    assert start == dt.datetime.fromisoformat(night["starts_at"])
    assert end == dt.datetime.fromisoformat(night["ends_at"])
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(hours=5)
    assert str(montreal["STATUS"]) == "CONFIRMED"
    assert str(montreal["SUMMARY"]) == "Montage Outremont - technicien son"
    assert str(montreal["LOCATION"]) == "Theatre Outremont, 1248 avenue Bernard, Montreal"
    assert str(montreal["URL"]) == f"http://testserver/missions/{night['id']}"
    assert "Role : technicien son" in str(montreal["DESCRIPTION"])
    assert "Projet : Tournee" in str(montreal["DESCRIPTION"])

    evening = events[f"assignment-{a2['id']}@testserver"]
    assert evening["DTSTART"].params["TZID"] == "Europe/Paris"
    assert evening.decoded("DTSTART") == soon
    assert "LOCATION" not in evening
    assert "Noir" in str(evening["DESCRIPTION"])

    # The management view never shows the address again; the poll is noted.
    seen = await org.get(MINE)
    assert seen.status_code == 200
    body = seen.json()
    assert "url" not in body
    assert "webcal_url" not in body
    assert body["last_polled_at"] is not None


async def test_include_invited_lists_invitations_as_tentative_and_declines_as_cancelled(client):
    org, me, project = await _setup(client)
    start = _local(dt.datetime.now(dt.UTC).date() + dt.timedelta(days=5), 9, PARIS)
    asked = await _mission(org, project["id"], start, title="Balances")
    refused = await _mission(org, project["id"], start + dt.timedelta(days=1), title="Demontage")
    pending = await invite(org, asked["roles"][0]["id"], me["id"])
    declined = await invite(org, refused["roles"][0]["id"], me["id"])
    answered = await org.post(
        f"/api/v1/assignments/{declined['id']}/decline", json={"reason": "Indisponible"}
    )
    assert answered.status_code == 200, answered.text

    plain = (await org.post(MINE)).json()
    assert _events(await _read(client, plain["url"])) == {}

    with_invited = await org.post(MINE, json={"include_invited": True})
    assert with_invited.status_code == 201, with_invited.text
    assert with_invited.json()["include_invited"] is True
    events = _events(await _read(client, with_invited.json()["url"]))
    tentative = events[f"assignment-{pending['id']}@testserver"]
    assert str(tentative["STATUS"]) == "TENTATIVE"
    assert str(tentative["SUMMARY"]) == "Balances - technicien son (invitation)"
    cancelled = events[f"assignment-{declined['id']}@testserver"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["TRANSP"]) == "TRANSPARENT"

    # Accepting the invitation confirms it, with a higher SEQUENCE.
    accepted = await org.post(f"/api/v1/assignments/{pending['id']}/accept")
    assert accepted.status_code == 200
    after = _events(await _read(client, with_invited.json()["url"]))
    confirmed = after[f"assignment-{pending['id']}@testserver"]
    assert str(confirmed["STATUS"]) == "CONFIRMED"
    assert confirmed["SEQUENCE"] > tentative["SEQUENCE"]


async def test_sequence_goes_up_when_the_mission_changes_and_a_cancellation_stays_listed(client):
    org, me, project = await _setup(client)
    start = _local(dt.datetime.now(dt.UTC).date() + dt.timedelta(days=10), 14, PARIS)
    mission = await _mission(org, project["id"], start, title="Exploitation")
    assignment = await _accepted(org, mission, me["id"])
    url = (await org.post(MINE)).json()["url"]
    uid = f"assignment-{assignment['id']}@testserver"

    first = _events(await _read(client, url))[uid]
    # Notes are not a significant change: same SEQUENCE, but a new DTSTAMP may follow.
    notes = await org.patch(f"/api/v1/missions/{mission['id']}", json={"notes": "Badge"})
    assert notes.status_code == 200
    same = _events(await _read(client, url))[uid]
    assert same["SEQUENCE"] == first["SEQUENCE"]

    later = start + dt.timedelta(hours=2)
    moved = await org.patch(
        f"/api/v1/missions/{mission['id']}",
        json={
            "starts_at": later.isoformat(),
            "ends_at": (later + dt.timedelta(hours=3)).isoformat(),
        },
    )
    assert moved.status_code == 200, moved.text
    second = _events(await _read(client, url))[uid]
    assert second["SEQUENCE"] == first["SEQUENCE"] + 1
    assert second.decoded("DTSTART") == later

    renamed = await org.patch(f"/api/v1/missions/{mission['id']}", json={"title": "Concert"})
    assert renamed.status_code == 200
    third = _events(await _read(client, url))[uid]
    assert third["SEQUENCE"] == second["SEQUENCE"] + 1
    assert str(third["SUMMARY"]) == "Concert - technicien son"

    cancelled = await org.post(f"/api/v1/assignments/{assignment['id']}/cancel")
    assert cancelled.status_code == 200, cancelled.text
    gone = _events(await _read(client, url))[uid]
    assert str(gone["STATUS"]) == "CANCELLED"
    assert gone["SEQUENCE"] > third["SEQUENCE"]


async def test_regenerating_kills_the_old_address_keeps_the_uids_and_deleting_ends_it(client):
    org, me, project = await _setup(client)
    start = _local(dt.datetime.now(dt.UTC).date() + dt.timedelta(days=2), 20, PARIS)
    assignment = await _accepted(org, await _mission(org, project["id"], start), me["id"])
    first = (await org.post(MINE)).json()
    uids = set(_events(await _read(client, first["url"])))
    assert uids == {f"assignment-{assignment['id']}@testserver"}

    second = (await org.post(MINE)).json()
    assert second["id"] == first["id"]
    assert second["url"] != first["url"]
    old = await client.get(_path(first["url"]))
    assert old.status_code == 404
    assert error_code(old) == "calendar_feed.not_found"
    token = _path(first["url"]).rsplit("/", 1)[1].removesuffix(".ics")
    assert token not in old.text
    assert set(_events(await _read(client, second["url"]))) == uids

    deleted = await org.delete(MINE)
    assert deleted.status_code == 204
    assert (await client.get(_path(second["url"]))).status_code == 404
    # No feed is not an error (a page asks on every visit): null.
    missing = await org.get(MINE)
    assert missing.status_code == 200, missing.text
    assert missing.json() is None
    assert (await org.delete(MINE)).status_code == 404
    # Garbage never reaches the database as a token.
    assert (await client.get("/api/v1/calendar/not-a-token")).status_code == 404
    actions = [
        r["action"]
        for r in await fetch(
            "SELECT action FROM audit_log WHERE action LIKE 'calendar_feed.%' ORDER BY id"
        )
    ]
    assert actions == [
        "calendar_feed.created",
        "calendar_feed.regenerated",
        "calendar_feed.deleted",
    ]


async def test_an_unchanged_feed_answers_304_to_its_etag(client):
    org, me, project = await _setup(client)
    start = _local(dt.datetime.now(dt.UTC).date() + dt.timedelta(days=2), 20, PARIS)
    mission = await _mission(org, project["id"], start)
    await _accepted(org, mission, me["id"])
    path = _path((await org.post(MINE)).json()["url"])

    first = await client.get(path)
    etag = first.headers["etag"]
    assert etag.startswith('"')
    again = await client.get(path)
    assert again.headers["etag"] == etag
    assert again.content == first.content

    cached = await client.get(path, headers={"If-None-Match": etag})
    assert cached.status_code == 304
    assert cached.content == b""
    assert cached.headers["etag"] == etag
    assert (await client.get(path, headers={"If-None-Match": '"other"'})).status_code == 200

    await org.patch(f"/api/v1/missions/{mission['id']}", json={"title": "Autre titre"})
    changed = await client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag


async def test_project_and_place_feeds_list_published_missions_with_their_roles_filled(client):
    org, me, project = await _setup(client)
    place = await make_place(org, name="Salle Wilfrid", timezone="America/Montreal")
    start = _local(dt.datetime.now(dt.UTC).date() + dt.timedelta(days=4), 19, MONTREAL)
    shown = await _mission(org, project["id"], start, title="Spectacle", place_id=place["id"])
    draft = await _mission(org, project["id"], start + dt.timedelta(days=1), title="Brouillon")
    published = await org.post(f"/api/v1/missions/{shown['id']}/publish")
    assert published.status_code == 200, published.text
    await _accepted(org, shown, me["id"])
    other = await make_user(org, first_name="Paul", last_name="Gagnon")
    await invite(org, shown["roles"][0]["id"], other["id"])

    created = await org.post(f"/api/v1/projects/{project['id']}/calendar-feed")
    assert created.status_code == 201, created.text
    feed = created.json()
    assert (feed["kind"], feed["subject_id"], feed["subject_name"]) == (
        "project",
        project["id"],
        "Tournee",
    )
    cal = await _read(client, feed["url"])
    assert str(cal["X-WR-CALNAME"]) == "Coulisses - Tournee"
    events = _events(cal)
    assert set(events) == {f"mission-{shown['id']}@testserver"}
    event = events[f"mission-{shown['id']}@testserver"]
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["SUMMARY"]) == "Spectacle"
    assert "- technicien son : 1/2 (1 en attente)" in str(event["DESCRIPTION"])
    assert "Gagnon" not in str(event["DESCRIPTION"])  # counts, never names
    assert event["DTSTART"].params["TZID"] == "America/Montreal"
    assert draft["id"] not in {int(u.split("-")[1].split("@")[0]) for u in events}

    place_feed = await org.post(f"/api/v1/places/{place['id']}/calendar-feed")
    assert place_feed.status_code == 201
    by_place = _events(await _read(client, place_feed.json()["url"]))
    assert str(by_place[f"mission-{shown['id']}@testserver"]["SUMMARY"]) == "Spectacle (Tournee)"

    info = await org.get(f"/api/v1/projects/{project['id']}/calendar-feed")
    assert info.status_code == 200
    assert "url" not in info.json()
    assert (await org.delete(f"/api/v1/places/{place['id']}/calendar-feed")).status_code == 204
    assert (await client.get(_path(place_feed.json()["url"]))).status_code == 404


async def test_roles_a_tech_manages_only_their_own_feed_a_manager_may_revoke_it(client, new_client):
    owner, _, project = await _setup(client)
    tech = await member_session(owner, new_client, "tech@example.org", "tech")
    manager = await member_session(owner, new_client, "manager@example.org", "manager")

    # A tech linked to no person of the org has nothing to list.
    assert (await tech.get(MINE)).json() is None
    refused = await tech.post(MINE)
    assert refused.status_code == 409
    assert error_code(refused) == "calendar_feed.no_user"

    person = await make_user(owner, account_id=tech.account_id, first_name="Ana", last_name="Tech")
    created = await tech.post(MINE)
    assert created.status_code == 201, created.text
    url = created.json()["url"]

    for method, path in (
        ("POST", f"/api/v1/projects/{project['id']}/calendar-feed"),
        ("GET", f"/api/v1/projects/{project['id']}/calendar-feed"),
        ("DELETE", f"/api/v1/projects/{project['id']}/calendar-feed"),
        ("GET", f"/api/v1/users/{person['id']}/calendar-feed"),
        ("DELETE", f"/api/v1/users/{person['id']}/calendar-feed"),
    ):
        response = await getattr(tech, method.lower())(path)
        assert response.status_code == 403, (method, path)
        assert error_code(response) == "auth.forbidden"

    assert (
        await manager.post(f"/api/v1/projects/{project['id']}/calendar-feed")
    ).status_code == 201
    # A manager sees that the person has a feed, never its address, and may revoke it.
    info = await manager.get(f"/api/v1/users/{person['id']}/calendar-feed")
    assert info.status_code == 200
    assert info.json()["subject_name"] == "Ana Tech"
    assert "url" not in info.json()
    assert (await manager.delete(f"/api/v1/users/{person['id']}/calendar-feed")).status_code == 204
    assert (await client.get(_path(url))).status_code == 404
    assert (await tech.get(MINE)).json() is None

    me = (await client.get("/api/v1/auth/me")).json()
    assert {"calendar_feeds.own", "calendar_feeds.manage"} <= set(me["actions"])


async def test_a_persons_feed_ends_when_they_leave_the_org_or_the_person_changes_account(
    client, new_client
):
    owner, _, _ = await _setup(client)
    tech = await member_session(owner, new_client, "leaver@example.org", "tech")
    person = await make_user(owner, account_id=tech.account_id, first_name="Ana", last_name="Tech")
    url = (await tech.post(MINE)).json()["url"]
    assert (await client.get(_path(url))).status_code == 200

    # Linked to another account: the old holder's address is dead.
    other = await member_session(owner, new_client, "other@example.org", "tech")
    relinked = await owner.patch(
        f"/api/v1/users/{person['id']}", json={"account_id": other.account_id}
    )
    assert relinked.status_code == 200, relinked.text
    assert (await client.get(_path(url))).status_code == 404
    relinked = await owner.patch(
        f"/api/v1/users/{person['id']}", json={"account_id": tech.account_id}
    )
    assert relinked.status_code == 200, relinked.text
    assert (await client.get(_path(url))).status_code == 200

    # Removed from the org: dead too.
    removed = await owner.delete(f"/api/v1/orgs/current/members/{tech.account_id}")
    assert removed.status_code == 204, removed.text
    gone = await client.get(_path(url))
    assert gone.status_code == 404
    assert error_code(gone) == "calendar_feed.not_found"


async def test_another_org_gets_404_on_this_orgs_feeds(client, new_client):
    a, me, project = await _setup(client)
    place = await make_place(a)
    for path in (
        f"/api/v1/projects/{project['id']}/calendar-feed",
        f"/api/v1/places/{place['id']}/calendar-feed",
    ):
        assert (await a.post(path)).status_code == 201
    assert (await a.post(MINE)).status_code == 201

    b = await signup(new_client())
    await make_user(b, account_id=b.account_id)
    expected = {
        "project": "project.not_found",
        "place": "place.not_found",
        "user": "user.not_found",
    }
    for kind, path in (
        ("project", f"/api/v1/projects/{project['id']}/calendar-feed"),
        ("place", f"/api/v1/places/{place['id']}/calendar-feed"),
        ("user", f"/api/v1/users/{me['id']}/calendar-feed"),
    ):
        for method in ("GET", "POST", "DELETE"):
            if kind == "user" and method == "POST":
                continue
            response = await getattr(b, method.lower())(path)
            assert response.status_code == 404, (method, path)
            assert error_code(response) == expected[kind]
    # B's own feed is B's person's, not A's.
    b_feed = (await b.post(MINE)).json()
    assert b_feed["subject_id"] != me["id"]
    rows = await fetch("SELECT count(*) AS n FROM calendar_feeds WHERE org = $1", a.org_id)
    assert rows[0]["n"] == 3


async def test_the_token_never_reaches_a_log_line_the_audit_log_or_the_database(client, caplog):
    caplog.set_level(logging.DEBUG)
    org, me, project = await _setup(client)
    start = _local(dt.datetime.now(dt.UTC).date() + dt.timedelta(days=2), 20, PARIS)
    await _accepted(org, await _mission(org, project["id"], start), me["id"])
    first = (await org.post(MINE)).json()
    second = (await org.post(MINE)).json()
    tokens = [_path(f["url"]).rsplit("/", 1)[1].removesuffix(".ics") for f in (first, second)]
    assert (await client.get(_path(second["url"]))).status_code == 200
    assert (await client.get(_path(first["url"]))).status_code == 404
    # uvicorn's access log line, as uvicorn formats it.
    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d', "10.9.0.1:5555", "GET", _path(second["url"]), "1.1", 200
    )

    lines = [record.getMessage() for record in caplog.records]
    assert any("/api/v1/calendar/[redacted]" in line for line in lines)  # httpx and uvicorn
    for token in tokens:
        assert all(token not in line for line in lines)
    dump = await fetch(
        """SELECT string_agg(row_to_json(a)::text, ' ') AS t FROM audit_log a
           UNION ALL SELECT string_agg(row_to_json(f)::text, ' ') FROM calendar_feeds f
           UNION ALL SELECT string_agg(row_to_json(o)::text, ' ') FROM outbox o"""
    )
    text = " ".join(r["t"] or "" for r in dump)
    for token in tokens:
        assert token not in text


async def test_unknown_addresses_from_one_client_are_rate_limited(client):
    from coulisses.settings import get_settings

    limit = get_settings().invitation_bad_token_max
    for i in range(limit):
        response = await client.get(f"/api/v1/calendar/{'x' * 30}{i}.ics")
        assert response.status_code == 404
    refused = await client.get(f"/api/v1/calendar/{'y' * 30}.ics")
    assert refused.status_code == 429
    assert error_code(refused) == "calendar_feed.rate_limited"
