"""Retention and legal holds.

Pruning removes only a contiguous prefix of the chain: every event up to seq S, where S is the last seq before the
first event that is either too recent or under a legal hold. Before deleting, a checkpoint over event S is signed
with reason ``prune``; it becomes the anchor verification starts from (the next event must chain to its hash).
This is the simplest design that keeps verification exact: no event inside the verified range is ever missing, so
held events need no special case. The cost is that a hold also keeps every later event until it is lifted; with
holds rare and short, that over-retention is the safer error for an audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from gateway.db.tables import AuditCitation, AuditEntry, AuditHold

HoldKind = Literal["user", "document"]


@dataclass(frozen=True, slots=True)
class Hold:
    kind: HoldKind
    value: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PruneResult:
    deleted: int
    through_seq: int | None
    """The new pruning anchor, or None if nothing could be pruned."""


def prunable_through(session: Session, older_than: datetime, head: int) -> int:
    """The highest seq S such that every event up to S is older than ``older_than`` and not held; the newest event
    is always kept so the chain head stays in the table."""
    first_recent = session.scalar(select(func.min(AuditEntry.seq)).where(AuditEntry.at >= older_than))
    held_users = select(AuditHold.value).where(AuditHold.kind == "user")
    held_docs = select(AuditHold.value).where(AuditHold.kind == "document")
    citing_held = select(AuditCitation.event_seq).where(AuditCitation.document_id.in_(held_docs))
    first_held = session.scalar(
        select(func.min(AuditEntry.seq)).where(
            or_(AuditEntry.user_name.in_(held_users), AuditEntry.document_id.in_(held_docs),
                AuditEntry.seq.in_(citing_held))
        )
    )
    bounds = [b for b in (first_recent, first_held, head) if b is not None]
    return min(bounds) - 1 if bounds else 0


def list_holds(session: Session) -> list[Hold]:
    rows = session.scalars(select(AuditHold).order_by(AuditHold.kind, AuditHold.value)).all()
    return [Hold(r.kind, r.value, r.created_at) for r in rows]  # type: ignore[arg-type]
