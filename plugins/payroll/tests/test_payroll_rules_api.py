"""Per-org rule versions: seeded on first read, appended only, validated with stable codes."""

from __future__ import annotations

from typing import Any

import pytest

from coulisses_payroll.plugin import plugin
from coulisses_sdk.testing import OrgClient, assert_config_labelled

API = "/api/v1/payroll/rules/"


async def add(org: OrgClient, **body: Any) -> Any:
    return await org.post(API, json={"employment_type": "intermittent_a8", **body})


async def test_the_plugin_config_is_labelled_in_french_and_english():
    assert_config_labelled(plugin)


async def test_routes_are_404_until_the_org_enables_the_plugin(org):
    assert (await org.get(API)).status_code == 404
    await org.enable("payroll")
    assert (await org.get(API)).status_code == 200
    await org.disable("payroll")
    assert (await org.get(API)).status_code == 404


async def test_the_rules_are_seeded_from_the_configured_profile(org):
    await org.enable("payroll", config={"profile": "prestataires_2717"})

    rules = (await org.get(API)).json()

    assert rules["profile"] == "prestataires_2717"
    kinds = [v["employment_type"] for v in rules["versions"]]
    assert kinds == ["cdd", "cdi", "freelance", "intermittent_a10", "intermittent_a8"]
    a8 = rules["versions"][-1]
    assert a8["effective_from"] == "2024-01-01"
    assert a8["in_force"] is True
    assert a8["params"]["night_premium_pct"] == {
        "value": "25",
        "source": "CC 2717 art. 5.11 [S27]",
        "uncertain": False,
    }
    other = (await org.get(API, params={"profile": "svp_3090"})).json()
    assert other["profile"] == "svp_3090"
    assert other["versions"][-1]["params"]["night_premium_pct"]["value"] == "0"


async def test_a_new_version_changes_only_the_given_parameters(org):
    await org.enable("payroll", config={"profile": "prestataires_2717"})

    created = await add(
        org,
        effective_from="2027-07-01",
        label="accord 2027",
        params={"sunday_premium_pct": {"value": 50, "source": "accord d'entreprise"}},
    )

    assert created.status_code == 201, created.text
    version = created.json()
    assert version["effective_from"] == "2027-07-01"
    assert version["in_force"] is False
    assert version["params"]["sunday_premium_pct"]["value"] == "50"
    assert version["params"]["night_premium_pct"]["value"] == "25"
    versions = (await org.get(API)).json()["versions"]
    a8 = [v for v in versions if v["employment_type"] == "intermittent_a8"]
    assert [(v["effective_from"], v["in_force"]) for v in a8] == [
        ("2024-01-01", True),
        ("2027-07-01", False),
    ]
    # The older version is kept as it was: July 2027 does not rewrite 2024.
    assert a8[0]["params"]["sunday_premium_pct"]["value"] == "0"


async def test_a_version_not_after_the_latest_is_refused(org):
    await org.enable("payroll")
    assert (await add(org, effective_from="2027-07-01")).status_code == 201

    same = await add(org, effective_from="2027-07-01")
    earlier = await add(org, effective_from="2026-01-01")

    assert same.status_code == 409
    assert same.json()["error"]["code"] == "payroll.duplicate_version"
    assert earlier.status_code == 409
    assert earlier.json()["error"]["code"] == "payroll.version_not_latest"
    assert earlier.json()["error"]["details"]["latest"] == "2027-07-01"
    # Another employment type has its own dates.
    assert (await add(org, employment_type="cdi", effective_from="2026-01-01")).status_code == 201


@pytest.mark.parametrize(
    ("params", "error_type"),
    [
        ({"night_premium_pct": {"value": 600, "source": "x"}}, "less_than_equal"),
        ({"night_premium_pct": {"value": "12.345", "source": "x"}}, "decimal_max_places"),
        (
            {
                "night_windows": {
                    "value": [
                        {"start": "22:00", "end": "06:00"},
                        {"start": "05:00", "end": "07:00"},
                    ],
                    "source": "x",
                }
            },
            "rules.windows_overlap",
        ),
        (
            {"night_windows": {"value": [{"start": "22:00", "end": "22:00"}], "source": "x"}},
            "rules.window_empty",
        ),
        (
            {
                "overtime_tiers": {
                    "value": [
                        {"above_minutes": 2400, "premium_pct": 25},
                        {"above_minutes": 2100, "premium_pct": 50},
                    ],
                    "source": "x",
                }
            },
            "rules.tiers_not_increasing",
        ),
        ({"night_premium_pct": {"value": 10}}, "missing"),
    ],
)
async def test_invalid_parameters_are_a_422_with_the_rule_code(org, params, error_type):
    await org.enable("payroll")

    response = await add(org, effective_from="2027-07-01", params=params)

    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "payroll.invalid_rules"
    assert error_type in [e["type"] for e in error["details"]["errors"]]
    versions = (await org.get(API)).json()["versions"]
    assert all(v["effective_from"] == "2024-01-01" for v in versions)


async def test_an_unknown_parameter_is_a_422(org):
    await org.enable("payroll")

    response = await add(
        org, effective_from="2027-07-01", params={"effective_from": "2020-01-01", "bonus": 1}
    )

    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "payroll.unknown_parameter"
    assert response.json()["error"]["details"]["unknown"] == ["bonus", "effective_from"]


async def test_a_manager_reads_the_rules_but_cannot_add_a_version(org, make_org):
    await org.enable("payroll")
    manager = await make_org()
    await org.invite(manager.email, role="manager")
    switched = await manager.post("/api/v1/auth/switch-org", json={"org_id": org.org_id})
    assert switched.status_code == 200, switched.text

    assert (await manager.get(API)).status_code == 200
    refused = await add(manager, effective_from="2027-07-01")

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "auth.forbidden"


async def test_another_org_keeps_its_own_rules(org, make_org):
    await org.enable("payroll")
    assert (await add(org, effective_from="2027-07-01")).status_code == 201
    other = await make_org()
    await other.enable("payroll")

    versions = (await other.get(API)).json()["versions"]

    assert all(v["effective_from"] == "2024-01-01" for v in versions)
