"""Export files expire after 7 days (410) and the hourly cron drops them; job arguments
hold ids only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from coulisses_payroll import exports
from coulisses_payroll.tables import ExportFile
from coulisses_sdk.testing import OrgClient, run_cron, run_jobs

EXPORTS = "/api/v1/payroll/exports/"


async def done_export(org: OrgClient) -> dict[str, Any]:
    asked = await org.post(
        EXPORTS, json={"kind": "monthly_totals", "format": "csv", "month": "2027-07"}
    )
    assert asked.status_code == 202, asked.text
    await run_jobs()
    state: dict[str, Any] = (await org.get(f"{EXPORTS}{asked.json()['id']}")).json()
    assert state["status"] == "done", state
    return state


async def age(export_id: int, by: dt.timedelta) -> None:
    """Move the export's expiry ``by`` into the past, as if time had passed."""
    await (
        ExportFile.update({ExportFile.expires_at: ExportFile.expires_at - by})
        .where(ExportFile.id == export_id)
        .run()
    )


async def content_of(export_id: int) -> Any:
    row = await ExportFile.select(ExportFile.content).where(ExportFile.id == export_id).first()
    return row["content"] if row else "no row"


async def test_an_export_is_kept_seven_days(org):
    await org.enable("payroll")

    state = await done_export(org)

    created = dt.datetime.fromisoformat(state["created_at"])
    expires = dt.datetime.fromisoformat(state["expires_at"])
    assert expires - created == dt.timedelta(days=7)
    assert state["expired"] is False
    assert state["download_url"] == f"{EXPORTS}{state['id']}/download"


async def test_a_download_past_the_expiry_is_a_410(org):
    await org.enable("payroll")
    state = await done_export(org)

    await age(state["id"], dt.timedelta(days=7, minutes=1))

    response = await org.get(f"{EXPORTS}{state['id']}/download")
    assert response.status_code == 410, response.text
    assert response.json()["error"]["code"] == "payroll.export_expired"
    after = (await org.get(f"{EXPORTS}{state['id']}")).json()
    assert (after["expired"], after["download_url"]) == (True, None)


async def test_the_purge_cron_drops_expired_files_then_their_rows(org, make_org):
    await org.enable("payroll")
    other = await make_org()
    await other.enable("payroll")
    fresh = await done_export(org)
    old = await done_export(org)
    ancient = await done_export(org)
    elsewhere = await done_export(other)
    await age(old["id"], dt.timedelta(days=8))
    await age(ancient["id"], dt.timedelta(days=40))
    await age(elsewhere["id"], dt.timedelta(days=8))

    await run_cron("payroll.purge_exports", org.org_id)

    assert await content_of(fresh["id"]) is not None
    assert await content_of(old["id"]) is None
    assert await content_of(ancient["id"]) == "no row"
    # Only the org the cron ran for.
    assert await content_of(elsewhere["id"]) is not None
    listed = [item["id"] for item in (await org.get(EXPORTS)).json()["items"]]
    assert listed == [old["id"], fresh["id"]]
    gone = await org.get(f"{EXPORTS}{old['id']}/download")
    assert gone.status_code == 410
    assert gone.json()["error"]["code"] == "payroll.export_expired"
    assert (await org.get(f"{EXPORTS}{fresh['id']}/download")).status_code == 200


async def test_the_purge_cron_fails_exports_whose_job_was_lost(org):
    await org.enable("payroll")
    asked = [
        (
            await org.post(
                EXPORTS, json={"kind": "monthly_totals", "format": "csv", "month": "2027-07"}
            )
        ).json()["id"]
        for _ in range(3)
    ]
    lost, stuck, recent = asked
    hour = dt.timedelta(hours=1, minutes=1)
    for export_id in (lost, stuck):
        await (
            ExportFile.update({ExportFile.created_at: ExportFile.created_at - hour})
            .where(ExportFile.id == export_id)
            .run()
        )
    await ExportFile.update({ExportFile.status: "running"}).where(ExportFile.id == stuck).run()

    await exports.purge(org.org_id)

    states = {i: (await org.get(f"{EXPORTS}{i}")).json() for i in asked}
    for export_id in (lost, stuck):
        assert (states[export_id]["status"], states[export_id]["error_code"]) == (
            "failed",
            "payroll.export_failed",
        )
    assert states[recent]["status"] == "queued"
    await run_jobs()  # the lost ones' jobs leave them as they are
    assert (await org.get(f"{EXPORTS}{lost}")).json()["status"] == "failed"
    assert (await org.get(f"{EXPORTS}{recent}")).json()["status"] == "done"


async def test_the_job_is_queued_with_ids_only(org, monkeypatch):
    await org.enable("payroll")
    queued: list[dict[str, Any]] = []
    real = exports.enqueue

    async def spy(job: str, **kwargs: Any) -> None:
        queued.append({"job": job, **kwargs})
        await real(job, **kwargs)

    monkeypatch.setattr(exports, "enqueue", spy)

    state = await done_export(org)

    assert queued == [
        {
            "job": "payroll.run_export",
            "org_id": org.org_id,
            "plugin": "payroll",
            "export_id": state["id"],
        }
    ]


@pytest.mark.parametrize("status", ["running", "done", "failed"])
async def test_the_job_leaves_an_export_it_did_not_queue_alone(org, status):
    await org.enable("payroll")
    state = await done_export(org)
    await (
        ExportFile.update({ExportFile.status: status, ExportFile.progress: 42})
        .where(ExportFile.id == state["id"])
        .run()
    )

    await exports.run(org.org_id, state["id"])
    # Another org's id: nothing either.
    await exports.run(org.org_id + 1000, state["id"])

    after = (await org.get(f"{EXPORTS}{state['id']}")).json()
    assert (after["status"], after["progress"]) == (status, 42)
