"""Availability requests: a manager asks people for their availability over a period; each
answers per day and slot through their signed link (no account); the answers fill
availability windows (replaced on a new answer), the heat map counts them, and those who
have not answered are reminded once."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from typing import Any

from coulisses.db.connection import fetch
from coulisses.scheduling.availability_requests.service import reminder_cron
from coulisses.sealing import unseal
from tests.conftest import run_jobs
from tests.helpers import OrgSession, error_code, signup
from tests.integration.scheduling.conflicts.test_conflicts import _member
from tests.integration.scheduling.factories import make_place, make_user

URL = "/api/v1/availability-requests"
PUBLIC = "/api/v1/availability-answers"
LINK = re.compile(r"/availability-answers/(\d+)\?token=([\w-]+)")
SLOTS = [
    {"key": "montage", "label": "Montage", "start": "08:00", "end": "13:00"},
    {"key": "soir", "label": "Soir", "start": "18:00", "end": "02:00"},
]


def _in(hours: float) -> str:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)).isoformat()


async def _crew(org: OrgSession, *names: str) -> list[dict[str, Any]]:
    return [
        await make_user(org, first_name=n, last_name="Test", email=f"{n.lower()}@example.org")
        for n in names
    ]


async def _create(org: OrgSession, user_ids: list[int], **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Festival 2027",
        "starts_on": "2027-07-10",
        "ends_on": "2027-07-12",
        "slots": SLOTS,
        "user_ids": user_ids,
        "deadline": _in(24 * 30),
        "message": "Merci !",
    }
    body.update(fields)
    response = await org.post(URL, json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _link(mail_sink: Any, email: str) -> tuple[int, str]:
    await run_jobs()
    messages = mail_sink.to(email)
    assert messages, f"no email to {email}"
    match = LINK.search(messages[-1].get_content())
    assert match
    return int(match[1]), match[2]


async def _windows(user_id: int) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in await fetch(
            """SELECT kind, status, starts_at, ends_at, note FROM availability_windows
               WHERE user_id = $1 ORDER BY starts_at""",
            user_id,
        )
    ]


async def test_a_request_emails_each_person_their_own_link_and_the_page_shows_it(
    client, new_client, mail_sink
):
    org = await signup(client)
    lea, max_ = await _crew(org, "Lea", "Max")
    created = await _create(org, [lea["id"], max_["id"]])
    assert created["recipients_count"] == 2
    assert created["answered_count"] == 0
    assert created["timezone"] == "Europe/Paris"
    assert [s["key"] for s in created["slots"]] == ["montage", "soir"]
    # 3 days x 2 slots, nobody answered yet
    assert len(created["heatmap"]) == 6
    assert all(c["no_answer"] == 2 and c["yes"] == 0 for c in created["heatmap"])

    lea_id, lea_token = await _link(mail_sink, "lea@example.org")
    max_id, max_token = await _link(mail_sink, "max@example.org")
    assert lea_id != max_id
    assert lea_token != max_token
    # no token in the database in clear, nor in the audit log
    stored = await fetch("SELECT token_hash, token_sealed FROM availability_request_recipients")
    assert all(lea_token not in (r["token_hash"], r["token_sealed"]) for r in stored)
    audit = await fetch("SELECT payload::text AS p FROM audit_log")
    assert all(lea_token not in (r["p"] or "") for r in audit)

    public = new_client("10.9.1.1")
    page = await public.get(f"{PUBLIC}/{lea_id}", params={"token": lea_token})
    assert page.status_code == 200, page.text
    body = page.json()
    assert body["first_name"] == "Lea"
    assert body["title"] == "Festival 2027"
    assert body["closed"] is False
    assert body["deadline_passed"] is False
    assert body["answers"] == []
    assert body["message"] == "Merci !"
    # Lea's link does not open Max's page
    crossed = await public.get(f"{PUBLIC}/{max_id}", params={"token": lea_token})
    assert crossed.status_code == 404
    assert error_code(crossed) == "availability_request.not_found"
    assert lea_token not in crossed.text


async def test_answers_fill_windows_and_a_new_answer_replaces_them(client, new_client, mail_sink):
    org = await signup(client)
    (lea,) = await _crew(org, "Lea")
    request = await _create(org, [lea["id"]])
    rid, token = await _link(mail_sink, "lea@example.org")
    public = new_client("10.9.1.2")
    answers = [
        {"day": "2027-07-10", "slot": "montage", "answer": "yes"},
        {"day": "2027-07-10", "slot": "soir", "answer": "if_needed"},
        {"day": "2027-07-11", "slot": "montage", "answer": "no"},
    ]
    answered = await public.put(
        f"{PUBLIC}/{rid}", params={"token": token}, json={"answers": answers}
    )
    assert answered.status_code == 200, answered.text
    assert answered.json()["answered_at"] is not None
    assert len(answered.json()["answers"]) == 3
    # one domain event (for plugins and the live stream), with ids only: no link
    events = await fetch(
        "SELECT sealed FROM outbox WHERE kind = 'event' AND name = 'AvailabilityRequestAnswered'"
    )
    assert len(events) == 1
    payload = str(unseal(events[0]["sealed"]))
    assert f"'request_id': {request['id']}" in payload
    assert "'answers': 3" in payload
    assert token not in payload

    windows = await _windows(lea["id"])
    assert [(w["kind"], w["status"]) for w in windows] == [
        ("available", "APPROVED"),
        ("available", "APPROVED"),
        ("unavailable", "APPROVED"),
    ]
    paris = dt.timezone(dt.timedelta(hours=2))
    # montage 08:00-13:00 Paris (summer time)
    assert windows[0]["starts_at"] == dt.datetime(2027, 7, 10, 8, tzinfo=paris)
    assert windows[0]["ends_at"] == dt.datetime(2027, 7, 10, 13, tzinfo=paris)
    # soir 18:00-02:00 crosses midnight
    assert windows[1]["starts_at"] == dt.datetime(2027, 7, 10, 18, tzinfo=paris)
    assert windows[1]["ends_at"] == dt.datetime(2027, 7, 11, 2, tzinfo=paris)
    assert windows[1]["note"] == "Festival 2027 - Soir : si besoin"

    # the manager's calendar listing sees them
    listed = await org.get(
        "/api/v1/availability",
        params={"from": "2027-07-10", "to": "2027-07-13", "user": lea["id"]},
    )
    assert listed.status_code == 200, listed.text
    assert len(listed.json()["items"]) == 3

    again = await public.put(
        f"{PUBLIC}/{rid}",
        params={"token": token},
        json={"answers": [{"day": "2027-07-12", "slot": "soir", "answer": "no"}]},
    )
    assert again.status_code == 200, again.text
    windows = await _windows(lea["id"])
    assert len(windows) == 1
    assert windows[0]["kind"] == "unavailable"
    assert windows[0]["starts_at"] == dt.datetime(2027, 7, 12, 18, tzinfo=paris)

    # the manager's own windows are never touched by an answer
    own = await org.post(
        "/api/v1/availability",
        json={
            "user_id": lea["id"],
            "kind": "unavailable",
            "starts_at": "2027-08-01T00:00:00+02:00",
            "ends_at": "2027-08-02T00:00:00+02:00",
        },
    )
    assert own.status_code == 201, own.text
    await public.put(f"{PUBLIC}/{rid}", params={"token": token}, json={"answers": []})
    assert [w["starts_at"].date() for w in await _windows(lea["id"])] == [dt.date(2027, 7, 31)]
    detail = (await org.get(f"{URL}/{request['id']}")).json()
    assert detail["answered_count"] == 0

    # deleting the request deletes what its answers produced
    await public.put(f"{PUBLIC}/{rid}", params={"token": token}, json={"answers": answers})
    assert len(await _windows(lea["id"])) == 4
    deleted = await org.delete(f"{URL}/{request['id']}")
    assert deleted.status_code == 204, deleted.text
    assert len(await _windows(lea["id"])) == 1
    gone = await public.get(f"{PUBLIC}/{rid}", params={"token": token})
    assert gone.status_code == 404


async def test_concurrent_answers_of_one_link_leave_one_set_of_windows(
    client, new_client, mail_sink
):
    org = await signup(client)
    (lea,) = await _crew(org, "Lea")
    await _create(org, [lea["id"]], slots=[])
    rid, token = await _link(mail_sink, "lea@example.org")
    days = ["2027-07-10", "2027-07-11", "2027-07-12"]

    async def answer(i: int) -> int:
        value = ("yes", "no", "if_needed")[i % 3]
        response = await new_client(f"10.9.2.{i}").put(
            f"{PUBLIC}/{rid}",
            params={"token": token},
            json={"answers": [{"day": d, "answer": value} for d in days]},
        )
        return response.status_code

    statuses = await asyncio.gather(*(answer(i) for i in range(6)))
    assert statuses == [200] * 6
    windows = await _windows(lea["id"])
    assert len(windows) == 3
    assert len({w["kind"] for w in windows}) == 1
    # whole days: local midnight to midnight
    assert windows[0]["ends_at"] - windows[0]["starts_at"] == dt.timedelta(days=1)


async def test_the_heat_map_counts_each_answer_per_day_and_slot(client, new_client, mail_sink):
    org = await signup(client)
    crew = await _crew(org, "Ana", "Bob", "Cid")
    request = await _create(org, [u["id"] for u in crew])
    await run_jobs()
    public = new_client("10.9.3.1")
    plans = {
        "ana@example.org": [("2027-07-10", "montage", "yes"), ("2027-07-10", "soir", "no")],
        "bob@example.org": [("2027-07-10", "montage", "if_needed")],
        "cid@example.org": [],
    }
    for email, cells in plans.items():
        if not cells:
            continue
        rid, token = await _link(mail_sink, email)
        response = await public.put(
            f"{PUBLIC}/{rid}",
            params={"token": token},
            json={"answers": [{"day": d, "slot": s, "answer": a} for d, s, a in cells]},
        )
        assert response.status_code == 200, response.text
    heat = await org.get(f"{URL}/{request['id']}/heatmap")
    assert heat.status_code == 200, heat.text
    cells = {(c["day"], c["slot"]): c for c in heat.json()["cells"]}
    assert len(cells) == 6
    count = ("yes", "if_needed", "no", "no_answer")
    assert tuple(cells[("2027-07-10", "montage")][k] for k in count) == (1, 1, 0, 1)
    assert tuple(cells[("2027-07-10", "soir")][k] for k in count) == (0, 0, 1, 2)
    assert tuple(cells[("2027-07-12", "soir")][k] for k in count) == (0, 0, 0, 3)
    detail = (await org.get(f"{URL}/{request['id']}")).json()
    assert detail["answered_count"] == 2
    by_name = {r["first_name"]: r for r in detail["recipients"]}
    assert [a["answer"] for a in by_name["Ana"]["answers"]] == ["yes", "no"]
    assert by_name["Cid"]["answered_at"] is None


HEAT_COUNTS = ("asked", "yes", "if_needed", "no", "no_answer")


async def _answer(public: Any, mail_sink: Any, email: str, cells: list[tuple[str, str, str]]):
    rid, token = await _link(mail_sink, email)
    answered = await public.put(
        f"{PUBLIC}/{rid}",
        params={"token": token},
        json={"answers": [{"day": d, "slot": sl, "answer": a} for d, sl, a in cells]},
    )
    assert answered.status_code == 200, answered.text


async def _heat_days(org: OrgSession, **params: Any) -> dict[str, dict[str, Any]]:
    heat = await org.get(f"{URL}/heatmap", params=params)
    assert heat.status_code == 200, heat.text
    assert (heat.json()["from"], heat.json()["to"]) == (params["from"], params["to"])
    return {d["day"]: d for d in heat.json()["days"]}


def _counts(day: dict[str, Any]) -> tuple[int, ...]:
    return tuple(day[k] for k in HEAT_COUNTS)


async def test_the_planning_heat_map_counts_people_per_day_across_requests(
    client, new_client, mail_sink
):
    org = await signup(client)
    crew = await _crew(org, "Dia", "Eli", "Fay")
    first = await _create(org, [u["id"] for u in crew])  # 10 to 12 July, two slots
    public = new_client("10.9.3.2")
    # yes to one slot and no to the other: the day counts as yes
    await _answer(
        public,
        mail_sink,
        "dia@example.org",
        [("2027-07-10", "montage", "yes"), ("2027-07-10", "soir", "no")],
    )
    await _answer(
        public,
        mail_sink,
        "eli@example.org",
        [("2027-07-10", "soir", "if_needed"), ("2027-07-11", "soir", "no")],
    )
    # A newer request asks Dia again for the 12th and 13th.
    second = await _create(
        org, [crew[0]["id"]], title="Renfort", starts_on="2027-07-12", ends_on="2027-07-13"
    )

    days = await _heat_days(org, **{"from": "2027-07-09", "to": "2027-07-31"})
    assert sorted(days) == ["2027-07-10", "2027-07-11", "2027-07-12", "2027-07-13"]
    assert _counts(days["2027-07-10"]) == (3, 1, 1, 0, 1)
    assert _counts(days["2027-07-11"]) == (3, 0, 0, 1, 2)
    assert _counts(days["2027-07-12"]) == (3, 0, 0, 0, 3)  # Dia counted once
    assert days["2027-07-10"]["request_ids"] == [first["id"]]
    assert days["2027-07-12"]["request_ids"] == sorted([first["id"], second["id"]])
    assert _counts(days["2027-07-13"]) == (1, 0, 0, 0, 1)
    assert days["2027-07-13"]["request_ids"] == [second["id"]]
    # The window cuts the requests' periods; one request only when asked.
    cut = await _heat_days(org, **{"from": "2027-07-11", "to": "2027-07-11"})
    assert list(cut) == ["2027-07-11"]
    only = await _heat_days(
        org, **{"from": "2027-07-01", "to": "2027-07-31", "request": second["id"]}
    )
    assert list(only) == ["2027-07-12", "2027-07-13"]
    assert only["2027-07-12"]["request_ids"] == [second["id"]]
    # A closed request still counts: its answers are what the manager plans with.
    closed = await org.post(f"{URL}/{first['id']}/close")
    assert closed.status_code == 200, closed.text
    again = await _heat_days(org, **{"from": "2027-07-09", "to": "2027-07-31"})
    assert _counts(again["2027-07-10"]) == (3, 1, 1, 0, 1)


async def test_the_planning_heat_map_reads_a_persons_latest_answer_for_a_day(
    client, new_client, mail_sink
):
    org = await signup(client)
    (dia,) = await _crew(org, "Dia")
    await _create(org, [dia["id"]])  # 10 to 12 July
    public = new_client("10.9.3.3")
    await _answer(public, mail_sink, "dia@example.org", [("2027-07-12", "soir", "yes")])
    # Asked again by a newer request she has not answered yet: her yes still stands.
    await _create(org, [dia["id"]], title="Renfort", starts_on="2027-07-12", ends_on="2027-07-13")
    window = {"from": "2027-07-10", "to": "2027-07-13"}
    days = await _heat_days(org, **window)
    assert _counts(days["2027-07-12"]) == (1, 1, 0, 0, 0)
    assert _counts(days["2027-07-13"]) == (1, 0, 0, 0, 1)
    # Her answer to the newer request is the latest: it wins over the older yes.
    await _answer(public, mail_sink, "dia@example.org", [("2027-07-12", "montage", "no")])
    days = await _heat_days(org, **window)
    assert _counts(days["2027-07-12"]) == (1, 0, 0, 1, 0)
    assert _counts(days["2027-07-13"]) == (1, 0, 0, 0, 1)


async def test_the_planning_heat_map_window_is_checked_with_clear_codes(client):
    org = await signup(client)
    for params, status, code in (
        ({"from": "2027-07-10", "to": "2027-07-09"}, 422, "validation.invalid_window"),
        ({"from": "2027-07-01", "to": "2027-09-01"}, 422, "validation.window_too_long"),
        ({"from": "2027-07-01"}, 400, "request.validation"),
        ({"from": "juillet", "to": "2027-07-31"}, 400, "request.validation"),
        ({"from": "2027-07-01", "to": "2027-07-31", "request": "x"}, 400, "request.validation"),
        (
            {"from": "2027-07-01", "to": "2027-07-31", "request": 999999},
            404,
            "availability_request.not_found",
        ),
    ):
        bad = await org.get(f"{URL}/heatmap", params=params)
        assert bad.status_code == status, (params, bad.text)
        if code:
            assert error_code(bad) == code, (params, bad.text)
        assert error_code(bad)
    # 62 days, both ends included, is the bound itself.
    longest = await org.get(f"{URL}/heatmap", params={"from": "2027-07-01", "to": "2027-08-31"})
    assert longest.status_code == 200, longest.text


async def test_another_org_sees_nothing_of_the_planning_heat_map(client, new_client):
    org = await signup(client)
    crew = await _crew(org, "Gus", "Hal")
    mine = await _create(org, [u["id"] for u in crew])
    window = {"from": "2027-07-01", "to": "2027-07-31"}
    assert len(await _heat_days(org, **window)) == 3
    other = await signup(new_client("10.9.3.4"))
    assert await _heat_days(other, **window) == {}
    foreign = await other.get(f"{URL}/heatmap", params={**window, "request": mine["id"]})
    assert (foreign.status_code, error_code(foreign)) == (404, "availability_request.not_found")


async def test_a_technician_may_not_read_the_planning_heat_map(client, new_client):
    org = await signup(client)
    tech = await _member(org, new_client, "tina.heat@example.org", "tech")
    refused = await tech.get(f"{URL}/heatmap", params={"from": "2027-07-01", "to": "2027-07-31"})
    assert refused.status_code == 403, refused.text
    assert error_code(refused)


async def test_bad_links_and_closed_or_late_requests_answer_clear_codes(
    client, new_client, mail_sink
):
    org = await signup(client)
    (lea,) = await _crew(org, "Lea")
    request = await _create(org, [lea["id"]])
    rid, token = await _link(mail_sink, "lea@example.org")
    public = new_client("10.9.4.1")
    one = {"answers": [{"day": "2027-07-10", "slot": "montage", "answer": "yes"}]}

    wrong = await public.put(f"{PUBLIC}/{rid}", params={"token": "not-the-token"}, json=one)
    assert wrong.status_code == 404
    assert error_code(wrong) == "availability_request.not_found"
    missing = await public.get(f"{PUBLIC}/999999", params={"token": token})
    assert missing.status_code == 404

    for cell, code in (
        ({"day": "2027-07-13", "slot": "montage", "answer": "yes"}, "invalid_answer"),
        ({"day": "2027-07-10", "slot": "nuit", "answer": "yes"}, "invalid_answer"),
        ({"day": "2027-07-10", "answer": "yes"}, "invalid_answer"),
    ):
        bad = await public.put(f"{PUBLIC}/{rid}", params={"token": token}, json={"answers": [cell]})
        assert bad.status_code == 422, bad.text
        assert error_code(bad) == f"availability_request.{code}"
    bad_value = await public.put(
        f"{PUBLIC}/{rid}",
        params={"token": token},
        json={"answers": [{"day": "2027-07-10", "slot": "soir", "answer": "maybe"}]},
    )
    assert bad_value.status_code == 400
    assert await _windows(lea["id"]) == []

    closed = await org.post(f"{URL}/{request['id']}/close")
    assert closed.status_code == 200
    assert closed.json()["closed_at"] is not None
    refused = await public.put(f"{PUBLIC}/{rid}", params={"token": token}, json=one)
    assert refused.status_code == 409
    assert error_code(refused) == "availability_request.closed"
    shown = await public.get(f"{PUBLIC}/{rid}", params={"token": token})
    assert shown.status_code == 200
    assert shown.json()["closed"] is True
    reminded = await org.post(f"{URL}/{request['id']}/remind")
    assert reminded.status_code == 409

    reopened = await org.post(f"{URL}/{request['id']}/reopen")
    assert reopened.status_code == 200
    assert reopened.json()["closed_at"] is None
    ok = await public.put(f"{PUBLIC}/{rid}", params={"token": token}, json=one)
    assert ok.status_code == 200, ok.text

    await fetch(
        "UPDATE availability_requests SET deadline = now() - interval '1 minute' WHERE id = $1",
        request["id"],
    )
    late = await public.put(f"{PUBLIC}/{rid}", params={"token": token}, json={"answers": []})
    assert late.status_code == 410
    assert error_code(late) == "availability_request.deadline_passed"
    assert len(await _windows(lea["id"])) == 1  # nothing written by the late answer
    assert (await public.get(f"{PUBLIC}/{rid}", params={"token": token})).json()[
        "deadline_passed"
    ] is True
    stuck = await org.post(f"{URL}/{request['id']}/reopen", json={})
    assert stuck.status_code == 410
    later = await org.post(f"{URL}/{request['id']}/reopen", json={"deadline": _in(48)})
    assert later.status_code == 200, later.text


async def test_wrong_tokens_from_one_address_are_limited(
    client, new_client, mail_sink, monkeypatch
):
    monkeypatch.setenv("COULISSES_INVITATION_BAD_TOKEN_MAX", "3")
    from coulisses.settings import get_settings

    get_settings.cache_clear()
    try:
        org = await signup(client)
        (lea,) = await _crew(org, "Lea")
        await _create(org, [lea["id"]])
        rid, token = await _link(mail_sink, "lea@example.org")
        scanner = new_client("10.9.5.1")
        codes = [
            (await scanner.get(f"{PUBLIC}/{rid}", params={"token": f"guess-{i}"})).status_code
            for i in range(5)
        ]
        assert codes == [404, 404, 404, 429, 429]
        limited = await scanner.get(f"{PUBLIC}/{rid}", params={"token": token})
        assert limited.status_code == 429
        assert error_code(limited) == "availability_request.rate_limited"
        # another address with the right link still gets in
        fine = await new_client("10.9.5.2").get(f"{PUBLIC}/{rid}", params={"token": token})
        assert fine.status_code == 200
    finally:
        get_settings.cache_clear()


async def test_bad_requests_are_refused_with_codes_and_nothing_written(client, new_client):
    org = await signup(client)
    (lea,) = await _crew(org, "Lea")
    base: dict[str, Any] = {
        "title": "X",
        "starts_on": "2027-07-10",
        "ends_on": "2027-07-12",
        "user_ids": [lea["id"]],
        "deadline": _in(72),
    }
    other = await signup(new_client(), "Autre")
    other_user = await make_user(other)
    cases = [
        ({"ends_on": "2027-07-09"}, 422, "availability_request.invalid_period"),
        ({"ends_on": "2027-12-31"}, 422, "availability_request.invalid_period"),
        ({"deadline": _in(-1)}, 422, "availability_request.invalid_deadline"),
        ({"title": "  "}, 422, "availability_request.invalid_title"),
        ({"user_ids": []}, 422, "availability_request.invalid_recipients"),
        ({"user_ids": [other_user["id"]]}, 404, "user.not_found"),
        ({"place_id": 999999}, 404, "place.not_found"),
        (
            {"slots": [SLOTS[0], {**SLOTS[1], "key": "montage"}]},
            422,
            "availability_request.invalid_slots",
        ),
        (
            {"slots": [{"key": "x", "label": "X", "start": "08:00", "end": "08:00"}]},
            422,
            "availability_request.invalid_slots",
        ),
        (
            {"slots": [{"key": "Bad Key", "label": "X", "start": "08:00", "end": "09:00"}]},
            422,
            "availability_request.invalid_slots",
        ),
    ]
    for change, status, code in cases:
        response = await org.post(URL, json={**base, **change})
        assert response.status_code == status, (change, response.text)
        assert error_code(response) == code, change
    assert await fetch("SELECT id FROM availability_requests") == []


async def test_a_place_gives_its_timezone_to_the_slots(client, mail_sink, new_client):
    org = await signup(client)
    (lea,) = await _crew(org, "Lea")
    place = await make_place(org, name="Montreal", timezone="America/Montreal")
    request = await _create(org, [lea["id"]], place_id=place["id"])
    assert request["timezone"] == "America/Montreal"
    rid, token = await _link(mail_sink, "lea@example.org")
    answered = await new_client("10.9.6.1").put(
        f"{PUBLIC}/{rid}",
        params={"token": token},
        json={"answers": [{"day": "2027-07-10", "slot": "montage", "answer": "yes"}]},
    )
    assert answered.status_code == 200, answered.text
    (window,) = await _windows(lea["id"])
    assert window["starts_at"] == dt.datetime(2027, 7, 10, 12, tzinfo=dt.UTC)


async def test_the_reminder_reaches_only_those_who_have_not_answered_and_only_once(
    client, new_client, mail_sink
):
    org = await signup(client)
    ana, bob = await _crew(org, "Ana", "Bob")
    soon = await _create(org, [ana["id"], bob["id"]], deadline=_in(24), remind_hours_before=48)
    far = await _create(org, [ana["id"]], title="Plus tard", deadline=_in(24 * 30))
    await run_jobs()
    links = {
        int(m[1]): m[2]
        for message in mail_sink.to("ana@example.org")
        if (m := LINK.search(message.get_content()))
    }
    (rid,) = [
        r["id"]
        for r in await fetch(
            "SELECT id FROM availability_request_recipients WHERE request_id = $1 AND user_id = $2",
            soon["id"],
            ana["id"],
        )
    ]
    token = links[rid]
    answered = await new_client("10.9.7.1").put(
        f"{PUBLIC}/{rid}",
        params={"token": token},
        json={"answers": [{"day": "2027-07-10", "slot": "montage", "answer": "yes"}]},
    )
    assert answered.status_code == 200, answered.text
    mail_sink.clear()

    assert await reminder_cron({}) == 1
    await run_jobs()
    assert mail_sink.to("ana@example.org") == []
    (reminder,) = mail_sink.to("bob@example.org")
    assert "Rappel" in str(reminder["Subject"])
    # the same link as the first email still works
    match = LINK.search(reminder.get_content())
    assert match
    bob_page = await new_client("10.9.7.2").get(f"{PUBLIC}/{match[1]}", params={"token": match[2]})
    assert bob_page.status_code == 200

    # at most once per recipient
    assert await reminder_cron({}) == 0
    await run_jobs()
    assert len(mail_sink.to("bob@example.org")) == 1

    # the manual "relancer" sends again to the ones who have not answered, now
    manual = await org.post(f"{URL}/{soon['id']}/remind")
    assert manual.status_code == 200
    assert manual.json() == {"reminded": 1}
    await run_jobs()
    assert len(mail_sink.to("bob@example.org")) == 2
    assert mail_sink.to("ana@example.org") == []
    far_manual = await org.post(f"{URL}/{far['id']}/remind")
    assert far_manual.json() == {"reminded": 1}


async def test_only_managers_see_and_run_requests(client, new_client, mail_sink):
    org = await signup(client)
    (lea,) = await _crew(org, "Lea")
    request = await _create(org, [lea["id"]])
    tech = await _member(org, new_client, "tina.doodle@example.org", "tech")
    for method, path in (
        ("get", URL),
        ("get", f"{URL}/{request['id']}"),
        ("post", f"{URL}/{request['id']}/remind"),
        ("delete", f"{URL}/{request['id']}"),
    ):
        response = await getattr(tech, method)(path)
        assert response.status_code == 403, (path, response.text)
    listed = await org.get(URL)
    assert listed.status_code == 200
    assert [r["id"] for r in listed.json()["items"]] == [request["id"]]
    audit = await fetch("SELECT action FROM audit_log WHERE action LIKE 'availability_request.%'")
    assert [r["action"] for r in audit] == ["availability_request.created"]
