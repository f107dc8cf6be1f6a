"""Accounts (login identities) and their tokens.

``Account`` subclasses Piccolo's ``BaseUser`` so one identity serves the API and
piccolo-admin, but hashes with argon2 instead of PBKDF2. ``username`` always
holds the lower-cased email (emails are unique case-insensitively);
``active``/``superuser`` are the account's is_active/is_superuser flags.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from piccolo.apps.user.tables import BaseUser
from piccolo.columns import (
    UUID,
    BigInt,
    Boolean,
    ForeignKey,
    Integer,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("timing-equaliser")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


class Account(BaseUser, tablename="accounts"):
    created_at = Timestamptz()

    _min_password_length = 10

    def __init__(self, **kwargs: Any) -> None:
        password = kwargs.get("password")
        if password and not str(password).startswith("$argon2"):
            kwargs["password"] = hash_password(password)
        super(BaseUser, self).__init__(**kwargs)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "password" and value and not str(value).startswith("$argon2"):
            value = hash_password(value)
        Table.__setattr__(self, name, value)

    @classmethod
    def hash_password(cls, password: str, salt: str = "", iterations: int | None = None) -> str:
        return hash_password(password)

    @classmethod
    async def login(cls, username: str, password: str) -> int | None:
        """Used by piccolo-admin's session login: argon2, active accounts only."""
        if len(password) > cls._max_password_length:
            return None
        row = (
            await cls.select(cls.id, cls.password, cls.active)
            .where(cls.username == username.strip().lower())
            .first()
            .run()
        )
        if row is None:
            verify_password(_DUMMY_HASH, password)
            return None
        if not verify_password(row["password"], password) or not row["active"]:
            return None
        await cls.update({cls.last_login: dt.datetime.now(dt.UTC)}).where(cls.id == row["id"])
        return int(row["id"])


class RefreshToken(Table, tablename="refresh_tokens"):
    """One row per issued refresh token; a family is one login's chain of rotations."""

    account = ForeignKey(Account)
    family = UUID()
    token_hash = Varchar(length=64, unique=True)
    org_id = Integer(null=True)
    created_at = Timestamptz()
    expires_at = Timestamptz()
    rotated_at = Timestamptz(null=True, default=None)
    revoked = Boolean(default=False)


class PasswordResetToken(Table, tablename="password_reset_tokens"):
    account = ForeignKey(Account)
    token_hash = Varchar(length=64, unique=True)
    created_at = Timestamptz()
    expires_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)


class LoginDevice(Table, tablename="login_devices"):
    """A (browser family, network) an account signed in from (login alerts)."""

    account = ForeignKey(Account)
    fingerprint = Varchar(length=64)
    browser = Varchar(length=100)
    network = Varchar(length=64)
    first_seen = Timestamptz()
    last_seen = Timestamptz()


class MfaTotp(Table, tablename="mfa_totp"):
    """An account's TOTP secret, sealed (``coulisses.sealing``); on once ``confirmed_at``
    is set. ``last_step`` is the time step of the last accepted code (no replay)."""

    account = ForeignKey(Account, unique=True)
    secret_sealed = Text()
    confirmed_at = Timestamptz(null=True, default=None)
    last_step = BigInt(null=True, default=None)
    created_at = Timestamptz()


class MfaRecoveryCode(Table, tablename="mfa_recovery_codes"):
    """One single-use recovery code, hashed with argon2 like a password."""

    account = ForeignKey(Account)
    code_hash = Varchar(length=255)
    created_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)


class MfaTrustedDevice(Table, tablename="mfa_trusted_devices"):
    """A browser that skips the second step for 30 days (its cookie's token, hashed)."""

    account = ForeignKey(Account)
    token_hash = Varchar(length=64, unique=True)
    browser = Varchar(length=100)
    created_at = Timestamptz()
    last_used_at = Timestamptz()
    expires_at = Timestamptz()
    revoked_at = Timestamptz(null=True, default=None)
