"""``POST /v1/mask``: mask a text under the caller's role policy and say what was found where."""

from __future__ import annotations

import asyncio
from typing import Literal

import msgspec
from litestar import Request, post

from gateway.api.guards import permission, request_id
from gateway.api.openai_schema import decode_request
from gateway.audit.events import Actions, AuditEvent
from gateway.audit.trail import AuditTrail
from gateway.chat.service import ChatService
from gateway.errors import MaskingFailed
from gateway.pii.masker import MaskResult
from gateway.policy.pii_rules import pii_rules_for


class MaskRequest(msgspec.Struct, kw_only=True):
    text: str
    language: Literal["en", "zh"] | None = None


class MaskedEntity(msgspec.Struct):
    entity_type: str
    start: int
    end: int
    score: float


class MaskResponse(msgspec.Struct):
    text: str
    entities: list[MaskedEntity]


@post("/v1/mask", opt=permission("mask"), status_code=200)
async def mask_text(request: Request, chat: ChatService) -> MaskResponse:
    body = decode_request(await request.body(), MaskRequest)
    rules = pii_rules_for(chat.policy, request.user.roles)

    def run() -> MaskResult:
        try:
            return chat.masker.mask(body.text, rules, language=body.language)
        except Exception as exc:
            raise MaskingFailed("personal data detection failed") from exc

    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(chat.pii_executor, run)
    event = AuditEvent(
        action=Actions.MASK,
        outcome="ok",
        request_id=request_id(request),
        user=request.user.name,
        roles=request.user.roles,
        policy_version=chat.policy.version,
        http_status=200,
        masked_entities=dict(result.entity_counts),
    )
    trail: AuditTrail = request.app.state.audit
    await loop.run_in_executor(None, trail.append, event)
    entities = [MaskedEntity(d.entity_type, d.start, d.end, round(d.score, 3)) for d in result.detections]
    return MaskResponse(text=result.text, entities=entities)
