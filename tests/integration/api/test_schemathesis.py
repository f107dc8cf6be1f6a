"""The API keeps the promises of its OpenAPI document: a bounded schemathesis run.

The real app is served by uvicorn (``live_server``, the session's event loop);
schemathesis runs in a worker thread and calls it over TCP, authenticated as an
org owner (Bearer token) of an org seeded with one of everything, so that ids
exist. Two runs, both derandomized (a fixed seed derived from the test) with a
fixed example budget:

- stateless: every operation, positive and negative data;
- stateful: sequences chained by the links schemathesis infers from the
  document (a created id fed to the routes taking it).

Every response must pass: no 5xx, a documented status code, the documented
content type, a body matching the documented schema. Failures are collected
(not raised, so hypothesis does not spend the budget shrinking) and reported
together.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import FlakyStrategyDefinition, Unsatisfiable
from hypothesis.stateful import run_state_machine_as_test
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from coulisses.db.connection import fetch
from coulisses.sealing import seal
from tests.integration.auth.support import signup
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

pytestmark = pytest.mark.slow

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

#: Operations left out of the runs, and why (never silently).
EXCLUDED: dict[tuple[str, str], str] = {
    ("GET", "/api/v1/events"): "an endless Server-Sent Events stream (tests/integration/live)",
    ("POST", "/api/v1/auth/logout"): "ends the session every later call of the run uses",
    ("POST", "/api/v1/auth/password"): "a right guess would change the password mid-run",
    ("POST", "/api/v1/auth/switch-org"): "a session for another org would strand the run",
}
#: Left out of the stateful run only: their side effects change what later steps see.
EXCLUDED_STATEFUL: dict[tuple[str, str], str] = {
    ("PATCH", "/api/v1/orgs/current/plugins/{name}"): (
        "enabling/disabling plugins adds and removes whole route families mid-sequence"
    ),
    ("DELETE", "/api/v1/orgs/current/members/{account_id}"): (
        "removing the owner's own membership would strand the run"
    ),
    ("PATCH", "/api/v1/orgs/current/members/{account_id}"): (
        "demoting the owner's own membership would strand the run"
    ),
}

STATELESS_EXAMPLES = 25
STATEFUL_EXAMPLES = 40
STATEFUL_STEPS = 8


def _settings(max_examples: int, **extra: Any) -> settings:
    return settings(
        max_examples=max_examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
        **extra,
    )


#: Query parameters left out of every operation, and why.
EXCLUDED_PARAMETERS: dict[str, str] = {
    "fields": "a list's fields keeps only some keys of each item, below the item schema on"
    " purpose (docs/api.md, Listes); tests/integration/api/test_lists.py checks it",
}


def _without_parameters(operation: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(operation, dict) or "parameters" not in operation:
        return operation
    kept = [
        p
        for p in operation["parameters"]
        if not (p.get("in") == "query" and p.get("name") in EXCLUDED_PARAMETERS)
    ]
    return {**operation, "parameters": kept}


def _spec_without(spec: dict[str, Any], excluded: dict[tuple[str, str], str]) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for path, item in spec["paths"].items():
        kept = {
            m: _without_parameters(op)
            for m, op in item.items()
            if (m.upper(), path) not in excluded
        }
        if any(m in kept for m in ("get", "post", "put", "patch", "delete")):
            paths[path] = kept
    return {**spec, "paths": paths}


class Failures:
    def __init__(self) -> None:
        self.by_kind: dict[str, list[str]] = defaultdict(list)

    def record(self, case: Any, response: Any) -> None:
        try:
            case.validate_response(response, checks=CHECKS)
        except (AssertionError, BaseExceptionGroup) as exc:  # one failure or a FailureGroup
            label = f"{case.method} {case.path} -> {response.status_code}"
            for failure in getattr(exc, "exceptions", [exc]):
                title = getattr(failure, "title", type(failure).__name__)
                message = str(getattr(failure, "message", failure)).splitlines()[:6]
                self.by_kind[label].append(f"{title}: {' | '.join(message)}")

    def report(self) -> str:
        lines = [f"{len(self.by_kind)} failing operation/status pairs:"]
        for label, items in sorted(self.by_kind.items()):
            lines.append(f"- {label}")
            lines.extend(f"    {item}" for item in sorted(set(items))[:3])
        return "\n".join(lines)


async def _seed(client: Any) -> dict[str, str]:
    owner = await signup(client)
    user = await make_user(owner)
    project = await make_project(owner)
    mission = await make_mission(owner, project["id"])
    await invite(owner, mission["roles"][0]["id"], user["id"])
    await owner.post(
        "/api/v1/orgs/current/members", json={"email": "tech@example.org", "role": "tech"}
    )
    for plugin in (await owner.get("/api/v1/orgs/current/plugins")).json()["items"]:
        await owner.enable(plugin["name"])
    # The owner has a second factor: a run that turns the org's MFA policy on
    # (UpdateCurrentOrg) must not limit its own session to enrolment.
    await fetch(
        "INSERT INTO mfa_totp (account, secret_sealed, confirmed_at) VALUES ($1, $2, now())",
        owner.account_id,
        seal("JBSWY3DPEHPK3PXP", "auth.mfa"),
    )
    return {"Authorization": f"Bearer {client.cookies['cc_access']}"}


def _stateless(schema: Any, base_url: str, headers: dict[str, str], failures: Failures) -> int:
    calls = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @_settings(STATELESS_EXAMPLES)
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case: Any) -> None:
                nonlocal calls
                calls += 1
                failures.record(case, case.call(base_url=base_url, headers=headers, timeout=30))

            try:
                run()
            except Unsatisfiable:
                # Nothing to negate: the operation takes no parameter and no body.
                assert mode is GenerationMode.NEGATIVE, operation.label
    return calls


def _stateful(schema: Any, base_url: str, headers: dict[str, str], failures: Failures) -> int:
    calls = 0

    class Machine(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {"base_url": base_url, "headers": headers, "timeout": 30}

        def validate_response(self, response: Any, case: Any, **_: Any) -> None:
            nonlocal calls
            calls += 1
            failures.record(case, response)

    # schemathesis 4.32 decides whether a step follows a link with an untracked random
    # (upstream fix "Rare FlakyStrategyDefinition error in the stateful phase"): on an API
    # whose state changes (a user deleted mid-run), hypothesis can then see a replayed
    # prefix draw differently and stops the run. Not an API failure: every call made was
    # checked, and the budget assertion of the test still holds.
    with contextlib.suppress(FlakyStrategyDefinition):
        run_state_machine_as_test(
            Machine, settings=_settings(STATEFUL_EXAMPLES, stateful_step_count=STATEFUL_STEPS)
        )
    return calls


async def test_every_response_keeps_the_openapi_promises_stateless_and_stateful(
    app, client, live_server
):
    headers = await _seed(client)
    spec = app.openapi_schema.to_schema()
    config = schemathesis.Config()
    stateless = schemathesis.openapi.from_dict(_spec_without(spec, EXCLUDED), config=config)
    stateful = schemathesis.openapi.from_dict(
        _spec_without(spec, {**EXCLUDED, **EXCLUDED_STATEFUL}), config=config
    )
    failures = Failures()
    stateless_calls = await asyncio.to_thread(_stateless, stateless, live_server, headers, failures)
    stateful_calls = await asyncio.to_thread(_stateful, stateful, live_server, headers, failures)
    assert not failures.by_kind, failures.report()
    # The budget was spent on real calls, in both runs.
    assert stateless_calls > 20 * len(spec["paths"])
    assert stateful_calls > STATEFUL_EXAMPLES
