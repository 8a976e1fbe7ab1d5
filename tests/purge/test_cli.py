"""``gateway kb purge``: purge a document or a collection from the command line, print the signed receipt."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from gateway.audit.signing import CheckpointVerifier
from gateway.cli.kb import kb
from gateway.db.session import Database
from gateway.db.tables import AuditEntry, KbDocument
from gateway.purge.receipts import PurgeReceipt
from gateway.settings import load_settings


def test_purge_command_prints_a_verifiable_receipt_and_audits_it(tmp_path: Path, cli_db_url: str) -> None:
    (tmp_path / "fees.md").write_text("# Fees\n\nThe account fee is 2 EUR.")
    (tmp_path / "coins.md").write_text("# Coins\n\nCoins are counted twice.")
    runner = CliRunner()
    for name in ("fees.md", "coins.md"):
        ingested = runner.invoke(kb, ["ingest", str(tmp_path / name), "-c", "branch-procedures", "-l", "internal",
                                      "--no-progress"])
        assert ingested.exit_code == 0, ingested.output
    db = Database(cli_db_url)
    with db.session() as session:
        doc_ids = list(session.scalars(select(KbDocument.id).order_by(KbDocument.created_at)))
    assert len(doc_ids) == 2

    result = runner.invoke(kb, ["purge", doc_ids[0], "--actor", "dpo"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    receipt = PurgeReceipt(printed["id"], printed["receipt"], base64.b64decode(printed["signature"]),
                           printed["key_id"])
    settings = load_settings()
    verifier = CheckpointVerifier.load(settings.audit.key_path(settings.data_dir))
    assert verifier is not None and receipt.verify(verifier)
    assert receipt.body["target"] == doc_ids[0] and receipt.body["actor"] == "dpo"
    with db.session() as session:
        events = session.scalars(select(AuditEntry).where(AuditEntry.action == "document.purge")).all()
    assert [(e.document_id, e.user_name) for e in events] == [(doc_ids[0], "dpo")]

    missing = runner.invoke(kb, ["purge", "0" * 32])
    assert missing.exit_code == 2 and "no document" in missing.output
    whole = runner.invoke(kb, ["purge", "branch-procedures", "--collection"])
    assert whole.exit_code == 0 and json.loads(whole.output)["receipt"]["documents"][0]["id"] == doc_ids[1]
