"""Person names: spaCy NER with false positives removed, plus rules for titles and bank/clinical role words."""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from gateway.pii import entities as entity_types
from gateway.pii.recognizers.rule import FLAGS, RuleRecognizer
from gateway.pii.recognizers.vocabulary import ACRONYMS, NOT_NAMES

_NAME_WORD = r"(?:\p{Lu}[\p{L}'’\-]*\p{Ll}|\p{Lu}\.)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}"
_TITLE = r"(?i:mr|mrs|ms|miss|mx|dr|prof|sir|madam|mme|mlle|herr|frau)"
_ROLE = (
    r"(?i:patient|pt\.|account[ \-]?holder|card[ \-]?holder|customer|client|physician|surgeon|doctor|nurse|"
    r"attending|resident|referring|provider|clinician|therapist|pharmacist|beneficiary|applicant|borrower|"
    r"co-?signer|guarantor|signatory|payee|payer|insured|policy[ \-]?holder|guardian|spouse|wife|husband|son|"
    r"daughter|mother|father|sister|brother|partner|my name is|name is|i am|i'm|this is|name:|named|called|"
    r"signed by|seen by|referred by|examined by|treated by|authorized by|approved by|prepared by|attn:?|dear|"
    r"speak to|speak with|talk to|contact|colleague|call me|calls me|called me|known as|goes by|hi|hello|hey|"
    r"thanks|thank you|(?:summary|address|funds|payment|transfer|statement|letter|note|report|request|referral|"
    r"prescription|appointment|refund|invoice|loan|card|account|consent|results?) (?:for|of|to)|\p{L}{3,}ed by|"
    r"mrs\.? and mr\.?|mr\.? and mrs\.?)"
)
_CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")
_EDGE_JUNK = "\"'“”‘’()[]{}<>,.;:!?-–—" + " \t\n"


def is_plausible_name(text: str) -> bool:
    """False for stop words, common bank/clinical words, drug and disease names, and bare acronyms."""
    words = [w.strip(_EDGE_JUNK).lower().removesuffix("'s").removesuffix("’s") for w in text.split()]
    words = [w for w in words if w]
    if not words or any(any(ch.isdigit() for ch in w) for w in words):
        return False
    return not all(w in NOT_NAMES or w in ACRONYMS for w in words)


class TitledNameRecognizer(RuleRecognizer):
    """The name after Mr/Mrs/Ms/Dr/Prof (title excluded), also when written in lower case ("ms. wijtze")."""

    ENTITY = entity_types.PERSON
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("capitalised after title", rf"(?<![\p{{L}}])(?:{_TITLE}\.?[ \t]{{1,3}})+\K(?=\p{{Lu}}){_NAME}", 0.8),
        Pattern(
            "lower case after title",
            rf"(?<![\p{{L}}]){_TITLE}\.[ \t]{{1,3}}\K\p{{Ll}}{{3,}}(?![\p{{L}}])",
            0.6,
        ),
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if is_plausible_name(pattern_text) else False


class RoleNameRecognizer(RuleRecognizer):
    """Capitalised names after role words: "patient Maria Lopez", "account holder: J. Smith", "my name is ..."."""

    ENTITY = entity_types.PERSON
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "name after role",
            rf"(?=\p{{Lu}})(?<=(?<![\p{{L}}]){_ROLE}[ \t]*:?[ \t]+(?:{_TITLE}\.?[ \t]+)?){_NAME}",
            0.7,
        )
    ]
    REGEX_FLAGS = FLAGS

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if is_plausible_name(pattern_text) else False


class AddressedNameRecognizer(RuleRecognizer):
    """A name someone is addressed by at the start of a line ("Marisca, can you ...") or heading a postal block."""

    ENTITY = entity_types.PERSON
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "vocative",
            rf"(?<=^[ \t]*){_NAME}"
            r"(?=,[ \t]+(?i:can|could|would|will|please|i|we|you|thanks|thank|are|is|do|did|have)\b)",
            0.6,
        ),
        Pattern("heading a postal block", rf"(?<=\A[ \t]*){_NAME}(?=[ \t]*\n(?:[^\n]*\n)?[ \t]*\d)", 0.6),
        Pattern(
            "lower case heading a postal block",
            r"(?<=\A[ \t]*)\p{Ll}{2,}(?:[ \t]+\p{Ll}{2,}){1,2}(?=[ \t]*\n(?:[ \t]*\n)?[ \t]*\d{1,5}[ \t]+\p{L})",
            0.6,
        ),
        Pattern(
            "subject of a residence verb",
            rf"(?<=(?:\A|[.!?\n])[ \t]*){_NAME}(?=[ \t]+(?:lives|lived|resides|resided|grew up|was born|moved)[ \t])",
            0.6,
        ),
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if is_plausible_name(pattern_text) else False


class FilteredSpacyRecognizer(SpacyRecognizer):
    """spaCy NER (PERSON, LOCATION) minus its usual mistakes: common and medical words, acronyms, CJK runs.

    In mixed English/Chinese text the English tokenizer glues Chinese characters onto a name ("客户John"), so CJK
    characters at a span's edges are trimmed instead of the span being dropped.
    """

    ENTITIES: ClassVar[list[str]] = [entity_types.PERSON, entity_types.LOCATION]

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        kept = []
        for result in super().analyze(text, entities, nlp_artifacts):
            start, end = result.start, result.end
            while start < end and (_CJK.match(text[start]) or text[start] in _EDGE_JUNK):
                start += 1
            while end > start and (_CJK.match(text[end - 1]) or text[end - 1] in _EDGE_JUNK):
                end -= 1
            span = text[start:end]
            if not span or _CJK.search(span):
                continue
            if result.entity_type == entity_types.PERSON and not is_plausible_name(span):
                continue
            if span.lower() in ACRONYMS or span.lower() in NOT_NAMES:
                continue
            result.start, result.end = start, end
            kept.append(result)
        return kept
