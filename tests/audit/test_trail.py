"""Appending: gapless, hash-linked, durable, fail closed; decisions; what a record holds."""

from __future__ import annotations

import itertools
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from gateway.audit import AuditFilter, AuditTrail
from gateway.audit.canonical import GENESIS_HASH, event_hash
from gateway.db.tables import AuditCheckpoint
from gateway.errors import AuditFailed, NotFound
from gateway.policy.decisions import Decision

from .conftest import cited, make_event, open_trail, sql


def test_appended_events_get_gapless_seqs_chained_by_hash(trail: AuditTrail) -> None:
    records = [trail.append(make_event(i)) for i in range(25)]
    assert [r.seq for r in records] == list(range(1, 26))
    assert records[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(records):
        assert after.prev_hash == before.hash
        assert after.hash == event_hash(after.seq, after.prev_hash, after.event)


def test_append_then_verify_is_intact(trail: AuditTrail) -> None:
    for i in range(23):
        trail.append(make_event(i, citations=cited("doc-1", "doc-2") if i % 3 == 0 else ()))
    report = trail.verify()
    assert report.intact, report.lines()
    assert report.events_checked == 23
    assert report.checkpoints_checked == 2  # at seq 10 and 20


def test_stored_event_reads_back_equal_to_what_was_appended(trail: AuditTrail) -> None:
    event = make_event(7, citations=cited("doc-9"), document_id="doc-9", details={"n": 1, "ids": ["a", "b"]})
    record = trail.append(event)
    assert trail.get(record.seq).event == event


def test_checkpoint_is_signed_every_n_events_and_on_close(db_url: str, key_path: Path) -> None:
    trail = open_trail(db_url, key_path, checkpoint_every=5)
    for i in range(12):
        trail.append(make_event(i))
    trail.close()
    with trail.db.session() as session:
        rows = session.execute(select(AuditCheckpoint.seq, AuditCheckpoint.reason).order_by(AuditCheckpoint.seq)).all()
    assert [tuple(r) for r in rows] == [(5, "periodic"), (10, "periodic"), (12, "shutdown")]
    trail.db.dispose()


def test_signing_key_is_created_0600_with_its_public_key_next_to_it(trail: AuditTrail, key_path: Path) -> None:
    assert not key_path.exists()
    for i in range(10):
        trail.append(make_event(i))
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    assert key_path.with_suffix(".pub").is_file()
    assert b"PRIVATE KEY" not in key_path.with_suffix(".pub").read_bytes()


def test_missing_signing_key_with_existing_checkpoints_fails_closed(db_url: str, key_path: Path) -> None:
    first = open_trail(db_url, key_path)
    for i in range(10):
        first.append(make_event(i))
    key_path.unlink()
    second = open_trail(db_url, key_path)
    for i in range(9):
        second.append(make_event(i))
    with pytest.raises(AuditFailed):
        second.append(make_event(10))  # seq 20 needs a checkpoint; a fresh key would orphan the old ones
    assert not key_path.exists()
    first.db.dispose()
    second.db.dispose()


def test_append_fails_closed_when_the_database_cannot_take_it(trail: AuditTrail) -> None:
    trail.append(make_event())
    sql(trail, "DROP TABLE audit_citations")
    sql(trail, "DROP TABLE audit_events")
    with pytest.raises(AuditFailed):
        trail.append(make_event())


def test_denials_are_recorded_and_grants_skipped_by_default(trail: AuditTrail) -> None:
    deny = Decision(False, "audit:read", "GET", "/v1/audit", "bob", ("teller",), "no role grants audit:read", "v", "1")
    grant = Decision(True, "chat", "POST", "/v1/chat", "bob", ("teller",), "granted by role teller", "v", "2")
    trail.record_decision(deny)
    trail.record_decision(grant)
    page = trail.find(AuditFilter())
    assert len(page.records) == 1
    event = page.records[0].event
    assert (event.action, event.outcome, event.http_status, event.user) == ("access.denied", "denied", 403, "bob")
    assert event.details["permission"] == "audit:read"


def test_grants_are_recorded_when_configured(db_url: str, key_path: Path) -> None:
    trail = open_trail(db_url, key_path, record_grants=True)
    trail.record_decision(Decision(True, "chat", "POST", "/x", "bob", ("teller",), "granted by role teller", "v", "r"))
    assert trail.find(AuditFilter(action="access.granted")).records
    trail.db.dispose()


def test_unknown_event_id_is_not_found(trail: AuditTrail) -> None:
    with pytest.raises(NotFound):
        trail.get(99)


def test_filters_select_by_user_role_action_outcome_document_and_time(trail: AuditTrail) -> None:
    trail.append(make_event(1, user="alice", roles=("teller",)))
    trail.append(make_event(2, user="carol", roles=("relationship_manager", "teller"), citations=cited("doc-7")))
    trail.append(make_event(3, user="carol", roles=("admin",), action="document.purge", document_id="doc-7",
                            outcome="error"))
    seqs = lambda **kw: [r.seq for r in trail.find(AuditFilter(**kw)).records]  # noqa: E731
    assert seqs(user="carol") == [3, 2]
    assert seqs(role="teller") == [2, 1]
    assert seqs(role="tell") == []
    assert seqs(action="document.purge") == [3]
    assert seqs(outcome="error") == [3]
    assert seqs(document_id="doc-7") == [3, 2]
    assert seqs(since=trail.get(2).event.at) == [3, 2]
    assert seqs(until=trail.get(2).event.at) == [1]


def test_listing_pages_with_a_cursor(trail: AuditTrail) -> None:
    for i in range(7):
        trail.append(make_event(i))
    first = trail.find(AuditFilter(), limit=3)
    second = trail.find(AuditFilter(), limit=3, cursor=first.next_cursor)
    third = trail.find(AuditFilter(), limit=3, cursor=second.next_cursor)
    assert [r.seq for r in first.records + second.records + third.records] == [7, 6, 5, 4, 3, 2, 1]
    assert third.next_cursor is None

