"""Tenant isolation: with org A's session, every route given org B's ids answers 404.

The test walks the app's routes, so a new route with an id in its path fails
here until this file knows how to create such a resource in org B.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from coulisses.db.connection import fetch
from tests.helpers import OrgSession, signup

# path parameter name -> coroutine creating that resource in org B, returning its id
Factory = Callable[[OrgSession], Awaitable[Any]]


async def _member_of_b(b: OrgSession) -> int:
    created = await b.post("/api/v1/orgs/current/members", json={"email": "b-tech@example.org", "role": "tech"})
    return int(created.json()["account_id"])


FACTORIES: dict[str, Factory] = {
    "account_id": _member_of_b,
}

# routes whose path ids are not org-owned resources (plugin names are global)
NOT_ORG_SCOPED = {"name"}
BODIES: dict[str, Any] = {"PATCH": {"role": "manager"}, "POST": {}, "PUT": {}}


def _routes(app: Any) -> list[tuple[str, str, list[str]]]:
    found = []
    for route in app.routes:
        params = re.findall(r"{(\w+):\w+}", route.path)
        if not params or not route.path.startswith("/api/v1/"):
            continue
        for method in sorted(route.methods - {"HEAD", "OPTIONS"}):
            found.append((method, route.path, params))
    return found


async def test_every_route_with_ids_of_another_org_answers_404(app, client, new_client):
    a = await signup(client, "Org A")
    b = await signup(new_client(), "Org B")
    ids: dict[str, Any] = {}
    checked = 0
    for method, path, params in _routes(app):
        if set(params) <= NOT_ORG_SCOPED:
            continue
        missing = [p for p in params if p not in FACTORIES and p not in NOT_ORG_SCOPED]
        assert not missing, f"{method} {path}: add a factory for {missing} in this test"
        for p in params:
            if p not in ids and p in FACTORIES:
                ids[p] = await FACTORIES[p](b)
        url = re.sub(r"{(\w+):\w+}", lambda m: str(ids[m.group(1)]), path)
        before = await fetch("SELECT count(*) AS n FROM audit_log WHERE org = $1", b.org_id)
        call = getattr(a, method.lower())
        kwargs = {"json": BODIES[method]} if method in BODIES else {}
        response = await call(url, **kwargs)
        assert response.status_code == 404, f"{method} {url} -> {response.status_code} {response.text}"
        after = await fetch("SELECT count(*) AS n FROM audit_log WHERE org = $1", b.org_id)
        assert before == after, f"{method} {url} wrote into org B"
        checked += 1
    assert checked >= 2
    # org B's member is untouched
    members = (await b.get("/api/v1/orgs/current/members")).json()
    assert {m["role"] for m in members} == {"owner", "tech"}
