"""Person names: spaCy NER with false positives removed, plus rules for titles and bank/clinical role words."""

from __future__ import annotations

import itertools
from typing import ClassVar

import regex
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from gateway.pii import entities as entity_types
from gateway.pii.lexicon import NATIONALITIES, is_known_name
from gateway.pii.recognizers.rule import FLAGS, RuleRecognizer, TextRecognizer, tagged_result
from gateway.pii.vocabulary import ACRONYMS, EPONYM_AFTER, MEDICAL_TERMS, NOT_NAMES, STOP_WORDS

_NAME_WORD = r"(?:\p{Lu}[\p{L}\p{M}'’\-]*\p{Ll}\p{M}*|\p{Lu}\.)"
# A name written in capitals, as forms, labels and wristbands do ("NGOZI EZE", "D. SAINZ", "O'REILLY").
_CAPS_WORD = r"(?:\p{Lu}[\p{Lu}\p{M}'’\-]*\p{Lu}\p{M}*|\p{Lu}\.)"
_CAPS_NAME = rf"{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,3}}"
_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}"
_TITLE = r"(?i:mr|mrs|ms|miss|mx|dr|prof|sir|madam|mme|mlle|herr|frau)"
_ROLE = (
    r"(?i:patient|pt\.|account[ \-]?holder|card[ \-]?holder|customer|client|physician|surgeon|doctor|nurse|"
    r"attending|resident|referring|provider|clinician|therapist|pharmacist|beneficiary|applicant|borrower|"
    r"co-?signer|guarantor|signatory|payee|payer|insured|policy[ \-]?holder|guardian|spouse|wife|husband|son|"
    r"daughter|mother|father|sister|brother|partner|nok|next of kin|emergency contact|"
    r"my name is|name is|i am|i'm|this is|name:|named|called|"
    r"signed by|seen by|referred by|examined by|treated by|authorized by|approved by|prepared by|attn:?|dear|"
    r"speak to|speak with|talk to|contact|colleague|call me|calls me|called me|known as|goes by|hi|hello|hey|"
    r"thanks|thank you|(?:summary|address|funds|payment|transfer|statement|letter|note|report|request|referral|"
    r"prescription|appointment|refund|invoice|loan|card|account|consent|results?|rx|script|bill) (?:for|of|to)|"
    r"\p{L}{3,}ed by|"
    r"mrs\.? and mr\.?|mr\.? and mrs\.?)"
)
_CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")
_CALENDAR = regex.compile(
    r"\d{1,4}[/.\-]\d{1,2}|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d|\d[ \t]+(?i:of[ \t]+)?"
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:19|20)\d{2}"
)
_NOT_A_DATE = regex.compile(
    r"\||\d{5}|^[A-Z]{1,5}-\d|^(?i:in|since|from|by|of)?[ \t]*(?:19|20)\d{2}s?$"
)


def _calendar_date(span: str) -> bool:
    """spaCy's DATE when it is a day or a month of a calendar: not a bare year ("in 2016"), a reference with a year
    in it ("C-2024-938422"), a long number ("852005"), or table cells ("Sep | 2007")."""
    return bool(_CALENDAR.search(span)) and not _NOT_A_DATE.search(span)


_EDGE_JUNK = "\"'“”‘’()[]{}<>,.;:!?-–—" + " \t\n"


def is_plausible_name(text: str) -> bool:
    """False for stop words, common bank/clinical words, drug and disease names, and bare acronyms."""
    words = [w.strip(_EDGE_JUNK).lower().removesuffix("'s").removesuffix("’s") for w in text.split()]
    words = [w for w in words if w]
    if not words or any(any(ch.isdigit() for ch in w) for w in words):
        return False
    if len(words) == 1 and words[0] in NATIONALITIES:  # "i'm british", "I am Irish": who they are, not their name
        return False
    return not all(w in NOT_NAMES or w in ACRONYMS for w in words)


_NEVER_SURNAMES = frozenset(["the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "from"])


class TitledNameRecognizer(RuleRecognizer):
    """The name after Mr/Mrs/Ms/Dr/Prof (title excluded), also when written in lower case ("ms. wijtze"). After a
    title even a word that is also a disease or drug name is a surname ("Dr Barre", "Mrs Parkinson")."""

    ENTITY = entity_types.PERSON
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("capitalised after title", rf"(?<![\p{{L}}])(?:{_TITLE}\.?[ \t]{{1,3}})+\K(?=\p{{Lu}}){_NAME}", 0.8),
        Pattern(
            "lower case after title",
            rf"(?<![\p{{L}}]){_TITLE}\.[ \t]{{1,3}}\K\p{{Ll}}{{3,}}(?![\p{{L}}])",
            0.6,
        ),
        # A name written in Han or kana after an English title: "Dear Mx 橋本,".
        Pattern("han after title", rf"(?<![\p{{L}}])(?:{_TITLE}\.?[ \t]{{1,3}})+\K"
                                   r"[\p{Han}\p{Hiragana}\p{Katakana}]{1,4}(?![\p{Han}\p{Hiragana}\p{Katakana}])", 0.7),
    ]
    REQUIRES: ClassVar[dict[str, str]] = {"han after title": r"[\p{Han}\p{Hiragana}\p{Katakana}]"}

    def validate_result(self, pattern_text: str) -> bool | None:
        # After a title a capitalised stop word is a surname ("Dr May", "Mrs Will"); in lower case it is not.
        words = [w.strip(_EDGE_JUNK) for w in pattern_text.split()]
        return False if not words or all((w.lower() in STOP_WORDS and not w[:1].isupper()) or w.lower() in ACRONYMS
                                         or w.lower() in _NEVER_SURNAMES for w in words) else None


class RoleNameRecognizer(RuleRecognizer):
    """Capitalised names after role words: "patient Maria Lopez", "account holder: J. Smith", "my name is ..."."""

    ENTITY = entity_types.PERSON
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "name after role",
            rf"(?=\p{{Lu}})(?<=(?<![\p{{L}}]){_ROLE}[ \t]*:?[ \t]+(?:{_TITLE}\.?[ \t]+)?){_NAME}",
            0.7,
        ),
        Pattern(
            "capitals after role",
            rf"(?=\p{{Lu}})(?<=(?<![\p{{L}}]){_ROLE}[ \t]*:?[ \t]+(?:{_TITLE}\.?[ \t]+)?){_CAPS_NAME}(?![\p{{L}}\d])",
            0.6,
        ),
        Pattern(
            "after contact verbs",
            rf"(?=\p{{Lu}})(?<=(?<![\p{{L}}])(?i:spoke to|spoke with|spoke w/|speaking to|speaking with|talked to|"
            rf"talking to|"
            rf"my name's|name's|on behalf of(?: cx| customer| client)?|cx|the other driver,|executor,|partner,|"
            rf"payee added:|parcel for|case review:|new starter -)[ \t]+){_NAME}",
            0.6,
        ),
        # A name with the birth date or record number that identifies the patient: "Takatifu Simba (DOB 1962-11-30)".
        Pattern("before identifying details", rf"(?<![\p{{L}}])(?=\p{{Lu}})(?!{_ROLE}[ \t]|{_TITLE}\.?[ \t])"
                rf"(?<!(?i:the|a|an|this|that|our|your|my)[ \t]+)"
                rf"(?!(?:The|A|An|This|That|These|Those|Our|Your|My|Each|Every|All|Any)[ \t]){_NAME}"
                rf"(?=[ \t]*[,(][ \t]*(?i:dob|d\.o\.b|born|"
                r"nhs|mrn|hosp(?:ital)? no)(?![\p{L}])"
                # or an age, or a school year and age: "Sverre (Year 9, age 14)", "Ana (aged 7)", "Tom (12 yo)"
                r"|[ \t]*\([ \t]*(?i:aged?[ \t]*\d|\d{1,3}[ \t]*(?:y/?o|yrs?|years?)(?![\p{L}])|"
                r"year[ \t]*\d{1,2}[ \t]*,[ \t]*aged?[ \t]*\d))", 0.6),
        # An airline's passenger name: "FORREST/LAURA MRS", "HOÀNG/JANE MS".
        Pattern("surname/given",
                r"(?<![\p{L}\p{M}/])[\p{Lu}\p{Lo}][\p{Lu}\p{Lo}\p{M}'’\-]+/[\p{Lu}\p{Lo}][\p{Lu}\p{Lo}\p{M}'’\-]*"
                r"(?:[ \t][\p{Lu}\p{Lo}][\p{Lu}\p{Lo}\p{M}'’\-]+)?"
                r"(?=[ \t]+(?:MRS|MR|MS|MISS|MSTR|DR|PROF|MX)(?![\p{L}]))", 0.65),
        # The second of two people greeted or named together: "Hi Diana & Aylin,", "Dear Ji-ho and Do-yun".
        Pattern("second of a pair",
                rf"(?=\p{{Lu}})(?<=(?<![\p{{L}}])(?i:hi|hello|hey|dear|thanks|thank you)[ \t]+\S+[ \t]+(?:&|and)[ \t]+)"
                rf"{_NAME}(?=[ \t]*[,!:\n])", 0.6),
        Pattern("call back",
                rf"(?=\p{{Lu}})(?<=(?<![\p{{L}}])(?i:call|ring|phone|text)[ \t]+){_NAME}(?=[ \t]+back\b)", 0.6),
        # A contact given as name and number: "follow up: White, Angela, 416-259-3829", "jae-won yoon, 010-1129-5214".
        Pattern("before a phone number",
                r"(?<=(?:^|[:;\n])[ \t]*)\p{L}[\p{L}\p{M}'’.\-]*(?:,?[ \t]+\p{L}[\p{L}\p{M}'’.\-]*){0,2}"
                r"(?=,[ \t]+(?:\+\d|\(?0\d|\d{3})[\d ()\-.]{6,18}\d(?!\d))", 0.55),
        # Staff named where they work: "kimberly at the ballarat branch went above and beyond".
        Pattern("at a branch",
                r"(?<=(?:^|[.!?:][ \t]+|\n)[ \t]*)\p{L}[\p{L}\p{M}'’\-]+(?:[ \t]+\p{L}[\p{L}\p{M}'’\-]+)?"
                r"(?=[ \t]+at[ \t]+the[ \t]+[^\n.,]{1,30}?[ \t]+(?:branch|office|store|shop|desk|counter)(?![\p{L}]))",
                0.55),
        # A friend or relative named in lower case: "my mate julia zimmermann might come", "its noor from".
        Pattern("lower case after a relation",
                r"(?<=(?<![\p{L}])(?i:my|our|his|her)[ \t]+(?i:mate|friend|pal|buddy|flatmate|housemate|neighbour|"
                r"neighbor|colleague|brother|sister|cousin|wife|husband|partner|boyfriend|girlfriend|son|daughter|"
                r"mum|mom|dad|boss)[ \t]+|(?<![\p{L}])(?i:hi|hey|hello),?[ \t]+(?i:its|it's|it’s|this is)[ \t]+)"
                r"\p{Ll}[\p{Ll}\p{M}'’\-]+(?:[ \t]+\p{Ll}[\p{Ll}\p{M}'’\-]+)?"
                r"(?=[ \t]+(?:might|may|will|would|is|was|and|who|from|says|said|can|could|has|had|wants)(?![\p{L}])|"
                r"[ \t]*[,.!?])", 0.55),
        # A ward list: "Bed 15: ARUMUGAM Ganesan (21)".
        Pattern(
            "ward list",
            rf"(?=\p{{Lu}})(?<=(?<![\p{{L}}])(?i:bed|bay|cubicle|side room)[ \t]*\d{{1,3}}[A-Za-z]?[ \t]*[:\-–][ \t]*)"
            rf"(?:{_CAPS_NAME}|{_NAME})(?:[ \t]+{_NAME})?(?=[ \t]*\(\d)",
            0.6,
        ),
        # An action in minutes: "- Sibongile: book training for new starters".
        Pattern(
            "action owner",
            rf"(?m)(?=\p{{Lu}})(?<=^[ \t]*[-*•][ \t]*){_NAME}(?=:[ \t]+(?i:to|chase|book|update|review|send|call|"
            r"email|draft|follow|prepare|check|arrange|confirm|share|schedule|organi[sz]e|write|circulate|contact|present)\b)",
            0.6,
        ),
    ]
    REGEX_FLAGS = FLAGS
    REQUIRES: ClassVar[dict[str, str]] = {
        "before identifying details": r"(?i:dob|d\.o\.b|born|nhs|mrn|hosp|age|\d[ \t]*(?:y|yrs|years))",
        "before a phone number": r",[ \t]+[+(0-9]", "at a branch": r"(?i:branch|office|store|shop|desk|counter)"}

    def validate_result(self, pattern_text: str) -> bool | None:
        if not is_plausible_name(pattern_text.replace("/", " ")):
            return False
        if pattern_text.islower() and any(w in STOP_WORDS for w in pattern_text.split()):
            return False
        if not any(ch.islower() for ch in pattern_text):  # in capitals, every word must be able to be a name
            words = [w.strip(_EDGE_JUNK).lower() for w in pattern_text.split()]
            if any(w in STOP_WORDS or w in NOT_NAMES or w in ACRONYMS for w in words if len(w) > 1):
                return False
        return None


_OTHER_SCRIPT_WORD = (r"(?:\p{Hangul}{1,5}|\p{Thai}{2,25}|"
                      r"(?=\p{Han}*[\p{Hiragana}\p{Katakana}])[\p{Hiragana}\p{Katakana}\u30fc\p{Han}]{1,8}|"
                      r"\p{Greek}[\p{Greek}\p{M}]{1,20}|\p{Cyrillic}[\p{Cyrillic}\p{M}]{1,20})")
_OTHER_SCRIPT = regex.compile(r"[\p{Hangul}\p{Thai}\p{Hiragana}\p{Katakana}\p{Greek}\p{Cyrillic}]")
_LATIN = regex.compile(r"\p{Latin}")
_NEXT_LINE_OR_COLUMN = regex.compile(r"\n|[ ]{3}")


class OtherScriptNameRecognizer(RuleRecognizer):
    """In a text written in Latin letters, a short run in another script is almost always a name written as its
    owner writes it ("my mate 서순자 might come", "follow up: 현지 P. 백", "Driver: รมิตา", "あすか"): no
    rule of ours reads those scripts, and a name left in one would pass unmasked. Han characters alone are left to
    the Chinese rules ("身份证" in an English sentence is a word, not a name)."""

    ENTITY = entity_types.PERSON
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("other script", rf"(?<![\p{{L}}\p{{M}}]){_OTHER_SCRIPT_WORD}(?:(?:[ \t]+|\.[ \t]*)(?:\p{{Lu}}\.[ \t]*)?"
                                rf"{_OTHER_SCRIPT_WORD}){{0,2}}(?![\p{{L}}\p{{M}}])", 0.5),
    ]
    REQUIRES: ClassVar[dict[str, str]] = {"other script": _OTHER_SCRIPT.pattern}

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if _OTHER_SCRIPT.search(text) is None:  # most texts: no count needed
            return []
        if len(_LATIN.findall(text)) < 2 * len(_OTHER_SCRIPT.findall(text)):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)


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
        # Addressed after a message heading: "Reminder: Gerd, your appt at …", "Update: Priya, we have …".
        Pattern("vocative after a heading", rf"^[ \t]*\p{{L}}[\p{{L}} ]{{2,20}}:[ \t]+\K{_NAME}"
                r"(?=,[ \t]+(?i:your|you|we|please|thanks|thank you|this is)\b)", 0.6),
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


_PLACE_ACRONYMS = frozenset(["uk", "us", "usa", "uae", "eu", "hk", "prc", "nz", "ksa", "drc", "nyc", "la", "dc"])
_IDENTIFIER_NAMES = frozenset(["national insurance", "social security", "regulation", "medicare", "medicaid"])


def _plausible_organisation(span: str) -> bool:
    """spaCy's ORG without its clinical and log-file mistakes ("QDS", "NHS no.", "HbA1c 66", "INFO payment…")."""
    words = span.split()
    if "\n" in span or any(ch.isdigit() for ch in span) or not words or not span[0].isalpha():
        return False
    # Table cells side by side ("Nationality  Passport"), a heading and its subject ("MINUTES - Risk Committee"),
    # and the names of identifiers ("National Insurance number") are not organisations.
    if "  " in span or " / " in span or span.lower() in _IDENTIFIER_NAMES:
        return False
    if " - " in span and span.split(" - ")[0].isupper():
        return False
    if words[0].lower() in ACRONYMS and len(words) > 1 and words[1].isupper():  # "BIC QNHHFRLV"
        return False
    if len(words) == 1 and (len(span) <= 3 or span.lower() in ACRONYMS or span.lower() in NOT_NAMES):
        return False
    return not all(w.lower().strip(".,") in ACRONYMS or w.lower() in NOT_NAMES for w in words)


def _plausible_group(span: str) -> bool:
    """spaCy's NORP: capitalised adjectives and group names, not lower-case chat words or long compounds."""
    from gateway.pii.lexicon import NATIONALITIES

    words = span.split()
    if not words or "\n" in span or not span[0].isupper() or any(ch.isdigit() for ch in span):
        return False
    return any(w.lower() in NATIONALITIES for w in words) or bool(
        regex.search(r"(?:an|ian|ese|ish|ic|i|ch|ean|ite|ist|ese)$", words[-1].lower()))


class FilteredSpacyRecognizer(SpacyRecognizer):
    """spaCy NER (PERSON, LOCATION) minus its usual mistakes: common and medical words, acronyms, CJK runs.

    In mixed English/Chinese text the English tokenizer glues Chinese characters onto a name ("客户John"), so CJK
    characters at a span's edges are trimmed instead of the span being dropped.
    """

    ENTITIES: ClassVar[list[str]] = [entity_types.PERSON, entity_types.LOCATION, entity_types.ORGANIZATION,
                                     entity_types.NRP, entity_types.DATE]

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
            if (cut := _NEXT_LINE_OR_COLUMN.search(text, start, end)) is not None:  # its label is no name
                end = cut.start()
                while end > start and text[end - 1] in _EDGE_JUNK:
                    end -= 1
            if result.entity_type == entity_types.ORGANIZATION and regex.match(r"(?i:the)[ \t]+", text[start:end]):
                start += regex.match(r"(?i:the)[ \t]+", text[start:end]).end()  # "the Financial Conduct Authority"
            span = text[start:end]
            if not span or _CJK.search(span):
                continue
            if result.entity_type == entity_types.LOCATION and (any(ch.isdigit() or ch == "=" for ch in span)
                                                                or span.lower() in ACRONYMS):
                continue
            # "NIC: …", "15 GB": a short acronym is a place only when it is a known one.
            if result.entity_type == entity_types.LOCATION and span.isupper() and len(span) <= 4 \
                    and span.lower() not in _PLACE_ACRONYMS:
                continue
            if result.entity_type == entity_types.PERSON and not is_plausible_name(span):
                continue
            # A lone capitalised acronym ("DNACPR in notes", "the DSAR") is a term, unless it is a known name
            # written in capitals ("YILDIZ").
            if (result.entity_type in (entity_types.PERSON, entity_types.ORGANIZATION) and " " not in span
                    and span.isupper() and not is_known_name(span)):
                continue
            # spaCy's lower-case ORG is a verb or a common noun ("chase legal on …"), a lower-case PERSON of one word
            # that is no known name a common noun ("our loss adjuster").
            if result.entity_type == entity_types.ORGANIZATION and span[0].islower():
                continue
            if result.entity_type == entity_types.PERSON and span.islower() and " " not in span \
                    and not is_known_name(span):
                continue
            # "last month", "today", "40 mins": spaCy's DATE covers durations and relative days; only dates count.
            if result.entity_type == entity_types.DATE and not _calendar_date(span):
                continue
            if result.entity_type == entity_types.ORGANIZATION and not _plausible_organisation(span):
                continue
            if result.entity_type == entity_types.NRP and not _plausible_group(span):
                continue
            if span.lower() in ACRONYMS or (span.lower() in NOT_NAMES and not (
                    result.entity_type == entity_types.LOCATION and span.lower() in MEDICAL_TERMS)):
                continue
            if EPONYM_AFTER.match(text, end):  # "Glasgow coma scale", "Kawasaki disease"
                continue
            result.start, result.end = start, end
            kept.append(result)
        return kept


_PARTICLE = r"(?:van|von|de|da|di|del|della|le|la|du|dos|bin|binti|al|el|ibn|ter|ten|den|der|mac|mc|o')"
_CAP_WORD = r"\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)?"
_INITIAL = r"\p{Lu}\."
_CAPITALISED_RUN = regex.compile(
    rf"(?<![\p{{L}}\d])(?:{_CAP_WORD}|{_INITIAL})"
    rf"(?:[ \t]{{1,2}}(?:{_PARTICLE}[ \t]+)?(?:{_CAP_WORD}|{_INITIAL})){{1,3}}"
    rf"(?![\p{{L}}\d])"
)
_LOWER_RUN = regex.compile(
    r"(?<![\p{L}\d])\p{Ll}[\p{Ll}\p{M}'’\-]+(?:[ \t]+\p{Ll}[\p{Ll}\p{M}'’\-]+){1,2}(?![\p{L}\d])")
_SELF_CUE = regex.compile(r"(?i:(?<![\p{L}])(?:this is|my name is|my name's|name is|i am|i'm|im|call me)[ \t]+)$")
# Typed in lower case, a name also follows a kin word, a bed number or a request about someone, with or without a
# title: "nok husband abiona fajimi", "bed 4 gerald ray 80yo", "check why francesca cook cant", "letter to miss kokol".
_LOWER_CUED = regex.compile(
    r"(?<![\p{L}])(?:(?i:husband|wife|son|daughter|mother|father|partner|nok|next of kin|bed[ \t]*\d{1,3}[a-z]?|"
    r"check why|see why|find out why|letter to|email to|write to|reply to|dear)[ \t]+)+"
    r"(?:(?P<title>mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?"
    r"(?P<name>\p{Ll}[\p{Ll}\p{M}'’\-]+(?:[ \t]+\p{Ll}[\p{Ll}\p{M}'’\-]+)?)(?![\p{L}\d])")
# A name written in capitals in running text ("CRM NOTE // JON JEFFERSON // ..."): two or three capitalised words.
_CAPS_RUN = regex.compile(r"(?<![\p{L}\d])\p{Lu}[\p{Lu}\p{M}'’\-]+(?:[ \t]+\p{Lu}[\p{Lu}\p{M}'’\-]+){1,2}(?![\p{L}\d])")


def _not_a_name_word(word: str) -> bool:
    """A function word, or a verb or adverb form no given name has ("moving", "jealous" stays: that needs more)."""
    lowered = word.lower()
    return (lowered in STOP_WORDS or lowered in NOT_NAMES or lowered in NATIONALITIES  # "i'm british"
            or (len(lowered) >= 6 and lowered.endswith(("ing", "ed"))))
_SELF_INTRODUCTION = regex.compile(
    r"(?i:(?<![\p{L}])(?:hi|hello|hey|ok|okay|so|yes)?,?[ \t]*"
    r"(?:this is|my name is|my name's|name's|i am|i'm|im|(?<=(?:hey|hi|hiya|hello),?[ \t]+)it'?s)[ \t]+)"
    r"(?P<name>\p{Ll}[\p{Ll}\p{M}'’\-]+(?:[ \t]+\p{Ll}[\p{Ll}\p{M}'’\-]+)?)"
    r"(?=[ \t]*(?:[.,;:!?\n]|[ \t][\-–][ \t]|$|and[ \t]))"
)
_HUMAN_VERB = regex.compile(
    r"^[ \t]+(?:called|phoned|rang|emailed|wrote|said|says|asked|visited|came|reported|confirmed|requested|"
    r"complained|attended|arrived|left|was|is|has|had|will|would|needs|wants|wanted|presented|declined|"
    r"agreed|refused|signed|paid|transferred|opened|closed|lost|moved|lives|works)\b"
)


_STREET_TYPE = regex.compile(
    r"(?i:street|st|road|rd|lane|ln|avenue|ave|drive|dr|court|ct|close|way|place|pl|crescent|terrace|grove|"
    r"gardens|park|hill|square|row|walk|mews|boulevard|blvd|parade|rise|view|green|bridge|cove|ridge|trail|"
    r"circle|highway|house|hall|farm|cottage|lodge|manor|court|centre|center|building|tower|street)"
)


class LexiconNameRecognizer(TextRecognizer):
    """Names the model is unsure of, found with the census name lists (``gateway.pii.lexicon``):

    - a run of two to four capitalised words or initials of which at least one is a known first name or surname
      ("Charity Akinwale", "J. R. Okafor"), none of them a common or clinical word;
    - lower-case words after a self-introduction ("hi, this is jane gibson"), or two lower-case words that are a
      known first name and a known surname ("norman wright");
    - a capitalised word opening a line or sentence and followed by what people do ("Inés called again").
    """

    ENTITIES: ClassVar[list[str]] = [entity_types.PERSON]

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:  # fmt: skip
        from gateway.pii.lexicon import is_first_name, is_known_name, surnames

        if entity_types.PERSON not in entities:
            return []
        found: list[tuple[int, int, float]] = []
        for match in _CAPITALISED_RUN.finditer(text):
            start = match.start()
            pronoun = regex.match(r"I['’](?:m|ve|d|ll)[ \t]+", match.group())  # "I'm Max": the name is Max
            if pronoun:
                start += pronoun.end()
            words = [w for w in regex.findall(r"[\p{L}'’\-]+", text[start:match.end()]) if len(w) > 1]
            # "5 Oak Lane", "Oak Lane": a street, not a person.
            if words and (_STREET_TYPE.fullmatch(words[-1]) or regex.search(r"\d[ \t]*$", text[:start])):
                continue
            if words and is_plausible_name(text[start:match.end()]) and any(is_known_name(w) for w in words) and \
                    not any(w.lower() in NOT_NAMES or w.lower() in ACRONYMS for w in words):
                found.append((start, match.end(), 0.55))
        for match in _LOWER_RUN.finditer(text):
            words = match.group().split()
            before = text[max(0, match.start() - 20):match.start()]
            # Up to the first function word or verb form: "john had given" is John, "moving out" no one.
            words = list(itertools.takewhile(lambda w: not _not_a_name_word(w), words))
            if not words:
                continue
            cued = bool(_SELF_CUE.search(before)) and (len(words) >= 2 or is_known_name(words[0]))
            lexical = len(words) >= 2 and is_first_name(words[0]) and words[-1].lower() in surnames()
            if (cued or lexical) and is_plausible_name(" ".join(words)):
                end = match.start() + len(" ".join(words[:2] if cued else words[:3]))
                found.append((match.start(), end, 0.6 if cued else 0.5))
        for match in _LOWER_CUED.finditer(text):
            words = list(itertools.takewhile(lambda w: not _not_a_name_word(w), match.group("name").split()))
            titled = match.group("title")
            if words and (len(words) >= 2 or titled or is_known_name(words[0])) and is_plausible_name(" ".join(words)):
                found.append((match.start("name"), match.start("name") + len(" ".join(words)), 0.55))
        if any(ch.islower() for ch in text):  # in a text all in capitals every heading would qualify
            for match in _CAPS_RUN.finditer(text):
                words = match.group().split()
                if any(is_known_name(w) for w in words) and not any(
                        w.lower() in NOT_NAMES or w.lower() in ACRONYMS or w.lower() in STOP_WORDS
                        or _STREET_TYPE.fullmatch(w) for w in words):
                    found.append((match.start(), match.end(), 0.5))
        for match in _SELF_INTRODUCTION.finditer(text):
            value = match.group("name")
            # "i'm british": a nationality after "i'm" says who someone is, not their name
            if not any(w in STOP_WORDS or w in NOT_NAMES or w in NATIONALITIES for w in value.split()):
                found.append((*match.span("name"), 0.6))
        for match in regex.finditer(r"(?:^|(?<=[.!?\n][ \t]{0,3}))(\p{Lu}[\p{Ll}\p{M}'’\-]{2,})", text):
            word = match.group(1)
            if word.lower() in NOT_NAMES or word.lower() in ACRONYMS or word.lower() in STOP_WORDS:
                continue
            if _HUMAN_VERB.match(text, match.end(1)) and (is_known_name(word) or not word.isascii()):
                found.append((match.start(1), match.end(1), 0.5))
        return [tagged_result(self, entity_types.PERSON, s, e, score) for s, e, score in found]
