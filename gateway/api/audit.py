"""``/v1/audit``: the audit trail for compliance officers: list, read one event, verify, export.

Thin controllers: parse and check the query, call the AuditTrail, shape the answer. Every request here is itself
audited through the request's auditor (``audit.list``, ``audit.read``, ``audit.passages``, ``audit.verify``,
``audit.export``), including the ones that fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from litestar import Request, get
from litestar.response import Stream

from gateway.api.guards import permission
from gateway.audit.events import OUTCOMES, Actions, AuditRecord
from gateway.audit.export import FORMATS, MEDIA_TYPES, export_lines, record_json
from gateway.audit.query import MAX_PAGE, AuditFilter
from gateway.audit.recorder import RequestAuditor
from gateway.audit.trail import AuditTrail
from gateway.errors import InvalidInput, PolicyDenied
from gateway.pii.service import MaskingService

FILTERS = ("since", "until", "user", "role", "action", "outcome", "document_id")
_TEXT_MAX = 128
PASSAGE_NOT_MASKED = "the cited passage could not be masked; it was not returned"


def query_params(request: Request, allowed: tuple[str, ...]) -> dict[str, str]:
    """Single-valued query parameters, each known; messages name the parameter, never echo its value."""
    found: dict[str, str] = {}
    for name in request.query_params:
        if name not in allowed:
            raise InvalidInput(f"unknown query parameter; known: {', '.join(allowed)}")  # its name is the caller's
        values = request.query_params.getall(name)
        if len(values) != 1 or not 0 < len(values[0]) <= _TEXT_MAX:
            raise InvalidInput(f"give {name} once, 1 to {_TEXT_MAX} characters", param=name)
        found[name] = values[0]
    return found


def time_param(params: dict[str, str], name: str) -> datetime | None:
    if name not in params:
        return None
    try:
        value = datetime.fromisoformat(params[name].replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(f"{name} must be an ISO 8601 time with a timezone, e.g. 2026-01-31T00:00:00Z",
                           param=name) from None
    if value.tzinfo is None:
        raise InvalidInput(f"{name} must carry a timezone, e.g. 2026-01-31T00:00:00Z", param=name)
    return value.astimezone(UTC)


def int_param(params: dict[str, str], name: str, *, low: int, high: int) -> int | None:
    if name not in params:
        return None
    raw = params[name]
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise InvalidInput(f"{name} must be an integer from {low} to {high}", param=name)
    return int(raw)


def audit_filter(params: dict[str, str]) -> AuditFilter:
    if "outcome" in params and params["outcome"] not in OUTCOMES:
        raise InvalidInput(f"outcome must be one of {', '.join(OUTCOMES)}", param="outcome")
    where = AuditFilter(
        since=time_param(params, "since"), until=time_param(params, "until"), user=params.get("user"),
        role=params.get("role"), action=params.get("action"), outcome=params.get("outcome"),
        document_id=params.get("document_id"),
    )
    if where.since and where.until and where.since >= where.until:
        raise InvalidInput("since must be before until", param="since")
    return where


def with_completions(trail: AuditTrail, records: list[AuditRecord]) -> list[dict[str, Any]]:
    """Records as JSON; a ``chat.started`` one also says how its request ended (``completion``: not hashed
    content, read from its ``chat`` event or, with none, from its age)."""
    ends = trail.completions(records)
    return [{**record_json(r), **({"completion": ends[r.seq]} if r.seq in ends else {})} for r in records]


def reveal_passages(request: Request, trail: AuditTrail, masking: MaskingService, citations: list[dict[str, Any]],
                    details: dict[str, Any]) -> None:
    """Add each cited passage's text to its citation (``passage``; None when it is gone), as the officer's own
    role's PII rules allow, as the model saw it: masked, with the trail's linkage pseudonyms (no vault), so a name
    in the passage reads as it does in the event. Only passages the officer's own roles are cleared for are shown
    (``request.auth``: audit:read); the others are marked ``passage_withheld``. Counts go into ``details``."""
    source = trail.passages
    details["passages_available"] = source is not None
    rules = masking.rules_for(request.user.roles)
    withheld = 0
    for citation in citations:
        try:
            text = source.passage(citation["document_id"], citation["version"], citation["chunk_id"],
                                  rights=request.auth) if source is not None else None
        except PolicyDenied:
            text, withheld = None, withheld + 1
            citation["passage_withheld"] = True
        if text is not None:
            text = masking.run_blocking(masking.masker.mask, text, rules, failure=PASSAGE_NOT_MASKED).text
        citation["passage"] = text
    if withheld:
        details["passages_withheld"] = withheld
    details["passages"] = sum(1 for c in citations if c["passage"] is not None)


@get("/v1/audit", opt=permission("audit:read"), sync_to_thread=True)
def list_audit_events(request: Request, trail: AuditTrail, audit: RequestAuditor) -> dict[str, Any]:
    """Events newest first; filters ``since``/``until`` (ISO 8601, until exclusive), ``user``, ``role``,
    ``action``, ``outcome``, ``document_id``; ``limit`` (default 50) and ``cursor`` (the previous ``next_cursor``)."""
    with audit.audited(Actions.AUDIT_LIST) as details:
        params = query_params(request, (*FILTERS, "limit", "cursor"))
        details["filters"] = sorted(k for k in params if k in FILTERS)
        limit = int_param(params, "limit", low=1, high=MAX_PAGE) or 50
        cursor = int_param(params, "cursor", low=1, high=2**63 - 1)
        page = trail.find(audit_filter(params), limit=limit, cursor=cursor)
        details["returned"] = len(page.records)
        return {
            "object": "list",
            "data": with_completions(trail, page.records),
            "next_cursor": str(page.next_cursor) if page.next_cursor is not None else None,
        }


@get("/v1/audit/{seq:int}", opt=permission("audit:read"), sync_to_thread=True)
def get_audit_event(request: Request, seq: int, trail: AuditTrail, masking: MaskingService,
                    audit: RequestAuditor) -> dict[str, Any]:
    """One event with its citations; ``?passages=true`` also returns each cited passage's text from the
    knowledge base (``null`` when unavailable), and is audited as ``audit.passages``."""
    with_passages = request.query_params.get("passages") == "true"
    with audit.audited(Actions.AUDIT_PASSAGES if with_passages else Actions.AUDIT_READ) as details:
        details["seq"] = seq
        params = query_params(request, ("passages",))
        if params.get("passages", "false") not in ("true", "false"):
            raise InvalidInput("passages must be true or false", param="passages")
        body = with_completions(trail, [trail.get(seq)])[0]
        if with_passages:
            reveal_passages(request, trail, masking, body["citations"], details)
        return body


@get("/v1/audit/verify", opt=permission("audit:read"), sync_to_thread=True)
def verify_audit_trail(request: Request, trail: AuditTrail, audit: RequestAuditor) -> dict[str, Any]:
    """Verify the chain (optionally ``from_seq``..``to_seq``); 200 either way, ``intact`` says which."""
    with audit.audited(Actions.AUDIT_VERIFY) as details:
        params = query_params(request, ("from_seq", "to_seq"))
        report = trail.verify(int_param(params, "from_seq", low=1, high=2**63 - 1), int_param(params, "to_seq", low=1,
                                                                                      high=2**63 - 1))
        details["intact"] = report.intact
        return report.to_dict()


@get("/v1/audit/export", opt=permission("audit:export"), sync_to_thread=True)
def export_audit_trail(request: Request, trail: AuditTrail, audit: RequestAuditor) -> Stream:
    """Stream events (``format=csv|jsonl``, ``since``/``until``, other filters as the list) oldest first, then a
    trailer with the verification of the exported range."""
    with audit.audited(Actions.AUDIT_EXPORT) as details:
        params = query_params(request, ("format", *FILTERS))
        fmt = params.get("format", "")
        if fmt not in FORMATS:
            raise InvalidInput(f"format must be one of {', '.join(FORMATS)}", param="format")
        details.update(format=fmt, filters=sorted(k for k in params if k in FILTERS))
        where = audit_filter(params)
    lines: Iterator[str] = export_lines(trail, fmt, where)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return Stream(
        lines,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="audit-{stamp}.{fmt}"'},
    )


AUDIT_ROUTES = [list_audit_events, get_audit_event, verify_audit_trail, export_audit_trail]
