"""Reserves: the invitation of a reserve says so, and a reserve given a place (the
``AssignmentPromoted`` event) is told by email and in the app."""

from __future__ import annotations

from notifications_support import (
    invitation_link,
    make_mission,
    make_user,
    sent_messages,
    text_of,
)

from coulisses_sdk.testing import run_jobs

NO_QUIET = {"quiet_start": "00:00", "quiet_end": "00:00"}


async def _invite(org, role_id: int, user: dict, **extra) -> dict:
    response = await org.post(
        "/api/v1/assignments", json={"mission_role_id": role_id, "user_id": user["id"], **extra}
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _click(client, message, verb: str) -> dict:
    invitation_id, token = invitation_link(message, verb)
    response = await client.post(
        f"/api/v1/invitations/{invitation_id}/{verb}", params={"token": token}
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_a_promoted_reserve_is_told_by_email_and_in_the_app(
    org, enable_plugin, smtp_sink, coulisses_client
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    mission = await make_mission(org)  # one role of 2 places
    role_id = mission["roles"][0]["id"]
    holders = [await make_user(org, first_name=name) for name in ("Lea", "Tom")]
    reserve_user = await make_user(org, first_name="Zoe", account_id=org.account_id)
    for user in holders:
        await _invite(org, role_id, user)
    reserve = await _invite(org, role_id, reserve_user, reserve=True)
    assert reserve["reserve"] is True
    await run_jobs()
    await run_jobs()

    [invitation] = smtp_sink.to(reserve_user["email"])
    assert "liste de r\u00e9serve" in text_of(invitation)
    assert "liste de r\u00e9serve" not in text_of(smtp_sink.to(holders[0]["email"])[0])
    accepted = await _click(coulisses_client, invitation, "accept")
    assert (accepted["reserve"], accepted["reserve_position"]) == (True, 1)
    await run_jobs()
    await run_jobs()
    assert len(smtp_sink.to(reserve_user["email"])) == 1  # nothing more until a place frees

    await _click(coulisses_client, smtp_sink.to(holders[0]["email"])[0], "decline")
    await run_jobs()
    await run_jobs()

    promoted = smtp_sink.to(reserve_user["email"])[-1]
    assert "vous avez une place sur Exploitation Cour" in str(promoted["Subject"])
    assert "liste de r\u00e9serve" in text_of(promoted)
    assert "/unsubscribe" not in text_of(promoted)  # it must reach them: transactional
    inbox = (await org.get("/api/v1/notifications")).json()["items"]
    [item] = [i for i in inbox if i["kind"] == "assignment_promoted"]
    assert item["title"].startswith("Place confirm\u00e9e : Exploitation Cour")
    assert item["data"]["assignment_id"] == reserve["id"]
    logged = await sent_messages(org, template="assignment_promoted")
    assert {m["channel"] for m in logged} == {"email", "in_app"}

    await run_jobs()  # a second run sends nothing twice
    assert len(smtp_sink.to(reserve_user["email"])) == 2
