"""Presidio's recognizer registry with its lookups remembered.

``AnalyzerEngine.analyze`` asks the registry, on every text, which recognizers serve the wanted entities in the
text's language; the stock registry answers by scanning every recognizer once per entity (about half a millisecond
a text with our ~60 recognizers and 25 entities, as much as all the rules take on a short title). The set of
recognizers is fixed once the detector is built, so each answer is kept until a recognizer is added or removed.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerRegistry


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
