"""Coulisses Crew webhooks plugin: each domain event of an org, signed and POSTed to the
endpoints the org's admins registered, with retries, a delivery log and automatic disable.

Receivers verify requests with :func:`verify_signature` (also usable without the rest of
the plugin: it needs only the standard library).
"""

from coulisses_webhooks.signature import (
    SIGNATURE_HEADER,
    SignatureError,
    sign_payload,
    signature_header,
    verify_signature,
)

__all__ = [
    "SIGNATURE_HEADER",
    "SignatureError",
    "sign_payload",
    "signature_header",
    "verify_signature",
]
