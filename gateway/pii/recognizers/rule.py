"""The base every rule recognizer here derives from: Presidio's ``PatternRecognizer`` with the rules as class data."""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.analyzer_engine import REGEX_TIMEOUT_SECONDS
from presidio_analyzer.nlp_engine import NlpArtifacts

# Our patterns never use ``\b``: in Unicode regexes CJK characters are word characters, so "\bfoo@bar.com\b" does
# not match inside "邮箱foo@bar.com谢谢". Each pattern states which neighbouring characters it refuses instead.
FLAGS = regex.MULTILINE | regex.DOTALL
FLAGS_ICASE = FLAGS | regex.IGNORECASE


def tagged_result(recognizer: EntityRecognizer, entity: str, start: int, end: int, score: float) -> RecognizerResult:
    """A result carrying the metadata Presidio's context step needs, for recognizers with their own ``analyze``."""
    return RecognizerResult(entity_type=entity, start=start, end=end, score=score, recognition_metadata={
        RecognizerResult.RECOGNIZER_NAME_KEY: getattr(recognizer, "name", type(recognizer).__name__),
        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
    })


class TextRecognizer(EntityRecognizer):
    """A recognizer with its own ``analyze`` over the text (no patterns, no model): it finds the class's
    ``ENTITIES`` and has nothing to load."""

    ENTITIES: ClassVar[list[str]]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=list(self.ENTITIES), supported_language=supported_language,
                         name=f"{type(self).__name__}_{supported_language}")

    def load(self) -> None:
        return None


class RuleRecognizer(PatternRecognizer):
    """A ``PatternRecognizer`` whose entity, patterns, context and flags are class constants.

    Patterns are compiled once at construction, so the first request does not pay for it. ``REQUIRES`` maps a
    pattern's name to a cheap regex that must occur somewhere in the text for that pattern to match at all (say,
    a street word before a digit): the expensive pattern is skipped when it does not, which is most texts.
    """

    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[list[Pattern]]
    CONTEXT: ClassVar[list[str]] = []
    REGEX_FLAGS: ClassVar[int] = FLAGS
    REQUIRES: ClassVar[dict[str, str]] = {}

    def __init__(self, supported_language: str = "en") -> None:
        patterns = [Pattern(p.name, p.regex, p.score) for p in self.PATTERNS]
        super().__init__(
            supported_entity=self.ENTITY,
            name=f"{type(self).__name__}_{supported_language}",
            supported_language=supported_language,
            patterns=patterns,
            context=list(self.CONTEXT) or None,
            global_regex_flags=self.REGEX_FLAGS,
        )
        for pattern in patterns:
            pattern.compiled_regex = regex.compile(pattern.regex, flags=self.REGEX_FLAGS)
            pattern.compiled_with_flags = self.REGEX_FLAGS
        unknown = set(self.REQUIRES) - {p.name for p in patterns}
        if unknown:
            raise ValueError(f"{type(self).__name__}.REQUIRES names no pattern: {sorted(unknown)}")
        required = {name: regex.compile(rx, flags=self.REGEX_FLAGS) for name, rx in self.REQUIRES.items()}
        self._scan: list[tuple[Pattern, regex.Pattern[str], regex.Pattern[str] | None]] = [
            (p, regex.compile(p.regex, flags=self.REGEX_FLAGS), required.get(p.name)) for p in patterns
        ]

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None
    ) -> list[RecognizerResult]:
        """Presidio's pattern matching and scoring, less its per-match explanation objects and timing calls.

        As in Presidio: a ``validate_result`` verdict sets the score to the maximum (True) or drops the match
        (False), ``invalidate_result`` drops it, and so does a score at the minimum; duplicates are then removed.
        Unlike Presidio, a pattern that hits the regex timeout is not skipped: the error fails the detection.
        """
        if regex_flags is not None and regex_flags != self.REGEX_FLAGS:
            return super().analyze(text, entities, nlp_artifacts, regex_flags)
        results = []
        for pattern, compiled, required in self._scan:
            if required is not None and required.search(text) is None:
                continue
            for match in compiled.finditer(text, timeout=REGEX_TIMEOUT_SECONDS):
                start, end = match.span()
                if start == end:
                    continue
                matched = text[start:end]
                score = pattern.score
                verdict = self.validate_result(matched)
                if verdict is not None:
                    score = EntityRecognizer.MAX_SCORE if verdict else EntityRecognizer.MIN_SCORE
                if self.invalidate_result(matched):
                    score = EntityRecognizer.MIN_SCORE
                if score > EntityRecognizer.MIN_SCORE:
                    results.append(self.result(start, end, score))
        return EntityRecognizer.remove_duplicates(results)

    def result(self, start: int, end: int, score: float) -> RecognizerResult:
        """A result carrying the metadata Presidio's context step needs (for recognizers with their own analyze)."""
        return tagged_result(self, self.ENTITY, start, end, score)
