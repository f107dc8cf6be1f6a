"""API keys of an org. Only a hash of each key is stored (SHA-256 of a 256-bit random
key: no salt or slow hash needed), with a short non-secret prefix for display."""

from __future__ import annotations

from piccolo.columns import Array, ForeignKey, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.auth.tables import Account
from coulisses.tenancy.tables import Org


class ApiKey(Table, tablename="api_keys"):
    org = ForeignKey(Org)
    #: The key's own principal: an inactive account, member of no org.
    account = ForeignKey(Account)
    name = Varchar(length=100)
    prefix = Varchar(length=16)
    key_hash = Varchar(length=64, unique=True, secret=True)
    scopes = Array(base_column=Varchar(length=40))
    created_by = ForeignKey(Account, null=True)
    created_at = Timestamptz()
    expires_at = Timestamptz(null=True, default=None)
    last_used_at = Timestamptz(null=True, default=None)
    revoked_at = Timestamptz(null=True, default=None)
    revoked_by = ForeignKey(Account, null=True)
