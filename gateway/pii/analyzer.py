"""Presidio's analyzer and recognizer registry, less the per-text bookkeeping that cost as much as the rules.

``AnalyzerEngine.analyze`` asks the registry, on every text, which recognizers serve the wanted entities in the
text's language; the stock registry answers by scanning every recognizer once per entity (about half a millisecond
a text with our ~60 recognizers and 25 entities, as much as all the rules take on a short title). The set of
recognizers is fixed once the detector is built, so each answer is kept until a recognizer is added or removed.
Its context step then splits the results by recognizer with two list scans per recognizer (recognizers × results
comparisons, over a millisecond on a record-dense query) only to hand each recognizer's results back unchanged
unless the recognizer has a context step of its own; here they are grouped once.
"""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts


class CachedRecognizerRegistry(RecognizerRegistry):
    """A ``RecognizerRegistry`` whose ``get_recognizers`` answers are kept per (language, entities, all fields)."""

    def __init__(self, supported_languages: list[str]) -> None:
        super().__init__(supported_languages=supported_languages)
        self._answers: dict[tuple[str, tuple[str, ...] | None, bool], list[EntityRecognizer]] = {}

    def get_recognizers(
        self,
        language: str,
        entities: list[str] | None = None,
        all_fields: bool = False,
        ad_hoc_recognizers: list[EntityRecognizer] | None = None,
    ) -> list[EntityRecognizer]:
        if ad_hoc_recognizers:
            return super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
        key = (language, tuple(entities) if entities is not None else None, all_fields)
        answer = self._answers.get(key)
        if answer is None:
            answer = self._answers[key] = super().get_recognizers(language, entities, all_fields)
        return list(answer)

    def add_recognizer(self, recognizer: EntityRecognizer) -> None:
        self._answers.clear()
        super().add_recognizer(recognizer)

    def remove_recognizer(self, recognizer_name: str, language: str | None = None) -> None:
        self._answers.clear()
        super().remove_recognizer(recognizer_name, language)


class GroupingAnalyzerEngine(AnalyzerEngine):
    """An ``AnalyzerEngine`` whose context step groups the results by recognizer once (same results, same order)."""

    def _enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        by_recognizer: dict[str, list[RecognizerResult]] = {}
        for result in raw_results:
            key = result.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY]
            by_recognizer.setdefault(key, []).append(result)
        results: list[RecognizerResult] = []
        for recognizer in recognizers:
            own = by_recognizer.get(recognizer.id, [])
            if type(recognizer).enhance_using_context is not EntityRecognizer.enhance_using_context:
                others = [r for r in raw_results
                          if r.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY] != recognizer.id]
                own = recognizer.enhance_using_context(text=text, raw_recognizer_results=own,
                                                       other_raw_recognizer_results=others,
                                                       nlp_artifacts=nlp_artifacts, context=context)
            results.extend(own)
        return self.context_aware_enhancer.enhance_using_context(
            text=text, raw_results=results, nlp_artifacts=nlp_artifacts, recognizers=recognizers, context=context
        )
