"""The daily certifications digest: the core's check fires ``CertificationsExpiring``, the
plugin tells the org's managers in the app and by email, once per day."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from notifications_support import html_of, make_user, sent_messages, text_of

from coulisses_sdk.testing import OrgClient, run_certification_check, unique_email

NO_QUIET = {"quiet_start": "00:00", "quiet_end": "00:00"}


def _day(offset: int) -> dt.date:
    return dt.datetime.now(ZoneInfo("Europe/Paris")).date() + dt.timedelta(days=offset)


def _cert(name: str, offset: int, reference: str | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "level": 3,
        "valid_until": _day(offset).isoformat(),
        "reference": reference,
    }


async def _renewals(org: OrgClient) -> dict[str, Any]:
    """One certification expiring in 5 days, one expired yet booked on a coming mission."""
    soon = await make_user(
        org, first_name="Gaelle", last_name="Masson", skills=[_cert("cariste", 5, "R489-118")]
    )
    late = await make_user(
        org, first_name="Eric", last_name="Lambert", skills=[_cert("cariste", -2, "R489-007")]
    )
    await make_user(org, first_name="Far", last_name="Away", skills=[_cert("cariste", 300)])
    day = _day(12)
    project = await org.post(
        "/api/v1/projects",
        json={"name": "Saison", "starts_on": _day(0).isoformat(), "ends_on": _day(60).isoformat()},
    )
    assert project.status_code == 201, project.text
    mission = await org.post(
        "/api/v1/missions",
        json={
            "project_id": project.json()["id"],
            "title": "Montage",
            "starts_at": f"{day}T08:00:00+01:00",
            "ends_at": f"{day}T12:00:00+01:00",
            "roles": [{"name": "cariste", "quota": 2, "required_skills": ["cariste"]}],
        },
    )
    assert mission.status_code == 201, mission.text
    role = mission.json()["roles"][0]["id"]
    booked = await org.post(
        "/api/v1/assignments", json={"mission_role_id": role, "user_id": late["id"]}
    )
    assert booked.status_code == 201, booked.text
    return {"soon": soon, "late": late}


async def test_managers_get_the_digest_in_app_and_by_email_once_a_day(
    org, enable_plugin, smtp_sink
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    manager_email = unique_email("regie")
    tech_email = unique_email("tech")
    await org.invite(manager_email, role="manager")
    await org.invite(tech_email, role="tech")
    # The owner reads English; the manager keeps the org's French.
    prefs = await org.put("/api/v1/notifications/preferences", json={"locale": "en"})
    assert prefs.status_code == 200, prefs.text
    await _renewals(org)
    smtp_sink.reset()  # the members' account setup emails

    assert await run_certification_check(org.org_id) is True

    [owner_mail] = smtp_sink.to(org.email)
    assert "certifications to renew (2)" in str(owner_mail["Subject"])
    text = text_of(owner_mail)
    assert "Expiring within 30 days (1):" in text
    assert f"Gaelle Masson - cariste: valid until {_day(5).isoformat()}" in text
    assert "(no. R489-118)" in text
    assert "Already expired, yet still assigned to upcoming missions (1):" in text
    assert "Eric Lambert - cariste" in text
    assert "1 mission planned after that date" in text
    assert "Far Away" not in text
    assert "http://testserver/users/certifications" in text
    assert "Eric Lambert" in html_of(owner_mail)
    assert "List-Unsubscribe" in owner_mail  # a notice, not a transactional message

    [manager_mail] = smtp_sink.to(manager_email)
    assert "certifications \u00e0 renouveler (2)" in str(manager_mail["Subject"])
    assert "Expirent dans les 30 jours (1)" in text_of(manager_mail)
    assert f"valable jusqu'au {_day(5):%d/%m/%Y}" in text_of(manager_mail)
    assert smtp_sink.to(tech_email) == []

    inbox = (await org.get("/api/v1/notifications")).json()
    [item] = inbox["items"]
    assert item["kind"] == "certifications_expiring"
    assert (
        item["title"] == "Certifications to renew: 1 within 30 days, 1 expired and still assigned"
    )
    assert "Gaelle Masson" in item["body"]
    assert item["data"] == {
        "day": _day(0).isoformat(),
        "within_days": 30,
        "expiring": 1,
        "expired_assigned": 1,
    }

    # The same day again: nothing new, anywhere.
    assert await run_certification_check(org.org_id) is False
    assert len(smtp_sink.to(org.email)) == 1
    assert len((await org.get("/api/v1/notifications")).json()["items"]) == 1
    log = await sent_messages(org, template="certifications_expiring")
    assert sorted(m["channel"] for m in log) == ["email", "email", "in_app", "in_app"]


async def test_managers_may_turn_the_digest_email_off(org, enable_plugin, smtp_sink):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    prefs = await org.put(
        "/api/v1/notifications/preferences", json={"channels": {"certifications": ["in_app"]}}
    )
    assert prefs.status_code == 200, prefs.text
    assert "certifications" in prefs.json()["channels"]
    await _renewals(org)

    assert await run_certification_check(org.org_id) is True
    assert smtp_sink.to(org.email) == []
    assert len((await org.get("/api/v1/notifications")).json()["items"]) == 1


async def test_nothing_is_sent_where_the_plugin_is_off_or_nothing_expires(
    org, make_org, enable_plugin, smtp_sink
):
    await _renewals(org)  # plugin not enabled: the check runs, nobody is written to
    assert await run_certification_check(org.org_id) is True
    assert smtp_sink.to(org.email) == []

    calm = await make_org("Calme")
    await enable_plugin(calm, "notifications", config=NO_QUIET)
    await make_user(calm, skills=[_cert("ssiap", 200)])
    assert await run_certification_check(calm.org_id) is False
    assert smtp_sink.to(calm.email) == []
    assert (await calm.get("/api/v1/notifications")).json()["items"] == []
