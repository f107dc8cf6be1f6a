"""Signed tokens for the public unsubscribe link, signed and verified by the host.

The token names the org, the recipient (account or user) and the kind; it has
no expiry (an unsubscribe link must keep working) and changes nothing but the
recipient's own preferences. The keys are the host's (``coulisses_sdk.sign``):
after a key rotation, links mailed before keep working while the old key stays
in ``COULISSES_OLD_SECRET_KEYS``.
"""

from __future__ import annotations

from typing import Any

import coulisses_sdk

PURPOSE = "notifications.unsubscribe"


def sign(payload: dict[str, Any]) -> str:
    return coulisses_sdk.sign(PURPOSE, payload)


def verify(token: str) -> dict[str, Any] | None:
    """The payload if the signature holds, else None."""
    return coulisses_sdk.unsign(PURPOSE, token)
