"""``POST /v1/documents`` (ingest one document: JSON or multipart upload), ``GET /v1/documents`` (list what the
caller may read) and ``GET /v1/documents/{id}``, and ``POST /v1/search`` (role-filtered).

Thin controllers: decode, check the caller may write where it writes, call the KnowledgeBase in a worker thread,
mask what leaves through the masking service, audit through the request's auditor.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import replace
from datetime import datetime
from typing import Any

import anyio
import msgspec
from litestar import MediaType, Request, Response, get, post
from litestar.datastructures import UploadFile

from gateway.api.audit import int_param, query_params
from gateway.api.clearance import require_write_clearance
from gateway.api.guards import permission
from gateway.api.openai_schema import decode_request
from gateway.audit.events import Actions, Citation
from gateway.audit.recorder import RequestAuditor
from gateway.errors import InvalidInput, NotFound
from gateway.kb.documents import SourceDocument
from gateway.kb.listing import MAX_LISTED, DocumentQuery, DocumentSummary
from gateway.kb.service import KnowledgeBase
from gateway.kb.sources import classification, parse_document, text_document
from gateway.kb.validity import VALIDITIES
from gateway.llm.types import StageTimer
from gateway.pii.service import MaskingService
from gateway.pii.vault import PseudonymVault
from gateway.policy.limits import RequestLimits
from gateway.policy.policy_set import EffectiveRights
from gateway.policy.schema import Classification

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
    valid_from: str | None = None
    valid_until: str | None = None
    """ISO 8601 dates or times: outside this window the document is listed (as expired or pending), not served."""


class SearchIn(msgspec.Struct, forbid_unknown_fields=True):
    query: str
    top_k: int | None = None
    collections: list[str] | None = None


async def _from_form(request: Request, kb: KnowledgeBase) -> SourceDocument:
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise InvalidInput("multipart upload needs a 'file' part", param="file")
    collection, level = form.get("collection"), form.get("classification")
    if not isinstance(collection, str) or not isinstance(level, str):
        raise InvalidInput("multipart upload needs 'collection' and 'classification' fields")
    title = form.get("title")
    starts, ends = form.get("valid_from"), form.get("valid_until")
    data = await upload.read()
    name = upload.filename or "upload"
    return parse_document(data, label=name, filename=name, source=f"upload:{name}", collection=collection,
                          level=classification(level), max_bytes=kb.settings.max_document_bytes,
                          title=title if isinstance(title, str) else None,
                          valid_from=starts if isinstance(starts, str) else None,
                          valid_until=ends if isinstance(ends, str) else None)


@post("/v1/documents", opt=permission("documents:write"), status_code=201, request_max_body_size=UPLOAD_LIMIT_BYTES)
async def create_document(request: Request, kb: KnowledgeBase, audit: RequestAuditor) -> dict[str, Any]:
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        document = await _from_form(request, kb)
    else:
        body = decode_request(await request.body(), DocumentIn)
        document = text_document(body.text, title=body.title, collection=body.collection,
                                 level=classification(body.classification), metadata=body.metadata,
                                 source=body.source_id, label="document", max_bytes=kb.settings.max_document_bytes,
                                 valid_from=body.valid_from, valid_until=body.valid_until)
    require_write_clearance(request, document)
    outcome = await anyio.to_thread.run_sync(kb.ingest, document)
    await audit.record(Actions.DOCUMENT_INGEST, http_status=201, document_id=outcome.document_id,
                       details={"version": outcome.version, "status": outcome.status, "chunks": outcome.chunks,
                                "collection": document.collection})
    return {"object": "document", "id": outcome.document_id, "version": outcome.version, "status": outcome.status,
            "chunks": outcome.chunks}


@post("/v1/search", opt=permission("search"), status_code=200)
async def search(request: Request, kb: KnowledgeBase, masking: MaskingService, audit: RequestAuditor,
                 limits: RequestLimits) -> Response[bytes]:
    """The caller's permitted passages for a query, masked under the caller's rules; ``Server-Timing`` reports the
    search, the masking and the audit write."""
    timer = StageTimer()
    body = decode_request(await request.body(), SearchIn)
    limits.check_text(len(body.query), param="query")
    t = time.perf_counter()
    hits = await anyio.to_thread.run_sync(lambda: kb.search(body.query, request.auth, body.top_k, body.collections))
    timer.add("search", time.perf_counter() - t)
    rules = masking.rules_for(request.user.roles)
    # Passages and their titles leave the knowledge base masked under the caller's rules, from the spans found at
    # ingestion (one detection batch for any stored without usable ones).
    t = time.perf_counter()
    vault = PseudonymVault()
    items = [pair for hit in hits for pair in hit.texts_to_mask()[:2]]
    masked = await masking.mask_found(items, rules, [vault] * len(items),
                                      failure="personal data detection failed on the passages; nothing was returned")
    counts: Counter[str] = Counter()
    for result in masked[::2]:
        counts.update(result.entity_counts)
    hits = [replace(hit, text=text.text, title=title.text)
            for hit, text, title in zip(hits, masked[::2], masked[1::2], strict=True)]
    timer.add("mask", time.perf_counter() - t)
    t = time.perf_counter()
    await audit.record(Actions.SEARCH, masked_entities=dict(counts),
                       citations=tuple(Citation(h.document_id, h.title, h.version, h.chunk_id, h.chunk_hash, h.score)
                                       for h in hits))
    timer.add("audit", time.perf_counter() - t)
    payload = {
        "object": "list",
        "data": [
            {"document_id": h.document_id, "title": h.title, "version": h.version, "chunk_id": h.chunk_id,
             "collection": h.collection, "classification": h.classification, "score": h.score,
             "similarity": h.similarity, "text": h.text}
            for h in hits
        ],
    }
    timer.add("total", audit.elapsed_ms() / 1000)
    return Response(msgspec.json.encode(payload), media_type=MediaType.JSON, status_code=200,
                    headers={"Server-Timing": timer.header()})


LIST_FILTERS = ("collection", "classification", "validity", "limit", "offset")
DEFAULT_PAGE, MAX_PAGE, MAX_OFFSET = 20, 100, MAX_LISTED


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _document_json(document: DocumentSummary, title: str, source: str | None) -> dict[str, Any]:
    return {"object": "document", "id": document.id, "title": title, "collection": document.collection,
            "classification": Classification(document.classification).name,
            "active_version": document.active_version, "versions": document.versions, "chunks": document.chunks,
            "ingested_at": _when(document.ingested_at), "updated_at": _when(document.updated_at), "source": source,
            "valid_from": _when(document.valid_from), "valid_until": _when(document.valid_until),
            "validity": document.validity()}


async def _masked(masking: MaskingService, request: Request, documents: list[DocumentSummary]
                  ) -> list[tuple[str, str | None]]:  # fmt: skip
    """Each document's title and source masked under the caller's rules, like search results: from the spans found
    at ingestion (no NER), those of documents stored without them detected in one batch."""
    rules = masking.rules_for(request.user.roles)
    items = [(d.title or "", d.found.title if d.found else None) for d in documents]
    items += [(d.source or "", d.found.source if d.found else None) for d in documents]
    vault = PseudonymVault()
    masked = await masking.mask_found(items, rules, [vault] * len(items),
                                      failure="personal data detection failed on the titles; nothing was returned")
    n = len(documents)
    return [(title.text, source.text if d.source is not None else None)
            for d, title, source in zip(documents, masked[:n], masked[n:], strict=True)]


@get("/v1/documents", opt=permission("documents:read"))
async def list_documents(request: Request, kb: KnowledgeBase, masking: MaskingService,
                         audit: RequestAuditor) -> dict[str, Any]:
    """The documents the caller may read, newest first: masked title, collection, classification, versions,
    chunks, ingest time, source, validity. Filters ``collection``, ``classification`` and ``validity`` (current,
    expired, pending); pages by ``limit`` and ``offset``."""
    params = query_params(request, LIST_FILTERS)
    level = classification(params["classification"]) if "classification" in params else None
    validity = params.get("validity")
    if validity is not None and validity not in VALIDITIES:
        raise InvalidInput(f"validity must be one of {', '.join(VALIDITIES)}", param="validity")
    limit = int_param(params, "limit", low=1, high=MAX_PAGE) or DEFAULT_PAGE
    offset = int_param(params, "offset", low=0, high=MAX_OFFSET) or 0
    page = DocumentQuery(collection=params.get("collection"), classification=int(level) if level is not None else None,
                         validity=validity, limit=limit + 1, offset=offset)
    rights: EffectiveRights = request.auth
    found = await anyio.to_thread.run_sync(lambda: kb.list_documents(rights, query=page))
    shown = found[:limit]
    masked = await _masked(masking, request, shown)
    await audit.record(Actions.DOCUMENT_LIST, details={"listed": len(shown), "offset": offset})
    return {"object": "list", "data": [_document_json(d, title, source)
                                       for d, (title, source) in zip(shown, masked, strict=True)],
            "has_more": len(found) > limit, "next_offset": offset + limit if len(found) > limit else None}


@get("/v1/documents/{doc_id:str}", opt=permission("documents:read"))
async def get_document(request: Request, doc_id: str, kb: KnowledgeBase, masking: MaskingService,
                       audit: RequestAuditor) -> dict[str, Any]:
    """A document's summary (masked title and source, chunks, ingest time) and every version, if one of the
    caller's roles holding documents:read may read it; otherwise, as when there is none, 404."""
    rights: EffectiveRights = request.auth
    found = await anyio.to_thread.run_sync(kb.document, doc_id, rights)
    if found is None:
        raise NotFound("no document with that id")
    summary, record = found
    (title, source), = await _masked(masking, request, [summary])
    await audit.record(Actions.DOCUMENT_READ, document_id=doc_id)
    versions = [{**v, "classification": Classification(v["classification"]).name,
                 "activated_at": _when(v["activated_at"]), "valid_from": _when(v["valid_from"]),
                 "valid_until": _when(v["valid_until"])} for v in record["versions"]]
    return {**_document_json(summary, title, source), "versions": versions, "version_count": summary.versions}


KB_ROUTES = [create_document, search, list_documents, get_document]
