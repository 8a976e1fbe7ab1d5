"""Ingestion killed for real (SIGKILL of a subprocess) at each step of a batch: nothing of a document is ever served
in part, and ingesting the same batch again completes it without duplicates."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gateway.kb.service import KnowledgeBase
from gateway.paths import PROJECT_ROOT
from gateway.policy.policy_set import PolicySet
from tests.kb.conftest import KbFactory, doc
from tests.kb.ingest_crash_child import POINTS

SMALL_CHUNKS = {"chunk_tokens": 64, "chunk_overlap_tokens": 0}
OLD_BOXES = "Safe deposit boxes are opened by appointment only."


def long_text(topic: str, n: int) -> str:
    return "\n\n".join(f"{topic} rule {i}: the duty officer records step {i} of the {topic} procedure in the "
                       f"branch ledger, countersigned by a second officer, before the customer leaves the counter."
                       for i in range(n))


BATCH = [
    {"title": "Boxes", "source": "boxes", "text": long_text("safe deposit box", 6)},  # a new version of "boxes"
    {"title": "Coins", "source": "coins", "text": long_text("coin deposit", 5)},  # a new document
]


def served(kb: KnowledgeBase) -> dict[str, dict[int, int]]:
    """doc id → {version: number of its chunks served}."""
    rows = kb.store.table.search().where("active = true").select(["doc_id", "version"]).limit(None).to_arrow()
    found: dict[str, dict[int, int]] = {}
    for row in rows.to_pylist():
        versions = found.setdefault(row["doc_id"], {})
        versions[row["version"]] = versions.get(row["version"], 0) + 1
    return found


@pytest.mark.parametrize("point", sorted(POINTS))
def test_ingestion_killed_at_any_step_serves_whole_versions_only_and_a_retry_completes(
    kb_factory: KbFactory, bank: PolicySet, models_dir: Path, tmp_path: Path, point: str
) -> None:
    kb = kb_factory(bank, **SMALL_CHUNKS)
    boxes = kb.ingest(doc(OLD_BOXES, title="Boxes", collection="branch-procedures", source="boxes")).document_id
    expected = {d["title"]: len(kb.ingestor.check(doc(d["text"], title=d["title"], collection="branch-procedures")))
                for d in BATCH}
    assert min(expected.values()) > 1, "each document must span several chunks"
    batch_file = tmp_path / "batch.json"
    batch_file.write_text(json.dumps(BATCH))

    child = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("ingest_crash_child.py")), str(tmp_path / "data"),
         str(models_dir / "all-MiniLM-L6-v2.F16.gguf"), str(batch_file), point],
        cwd=PROJECT_ROOT, capture_output=True, timeout=300,
        env={"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]

    after_crash = served(kb_factory(bank, **SMALL_CHUNKS))
    for versions in after_crash.values():
        assert len(versions) == 1, f"two versions of one document served at once: {versions}"
    if point == "after_pending_rows_written":  # killed before the flip: the old state, exactly
        assert after_crash == {boxes: {1: 1}}
    else:  # killed after the flip: the new versions, whole
        assert after_crash[boxes] == {2: expected["Boxes"]}
        assert sorted(n for v in after_crash.values() for n in v.values()) == sorted(expected.values())

    restarted = kb_factory(bank, **SMALL_CHUNKS)
    report = restarted.ingest_many([doc(d["text"], title=d["title"], collection="branch-procedures",
                                        source=d["source"]) for d in BATCH])
    assert not [o for o in report.outcomes if o.status == "rejected"]
    final = served(restarted)
    assert final[boxes] == {2: expected["Boxes"]}
    assert sorted(n for v in final.values() for n in v.values()) == sorted(expected.values())
    assert restarted.store.count("active = false") == 0
    assert restarted.registry.active_version(boxes) == 2
    hits = restarted.search("coin deposit procedure countersigned", bank.rights(("admin",)), exact=True)
    assert hits and all(h.version in (1, 2) for h in hits)
