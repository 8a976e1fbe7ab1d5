"""A purge killed (SIGKILL, in a real subprocess) at any step completes when the knowledge base restarts, and
running it again is harmless."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gateway.audit.signing import CheckpointSigner
from gateway.db.tables import KbDocument, KbKey, PurgeJob
from gateway.paths import PROJECT_ROOT
from gateway.policy.policy_set import PolicySet
from gateway.purge.jobs import STEPS
from tests.kb.conftest import KbFactory, doc
from tests.purge.conftest import purges

SECRET = "The vault combination for the Lisbon branch changes every Tuesday at noon."
OTHER = "Customers may open a savings account online with a passport."


def kill_during_purge(data_dir: Path, models_dir: Path, kind: str, target: str, step: str) -> None:
    child = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("crash_child.py")), str(data_dir),
         str(models_dir / "all-MiniLM-L6-v2.F16.gguf"), kind, target, step],
        cwd=PROJECT_ROOT, capture_output=True, timeout=300,
        env={"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]


@pytest.mark.parametrize("step", STEPS[1:])
def test_document_purge_killed_after_any_step_completes_on_restart(
    step: str, kb_factory: KbFactory, bank: PolicySet, signer: CheckpointSigner, models_dir: Path, tmp_path: Path
) -> None:
    kb = kb_factory(bank)
    secret = kb.ingest(doc(SECRET, title="Vault", collection="branch-procedures")).document_id
    other = kb.ingest(doc(OTHER, title="Savings", collection="retail-products")).document_id
    assert secret and other

    kill_during_purge(tmp_path / "data", models_dir, "document", secret, step)

    restarted = kb_factory(bank)
    with restarted.registry.db.session() as session:
        job = session.query(PurgeJob).one()
        assert job.status == "running" and job.step == STEPS[STEPS.index(step) - 1]
    receipts = purges(restarted, signer).resume()
    assert [r.id for r in receipts] == [job.id] and receipts[0].verify(signer.verifier)
    assert receipts[0].body["chunks"] == 1 and receipts[0].body["keys_destroyed"][0]["key"] == f"document:{secret}"
    assert purges(restarted, signer).resume() == []
    assert purges(restarted, signer).purge_document(secret, "admin") == receipts[0]

    admin = bank.rights(("admin",))
    assert restarted.store.count(f"doc_id = '{secret}'") == 0
    assert all(h.document_id != secret for h in restarted.search("vault combination Lisbon", admin, exact=True))
    assert restarted.search("open a savings account online", admin, exact=True)[0].text == OTHER
    with restarted.registry.db.session() as session:
        assert session.get(KbDocument, secret) is None
        assert session.get(KbKey, f"document:{secret}").wrapped is None
    assert restarted.store.version_count() == 1 or step == "done"


@pytest.mark.parametrize("step", ["hidden", "shredded", "vacuumed"])
def test_collection_purge_killed_mid_way_completes_on_restart(
    step: str, kb_factory: KbFactory, bank: PolicySet, signer: CheckpointSigner, models_dir: Path, tmp_path: Path
) -> None:
    kb = kb_factory(bank)
    kb.ingest(doc(SECRET, title="Vault", collection="branch-procedures"))
    kb.ingest(doc(OTHER, title="Savings", collection="retail-products"))

    kill_during_purge(tmp_path / "data", models_dir, "collection", "branch-procedures", step)

    restarted = kb_factory(bank)
    [receipt] = purges(restarted, signer).resume()
    assert receipt.body["kind"] == "collection" and receipt.verify(signer.verifier)
    assert "collection:branch-procedures" in {k["key"] for k in receipt.body["keys_destroyed"]}
    assert restarted.store.count("collection = 'branch-procedures'") == 0
    assert restarted.store.count("collection = 'retail-products'") == 1
