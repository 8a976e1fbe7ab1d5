"""``RuleRecognizer``: its own matching loop and ``REQUIRES`` pre-checks find exactly what Presidio's loop finds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest
from presidio_analyzer import Pattern, PatternRecognizer

from gateway.pii.recognizers import build_recognizers
from gateway.pii.recognizers.rule import RuleRecognizer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pii"
EXTRA = [
    "We met at the corner of Elm Street and 5th Avenue yesterday",
    "Rua Augusta 25, Sao Tome and Principe; ship to 48 rue Descartes, Lyon",
    "Send it to:\n7 Old Mill\nKESWICK\nCumbria\n CA12 5AB",
    "She grew up in Castellammare di Stabia. City: Zlín",
    "Hauptgasse 14, 6439 Graz; Karl-Marx-Straße 5; Hauptstr. 7; Bem rkp. 97",
]


def texts() -> list[str]:
    found = list(EXTRA)
    for name in ("en_bank_clinical.jsonl", "zh_mixed.jsonl"):
        lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
        found += [json.loads(line)["text"] for line in lines if line.strip()]
    return found


@pytest.mark.parametrize("language", ["en", "zh"])
def test_own_loop_and_pre_checks_match_presidios_loop(language: str) -> None:
    """Every ``REQUIRES`` entry is a necessary condition: skipping a pattern on it never loses a match."""
    recognizers = [r for r in build_recognizers(language, with_ner=False) if type(r).analyze is RuleRecognizer.analyze]
    assert any(r.REQUIRES for r in recognizers)
    for recognizer in recognizers:
        for text in texts():
            entities = [recognizer.ENTITY]
            ours = [(r.start, r.end, r.score) for r in recognizer.analyze(text, entities)]
            stock = [(r.start, r.end, r.score) for r in PatternRecognizer.analyze(recognizer, text, entities)]
            assert ours == stock, (recognizer.name, text)


def test_a_pre_check_for_an_unknown_pattern_is_refused() -> None:
    class Misnamed(RuleRecognizer):
        ENTITY = "PERSON"
        PATTERNS: ClassVar[list[Pattern]] = [Pattern("name", r"Anna", 0.5)]
        REQUIRES: ClassVar[dict[str, str]] = {"nmae": r"A"}

    with pytest.raises(ValueError, match="nmae"):
        Misnamed()
