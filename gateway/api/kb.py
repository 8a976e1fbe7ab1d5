"""``POST /v1/documents`` (ingest one document: JSON or multipart upload) and ``POST /v1/search`` (role-filtered).

Thin controllers: decode, check the caller may write where it writes, call the KnowledgeBase in a worker thread.
The service is ``request.app.state.kb``.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import replace
from typing import Any

import anyio
import msgspec
from litestar import Request, post
from litestar.datastructures import UploadFile

from gateway.api.guards import denial, permission, request_id
from gateway.api.openai_schema import decode_request
from gateway.audit.events import Actions, AuditEvent, Citation
from gateway.audit.trail import AuditTrail
from gateway.chat.service import ChatService
from gateway.errors import InvalidInput, MaskingFailed, ModelUnavailable
from gateway.kb.documents import SourceDocument
from gateway.kb.search import Hit
from gateway.kb.service import KnowledgeBase
from gateway.kb.sources import classification, parse_document, text_document
from gateway.policy.pii_rules import pii_rules_for
from gateway.policy.policy_set import EffectiveRights

UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024
"""Body limit of the upload route; the knowledge base's own ``kb.max_document_bytes`` is checked after reading."""


class DocumentIn(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    text: str
    collection: str
    classification: str
    metadata: dict[str, Any] = {}
    source_id: str | None = None
    """Stable id of the document at its source; defaults to the title. Same id, new text: a new version."""


class SearchIn(msgspec.Struct, forbid_unknown_fields=True):
    query: str
    top_k: int | None = None
    collections: list[str] | None = None


def knowledge_base(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase | None = getattr(request.app.state, "kb", None)
    if kb is None:
        raise ModelUnavailable("the knowledge base is not enabled (no embedding model loaded)")
    return kb


def _may_write(request: Request, rights: EffectiveRights, document: SourceDocument) -> None:
    if document.collection not in rights.collections:
        raise denial(request, "collection not readable by the caller's roles",
                     f"no role may write to collection {document.collection!r}", param="collection")
    if document.classification > rights.max_classification:
        raise denial(request, f"classification above {rights.max_classification.name}",
                     f"documents above {rights.max_classification.name} may not be written by this caller",
                     param="classification")


async def _from_form(request: Request, kb: KnowledgeBase) -> SourceDocument:
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise InvalidInput("multipart upload needs a 'file' part", param="file")
    collection, level = form.get("collection"), form.get("classification")
    if not isinstance(collection, str) or not isinstance(level, str):
        raise InvalidInput("multipart upload needs 'collection' and 'classification' fields")
    title = form.get("title")
    data = await upload.read()
    name = upload.filename or "upload"
    return parse_document(data, label=name, filename=name, source=f"upload:{name}", collection=collection,
                          level=classification(level), max_bytes=kb.settings.max_document_bytes,
                          title=title if isinstance(title, str) else None)


@post("/v1/documents", opt=permission("documents:write"), status_code=201, request_max_body_size=UPLOAD_LIMIT_BYTES)
async def create_document(request: Request) -> dict[str, Any]:
    kb = knowledge_base(request)
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        document = await _from_form(request, kb)
    else:
        body = decode_request(await request.body(), DocumentIn)
        document = text_document(body.text, title=body.title, collection=body.collection,
                                 level=classification(body.classification), metadata=body.metadata,
                                 source=body.source_id, label="document", max_bytes=kb.settings.max_document_bytes)
    _may_write(request, request.auth, document)
    outcome = await anyio.to_thread.run_sync(kb.ingest, document)
    await _record(request, Actions.DOCUMENT_INGEST, 201, document_id=outcome.document_id,
                  details={"version": outcome.version, "status": outcome.status, "chunks": outcome.chunks,
                           "collection": document.collection})
    return {"object": "document", "id": outcome.document_id, "version": outcome.version, "status": outcome.status,
            "chunks": outcome.chunks}


@post("/v1/search", opt=permission("search"), status_code=200)
async def search(request: Request) -> dict[str, Any]:
    kb = knowledge_base(request)
    body = decode_request(await request.body(), SearchIn)
    hits = await anyio.to_thread.run_sync(lambda: kb.search(body.query, request.auth, body.top_k, body.collections))
    chat: ChatService = request.app.state.chat
    rules = pii_rules_for(chat.policy, request.user.roles)

    def mask_passages() -> tuple[list[Hit], Counter[str]]:
        counts: Counter[str] = Counter()
        masked = []
        try:
            for hit in hits:
                result = chat.masker.mask(hit.text, rules)
                counts.update(result.entity_counts)
                masked.append(replace(hit, text=result.text))
        except Exception as exc:
            raise MaskingFailed("personal data detection failed on the passages; nothing was returned") from exc
        return masked, counts

    loop = asyncio.get_running_loop()
    hits, counts = await loop.run_in_executor(chat.pii_executor, mask_passages)
    await _record(request, Actions.SEARCH, 200, masked_entities=dict(counts),
                  citations=tuple(Citation(h.document_id, h.title, h.version, h.chunk_id, h.chunk_hash, h.score)
                                  for h in hits))
    return {
        "object": "list",
        "data": [
            {"document_id": h.document_id, "title": h.title, "version": h.version, "chunk_id": h.chunk_id,
             "collection": h.collection, "classification": h.classification, "score": h.score,
             "similarity": h.similarity, "text": h.text}
            for h in hits
        ],
    }


async def _record(request: Request, action: str, status: int, **fields: Any) -> None:
    """One audit event for this request, durably written before the response (a failure fails the request)."""
    trail: AuditTrail = request.app.state.audit
    event = AuditEvent(action=action, outcome="ok", request_id=request_id(request), user=request.user.name,
                       roles=request.user.roles, policy_version=request.app.state.access.policy.version,
                       http_status=status, **fields)
    await asyncio.get_running_loop().run_in_executor(None, trail.append, event)


KB_ROUTES = [create_document, search]
