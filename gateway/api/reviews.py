"""Human review of answers: ``POST /v1/audit/{seq}/review`` (compliance officers record a verdict on an audited
answer), ``GET /v1/audit/{seq}/reviews`` (the verdicts on it) and ``POST /v1/feedback`` (staff rate an answer they
received, by its response id).

Thin controllers: decode, hand to the ``ReviewService`` (which masks the note, stores it and records the audit
event in one step), shape the answer. Errors keep the OpenAI shape and never echo the note.
"""

from __future__ import annotations

from typing import Any

import anyio
import msgspec
from litestar import Request, get, post

from gateway.api.guards import permission
from gateway.api.openai_schema import decode_request
from gateway.audit.recorder import RequestAuditor
from gateway.review.store import ReviewService


class VerdictIn(msgspec.Struct, forbid_unknown_fields=True):
    verdict: str
    """``correct``, ``incorrect``, ``unsafe`` or ``personal_data_leaked``."""
    note: str | None = None


class FeedbackIn(msgspec.Struct, forbid_unknown_fields=True):
    response_id: str
    """The ``id`` of the chat completion (``chatcmpl-…``) being rated."""
    rating: str
    """``up`` or ``down``."""
    comment: str | None = None


@post("/v1/audit/{seq:int}/review", opt=permission("reviews:write"), status_code=201)
async def record_verdict(request: Request, seq: int, reviews: ReviewService, audit: RequestAuditor
                         ) -> dict[str, Any]:  # fmt: skip
    """Record the caller's verdict on the answer audited as ``seq``; the note is stored masked."""
    body = decode_request(await request.body(), VerdictIn)
    recorded = await anyio.to_thread.run_sync(reviews.record_verdict, request.user, seq, body.verdict, body.note,
                                              audit)
    return recorded.as_json("review")


@get("/v1/audit/{seq:int}/reviews", opt=permission("audit:read"), sync_to_thread=True)
def list_verdicts(seq: int, reviews: ReviewService, audit: RequestAuditor) -> dict[str, Any]:
    with audit.audited("review.list") as details:
        details["audit_seq"] = seq
        found = reviews.verdicts(seq)
        details["returned"] = len(found)
        return {"object": "list", "data": [r.as_json("review") for r in found]}


@post("/v1/feedback", opt=permission("chat"), status_code=201)
async def record_feedback(request: Request, reviews: ReviewService, audit: RequestAuditor) -> dict[str, Any]:
    """Rate an answer the caller received (``up`` or ``down``, an optional comment stored masked)."""
    body = decode_request(await request.body(), FeedbackIn)
    recorded = await anyio.to_thread.run_sync(reviews.record_feedback, request.user, body.response_id, body.rating,
                                              body.comment, audit)
    return recorded.as_json("feedback")


REVIEW_ROUTES = [record_verdict, list_verdicts, record_feedback]
