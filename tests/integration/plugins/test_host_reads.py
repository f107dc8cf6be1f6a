"""The typed reads the SDK host offers plugins: org-scoped views of every core resource,
keyset pages with a bounded limit, durations and rates as the core computes them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from coulisses_sdk import CursorPage, MissionInfo, WorkRow, host
from coulisses_sdk.testing import Factories

T0 = dt.datetime(2027, 5, 3, 8, 0, tzinfo=dt.UTC)


def _at(hours: float) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


async def _all_pages(read: Any, **kw: Any) -> list[list[int]]:
    """The ids of each page a list read gives, following next_cursor to the end."""
    pages: list[list[int]] = []
    cursor = None
    while True:
        page = await read(cursor=cursor, **kw)
        assert isinstance(page, CursorPage)
        pages.append([_id(item) for item in page.items])
        if page.next_cursor is None:
            return pages
        cursor = page.next_cursor


_KEYS = {
    "MissionInfo": "mission_id",
    "AssignmentSummary": "assignment_id",
    "UserInfo": "user_id",
    "ProjectInfo": "project_id",
    "PlaceInfo": "place_id",
}


def _id(item: Any) -> int:
    return int(getattr(item, _KEYS[type(item).__name__]))


async def test_each_resource_is_read_by_id_and_another_orgs_is_none(factories, make_org):
    other = Factories(await make_org())
    place = await factories.place(name="Cour d'honneur", timezone="Europe/Paris")
    project = await factories.project(name="Festival", description="Juillet")
    mission = await factories.mission(
        project["id"], starts_at=_at(10), hours=4, place_id=place["id"], title="Montage"
    )
    user = await factories.user(first_name="Ada", last_name="Lovelace", tags=["son"])
    assignment = await factories.assignment(mission["roles"][0]["id"], user["id"])
    theirs = await other.assignment()
    org_id = factories.org.org_id

    got = await host.get_mission(org_id, mission["id"])
    assert got is not None
    assert (got.title, got.project_id, got.place_id, got.place, got.timezone) == (
        "Montage",
        project["id"],
        place["id"],
        "Cour d'honneur",
        "Europe/Paris",
    )
    assert (got.starts_at, got.ends_at, got.duration_minutes) == (_at(10), _at(14), 240)
    assert got.status == "DRAFT"

    a = await host.get_assignment(org_id, assignment["id"])
    assert a is not None
    assert (a.mission_id, a.role_id, a.role_name, a.user_id, a.status) == (
        mission["id"],
        mission["roles"][0]["id"],
        "technicien son",
        user["id"],
        "INVITED",
    )
    assert a.invitation_id == assignment["invitation"]["id"]
    assert a.duration_minutes == 240

    u = await host.get_user(org_id, user["id"])
    assert u is not None
    assert (u.name, u.email, u.tags, u.account_id) == (
        "Ada Lovelace",
        user["email"],
        ("son",),
        None,
    )
    assert not hasattr(u, "notes")
    assert not hasattr(u, "legal_ids")

    p = await host.get_project(org_id, project["id"])
    assert p is not None
    assert (p.name, p.description, p.status) == ("Festival", "Juillet", "DRAFT")
    pl = await host.get_place(org_id, place["id"])
    assert pl is not None
    assert (pl.name, pl.timezone) == ("Cour d'honneur", "Europe/Paris")

    # Another org's resources, and ids that do not exist, read as None.
    their_mission = theirs["mission_id"]
    their_role = await other.org.get(f"/api/v1/missions/{their_mission}")
    their_project = their_role.json()["project_id"]
    assert await host.get_mission(org_id, their_mission) is None
    assert await host.get_assignment(org_id, theirs["id"]) is None
    assert await host.get_user(org_id, theirs["user_id"]) is None
    assert await host.get_project(org_id, their_project) is None
    assert await host.mission_roles(org_id, their_mission) == []
    assert await host.get_place(other.org.org_id, place["id"]) is None
    assert await host.get_mission(org_id, 10**9) is None
    # ...and the other org reads its own.
    assert await host.get_mission(other.org.org_id, their_mission) is not None


async def test_missions_in_a_window_page_by_cursor_with_project_and_place_filters(
    factories, make_org
):
    project = await factories.project()
    second = await factories.project()
    place = await factories.place()
    inside = [
        await factories.mission(project["id"], starts_at=_at(h), hours=2) for h in (5, 1, 3, 3)
    ]
    at_place = await factories.mission(second["id"], starts_at=_at(2), place_id=place["id"])
    await factories.mission(project["id"], starts_at=_at(-1))  # before the window
    await factories.mission(project["id"], starts_at=_at(24))  # at its end: [from, to)
    other = Factories(await make_org())
    their = await other.mission(starts_at=_at(1))
    org_id = factories.org.org_id
    window = {"starts_from": T0, "starts_before": _at(24)}

    # Soonest first, ties by id; 5 missions in pages of 2.
    expected = [inside[1]["id"], at_place["id"], inside[2]["id"], inside[3]["id"], inside[0]["id"]]
    pages = await _all_pages(host.list_missions, org_id=org_id, limit=2, **window)
    assert pages == [expected[0:2], expected[2:4], expected[4:]]
    assert [m.mission_id async for m in host.iter_missions(org_id, page_size=2, **window)] == (
        expected
    )
    # One page holds them all: no next cursor.
    whole = await host.list_missions(org_id, **window)
    assert [m.mission_id for m in whole.items] == expected
    assert whole.next_cursor is None

    by_project = await host.list_missions(org_id, project_id=project["id"], **window)
    assert {m.mission_id for m in by_project.items} == {m["id"] for m in inside}
    by_place = await host.list_missions(org_id, place_id=place["id"], **window)
    assert [m.mission_id for m in by_place.items] == [at_place["id"]]
    # Another org's project, place or missions match nothing.
    their_project = (await other.org.get(f"/api/v1/missions/{their['id']}")).json()["project_id"]
    assert (await host.list_missions(org_id, project_id=their_project, **window)).items == ()
    assert (await host.list_missions(other.org.org_id, place_id=place["id"], **window)).items == ()
    theirs = await host.list_missions(other.org.org_id, **window)
    assert [m.mission_id for m in theirs.items] == [their["id"]]


async def test_a_cursor_resumes_after_its_row_when_rows_change_before_it(factories):
    project = await factories.project()
    missions = [await factories.mission(project["id"], starts_at=_at(h)) for h in (1, 2, 3, 4)]
    org_id = factories.org.org_id
    window = {"starts_from": T0, "starts_before": _at(48)}

    first = await host.list_missions(org_id, limit=2, **window)
    assert [m.mission_id for m in first.items] == [missions[0]["id"], missions[1]["id"]]
    # A mission added before the cursor and one of the first page deleted: the next page
    # neither repeats nor skips a mission (keyset, not offset).
    earlier = await factories.mission(project["id"], starts_at=_at(0.5))
    deleted = await factories.org.delete(f"/api/v1/missions/{missions[0]['id']}")
    assert deleted.status_code == 204, deleted.text

    second = await host.list_missions(org_id, limit=2, cursor=first.next_cursor, **window)
    assert [m.mission_id for m in second.items] == [missions[2]["id"], missions[3]["id"]]
    assert second.next_cursor is None
    # The same cursor read twice gives the same page.
    again = await host.list_missions(org_id, limit=2, cursor=first.next_cursor, **window)
    assert again == second
    assert earlier["id"] not in [m.mission_id for m in second.items]


@pytest.mark.parametrize("limit", [0, -1, 1001, 10**6, True])
async def test_a_limit_outside_1_to_1000_is_refused_never_capped(factories, limit):
    org_id = factories.org.org_id
    window = {"starts_from": T0, "starts_before": _at(1)}

    for read in (
        lambda: host.list_missions(org_id, limit=limit, **window),
        lambda: host.list_users(org_id, limit=limit),
        lambda: host.list_projects(org_id, limit=limit),
        lambda: host.list_places(org_id, limit=limit),
        lambda: host.list_assignments_page(org_id, limit=limit),
        lambda: host.list_assignments(org_id, limit=limit),
    ):
        with pytest.raises(ValueError, match="limit must be an integer from 1 to 1000"):
            await read()
    with pytest.raises(ValueError, match="limit"):
        host.iter_users(org_id, page_size=limit)


async def test_a_cursor_of_another_read_or_forged_is_refused(factories):
    org_id = factories.org.org_id
    for _ in range(3):
        await factories.user()
    users = await host.list_users(org_id, limit=2)
    assert users.next_cursor is not None
    window = {"starts_from": T0, "starts_before": _at(1)}

    with pytest.raises(ValueError, match="not a cursor of the places read"):
        await host.list_places(org_id, cursor=users.next_cursor)
    with pytest.raises(ValueError, match="not a cursor of the missions read"):
        await host.list_missions(org_id, cursor=users.next_cursor, **window)
    for forged in ("", "not a cursor", "W10", "WyJ1c2VycyIsImEiXQ", "x" * 600):
        with pytest.raises(ValueError, match="cursor"):
            await host.list_users(org_id, cursor=forged)
    with pytest.raises(ValueError, match="timezone-aware"):
        await host.list_missions(org_id, starts_from=T0.replace(tzinfo=None), starts_before=_at(1))


async def test_users_projects_and_places_page_by_id_and_stay_in_their_org(factories, make_org):
    other = Factories(await make_org())
    await other.user()
    await other.project()
    await other.place()
    users = [(await factories.user())["id"] for _ in range(3)]
    projects = [(await factories.project())["id"] for _ in range(3)]
    places = [(await factories.place())["id"] for _ in range(3)]
    archived = await factories.org.patch(
        f"/api/v1/projects/{projects[1]}", json={"status": "ARCHIVED"}
    )
    assert archived.status_code == 200, archived.text
    org_id = factories.org.org_id

    assert await _all_pages(host.list_users, org_id=org_id, limit=2) == [users[:2], users[2:]]
    assert await _all_pages(host.list_projects, org_id=org_id, limit=2) == [
        projects[:2],
        projects[2:],
    ]
    assert await _all_pages(host.list_places, org_id=org_id, limit=3) == [places]
    assert [u.user_id async for u in host.iter_users(org_id, page_size=1)] == users
    assert [p.place_id async for p in host.iter_places(org_id, page_size=2)] == places
    active = [p.project_id async for p in host.iter_projects(org_id, statuses=["DRAFT"])]
    assert active == [projects[0], projects[2]]
    assert [p.project_id async for p in host.iter_projects(org_id, page_size=2)] == projects


async def test_assignments_page_past_one_page_where_the_old_list_stopped(factories, make_org):
    mission = await factories.mission(roles=[{"name": "plateau", "quota": 5}])
    role_id = mission["roles"][0]["id"]
    made = [(await factories.assignment(role_id))["id"] for _ in range(5)]
    await Factories(await make_org()).assignment()
    org_id = factories.org.org_id

    pages = await _all_pages(
        host.list_assignments_page, org_id=org_id, mission_id=mission["id"], limit=2
    )
    assert pages == [made[:2], made[2:4], made[4:]]
    walked = [a.assignment_id async for a in host.iter_assignments(org_id, page_size=2)]
    assert walked == made
    # The first-page read keeps its shape (a list) for existing plugins.
    first = await host.list_assignments(org_id, mission_id=mission["id"], limit=3)
    assert [a.assignment_id for a in first] == made[:3]
    assert all(a.duration_minutes == 360 for a in first)


async def test_mission_roles_say_how_each_role_is_staffed(factories):
    mission = await factories.mission(
        roles=[{"name": "son", "quota": 1, "required_skills": ["son"]}]
    )
    with_lights = await factories.role(mission["id"], name="lumiere", quota=2)
    son, lumiere = (r["id"] for r in with_lights["roles"])
    await factories.assignment(son, accept=True)
    await factories.assignment(son, reserve=True)
    await factories.assignment(lumiere)

    roles = await host.mission_roles(factories.org.org_id, mission["id"])

    assert [
        (r.role_id, r.name, r.quota, r.required_skills, r.accepted, r.pending, r.reserves, r.open)
        for r in roles
    ] == [
        (son, "son", 1, ("son",), 1, 0, 1, 0),
        (lumiere, "lumiere", 2, (), 0, 1, 0, 2),
    ]


async def test_effective_rate_follows_mission_then_user_then_role(factories, make_org):
    org_id = factories.org.org_id
    user = await factories.user()
    mission = await factories.mission()
    assignment = await factories.assignment(mission["roles"][0]["id"], user["id"])

    assert await host.assignment_rate(org_id, assignment["id"]) is None
    role_rate = await factories.rate(role_name="Technicien Son", amount_cents=1800)
    got = await host.assignment_rate(org_id, assignment["id"])
    assert got is not None
    assert (got.rate_id, got.target) == (role_rate["id"], "role")

    user_rate = await factories.rate(user_id=user["id"], kind="cachet", amount_cents=25000)
    got = await host.assignment_rate(org_id, assignment["id"])
    assert got is not None
    assert (got.rate_id, got.target, got.kind, got.amount_cents, got.currency) == (
        user_rate["id"],
        "user",
        "cachet",
        25000,
        "EUR",
    )
    mission_rate = await factories.rate(mission_id=mission["id"], kind="per_mission")
    got = await host.assignment_rate(org_id, assignment["id"])
    assert got is not None
    assert (got.rate_id, got.target) == (mission_rate["id"], "mission")

    # user + role, without a mission: the user's rate; a role alone: the role's.
    got = await host.effective_rate(org_id, user_id=user["id"], role_name="technicien son")
    assert got is not None
    assert got.rate_id == user_rate["id"]
    got = await host.effective_rate(org_id, role_name=" technicien SON ")
    assert got is not None
    assert got.rate_id == role_rate["id"]
    assert await host.effective_rate(org_id, role_name="accessoiriste") is None

    # Another org sees none of it.
    other = await make_org()
    assert await host.assignment_rate(other.org_id, assignment["id"]) is None
    assert await host.effective_rate(other.org_id, user_id=user["id"]) is None
    assert await host.effective_rate(other.org_id, mission_id=mission["id"]) is None
    assert await host.effective_rate(other.org_id, role_name="technicien son") is None


async def test_durations_are_the_cores_real_minutes_across_a_dst_change(factories):
    # The night France springs forward: 22:00 to 06:00 on the clock is 7 real hours.
    place = await factories.place(timezone="Europe/Paris")
    mission = await factories.mission(
        starts_at="2027-03-27T22:00:00+01:00",
        ends_at="2027-03-28T06:00:00+02:00",
        place_id=place["id"],
    )
    assignment = await factories.assignment(mission["roles"][0]["id"])
    org_id = factories.org.org_id

    api_mission = (await factories.org.get(f"/api/v1/missions/{mission['id']}")).json()
    api_assignment = (await factories.org.get(f"/api/v1/assignments/{assignment['id']}")).json()
    got = await host.get_mission(org_id, mission["id"])
    got_assignment = await host.get_assignment(org_id, assignment["id"])

    assert got is not None
    assert got_assignment is not None
    assert got.duration_minutes == api_mission["duration_minutes"] == 420
    assert got_assignment.duration_minutes == api_assignment["duration_minutes"] == 420
    window = await host.list_missions(
        org_id,
        starts_from=dt.datetime(2027, 3, 27, tzinfo=dt.UTC),
        starts_before=dt.datetime(2027, 3, 29, tzinfo=dt.UTC),
    )
    assert [(m.mission_id, m.duration_minutes) for m in window.items] == [(mission["id"], 420)]
    assert isinstance(window.items[0], MissionInfo)


async def test_grouped_reads_give_what_the_single_reads_give_and_nothing_of_another_org(
    factories, make_org
):
    org_id = factories.org.org_id
    other = Factories(await make_org())
    first, second = await factories.user(first_name="Ada"), await factories.user(first_name="Bo")
    one, two = await factories.mission(hours=2), await factories.mission(starts_at=_at(30))
    a = await factories.assignment(one["roles"][0]["id"], first["id"])
    b = await factories.assignment(two["roles"][0]["id"], first["id"])
    c = await factories.assignment(one["roles"][0]["id"], second["id"])
    theirs = await other.assignment()
    await factories.rate(role_name="technicien son", amount_cents=1800)
    await factories.rate(user_id=second["id"], kind="cachet", amount_cents=25000)
    await factories.rate(mission_id=two["id"], kind="per_mission", amount_cents=9000)
    mine = [a["id"], b["id"], c["id"]]

    users = await host.get_users(org_id, [second["id"], first["id"], first["id"], 10**9])
    missions = await host.get_missions(org_id, [one["id"], two["id"], theirs["mission_id"]])
    rates = await host.assignment_rates(org_id, [*mine, theirs["id"], 10**9])

    assert users == {
        first["id"]: await host.get_user(org_id, first["id"]),
        second["id"]: await host.get_user(org_id, second["id"]),
    }
    assert missions == {
        one["id"]: await host.get_mission(org_id, one["id"]),
        two["id"]: await host.get_mission(org_id, two["id"]),
    }
    assert rates == {i: await host.assignment_rate(org_id, i) for i in mine}
    got = {i: (r.target, r.kind, r.amount_cents) for i, r in rates.items() if r is not None}
    assert got == {
        a["id"]: ("role", "hourly", 1800),
        b["id"]: ("mission", "per_mission", 9000),
        c["id"]: ("user", "cachet", 25000),
    }
    # No rate at any level: present, None. Another org's ids: absent.
    bare = await other.assignment()
    assert await host.assignment_rates(other.org.org_id, [bare["id"], a["id"]]) == {
        bare["id"]: None
    }
    assert await host.get_users(other.org.org_id, [first["id"]]) == {}
    assert await host.get_missions(org_id, []) == {}


@pytest.mark.parametrize("read", ["get_users", "get_missions", "assignment_rates"])
async def test_a_grouped_read_of_more_than_max_ids_is_refused(factories, read):
    with pytest.raises(ValueError, match="at most 10000 ids"):
        await getattr(host, read)(factories.org.org_id, range(1, host.MAX_IDS + 2))
    assert [len(c) for c in host.chunks([*range(5), 3, 1], size=2)] == [2, 2, 1]


async def test_work_rows_are_the_grouped_reads_together_in_one_tuple_per_assignment(
    factories, make_org
):
    org_id = factories.org.org_id
    other = Factories(await make_org())
    place = await factories.place(timezone="America/Montreal")
    first = await factories.user(first_name="Ada", last_name="Lovelace", employment_type="CDI")
    second = await factories.user(first_name="Bo")
    one = await factories.mission(starts_at=_at(2), hours=2)
    two = await factories.mission(starts_at=_at(30), place_id=place["id"])
    late = await factories.mission(starts_at=_at(24 * 40))
    a = await factories.assignment(one["roles"][0]["id"], first["id"], accept=True)
    b = await factories.assignment(two["roles"][0]["id"], first["id"])
    c = await factories.assignment(one["roles"][0]["id"], second["id"])
    await factories.assignment(one["roles"][0]["id"], reserve=True)
    outside = await factories.assignment(late["roles"][0]["id"], first["id"])
    theirs = await other.assignment()
    await factories.rate(role_name="technicien son", amount_cents=1800)
    await factories.rate(user_id=second["id"], kind="cachet", amount_cents=25000)
    await factories.rate(mission_id=two["id"], kind="per_mission", amount_cents=9000)
    span = {"starts_after": _at(0), "starts_before": _at(24 * 30)}

    rows = await host.work_rows(org_id, **span)

    # The same assignments as iter_assignments, in its order, reserves included.
    listed = [s async for s in host.iter_assignments(org_id, **span)]
    assert [r.assignment_id for r in rows] == [s.assignment_id for s in listed]
    assert outside["id"] not in {r.assignment_id for r in rows}
    assert theirs["id"] not in {r.assignment_id for r in rows}
    assert sum(r.reserve for r in rows) == 1
    # Each field is what the single reads give.
    users = await host.get_users(org_id, [r.user_id for r in rows])
    missions = await host.get_missions(org_id, [r.mission_id for r in rows])
    rates = await host.assignment_rates(org_id, [r.assignment_id for r in rows])
    for row, summary in zip(rows, listed, strict=True):
        assert isinstance(row, WorkRow)
        assert isinstance(row, tuple)
        rate = rates[row.assignment_id]
        assert row == (
            summary.assignment_id,
            summary.status,
            summary.reserve,
            summary.user_id,
            users[row.user_id].name,
            users[row.user_id].employment_type,
            summary.mission_id,
            missions[row.mission_id].project_id,
            summary.timezone,
            summary.starts_at,
            summary.ends_at,
            rate.kind if rate else None,
            rate.amount_cents if rate else None,
            rate.currency if rate else None,
        )
    by_id = {r.assignment_id: r for r in rows}
    assert by_id[a["id"]][1:6] == ("ACCEPTED", False, first["id"], "Ada Lovelace", "CDI")
    in_montreal = by_id[b["id"]]
    assert (in_montreal.timezone, in_montreal.rate_kind) == ("America/Montreal", "per_mission")
    assert by_id[c["id"]].user_name == f"Bo {second['last_name']}"
    assert by_id[c["id"]].rate_amount_cents == 25000
    assert by_id[a["id"]].rate_amount_cents == 1800

    # Filters: statuses and user.
    accepted = await host.work_rows(org_id, statuses=["ACCEPTED"], **span)
    assert [r.assignment_id for r in accepted] == [a["id"]]
    mine = await host.work_rows(org_id, user_id=second["id"], **span)
    assert [r.assignment_id for r in mine] == [c["id"]]
    assert await host.work_rows(other.org.org_id, user_id=first["id"], **span) == []


@pytest.mark.parametrize(
    ("starts_after", "starts_before"),
    [
        (_at(10), _at(10)),
        (_at(10), _at(0)),
        (_at(0), _at(24 * 101)),
        (dt.datetime(2027, 5, 3), dt.datetime(2027, 5, 4)),
    ],
)
async def test_work_rows_refuses_a_span_backwards_too_long_or_naive(
    factories, starts_after, starts_before
):
    with pytest.raises(ValueError, match="starts_after"):
        await host.work_rows(
            factories.org.org_id, starts_after=starts_after, starts_before=starts_before
        )
