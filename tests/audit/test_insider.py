"""An insider with write access to the database, but not the audit keys (issue 15, finding 3).

Reproduced first: edit the events after the newest checkpoint, recompute their unkeyed SHA-256 links, insert a
forged event; before the fix the next periodic checkpoint signed over them and verify said intact. Now each event
carries a MAC under a key kept off the database, writers check the head they find, checkpoints verify what they
sign, and checkpoints exported to a file outside the database catch a roll-back.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import insert, select, text

from gateway.audit import AuditSettings, AuditTrail
from gateway.audit.canonical import event_hash
from gateway.audit.rows import entry_values, event_from_row
from gateway.cli.audit import AuditCliConfig, audit
from gateway.db.tables import AuditCheckpoint, AuditEntry
from gateway.errors import AuditFailed

from .conftest import make_event, open_trail, sql

EVENTS = AuditEntry.__table__


def fill(trail: AuditTrail, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        trail.append(make_event(i))


def rewrite_after(trail: AuditTrail, seq: int, answer: str) -> None:
    """Edit every event after ``seq`` and recompute the unkeyed links (no key needed), as an insider would."""
    with trail.db.engine.begin() as conn:
        prev = conn.execute(select(EVENTS.c.hash).where(EVENTS.c.seq == seq)).scalar_one()
        head = conn.execute(select(EVENTS.c.seq).order_by(EVENTS.c.seq.desc()).limit(1)).scalar_one()
        for n in range(seq + 1, head + 1):
            conn.execute(text("UPDATE audit_events SET masked_answer = :a WHERE seq = :s"), {"a": answer, "s": n})
            row = conn.execute(select(EVENTS).where(EVENTS.c.seq == n)).one()
            digest = event_hash(n, prev, event_from_row(row, []))
            conn.execute(text("UPDATE audit_events SET prev_hash = :p, hash = :h WHERE seq = :s"),
                         {"p": prev, "h": digest, "s": n})
            prev = digest


def forge_after_head(trail: AuditTrail, **fields: Any) -> int:
    with trail.db.engine.begin() as conn:
        head, prev = conn.execute(select(EVENTS.c.seq, EVENTS.c.hash).order_by(EVENTS.c.seq.desc()).limit(1)).one()
        event = make_event(999, **fields)
        conn.execute(insert(EVENTS), [entry_values(head + 1, prev, event_hash(head + 1, prev, event), event)])
    return int(head) + 1


def break_of(trail: AuditTrail, **kwargs: Any) -> tuple[int, str]:
    report = trail.verify(**kwargs)
    assert report.first_break is not None, "tampering went unnoticed"
    return report.first_break.seq, report.first_break.kind


def test_rewritten_tail_and_forged_event_are_found_and_never_signed(db_url: str, key_path: Path) -> None:
    trail = open_trail(db_url, key_path)
    fill(trail, 25)  # signed checkpoints at 10 and 20; 21..25 not yet signed
    rewrite_after(trail, 20, "Approved without checks.")
    forged = forge_after_head(trail, masked_answer="The officer approved it.")
    assert forged == 26
    assert break_of(trail) == (21, "bad_mac")  # before the fix: intact
    with pytest.raises(AuditFailed):  # before the fix: 27..30 appended, and seq 30 signed over the forgery
        fill(trail, 4, start=26)
    with trail.db.session() as session:
        assert session.scalar(select(AuditCheckpoint.seq).where(AuditCheckpoint.seq > 20)) is None
    restarted = open_trail(db_url, key_path)  # a process that never wrote these events refuses them too
    with pytest.raises(AuditFailed):
        restarted.append(make_event(100))
    trail.db.dispose()
    restarted.db.dispose()


def test_an_event_inserted_after_the_head_is_refused_and_reported(db_url: str, key_path: Path) -> None:
    trail = open_trail(db_url, key_path)
    fill(trail, 5)
    forged = forge_after_head(trail)
    assert break_of(trail) == (forged, "missing_mac")
    other = open_trail(db_url, key_path)
    with pytest.raises(AuditFailed):
        other.append(make_event(7))
    trail.db.dispose()
    other.db.dispose()


def test_removing_every_mac_is_caught_by_the_checkpoints_that_signed_them(trail: AuditTrail) -> None:
    fill(trail, 12)
    sql(trail, "UPDATE audit_events SET mac = NULL")
    assert break_of(trail) == (10, "checkpoint_mismatch")


def test_a_copied_mac_does_not_fit_another_event(trail: AuditTrail) -> None:
    fill(trail, 6)
    sql(trail, "UPDATE audit_events SET mac = (SELECT mac FROM audit_events WHERE seq = 2) WHERE seq = 4")
    assert break_of(trail) == (4, "bad_mac")


def test_checkpoints_are_also_signed_on_a_timer_while_events_arrive(db_url: str, key_path: Path) -> None:
    trail = open_trail(db_url, key_path, checkpoint_every=1000, checkpoint_interval_s=0.2)
    fill(trail, 3)
    time.sleep(0.25)
    fill(trail, 1, start=3)
    with trail.db.session() as session:
        rows = session.execute(select(AuditCheckpoint.seq, AuditCheckpoint.reason)).all()
    assert [tuple(r) for r in rows] == [(4, "timed")]
    assert trail.verify().intact
    trail.db.dispose()


def test_missing_mac_key_with_macd_events_fails_closed(db_url: str, key_path: Path) -> None:
    first = open_trail(db_url, key_path)
    fill(first, 3)
    key_path.with_name("audit-mac.key").unlink()
    second = open_trail(db_url, key_path)
    with pytest.raises(AuditFailed):
        second.append(make_event(4))
    assert not key_path.with_name("audit-mac.key").exists()  # never silently replaced
    first.db.dispose()
    second.db.dispose()


def test_exported_checkpoints_catch_a_rollback_the_database_cannot_show(db_url: str, key_path: Path,
                                                                       tmp_path: Path) -> None:  # fmt: skip
    exported = tmp_path / "worm" / "checkpoints.jsonl"
    trail = open_trail(db_url, key_path, checkpoint_file=exported)
    fill(trail, 25)
    lines = [json.loads(line) for line in exported.read_text().splitlines()]
    assert [(c["seq"], c["reason"]) for c in lines] == [(10, "periodic"), (20, "periodic")]
    # Roll the database back to a consistent earlier state, checkpoints included, and let a new process go on.
    sql(trail, "DELETE FROM audit_events WHERE seq > 12")
    sql(trail, "DELETE FROM audit_checkpoints WHERE seq > 12")
    trail.db.dispose()
    later = open_trail(db_url, key_path)  # this process knows nothing of what was there
    fill(later, 13, start=100)
    assert later.verify().intact  # the database alone is consistent again
    assert break_of(later, checkpoints_file=exported) == (20, "exported_mismatch")
    config = AuditCliConfig(db_url, tmp_path, AuditSettings(signing_key_path=key_path, checkpoint_on_read=False))
    result = CliRunner().invoke(audit, ["verify", "--checkpoints", str(exported)], obj=config)
    assert result.exit_code == 1 and "exported_mismatch" in result.output
    later.db.dispose()


def test_exported_checkpoint_past_the_head_is_a_truncated_tail(db_url: str, key_path: Path, tmp_path: Path) -> None:
    exported = tmp_path / "checkpoints.jsonl"
    trail = open_trail(db_url, key_path, checkpoint_file=exported)
    fill(trail, 10)
    sql(trail, "DELETE FROM audit_events WHERE seq > 5")
    sql(trail, "DELETE FROM audit_checkpoints")
    assert open_trail(db_url, key_path).verify().intact
    assert break_of(trail, checkpoints_file=exported) == (6, "truncated_tail")
    trail.db.dispose()
