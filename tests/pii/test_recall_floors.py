"""Recall floors on a committed sample of text nobody here wrote: a regression in the masking engine fails CI.

The samples (``bench/data/pii_eval_sample_*.jsonl``) are stratified draws from the held-out test split of the
independent evaluation sets (``bench/pii_eval/README.md``); the rules were never tuned on that split. Scoring is
``bench/pii_eval/score.py`` (label-agnostic: a value counts as hidden when 80% of its characters are masked), under
the bank policy's ``admin`` rules (``mask: all``), as ``POST /v1/mask`` applies them. The floors sit a little under
what the engine measured when they were set, so that noise does not fail the build but a real loss does; the full
per-type figures are printed by ``bench/pii_accuracy.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gateway.paths import PROJECT_ROOT
from gateway.pii.detector import PiiDetector
from gateway.policy.pii_rules import pii_rules_for
from gateway.policy.policy_set import load_policy_set

sys.path.insert(0, str(PROJECT_ROOT))
from bench.pii_eval.score import Report, evaluate, load

FLOORS = {
    # language: (direct identifiers, all types, precision, {type: floor})
    "en": (0.89, 0.89, 0.94, {"PERSON": 0.86, "PHONE_NUMBER": 0.86, "CREDIT_CARD": 0.95, "EMAIL_ADDRESS": 0.95}),
    "zh": (0.94, 0.92, 0.93, {"PERSON": 0.95, "CN_MOBILE": 0.95, "CN_RESIDENT_ID": 0.9}),
}


@pytest.fixture(scope="module")
def reports(detector: PiiDetector) -> dict[str, Report]:
    rules = pii_rules_for(load_policy_set(PROJECT_ROOT / "policies" / "bank.yaml"), ["admin"])

    def predict(text: str) -> list[tuple[str, int, int]]:
        return [(d.entity_type, d.start, d.end) for d in detector.detect(text, None, rules)]

    return {lang: evaluate(load(f"pii_eval_sample_{lang}.jsonl"), predict) for lang in FLOORS}


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_recall_and_precision_stay_above_their_floors(reports: dict[str, Report], lang: str) -> None:
    direct, overall, precision, per_type = FLOORS[lang]
    report = reports[lang]
    assert report.direct[0] >= direct, f"direct-identifier recall {report.direct[0]:.3f} < {direct}"
    assert report.overall[0] >= overall, f"recall {report.overall[0]:.3f} < {overall}"
    assert report.overall_precision[0] >= precision, f"precision {report.overall_precision[0]:.3f} < {precision}"
    for entity, floor in per_type.items():
        assert report.type_recall(entity) >= floor, f"{entity} recall {report.type_recall(entity):.3f} < {floor}"


def test_the_samples_are_the_held_out_split(reports: dict[str, Report]) -> None:
    for lang in FLOORS:
        rows = Path(PROJECT_ROOT / "bench" / "data" / f"pii_eval_sample_{lang}.jsonl").read_text(encoding="utf-8")
        assert '"split": "dev"' not in rows
        assert reports[lang].overall[1] >= 380  # labelled values scored
