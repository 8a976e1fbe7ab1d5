"""Retention prunes a verified prefix behind a signed anchor; legal holds keep their events (and later ones)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from gateway.audit import AuditFilter, AuditTrail
from gateway.db.tables import AuditEntry
from gateway.errors import AuditFailed, Conflict, NotFound

from .conftest import cited, days_ago, make_event, open_trail, sql


def _seqs(trail: AuditTrail) -> list[int]:
    with trail.db.session() as session:
        return list(session.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)))


def test_prune_removes_old_events_and_the_chain_still_verifies_from_the_anchor(trail: AuditTrail) -> None:
    for i in range(12):
        trail.append(make_event(i, at=days_ago(400)))
    for i in range(3):
        trail.append(make_event(100 + i))
    result = trail.prune(days_ago(365), actor="cli:test")
    assert (result.deleted, result.through_seq) == (12, 12)
    assert _seqs(trail) == [13, 14, 15, 16]  # 16 records the prune itself
    assert trail.get(16).event.action == "audit.prune"
    report = trail.verify()
    assert report.intact, report.lines()
    assert report.anchor_seq == 12


def test_legal_hold_on_a_user_keeps_their_events_and_every_later_one(trail: AuditTrail) -> None:
    for i in range(5):
        trail.append(make_event(i, user="alice", at=days_ago(400)))
    trail.append(make_event(5, user="mallory", at=days_ago(400)))  # seq 6, held
    for i in range(4):
        trail.append(make_event(6 + i, user="alice", at=days_ago(400)))
    trail.add_hold("user", "mallory", actor="cli:test")  # seq 11
    result = trail.prune(days_ago(365), actor="cli:test")
    assert result.through_seq == 5
    assert _seqs(trail)[:2] == [6, 7]
    assert trail.find(AuditFilter(user="mallory")).records[0].seq == 6
    assert trail.verify().intact
    trail.remove_hold("user", "mallory", actor="cli:test")
    assert trail.prune(days_ago(365), actor="cli:test").through_seq == 10
    assert trail.verify().intact


def test_legal_hold_on_a_document_keeps_events_citing_or_acting_on_it(trail: AuditTrail) -> None:
    trail.append(make_event(0, at=days_ago(400)))
    trail.append(make_event(1, at=days_ago(400), citations=cited("loan-7")))  # seq 2
    trail.append(make_event(2, at=days_ago(400)))
    trail.add_hold("document", "loan-7", actor="cli:test")
    assert trail.prune(days_ago(365), actor="cli:test").through_seq == 1
    assert _seqs(trail)[0] == 2
    assert trail.verify().intact


def test_prune_without_expired_events_deletes_nothing(trail: AuditTrail) -> None:
    for i in range(3):
        trail.append(make_event(i))
    result = trail.prune(days_ago(365), actor="cli:test")
    assert (result.deleted, result.through_seq) == (0, None)
    assert trail.verify().intact


def test_retention_unset_means_keep_forever(trail: AuditTrail) -> None:
    trail.append(make_event(0, at=days_ago(4000)))
    assert trail.prune_expired(actor="cli:test") is None
    assert _seqs(trail) == [1]


def test_retention_days_applies(db_url: str, key_path: Path) -> None:
    trail = open_trail(db_url, key_path, retention_days=30)
    trail.append(make_event(0, at=days_ago(31)))
    trail.append(make_event(1, at=days_ago(1)))
    result = trail.prune_expired(actor="cli:test")
    assert result is not None and result.through_seq == 1
    trail.db.dispose()


def test_prune_refuses_when_the_part_to_delete_does_not_verify(trail: AuditTrail) -> None:
    for i in range(5):
        trail.append(make_event(i, at=days_ago(400)))
    trail.append(make_event(5))
    sql(trail, "UPDATE audit_events SET masked_query = 'x' WHERE seq = 2")
    with pytest.raises(AuditFailed):
        trail.prune(days_ago(365), actor="cli:test")
    assert _seqs(trail) == [1, 2, 3, 4, 5, 6]


def test_deleting_the_pruning_anchor_is_detected(trail: AuditTrail) -> None:
    for i in range(4):
        trail.append(make_event(i, at=days_ago(400)))
    trail.append(make_event(4))
    trail.prune(days_ago(365), actor="cli:test")
    sql(trail, "DELETE FROM audit_checkpoints WHERE reason = 'prune'")
    report = trail.verify()
    assert report.first_break is not None
    assert (report.first_break.seq, report.first_break.kind) == (1, "missing_row")


def test_holds_are_listed_and_duplicates_or_unknowns_refused(trail: AuditTrail) -> None:
    trail.add_hold("user", "mallory", actor="cli:test")
    trail.add_hold("document", "loan-7", actor="cli:test")
    assert [(h.kind, h.value) for h in trail.holds()] == [("document", "loan-7"), ("user", "mallory")]
    with pytest.raises(Conflict):
        trail.add_hold("user", "mallory", actor="cli:test")
    with pytest.raises(NotFound):
        trail.remove_hold("user", "nobody", actor="cli:test")
    assert [r.event.action for r in trail.find(AuditFilter()).records] == ["audit.hold.add", "audit.hold.add"]
