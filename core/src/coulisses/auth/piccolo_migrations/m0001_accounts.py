"""Accounts, refresh tokens, password reset tokens."""

from coulisses.db.sql import sql_migration

ID = "2026-11-25T08:00:00:000001"
VERSION = "1.38.0"
DESCRIPTION = "accounts and tokens"


async def forwards():  # type: ignore[no-untyped-def]
    return sql_migration(
        ID,
        "auth",
        DESCRIPTION,
        [
            """CREATE TABLE accounts (
                id serial PRIMARY KEY,
                username varchar(255) NOT NULL UNIQUE,
                password varchar(255) NOT NULL,
                first_name varchar(255),
                last_name varchar(255),
                email varchar(255) NOT NULL,
                active boolean NOT NULL DEFAULT true,
                admin boolean NOT NULL DEFAULT false,
                superuser boolean NOT NULL DEFAULT false,
                last_login timestamptz,
                created_at timestamptz NOT NULL DEFAULT now(),
                CHECK (username = lower(username))
            )""",
            "CREATE UNIQUE INDEX accounts_email_ci ON accounts (lower(email))",
            """CREATE TABLE refresh_tokens (
                id serial PRIMARY KEY,
                account integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                family uuid NOT NULL,
                token_hash varchar(64) NOT NULL UNIQUE,
                org_id integer,
                created_at timestamptz NOT NULL DEFAULT now(),
                expires_at timestamptz NOT NULL,
                rotated_at timestamptz,
                revoked boolean NOT NULL DEFAULT false
            )""",
            "CREATE INDEX refresh_tokens_family ON refresh_tokens (family)",
            """CREATE TABLE password_reset_tokens (
                id serial PRIMARY KEY,
                account integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                token_hash varchar(64) NOT NULL UNIQUE,
                created_at timestamptz NOT NULL DEFAULT now(),
                expires_at timestamptz NOT NULL,
                used_at timestamptz
            )""",
        ],
        ["DROP TABLE password_reset_tokens", "DROP TABLE refresh_tokens", "DROP TABLE accounts"],
    )
