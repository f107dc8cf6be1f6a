"""Imports: schemas."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import msgspec
from litestar.openapi.spec import Example

from coulisses.auth.schemas import Strict
from coulisses.web.openapi import rule

ImportKind = Literal["people", "missions"]
ImportMode = Literal["all_or_nothing", "valid_rows"]
#: Field -> the file's column (null or absent: not imported).
Mapping = Annotated[
    dict[str, Annotated[str, rule(max_length=200)] | None],
    msgspec.Meta(
        description="import field -> header of the file's column (null: not imported)",
        examples=[{"first_name": "Prenom", "last_name": "Nom", "employment_type": "Contrat"}],
    ),
]


class ImportFieldOut(msgspec.Struct):
    name: str
    required: bool


class ImportUploadOut(msgspec.Struct):
    """A parsed file kept one hour: its columns, first rows and a suggested mapping."""

    id: int
    kind: ImportKind
    file_name: str
    headers: list[str]
    #: the first rows, cells in the order of ``headers``
    preview: list[list[str]]
    row_count: int
    fields: list[ImportFieldOut]
    suggested_mapping: dict[str, str | None]
    expires_at: dt.datetime


class ImportMappingIn(Strict):
    mapping: Mapping


class ImportCommitIn(Strict):
    mapping: Mapping
    mode: Annotated[
        ImportMode,
        msgspec.Meta(
            description="all_or_nothing: any row in error and nothing is written;"
            " valid_rows: the rows without error are written, the others skipped"
        ),
    ] = "all_or_nothing"


class ImportRowError(msgspec.Struct):
    #: line of the file (the header is line 1)
    row: int
    #: the file's column, when the error is about one
    column: str | None
    field: str | None
    #: the API's stable code (``user.invalid_first_name``, ``mission.nonexistent_local_time``...)
    code: str
    params: dict[str, Any]
    message: str


class ImportValidationOut(msgspec.Struct):
    id: int
    kind: ImportKind
    row_count: int
    valid_count: int
    invalid_count: int
    errors: list[ImportRowError]


class ImportResultOut(msgspec.Struct):
    id: int
    kind: ImportKind
    mode: ImportMode
    created: int
    updated: int
    #: rows in error left out (valid_rows)
    skipped: int


_MAPPING = {
    "external_id": "Matricule",
    "first_name": "Prenom",
    "last_name": "Nom",
    "employment_type": "Contrat",
    "email": "Email",
}
MAPPING_EXAMPLE = Example(
    summary="People: the file's French headers mapped to the fields",
    value={"mapping": _MAPPING},
)
COMMIT_EXAMPLE = Example(
    summary="Import the valid rows, skip the others",
    value={"mapping": _MAPPING, "mode": "valid_rows"},
)
