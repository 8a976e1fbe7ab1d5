"""``gateway kb sync``: a folder mirrored idempotently into a collection (new and changed files become versions,
removed ones are purged with signed receipts); ``--watch`` keeps a changed file searchable within 60 s."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from gateway.cli.kb import kb
from gateway.db.session import Database
from gateway.db.tables import AuditEntry, KbDocument
from gateway.paths import PROJECT_ROOT


def _sync(runner: CliRunner, folder: Path, *extra: str) -> tuple[str, list[dict[str, object]]]:
    result = runner.invoke(kb, ["sync", str(folder), "-c", "branch-procedures", "-l", "internal", *extra])
    assert result.exit_code in (0, 1), result.output
    receipts = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return result.stderr, receipts


def test_sync_mirrors_a_folder_idempotently_and_purges_removed_files(tmp_path: Path, cli_db_url: str) -> None:
    folder = tmp_path / "procedures"
    (folder / "cash").mkdir(parents=True)
    (folder / "cash" / "counting.md").write_text("# Counting\n\nCash is counted twice by two tellers.")
    (folder / "opening.md").write_text("# Opening\n\nThe vault opens at eight with two keys.")
    (folder / "notes.bin").write_bytes(b"not a document")
    runner = CliRunner()

    summary, receipts = _sync(runner, folder)
    assert "added 2, updated 0, unchanged 0, rejected 0, purged 0" in summary and receipts == []
    summary, receipts = _sync(runner, folder)
    assert "added 0, updated 0, unchanged 2, rejected 0, purged 0" in summary  # idempotent

    (folder / "cash" / "counting.md").write_text("# Counting\n\nCash is counted three times since May.")
    (folder / "opening.md").unlink()
    summary, receipts = _sync(runner, folder)
    assert "added 0, updated 1, unchanged 0, rejected 0, purged 1" in summary
    assert len(receipts) == 1 and receipts[0]["receipt"]["actor"]
    db = Database(cli_db_url)
    with db.session() as session:
        documents = session.execute(select(KbDocument.id, KbDocument.active_version)).all()
        purges = session.scalars(select(AuditEntry.document_id).where(AuditEntry.action == "document.purge")).all()
    assert [version for _, version in documents] == [2]
    assert purges == [receipts[0]["receipt"]["target"]]
    found = runner.invoke(kb, ["search", "how often is cash counted", "--role", "teller"])
    assert found.exit_code == 0 and " v2 Counting" in found.output and "Opening" not in found.output

    (folder / "cash" / "counting.md").write_text("---\nclassification: restricted\n---\n# Counting\n\nSecret.")
    summary, receipts = _sync(runner, folder)
    assert "rejected 1, purged 0" in summary and receipts == []  # unreadable now, but still there: kept


def test_watch_makes_a_changed_file_searchable_within_a_minute(tmp_path: Path, cli_db_url: str) -> None:
    folder = tmp_path / "procedures"
    folder.mkdir()
    page = folder / "vault.md"
    page.write_text("# Vault\n\nThe vault opens at eight.")
    log = tmp_path / "sync.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gateway", "kb", "sync", str(folder), "-c", "branch-procedures", "-l", "internal",
             "--watch", "--interval", "0.5"], cwd=PROJECT_ROOT, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ})
        try:
            _wait_for(log, "added 1", process)
            page.write_text("# Vault\n\nThe vault opens at nine on Saturdays.")
            changed = time.monotonic()
            _wait_for(log, "updated 1", process)
            assert time.monotonic() - changed < 60
        finally:
            process.terminate()
            process.wait(timeout=30)
    found = CliRunner().invoke(kb, ["search", "when does the vault open on saturday", "--role", "teller"])
    assert found.exit_code == 0 and " v2 Vault" in found.output


def _wait_for(log: Path, line: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if line in log.read_text():
            return
        assert process.poll() is None, log.read_text()[-2000:]
        time.sleep(0.2)
    raise AssertionError(f"no {line!r} in the sync output: {log.read_text()[-2000:]}")
