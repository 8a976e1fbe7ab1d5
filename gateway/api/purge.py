"""Erasure routes (issue #7): ``DELETE /v1/documents/{doc_id}``, ``DELETE /v1/collections/{collection}`` and
``GET /v1/purge/receipts/{receipt_id}``, all behind ``documents:purge``.

Thin controllers: the purge runs in a worker thread, is signed with the audit key, and is recorded in the audit
trail (ids and counts only) before the receipt is returned.
"""

from __future__ import annotations

import asyncio
from typing import Any

import anyio
from litestar import Request, delete, get

from gateway.api.guards import permission, request_id
from gateway.audit.trail import AuditTrail
from gateway.errors import ModelUnavailable
from gateway.kb.purge_receipt import PurgeReceipt, purge_event, receipt_signer
from gateway.kb.service import KnowledgeBase


def _kb(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase | None = getattr(request.app.state, "kb", None)
    if kb is None:
        raise ModelUnavailable("the knowledge base is not enabled (no embedding model loaded)")
    return kb


async def _purged(request: Request, receipt: PurgeReceipt) -> dict[str, Any]:
    trail: AuditTrail = request.app.state.audit
    event = purge_event(receipt, request_id=request_id(request), user=request.user.name, roles=request.user.roles,
                        policy_version=request.app.state.access.policy.version, http_status=200)
    await asyncio.get_running_loop().run_in_executor(None, trail.append, event)
    return receipt.as_json()


@delete("/v1/documents/{doc_id:str}", opt=permission("documents:purge"), status_code=200)
async def purge_document(request: Request, doc_id: str) -> dict[str, Any]:
    kb = _kb(request)
    signer = receipt_signer(request.app.state.audit)
    receipt = await anyio.to_thread.run_sync(lambda: kb.purge_document(doc_id, request.user.name, signer))
    return await _purged(request, receipt)


@delete("/v1/collections/{collection:str}", opt=permission("documents:purge"), status_code=200)
async def purge_collection(request: Request, collection: str) -> dict[str, Any]:
    kb = _kb(request)
    signer = receipt_signer(request.app.state.audit)
    receipt = await anyio.to_thread.run_sync(lambda: kb.purge_collection(collection, request.user.name, signer))
    return await _purged(request, receipt)


@get("/v1/purge/receipts/{receipt_id:str}", opt=permission("documents:purge"))
async def get_receipt(request: Request, receipt_id: str) -> dict[str, Any]:
    receipt = await anyio.to_thread.run_sync(lambda: _kb(request).purge_receipt(receipt_id))
    return receipt.as_json()


PURGE_ROUTES = [purge_document, purge_collection, get_receipt]
