"""GET /api/v1/events shows each event as the subscriber may see it (coulisses.privacy):
a tech's stream carries no colleague's decline reason or address; their own stay."""

from __future__ import annotations

from coulisses_sdk.testing import event_stream, next_event
from tests.helpers import signup
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import make_mission, make_project, make_user


def _token(session) -> str:
    return str(session.client.cookies.get("cc_access"))


async def test_a_techs_stream_hides_colleagues_decline_reasons_and_addresses(
    client, new_client, live_server
):
    owner = await signup(client)
    tech = await member_session(owner, new_client, "tech.stream@example.org", "tech")
    manager = await member_session(owner, new_client, "boss.stream@example.org", "manager")
    colleague = await member_session(owner, new_client, "paul.stream@example.org", "tech")
    own = await make_user(owner, first_name="Tina", account_id=tech.account_id)
    paul = await make_user(owner, first_name="Paul", account_id=colleague.account_id)
    project = await make_project(owner)
    mission = await make_mission(
        owner, project["id"], roles=[{"name": "son", "quota": 3, "required_skills": []}]
    )
    invited = await owner.post(
        "/api/v1/assignments/bulk_create",
        json={"mission_role_ids": [mission["roles"][0]["id"]], "user_ids": [own["id"], paul["id"]]},
    )
    assert invited.status_code == 201, invited.text
    ids = {a["user_id"]: a["id"] for a in invited.json()["items"]}

    async with (
        event_stream(live_server, _token(tech)) as as_tech,
        event_stream(live_server, _token(manager)) as as_manager,
    ):
        for session, user, reason in ((colleague, paul, "malade"), (tech, own, "en tournee")):
            declined = await session.post(
                f"/api/v1/assignments/{ids[user['id']]}/decline", json={"reason": reason}
            )
            assert declined.status_code == 200, declined.text
        added = await owner.post(
            "/api/v1/orgs/current/members", json={"email": "new.stream@example.org", "role": "tech"}
        )
        assert added.status_code == 201, added.text

        first = await next_event(as_tech, "AssignmentDeclined")
        second = await next_event(as_tech, "AssignmentDeclined")
        assert (first["data"]["user_id"], first["data"]["reason"]) == (paul["id"], None)
        assert (second["data"]["user_id"], second["data"]["reason"]) == (own["id"], "en tournee")
        assert first["data"]["assignment_id"] == ids[paul["id"]]  # the rest is intact
        member = await next_event(as_tech, "MemberAdded")
        assert member["data"]["email"] is None
        assert member["data"]["role"] == "tech"

        seen = [(await next_event(as_manager, "AssignmentDeclined"))["data"] for _ in range(2)]
        assert [e["reason"] for e in seen] == ["malade", "en tournee"]
        member = await next_event(as_manager, "MemberAdded")
        assert member["data"]["email"] == "new.stream@example.org"
