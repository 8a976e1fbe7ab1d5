"""``ReviewService``: verdicts of compliance officers on audited answers, and staff feedback on answers received.

Each is stored in its own table and recorded as an audit event: the row is committed, then the event appended, and
if the append fails the row is deleted again and the request fails, so no stored verdict lacks its audit event
(fail closed; the trail's own writer cannot share the row's transaction). Both tables only grow: a later verdict on
an answer, or a later rating by the same person, supersedes the earlier one in the report. Notes and comments are
masked under the writer's own PII rules before they are stored; the audit event holds ids, the verdict or rating
and entity counts, never the note.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeVar, get_args

from sqlalchemy import select

from gateway.audit.recorder import RequestAuditor
from gateway.audit.trail import AuditTrail
from gateway.db.session import Database
from gateway.db.tables import AnswerFeedback, AnswerReview
from gateway.errors import InvalidInput
from gateway.pii.service import MaskingService
from gateway.policy.principal import Principal
from gateway.review.answers import answer_by_response, answer_by_seq

Verdict = Literal["correct", "incorrect", "unsafe", "personal_data_leaked"]
VERDICTS: tuple[str, ...] = get_args(Verdict)
Rating = Literal["up", "down"]
RATINGS: tuple[str, ...] = get_args(Rating)
TEXT_MAX = 2000
NOT_MASKED = "the note could not be checked for personal data; nothing was stored"

RowT = TypeVar("RowT", AnswerReview, AnswerFeedback)

REVIEW_RECORD = "review.record"
FEEDBACK_RECORD = "feedback.record"


@dataclass(frozen=True, slots=True)
class Recorded:
    """A stored verdict or feedback, as the API returns it (the note masked)."""

    id: int
    audit_seq: int
    value: str
    text: str | None
    by: str
    at: datetime
    answer_role: str | None
    model_file: str | None

    def as_json(self, kind: Literal["review", "feedback"]) -> dict[str, Any]:
        key, text, by = ("verdict", "note", "reviewer") if kind == "review" else ("rating", "comment", "user")
        return {"object": kind, "id": self.id, "audit_seq": self.audit_seq, key: self.value, text: self.text,
                by: self.by, "at": self.at.isoformat(), "answer_role": self.answer_role, "model_file": self.model_file}


class ReviewService:
    def __init__(self, db: Database, trail: AuditTrail, masking: MaskingService) -> None:
        self.db = db
        self.trail = trail
        self.masking = masking

    def record_verdict(self, officer: Principal, seq: int, verdict: str, note: str | None,
                       auditor: RequestAuditor) -> Recorded:
        """Store ``officer``'s verdict on the answer audited as ``seq`` (blocking: call from a worker thread)."""
        if verdict not in VERDICTS:
            raise InvalidInput(f"verdict must be one of {', '.join(VERDICTS)}", param="verdict")
        answer = answer_by_seq(self.trail, seq)
        masked, counts = self._masked(officer, note, "note")
        row = self._stored(AnswerReview(audit_seq=answer.seq, request_id=answer.request_id, verdict=verdict,
                                        note=masked, reviewer=officer.name, answer_role=answer.answer_role,
                                        model_file=answer.model_file, answered_at=answer.answered_at))
        with self._undone_unless_audited(row):
            auditor.record_now(REVIEW_RECORD, masked_entities=counts, details={
                "review_id": row.id, "audit_seq": answer.seq, "verdict": verdict, "note": masked is not None})
        return Recorded(row.id, row.audit_seq, row.verdict, row.note, row.reviewer, row.reviewed_at,
                        row.answer_role, row.model_file)

    def verdicts(self, seq: int) -> list[Recorded]:
        """Every verdict on the answer audited as ``seq``, oldest first."""
        if not 1 <= seq < 2**63:  # beyond any sequence number (and any database integer): none
            return []
        with self.db.session() as session:
            rows = session.scalars(select(AnswerReview).where(AnswerReview.audit_seq == seq)
                                   .order_by(AnswerReview.id)).all()
            return [Recorded(r.id, r.audit_seq, r.verdict, r.note, r.reviewer, r.reviewed_at, r.answer_role,
                             r.model_file) for r in rows]

    def record_feedback(self, user: Principal, response_id: str, rating: str, comment: str | None,
                        auditor: RequestAuditor) -> Recorded:
        """Store ``user``'s rating of an answer they received; a second rating of the same answer replaces it."""
        if rating not in RATINGS:
            raise InvalidInput(f"rating must be one of {', '.join(RATINGS)}", param="rating")
        answer = answer_by_response(self.trail, response_id, user.name)
        masked, counts = self._masked(user, comment, "comment")
        with self.db.session() as session:
            replaced = session.scalars(select(AnswerFeedback.id).where(
                AnswerFeedback.request_id == answer.request_id, AnswerFeedback.user_name == user.name)).first()
        row = self._stored(AnswerFeedback(audit_seq=answer.seq, request_id=answer.request_id, user_name=user.name,
                                          rating=rating, comment=masked, answer_role=answer.answer_role,
                                          model_file=answer.model_file, answered_at=answer.answered_at))
        with self._undone_unless_audited(row):
            auditor.record_now(FEEDBACK_RECORD, masked_entities=counts, details={
                "feedback_id": row.id, "audit_seq": answer.seq, "rating": rating, "comment": masked is not None,
                "replaces": replaced})
        return Recorded(row.id, row.audit_seq, row.rating, row.comment, row.user_name, row.created_at,
                        row.answer_role, row.model_file)

    def _stored(self, row: RowT) -> RowT:
        """``row`` committed (and detached, its id and defaults loaded)."""
        with self.db.session() as session:
            session.add(row)
            session.flush()
        return row

    @contextmanager
    def _undone_unless_audited(self, row: AnswerReview | AnswerFeedback) -> Iterator[None]:
        try:
            yield
        except BaseException:
            with self.db.session() as session:
                session.delete(session.merge(row))
            raise

    def _masked(self, who: Principal, text: str | None, param: str) -> tuple[str | None, dict[str, int]]:
        if text is None or not text.strip():
            return None, {}
        if len(text) > TEXT_MAX:
            raise InvalidInput(f"{param} must be at most {TEXT_MAX} characters", param=param)
        rules = self.masking.rules_for(who.roles)
        result = self.masking.run_blocking(self.masking.masker.mask, text, rules, failure=NOT_MASKED)
        return result.text, dict(result.entity_counts)
