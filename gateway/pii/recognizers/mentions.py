"""Names where the sentence around them says a person stands there, whatever their case or origin.

The lexicon and spaCy find names they know; these find the ones they do not ("kovács lászló", "Seo-yeon",
"OLUWADAMILARE OGUNDIPE") from where they stand:

- the answer to a question that asked for a name ("Can I take your full name?" / "C: It's Jianguo He.");
- an XML element of a name ("<Given>Tariq</Given>");
- after the shorthand of clinical and bank notes for the person ("pt ágnes németh", "cx babatunde akinola",
  "nok dtr Michał", "wi from kjersti andersson");
- "Gundhild speaking", "sander van dijk wrote:", "- Esther" closing a note, a meeting's action item "- Håkon: …";
- a speaker after a date and time ("12/1/22 20:03 M. Dempsey: …");
- a name in capitals after a title ("Mr OLUWADAMILARE OGUNDIPE").
"""

from __future__ import annotations

from itertools import pairwise
from typing import ClassVar

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from gateway.pii import entities as entity_types
from gateway.pii.lexicon import COMMON_WORDS, SENTENCE_WORDS, fold, is_known_name
from gateway.pii.recognizers.rule import TextRecognizer, tagged_result
from gateway.pii.vocabulary import ACRONYMS, NOT_NAMES

_WORD = r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*"
_WORDS = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
_NAME_QUESTION = regex.compile(r"(?i)\b(?:full[ \t]+name|your[ \t]+name|name[ \t]+please|name[ \t]+and|"
                               r"who[ \t]+am[ \t]+i[ \t]+speaking|name[ \t]+on[ \t]+the|spell[ \t]+your)\b[^\n]*$")
_ANSWER = regex.compile(
    r"(?i)^[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?(?:[A-Za-z][\w .]{0,15}:[ \t]*)?"
    r"(?:(?:it'?s|its|it[ \t]+is|yes|yeah|sure|ok|okay|um|uh|er|that'?s|my[ \t]+name[ \t]+is|i'?m)[,.]?[ \t]+)*"
    rf"(?P<name>(?-i:{_WORDS}))(?=[ \t]*(?:[.,;!]|$|\(|[0-9]))"
)
_PATTERNS: list[tuple[regex.Pattern[str], float]] = [
    (regex.compile(r"(?i)<(?:given|family|givenname|familyname|firstname|lastname|surname|forename|fullname|"
                   r"middlename|name)>[ \t]*(?P<name>[^<>\n]{1,60}?)[ \t]*</"), 0.85),
    (regex.compile(rf"(?i)(?<![\p{{L}}])(?:pt|cx|nok|dtr|wi[ \t]+from|mum|dad|wife|husband|partner|son|"
                   rf"daughter|dtr|sis|bro)[ \t]+(?:(?:dtr|son|daughter|wife|husband|partner)[ \t]+)?"
                   rf"(?P<name>(?-i:{_WORD}(?:[ \t]+{_WORD}){{0,3}}?))"
                   r"(?=[ \t]*(?:[,;(]|-[ \t]|tel\b|\(|\d|$|says\b|called\b|rang\b))"), 0.6),
    (regex.compile(rf"(?m)(?:^|(?<=[,.;][ \t]))[ \t]*(?P<name>\p{{Lu}}{_WORD}(?:[ \t]+\p{{Lu}}{_WORD})?)"
                   r"[ \t]+speaking(?![\p{L}])"), 0.65),
    (regex.compile(rf"(?m)^[ \t]*(?:On[ \t][^\n]{{0,60}}?,[ \t]*)?(?P<name>{_WORD}(?:[ \t]+{_WORD}){{1,3}})"
                   r"[ \t]+wrote:"), 0.6),
    (regex.compile(rf"(?m)(?<=[.!?)][ \t]+[-–—][ \t]*)(?P<name>\p{{Lu}}{_WORD}(?:[ \t]+\p{{Lu}}{_WORD})?)"
                   r"[ \t]*$"), 0.6),
    (regex.compile(rf"(?m)^[ \t]*[-*•][ \t]+(?P<name>\p{{Lu}}{_WORD}(?:[ \t]+\p{{Lu}}{_WORD})?)[ \t]*:"), 0.55),
    (regex.compile(r"(?m)^[ \t]*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}[ \t]+\d{1,2}:\d{2}(?::\d{2})?[ \t]+"
                   rf"(?P<name>(?:\p{{Lu}}\.[ \t]*)?{_WORD}(?:[ \t]+{_WORD}){{0,2}}?)[ \t]*:"), 0.65),
    # A message that opens with who writes it: "Łukasz here, running late", "Hi, Mei here."
    (regex.compile(rf"(?m)(?:^|(?<=^[ \t]*(?i:hi|hey|hello)[,!]?[ \t]+))[ \t]*"
                   rf"(?P<name>\p{{Lu}}{_WORD}(?:[ \t]+\p{{Lu}}{_WORD})?)[ \t]+here"
                   r"(?=[ \t]*[,.!:;\-–—]|[ \t]*$)"), 0.6),
    # A person described by their age, as clinical and case notes open: "Patience is a 76-year-old teacher".
    (regex.compile(rf"(?m)(?:^|(?<=[.!?:;][ \t]+))(?P<name>\p{{Lu}}{_WORD}(?:[ \t]+\p{{Lu}}{_WORD})?)[ \t]+"
                   r"(?:is|was)[ \t]+an?[ \t]+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[ \-](?:years?|yrs?|y)[ \-]old"), 0.6),
    # A note that opens with who got in touch: "Blessing called again re the offer", "Tomasz rang about …".
    (regex.compile(rf"(?m)(?:^|(?<=[.!?][ \t]+))(?P<name>\p{{Lu}}{_WORD}(?:[ \t]+\p{{Lu}}{_WORD})?)[ \t]+"
                   r"(?:called|rang|phoned|emailed|texted|messaged|wrote|came[ \t]+in|popped[ \t]+in|walked[ \t]+in)"
                   r"[ \t]+(?:again|back|in|today|this[ \t]+morning|this[ \t]+afternoon|re|about|to|regarding)"
                   r"(?![\p{L}])"), 0.55),
    # An initial and a surname, as attendee lists, chat logs and sign-offs write people ("R. Mazek - Acme",
    # "S. O'Sullivan", "A. Whitney-Yates:"); the surname must not be an English word ("Plan B. Next", "D. Patient").
    (regex.compile(r"(?<![\p{L}\p{M}\d.'’\-])(?P<name>\p{Lu}\.[ \t]?\p{Lu}(?:['’]\p{Lu})?[\p{Ll}\p{M}][\p{L}\p{M}'’]*"
                   r"(?:-\p{Lu}[\p{L}\p{M}'’]*)?)(?![\p{L}\p{M}\d]|\.\p{L})"), 0.55),
    (regex.compile(r"(?<![\p{L}])(?i:mr|mrs|ms|miss|mx|dr|prof)\.?[ \t]+"
                   r"(?P<name>\p{Lu}{2,}[\p{Lu}'’\-]*(?:[ \t]+\p{Lu}{2,}[\p{Lu}'’\-]*){0,2})(?![\p{L}])"), 0.7),
]
_ACTION_ITEM = _PATTERNS[5][0]
_INITIAL_SURNAME = _PATTERNS[10][0]
# Where an initial starts a name: a line or list item, after punctuation, or after a word that leads to a person.
# Not after a capitalised word, whose letter it labels ("Hepatitis B. Treatment", "Grade C. Overall").
_INITIAL_BEFORE = regex.compile(
    r"(?:^|[\n,:;(\[\-–—/|\"'>])[ \t*•]*\Z"
    r"|(?<![\p{L}])(?P<lead>(?i:dear|hi|hello|to|by|with|and|from|cc|attn|for|thanks|contact|called|ask|asked|per|"
    r"via|re|mr|mrs|ms|dr))\.?[ \t]+\Z", regex.MULTILINE)
_SEPARATOR_AFTER = regex.compile(r"[ \t]+[\-–—(]|[ \t]*[,:]")
_NOT_A_NAME = frozenset(STOP_WORDS) | NOT_NAMES | ACRONYMS | {
    "note", "notes", "action", "actions", "owner", "outcome", "status", "summary", "risk", "issue", "decision",
    "update", "agenda", "item", "todo", "question", "answer", "comment", "reason", "result", "plan", "goal", "task",
    "date", "time", "due", "priority", "impact", "cause", "workaround", "resolution", "step", "steps", "tip",
    "warning", "important", "reminder", "example", "total", "subtotal", "someone", "customer", "caller", "agent",
    "speaker", "user", "you", "me", "system", "bot", "assistant", "support", "team", "all", "everyone", "sorry",
    "pardon", "excuse", "hang", "hold", "wait", "moment", "second", "hello", "hi", "right", "fine", "thanks",
}


class NameMentionRecognizer(TextRecognizer):
    ENTITIES: ClassVar[list[str]] = [entity_types.PERSON]

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:  # fmt: skip
        if entity_types.PERSON not in entities:
            return []
        found: list[tuple[int, int, float]] = []
        for pattern, score in _PATTERNS:
            for match in pattern.finditer(text):
                start, end = match.span("name")
                if pattern is _ACTION_ITEM and not _unusual_or_known(match.group("name")):
                    continue
                if pattern is _INITIAL_SURNAME:
                    if _initial_and_surname(text, start, end):
                        found.append((start, end, score))
                    continue
                if _plausible(match.group("name")):
                    found.append((start, end, score))
        found += self._answers(text)
        return [tagged_result(self, entity_types.PERSON, start, end, score) for start, end, score in found]

    @staticmethod
    def _answers(text: str) -> list[tuple[int, int, float]]:
        """The name given on the line after a question that asked for it."""
        found = []
        offset = 0
        lines = text.split("\n")
        for before, line in pairwise(lines):
            offset += len(before) + 1
            if not _NAME_QUESTION.search(before):
                continue
            match = _ANSWER.match(line)
            if match and _plausible(match.group("name")):
                found.append((offset + match.start("name"), offset + match.end("name"), 0.65))
        return found


_NOT_NAME_WORDS = _NOT_A_NAME | COMMON_WORDS | SENTENCE_WORDS
_PARTICLES = frozenset({"van", "de", "da", "di", "von", "der", "den", "del", "nic", "mac", "ó", "ní", "bin", "al"})


def _plausible(value: str) -> bool:
    """Up to four words, no digits, no function word inside, not only common or role words."""
    words = [w.lower().strip(".,'’") for w in value.split()]
    if not 1 <= len(words) <= 4 or any(ch.isdigit() for ch in value):
        return False
    if len(words) == 1:
        return words[0] not in _NOT_A_NAME
    # An initial is no function word: "A. Chauhan", "I. Okafor".
    initials = {w.lower().strip(".") for w in value.split() if regex.fullmatch(r"\p{Lu}\.", w)}
    if any(w in STOP_WORDS and w not in _PARTICLES and w not in initials for w in words):
        return False
    return not all(w in _NOT_A_NAME for w in words)


def _initial_and_surname(text: str, start: int, end: int) -> bool:
    """"R. Mazek" after a word that leads to a person ("Dear", "by"), or at the head of a line or a list item when
    the surname is a known or foreign-looking one or a separator follows ("R. Mazek - Acme"); never "A. Overview"."""
    value = text[start:end]
    if not _surname_shaped(value):
        return False
    before = _INITIAL_BEFORE.search(text, max(0, start - 24), start)
    if before is None:
        return False
    if before.group("lead"):
        return True
    surname = value.split(".", 1)[1].strip()
    return _unusual_or_known(surname) or bool(_SEPARATOR_AFTER.match(text, end))


def _surname_shaped(value: str) -> bool:
    """After the initial, a census surname or a word no English vocabulary has (not "D. Patient", "A. Note")."""
    surname = value.split(".", 1)[1].strip()
    parts = [p for p in surname.replace("’", "'").split("-") if p]
    return not any(fold(p).strip("'") in _NOT_NAME_WORDS for p in parts)


def _unusual_or_known(value: str) -> bool:
    """An action item's owner: a known name, or a word no English vocabulary has (accents, a hyphenated given name)."""
    first = value.split()[0]
    return is_known_name(first) or not first.isascii() or "-" in first


__all__ = ["NameMentionRecognizer"]
