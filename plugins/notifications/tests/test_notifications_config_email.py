"""Sender and Reply-To addresses of the org config follow the platform's one email rule."""

from __future__ import annotations

import pytest

BAD = [
    "regie@example.org\r\nBcc: y@example.net",
    "regie\uff20example.org",
    '"regie"@example.org',
    "Regie <regie@example.org>",
    "regie@",
]


@pytest.mark.parametrize("field", ["sender_email", "reply_to"])
@pytest.mark.parametrize(
    "address", BAD, ids=["crlf", "fullwidth-at", "quoted", "display", "no-domain"]
)
async def test_a_bad_config_address_is_422_validation_email_naming_the_field_and_saves_nothing(
    org, field, address
):
    response = await org.set_plugin("notifications", enabled=True, config={field: address})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "validation.email"
    assert error["details"] == {"field": field}
    state = (await org.get("/api/v1/orgs/current/plugins/notifications")).json()
    assert state["enabled"] is False
    assert state["config"][field] is None


async def test_config_addresses_are_stored_normalized(org):
    config = {"sender_email": " Regie@Example.ORG ", "reply_to": "Prod@Example.org"}
    state = await org.enable("notifications", config)
    assert state["config"]["sender_email"] == "regie@example.org"
    assert state["config"]["reply_to"] == "prod@example.org"
