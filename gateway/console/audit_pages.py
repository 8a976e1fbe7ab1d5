"""Pages for compliance officers: the audit trail (filters, paging), one event (masked texts, entity counts,
citations with passages on demand, verdicts), the chain's verification and newest checkpoint, export, legal holds
and the quality report.

Each page needs the permission of the API it mirrors and writes the same audit event (``audit.list``,
``audit.read``, ``audit.passages``, ``review.list``, ``audit.verify``, ``audit.export``, ``review.report``); what
changes the trail's retention (holds) needs ``audit:export``, the officer's permission to take data out of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from litestar import Request, Response, get, post
from litestar.response import Stream

from gateway.api.audit import FILTERS, audit_filter, int_param, reveal_passages, with_completions
from gateway.audit.events import OUTCOMES, Actions
from gateway.audit.export import FORMATS, MEDIA_TYPES, export_lines
from gateway.audit.recorder import RequestAuditor
from gateway.audit.trail import AuditTrail
from gateway.console.web import ConsoleForm, page, render, see_other, translator
from gateway.errors import InvalidInput
from gateway.pii.service import MaskingService
from gateway.policy.policy_set import PolicySet
from gateway.review.report import quality_report
from gateway.review.store import VERDICTS, ReviewService
from gateway.services import Services

PAGE_SIZE = 50
_TEXT_MAX = 128
ACTIONS = [*sorted(v for k, v in vars(Actions).items() if k.isupper()), "review.record", "feedback.record",
           "console.login", "console.logout"]


def filter_params(request: Request, allowed: tuple[str, ...]) -> dict[str, str]:
    """The non-empty query parameters of a console form (an empty field means no filter); a time without a zone
    is UTC, as the form says. Unknown names and oversized values are refused, naming the field only."""
    found: dict[str, str] = {}
    for name in request.query_params:
        if name not in allowed:
            raise InvalidInput(f"unknown field; known: {', '.join(allowed)}")
        values = [v for v in request.query_params.getall(name) if v.strip()]
        if len(values) > 1 or any(len(v) > _TEXT_MAX for v in values):
            raise InvalidInput(f"give {name} once, at most {_TEXT_MAX} characters", param=name)
        if values:
            value = values[0].strip()
            if name in ("since", "until") and "T" in value and not value.endswith("Z") and "+" not in value[10:]:
                value += "+00:00"
            found[name] = value
    return found


@get("/console/audit", opt=page("audit:read"), sync_to_thread=True)
def trail_page(request: Request, trail: AuditTrail, audit: RequestAuditor, policy: PolicySet) -> Response[Any]:
    with audit.audited(Actions.AUDIT_LIST) as details:
        params = filter_params(request, (*FILTERS, "cursor"))
        details["filters"] = sorted(k for k in params if k in FILTERS)
        cursor = int_param(params, "cursor", low=1, high=2**63 - 1)
        found = trail.find(audit_filter(params), limit=PAGE_SIZE, cursor=cursor)
        details["returned"] = len(found.records)
        events = with_completions(trail, found.records)
    kept = {k: v for k, v in params.items() if k != "cursor"}
    older = urlencode({**kept, "cursor": found.next_cursor}) if found.next_cursor is not None else None
    return render(request, "audit_list.html", {
        "events": events, "filters": params, "older": older, "newest": urlencode(kept) if cursor else None,
        "roles": policy.role_names, "actions": ACTIONS, "outcomes": OUTCOMES}, title=translator(request)("audit.title"))


@get("/console/audit/{seq:int}", opt=page("audit:read"), sync_to_thread=True)
def event_page(request: Request, seq: int, trail: AuditTrail, masking: MaskingService, audit: RequestAuditor,
               reviews: ReviewService) -> Response[Any]:
    params = filter_params(request, ("passages",))
    with_passages = params.get("passages") == "true"
    with audit.audited(Actions.AUDIT_PASSAGES if with_passages else Actions.AUDIT_READ) as details:
        details["seq"] = seq
        if params.get("passages", "false") not in ("true", "false"):
            raise InvalidInput("passages must be true or false", param="passages")
        event = with_completions(trail, [trail.get(seq)])[0]
        if with_passages:
            reveal_passages(request, trail, masking, event["citations"], details)
    with audit.audited("review.list") as details:
        details["audit_seq"] = seq
        verdicts = reviews.verdicts(seq)
        details["returned"] = len(verdicts)
    return render(request, "audit_event.html", {
        "event": event, "with_passages": with_passages, "verdicts": verdicts, "verdict_names": VERDICTS,
        "reviewable": event["action"] == Actions.CHAT}, title=translator(request)("event.title", seq=seq))


@post("/console/audit/{seq:int}/review", opt=page("reviews:write"), status_code=303, sync_to_thread=True)
def record_verdict(request: Request, seq: int, form: ConsoleForm, reviews: ReviewService,
                   audit: RequestAuditor) -> Response[Any]:
    note = form.text("note", max_chars=2000, required=False) or None
    reviews.record_verdict(request.user, seq, form.text("verdict", max_chars=32), note, audit)
    return see_other(f"/console/audit/{seq}#reviews")


@get("/console/audit/verify", opt=page("audit:read"), sync_to_thread=True)
def verify_page(request: Request, trail: AuditTrail, audit: RequestAuditor) -> Response[Any]:
    params = filter_params(request, ("run",))
    report = None
    if params.get("run") == "1":
        with audit.audited(Actions.AUDIT_VERIFY) as details:
            report = trail.verify().to_dict()
            details["intact"] = report["intact"]
    return render(request, "audit_verify.html", {"report": report}, title=translator(request)("verify.title"))


@get("/console/audit/export", opt=page("audit:export"), sync_to_thread=False)
def export_page(request: Request, policy: PolicySet) -> Response[Any]:
    return render(request, "audit_export.html", {"formats": FORMATS, "roles": policy.role_names, "filters": {},
                                                 "actions": ACTIONS, "outcomes": OUTCOMES},
                  title=translator(request)("export.title"))


@get("/console/audit/export/download", opt=page("audit:export"), sync_to_thread=True)
def export_download(request: Request, trail: AuditTrail, audit: RequestAuditor) -> Stream:
    with audit.audited(Actions.AUDIT_EXPORT) as details:
        params = filter_params(request, ("format", *FILTERS))
        fmt = params.get("format", "")
        if fmt not in FORMATS:
            raise InvalidInput(f"format must be one of {', '.join(FORMATS)}", param="format")
        details.update(format=fmt, filters=sorted(k for k in params if k in FILTERS))
        where = audit_filter({k: v for k, v in params.items() if k != "format"})
    lines: Iterator[str] = export_lines(trail, fmt, where)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return Stream(lines, media_type=MEDIA_TYPES[fmt],
                  headers={"Content-Disposition": f'attachment; filename="audit-{stamp}.{fmt}"'})


@get("/console/holds", opt=page("audit:read"), sync_to_thread=True)
def holds_page(request: Request, trail: AuditTrail) -> Response[Any]:
    return render(request, "holds.html", {"holds": trail.holds()}, title=translator(request)("holds.title"))


@post("/console/holds/change", opt=page("audit:export"), status_code=303, sync_to_thread=True)
def change_hold(request: Request, form: ConsoleForm, trail: AuditTrail) -> Response[Any]:
    """Add or lift a legal hold on a user's or a document's events (recorded in the trail as the officer)."""
    kind, value, change = form.text("kind", max_chars=16), form.text("value", max_chars=128), form.text("change")
    if kind not in ("user", "document"):
        raise InvalidInput("kind must be user or document", param="kind")
    if change == "add":
        trail.add_hold(kind, value, actor=request.user.name)  # type: ignore[arg-type]
    elif change == "remove":
        trail.remove_hold(kind, value, actor=request.user.name)  # type: ignore[arg-type]
    else:
        raise InvalidInput("change must be add or remove", param="change")
    return see_other("/console/holds")


@get("/console/quality", opt=page("audit:read"), sync_to_thread=True)
def quality_page(request: Request, services: Services, audit: RequestAuditor) -> Response[Any]:
    params = filter_params(request, ("since", "until"))
    with audit.audited("review.report") as details:
        since = _day(params.get("since"), "since")
        until = _day(params.get("until"), "until")
        if since is None and until is None:
            since = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=56)
        rows = quality_report(services.audit, services.db, since=since, until=until)
        details["rows"] = len(rows)
    return render(request, "quality.html", {"rows": rows, "since": since, "until": until,
                                            "verdict_names": VERDICTS}, title=translator(request)("quality.title"))


def _day(value: str | None, name: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value[:10]).replace(tzinfo=UTC)
    except ValueError:
        raise InvalidInput(f"{name} must be a date such as 2026-01-31", param=name) from None


AUDIT_PAGES = [trail_page, event_page, record_verdict, verify_page, export_page, export_download, holds_page,
               change_hold, quality_page]
