"""Unsubscribe links are signed by the host (coulisses_sdk.sign): one key management,
rotation included, and links mailed before this change still verify."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re

import pytest
from notifications_support import text_of
from test_notifications_center import NO_QUIET, _answered

from coulisses_notifications import signing
from coulisses_sdk import sign, unsign
from coulisses_sdk.testing import http_client, rotated_secret_key


def _legacy_token(payload: dict, key: str) -> str:
    """A link as the plugin signed it with its own copy of the secret, before the SDK did."""
    body = (
        base64.urlsafe_b64encode(
            json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
        )
        .rstrip(b"=")
        .decode()
    )
    mac = hmac.new(key.encode(), f"notifications.unsubscribe:{body}".encode(), hashlib.sha256)
    return f"{body}.{base64.urlsafe_b64encode(mac.digest()).rstrip(b'=').decode()}"


async def test_a_link_signed_before_the_sdk_signing_still_verifies(coulisses_app):
    payload = {"o": 1, "k": "reminder", "a": 7}
    token = _legacy_token(payload, os.environ["COULISSES_SECRET_KEY"])
    assert signing.verify(token) == payload
    with rotated_secret_key(keep_old=True):
        assert signing.verify(token) == payload
    with rotated_secret_key(keep_old=False):
        assert signing.verify(token) is None


async def test_sdk_signing_binds_the_purpose_and_follows_the_host_key_rotation(coulisses_app):
    token = sign("notifications.test", {"n": 1})
    assert unsign("notifications.test", token) == {"n": 1}
    assert unsign("notifications.other", token) is None
    body, _, mac = token.partition(".")
    assert unsign("notifications.test", f"{body}x.{mac}") is None
    assert unsign("notifications.test", "garbage") is None
    with rotated_secret_key(keep_old=True):
        fresh = sign("notifications.test", {"n": 1})
        assert fresh != token  # the new key signs
        assert unsign("notifications.test", token) == {"n": 1}
        assert unsign("notifications.test", fresh) == {"n": 1}
    with rotated_secret_key(keep_old=False):
        assert unsign("notifications.test", token) is None


@pytest.mark.parametrize("purpose", ["auth.csrf", "core.anything", "invitation.x", "", "a:b"])
async def test_a_plugin_cannot_sign_for_a_core_or_malformed_purpose(coulisses_app, purpose):
    with pytest.raises(ValueError, match="purpose"):
        sign(purpose, {"n": 1})


async def test_an_unsubscribe_link_mailed_before_a_key_rotation_keeps_working(
    org, enable_plugin, smtp_sink, coulisses_client, coulisses_app
):
    await enable_plugin(org, "notifications", config=NO_QUIET)
    await _answered(org, smtp_sink, coulisses_client)
    [answer] = smtp_sink.to(org.email)
    url = re.search(r"(https?://\S+/unsubscribe\?token=\S+)", text_of(answer)).group(1)
    path = url.removeprefix("http://testserver")
    async with http_client(coulisses_app, ip="10.77.9.10") as anonymous:
        with rotated_secret_key(keep_old=False):
            assert "<form" not in (await anonymous.get(path)).text  # refused: key forgotten
        with rotated_secret_key(keep_old=True):
            assert "<form" in (await anonymous.get(path)).text
            done = await anonymous.post(path)
            assert done.status_code == 200
    channels = (await org.get("/api/v1/notifications/preferences")).json()["channels"]
    assert channels["answer_received"] == ["telegram", "in_app"]
