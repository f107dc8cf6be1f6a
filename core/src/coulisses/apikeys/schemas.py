"""Bodies of /api/v1/orgs/current/api-keys."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec
from litestar.openapi.spec import OpenAPIType, Schema

from coulisses.auth.rbac import SCOPES
from coulisses.auth.schemas import Strict
from coulisses.web.openapi import rule
from coulisses_sdk import Page

#: The closed list of scopes (coulisses.auth.rbac.SCOPES), for a generated client to type;
#: checked by the service (422 ``api_key.invalid_scope``), not at decoding.
_SCOPE_ITEMS = {"items": Schema(type=OpenAPIType.STRING, enum=list(SCOPES))}


def _scopes(description: str, **bounds: int) -> msgspec.Meta:
    return msgspec.Meta(
        description=description, extra_json_schema={"extra": {**_SCOPE_ITEMS, **bounds}}
    )


class ApiKeyCreator(msgspec.Struct):
    account_id: int
    email: str
    display_name: str


class ApiKeyOut(msgspec.Struct):
    id: int
    name: str
    #: The first characters of the key, to recognise it (not a secret).
    prefix: Annotated[str, msgspec.Meta(examples=["ck_AbCd"])]
    scopes: Annotated[list[str], _scopes("What the key may do (docs/api.md).")]
    created_by: ApiKeyCreator | None
    created_at: dt.datetime
    expires_at: dt.datetime | None
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


class ApiKeyCreated(ApiKeyOut):
    """The new key and, once and never again, its clear value."""

    key: Annotated[
        str,
        msgspec.Meta(description="The clear key: shown once, only its hash is stored."),
    ]


class ApiKeyCreate(Strict):
    name: Annotated[str, rule(min_length=1, max_length=100)]
    scopes: Annotated[
        list[str],
        _scopes("At least one scope; repeats are ignored.", min_items=1, max_items=len(SCOPES)),
    ]
    expires_at: Annotated[
        dt.datetime | None,
        msgspec.Meta(description="Optional end of validity (with an offset), in the future."),
    ] = None


class ApiKeyPage(Page[ApiKeyOut]):
    """The list envelope of API keys."""

    items: list[ApiKeyOut]
