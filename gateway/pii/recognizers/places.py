"""Places a person comes from or lives in, named after a residence cue ("grew up in Ústí nad Labem") or in a form
field ("Where: Kouklia"). spaCy NER misses many such names (foreign, rare, all capitals); the cue says what they are.
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from gateway.pii import entities
from gateway.pii import entities as entity_types
from gateway.pii.detection import Detection
from gateway.pii.recognizers.people import is_plausible_name
from gateway.pii.recognizers.rule import FLAGS, RuleRecognizer, TextRecognizer, tagged_result
from gateway.pii.vocabulary import EPONYM_AFTER, MEDICAL_TERMS, NOT_NAMES, STOP_WORDS

# Not the pronoun ("While in Cork I fell ill"); a dot inside a name joins it ("St.-Annaparochie", "St.Gallen").
_WORD = r"(?!I(?![\p{L}]))\p{Lu}(?:[\p{L}\p{M}'’\-]|\.(?=[\p{L}\-]))*"
# Small words inside place names: "Ústí nad Labem", "Frankfurt am Main", "Santiago de Compostela".
_JOIN = r"(?:nad|pod|am|an|der|upon|de|del|della|la|le|du|des|di|da|do|dos|sur|van|von)"
_PLACE = rf"{_WORD}(?:[ \t]+(?:{_JOIN}[ \t]+){{0,2}}{_WORD}){{0,3}}"  # "Bruck an der Mur"
_RESIDENCE_CUE = (
    r"(?i:grew up|was born|born|raised|brought up|lives|lived|living|resides|resided|residing|settled|emigrated)"
    r"[ \t]+(?i:in|to)"
    r"|(?i:hometown|home town)[ \t]+(?i:is|was)|(?i:native)[ \t]+(?i:of)"
    r"|(?i:born)(?::|[ \t]+on)?[ \t]+[^\n.;]{1,30}?[ \t](?i:in|at)"
    r"|(?i:destination)[ \t]*:?|(?i:while|stayed|staying|holidaying|holiday)[ \t]+(?i:in)"
    r"|(?i:travelled|traveled|travelling|traveling|trip|flew|flying)[ \t]+(?i:to)"
    r"|(?i:moved|moving|relocated|relocating|relocate|emigrating)[ \t]+(?i:to|from|back[ \t]+to)"
    r"|(?i:is|are|was|were)[ \t]+(?i:in|based[ \t]+in)"  # "Your florist is in Govanhill?"
)
# The issuing state of a licence or ID, in brackets after the number ("licence W312-017-13-609-4 (FL)").
_US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR "
    "PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split())
# What a town names: a bank's branch, an office, a shop, an event held there ("the Aarhus fun run").
_SITE = r"(?i:branch|office|store|shop|depot|clinic|surgery|campus|site|fun run|marathon|half marathon)(?![\p{L}])"
# Words that name a kind of branch, not its town ("the Main branch", "the Online branch").
_NOT_PLACES = frozenset("main head online local nearest central digital mobile virtual new old same other usual "
                        "high street city centre center home post sorting regional branch annual charity "
                        "dental medical doctor's doctors vet head office front back".split())
# Fields that hold a place, not a ward or a department ("Location: ICU" is not asked for).
_FIELD = r"(?i:where|city|town|village|country|place of birth|birthplace|hometown)"


class ResidencePlaceRecognizer(RuleRecognizer):
    """A capitalised place name after a residence verb or a form field; stop words and bank or clinical words
    ("moved to Cardiology", "born in March") are refused."""

    ENTITY = entities.LOCATION
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("after residence cue", rf"(?<![\p{{L}}])(?:{_RESIDENCE_CUE})[ \t]+\K(?=\p{{Lu}}){_PLACE}", 0.6),
        Pattern("form field", rf"^[ \t]*{_FIELD}[ \t]*:[ \t]*\K(?=\p{{Lu}}){_PLACE}", 0.6),
        # Typed in lower case after a birth cue ("born 9 aug 1950 in east andrewmouth, ..."): the cue says it is a
        # place, up to the end of the clause.
        Pattern("lower case after birth cue",
                r"(?<![\p{L}])(?i:born)(?::|[ \t]+on)?(?:[ \t]+[^\n.;]{1,30}?)?[ \t]+(?i:in)[ \t]+\K"
                r"\p{Ll}[\p{L}\p{M}'’\-]*(?:[ \t]+\p{Ll}[\p{L}\p{M}'’\-]*){0,2}(?=[ \t]*(?:[,;.\n]|$))", 0.6),
        # A bank's branch named after its town: "from the North Billyhaven branch".
        Pattern("branch", rf"(?<![\p{{L}}])(?i:the|our|your|their|at|in)[ \t]+\K(?=\p{{Lu}}){_PLACE}"
                rf"(?=[ \t]+{_SITE})", 0.6),
        # Typed in lower case: "kimberly at the ballarat branch went above and beyond".
        Pattern("lower case branch", r"(?<![\p{L}])(?i:the|our|your|their)[ \t]+\K\p{Ll}[\p{Ll}\p{M}'’\-]+"
                r"(?=[ \t]+branch(?![\p{L}]))", 0.55),
        # A CV's or letterhead's contact line: "Kelowna, Canada · 604-519-7494 · taylorl@…".
        Pattern("contact line", rf"(?m)^[ \t]*\K(?=\p{{Lu}}){_PLACE}(?=,[ \t]+(?:the[ \t]+)?\p{{Lu}}[\p{{L}} ]{{2,30}}?"
                r"[ \t]+[·|•])", 0.6),
        Pattern("issuing state", r"(?<=(?<![A-Za-z0-9])(?=[A-Za-z0-9\-]*\d)[A-Za-z0-9][A-Za-z0-9\- ]{3,24}[ \t]?\()"
                r"[A-Z]{2}(?=\))", 0.6),
    ]
    REGEX_FLAGS = FLAGS
    REQUIRES: ClassVar[dict[str, str]] = {"form field": r":", "issuing state": r"\([A-Z]{2}\)",
                                          "contact line": r"[·|•]", "branch": _SITE,
                                          "lower case branch": r"branch", "lower case after birth cue": r"(?i:born)"}

    def validate_result(self, pattern_text: str) -> bool | None:
        if len(pattern_text) == 2 and pattern_text.isupper():
            return None if pattern_text in _US_STATES else False
        if pattern_text.lower() in _NOT_PLACES:
            return False
        return None if is_plausible_name(pattern_text) else False


_PLACE_CUE = regex.compile(r"(?i:(?<![\p{L}])(?:in|to|from|near|at|of|via|moved to|lives in|based in|born in|"
                           r"relocated to|resident in|residing in|visiting|visited|travelling to|traveling to)[ \t]+)$")
_GAZETTEER_RUN = regex.compile(
    r"(?<![\p{L}\d])(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Ll}[\p{Ll}\p{M}'’\-]+)(?:[ \t]+(?:(?:de|del|la|le|am|an|upon|on|"
    r"sur|of|and)[ \t]+)?\p{Lu}[\p{L}\p{M}'’.\-]*){0,2}(?![\p{L}\d])"
)


_NUMBERED_AFTER = regex.compile(r"[ \t]+(?:(?:room|bay|ward|bed|unit|suite|floor|desk|office|hall|wing)s?[ \t]*)?#?\d")

class GazetteerPlaceRecognizer(TextRecognizer):
    """Places of the GeoNames list (cities of 15,000 people or more, countries, US states; ``gateway.pii.lexicon``):
    a capitalised name anywhere ("Florida DL …", "in UK"), a lower-case one after a place word ("moved to praha").
    A place name that is also a common word ("Reading", "Mobile") counts only after a place word."""

    ENTITIES: ClassVar[list[str]] = [entity_types.LOCATION]

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:  # fmt: skip
        if entity_types.LOCATION not in entities:
            return []
        found = []
        for match in _GAZETTEER_RUN.finditer(text):
            words = match.group().split()
            result = self._place(text, match.start(), words)
            if result is None and len(words) > 1 and words[0][0].islower():
                # A run may open with a lower-case word ("to Cork", "in New York"): the place then starts after it.
                result = self._place(text, text.index(words[1], match.start() + len(words[0])), words[1:])
            if result is not None:
                found.append(result)
        return found

    def _place(self, text: str, start: int, words: list[str]) -> RecognizerResult | None:
        from gateway.pii.lexicon import COMMON_WORDS, fold, is_place, major_places

        # Longest known place first: "New South Wales", then "New South", then "New".
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size])
            if not is_place(candidate):
                # The run takes a full stop into the word ("St." is one): "lives in Reading." ends a sentence.
                if not (candidate.endswith(".") and is_place(candidate.rstrip("."))):
                    continue
                candidate = candidate.rstrip(".")
            cued = bool(_PLACE_CUE.search(text[max(0, start - 24):start]))
            lowered = candidate.lower()
            common = lowered in COMMON_WORDS or lowered in STOP_WORDS or (lowered in NOT_NAMES
                                                                           and lowered not in MEDICAL_TERMS)
            if (candidate[0].islower() and not cued) or (common and not cued):
                return None
            if len(candidate) <= 3 and not candidate.isupper() and not cued:
                return None
            if size == 1 and not cued and fold(candidate) not in major_places():
                return None
            end = start + len(candidate)
            if EPONYM_AFTER.match(text, end):
                return None
            # "in bay 2", "in reading room 3": a lower-case word before a number or a room is a place in a building.
            if (candidate[0].islower() or common) and _NUMBERED_AFTER.match(text, end):
                return None
            return tagged_result(self, entity_types.LOCATION, start, end, 0.6 if cued else 0.5)
        return None


# Places whose name takes "the": masked with it, as written ("Leeuwarden, the Netherlands").
_WITH_THE = frozenset(["netherlands", "philippines", "united kingdom", "united states", "united states of america",
                       "united arab emirates", "czech republic", "gambia", "bahamas", "maldives", "algarve", "hague",
                       "seychelles", "dominican republic", "central african republic", "lake district", "highlands",
                       "midlands", "cotswolds", "balkans", "caribbean", "riviera", "bronx", "uk", "us", "usa", "uae"])
_THE_BEFORE = regex.compile(r"(?i:the)[ \t]+$")


def with_definite_article(text: str, detections: list[Detection]) -> list[Detection]:
    """A LOCATION that takes "the" ("the Netherlands", "the Algarve") widened over it."""
    out = []
    for d in detections:
        if d.entity_type == entities.LOCATION and text[d.start:d.end].lower() in _WITH_THE:
            the = _THE_BEFORE.search(text, max(0, d.start - 6), d.start)
            if the is not None:
                d = Detection(d.entity_type, the.start(), d.end, d.score)
        out.append(d)
    return out


__all__ = ["GazetteerPlaceRecognizer", "ResidencePlaceRecognizer", "with_definite_article"]

