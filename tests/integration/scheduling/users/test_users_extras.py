"""Users: rate profile label, legal ids, document metadata (validation, visibility by role),
fuzzy name search with pg_trgm when the database has it, tenant isolation."""

from __future__ import annotations

from coulisses.db.connection import fetch
from tests.helpers import error_code, signup
from tests.integration.plugins.support import member_session
from tests.integration.scheduling.factories import make_user

# 1 85 05 78 006 084, key 97 - (1850578006084 mod 97) = 91
NIR = "1 85 05 78 006 084 91"
# Corsica: 2A counts as 19 in the key.
NIR_CORSICA = "1 85 05 2A 341 732 07"
SIRET = "732 829 320 00074"
DOCUMENTS = [
    {
        "kind": "caces",
        "label": "CACES R489 cat. 3",
        "number": "R489-3-2026-0042",
        "expires_on": "2031-03-01",
        "file_name": "caces-r489.pdf",
    },
    {"kind": "habilitation_electrique", "label": " BR "},
]


async def test_profile_extras_are_stored_normalized_and_returned(client):
    org = await signup(client)
    user = await make_user(
        org,
        rate_profile=" technicien_horaire ",
        legal_ids={"nir": NIR, "siret": SIRET, "conges_spectacles": "c-1234 567"},
        documents=DOCUMENTS,
    )
    assert user["rate_profile"] == "technicien_horaire"
    assert user["legal_ids"] == {
        "nir": "185057800608491",
        "siret": "73282932000074",
        "conges_spectacles": "C1234567",
    }
    assert user["documents"] == [
        DOCUMENTS[0],
        {
            "kind": "habilitation_electrique",
            "label": "BR",
            "number": None,
            "expires_on": None,
            "file_name": None,
        },
    ]
    fetched = (await org.get(f"/api/v1/users/{user['id']}")).json()
    assert fetched == user


async def test_patch_replaces_legal_ids_and_documents_and_clears_the_rate_profile(client):
    org = await signup(client)
    user = await make_user(
        org, rate_profile="cachet", legal_ids={"nir": NIR, "siret": SIRET}, documents=DOCUMENTS
    )
    patched = await org.patch(
        f"/api/v1/users/{user['id']}",
        json={
            "rate_profile": None,
            "legal_ids": {"nir": NIR_CORSICA, "siret": None},
            "documents": [],
        },
    )
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert body["rate_profile"] is None
    assert body["legal_ids"] == {"nir": "185052A34173207"}
    assert body["documents"] == []
    untouched = await org.patch(f"/api/v1/users/{user['id']}", json={"notes": "x"})
    assert untouched.json()["legal_ids"] == {"nir": "185052A34173207"}


async def test_bad_profile_extras_are_refused_with_stable_codes_and_nothing_written(client):
    org = await signup(client)
    base = {"first_name": "A", "last_name": "B", "employment_type": "Freelance"}
    doc = {"kind": "caces"}
    cases = [
        ({"legal_ids": {"passport": "X1"}}, 422, "user.unknown_legal_id"),
        ({"legal_ids": {"nir": "1 85 05 78 006 084 92"}}, 422, "user.invalid_legal_id"),
        ({"legal_ids": {"nir": "123"}}, 422, "user.invalid_legal_id"),
        ({"legal_ids": {"siret": "73282932000075"}}, 422, "user.invalid_legal_id"),
        ({"legal_ids": {"conges_spectacles": "C#12"}}, 422, "user.invalid_legal_id"),
        ({"legal_ids": {"nir": 185057800608491}}, 400, "request.validation"),
        ({"legal_ids": ["nir"]}, 400, "request.validation"),
        ({"rate_profile": "x" * 101}, 422, "user.invalid_rate_profile"),
        ({"documents": [{**doc, "kind": "Carte Pro"}]}, 422, "user.invalid_document"),
        ({"documents": [{**doc, "file_name": "../etc/passwd"}]}, 422, "user.invalid_document"),
        ({"documents": [{**doc, "label": "x" * 201}]}, 422, "user.invalid_document"),
        ({"documents": [{**doc, "expires_on": "01/03/2031"}]}, 400, "request.validation"),
        ({"documents": [{**doc, "scan": "base64..."}]}, 400, "request.validation"),
        ({"documents": [{"label": "no kind"}]}, 400, "request.validation"),
        ({"documents": [doc] * 51}, 422, "user.too_many_documents"),
    ]
    for extra, status, code in cases:
        response = await org.post("/api/v1/users", json={**base, **extra})
        assert response.status_code == status, (extra, response.text)
        assert error_code(response) == code, extra
    assert (await org.get("/api/v1/users")).json()["total"] == 0

    user = await make_user(org, legal_ids={"nir": NIR})
    refused = await org.patch(
        f"/api/v1/users/{user['id']}", json={"legal_ids": {"nir": NIR, "iban": "FR76"}}
    )
    assert refused.status_code == 422
    assert error_code(refused) == "user.unknown_legal_id"
    assert refused.json()["error"]["details"]["key"] == "iban"
    still = (await org.get(f"/api/v1/users/{user['id']}")).json()
    assert still["legal_ids"] == {"nir": "185057800608491"}


async def test_a_tech_sees_legal_ids_and_documents_only_on_their_own_profile(client, new_client):
    owner = await signup(client)
    tech = await member_session(owner, new_client, "tech-extras@example.org", "tech")
    own = await make_user(
        owner, account_id=tech.account_id, legal_ids={"nir": NIR}, documents=DOCUMENTS
    )
    other = await make_user(owner, first_name="Paul", legal_ids={"siret": SIRET})

    seen_other = (await tech.get(f"/api/v1/users/{other['id']}")).json()
    assert seen_other["legal_ids"] is None
    assert seen_other["documents"] is None
    seen_own = (await tech.get(f"/api/v1/users/{own['id']}")).json()
    assert seen_own["legal_ids"] == {"nir": "185057800608491"}
    assert len(seen_own["documents"]) == 2
    listing = {u["id"]: u for u in (await tech.get("/api/v1/users")).json()["items"]}
    assert listing[other["id"]]["legal_ids"] is None
    assert listing[own["id"]]["legal_ids"] == {"nir": "185057800608491"}
    # The owner (manager and above) sees everyone's.
    assert (await owner.get(f"/api/v1/users/{other['id']}")).json()["legal_ids"] == {
        "siret": "73282932000074"
    }


async def test_free_text_search_tolerates_typos_only_with_pg_trgm(client):
    org = await signup(client)
    martin = await make_user(org, first_name="Jean", last_name="Martin")
    await make_user(org, first_name="Chloe", last_name="Petit")
    trgm = bool(await fetch("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"))

    exact = (await org.get("/api/v1/users", params={"q": "martin"})).json()
    assert [u["id"] for u in exact["items"]] == [martin["id"]]
    typo = (await org.get("/api/v1/users", params={"q": "Martn"})).json()
    if trgm:
        assert [u["id"] for u in typo["items"]] == [martin["id"]]
        assert typo["items"][0]["rank"] > 0
    else:
        # Core PostgreSQL (the embedded server): full text only, a typo finds nothing.
        assert typo["items"] == []
    # Legal ids are never searchable.
    await make_user(org, first_name="Zoe", last_name="Roux", legal_ids={"nir": NIR})
    hidden = (await org.get("/api/v1/users", params={"q": "185057800608491"})).json()
    assert hidden["total"] == 0


async def test_user_extras_of_another_org_answer_404(client, new_client):
    a = await signup(client)
    b = await signup(new_client())
    b_user = await make_user(b, legal_ids={"nir": NIR})
    read = await a.get(f"/api/v1/users/{b_user['id']}")
    assert read.status_code == 404
    assert error_code(read) == "user.not_found"
    write = await a.patch(
        f"/api/v1/users/{b_user['id']}",
        json={"legal_ids": {}, "documents": [], "rate_profile": "x"},
    )
    assert write.status_code == 404
    assert error_code(write) == "user.not_found"
    assert (await b.get(f"/api/v1/users/{b_user['id']}")).json()["legal_ids"] == {
        "nir": "185057800608491"
    }
    assert (await a.get("/api/v1/users")).json()["total"] == 0
