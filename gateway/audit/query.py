"""Reading the trail for compliance review: filtered, paginated listing (newest first) and time-ranged iteration
(oldest first) for exports."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select
from sqlalchemy.orm import Session

from gateway.audit.events import AuditRecord
from gateway.audit.rows import record_from_entry
from gateway.db.tables import AuditCitation, AuditEntry

MAX_PAGE = 500


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Every field optional; given ones are ANDed. ``until`` is exclusive."""

    since: datetime | None = None
    until: datetime | None = None
    user: str | None = None
    role: str | None = None
    action: str | None = None
    outcome: str | None = None
    document_id: str | None = None
    """Matches events acting on the document or citing it."""

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.since is not None:
            found.append(AuditEntry.at >= self.since)
        if self.until is not None:
            found.append(AuditEntry.at < self.until)
        if self.user is not None:
            found.append(AuditEntry.user_name == self.user)
        if self.role is not None:
            found.append(AuditEntry.roles.contains(f",{self.role},", autoescape=True))
        if self.action is not None:
            found.append(AuditEntry.action == self.action)
        if self.outcome is not None:
            found.append(AuditEntry.outcome == self.outcome)
        if self.document_id is not None:
            cited = exists().where(
                and_(AuditCitation.event_seq == AuditEntry.seq, AuditCitation.document_id == self.document_id)
            )
            found.append(or_(AuditEntry.document_id == self.document_id, cited))
        return found


@dataclass(frozen=True, slots=True)
class AuditPage:
    records: list[AuditRecord]
    next_cursor: int | None
    """Pass back as ``cursor`` for the next (older) page; None on the last page."""


def list_page(session: Session, where: AuditFilter, *, limit: int, cursor: int | None) -> AuditPage:
    query: Select[AuditEntry] = select(AuditEntry).where(*where.conditions())
    if cursor is not None:
        query = query.where(AuditEntry.seq < cursor)
    entries = session.scalars(query.order_by(AuditEntry.seq.desc()).limit(limit + 1)).all()
    records = [record_from_entry(e) for e in entries[:limit]]
    return AuditPage(records, records[-1].seq if len(entries) > limit else None)


def get_record(session: Session, seq: int) -> AuditRecord | None:
    entry = session.get(AuditEntry, seq)
    return record_from_entry(entry) if entry is not None else None


def iter_records(session: Session, where: AuditFilter, *, batch: int = MAX_PAGE) -> Iterator[AuditRecord]:
    """Matching records in seq order, a batch per query, so an export of millions of events stays flat in memory."""
    after = 0
    while True:
        entries = session.scalars(
            select(AuditEntry).where(*where.conditions(), AuditEntry.seq > after).order_by(AuditEntry.seq).limit(batch)
        ).all()
        for entry in entries:
            yield record_from_entry(entry)
        if len(entries) < batch:
            return
        after = entries[-1].seq
        session.expunge_all()


def ends_of(session: Session, request_ids: list[str], end_action: str) -> dict[str, tuple[int, str]]:
    """request id → (seq, outcome) of its ``end_action`` event, for the requests that have one."""
    if not request_ids:
        return {}
    rows = session.execute(
        select(AuditEntry.request_id, AuditEntry.seq, AuditEntry.outcome)
        .where(AuditEntry.action == end_action, AuditEntry.request_id.in_(request_ids))
    ).all()
    return {row.request_id: (row.seq, row.outcome) for row in rows}
