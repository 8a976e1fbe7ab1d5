"""Context scoring by a character window around each detection.

Presidio's default ``LemmaContextAwareEnhancer`` needs spaCy lemmas (the tagger, attribute ruler and lemmatizer
pipes: about 5 ms per query here) and only knows whitespace-delimited tokens, so it cannot see "患者" glued to a
name. Looking for the recognizer's context words as lowercase substrings of the text just before (and a little
after) the match costs microseconds and works for Chinese and English alike.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts


@lru_cache(maxsize=256)
def _cue_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    """Latin context words match as whole words ("sin" is not in "since"); CJK words anywhere (no spaces there)."""
    latin = [regex.escape(w) for w in words if w.isascii()]
    cjk = [regex.escape(w) for w in words if not w.isascii()]
    parts = []
    if latin:
        parts.append(r"(?<![a-z])(?:" + "|".join(sorted(latin, key=len, reverse=True)) + r")(?![a-z])")
    if cjk:
        parts.append("|".join(cjk))
    return regex.compile("|".join(parts) or r"(?!)")


class WindowContextEnhancer(ContextAwareEnhancer):
    """Raise a result's score when one of its recognizer's context words occurs near it."""

    def __init__(
        self,
        context_similarity_factor: float = 0.35,
        min_score_with_context_similarity: float = 0.4,
        chars_before: int = 40,
        chars_after: int = 16,
    ) -> None:
        super().__init__(
            context_similarity_factor=context_similarity_factor,
            min_score_with_context_similarity=min_score_with_context_similarity,
            context_prefix_count=0,
            context_suffix_count=0,
        )
        self.chars_before = chars_before
        self.chars_after = chars_after

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        # Results are fresh objects made by the recognizers for this call, so they are updated in place
        # (the stock enhancer deep-copies them all, which costs more than the whole search here).
        by_id = {recognizer.id: recognizer for recognizer in recognizers}
        extra = [word.lower() for word in context or ()]
        lowered = text.lower()
        for result in raw_results:
            metadata = result.recognition_metadata or {}
            recognizer = by_id.get(metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            words = list(getattr(recognizer, "context", None) or ()) + extra
            if not words or metadata.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue
            window = (
                lowered[max(0, result.start - self.chars_before) : result.start]
                + " "
                + lowered[result.end : result.end + self.chars_after]
            )
            if _cue_pattern(tuple(words)).search(window):
                result.score = min(
                    ContextAwareEnhancer.MAX_SCORE,
                    max(result.score + self.context_similarity_factor, self.min_score_with_context_similarity),
                )
                metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        return raw_results
