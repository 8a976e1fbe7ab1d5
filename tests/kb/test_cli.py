"""``gateway kb ingest``: files, folders and JSONL; rejections are named on stderr and the rest is stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from gateway.cli.kb import kb
from gateway.db.session import Database
from gateway.db.tables import AuditEntry


def test_ingest_command_reports_rejections_by_name(tmp_path: Path, cli_db_url: str) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "fees.md").write_text("# Fees\n\nThe account fee is 2 EUR.")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 Ingrid Halvorsen")
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_text(json.dumps({"text": "Coins are counted twice.", "title": "Coins"}) + "\n{oops\n")

    runner = CliRunner()
    result = runner.invoke(kb, ["ingest", str(folder), str(bulk), "-c", "branch-procedures", "-l", "internal",
                                "--no-progress"])
    assert result.exit_code == 1, result.output
    assert "rejected: scan.pdf: not a readable PDF" in result.output
    assert "rejected: bulk.jsonl line 2: not valid JSON" in result.output
    assert "added 2, updated 0, unchanged 0, rejected 2" in result.output
    assert "Halvorsen" not in result.output
    again = runner.invoke(kb, ["ingest", str(folder / "fees.md"), "-c", "branch-procedures", "-l", "internal",
                               "--no-progress"])
    assert again.exit_code == 0 and "unchanged 1" in again.output


def test_rotate_master_key_command_rewraps_and_is_audited(tmp_path: Path, cli_db_url: str) -> None:
    data_dir = tmp_path / "data"
    fees = tmp_path / "fees.md"
    fees.write_text("# Fees\n\nThe account fee is 2 EUR.")
    runner = CliRunner()
    assert runner.invoke(kb, ["ingest", str(fees), "-c", "branch-procedures", "-l", "internal",
                              "--no-progress"]).exit_code == 0
    old = (data_dir / "keys" / "kb-master.key").read_bytes()

    rotated = runner.invoke(kb, ["rotate-master-key"])

    assert rotated.exit_code == 0, rotated.output
    assert "re-wrapped 2 keys" in rotated.output  # the index key and the collection key
    assert (data_dir / "keys" / "kb-master.key").read_bytes() != old
    assert old.hex() not in rotated.output
    searched = runner.invoke(kb, ["search", "account fee", "--role", "teller"])
    assert searched.exit_code == 0 and "Fees" in searched.output
    with Database(cli_db_url).session() as session:
        events = session.scalars(select(AuditEntry).where(AuditEntry.action == "kb.master_key.rotate")).all()
    assert len(events) == 1 and "keys_rewrapped" in events[0].details


def test_redetect_command_counts_and_redetects_stale_chunks(tmp_path: Path, cli_db_url: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    fees = tmp_path / "fees.md"
    fees.write_text("# Fees\n\nAsk Ingrid Halvorsen: the account fee is 2 EUR.")
    runner = CliRunner()
    assert runner.invoke(kb, ["ingest", str(fees), "-c", "branch-procedures", "-l", "internal",
                              "--no-progress"]).exit_code == 0
    check = runner.invoke(kb, ["redetect", "--check"])
    assert check.exit_code == 0 and "0 of 1 served chunks need re-detection" in check.output
    # A new release of the PII engine: the stored spans are another engine's.
    monkeypatch.setattr("gateway.pii.detector.engine_version", lambda model: "a-newer-engine")
    assert "1 of 1 served chunks need re-detection" in runner.invoke(kb, ["redetect", "--check"]).output
    done = runner.invoke(kb, ["redetect"])
    assert done.exit_code == 0 and "re-detected 1 of 1 stale chunks (1 served)" in done.output
    assert "0 of 1" in runner.invoke(kb, ["redetect", "--check"]).output
    assert "Halvorsen" not in check.output + done.output
