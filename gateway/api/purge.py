"""Erasure routes (issue #7), all behind ``documents:purge``: ``DELETE /v1/documents/{doc_id}``,
``DELETE /v1/collections/{collection}``, ``POST /v1/purge/subject`` and ``GET /v1/purge/receipts/{receipt_id}``.

Thin controllers: the purge runs in a worker thread, is signed with the audit key, and is recorded in the audit
trail (ids and counts only) before the receipt is returned.
"""

from __future__ import annotations

import asyncio
from typing import Any

import anyio
import msgspec
from litestar import Request, delete, get, post

from gateway.api.guards import denial, permission, request_id
from gateway.api.kb import knowledge_base
from gateway.api.openai_schema import decode_request
from gateway.audit.events import Actions, AuditEvent
from gateway.audit.trail import AuditTrail
from gateway.kb.purge_receipt import PurgeReceipt, purge_event
from gateway.kb.purge_subjects import SubjectMode


class SubjectPurgeIn(msgspec.Struct, forbid_unknown_fields=True):
    value: str
    """The person's name or identifier (never stored, logged or audited)."""
    mode: SubjectMode | None = None
    """One of the policy set's ``erasure.subject_modes``; by default the first of them."""
    entity_type: str | None = None


def _subject_mode(request: Request, asked: SubjectMode | None) -> SubjectMode:
    """The policy decides: the mode asked for if the policy set permits it, else its default; otherwise 403."""
    permitted = request.app.state.access.policy.decl.erasure.subject_modes
    if asked is None:
        return permitted[0]
    if asked not in permitted:
        raise denial(request, f"subject erasure mode {asked} not permitted by the policy set",
                     f"this policy set permits subject erasure by {', '.join(permitted)} only", param="mode")
    return asked


async def _audited(request: Request, event: AuditEvent) -> None:
    trail: AuditTrail = request.app.state.audit
    await asyncio.get_running_loop().run_in_executor(None, trail.append, event)


def _receipt_event(request: Request, receipt: PurgeReceipt) -> AuditEvent:
    return purge_event(receipt, request_id=request_id(request), user=request.user.name, roles=request.user.roles,
                       policy_version=request.app.state.access.policy.version, http_status=200)


@delete("/v1/documents/{doc_id:str}", opt=permission("documents:purge"), status_code=200)
async def purge_document(request: Request, doc_id: str) -> dict[str, Any]:
    kb, signer = knowledge_base(request), request.app.state.audit.signer()
    receipt = await anyio.to_thread.run_sync(kb.purge_document, doc_id, request.user.name, signer)
    await _audited(request, _receipt_event(request, receipt))
    return receipt.as_json()


@delete("/v1/collections/{collection:str}", opt=permission("documents:purge"), status_code=200)
async def purge_collection(request: Request, collection: str) -> dict[str, Any]:
    kb, signer = knowledge_base(request), request.app.state.audit.signer()
    receipt = await anyio.to_thread.run_sync(kb.purge_collection, collection, request.user.name, signer)
    await _audited(request, _receipt_event(request, receipt))
    return receipt.as_json()


@get("/v1/purge/receipts/{receipt_id:str}", opt=permission("documents:purge"))
async def get_receipt(request: Request, receipt_id: str) -> dict[str, Any]:
    receipt = await anyio.to_thread.run_sync(knowledge_base(request).purge_receipt, receipt_id)
    return receipt.as_json()


@post("/v1/purge/subject", opt=permission("documents:purge"), status_code=200)
async def purge_subject(request: Request) -> dict[str, Any]:
    kb = knowledge_base(request)
    body = decode_request(await request.body(), SubjectPurgeIn)
    mode = _subject_mode(request, body.mode)
    signer = request.app.state.audit.signer()
    result = await anyio.to_thread.run_sync(
        lambda: kb.purge_subject(body.value, body.entity_type, mode, request.user.name, signer))
    for receipt_id in result.receipts:
        receipt = await anyio.to_thread.run_sync(kb.purge_receipt, receipt_id)
        await _audited(request, _receipt_event(request, receipt))
    await _audited(request, AuditEvent(
        action=Actions.DOCUMENT_PURGE, outcome="ok", request_id=request_id(request), user=request.user.name,
        roles=request.user.roles, policy_version=request.app.state.access.policy.version, http_status=200,
        details={"kind": "subject", "mode": result.mode, "subject": result.subject, "entity_type": body.entity_type,
                 "chunks_matched": result.chunks_matched, "chunks_masked": result.chunks_masked,
                 "receipts": result.receipts[:64]}))
    return result.as_json()


PURGE_ROUTES = [purge_document, purge_collection, get_receipt, purge_subject]
