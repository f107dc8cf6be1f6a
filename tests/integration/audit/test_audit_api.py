"""GET /api/v1/audit: owners and admins read their org's log, filtered by actor, action,
target and window, page by page with a cursor that neither skips nor repeats entries
sharing one timestamp; updates carry before/after with only the changed fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from coulisses.db.connection import fetch
from tests.helpers import OrgSession, error_code, signup
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import (
    invite,
    make_mission,
    make_overlapping_missions,
    make_project,
    make_user,
)
from tests.integration.scheduling.invitations.test_invitations import _setup as invited

URL = "/api/v1/audit"
NIR = "1 85 05 78 006 084 91"


async def _entries(org: OrgSession, **params: Any) -> list[dict[str, Any]]:
    response = await org.get(URL, params={"page_size": 200, **params})
    assert response.status_code == 200, response.text
    assert response.json()["next_cursor"] is None
    return list(response.json()["items"])


async def _all_pages(org: OrgSession, limit: int, **params: Any) -> list[list[dict[str, Any]]]:
    pages: list[list[dict[str, Any]]] = []
    cursor: str | None = None
    while True:
        query = {"page_size": limit, **params, **({"cursor": cursor} if cursor else {})}
        response = await org.get(URL, params=query)
        assert response.status_code == 200, response.text
        pages.append(response.json()["items"])
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return pages
        assert len(pages) < 100, "the cursor never ends"


async def test_owner_reads_entries_newest_first_with_actor_target_and_payload(client):
    org = await signup(client, "Festival des Coulisses")
    await fetch(
        "UPDATE accounts SET first_name = 'Camille', last_name = 'Roux' WHERE id = $1",
        org.account_id,
    )
    project = await make_project(org)

    [newest, oldest] = await _entries(org)
    assert newest["action"] == "project.created"
    assert newest["target"] == f"project:{project['id']}"
    assert newest["actor"] == {
        "id": org.account_id,
        "email": org.email,
        "display_name": "Camille Roux",
    }
    assert newest["payload"] == {}
    assert oldest["action"] == "org.created"
    assert oldest["payload"] == {"slug": "festival-des-coulisses"}
    created = dt.datetime.fromisoformat(newest["created_at"])
    assert created.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(dt.UTC) - created) < dt.timedelta(minutes=5)
    assert newest["id"] > oldest["id"]


async def test_only_owners_and_admins_read_the_log(client, new_client):
    owner = await signup(client)
    admin = await member_session(owner, new_client, "admin-audit@example.org", "admin")
    manager = await member_session(owner, new_client, "manager-audit@example.org", "manager")
    tech = await member_session(owner, new_client, "tech-audit@example.org", "tech")

    seen = await _entries(admin)
    assert [e["action"] for e in seen][:3] == ["member.added"] * 3
    # The admin's own name is unknown: the email stands for it.
    assert {e["actor"]["display_name"] for e in seen if e["action"] == "member.added"} == {
        owner.email
    }
    for member in (manager, tech):
        response = await member.get(URL)
        assert response.status_code == 403, response.text
        assert error_code(response) == "auth.forbidden"
    anonymous = await new_client().get(URL)
    assert anonymous.status_code == 401
    assert error_code(anonymous) == "auth.unauthenticated"


async def test_an_org_never_sees_another_orgs_entries_nor_filters_on_its_accounts(
    client, new_client
):
    a = await signup(client)
    b = await signup(new_client())
    b_project = await make_project(b)
    await make_project(a)

    a_entries = await _entries(a)
    assert {e["action"] for e in a_entries} == {"org.created", "project.created"}
    assert all(e["actor"]["id"] == a.account_id for e in a_entries)
    assert await _entries(a, target=f"project:{b_project['id']}") == []
    assert await _entries(a, target=f"org:{b.org_id}") == []

    foreign = await a.get(URL, params={"actor": b.account_id})
    assert foreign.status_code == 404, foreign.text
    assert error_code(foreign) == "audit.actor_not_found"
    assert foreign.json()["error"]["details"] == {"field": "actor"}
    unknown = await a.get(URL, params={"actor": 999_999})
    assert error_code(unknown) == "audit.actor_not_found"


async def test_filters_by_actor_action_exact_or_prefix_and_target(client, new_client):
    owner = await signup(client)
    admin = await member_session(owner, new_client, "admin-filters@example.org", "admin")
    project = await make_project(owner)
    mission = await make_mission(owner, project["id"])
    user = await make_user(admin)
    patched = await admin.patch(f"/api/v1/missions/{mission['id']}", json={"title": "Balances"})
    assert patched.status_code == 200, patched.text

    by_admin = await _entries(owner, actor=admin.account_id)
    assert [e["action"] for e in by_admin] == ["mission.updated", "user.created"]
    assert {e["actor"]["id"] for e in by_admin} == {admin.account_id}

    exact = await _entries(owner, action="mission.updated")
    assert [(e["action"], e["target"]) for e in exact] == [
        ("mission.updated", f"mission:{mission['id']}")
    ]
    prefix = await _entries(owner, action="mission.")
    assert [e["action"] for e in prefix] == ["mission.updated", "mission.created"]
    # Without the dot, an action is exact: no entry is called just "mission".
    assert await _entries(owner, action="mission") == []
    assert await _entries(owner, action="user.created", actor=owner.account_id) == []

    on_mission = await _entries(owner, target=f"mission:{mission['id']}")
    assert [e["action"] for e in on_mission] == ["mission.updated", "mission.created"]
    on_user = await _entries(owner, target=f"user:{user['id']}", action="user.")
    assert [e["actor"]["id"] for e in on_user] == [admin.account_id]

    # A member who left still names their past entries.
    removed = await owner.delete(f"/api/v1/orgs/current/members/{admin.account_id}")
    assert removed.status_code == 204
    assert [e["action"] for e in await _entries(owner, actor=admin.account_id)] == [
        "mission.updated",
        "user.created",
    ]


async def test_window_takes_dates_in_the_org_timezone_and_instants_with_offsets(client):
    org = await signup(client)  # Europe/Paris
    for _ in range(4):
        await make_project(org)
    rows = await fetch(
        "SELECT id FROM audit_log WHERE org = $1 AND action = 'project.created' ORDER BY id",
        org.org_id,
    )
    instants = [
        "2027-06-30T21:59:59+00:00",  # 23:59:59 in Paris, June 30
        "2027-06-30T22:00:00+00:00",  # midnight in Paris, July 1
        "2027-07-01T21:59:59+00:00",  # 23:59:59 in Paris, July 1
        "2027-07-01T22:00:00+00:00",  # midnight in Paris, July 2
    ]
    for row, instant in zip(rows, instants, strict=True):
        await fetch(
            "UPDATE audit_log SET at = $2 WHERE id = $1",
            row["id"],
            dt.datetime.fromisoformat(instant),
        )
    ids = [r["id"] for r in rows]

    def found(entries: list[dict[str, Any]]) -> list[int]:
        return sorted(e["id"] for e in entries if e["action"] == "project.created")

    # A date is a day of the org: July 1 in Paris is [22:00 UTC June 30, 22:00 UTC July 1).
    assert found(await _entries(org, **{"from": "2027-07-01", "to": "2027-07-01"})) == ids[1:3]
    assert found(await _entries(org, **{"from": "2027-07-01"})) == ids[1:]
    assert found(await _entries(org, to="2027-06-30")) == ids[:1]
    # An instant is taken as is: from included, to excluded.
    window = {"from": "2027-07-01T00:00:00+02:00", "to": "2027-07-02T00:00:00+02:00"}
    assert found(await _entries(org, **window)) == ids[1:3]
    assert found(await _entries(org, **{"from": "2027-06-30T21:59:59Z"})) == ids
    assert found(await _entries(org, to="2027-07-01T22:00:00Z")) == ids[:3]
    # The entries on each side of the window are still listed in order around it.
    everything = await _entries(org)
    assert [e["created_at"] for e in everything][-5:] == [
        "2027-07-01T22:00:00Z",
        "2027-07-01T21:59:59Z",
        "2027-06-30T22:00:00Z",
        "2027-06-30T21:59:59Z",
        everything[-1]["created_at"],
    ]


async def test_cursor_pages_cover_every_entry_once_even_with_equal_timestamps(client):
    org = await signup(client)
    project = await make_project(org)
    missions = await make_overlapping_missions(org, project["id"], 7)
    published = await org.post(
        "/api/v1/missions:batch",
        json={"mission_ids": [m["id"] for m in missions], "action": "publish"},
    )
    assert published.status_code == 200, published.text
    same_time = await fetch(
        "SELECT count(DISTINCT at) AS n, count(*) AS total FROM audit_log"
        " WHERE org = $1 AND action = 'mission.published'",
        org.org_id,
    )
    assert (same_time[0]["n"], same_time[0]["total"]) == (1, 7)  # one transaction, one instant

    expected = await fetch(
        "SELECT id FROM audit_log WHERE org = $1 ORDER BY at DESC, id DESC", org.org_id
    )
    assert len(expected) == 10  # org, project, bulk create, 7 published
    for limit in (1, 2, 3, 5, 10, 11):
        pages = await _all_pages(org, limit)
        assert [len(p) for p in pages[:-1]] == [limit] * (len(pages) - 1)
        assert 1 <= len(pages[-1]) <= limit
        assert [e["id"] for page in pages for e in page] == [r["id"] for r in expected]

    # Filters hold across pages too.
    pages = await _all_pages(org, 3, action="mission.published")
    assert [len(p) for p in pages] == [3, 3, 1]
    assert {e["target"] for p in pages for e in p} == {f"mission:{m['id']}" for m in missions}
    [entry] = pages[-1]
    assert entry["payload"] == {
        "batch": True,
        "before": {"status": "DRAFT"},
        "after": {"status": "PUBLISHED"},
    }

    # An entry written while paging appears on no later page (it is newer than the cursor).
    first = (await org.get(URL, params={"page_size": 4})).json()
    await make_project(org, name="Pendant la lecture")
    rest = await _all_pages(org, 4, cursor=first["next_cursor"])
    walked = [e["id"] for e in first["items"]] + [e["id"] for p in rest for e in p]
    assert walked == [r["id"] for r in expected]


async def test_mission_update_records_only_the_changed_fields(client):
    org = await signup(client)
    project = await make_project(org)
    mission = await make_mission(org, project["id"], title="Exploitation", place="Cour")
    response = await org.patch(
        f"/api/v1/missions/{mission['id']}",
        json={
            "title": "Exploitation Cour",
            "place": "Cour",  # unchanged: not in the entry
            "ends_at": "2027-07-11T02:00:00+02:00",
            "starts_at": "2027-07-10T19:00:00+02:00",  # unchanged, other spelling of it
        },
    )
    assert response.status_code == 200, response.text

    [entry] = await _entries(org, action="mission.updated")
    assert entry["target"] == f"mission:{mission['id']}"
    assert entry["payload"] == {
        "before": {"title": "Exploitation", "ends_at": "2027-07-10T23:00:00+00:00"},
        "after": {"title": "Exploitation Cour", "ends_at": "2027-07-11T00:00:00+00:00"},
    }

    # A PATCH that changes nothing writes no entry.
    same = await org.patch(f"/api/v1/missions/{mission['id']}", json={"title": "Exploitation Cour"})
    assert same.status_code == 200, same.text
    assert len(await _entries(org, action="mission.updated")) == 1

    published = await org.post(f"/api/v1/missions/{mission['id']}/publish")
    assert published.status_code == 200, published.text
    [publish] = await _entries(org, action="mission.published")
    assert publish["payload"] == {"before": {"status": "DRAFT"}, "after": {"status": "PUBLISHED"}}


async def test_user_update_records_changed_fields_and_only_that_legal_ids_and_documents_changed(
    client,
):
    org = await signup(client)
    user = await make_user(
        org, first_name="Jean", phone="0600000000", skills=[{"name": "son", "level": 2}]
    )
    response = await org.patch(
        f"/api/v1/users/{user['id']}",
        json={
            "first_name": "Jeanne",
            "phone": "0600000000",
            "skills": [{"name": "son", "level": 3}, {"name": "lumiere", "level": 1}],
            "tags": [],
            "legal_ids": {"nir": NIR},
            "documents": [{"kind": "caces", "label": "CACES R489", "number": "R489-0042"}],
        },
    )
    assert response.status_code == 200, response.text

    [entry] = await _entries(org, action="user.updated", target=f"user:{user['id']}")
    assert entry["payload"] == {
        "before": {
            "first_name": "Jean",
            "skills": [{"name": "son", "level": 2, "reference": None, "valid_until": None}],
            "legal_ids": "[redacted]",
            "documents": "[redacted]",
        },
        "after": {
            "first_name": "Jeanne",
            "skills": [
                {"name": "son", "level": 3, "reference": None, "valid_until": None},
                {"name": "lumiere", "level": 1, "reference": None, "valid_until": None},
            ],
            "legal_ids": "[redacted]",
            "documents": "[redacted]",
        },
    }
    raw = await fetch("SELECT payload::text AS p FROM audit_log WHERE id = $1", entry["id"])
    assert "185057800608491" not in raw[0]["p"]
    assert "R489" not in raw[0]["p"]


async def test_other_updates_carry_before_and_after(client, new_client):
    owner = await signup(client)
    tech = await member_session(owner, new_client, "tech-changes@example.org", "tech")
    project = await make_project(owner)
    mission = await make_mission(owner, project["id"])
    role = mission["roles"][0]
    user = await make_user(owner)

    async def ok(response: Any) -> None:
        assert response.status_code in (200, 201, 204), response.text

    await ok(await owner.patch("/api/v1/orgs/current", json={"name": "Nouvelle Scene"}))
    await ok(
        await owner.patch(
            f"/api/v1/orgs/current/members/{tech.account_id}", json={"role": "manager"}
        )
    )
    await ok(await owner.patch(f"/api/v1/projects/{project['id']}", json={"status": "ACTIVE"}))
    await ok(
        await owner.patch(f"/api/v1/missions/{mission['id']}/roles/{role['id']}", json={"quota": 3})
    )
    rate = await owner.post(
        "/api/v1/rates", json={"kind": "hourly", "amount_cents": 2000, "user_id": user["id"]}
    )
    await ok(rate)
    await ok(await owner.patch(f"/api/v1/rates/{rate.json()['id']}", json={"amount_cents": 2150}))
    await ok(await owner.put("/api/v1/conflicts/rules", json={"org": {"max_hours_day": 11}}))
    await ok(await owner.patch("/api/v1/orgs/current/plugins/hello", json={"enabled": True}))
    assignment = await invite(owner, role["id"], user["id"])
    await ok(await owner.post(f"/api/v1/assignments/{assignment['id']}/cancel"))

    payloads = {e["action"]: e["payload"] for e in await _entries(owner)}
    assert payloads["org.updated"]["before"]["name"] != "Nouvelle Scene"
    assert payloads["org.updated"]["after"] == {"name": "Nouvelle Scene"}
    assert payloads["member.role_changed"] == {
        "before": {"role": "tech"},
        "after": {"role": "manager"},
    }
    assert payloads["project.updated"] == {
        "before": {"status": "DRAFT"},
        "after": {"status": "ACTIVE"},
    }
    assert payloads["mission.role_updated"] == {
        "mission_id": mission["id"],
        "before": {"quota": 2},
        "after": {"quota": 3},
    }
    assert payloads["rate.updated"] == {
        "before": {"amount_cents": 2000},
        "after": {"amount_cents": 2150},
    }
    assert payloads["conflict_rules.updated"] == {
        "before": {"org": None},
        "after": {"org": {"max_hours_day": 11.0, "max_hours_week": None, "min_rest_hours": None}},
    }
    assert payloads["plugin.updated"] == {
        "before": {"enabled": False},
        "after": {"enabled": True},
    }
    assert payloads["assignment.cancelled"] == {
        "user_id": user["id"],
        "before": {"status": "INVITED"},
        "after": {"status": "CANCELLED"},
    }


async def test_an_answer_through_a_signed_link_has_no_actor(client, new_client, mail_sink):
    org, _, user, assignment, invitation_id, token = await invited(client, mail_sink)
    answered = await new_client().post(
        f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
    )
    assert answered.status_code == 200, answered.text

    target = f"assignment:{assignment['id']}"
    [entry] = await _entries(org, action="assignment.accepted", target=target)
    assert entry["actor"] is None
    assert entry["payload"] == {
        "via": "link",
        "user_id": user["id"],
        "before": {"status": "INVITED"},
        "after": {"status": "ACCEPTED"},
    }
    assert token not in str(await _entries(org))


async def test_bad_parameters_are_refused_naming_the_parameter(client):
    org = await signup(client)
    cases: list[tuple[dict[str, Any], int, str, str]] = [
        ({"page_size": 0}, 400, "pagination.invalid", "page_size"),
        ({"page_size": 201}, 400, "pagination.invalid", "page_size"),
        ({"page": 0}, 400, "pagination.invalid", "page"),
        ({"sort": "action"}, 400, "request.invalid_sort", "sort"),
        ({"cursor": "pas-un-curseur"}, 400, "audit.invalid_cursor", "cursor"),
        ({"cursor": "WzEsMF0"}, 400, "audit.invalid_cursor", "cursor"),  # id 0
        ({"cursor": "eyJhIjoxfQ"}, 400, "audit.invalid_cursor", "cursor"),  # {"a":1}
        ({"from": "hier"}, 422, "validation.invalid_date", "from"),
        ({"to": "2027-13-01"}, 422, "validation.invalid_date", "to"),
        ({"from": "2027-07-01T10:00:00"}, 422, "validation.naive_datetime", "from"),
        ({"from": "2027-07-02", "to": "2027-07-01"}, 422, "validation.invalid_window", "to"),
    ]
    for params, status, code, field in cases:
        response = await org.get(URL, params=params)
        assert response.status_code == status, (params, response.text)
        assert error_code(response) == code, (params, response.text)
        assert response.json()["error"]["details"]["field"] == field, (params, response.text)

    for params, field in (
        ({"page_size": "dix"}, "page_size"),
        ({"actor": "moi"}, "actor"),
        ({"actor": 0}, "actor"),
        ({"action": "x" * 101}, "action"),
        ({"target": "t" * 201}, "target"),
    ):
        response = await org.get(URL, params=params)
        assert response.status_code == 400, (params, response.text)
        assert error_code(response) == "request.validation", (params, response.text)
        assert field in str(response.json()["error"]["details"]), (params, response.text)
