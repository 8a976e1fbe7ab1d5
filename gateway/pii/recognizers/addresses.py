"""Street addresses in English and common European forms, with the locality, region and postcode that follow."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from gateway.pii import entities
from gateway.pii.recognizers.rule import FLAGS, RuleRecognizer

_STOP_WORD = (
    r"(?i:the|a|an|on|in|of|to|my|for|and|or|at|by|with|from|his|her|their|our|your|this|that|is|are|was|"
    r"please|call|thanks|thank|i|we|you|it|if|he|she|they|me|be|will|can|would|could|should|has|have|had|before|"
    r"after|until|by|so|but|as|when|since|because|which|who|where|asap|today|tomorrow)(?![\p{L}])"
)
_STOP = rf"(?!{_STOP_WORD})"
_WORD = rf"{_STOP}(?:\p{{L}}[\p{{L}}'’.\-]*|\d{{1,3}}(?i:st|nd|rd|th))"
_TYPE = (
    r"(?i:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|place|pl|square|sq|terrace|"
    r"way|parkway|pkwy|highway|hwy|circle|cir|trail|crescent|close|walk|alley|plaza|route|pike|grove|mews|"
    r"esplanade|quay|row|gardens|hill)\.?"
)
# Street types written as their own word before the number (German, Dutch, Nordic, Central European forms).
_TYPE_BEFORE_NUMBER = (
    r"(?i:straße|strasse|str\.|straat|gasse|weg|laan|plein|gracht|allee|platz|ring|gürtel|vej|gade|väg|gatan|"
    r"veien|katu|utca|útja|ulica|ul\.|rkp\.|náměstí|square|street|road)"
)
_NUMBER = r"(?<![\p{L}\d\-])(?:\d{1,5}[ \t]+)?\d{1,6}[A-Za-z]?(?:[\-/]\d{1,4})?"
_UNIT_WORD = r"(?i:apt|apartment|suite|ste|unit|floor|fl|room|rm|flat|#)\.?[ \t]*#?[ \t]*[\dA-Za-z][\w\-]{0,5}(?![\w])"
_UNIT = rf"(?:,?[ \t]+{_UNIT_WORD})"
# A line break inside a postal block: optional comma, at most one blank line, then bullets or quote marks.
_BREAK = r"(?:[ \t]*,?[ \t]*\n(?:[ \t]*\n)?[ \t,]*(?:[^\w\s]{1,4}[ \t]+)?)"
_PLACE = rf"{_STOP}\p{{Lu}}[\p{{L}}'’.\-]*(?:[ \t]+{_STOP}\p{{Lu}}[\p{{L}}'’.\-]*){{0,2}}"
_POSTCODE = r"(?:\p{Lu}{2}[ \t]+\d{5}(?:-\d{4})?|\d{4,6}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})(?![\w])"
# Lines after a street line in a postal block: short, no stop words, ending the line or the sentence
# ("Springfield", "IL 62704", "nan", "Rwanda 02438", "apt. 614").
_LINE = (
    rf"{_STOP}[\p{{L}}\d#][\p{{L}}\d'’.()\-]*(?:[ \t,]+{_STOP}[\p{{L}}\d][\p{{L}}\d'’.()\-]*){{0,3}}"
    rf"(?=[ \t]*[.,;]?[ \t]*(?:\n|\Z)|[.,;][ \t]|(?<=\d)[ \t]+{_STOP_WORD})"
)
_TAIL = (
    rf"\.?(?:{_UNIT}|{_BREAK}{_UNIT_WORD})?"
    rf"(?:[ \t]*,[ \t]*(?:[A-Z]{{1,2}}-)?\d{{4,5}}[ \t]+{_PLACE})?"
    rf"(?:(?:[ \t]*,[ \t]*|[ \t]+(?=\p{{Lu}}{{2,}}))?{_PLACE}){{0,2}}(?:(?:[ \t]*,)?[ \t]*{_POSTCODE})?"
    rf"(?:{_BREAK}{_LINE}){{0,4}}"
)
_SUFFIXED = (
    r"(?<![\p{L}\-])\p{L}[\p{L}\-]*(?i:straße|strasse|str\.|straat|gasse|weg|laan|plein|gracht|allee|platz|ring|gürtel|vej|gade"
    r"|väg|vägen|gatan|gata|veien|vei|katu|utca|tie)"
)
_PREFIXED = (
    r"(?<![\p{L}])(?i:rue|avenue|av\.|via|viale|calle|avenida|av\.|rua|piazza|chemin|boulevard|carrer|plaza|paseo|ulica|ul\.)"
    r"[ \t]+(?:(?i:de|du|des|la|le|del|da|do|dos|della|di)[ \t]+)?\p{L}[\p{L}'’\-]*(?:[ \t]+\p{Lu}[\p{L}'’\-]*){0,3}"
)


class StreetAddressRecognizer(RuleRecognizer):
    ENTITY = entities.STREET_ADDRESS
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("number street type", rf"{_NUMBER}[ \t]+(?:{_WORD}[ \t]+){{1,3}}?{_TYPE}(?![\p{{L}}]){_TAIL}", 0.6),
        Pattern("suffixed street number", rf"(?:{_NUMBER}[ \t]+)?{_SUFFIXED}[ \t]+\d{{1,5}}[a-z]?(?![\d]){_TAIL}", 0.6),
        Pattern(
            "prefixed street",
            rf"(?:(?:{_NUMBER}[ \t]+)?{_PREFIXED},?[ \t]+\d{{1,5}}[a-z]?(?!\d)|{_NUMBER}[ \t]+{_PREFIXED}){_TAIL}",
            0.5,
        ),
        Pattern(
            "words type number",
            rf"(?:{_NUMBER}[ \t]+)?(?<![\p{{L}}'’\-])(?:\p{{L}}[\p{{L}}'’\-]*[ \t]+){{1,3}}{_TYPE_BEFORE_NUMBER}"
            rf"[ \t]+\d{{1,5}}[a-z]?(?!\d){_TAIL}",
            0.6,
        ),
        Pattern(
            "after address cue",
            r"(?<=(?i:address(?:es)?(?: is| with)?|lives? (?:at|on|in)|lived (?:at|on|in)|located at|moved to|"
            r"return to|ship to|send to|deliver to|resides? at|residing at)[:\s]{1,3})"
            rf"(?:{_NUMBER}[ \t]+)?(?:{_STOP}\p{{L}}[\p{{L}}'’.\-]*[ \t]+){{1,3}}\d{{1,5}}[a-z]?\.?(?!\d){_TAIL}",
            0.6,
        ),
        Pattern(
            "street number unit",
            rf"{_NUMBER}[ \t]+(?:{_WORD}[ \t]+){{0,2}}{_WORD}[ \t]+\d{{1,5}}[a-z]?\.?(?!\d)"
            rf"(?={_UNIT}|{_BREAK}{_UNIT_WORD}){_TAIL}",
            0.6,
        ),
        Pattern("po box", r"(?<![\p{L}])(?i:p\.?[ \t]?o\.?[ \t]*box|post office box)[ \t]+\d{1,7}" + _TAIL, 0.7),
        Pattern(
            "postcode after cue",
            r"(?<=(?i:zip|zip code|postal code|postcode|post code)[^0-9A-Za-z\n]{0,4})"
            r"(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\d{4,6})(?![\w])",
            0.7,
        ),
        Pattern("uk postcode", r"(?<![\w])[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}(?![\w])", 0.4),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "address",
        "live",
        "lives",
        "lived",
        "resides",
        "residing",
        "moved",
        "mail",
        "ship",
        "billing",
        "住址",
    ]
    REGEX_FLAGS = FLAGS

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None
    ) -> list[RecognizerResult]:
        # Every pattern needs a house number, box number or postcode: text without a digit cannot match.
        if not any(ch.isdigit() for ch in text):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)
