"""Pages for administrators' knowledge work: the documents a role may read (search by title, versions, validity),
upload, purge of a document, a collection or a data subject behind a typed confirmation, and the signed receipt,
shown, downloadable and verified (by the gateway, and again in the browser with WebCrypto).

Permissions and audit events are the API's: ``documents:read`` (``document.read``), ``documents:write``
(``document.ingest``), ``documents:purge`` (``document.purge`` with the receipt's ids and counts). Titles are
masked under the viewer's own PII rules before they are shown or searched, like the API's search results.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import anyio
from cryptography.hazmat.primitives import serialization
from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile

from gateway.api.clearance import (
    require_purge_clearance,
    require_subject_clearance,
    require_write_clearance,
    subject_mode,
)
from gateway.audit.events import Actions
from gateway.audit.recorder import RequestAuditor
from gateway.console.web import ConsoleForm, page, render, see_other, translator
from gateway.errors import InvalidInput, NotFound
from gateway.kb.listing import DocumentSummary
from gateway.kb.service import KnowledgeBase
from gateway.kb.sources import classification, parse_document
from gateway.pii.service import MaskingService
from gateway.pii.vault import PseudonymVault
from gateway.policy.policy_set import EffectiveRights, PolicySet
from gateway.policy.schema import Classification
from gateway.purge.receipts import RECEIPT_FORMAT, PurgeReceipt
from gateway.purge.service import PurgeService
from gateway.services import Services

PAGE_SIZE = 25
UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024
LEVELS = [level.name for level in Classification]


async def _masked_titles(masking: MaskingService, request: Request, documents: list[DocumentSummary]
                         ) -> list[tuple[DocumentSummary, str]]:  # fmt: skip
    rules = masking.rules_for(request.user.roles)
    vault = PseudonymVault()  # titles masked from the spans found at ingestion (no NER) where they have them
    masked = await masking.mask_found([(d.title or "", d.found.title if d.found else None) for d in documents],
                                      rules, [vault] * len(documents),
                                      failure="personal data detection failed on the titles; nothing was shown")
    return [(d, m.text) for d, m in zip(documents, masked, strict=True)]


def _writable(policy: PolicySet, request: Request) -> list[str]:
    """Collections a role of the caller holding documents:write may write into (and so read)."""
    rights = policy.rights(request.user.roles, "documents:write")
    return sorted(rights.collections)


@get("/console/documents", opt=page("documents:read"))
async def documents_page(request: Request, kb: KnowledgeBase, masking: MaskingService, policy: PolicySet,
                         services: Services) -> Response[Any]:
    query = (request.query_params.get("q") or "").strip()
    if len(query) > 256:
        raise InvalidInput("the search is limited to 256 characters", param="q")
    number = request.query_params.get("page", "1")
    if not number.isdigit() or not 1 <= int(number) <= 10_000:
        raise InvalidInput("page must be a number from 1", param="page")
    rights: EffectiveRights = request.auth
    documents = await anyio.to_thread.run_sync(lambda: kb.list_documents(rights))
    titled = await _masked_titles(masking, request, documents)
    if query:
        folded = query.casefold()
        titled = [(d, title) for d, title in titled if folded in title.casefold()]
    start = (int(number) - 1) * PAGE_SIZE
    permissions = services.policy.rights(request.user.roles).permissions
    return render(request, "documents.html", {
        "documents": titled[start:start + PAGE_SIZE], "total": len(titled), "q": query, "page": int(number),
        "pages": max(1, -(-len(titled) // PAGE_SIZE)), "levels": LEVELS, "writable": _writable(policy, request),
        "collections": sorted(policy.decl.collections), "subject_modes": policy.decl.erasure.subject_modes,
        "can_write": "documents:write" in permissions, "can_purge": "documents:purge" in permissions,
        "level_name": lambda level: Classification(level).name,
    }, title=translator(request)("documents.title"))


@get("/console/documents/{doc_id:str}", opt=page("documents:read"))
async def document_page(request: Request, doc_id: str, kb: KnowledgeBase, masking: MaskingService,
                        audit: RequestAuditor, services: Services) -> Response[Any]:
    found = await anyio.to_thread.run_sync(kb.registry.describe, doc_id)
    rights: EffectiveRights = request.auth
    if found is None or not rights.may_read(found["collection"], found["classification"]):
        raise NotFound("no document with that id")
    listed = [d for d in await anyio.to_thread.run_sync(lambda: kb.list_documents(rights)) if d.id == doc_id]
    title = (await _masked_titles(masking, request, listed))[0][1] if listed else ""
    await audit.record(Actions.DOCUMENT_READ, document_id=doc_id)
    permissions = services.policy.rights(request.user.roles).permissions
    return render(request, "document.html", {
        "doc": found, "title_text": title, "summary": listed[0] if listed else None,
        "level_name": lambda level: Classification(level).name, "can_purge": "documents:purge" in permissions,
        "confirm_word": doc_id[:8], "uploaded": request.query_params.get("uploaded") == "1",
    }, title=translator(request)("document.title"))


@post("/console/documents", opt=page("documents:write"), request_max_body_size=UPLOAD_LIMIT_BYTES, status_code=303)
async def upload_document(request: Request, form: ConsoleForm, kb: KnowledgeBase, audit: RequestAuditor
                          ) -> Response[Any]:  # fmt: skip
    upload = form.data.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise InvalidInput("choose a file to upload", param="file")
    collection, level = form.text("collection", max_chars=128), form.text("classification", max_chars=16)
    title = form.text("title", max_chars=512, required=False) or None
    data = await upload.read()
    document = parse_document(data, label=upload.filename, filename=upload.filename,
                              source=f"upload:{upload.filename}", collection=collection,
                              level=classification(level), max_bytes=kb.settings.max_document_bytes, title=title)
    require_write_clearance(request, document)
    outcome = await anyio.to_thread.run_sync(kb.ingest, document)
    await audit.record(Actions.DOCUMENT_INGEST, http_status=201, document_id=outcome.document_id,
                       details={"version": outcome.version, "status": outcome.status, "chunks": outcome.chunks,
                                "collection": document.collection})
    return see_other(f"/console/documents/{outcome.document_id}?uploaded=1")


def _confirmed(form: ConsoleForm, expected: str) -> None:
    if form.text("confirm", max_chars=512) != expected:
        raise InvalidInput("the confirmation you typed does not match; nothing was purged", param="confirm")


async def _record_receipt(audit: RequestAuditor, receipt: PurgeReceipt) -> None:
    await audit.record(Actions.DOCUMENT_PURGE, **receipt.audit_fields())


@post("/console/documents/{doc_id:str}/purge", opt=page("documents:purge"), status_code=303)
async def purge_document(request: Request, doc_id: str, form: ConsoleForm, purges: PurgeService, kb: KnowledgeBase,
                         audit: RequestAuditor) -> Response[Any]:
    _confirmed(form, doc_id[:8])
    found = await anyio.to_thread.run_sync(kb.registry.describe, doc_id)
    if found is not None:
        require_purge_clearance(request, found["collection"], found["classification"])
    receipt = await anyio.to_thread.run_sync(purges.purge_document, doc_id, request.user.name)
    await _record_receipt(audit, receipt)
    return see_other(f"/console/receipts/{receipt.id}")


@post("/console/collections/purge", opt=page("documents:purge"), status_code=303)
async def purge_collection(request: Request, form: ConsoleForm, purges: PurgeService, kb: KnowledgeBase,
                           audit: RequestAuditor, policy: PolicySet) -> Response[Any]:
    collection = form.text("collection", max_chars=128)
    if collection not in policy.decl.collections:
        raise InvalidInput("choose a collection of this policy set", param="collection")
    _confirmed(form, collection)
    level = await anyio.to_thread.run_sync(kb.registry.highest_level_in, collection)
    require_purge_clearance(request, collection, level)
    receipt = await anyio.to_thread.run_sync(purges.purge_collection, collection, request.user.name)
    await _record_receipt(audit, receipt)
    return see_other(f"/console/receipts/{receipt.id}")


@post("/console/subjects/purge", opt=page("documents:purge"))
async def purge_subject(request: Request, form: ConsoleForm, purges: PurgeService, policy: PolicySet,
                        audit: RequestAuditor, services: Services) -> Response[Any]:
    """Erase a data subject: the value typed twice (it is never stored, logged or audited)."""
    value = form.text("value", max_chars=512)
    _confirmed(form, value)
    services.limits.check_text(len(value), param="value")
    require_subject_clearance(request, policy)
    mode = subject_mode(request, policy, form.text("mode", max_chars=32, required=False) or None)
    entity_type = form.text("entity_type", max_chars=64, required=False) or None
    result = await anyio.to_thread.run_sync(purges.purge_subject, value, entity_type, mode, request.user.name)
    for receipt_id in result.receipts:
        await _record_receipt(audit, await anyio.to_thread.run_sync(purges.receipt, receipt_id))
    await audit.record(Actions.DOCUMENT_PURGE, details={
        "kind": "subject", "mode": result.mode, "subject": result.subject, "entity_type": entity_type,
        "chunks_matched": result.chunks_matched, "chunks_masked": result.chunks_masked,
        "receipts": result.receipts[:64]})
    return render(request, "subject_result.html", {"result": result.as_json()},
                  title=translator(request)("subject.title"))


def _public_key(services: Services) -> tuple[str, str]:
    verifier = services.audit.signer().verifier
    raw = verifier.public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode(), verifier.key_id


@get("/console/receipts/{receipt_id:str}", opt=page("documents:purge"))
async def receipt_page(request: Request, receipt_id: str, purges: PurgeService, services: Services
                       ) -> Response[Any]:  # fmt: skip
    receipt = await anyio.to_thread.run_sync(purges.receipt, receipt_id)
    public_key, key_id = _public_key(services)
    return render(request, "receipt.html", {
        "receipt": receipt, "body": receipt.body, "canonical": receipt.canonical(), "format": RECEIPT_FORMAT,
        "signature": base64.b64encode(receipt.signature).decode(), "public_key": public_key,
        "verified": receipt.verify(services.audit.signer().verifier), "audit_key_id": key_id,
    }, title=translator(request)("receipt.title"))


@get("/console/receipts/{receipt_id:str}/download", opt=page("documents:purge"))
async def receipt_download(receipt_id: str, purges: PurgeService, services: Services) -> Response[bytes]:
    """The receipt as JSON, with the audit public key it verifies under (for checking it offline)."""
    receipt = await anyio.to_thread.run_sync(purges.receipt, receipt_id)
    public_key, key_id = _public_key(services)
    body = {**receipt.as_json(), "public_key_ed25519": public_key, "public_key_id": key_id}
    return Response(json.dumps(body, indent=2, ensure_ascii=False).encode(), media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="purge-receipt-{receipt.id}.json"'})


KB_PAGES = [documents_page, document_page, upload_document, purge_document, purge_collection, purge_subject,
            receipt_page, receipt_download]
