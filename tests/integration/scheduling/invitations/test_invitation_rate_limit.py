"""Public invitation answers are rate limited per client IP and per invitation (429
invitation.rate_limited), and a refused attempt changes nothing."""

from __future__ import annotations

from coulisses.settings import get_settings
from tests.conftest import run_jobs
from tests.helpers import error_code, signup
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user
from tests.integration.scheduling.invitations.test_invitations import LINK, _link


async def _invitation(client, mail_sink, email: str = "crew@example.org"):
    org = await signup(client)
    project = await make_project(org)
    mission = await make_mission(org, project["id"], roles=[{"name": "son", "quota": 3}])
    user = await make_user(org, email=email)
    assignment = await invite(org, mission["roles"][0]["id"], user["id"])
    invitation_id, token = await _link(mail_sink, email)
    return org, assignment, invitation_id, token


async def test_replays_of_one_invitation_are_limited(client, new_client, mail_sink):
    org, assignment, invitation_id, token = await _invitation(client, mail_sink)
    limit = get_settings().invitation_max_attempts
    public = new_client("10.20.0.1")
    url = f"/api/v1/invitations/{invitation_id}/accept"
    for i in range(limit):
        response = await public.post(url, params={"token": token})
        assert response.status_code == 200, (i, response.text)
        assert response.json()["replayed"] is (i > 0)
    refused = await public.post(url, params={"token": token})
    assert refused.status_code == 429
    assert error_code(refused) == "invitation.rate_limited"
    # The limit is per invitation, whatever the address or the route.
    elsewhere = await new_client("10.20.0.2").post(
        f"/api/v1/invitations/{invitation_id}/decline", params={"token": token}
    )
    assert elsewhere.status_code == 429
    assert error_code(elsewhere) == "invitation.rate_limited"
    fetched = (await org.get(f"/api/v1/assignments/{assignment['id']}")).json()
    assert fetched["status"] == "ACCEPTED"


async def test_wrong_tokens_from_one_address_are_limited_strictly(client, new_client, mail_sink):
    org, assignment, invitation_id, token = await _invitation(client, mail_sink)
    limit = get_settings().invitation_bad_token_max
    noisy = new_client("10.30.0.1")
    for i in range(limit):
        # Unknown ids and forged tokens count too (a scan is what this limit stops).
        response = await noisy.post(
            f"/api/v1/invitations/{900_000 + i}/accept", params={"token": "forged"}
        )
        assert response.status_code == 404, (i, response.text)
        assert error_code(response) == "invitation.not_found"
    refused = await noisy.post(
        f"/api/v1/invitations/{invitation_id}/decline",
        params={"token": token},
        json={"reason": "pas dispo"},
    )
    assert refused.status_code == 429
    assert error_code(refused) == "invitation.rate_limited"
    still = (await org.get(f"/api/v1/assignments/{assignment['id']}")).json()
    assert still["status"] == "INVITED"
    assert still["decline_reason"] is None

    # Another address is not affected.
    answered = await new_client("10.30.0.2").post(
        f"/api/v1/invitations/{invitation_id}/decline",
        params={"token": token},
        json={"reason": "pas dispo"},
    )
    assert answered.status_code == 200, answered.text
    assert answered.json()["assignment_status"] == "DECLINED"


async def test_an_invitation_of_another_org_still_answers_404_under_the_limit(
    client, new_client, mail_sink
):
    b_org, b_assignment, b_invitation, _ = await _invitation(client, mail_sink)
    attacker = await signup(new_client("10.40.0.1"))
    response = await attacker.post(
        f"/api/v1/invitations/{b_invitation}/accept", params={"token": "forged-by-org-a"}
    )
    assert response.status_code == 404
    assert error_code(response) == "invitation.not_found"
    fetched = (await b_org.get(f"/api/v1/assignments/{b_assignment['id']}")).json()
    assert fetched["status"] == "INVITED"


async def test_a_whole_crew_answering_behind_one_address_is_not_refused(
    client, new_client, mail_sink
):
    """A venue Wi-Fi: many valid links answered from one IP, far past the wrong-token limit."""
    org = await signup(client)
    project = await make_project(org)
    mission = await make_mission(org, project["id"], roles=[{"name": "son", "quota": 80}])
    crew = max(get_settings().invitation_bad_token_max, 60) + 5
    users = [await make_user(org, email=f"crew{i}@example.org") for i in range(crew)]
    response = await org.post(
        "/api/v1/assignments/bulk_create",
        json={
            "mission_role_ids": [mission["roles"][0]["id"]],
            "user_ids": [u["id"] for u in users],
        },
    )
    assert response.status_code == 201, response.text
    await run_jobs()
    venue = new_client("10.50.0.1")
    for i in range(crew):
        [message] = mail_sink.to(f"crew{i}@example.org")
        match = LINK.search(message.get_content())
        assert match
        invitation_id, token = int(match[1]), match[2]
        answered = await venue.post(
            f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
        )
        assert answered.status_code == 200, (i, answered.text)
