"""The detector's registry remembers which recognizers serve a request, and forgets when its recognizers change."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerRegistry

from gateway.pii.analyzer import CachedRecognizerRegistry
from gateway.pii.recognizers import build_recognizers


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


def test_the_grouped_context_step_gives_the_stock_engines_results(detector) -> None:  # type: ignore[no-untyped-def]
    from presidio_analyzer import AnalyzerEngine

    grouped = detector._analyzer  # the detector's own engine: its registry, context enhancer and NLP engine
    stock = AnalyzerEngine(registry=grouped.registry, nlp_engine=grouped.nlp_engine,
                           supported_languages=["en", "zh"], context_aware_enhancer=grouped.context_aware_enhancer)
    texts = ["Patient Maria Lopez, MRN 4471902, DOB 03/04/1981, phone +44 20 7946 0958, SSN 123-45-6789.",
             "Card number 4111 1111 1111 1111, account no. 12345678, passport G20021234, ZIP 94105.",
             "客户张伟，身份证号码110105194912310021，手机13800138000，住址北京市朝阳区建国路88号。"]
    for text in texts:
        language = "zh" if "客户" in text else "en"
        artifacts = grouped.nlp_engine.empty_artifacts(language)
        ours = grouped.analyze(text=text, language=language, nlp_artifacts=artifacts, score_threshold=0.3)
        theirs = stock.analyze(text=text, language=language, nlp_artifacts=artifacts, score_threshold=0.3)
        assert ours, text
        assert [(r.entity_type, r.start, r.end, r.score) for r in ours] == \
            [(r.entity_type, r.start, r.end, r.score) for r in theirs]
