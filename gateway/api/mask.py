"""``POST /v1/mask``: mask a text under the caller's role policy and say what was found where."""

from __future__ import annotations

from typing import Literal

import msgspec
from litestar import Request, post

from gateway.api.guards import permission
from gateway.api.openai_schema import decode_request
from gateway.audit.events import Actions
from gateway.audit.recorder import RequestAuditor
from gateway.pii.service import MaskingService
from gateway.pii.vault import PseudonymVault
from gateway.policy.limits import RequestLimits


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
async def mask_text(request: Request, masking: MaskingService, audit: RequestAuditor, limits: RequestLimits
                    ) -> MaskResponse:  # fmt: skip
    limits.take_mask(request.user.name)
    body = decode_request(await request.body(), MaskRequest)
    limits.check_text(len(body.text), param="text")
    rules = masking.rules_for(request.user.roles)
    # A vault of its own: pseudonyms are keyed per request, so masking candidate values cannot confirm who a
    # placeholder seen elsewhere stands for.
    result = await masking.mask(body.text, rules, PseudonymVault(), language=body.language)
    await audit.record(Actions.MASK, masked_entities=dict(result.entity_counts))
    entities = [MaskedEntity(d.entity_type, d.start, d.end, round(d.score, 3)) for d in result.detections]
    return MaskResponse(text=result.text, entities=entities)
