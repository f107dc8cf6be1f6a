"""Signing and verifying webhook requests (Stripe-style, HMAC-SHA256 over ``t.body``).

The header is ``Coulisses-Signature: t=<unix seconds>,v1=<hex digest>`` where the digest is
``HMAC-SHA256(secret, f"{t}.{raw body}")``. A receiver recomputes it over the raw bytes it
received and refuses a timestamp outside its tolerance (replay window, 5 minutes by default).
Standard library only, so a receiver can copy this module as is.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "Coulisses-Signature"
EVENT_ID_HEADER = "Coulisses-Event-Id"
#: Seconds a receiver accepts between the signature's timestamp and its own clock.
DEFAULT_TOLERANCE = 300


class SignatureError(ValueError):
    """The request is not signed by the endpoint's secret, or too old (or from the future)."""


def _as_bytes(value: str | bytes) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else value


def sign_payload(secret: str, timestamp: int, body: str | bytes) -> str:
    """The hex HMAC-SHA256 of ``f"{timestamp}.{body}"`` keyed by ``secret``."""
    message = str(int(timestamp)).encode("ascii") + b"." + _as_bytes(body)
    return hmac.new(_as_bytes(secret), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, body: str | bytes, timestamp: int | None = None) -> str:
    """The ``Coulisses-Signature`` value for ``body`` signed now (or at ``timestamp``)."""
    t = int(time.time()) if timestamp is None else int(timestamp)
    return f"t={t},v1={sign_payload(secret, t, body)}"


def verify_signature(
    secret: str,
    header: str | None,
    body: str | bytes,
    tolerance: int = DEFAULT_TOLERANCE,
    *,
    now: float | None = None,
) -> int:
    """Check a ``Coulisses-Signature`` header against the raw request ``body``.

    Returns the signed timestamp; raises :class:`SignatureError` when the header is
    missing or malformed, no ``v1`` signature matches (several are allowed, e.g. while
    a secret is being rotated on the receiver's side), or the timestamp is more than
    ``tolerance`` seconds away from ``now`` (default: the current time). ::

        from coulisses_webhooks import SignatureError, verify_signature

        try:
            verify_signature(SECRET, request.headers.get("Coulisses-Signature"), raw_body)
        except SignatureError:
            return 400
    """
    if not header:
        raise SignatureError("missing signature header")
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            continue
        if key == "t":
            try:
                timestamp = int(value)
            except ValueError as exc:
                raise SignatureError("malformed timestamp") from exc
        elif key == "v1":
            candidates.append(value)
    if timestamp is None or not candidates:
        raise SignatureError("malformed signature header")
    expected = sign_payload(secret, timestamp, body)
    if not any(hmac.compare_digest(expected, c) for c in candidates):
        raise SignatureError("signature mismatch")
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise SignatureError("timestamp outside the tolerance window")
    return timestamp
