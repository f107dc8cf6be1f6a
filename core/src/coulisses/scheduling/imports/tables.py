"""Imports: tables (the SQL is m0025_imports)."""

from __future__ import annotations

from piccolo.columns import JSONB, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.table import Table

from coulisses.tenancy.tables import Org


class ImportUpload(Table, tablename="import_uploads"):
    """An uploaded file, parsed, kept one hour between upload, validation and commit."""

    org = ForeignKey(Org)
    kind = Varchar(length=20)
    file_name = Varchar(length=255)
    headers = JSONB()
    rows = JSONB()
    mapping = JSONB(null=True, default=None)
    created_by = Integer(null=True, default=None)
    created_at = Timestamptz()
    expires_at = Timestamptz()
    imported_at = Timestamptz(null=True, default=None)
