"""Authenticated encryption of what is stored but must not be readable: job arguments and
live events waiting in the outbox, SAQ jobs in Redis or PostgreSQL.

Keys are derived (HKDF) from the app's secret keys, so a rotation keeps older sealed
payloads readable while the old key stays in ``COULISSES_OLD_SECRET_KEYS``.
"""

from __future__ import annotations

import base64
import functools
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from coulisses.settings import get_settings

_INFO = b"coulisses.sealing.v1"


class SealError(Exception):
    """A sealed payload was tampered with, or sealed under a key no longer configured."""


def _derive(secret: str, info: bytes) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(key))


@functools.cache
def _fernet(keys: tuple[str, ...], info: bytes) -> MultiFernet:
    return MultiFernet([_derive(k, info) for k in keys])


def _current(purpose: str | None) -> MultiFernet:
    # One derived key per purpose: a token sealed for one use never opens for another.
    info = _INFO if purpose is None else _INFO + b":" + purpose.encode()
    return _fernet(tuple(get_settings().verification_keys), info)


def seal(value: Any, purpose: str | None = None) -> str:
    """``value`` (JSON-serialisable) as an opaque, authenticated token (for ``purpose``)."""
    plain = json.dumps(value, separators=(",", ":")).encode()
    return _current(purpose).encrypt(plain).decode("ascii")


def unseal(token: str, purpose: str | None = None) -> Any:
    try:
        return json.loads(_current(purpose).decrypt(token.encode("ascii")))
    except (InvalidToken, ValueError, UnicodeEncodeError) as exc:
        raise SealError("sealed payload unreadable") from exc
