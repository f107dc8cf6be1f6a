"""Open shifts: the applicant is told each step of their application; a place offered
from the waitlist (``OpenShiftOffered``) by email too, with its deadline."""

from __future__ import annotations

from notifications_support import make_mission, make_user, sent_messages, text_of

from coulisses_sdk.testing import run_jobs

NO_QUIET = {"quiet_start": "00:00", "quiet_end": "00:00"}


async def test_a_waitlisted_applicant_is_told_in_the_app_then_offered_the_place_by_email(
    org, enable_plugin, smtp_sink
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    mission = await make_mission(org)  # one role of 2 places
    role_id = mission["roles"][0]["id"]
    holders = [await make_user(org, first_name=name) for name in ("Lea", "Tom")]
    held = []
    for user in holders:
        response = await org.post(
            "/api/v1/assignments", json={"mission_role_id": role_id, "user_id": user["id"]}
        )
        assert response.status_code == 201, response.text
        held.append(response.json())
    me = await make_user(org, first_name="Zoe", account_id=org.account_id)
    published = await org.post(
        "/api/v1/open-shifts", json={"mission_role_id": role_id, "offer_hours": 6}
    )
    assert published.status_code == 200, published.text
    applied = await org.post(f"/api/v1/open-shifts/{published.json()['id']}/apply")
    assert applied.json()["status"] == "WAITLISTED", applied.text
    await run_jobs()
    await run_jobs()

    inbox = (await org.get("/api/v1/notifications")).json()["items"]
    [waiting] = [i for i in inbox if i["kind"] == "open_shift_waitlisted"]
    assert waiting["title"].startswith("Liste d'attente : Exploitation Cour")
    assert smtp_sink.to(me["email"]) == []  # in the app only

    cancelled = await org.post(f"/api/v1/assignments/{held[0]['id']}/cancel")
    assert cancelled.status_code == 200, cancelled.text
    await run_jobs()
    await run_jobs()

    [offer] = smtp_sink.to(me["email"])
    assert "une place vous est offerte sur Exploitation Cour" in str(offer["Subject"])
    assert "R\u00e9pondez avant le" in text_of(offer)
    assert "/unsubscribe" not in text_of(offer)  # transactional
    inbox = (await org.get("/api/v1/notifications")).json()["items"]
    [item] = [i for i in inbox if i["kind"] == "open_shift_offered"]
    assert item["title"].startswith("Place offerte : Exploitation Cour")
    assert item["data"]["application_id"] == applied.json()["id"]
    logged = await sent_messages(org, template="open_shift_offered")
    assert {m["channel"] for m in logged} == {"email", "in_app"}

    await run_jobs()  # nothing twice
    assert len(smtp_sink.to(me["email"])) == 1
