"""The detector's registry remembers which recognizers serve a request, and forgets when its recognizers change."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerRegistry

from gateway.pii.recognizers import build_recognizers
from gateway.pii.registry import CachedRecognizerRegistry


def _registries() -> tuple[CachedRecognizerRegistry, RecognizerRegistry]:
    cached, stock = CachedRecognizerRegistry(["en", "zh"]), RecognizerRegistry(supported_languages=["en", "zh"])
    for recognizer in build_recognizers("en", with_ner=False) + build_recognizers("zh", with_ner=False):
        cached.add_recognizer(recognizer)
        stock.add_recognizer(recognizer)
    return cached, stock


def test_answers_are_the_stock_registrys() -> None:
    cached, stock = _registries()
    for language in ("en", "zh"):
        for entities, all_fields in ((None, True), (["PERSON", "PHONE_NUMBER"], False), (["US_SSN"], False)):
            first = cached.get_recognizers(language, entities, all_fields)
            again = cached.get_recognizers(language, entities, all_fields)
            assert set(first) == set(again) == set(stock.get_recognizers(language, entities, all_fields))
            again.clear()  # a caller's list is its own
            assert cached.get_recognizers(language, entities, all_fields)


def test_adding_or_removing_a_recognizer_is_seen() -> None:
    cached, _ = _registries()
    before = cached.get_recognizers("en", ["PERSON"])
    badge = PatternRecognizer(supported_entity="PERSON", name="BadgeRecognizer",
                              patterns=[Pattern("badge", r"EMP-\d{6}", 0.9)])
    cached.add_recognizer(badge)
    assert set(cached.get_recognizers("en", ["PERSON"])) == set(before) | {badge}
    cached.remove_recognizer("BadgeRecognizer")
    assert set(cached.get_recognizers("en", ["PERSON"])) == set(before)
