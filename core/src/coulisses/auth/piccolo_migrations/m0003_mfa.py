"""Second factor (TOTP): the sealed secret of an account, its recovery codes (hashed like
passwords, each single-use) and the devices it trusts for 30 days."""

from coulisses.db.sql import sql_migration

ID = "2026-12-02T13:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "mfa: totp secrets, recovery codes, trusted devices"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "auth",
        DESCRIPTION,
        [
            """CREATE TABLE mfa_totp (
                id serial PRIMARY KEY,
                account integer NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
                secret_sealed text NOT NULL,
                confirmed_at timestamptz,
                last_step bigint,
                created_at timestamptz NOT NULL DEFAULT now()
            )""",
            """CREATE TABLE mfa_recovery_codes (
                id bigserial PRIMARY KEY,
                account integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                code_hash varchar(255) NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                used_at timestamptz
            )""",
            "CREATE INDEX mfa_recovery_codes_account ON mfa_recovery_codes (account)",
            """CREATE TABLE mfa_trusted_devices (
                id bigserial PRIMARY KEY,
                account integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                token_hash varchar(64) NOT NULL UNIQUE,
                browser varchar(100) NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                last_used_at timestamptz NOT NULL DEFAULT now(),
                expires_at timestamptz NOT NULL,
                revoked_at timestamptz
            )""",
            "CREATE INDEX mfa_trusted_devices_account ON mfa_trusted_devices (account)",
        ],
        [
            "DROP TABLE mfa_trusted_devices",
            "DROP TABLE mfa_recovery_codes",
            "DROP TABLE mfa_totp",
        ],
    )
