"""Detect once, mask per reader: candidates found once serve every reader at least as well as detecting for them."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from gateway.paths import PROJECT_ROOT
from gateway.pii import entities
from gateway.pii.candidates import Candidates, engine_version, reader_spans, widest_floor
from gateway.pii.detection import Detection
from gateway.pii.detector import PiiDetector
from gateway.pii.rules import PiiRules
from gateway.policy.pii_rules import detection_floor, pii_rules_for
from gateway.policy.policy_set import load_policy_set

SETS = [PROJECT_ROOT / "tests" / "fixtures" / "pii" / "en_bank_clinical.jsonl",
        PROJECT_ROOT / "tests" / "fixtures" / "pii" / "zh_mixed.jsonl",
        PROJECT_ROOT / "bench" / "data" / "pii_eval_sample_en.jsonl",
        PROJECT_ROOT / "bench" / "data" / "pii_eval_sample_zh.jsonl"]


def _texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _readers() -> dict[str, PiiRules]:
    """The distinct rules of every role of the shipped policy sets, and the default rules of a principal with no
    known role."""
    readers = {"default": PiiRules.default()}
    for name in ("bank", "hospital"):
        policy = load_policy_set(PROJECT_ROOT / "policies" / f"{name}.yaml")
        readers.update({f"{name}:{role}": pii_rules_for(policy, [role]) for role in policy.role_names})
    distinct: dict[str, PiiRules] = {}
    for reader, rules in readers.items():
        if rules not in distinct.values():
            distinct[reader] = rules
    return distinct


def _hidden(detections: list[Detection]) -> set[int]:
    return {i for d in detections for i in range(d.start, d.end)}


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [text for path in SETS for text in _texts(path)]


@pytest.fixture(scope="module")
def found(detector: PiiDetector, texts: list[str]) -> list[Candidates]:
    return detector.candidates(texts, widest_floor(list(_readers().values())))


def test_every_reader_gets_at_least_what_detecting_for_them_hides(detector: PiiDetector, texts: list[str],
                                                                  found: list[Candidates]) -> None:
    """Per shipped role: every character a detection under the role's own rules hides is hidden by selecting
    from the stored candidates, on 500 texts of four sets; what is hidden beyond that stays small."""
    for reader, rules in _readers().items():
        assert all(c.covers(rules, detector.version) for c in found), reader
        live = list(detector.detect_batch(texts, rules=rules))
        missed, extra, total = [], 0, 0
        for i, (text, spans, stored) in enumerate(zip(texts, live, found, strict=True)):
            chosen = reader_spans(text, stored, rules)
            assert all(a.end <= b.start for a, b in itertools.pairwise(chosen)), "overlapping selection"
            want, got = _hidden(spans), _hidden(chosen)
            if want - got:
                missed.append(i)
            extra += len(got - want)
            total += len(want)
        assert not missed, f"{reader}: selection hides less than detection in texts {missed[:10]}"
        assert extra <= 0.05 * max(total, 1), f"{reader}: {extra} characters hidden beyond {total}"


def test_reader_lists_apply_at_selection(detector: PiiDetector) -> None:
    text = "Please ask Anna Berg at Northwind Trading about account 12345678."
    stored = detector.candidates([text], 0.4)[0]
    plain = PiiRules()
    allowing = PiiRules(allow_list=frozenset({"anna berg"}))
    denying = PiiRules(deny_list={"Northwind Trading": entities.ORGANIZATION})
    assert "Anna Berg" in [text[d.start:d.end] for d in reader_spans(text, stored, plain)]
    assert "Anna Berg" not in [text[d.start:d.end] for d in reader_spans(text, stored, allowing)]
    assert (24, 41) in [(d.start, d.end) for d in reader_spans(text, stored, denying)]
    names_only = PiiRules(entities_masked=frozenset({entities.PERSON}))
    assert {d.entity_type for d in reader_spans(text, stored, names_only)} == {entities.PERSON}


def test_offsets_are_the_originals_after_normalisation(detector: PiiDetector) -> None:
    text = "手机１３８００１３８０００，邮箱 li\u200bwei＠example.com"
    chosen = reader_spans(text, detector.candidates([text], 0.4)[0], PiiRules())
    assert [text[d.start:d.end] for d in chosen if d.entity_type != entities.PERSON] == [
        "１３８００１３８０００", "li\u200bwei＠example.com"]


def test_candidates_serve_only_their_engine_and_readers_at_or_above_their_floor(detector: PiiDetector) -> None:
    stored = detector.candidates(["Call Anna Berg on 020 7946 0958."], 0.5)[0]
    assert stored.covers(PiiRules(score_threshold=0.5), detector.version)
    assert stored.covers(PiiRules(score_threshold=0.7), detector.version)
    assert not stored.covers(PiiRules(score_threshold=0.45), detector.version)
    assert not stored.covers(PiiRules(score_threshold=0.6, thresholds={entities.PERSON: 0.3}), detector.version)
    assert not stored.covers(PiiRules(score_threshold=0.5), "another-engine")
    again = Candidates.from_json(stored.engine, stored.floor, json.loads(json.dumps(stored.to_json())))
    assert again == stored


def test_the_engine_version_names_the_model() -> None:
    assert engine_version("models/spacy/en_core_web_md-3.8.0") != engine_version("models/spacy/en_core_web_lg-3.8.0")
    assert engine_version("x") == engine_version("x")


def test_the_policy_floor_is_the_lowest_threshold_of_any_role() -> None:
    hospital = load_policy_set(PROJECT_ROOT / "policies" / "hospital.yaml")
    floor = detection_floor(hospital)
    assert floor <= min(widest_floor([pii_rules_for(hospital, [role])]) for role in hospital.role_names)
    assert floor <= PiiRules.default().score_threshold
