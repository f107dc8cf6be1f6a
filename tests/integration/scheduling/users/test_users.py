"""Users: CRUD, skills and tags, search (filters and ranked full text), paging errors."""

from __future__ import annotations

from tests.helpers import error_code, signup


async def _create(org, **fields):
    body = {"first_name": "Jean", "last_name": "Martin", "employment_type": "Intermittent"}
    body.update(fields)
    response = await org.post("/api/v1/users", json=body)
    assert response.status_code == 201, response.text
    return response.json()


async def test_user_crud_with_skills_and_tags(client):
    org = await signup(client)
    user = await _create(
        org,
        email="jean@example.org",
        skills=[{"name": " Son ", "level": 4}, {"name": "cariste", "level": 2}],
        tags=["bilingue"],
    )
    assert user["skills"] == [
        {"name": "son", "level": 4, "valid_until": None, "reference": None},
        {"name": "cariste", "level": 2, "valid_until": None, "reference": None},
    ]
    assert user["tags"] == ["bilingue"]

    patched = await org.patch(f"/api/v1/users/{user['id']}", json={"tags": ["permis C"]})
    assert patched.status_code == 200, patched.text
    assert patched.json()["tags"] == ["permis C"]
    assert patched.json()["skills"] == user["skills"]
    assert patched.json()["email"] == "jean@example.org"

    cleared = await org.patch(f"/api/v1/users/{user['id']}", json={"email": None})
    assert cleared.json()["email"] is None

    assert (await org.get(f"/api/v1/users/{user['id']}")).status_code == 200
    assert (await org.delete(f"/api/v1/users/{user['id']}")).status_code == 204
    gone = await org.get(f"/api/v1/users/{user['id']}")
    assert gone.status_code == 404
    assert error_code(gone) == "user.not_found"


async def test_user_bad_input_is_refused_with_stable_codes(client):
    org = await signup(client)
    base = {"first_name": "A", "last_name": "B", "employment_type": "CDI"}
    cases = [
        ({**base, "employment_type": "Stagiaire"}, 400, "request.validation"),
        ({**base, "skills": [{"name": "son", "level": 9}]}, 422, "user.invalid_skill_level"),
        ({**base, "first_name": "  "}, 422, "user.invalid_first_name"),
        ({**base, "unknown": 1}, 400, "request.validation"),
        ({**base, "account_id": 999999}, 422, "user.account_not_member"),
    ]
    for body, status, code in cases:
        response = await org.post("/api/v1/users", json=body)
        assert response.status_code == status, (body, response.text)
        assert error_code(response) == code
    listing = (await org.get("/api/v1/users")).json()
    assert listing["total"] == 0


async def test_user_search_by_name_skill_tag_and_ranked_free_text(client):
    org = await signup(client)
    await _create(org, first_name="Alice", last_name="Son", skills=[{"name": "lumiere"}])
    bob = await _create(
        org,
        first_name="Bob",
        last_name="Durand",
        skills=[{"name": "son", "level": 5}],
        tags=["bilingue"],
    )
    await _create(org, first_name="Chloe", last_name="Petit", tags=["permis C"])

    by_skill = (await org.get("/api/v1/users", params={"skill": "son"})).json()
    assert [u["id"] for u in by_skill["items"]] == [bob["id"]]
    by_tag = (await org.get("/api/v1/users", params={"tag": "permis C"})).json()
    assert [u["first_name"] for u in by_tag["items"]] == ["Chloe"]
    by_name = (await org.get("/api/v1/users", params={"name": "dur"})).json()
    assert [u["first_name"] for u in by_name["items"]] == ["Bob"]

    # "son" is Alice's last name (weight A) and Bob's skill (weight B): both match, Alice first.
    ranked = (await org.get("/api/v1/users", params={"q": "son"})).json()
    assert [u["first_name"] for u in ranked["items"]] == ["Alice", "Bob"]
    assert ranked["items"][0]["rank"] > ranked["items"][1]["rank"]
    prefix = (await org.get("/api/v1/users", params={"q": "bili"})).json()
    assert [u["first_name"] for u in prefix["items"]] == ["Bob"]


async def test_user_paging_and_out_of_range_pages(client):
    org = await signup(client)
    for i in range(5):
        await _create(org, last_name=f"Nom{i}")
    first = (await org.get("/api/v1/users", params={"page_size": 2})).json()
    assert first["total"] == 5
    assert len(first["items"]) == 2
    last = (await org.get("/api/v1/users", params={"page_size": 2, "page": 3})).json()
    assert len(last["items"]) == 1
    for params, code in [
        ({"page_size": 2, "page": 4}, "pagination.out_of_range"),
        ({"page": 0}, "pagination.invalid"),
        ({"page_size": 500}, "pagination.invalid"),
        ({"page": "deux"}, "request.validation"),
    ]:
        response = await org.get("/api/v1/users", params=params)
        assert response.status_code == 400, (params, response.text)
        assert error_code(response) == code


async def test_user_linked_account_must_be_org_member(client, new_client):
    org = await signup(client)
    other = await signup(new_client())
    refused = await org.post(
        "/api/v1/users",
        json={
            "first_name": "A",
            "last_name": "B",
            "employment_type": "CDD",
            "account_id": other.account_id,
        },
    )
    assert error_code(refused) == "user.account_not_member"
    linked = await _create(org, account_id=org.account_id)
    assert linked["account_id"] == org.account_id
    twice = await org.post(
        "/api/v1/users",
        json={
            "first_name": "A",
            "last_name": "B",
            "employment_type": "CDD",
            "account_id": org.account_id,
        },
    )
    assert twice.status_code == 409
    assert error_code(twice) == "user.account_taken"
