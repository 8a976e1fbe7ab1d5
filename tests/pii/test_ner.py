"""Windowed NER (``gateway.pii.ner``): it finds what whole-text NER finds, on far less text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex

from gateway.pii.detector import PiiDetector
from gateway.pii.ner import _LETTERS, _NOT_TRIGGERS, _title_case_shouting, name_windows
from gateway.pii.rules import PiiRules

_CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pii"


def fixture_texts(name: str) -> list[str]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def test_no_window_without_a_candidate_word() -> None:
    assert name_windows("Card 4532 2766 4457 7020 was blocked on 2024-01-15.", []) == []


def test_window_covers_a_capitalised_name_with_context() -> None:
    text = "the transfer of funds was approved for Maria Lopez yesterday by the branch"
    ((start, end),) = name_windows(text, [])
    assert "Maria Lopez" in text[start:end] and start > 0


def test_words_rules_already_explained_open_no_window() -> None:
    text = "account holder Maria Lopez closed the account"
    start = text.index("Maria")
    assert name_windows(text, [(start, start + len("Maria Lopez"))]) == []


def test_lower_case_name_after_a_cue_opens_a_window() -> None:
    assert name_windows("Please ask. Dear john, the card is ready.", [])
    assert name_windows("all lower case text about anna", []) == [(0, 30)]


@pytest.mark.parametrize(
    "text",
    [
        "Note: the address for the branch is closed.",  # a name cue followed by a stop word
        "My name is in the file. Thanks",
        "SpO2 98% and HbA1c 7.2% recorded.",  # letters glued to digits are codes
        "Metformin 500 mg started in March.",  # drug and month names are never kept by the NER filter
        "Crohn's disease flare, follow up.",  # possessive of a listed word
    ],
)
def test_words_that_cannot_be_names_open_no_window(text: str) -> None:
    assert name_windows(text, []) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PLEASE CALL MARIA LOPEZ NOW", "PLEASE CALL Maria Lopez NOW"),  # stop and listed words are left as is
        ("moved to CHISHOLM, later", "moved to Chisholm, later"),
        ("MRI and ICU", "MRI and ICU"),  # three letters: acronyms
        ("ACCOUNT LOCKED", "ACCOUNT LOCKED"),  # listed bank words
        ("code ABCD1234", "code ABCD1234"),  # glued to digits
        ("Anna Berg", "Anna Berg"),
    ],
)
def test_shouted_words_are_title_cased_for_ner_only_when_they_could_be_names(text: str, expected: str) -> None:
    assert _title_case_shouting(text) == expected


def test_names_in_shouted_text_are_found(detector: PiiDetector) -> None:
    text = "URGENT: PLEASE CALL MARIA LOPEZ ABOUT THE LOAN"
    assert [text[d.start : d.end] for d in detector.detect(text)] == ["MARIA LOPEZ"]


@pytest.mark.parametrize("fixture", ["en_bank_clinical.jsonl", "zh_mixed.jsonl"])
def test_windowed_ner_hides_every_name_word_whole_text_ner_finds(detector: PiiDetector, fixture: str) -> None:
    """Each capitalised, non-stop word of a whole-text NER entity is covered by windowed NER or by a rule span."""
    engine = detector._nlp_engine
    nlp = engine.nlp["en"]  # type: ignore[index]
    for text in fixture_texts(fixture):
        explained = [(d.start, d.end) for d in detector._rule_pass(text, "en", PiiRules.default())]
        (windowed,) = engine.process_windows([(text, explained)])
        covered = explained + [(e.start_char, e.end_char) for e in windowed.entities]
        for ent in nlp(text).ents:
            # Names and places (organisations, groups and dates have rules of their own).
            if ent.label_ not in {"PERSON", "PER", "GPE", "LOC", "FAC"} or _CJK.search(ent.text):
                continue
            for word in _LETTERS.finditer(text, ent.start_char, ent.end_char):
                glued_to_digit = (text[word.start() - 1 : word.start()].isdigit()
                                  or text[word.end() : word.end() + 1].isdigit())
                if word.group()[0].isupper() and word.group().lower() not in _NOT_TRIGGERS and not glued_to_digit:
                    assert any(s <= word.start() and word.end() <= e for s, e in covered), ent.text
