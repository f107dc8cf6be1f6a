"""Imports: api (managers: both ``users.manage`` and ``missions.manage``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.imports import service as imports
from coulisses.scheduling.imports.parsing import MAX_FILE_BYTES
from coulisses.scheduling.imports.schemas import (
    COMMIT_EXAMPLE,
    MAPPING_EXAMPLE,
    ImportCommitIn,
    ImportKind,
    ImportMappingIn,
    ImportResultOut,
    ImportUploadOut,
    ImportValidationOut,
)
from coulisses.web.input_guards import UnsupportedMediaType
from coulisses.web.openapi import errors


@dataclass
class ImportUploadForm:
    """The multipart form of an upload."""

    kind: ImportKind
    file: UploadFile


async def _multipart_only(request: Request[Any, Any, Any]) -> None:
    """Before the form is decoded: another media type is the app's usual 415."""
    media_type = request.content_type[0]
    if media_type != RequestEncodingType.MULTI_PART.value:
        raise UnsupportedMediaType(
            "request.unsupported_media_type",
            "The request body must be multipart/form-data",
            {"content_type": media_type or None},
        )


def _attachment(content: bytes, media_type: str, name: str) -> Response[bytes]:
    return Response(
        content,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )


class ImportController(Controller):
    """CSV/XLSX imports of people and missions (docs/import.md)."""

    path = "/api/v1/imports"
    tags = ["imports"]
    guards = [requires("users.manage"), requires("missions.manage")]

    @post(
        "/",
        operation_id="UploadImport",
        responses=errors(422),
        before_request=_multipart_only,
    )
    async def upload(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[ImportUploadForm, Body(media_type=RequestEncodingType.MULTI_PART)],
    ) -> ImportUploadOut:
        """A CSV (UTF-8, ``,`` or ``;``) or XLSX file of at most 800,000 bytes and 5,000
        rows, parsed and kept one hour; answers its columns, first rows and a mapping
        suggested from the header names (French or English)."""
        content = await data.file.read(MAX_FILE_BYTES + 1)
        row = await imports.create_upload(
            principal_of(request), data.kind, data.file.filename, content
        )
        return msgspec.convert(row, ImportUploadOut)

    @get("/{import_id:int}", operation_id="GetImport")
    async def get_upload(
        self, request: Request[Any, Any, Any], import_id: FromPath[int]
    ) -> ImportUploadOut:
        row = await imports.get_upload(principal_of(request).org_id, import_id)
        return msgspec.convert(row, ImportUploadOut)

    @post("/{import_id:int}/validate", operation_id="ValidateImport", status_code=200,
          responses=errors(422))  # fmt: skip
    async def validate(
        self,
        request: Request[Any, Any, Any],
        import_id: FromPath[int],
        data: Annotated[ImportMappingIn, Body(examples=[MAPPING_EXAMPLE])],
    ) -> ImportValidationOut:
        """Dry run: every row checked with the API's rules; nothing is written."""
        out = await imports.validate(principal_of(request), import_id, data.mapping)
        return msgspec.convert(out, ImportValidationOut)

    @get(
        "/{import_id:int}/report",
        operation_id="GetImportErrorReport",
        media_type="text/csv",
        responses=errors(409),
    )
    async def report(
        self, request: Request[Any, Any, Any], import_id: FromPath[int]
    ) -> Response[bytes]:
        """The errors of the last validation as CSV: row, column, field, code, message."""
        content = await imports.error_report(principal_of(request), import_id)
        return _attachment(content, "text/csv; charset=utf-8", f"erreurs-import-{import_id}.csv")

    @post("/{import_id:int}/commit", operation_id="CommitImport", status_code=200,
          responses=errors(409, 422))  # fmt: skip
    async def commit(
        self,
        request: Request[Any, Any, Any],
        import_id: FromPath[int],
        data: Annotated[ImportCommitIn, Body(examples=[COMMIT_EXAMPLE])],
    ) -> ImportResultOut:
        """Writes the rows in one transaction; a row whose ``external_id`` is already in
        the org updates that person or mission (re-importing a file duplicates nothing)."""
        out = await imports.commit(principal_of(request), import_id, data.mapping, data.mode)
        return msgspec.convert(out, ImportResultOut)

    @get(
        "/templates/{kind:str}",
        operation_id="GetImportTemplate",
        media_type="text/csv",
        responses=errors(422),
    )
    async def template(
        self,
        kind: FromPath[str],
        file_format: Annotated[
            str, QueryParameter(name="format", description="csv or xlsx", max_length=4)
        ] = "csv",
    ) -> Response[bytes]:
        """The columns of an import with one example row (``people`` or ``missions``);
        422 ``import.invalid_kind`` or ``import.unsupported_format`` otherwise."""
        content, media_type, name = imports.template(kind, file_format)
        return _attachment(content, media_type, name)
