"""Street addresses in English and common European forms, with the locality, region and postcode that follow."""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from gateway.pii import entities
from gateway.pii.recognizers.rule import FLAGS, RuleRecognizer

_STOP_WORD = (
    r"(?i:the|a|an|on|in|of|to|my|for|and|or|at|by|with|from|his|her|their|our|your|this|that|is|are|was|"
    r"please|call|thanks|thank|i|we|you|it|if|he|she|they|me|be|will|can|would|could|should|has|have|had|before|"
    r"after|until|by|so|but|as|when|since|because|which|who|where|asap|today|tomorrow|within|above|below|"
    r"shown|listed|provided|given|held|registered|changed|updated)(?![\p{L}])"
)
_STOP = rf"(?!{_STOP_WORD})"
_WORD = rf"{_STOP}(?:\p{{L}}[\p{{L}}'’.\-]*|\d{{1,3}}(?i:st|nd|rd|th))"
# Street types: the USPS Publication 28 suffixes (public domain) with their standard abbreviations, and the
# British, Irish, Australian and Canadian ones.
_USPS = (
    "alley allee aly anex annex anx arcade arc avenue ave av bayou byu beach bch bend bnd bluff blf bluffs blfs "
    "bottom btm boulevard blvd branch br bridge brg brook brk brooks brks burg bg burgs bgs bypass byp camp cp "
    "canyon cyn cape cpe causeway cswy center ctr centre centers ctrs circle cir circles cirs cliff clf cliffs clfs "
    "club clb common cmn commons cmns corner cor corners cors course crse court ct courts cts cove cv coves cvs "
    "creek crk crescent cres crest crst crossing xing crossroad xrd crossroads xrds curve curv dale dl dam dm "
    "divide dv drive dr drives drs estate est estates ests expressway expy extension ext extensions exts fall "
    "falls fls ferry fry field fld fields flds flat flt flats flts ford frd fords frds forest frst forge frg "
    "forges frgs fork frk forks frks fort ft freeway fwy garden gdn gardens gdns gateway gtwy glen gln glens glns "
    "green grn greens grns grove grv groves grvs harbor hbr harbour harbors hbrs haven hvn heights hts highway hwy "
    "hill hl hills hls hollow holw inlet inlt island is islands iss isle junction jct junctions jcts key ky keys "
    "kys knoll knl knolls knls lake lk lakes lks land landing lndg lane ln light lgt lights lgts loaf lf lock lck "
    "locks lcks lodge ldg loop mall manor mnr manors mnrs meadow mdw meadows mdws mews mill ml mills mls mission "
    "msn motorway mtwy mount mt mountain mtn mountains mtns neck nck orchard orch oval overpass opas park parks "
    "parkway pkwy parkways pass passage psge path pike pine pne pines pnes place pl plain pln plains plns plaza "
    "plz point pt points pts port prt ports prts prairie pr radial radl ramp ranch rnch rapid rpd rapids rpds "
    "rest rst ridge rdg ridges rdgs river riv road rd roads rds route rte row rue run shoal shl shoals shls shore "
    "shr shores shrs skyway skwy spring spg springs spgs spur spurs square sq squares sqs station sta stravenue "
    "stra stream strm street st streets sts summit smt terrace ter throughway trwy trace trce track trak "
    "trafficway trfy trail trl trailer trlr tunnel tunl turnpike tpke underpass upas union un unions uns valley "
    "vly valleys vlys viaduct via view vw views vws village vlg villages vlgs ville vl vista vis walk walks wall "
    "way ways well wl wells wls close cl drove parade pde esplanade quay rise wynd gate gardens grange chase "
    "approach circus crescent embankment hill broadway upper lower boardwalk concourse "
    # Australian and New Zealand street types (AS 4590)
    "circuit cct strip round line trunkway ramble outlook retreat link glade heath crossway walkway promenade"
).split()
_TYPE = "(?i:" + "|".join(sorted(set(_USPS), key=len, reverse=True)) + r")\.?"
# Street types written as their own word before the number (German, Dutch, Nordic, Central European forms).
_TYPE_BEFORE_NUMBER = (
    r"(?i:straße|strasse|str\.|straat|gasse|weg|laan|plein|gracht|allee|platz|ring|gürtel|vej|gade|väg|gatan|"
    r"veien|katu|utca|útja|ulica|ul\.|rkp\.|náměstí|square|street|road)"
)
_NUMBER = r"(?<![\p{L}\d\-])(?:\d{1,5}[ \t]+)?\d{1,6}[A-Za-z]?(?:[\-/]\d{1,4})?"
_UNIT_WORD = r"(?i:apt|apartment|suite|ste|unit|floor|fl|room|rm|flat|#)\.?[ \t]*#?[ \t]*[\dA-Za-z][\w\-]{0,5}(?![\w])"
_UNIT = rf"(?:,?[ \t]+{_UNIT_WORD})"
# A flat or unit named before the street ("Flat 23A, 6 Sheila Mountain", "Unit 15/", "Bât. B, 81, rue …").
_UNIT_FIRST = (r"(?i:flat|unit|apt|appt|apartment|suite|ste|bât|bat|bldg|building|block|blk|level|lvl|plot|"
               r"house no|door no|shop|studio)(?:\.[ \t]*|[ \t]+)#?[ \t]*"
               r"(?=[\w\-]{0,5}\d|(?-i:\p{Lu})(?![\w]))[\dA-Za-z][\w\-]{0,5}(?![\w]),?[ \t]")
"""The unit word, a separator, and an identifier with a digit or a single capital ("Flat 3B", "Bât. B"), so the
start of an ordinary word ("batch", "blocked") is never a unit."""
# A character of one field of a line: not a comma, a line break or the two spaces between fixed-width columns.
_CELL = r"(?:(?![ \t]{2})[^,\n])"
# A line break inside a postal block: optional comma, at most one blank line, then bullets or quote marks.
_BREAK = r"(?:[ \t]*,?[ \t]*\n(?:[ \t]*\n)?[ \t,]*(?:[^\w\s]{1,4}[ \t]+)?)"
# Letters of a place name. Combining marks (decomposed accents) and the Latin-1 symbols that UTF-8 text read as
# Latin-1 turns accents into ("SÃ£o TomÃ©") count too: a mangled locality is still the locality.
_PLACE_CHAR = r"[\p{L}\p{M}'’.\-\u00a1-\u00bf]"
# A word glued to digits is a code, not a place word ("TR221YP", the "G" of "G4N 1P4").
_PLACE_WORD = rf"{_STOP}(?=\p{{Lu}}[\p{{L}}\p{{M}}'’\-]*+(?!\d))\p{{Lu}}{_PLACE_CHAR}*"
# Small words inside place names: "São Tomé and Príncipe", "Ústí nad Labem", "Frankfurt am Main".
_PLACE_JOIN = r"(?:(?i:and|nad|pod|am|an|der|upon|de|del|della|la|le|du|des|di|da|do|dos|sur|van|von)[ \t]+){1,2}"
_PLACE = (
    rf"{_PLACE_WORD}(?:[ \t]+(?:{_PLACE_JOIN})?{_PLACE_WORD}){{0,3}}"
    rf"(?:[ \t]*\([ \t]*{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,2}}[ \t]*\))?"  # "ΑΓΛΑΝΤΖΙΑ (ΑΓΛΑΓΓΙΑ)"
)
# A lower-case locality after a comma, only where it ends the line or the text ("..., opocnice").
_LOWER_PLACE = (
    rf"[ \t]*,[ \t]*{_STOP}\p{{Ll}}{_PLACE_CHAR}*(?:[ \t]+{_STOP}\p{{Ll}}{_PLACE_CHAR}*){{0,2}}"
    r"(?=[ \t]*[.;!?]?[ \t]*(?:\n|\Z))"
)
# Typed in lower case, the locality, state and postcode after the street, as far as a postcode that ends it
# ("211 hutchinson parkway, madison, wi 19708", "105 nash prairie, derby, ex11 5ap").
_LOWER_LOCALITY = (
    rf"(?:[ \t]*,[ \t]*{_STOP}\p{{Ll}}{_PLACE_CHAR}*(?:[ \t]+{_STOP}\p{{Ll}}{_PLACE_CHAR}*){{0,2}}){{1,2}}"
    r",?[ \t]*(?:\d{4,5}(?:-\d{4})?|[a-z]{1,2}\d[a-z\d]?[ \t]?\d[a-z]{2}|[a-z]\d[a-z][ \t]?\d[a-z]\d)(?![\w])"
)
_POSTCODE = (r"(?:\p{Lu}{2,3}[ \t]+\d{4,5}(?:-\d{4})?|\p{Lu}{2}[ \t]+(?i:[A-Z]\d[A-Z][ \t\-]?\d[A-Z]\d)|\d{4,6}"
             r"|(?i:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t\-]?\d[A-Z]\d))(?![\w])")
# Lines after a street line in a postal block: short, no stop words, ending the line or the sentence
# ("Springfield", "IL 62704", "nan", "Rwanda 02438", "apt. 614").
_LINE = (
    rf"{_STOP}[\p{{L}}\d#][\p{{L}}\p{{M}}\d'’.()\-\u00a1-\u00bf]*"
    rf"(?:[ \t,]+{_STOP}[\p{{L}}\d][\p{{L}}\p{{M}}\d'’.()\-\u00a1-\u00bf]*){{0,3}}"
    rf"(?=[ \t]*[.,;]?[ \t]*(?:\n|\Z)|[.,;][ \t]|(?<=\d)[ \t]+{_STOP_WORD})"
)
# After a unit, the locality may follow with a bare space ("Apt. 974 Lyss").
_TAIL = (
    rf"\.?(?:(?:{_UNIT}|{_BREAK}{_UNIT_WORD})(?:[ \t]+(?={_PLACE_WORD}))?)?"
    rf"(?:[ \t]*,[ \t]*(?:[A-Z]{{1,2}}-)?\d{{4,5}}[ \t]+{_PLACE})?"
    rf"(?:(?:[ \t]*,[ \t]*|[ \t]+(?=\p{{Lu}}{{2,}}))?{_PLACE}){{0,2}}(?:(?:[ \t]*,)?[ \t]*{_POSTCODE})?"
    rf"(?:{_LOWER_LOCALITY}|{_LOWER_PLACE})?(?:{_BREAK}{_LINE}){{0,4}}"
)
# A street named by its words, with the house number before or after and the street type after, for
# intersections ("the corner of Kapelaniestraat 88 and Whittaker Street", "5th Avenue & Main St").
_STREET_NAME = (
    rf"(?:\d{{1,5}}[ \t]+)?(?:{_PLACE_WORD}[ \t]+){{0,3}}(?:{_PLACE_WORD}|\d{{1,3}}(?i:st|nd|rd|th))"
    rf"(?:[ \t]+\d{{1,5}}[a-z]?(?![\p{{L}}\d]))?(?:[ \t]+{_TYPE}(?![\p{{L}}]))?"
)
# The last line of a postal block: a postcode that is not a bare four-digit number (a year, an amount).
_LAST_LINE = (
    rf"[ \t]*(?:(?:{_PLACE}[ \t]+)?\d{{4,6}}|(?:\p{{Lu}}{{2}}[ \t]+)?\d{{5}}(?:-\d{{4}})?"
    r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})(?![\w])(?<!(?<![\d])\d{4})"
)
# A word ending in a street suffix; the word is taken whole (possessive) and its ending checked after, which is
# several times faster than letting the engine backtrack through every suffix at every letter.
_SUFFIX = (
    r"(?i:straße|strasse|str\.|straat|gasse|weg|laan|plein|gracht|allee|platz|ring|gürtel|vej|gade|väg|vägen|gatan|gata"
    r"|veien|vei|katu|utca|tie)"
)
_SUFFIXED = rf"(?<![\p{{L}}\-])\p{{L}}[\p{{L}}\-]*+\.?+(?=[ \t]+\d)(?<=[\p{{L}}\-]{_SUFFIX})"
_PREFIX_WORD = (
    r"(?i:rue|avenue|av\.|via|viale|calle|avenida|av\.|rua|piazza|chemin|boulevard|carrer|plaza|paseo|ulica|ul\.)"
)
_PREFIXED = (
    rf"(?<![\p{{L}}]){_PREFIX_WORD}"
    r"[ \t]+(?:(?i:de|du|des|la|le|del|da|do|dos|della|di)[ \t]+)?\p{L}[\p{L}'’\-]*(?:[ \t]+\p{Lu}[\p{L}'’\-]*){0,3}"
)


class StreetAddressRecognizer(RuleRecognizer):
    ENTITY = entities.STREET_ADDRESS
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("number street type", rf"{_NUMBER}[ \t](?:{_WORD}[ \t]){{1,3}}?{_TYPE}(?![\p{{L}}]){_TAIL}", 0.6),
        Pattern("suffixed street number", rf"(?:{_NUMBER}[ \t]+)?{_SUFFIXED}[ \t]+\d{{1,5}}[a-z]?(?![\d]){_TAIL}", 0.6),
        Pattern(
            "prefixed street",
            rf"(?:(?:{_NUMBER}[ \t]+)?{_PREFIXED},?[ \t]+\d{{1,5}}[a-z]?(?!\d)|{_NUMBER},?[ \t]+{_PREFIXED}){_TAIL}",
            0.5,
        ),
        Pattern(
            "words type number",
            rf"(?:{_NUMBER}[ \t]+)?(?<![\p{{L}}'’\-])(?:\p{{L}}[\p{{L}}'’\-]*+[ \t]+){{1,3}}{_TYPE_BEFORE_NUMBER}"
            rf"[ \t]+\d{{1,5}}[a-z]?(?!\d){_TAIL}",
            0.6,
        ),
        Pattern(
            "after address cue",
            r"(?i:address(?:es)?(?: is| with)?|lives? (?:at|on|in)|lived (?:at|on|in)|located at|moved to|"
            r"return to|ship to|send to|deliver to|resides? at|residing at)[:\s]{1,3}\K"
            rf"(?:{_NUMBER}[ \t]+)?(?:{_STOP}\p{{L}}[\p{{L}}'’.\-]*[ \t]+){{1,3}}\d{{1,5}}[a-z]?\.?(?!\d){_TAIL}",
            0.6,
        ),
        Pattern(
            "street number unit",
            rf"{_NUMBER}[ \t]+(?:{_WORD}[ \t]+){{0,2}}{_WORD}[ \t]+\d{{1,5}}[a-z]?\.?(?!\d)"
            rf"(?={_UNIT}|{_BREAK}{_UNIT_WORD}){_TAIL}",
            0.6,
        ),
        Pattern(
            "street corner",
            r"(?<![\p{L}])(?i:(?:the[ \t]+)?(?:corner|intersection|junction|crossing)[ \t]+of)[ \t]+"
            rf"{_STREET_NAME}[ \t]+(?:and|&)[ \t]+{_STREET_NAME}",
            0.6,
        ),
        Pattern(
            "two streets one type",
            rf"(?<![\p{{L}}]){_PLACE_WORD}(?:[ \t]+{_PLACE_WORD})?[ \t]+(?:and|&)[ \t]+{_PLACE_WORD}"
            rf"(?:[ \t]+{_PLACE_WORD})?[ \t]+(?i:streets|avenues|roads|sts\.?|aves\.?)(?![\p{{L}}])",
            0.6,
        ),
        Pattern(
            "postal block",
            rf"{_NUMBER}[ \t]+(?:{_WORD}[ \t]+){{0,3}}{_WORD}"
            rf"(?=(?:{_BREAK}{_LINE}){{1,3}}?{_BREAK}{_LAST_LINE}){_TAIL}",
            0.5,
        ),
        Pattern("po box", r"(?<![\p{L}])(?i:p\.?[ \t]?o\.?[ \t]*box|post office box)[ \t]+\d{1,7}" + _TAIL, 0.7),
        Pattern(
            "unit first",
            rf"(?<![\p{{L}}]){_UNIT_FIRST}(?:{_NUMBER},?[ \t]+)?(?:{_CELL}{{2,40}},[ \t]*){{0,5}}?{_CELL}{{2,40}}?"
            r"(?:[ \t]?(?:-|–)?[ \t]?(?:\d{6}|\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}))(?![\w])",
            0.6,
        ),
        Pattern(
            "unit then street",
            rf"(?<![\p{{L}}]){_UNIT_FIRST}{_NUMBER},?[ \t]+(?:{_WORD}[ \t]+){{0,3}}?{_TYPE}(?![\p{{L}}]){_TAIL}",
            0.6,
        ),
        Pattern(
            "postcode after cue",
            r"(?i:zip(?: code)?|postal code|postcode|post code)[^0-9A-Za-z\n]{0,4}\K"
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
    # Cheap necessary conditions, each written so the engine can scan for a rare character first (a digit, a
    # space) instead of trying a word or an alternation at every position.
    REQUIRES: ClassVar[dict[str, str]] = {
        **{pattern.name: r"\d" for pattern in PATTERNS},  # a house, box or postcode number, unless overridden below
        "suffixed street number": rf"(?<={_SUFFIX}\.?[ \t]+)\d",
        "words type number": rf"(?<={_TYPE_BEFORE_NUMBER}[ \t]+)\d",
        "prefixed street": rf"[ \t](?<=(?<![\p{{L}}]){_PREFIX_WORD}[ \t])",
        "unit first": rf"(?<![\p{{L}}]){_UNIT_FIRST}",
        "unit then street": rf"(?<![\p{{L}}]){_UNIT_FIRST}",
        "street corner": r"[ \t](?<=(?i:corner|intersection|junction|crossing)[ \t])",
        "two streets one type": r"[ \t](?<=(?i:and|&)[ \t])",
    }


# A sentence's end, not an abbreviation's full stop ("Co. Cork", "Sok. No: 13", "int. 6").
_SENTENCE_END = (r"(?<!(?<![\p{L}])(?i:co|st|mt|ft|no|apt|rd|ave|sok|cad|gg|col|dr|int|lgh|bl|ap|nr|jl|p\.o|c\.p))"
                 r"[.;!?][ \t]+\p{L}")
_CUED_END = (r"(?=[ \t]+(?:with|since|for|and|but|from|until|where|which|in|last|next|please|pls|thanks|thank|asap|"
             r"this|today|tonight|yesterday|tomorrow|now)(?![\p{L}])|[.;!?]?[ \t]*(?:\n|$)|\)"
             r"|,[ \t]+(?:ok|okay|yes|yeah|no|so|and|but|thanks|cheers|right|sure|if|as|which|who)(?![\p{L}])"
             r"|" + _SENTENCE_END + ")")


class CuedAddressRecognizer(RuleRecognizer):
    """An address of any country's layout after words that say it is one: "I live at …", "correspondence address
    (…)", the answer to "what's the exact address?" on the next line of a chat. The layout is the country's own
    ("Số 22 Hoàng Văn Thụ, Phường 12, Quận 2", "Kyrkogränd 36, lgh 1279, 724 53 Linköping", "atatürk sok. no: 13,
    51385 muratpaşa/ankara"): the cue, a digit and the clause's end decide, not a street-type word."""

    ENTITY = entities.STREET_ADDRESS
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("after a residence verb",
                r"(?<![\p{L}])(?:live|lives|lived|living|reside|resides|resided|residing|staying|stay|based|moved)"
                r"[ \t]+(?:at|to)[ \t]+\K(?=[^\n]{0,40}\d)[^\n()]{5,120}?(?<![ \t,])" + _CUED_END, 0.6),
        Pattern("address in brackets",
                r"(?<![\p{L}])address[ \t]*\([ \t]*\K(?=[^\n)]{0,40}\d)[^\n()]{5,120}?(?=[ \t]*\))", 0.6),
        Pattern("answer to an address question",
                r"(?<![\p{L}])(?:exact|full|home|postal|delivery|your|the)[ \t]+address[ \t]*\?[ \t]*\n[ \t]*"
                r"(?:\[[^\]\n]{1,20}\][ \t]*)?(?:[\p{L}][\p{L}'’ .\-]{0,20}:[ \t]*)?\K(?=[^\n]{0,40}\d)"
                r"[^\n]{5,120}?(?=[.;!?]?[ \t]*(?:\n|$)|" + _SENTENCE_END + ")", 0.6),
    ]
    REGEX_FLAGS = FLAGS | regex.IGNORECASE
    REQUIRES: ClassVar[dict[str, str]] = {"after a residence verb": r"\d", "address in brackets": r"\(",
                                          "answer to an address question": r"\?"}

    def validate_result(self, pattern_text: str) -> bool | None:
        # An address has a number, and is no date or time ("moved to 3 May", "staying at 10:30"), nor a postcode
        # with its town alone ("moved to 10115 Berlin", found as such).
        if not regex.search(r"\d", pattern_text) or _DATE_OR_TIME.fullmatch(pattern_text.strip()):
            return False
        if "," not in pattern_text and regex.match(r"(?:[A-Z]{1,2}-)?\d{4,6}(?![\d:])", pattern_text):
            return False
        return None


_DATE_OR_TIME = regex.compile(r"[\d\s:./\-]+(?:am|pm)?|(?i:\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+(?:\s+\d{2,4})?)")
