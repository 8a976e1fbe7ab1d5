"""The answer-quality report: per ISO week, answering role and model, what the audit trail measured automatically
(answers, refusals, template compliance, invalid citations, answers not from the knowledge base) next to what people
said (officers' verdicts, the latest per answer; staff thumbs up and down)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from gateway.audit.events import Actions
from gateway.audit.query import AuditFilter
from gateway.audit.trail import AuditTrail
from gateway.db.session import Database
from gateway.db.tables import AnswerFeedback, AnswerReview
from gateway.review.answers import AuditedAnswer
from gateway.review.store import VERDICTS

Key = tuple[str, str, str]


@dataclass(slots=True)
class QualityRow:
    week: str
    """ISO week of the answers, e.g. ``2026-W49``."""
    role: str
    model: str
    answers: int = 0
    """Chat requests answered (HTTP 200), refusals included."""
    errors: int = 0
    refused: int = 0
    not_from_kb: int = 0
    """Answered by the model without a knowledge-base passage."""
    formatted: int = 0
    """Answers of roles with a template or format that finished generating (the denominator of compliance)."""
    compliant: int = 0
    invalid_citations: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    up: int = 0
    down: int = 0

    @property
    def compliance(self) -> float | None:
        return self.compliant / self.formatted if self.formatted else None

    @property
    def reviewed(self) -> int:
        return sum(self.verdicts.values())

    def as_json(self) -> dict[str, Any]:
        return {"week": self.week, "role": self.role, "model": self.model, "answers": self.answers,
                "errors": self.errors, "refused": self.refused, "not_from_kb": self.not_from_kb,
                "format_compliance": self.compliance, "formatted": self.formatted,
                "invalid_citations": self.invalid_citations, "reviewed": self.reviewed,
                "verdicts": {v: self.verdicts.get(v, 0) for v in VERDICTS}, "feedback_up": self.up,
                "feedback_down": self.down}


def week_of(at: datetime) -> str:
    year, week, _ = at.isocalendar()
    return f"{year}-W{week:02d}"


def quality_report(trail: AuditTrail, db: Database, *, since: datetime | None = None,
                   until: datetime | None = None) -> list[QualityRow]:
    """Rows sorted by week, role and model; answers and human judgements are placed by when the answer was given."""
    rows: dict[Key, QualityRow] = {}

    def row(week: str, role: str | None, model: str | None) -> QualityRow:
        key = (week, role or "-", model or "-")
        if key not in rows:
            rows[key] = QualityRow(*key)
        return rows[key]

    for record in trail.records(AuditFilter(since=since, until=until, action=Actions.CHAT)):
        answer = AuditedAnswer.of(record)
        counted = row(week_of(answer.answered_at), answer.answer_role, answer.model_file)
        if record.event.http_status != 200:
            counted.errors += 1
            continue
        counted.answers += 1
        grounding = record.event.details.get("grounding") or {}
        counted.refused += bool(grounding.get("refused"))
        counted.not_from_kb += not grounding.get("from_knowledge_base", True) and not grounding.get("refused")
        if grounding.get("format") and grounding.get("format_valid") is not None:
            counted.formatted += 1
            counted.compliant += bool(grounding["format_valid"])
        counted.invalid_citations += int(grounding.get("invalid_citation_count",
                                                       len(grounding.get("invalid_citations") or ())))
    with db.session() as session:
        reviews = session.scalars(_between(select(AnswerReview), AnswerReview.answered_at, since, until)
                                  .order_by(AnswerReview.id)).all()
        latest = {review.audit_seq: review for review in reviews}  # a later verdict replaces an earlier one
        for review in latest.values():
            row(week_of(review.answered_at), review.answer_role, review.model_file).verdicts[review.verdict] += 1
        ratings = session.scalars(_between(select(AnswerFeedback), AnswerFeedback.answered_at, since, until)
                                  .order_by(AnswerFeedback.id)).all()
        # a later rating of an answer by the same person replaces the earlier one
        for feedback in {(f.request_id, f.user_name): f for f in ratings}.values():
            target = row(week_of(feedback.answered_at), feedback.answer_role, feedback.model_file)
            target.up += feedback.rating == "up"
            target.down += feedback.rating == "down"
    return [rows[key] for key in sorted(rows)]


def _between(query: Any, column: Any, since: datetime | None, until: datetime | None) -> Any:
    if since is not None:
        query = query.where(column >= since)
    if until is not None:
        query = query.where(column < until)
    return query


COLUMNS = ("week", "role", "model", "answers", "refused", "not from KB", "format ok", "invalid [n]", "reviewed",
           "correct", "incorrect", "unsafe", "PII leaked", "up", "down")


def render(rows: Iterable[QualityRow]) -> str:
    """The report as a plain-text table."""
    lines = [list(COLUMNS)]
    for r in rows:
        compliance = f"{r.compliance:.0%} of {r.formatted}" if r.compliance is not None else "-"
        lines.append([r.week, r.role, r.model, str(r.answers), str(r.refused), str(r.not_from_kb), compliance,
                      str(r.invalid_citations), str(r.reviewed), *(str(r.verdicts.get(v, 0)) for v in VERDICTS),
                      str(r.up), str(r.down)])
    if len(lines) == 1:
        return "no answers in this period"
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
                     for line in lines)
