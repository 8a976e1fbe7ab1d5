"""The base every rule recognizer here derives from: Presidio's ``PatternRecognizer`` with the rules as class data."""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

# Our patterns never use ``\b``: in Unicode regexes CJK characters are word characters, so "\bfoo@bar.com\b" does
# not match inside "邮箱foo@bar.com谢谢". Each pattern states which neighbouring characters it refuses instead.
FLAGS = regex.MULTILINE | regex.DOTALL
FLAGS_ICASE = FLAGS | regex.IGNORECASE


class RuleRecognizer(PatternRecognizer):
    """A ``PatternRecognizer`` whose entity, patterns, context and flags are class constants.

    Patterns are compiled once at construction, so the first request does not pay for it.
    """

    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[list[Pattern]]
    CONTEXT: ClassVar[list[str]] = []
    REGEX_FLAGS: ClassVar[int] = FLAGS

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
        for pattern in self.patterns:
            pattern.compiled_regex = regex.compile(pattern.regex, flags=self.REGEX_FLAGS)
            pattern.compiled_with_flags = self.REGEX_FLAGS

    def result(self, start: int, end: int, score: float) -> RecognizerResult:
        """A result carrying the metadata Presidio's context step needs (for recognizers with their own analyze)."""
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
