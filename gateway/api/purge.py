"""Erasure routes, all behind ``documents:purge``: ``DELETE /v1/documents/{doc_id}``,
``DELETE /v1/collections/{collection}``, ``POST /v1/purge/subject`` and ``GET /v1/purge/receipts/{receipt_id}``.

Thin controllers: the purge runs in a worker thread, is signed with the audit key, and is recorded in the audit
trail (ids and counts only) before the receipt is returned.
"""

from __future__ import annotations

from typing import Any

import anyio
import msgspec
from litestar import Request, delete, get, post

from gateway.api.clearance import require_purge_clearance, require_subject_clearance, subject_mode
from gateway.api.guards import permission
from gateway.api.openai_schema import decode_request
from gateway.audit.events import Actions
from gateway.audit.recorder import RequestAuditor
from gateway.kb.service import KnowledgeBase
from gateway.policy.limits import RequestLimits
from gateway.policy.policy_set import PolicySet
from gateway.purge.receipts import PurgeReceipt
from gateway.purge.service import PurgeService
from gateway.purge.subjects import SubjectMode


class SubjectPurgeIn(msgspec.Struct, forbid_unknown_fields=True):
    value: str
    """The person's name or identifier (never stored, logged or audited)."""
    mode: SubjectMode | None = None
    """One of the policy set's ``erasure.subject_modes``; by default the first of them."""
    entity_type: str | None = None


async def _record_receipt(audit: RequestAuditor, receipt: PurgeReceipt) -> None:
    await audit.record(Actions.DOCUMENT_PURGE, **receipt.audit_fields())


@delete("/v1/documents/{doc_id:str}", opt=permission("documents:purge"), status_code=200)
async def purge_document(request: Request, doc_id: str, purges: PurgeService, kb: KnowledgeBase,
                         audit: RequestAuditor) -> dict[str, Any]:
    found = await anyio.to_thread.run_sync(kb.registry.describe, doc_id)
    if found is not None:
        require_purge_clearance(request, found["collection"], found["classification"])
    receipt = await anyio.to_thread.run_sync(purges.purge_document, doc_id, request.user.name)
    await _record_receipt(audit, receipt)
    return receipt.as_json()


@delete("/v1/collections/{collection:str}", opt=permission("documents:purge"), status_code=200)
async def purge_collection(request: Request, collection: str, purges: PurgeService, kb: KnowledgeBase,
                           audit: RequestAuditor) -> dict[str, Any]:
    level = await anyio.to_thread.run_sync(kb.registry.highest_level_in, collection)
    require_purge_clearance(request, collection, level)
    receipt = await anyio.to_thread.run_sync(purges.purge_collection, collection, request.user.name)
    await _record_receipt(audit, receipt)
    return receipt.as_json()


@get("/v1/purge/receipts/{receipt_id:str}", opt=permission("documents:purge"))
async def get_receipt(receipt_id: str, purges: PurgeService) -> dict[str, Any]:
    receipt = await anyio.to_thread.run_sync(purges.receipt, receipt_id)
    return receipt.as_json()


@post("/v1/purge/subject", opt=permission("documents:purge"), status_code=200)
async def purge_subject(request: Request, purges: PurgeService, policy: PolicySet, audit: RequestAuditor,
                        limits: RequestLimits) -> dict[str, Any]:
    body = decode_request(await request.body(), SubjectPurgeIn)
    limits.check_text(len(body.value), param="value")
    require_subject_clearance(request, policy)
    mode = subject_mode(request, policy, body.mode)
    result = await anyio.to_thread.run_sync(purges.purge_subject, body.value, body.entity_type, mode,
                                            request.user.name)
    for receipt_id in result.receipts:
        await _record_receipt(audit, await anyio.to_thread.run_sync(purges.receipt, receipt_id))
    await audit.record(Actions.DOCUMENT_PURGE, details={
        "kind": "subject", "mode": result.mode, "subject": result.subject, "entity_type": body.entity_type,
        "chunks_matched": result.chunks_matched, "chunks_masked": result.chunks_masked,
        "receipts": result.receipts[:64]})
    return result.as_json()


PURGE_ROUTES = [purge_document, purge_collection, get_receipt, purge_subject]
