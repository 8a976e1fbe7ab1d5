"""Places a person comes from or lives in, named after a residence cue ("grew up in Ústí nad Labem") or in a form
field ("Where: Kouklia"). spaCy NER misses many such names (foreign, rare, all capitals); the cue says what they are.
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from gateway.pii import entities
from gateway.pii.recognizers.people import is_plausible_name
from gateway.pii.recognizers.rule import FLAGS, RuleRecognizer

_WORD = r"\p{Lu}[\p{L}\p{M}'’\-]*"
# Small words inside place names: "Ústí nad Labem", "Frankfurt am Main", "Santiago de Compostela".
_JOIN = r"(?:nad|pod|am|an|der|upon|de|del|della|la|le|du|des|di|da|do|dos|sur|van|von)"
_PLACE = rf"{_WORD}(?:[ \t]+(?:{_JOIN}[ \t]+)?{_WORD}){{0,3}}"
_RESIDENCE_CUE = (
    r"(?i:grew up|was born|born|raised|brought up|lives|lived|living|resides|resided|residing|settled|emigrated)"
    r"[ \t]+(?i:in|to)"
    r"|(?i:hometown|home town)[ \t]+(?i:is|was)|(?i:native)[ \t]+(?i:of)"
)
# Fields that hold a place, not a ward or a department ("Location: ICU" is not asked for).
_FIELD = r"(?i:where|city|town|village|country|place of birth|birthplace|hometown)"


class ResidencePlaceRecognizer(RuleRecognizer):
    """A capitalised place name after a residence verb or a form field; stop words and bank or clinical words
    ("moved to Cardiology", "born in March") are refused."""

    ENTITY = entities.LOCATION
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("after residence cue", rf"(?<![\p{{L}}])(?:{_RESIDENCE_CUE})[ \t]+\K(?=\p{{Lu}}){_PLACE}", 0.6),
        Pattern("form field", rf"^[ \t]*{_FIELD}[ \t]*:[ \t]*\K(?=\p{{Lu}}){_PLACE}", 0.6),
    ]
    REGEX_FLAGS = FLAGS
    REQUIRES: ClassVar[dict[str, str]] = {"form field": r":"}

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if is_plausible_name(pattern_text) else False


__all__ = ["ResidencePlaceRecognizer"]
