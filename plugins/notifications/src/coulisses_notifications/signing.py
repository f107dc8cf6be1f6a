"""Signed tokens for the public unsubscribe link (HMAC-SHA256 over a small JSON payload).

The token names the org, the recipient (account or user) and the kind; it has
no expiry (an unsubscribe link must keep working) and changes nothing but the
recipient's own preferences.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from coulisses_notifications.config import get_settings

PURPOSE = "notifications.unsubscribe"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(body: str) -> str:
    key = get_settings().secret_key.encode()
    return _b64(hmac.new(key, f"{PURPOSE}:{body}".encode(), hashlib.sha256).digest())


def sign(payload: dict[str, Any]) -> str:
    body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode())
    return f"{body}.{_mac(body)}"


def verify(token: str) -> dict[str, Any] | None:
    """The payload if the signature holds, else None."""
    body, _, mac = token.partition(".")
    if not body or not mac or not hmac.compare_digest(mac, _mac(body)):
        return None
    try:
        payload = json.loads(_unb64(body))
    except (ValueError, UnicodeDecodeError):
        return None
    return payload if isinstance(payload, dict) else None
