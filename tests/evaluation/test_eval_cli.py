"""``gateway eval run`` on a small subset of the shipped example, through the real pipeline (real model, embedder,
masking, LanceDB, SQLite): every metric printed, the numbers checked by hand, an A/B comparison gating exit 1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gateway.cli.eval import eval_group
from gateway.evaluation.metrics import METRICS
from gateway.paths import PROJECT_ROOT

BANK = PROJECT_ROOT / "examples" / "bank"
DOCS = ("retail-savings-account.md", "cn-personal-savings.md", "regulations-complaint-handling.md")
# q001 teller, q002 English desk, q128 Chinese desk: answerable from the three documents. q052 (teller) asks about
# a document that is not loaded; q124 (English desk) and q202 (Chinese desk) ask what no document answers.
IDS = "q001,q002,q052,q124,q128,q202"


@pytest.fixture
def env(tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GATEWAY_DATA_DIR", str(tmp_path / "deployment"))
    monkeypatch.setenv("GATEWAY_MODELS_DIR", str(models_dir))
    monkeypatch.delenv("GATEWAY_CONFIG", raising=False)
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in DOCS:
        shutil.copy(BANK / "docs" / name, docs / name)
    return docs


def test_eval_on_a_subset_prints_every_metric_and_the_numbers_match_a_hand_count(env: Path, tmp_path: Path) -> None:
    strict = tmp_path / "strict.toml"
    strict.write_text("[kb]\nmin_relevance = 0.99\n")  # no passage is ever relevant enough
    output = tmp_path / "eval.json"
    result = CliRunner().invoke(eval_group, [
        "run", str(BANK / "questions.jsonl"), "--docs", str(env), "--planted", str(BANK / "planted_pii.jsonl"),
        "--question-pii", str(BANK / "question_pii.jsonl"), "--ids", IDS, "--compare", str(strict), "-o",
        str(output), "--min", "recall_at_k=0.9", "--max", "pii_leaks=0", "--keep-data", str(tmp_path / "scratch"),
        "--no-progress"])

    assert result.exit_code == 1, result.output  # the strict configuration misses the recall threshold
    for metric in METRICS:
        assert metric.label in result.output
    assert "thresholds on strict: MISSED" in result.output and "recall_at_k >= 0.9: got 0.000" in result.output
    report = json.loads(output.read_text())
    base, strict_run = report["configurations"]
    assert (base["name"], strict_run["name"]) == ("base", "strict")
    assert strict_run["configuration"]["min_relevance"] == 0.99 and base["configuration"]["min_relevance"] == 0.3
    by_id = {q["id"]: q for q in base["questions"]}
    assert sorted(by_id) == IDS.split(",")
    s = base["summary"]

    # Retrieval (deterministic: the bundled embedder). Each answerable question's passages all come from its one
    # expected document, first ranked first, and hold its expected section: recall, MRR, section recall all 1.
    for qid in ("q001", "q002", "q128"):
        assert by_id[qid]["sources"][0]["source_id"] == by_id[qid]["expected_documents"][0]
        assert not by_id[qid]["declined"]
    assert (s["recall_at_k"], s["mrr"], s["section_recall_at_k"]) == (1.0, 1.0, 1.0)
    # The desks' basis lists every passage they were given, all from the expected document: precision 1.
    assert by_id["q002"]["cited"] == [1, 2, 3] and s["citation_precision"] == 1.0
    # Citation recall: the desks cite their document (1 each); the teller's free text may or may not cite it.
    teller_cites = 1.0 if by_id["q001"]["cited"] else 0.0
    assert s["citation_recall"] == round((teller_cites + 1 + 1) / 3, 4)
    # Refusals: q052 has no passage at all (answered, flagged not from the knowledge base: declined, rightly);
    # q202 is refused by the Chinese desk's policy; q124 retrieves a savings passage and is answered (wrongly).
    assert by_id["q052"]["declined"] and not by_id["q052"]["refused"]
    assert by_id["q202"]["refused"] and by_id["q202"]["attempts"] == 0
    assert not by_id["q124"]["declined"]
    assert s["refusal_accuracy"] == round(5 / 6, 4)
    assert (s["answered_when_answerable"], s["declined_when_denied"], s["declined_when_not_in_kb"]) == (1.0, 1.0, 0.5)
    # Templates: the desks' three answers (q002, q124, q128) comply under the grammar, first time.
    assert (s["format_compliance"], s["first_try_compliance"], s["counts"]["formatted"]) == (1.0, 1.0, 3)
    assert s["pii_leaks"] == 0 and s["errors"] == 0
    answered = [q for q in base["questions"] if q["relevance_question"] is not None]
    # The summary averages unrounded scores; each question's is shown rounded to 4 places: equal to within 1e-4.
    mean_shown = sum(q["relevance_question"] for q in answered) / len(answered)
    assert s["relevance_question"] == pytest.approx(mean_shown, abs=1e-4)
    assert 0 < s["latency_p50_ms"] <= s["latency_p95_ms"]

    # The strict configuration declines everything: the desks refuse without calling the model, the teller
    # answers without a passage. Expected refusals (q052, q124, q202) are right, the answerable three wrong.
    t = strict_run["summary"]
    assert all(q["declined"] for q in strict_run["questions"])
    assert (t["recall_at_k"], t["mrr"], t["refusal_accuracy"], t["format_compliance"]) == (0.0, 0.0, 0.5, None)
    assert "-1.000 worse" in result.output  # recall@k, base to strict
    assert report["missed"] == ["recall_at_k >= 0.9: got 0.000"] and report["passed"] is False
    assert not list((tmp_path / "deployment").glob("**/*.lance"))  # nothing was written into the deployment
