"""Tampering done directly in the database is found, with the right first broken link."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text

from gateway.audit import AuditTrail
from gateway.audit.canonical import checkpoint_message, event_hash
from gateway.audit.rows import event_from_row
from gateway.audit.signing import CheckpointSigner, key_id_of
from gateway.db.tables import AuditCheckpoint, AuditEntry
from gateway.errors import AuditFailed

from .conftest import cited, make_event, open_trail, sql


def _fill(trail: AuditTrail, n: int) -> None:
    for i in range(n):
        trail.append(make_event(i))


def _break(trail: AuditTrail, **kwargs: int) -> tuple[int, str]:
    report = trail.verify(**kwargs)
    assert report.first_break is not None, "tampering went unnoticed"
    return report.first_break.seq, report.first_break.kind


def test_edited_field_is_content_modified_at_that_event(trail: AuditTrail) -> None:
    _fill(trail, 25)
    sql(trail, "UPDATE audit_events SET masked_answer = 'Approved.' WHERE seq = 7")
    assert _break(trail) == (7, "content_modified")


def test_edited_citation_is_content_modified(trail: AuditTrail) -> None:
    _fill(trail, 3)
    trail.append(make_event(3, citations=cited("doc-1")))
    sql(trail, "UPDATE audit_citations SET document_id = 'doc-2' WHERE event_seq = 4")
    assert _break(trail) == (4, "content_modified")


def test_edited_field_that_no_longer_parses_is_content_modified(trail: AuditTrail) -> None:
    _fill(trail, 5)
    sql(trail, "UPDATE audit_events SET details = 'not json' WHERE seq = 2")
    assert _break(trail) == (2, "content_modified")


def test_deleted_row_is_missing_row(trail: AuditTrail) -> None:
    _fill(trail, 25)
    sql(trail, "DELETE FROM audit_events WHERE seq = 13")
    assert _break(trail) == (13, "missing_row")


def test_deleted_row_with_later_seqs_renumbered_is_missing_row(trail: AuditTrail) -> None:
    _fill(trail, 8)
    sql(trail, "DELETE FROM audit_events WHERE seq = 4")
    for seq in range(5, 9):
        sql(trail, "UPDATE audit_events SET seq = :new WHERE seq = :old", new=seq - 1, old=seq)
    assert _break(trail) == (4, "missing_row")


def test_swapped_seqs_are_reordered(trail: AuditTrail) -> None:
    _fill(trail, 25)
    sql(trail, "UPDATE audit_events SET seq = -1 WHERE seq = 15")
    sql(trail, "UPDATE audit_events SET seq = 15 WHERE seq = 16")
    sql(trail, "UPDATE audit_events SET seq = 16 WHERE seq = -1")
    assert _break(trail) == (15, "reordered")


def test_truncated_tail_before_the_newest_checkpoint_is_truncated_tail(trail: AuditTrail) -> None:
    _fill(trail, 25)  # checkpoints at 10 and 20
    sql(trail, "DELETE FROM audit_events WHERE seq > 17")
    assert _break(trail) == (18, "truncated_tail")


def test_truncating_everything_is_truncated_tail(trail: AuditTrail) -> None:
    _fill(trail, 12)
    sql(trail, "DELETE FROM audit_events")
    assert _break(trail) == (1, "truncated_tail")


def test_tail_truncated_after_the_newest_checkpoint_is_refused_by_the_writer(db_url: str, key_path: Path) -> None:
    trail = open_trail(db_url, key_path)
    _fill(trail, 25)
    sql(trail, "DELETE FROM audit_events WHERE seq > 22")
    assert trail.verify().intact  # the database alone cannot show an unsigned tail that vanished...
    with pytest.raises(AuditFailed):
        trail.append(make_event(99))  # ...but the process that wrote it sees the head go back, and stops
    trail.db.dispose()


def test_tail_after_the_newest_checkpoint_is_protected_once_close_signs_it(db_url: str, key_path: Path) -> None:
    trail = open_trail(db_url, key_path)
    _fill(trail, 25)
    trail.close()
    sql(trail, "DELETE FROM audit_events WHERE seq = 25")
    assert _break(trail) == (25, "truncated_tail")
    trail.db.dispose()


def test_chain_rewritten_with_recomputed_hashes_is_caught_by_the_signed_checkpoint(trail: AuditTrail) -> None:
    _fill(trail, 25)
    sql(trail, "UPDATE audit_events SET masked_answer = 'Approved.' WHERE seq = 3")
    events = AuditEntry.__table__
    with trail.db.engine.begin() as conn:  # an attacker recomputing every hash after the edit (needs no key)
        prev = conn.execute(select(events.c.hash).where(events.c.seq == 2)).scalar_one()
        for seq in range(3, 26):
            row = conn.execute(select(events).where(events.c.seq == seq)).one()
            event = event_from_row(row, [])
            digest = event_hash(seq, prev, event)
            conn.execute(text("UPDATE audit_events SET prev_hash = :p, hash = :h WHERE seq = :s"),
                         {"p": prev, "h": digest, "s": seq})
            prev = digest
    assert _break(trail) == (3, "bad_mac")  # with the MAC key: the first rewritten event
    auditor = open_trail(trail.db.url, trail.key_path, mac_key_path=trail.key_path.with_name("absent.key"))
    assert _break(auditor) == (10, "checkpoint_mismatch")  # public key only: the signed checkpoint
    auditor.db.dispose()


def test_checkpoint_signed_with_another_key_is_bad_signature(trail: AuditTrail) -> None:
    _fill(trail, 25)
    other = Ed25519PrivateKey.generate()
    with trail.db.session() as session:
        cp = session.scalars(select(AuditCheckpoint).where(AuditCheckpoint.seq == 20)).one()
    at = cp.at
    kid = key_id_of(other.public_key())
    forged = other.sign(checkpoint_message(cp.seq, cp.hash, at, cp.reason, kid))
    sql(trail, "UPDATE audit_checkpoints SET signature = :s, key_id = :k WHERE id = :i", s=forged, k=kid, i=cp.id)
    assert _break(trail) == (20, "bad_signature")


def test_checkpoint_relabelled_as_pruning_anchor_is_bad_signature(trail: AuditTrail) -> None:
    _fill(trail, 25)
    sql(trail, "UPDATE audit_checkpoints SET reason = 'prune' WHERE seq = 10")
    sql(trail, "DELETE FROM audit_events WHERE seq <= 10")
    assert _break(trail) == (10, "bad_signature")


def test_verifying_with_a_different_public_key_is_bad_signature(db_url: str, tmp_path: Path, key_path: Path) -> None:
    writer = open_trail(db_url, key_path)
    _fill(writer, 12)
    other_key = tmp_path / "other" / "audit-signing.key"
    CheckpointSigner.load_or_create(other_key)
    reader = open_trail(db_url, other_key)
    assert _break(reader) == (10, "bad_signature")
    writer.db.dispose()
    reader.db.dispose()


def test_partial_range_verifies_only_that_range(trail: AuditTrail) -> None:
    _fill(trail, 25)
    sql(trail, "UPDATE audit_events SET masked_answer = 'Approved.' WHERE seq = 3")
    report = trail.verify(from_seq=11, to_seq=20)
    assert report.intact and (report.from_seq, report.to_seq, report.events_checked) == (11, 20, 10)
    assert _break(trail, to_seq=5) == (3, "content_modified")
