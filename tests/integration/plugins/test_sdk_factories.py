"""The SDK test factories make core data through the real API, with defaults and overrides."""

from __future__ import annotations

import datetime as dt

import pytest

from coulisses_sdk import host
from coulisses_sdk.testing import Factories


async def test_defaults_make_a_complete_invited_assignment_in_the_fixture_org(factories):
    assignment = await factories.assignment()

    assert assignment["status"] == "INVITED"
    assert assignment["invitation"]["id"] > 0
    org_id = factories.org.org_id
    mission = await host.get_mission(org_id, assignment["mission_id"])
    user = await host.get_user(org_id, assignment["user_id"])
    assert mission is not None
    assert user is not None
    assert mission.duration_minutes == 360
    tomorrow = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    assert mission.starts_at == dt.datetime.combine(tomorrow, dt.time(18), tzinfo=dt.UTC)
    assert (user.first_name, user.employment_type) == ("Camille", "Intermittent")
    assert user.email is not None
    assert user.email.endswith("@example.org")
    [role] = await host.mission_roles(org_id, mission.mission_id)
    assert (role.name, role.quota, role.pending) == ("technicien son", 2, 1)


async def test_every_default_can_be_overridden_and_names_never_collide(factories):
    first, second = await factories.user(), await factories.user()
    assert first["email"] != second["email"]
    assert first["last_name"] != second["last_name"]
    assert (await factories.place())["name"] != (await factories.place())["name"]

    place = await factories.place(name="Halle", timezone="America/Montreal")
    project = await factories.project(name="Tournee", starts_on="2027-06-01")
    mission = await factories.mission(
        project["id"],
        starts_at=dt.datetime(2027, 6, 2, 20, tzinfo=dt.UTC),
        hours=2.5,
        title="Concert",
        place_id=place["id"],
        roles=[{"name": "lumiere", "quota": 3}, {"name": "son", "quota": 1}],
    )
    user = await factories.user(first_name="Ada", skills=[{"name": "son", "level": 3}])

    assert (place["timezone"], project["starts_on"]) == ("America/Montreal", "2027-06-01")
    assert (mission["title"], mission["duration_minutes"], mission["place"]) == (
        "Concert",
        150,
        "Halle",
    )
    assert [(r["name"], r["quota"]) for r in mission["roles"]] == [("lumiere", 3), ("son", 1)]
    assert user["first_name"] == "Ada"
    assert user["skills"][0]["level"] == 3
    no_roles = await factories.mission(
        project["id"], starts_at="2027-06-03T10:00:00+00:00", roles=[]
    )
    assert no_roles["roles"] == []
    with_role = await factories.role(no_roles["id"], name="habilleuse", quota=2)
    assert [(r["name"], r["quota"]) for r in with_role["roles"]] == [("habilleuse", 2)]


async def test_accepted_reserve_and_invitation_lifecycle(factories):
    mission = await factories.mission(roles=[{"name": "son", "quota": 2}])
    role_id = mission["roles"][0]["id"]

    accepted = await factories.assignment(role_id, accept=True)
    invitation = await factories.invitation(role_id)
    reserve = await factories.assignment(role_id, reserve=True)  # the role is full

    assert (accepted["status"], accepted["reserve"]) == ("ACCEPTED", False)
    assert (reserve["status"], reserve["reserve"]) == ("INVITED", True)
    assert invitation["assignment"]["invitation"]["id"] == invitation["id"]
    resent = await factories.resend_invitation(invitation["id"])
    # A new link replaces the old one, on the same assignment.
    assert resent["id"] != invitation["id"]
    assert resent["assignment_id"] == invitation["assignment_id"]
    revoked = await factories.revoke_invitation(resent["id"])
    assert revoked["revoked_at"] is not None
    summary = await host.get_assignment(factories.org.org_id, invitation["assignment"]["id"])
    assert summary is not None
    assert summary.invitation_id is None


async def test_a_refusal_of_the_core_fails_the_factory_with_its_answer(factories, make_org):
    with pytest.raises(AssertionError, match=r"422.*place"):
        await factories.place(timezone="Mars/Olympus")
    # Another org's role is not found from this org: the factory reports the 404.
    theirs = await Factories(await make_org()).mission()
    with pytest.raises(AssertionError, match="404"):
        await factories.assignment(theirs["roles"][0]["id"])


async def test_factories_of_two_orgs_stay_apart(factories, make_org):
    other = Factories(await make_org())
    mine, theirs = await factories.user(), await other.user()

    assert await host.get_user(factories.org.org_id, theirs["id"]) is None
    assert await host.get_user(other.org.org_id, mine["id"]) is None
    assert [u.user_id async for u in host.iter_users(other.org.org_id)] == [theirs["id"]]
