"""Invitations: api."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get, post
from litestar.params import Body, FromPath, QueryParameter

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.invitations import service as invitations
from coulisses.scheduling.invitations.schemas import (
    AnswerIn,
    InvitationOut,
    PublicAnswerOut,
    PublicInvitationOut,
)
from coulisses.web.openapi import RATE_LIMITED, errors


def _client_ip(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


Token = Annotated[str, QueryParameter(description="the token of the signed link")]


class InvitationController(Controller):
    """Public answers by signed link (no session, no CSRF) and the managers' revoke/resend."""

    path = "/api/v1/invitations"
    tags = ["invitations"]

    @get(
        "/{invitation_id:int}",
        operation_id="GetInvitation",
        guards=[requires("invitations.read")],
    )
    async def get_invitation(
        self, request: Request[Any, Any, Any], invitation_id: FromPath[int]
    ) -> InvitationOut:
        row = await invitations.get_invitation(principal_of(request).org_id, invitation_id)
        return msgspec.convert(row, InvitationOut)

    @get(
        "/{invitation_id:int}/public",
        operation_id="GetPublicInvitation",
        responses=errors(410),
        opt={"csrf_exempt": True, RATE_LIMITED: True},
    )
    async def get_public_invitation(
        self, request: Request[Any, Any, Any], invitation_id: FromPath[int], token: Token
    ) -> PublicInvitationOut:
        row = await invitations.public_view(invitation_id, token, client_ip=_client_ip(request))
        return msgspec.convert(row, PublicInvitationOut)

    @post(
        "/{invitation_id:int}/accept",
        operation_id="AcceptInvitation",
        responses=errors(409, 410),
        opt={"csrf_exempt": True, RATE_LIMITED: True},
        status_code=200,
    )
    async def accept(
        self, request: Request[Any, Any, Any], invitation_id: FromPath[int], token: Token
    ) -> PublicAnswerOut:
        row = await invitations.answer_by_token(
            invitation_id, token, accept=True, client_ip=_client_ip(request)
        )
        return msgspec.convert(row, PublicAnswerOut)

    @post(
        "/{invitation_id:int}/decline",
        operation_id="DeclineInvitation",
        responses=errors(409, 410),
        opt={"csrf_exempt": True, RATE_LIMITED: True},
        status_code=200,
    )
    async def decline(
        self,
        request: Request[Any, Any, Any],
        invitation_id: FromPath[int],
        token: Token,
        data: Annotated[AnswerIn | None, Body()] = None,
    ) -> PublicAnswerOut:
        reason = data.reason if data else None
        row = await invitations.answer_by_token(
            invitation_id, token, accept=False, reason=reason, client_ip=_client_ip(request)
        )
        return msgspec.convert(row, PublicAnswerOut)

    @post(
        "/{invitation_id:int}/revoke",
        operation_id="RevokeInvitation",
        responses=errors(409),
        guards=[requires("invitations.manage")],
        status_code=200,
    )
    async def revoke(
        self, request: Request[Any, Any, Any], invitation_id: FromPath[int]
    ) -> InvitationOut:
        row = await invitations.revoke(principal_of(request), invitation_id)
        return msgspec.convert(row, InvitationOut)

    @post(
        "/{invitation_id:int}/resend",
        operation_id="ResendInvitation",
        responses=errors(409),
        guards=[requires("invitations.manage")],
        status_code=200,
    )
    async def resend(
        self, request: Request[Any, Any, Any], invitation_id: FromPath[int]
    ) -> InvitationOut:
        row = await invitations.resend(principal_of(request), invitation_id)
        return msgspec.convert(row, InvitationOut)
