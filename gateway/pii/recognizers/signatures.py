"""The job title and employer under the name in an e-mail's or a letter's sign-off.

    Kind regards,
    Rachael White
    Truck Driver                 <- JOB_TITLE
    Moon-Castillo                <- ORGANIZATION
    T: 0131 023 3310

A sign-off's lines say what they are by where they stand, whatever their words: the firm need not end in "Ltd" nor
the job in a word of the job lexicon. A block counts only after a closing ("Regards", "Yours sincerely", "--"),
under a line shaped like a name, and when it ends as a signature does: at a contact line ("T:", "Tel", "E:",
"Direct line"), a blank line or the end of the text. The name itself is left to the name recognizers.
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from gateway.pii import entities as entity_types
from gateway.pii.lexicon import JOB_HEADS
from gateway.pii.recognizers.rule import TextRecognizer, tagged_result
from gateway.pii.vocabulary import ACRONYMS, NOT_NAMES, STOP_WORDS

_CLOSING_HINT = regex.compile(r"(?i)regards|sincerely|faithfully|wishes|cheers|thanks|thank you|^[ \t]*--", regex.M)
_NAME_LINE = r"\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ \t]+[\p{L}\p{M}'’.\-]+){0,3}"
_LINE = r"\p{Lu}[^\n\d@]{1,60}"
_SIGNATURE = regex.compile(
    r"(?im)^[ \t]*(?:(?:kind|best|warm|warmest|many)[ \t]+regards|regards|best[ \t]+wishes|"
    r"yours[ \t]+(?:sincerely|faithfully|truly)|sincerely|cheers|(?:many[ \t]+)?thanks|thank[ \t]+you|--)"
    r"[ \t]*[,.!]?[ \t]*\n(?:[ \t]*\n)?"
    rf"[ \t]*(?P<name>(?-i:{_NAME_LINE}))[ \t]*\n"
    rf"[ \t]*(?P<first>(?-i:{_LINE}?))[ \t]*"
    rf"(?:\n[ \t]*(?P<second>(?-i:{_LINE}?))[ \t]*)?"
    r"(?=\n[ \t]*(?:t|tel|telephone|m|mob|mobile|phone|p|e|email|e-mail|w|web|direct(?:[ \t]+line)?|ddi|fax|"
    r"office)[ \t]*[:.]?[ \t]*[+(\d\p{L}]|\n[ \t]*\n|\n[ \t]*\Z|[ \t]*\Z)"
)


def _job_like(line: str) -> bool:
    return any(word.strip(",.()").lower() in JOB_HEADS for word in line.split())


def _plausible_line(line: str) -> bool:
    """Not a sentence, not only common words: a title or a firm's name."""
    words = [w.strip(",.()&'’").lower() for w in line.split()]
    words = [w for w in words if w]
    if not words or len(words) > 8 or line.rstrip().endswith(("?", "!", ":")) or line.lower().startswith("sent "):
        return False
    return not all(w in STOP_WORDS or (w in NOT_NAMES and w not in JOB_HEADS) or w in ACRONYMS for w in words)


class SignatureRecognizer(TextRecognizer):
    ENTITIES: ClassVar[list[str]] = [entity_types.JOB_TITLE, entity_types.ORGANIZATION]

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:  # fmt: skip
        if not set(self.ENTITIES) & set(entities) or not _CLOSING_HINT.search(text):
            return []
        found = []
        for match in _SIGNATURE.finditer(text):
            name = match.group("name").split()
            if not 1 <= len(name) <= 4 or all(w.lower() in NOT_NAMES or w.lower() in STOP_WORDS for w in name):
                continue
            lines = [g for g in ("first", "second") if match.group(g) and _plausible_line(match.group(g))]
            for group in lines:
                value = match.group(group)
                if len(lines) == 2:
                    entity = entity_types.JOB_TITLE if group == "first" else entity_types.ORGANIZATION
                else:
                    entity = entity_types.JOB_TITLE if _job_like(value) else entity_types.ORGANIZATION
                if entity in entities:
                    start, end = match.span(group)
                    found.append(tagged_result(self, entity, start, end, 0.55))
        return found


__all__ = ["SignatureRecognizer"]
