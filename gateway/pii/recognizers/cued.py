"""Identifiers named by a cue, whatever their format: "passport [no.] X", "NINO: X", "PESEL X", "身份证号码为X".

Formats differ by country and issuer and are mistyped in real records, so shape alone misses them and a checksum
cannot decide: here the cue decides, and the value only has to look like an identifier (letters and digits with at
least two digits, optional separators). A cue may also be a question on the line before ("And the postcode?" /
"Customer: UB35 8WS").
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from gateway.pii import entities as e
from gateway.pii.recognizers.rule import TextRecognizer, tagged_result

CUES: dict[str, str] = {
    # "passport card" (the US wallet-sized one), "travel doc" as staff shorten it.
    e.PASSPORT_NUMBER: r"passports?(?:[ \t\-]+card)?(?:[ \t]+(?:no\.?|number|num|#|id))?"
                       r"|travel doc(?:ument)?(?:[ \t]+(?:no\.?|number|#))?"
                       r"|护照(?:号码|号)?|通行证(?:号码|号)?",
    e.NATIONAL_ID: r"national[ \t]+insurance(?:[ \t]+(?:number|no\.?|#))?|ni[ \t]+(?:number|no\.?)|nino|"
                   r"social[ \t]+insurance[ \t]+(?:number|no\.?)|(?<![\p{L}])sin(?:[ \t]+(?:number|no\.?))?|aadhaar|"
                   r"aadhar|pesel|cpf|curp|rfc|codice[ \t]+fiscale|dni|nie|nif|bsn|burgerservicenummer|"
                   r"personnummer|personal identity number|henkilötunnus|hetu|tckn|t\.?c\.?[ \t]+kimlik(?:[ \t]+no)?|"
                   r"insee|nric|fin|ppsn|pps[ \t]+(?:number|no\.?)|tax[ \t]+(?:id|identification|file|reference)"
                   r"(?:[ \t]+(?:number|no\.?))?|tin|tfn|ird[ \t]+(?:number|no\.?)|utr|"
                   r"national[ \t]+(?:id|identity|identification)(?:[ \t]+(?:card|number|no\.?))*|"
                   r"(?:id|identity|identification)[ \t]+(?:card[ \t]+)?(?:number|no\.?|#)|id[ \t]*#|"
                   r"resident[ \t]+(?:id|identity)(?:[ \t]+(?:card|number|no\.?))*|citizen[ \t]+(?:id|number)|"
                   r"身份证(?:号码|号)?|公民身份号码|证件(?:号码|号)|居民身份证(?:号码|号)?|社保卡号|社会保障号(?:码)?|"
                   r"nin|hkid|taj(?:[ \t]+(?:number|no\.?))?|rodné[ \t]+číslo|rodne[ \t]+cislo|"
                   r"numéro[ \t]+de[ \t]+sécurité[ \t]+sociale|n°[ \t]*de[ \t]+sécurité[ \t]+sociale|nir|"
                   r"ahv(?:[ \-]?(?:number|no\.?|nr\.?|nummer))?|avs|svnr|sv-?nummer|sozialversicherungsnummer|"
                   r"versicherungsnummer|rijksregisternummer|rijksregister|insz|steuer-?id|"
                   r"emirates[ \t]+id|iqama|mykad|"
                   # Korean resident registration and Danish CPR numbers ("RRN 531125-1509468", "CPR number: …").
                   r"rrn|resident[ \t]+registration[ \t]+(?:number|no\.?)|cpr(?:[ \t]+(?:number|no\.?|nr\.?))?|"
                   r"nik|ktp|cnic|nid|ghana[ \t]+card|kra[ \t]+pin|omang|id[ \t]+number|identity[ \t]+no\.?|"
                   # The number of an identity document whatever its kind ("document number", "ID doc no.").
                   r"(?<!travel[ \t])(?:(?:id|identity)[ \t]+)?doc(?:ument)?[ \t]*(?:no\.?|number|#)|"
                   r"(?:id|identity)[ \t]+doc(?:ument)?|"
                   r"id(?![\-/])",
    e.US_DRIVER_LICENSE: r"driv(?:er'?s?|ers’|ing)[ \t]+(?:licen[cs]e|lic\.?|permit)(?:[ \t]+(?:number|no\.?|#|id))?|"
                         r"(?-i:DLN)|"
                         r"(?<![\p{L}])dl(?:[ \t]*(?:#|no\.?|number))?|licen[cs]e[ \t]+(?:number|no\.?|#)|"
                         r"驾驶证(?:号)?",
    # Hospitals name their record numbers many ways (US MRN and chart, UK hospital and unit number, Australian UR
    # number, New Zealand NHI, Canadian PHN and health card, EMR/EHR IDs); the short ones count only in capitals
    # (``_CAPITALS_ONLY``, checked after the match: a case-sensitive group here would slow the whole search).
    e.MEDICAL_RECORD_NUMBER: r"mrns?|medical[ \t]+records?(?:[ \t]+(?:numbers?|no\.?|#))?"
                             r"|med\.?[ \t]*rec\.?(?:[ \t]*(?:number|no\.?|#))?|mr[ \t]*(?:#|number|no\.?)"
                             r"|hosp(?:ital)?\.?[ \t]*(?:numbers?|nos?\.?|id|#"
                             r"|reg(?:istration)?\.?[ \t]+(?:number|no\.?))"
                             r"|nhs[ \t]+(?:number|no\.?)|chi[ \t]+(?:number|no\.?)|chi(?![\-/])"
                             r"|patient[ \t]+(?:id|number|no\.?|#)|patient|pt[ \t]+(?:id|number|no\.?|#)|pid(?![\-/])"
                             r"|unit[ \t]+(?:number|no\.?)|ur[ \t]+(?:number|no\.?)|urn?(?![\-/])"
                             r"|nhi[ \t]+(?:number|no\.?)|nhi(?![\-/])|emr[ \t]*(?:id|number|no\.?|#)"
                             r"|ehr[ \t]*(?:id|number|no\.?|#)|epr[ \t]*(?:id|number|no\.?|#)"
                             r"|phn(?![\-/])|ihi(?![\-/])|ohip(?![\-/])|k[ \t]+number"
                             r"|health[ \t]+(?:record|card)[ \t]+(?:number|no\.?)|medicare[ \t]+(?:number|no\.?)|"
                             r"chart(?:[ \t]+(?:number|no\.?|#))?|records?(?:[ \t]+(?:number|no\.?|#))?"
                             # Flat alternatives, each led by its own word: a group of leading words defeats the
                             # search's literal prefix scan and costs several times more.
                             + "".join(rf"|{word}[ \t]+(?:number|no\.?|#|id)" for word in (
                                 "case", "clinic", "registration", "admission", "episode", "encounter", "visit",
                                 "folder"))
                             + "".join(rf"|{word}[ \t]+(?:file|folder|ref(?:erence)?)(?:[ \t]+(?:number|no\.?))?"
                                       for word in ("hospital", "patient", "medical"))
                             + r"|uhid|ip[ \t]+(?:number|no\.?)|op[ \t]+(?:number|no\.?)|cr[ \t]+(?:number|no\.?)"
                             r"|病历号|住院号|门诊号|病案号|就诊卡号|医保卡号|id[ \t]?号(?:码)?",
    e.ACCOUNT_NUMBER: r"account(?:[ \t]+(?:number|no\.?|#))?|acct(?:[ \t]+(?:no\.?|#))?|a/c|"
                      r"(?:customer|cust|client|member|membership|policy|policyholder)[ \t]*(?:number|no\.?|#|id|ref)|"
                      r"policy|保单号|客户号|会员号|"
                      r"账号|帐号|账户|帐户|对公账户|收款账号",
    e.US_SSN: r"ssn|social[ \t]+security(?:[ \t]+(?:number|no\.?|#))?|soc\.?[ \t]?sec\.?(?:[ \t]+(?:no\.?|#))?",
    e.CREDIT_CARD: r"(?:credit|debit|bank|payment|visa|mastercard|amex|card)[ \t]+(?:card[ \t]+)?"
                   r"(?:number|no\.?|#)|card|cards|pan|卡号|银行卡|信用卡|借记卡|储蓄卡",
    e.POSTAL_CODE: r"zip(?:[ \t]?code)?|postcode|post[ \t]+code|postal[ \t]+code|eircode|pin[ \t]?code|pc|"
                   r"kod[ \t]+pocztowy|postnummer|postnr\.?|postal[ \t]+district|c[óo]digo[ \t]+postal|"
                   r"cep|plz|postleitzahl|npa|code[ \t]+postal|c\.p\.|posta[ \t]+kodu|irányítószám|"
                   r"cod[ \t]+po[sș]tal|p/code|postinumero|pincode|psč|(?-i:PIN|CAP|C\.A\.P\.|CP)|"
                   # "your site says you deliver to 3857 only": an area served, given by its code.
                   r"deliver(?:s|ing|y)?[ \t]+to|邮编|邮政编码|〒",
    # "was called on 766 711 729", "rang her at …", "text me on …": a call's number after the verb.
    e.PHONE_NUMBER: r"phone|telephone|tel|mobile|cell|cellphone|landline|fax|whatsapp|call[ \t]+me(?:[ \t]+back)?|"
                    r"(?:called|call|rang|ring|phoned|texted|text|dialled|dialed|reached)(?:[ \t]+(?:me|him|her|them|"
                    r"us|back|mum|dad))?[ \t]+(?:on|at)|(?:called|rang|phoned|dialled|dialed|tried)|"
                    r"(?:contacted|contactable|reachable|reached)[ \t]+(?:on|at)|"
                    r"reach[ \t]+me|contact[ \t]+(?:number|no\.?)|电话|手机|座机|联系方式|致电",
}
# The shape of an identifier value: letters and digits (two digits at least), in up to six groups.
_ID = (r"(?=(?:[^\d\n]{0,20}\d){2})[A-Za-z0-9]{1,24}(?:[.\-/][A-Za-z0-9]{1,14}|[ ](?:[A-Za-z]*\d[A-Za-z0-9]*"
       r"|(?-i:[A-Z]{1,2}))(?![A-Za-z])){0,7}(?:\([A-Za-z0-9]\))?")
"""Letters and digits (two digits at least); groups joined by . - / or, when they hold a digit or are one or two
capitals, by a space ("JM 098562 C", "YX 26 10 09 A"), so a following word is never taken."""
_POSTCODE = (r"(?:〒[ \t]?\d{3}-?\d{4}|\d{3}-\d{4}|(?-i:[A-Z]{1,2})-\d{4,5}|"  # Japan; "A-4641", "CH-8001"
             r"[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]?\d[A-Za-z]{2}|[A-Za-z]\d[A-Za-z][ \t\-]?\d[A-Za-z]\d|"
             r"\d{5}(?:-\d{3,4})?|"
             r"\d{3}[ \t]?\d{3}|\d{4}[ \t]?[A-Za-z]{2}|\d{4,6}|[A-Za-z]\d{2}[ \t]?[A-Za-z0-9]{4}|"
             r"\d{2}-\d{3}|\d{3}[ \t]\d{2})")  # Polish "00-950", Swedish and Czech "114 55"
_PHONE = (r"(?:\+?\(?\d[\d ().\-]{5,20}\d|0\d{2,4}[ ]?/[ ]?\d{5,8})"  # "0341 / 728680": area code / number
          r"(?:[ \t]?(?:x|ext\.?)[ \t]?\d{1,6})?")
_VALUES: dict[str, str] = {e.POSTAL_CODE: _POSTCODE, e.PHONE_NUMBER: _PHONE}
# Between cue and value: a few filler words and punctuation ("number is", "no.", ":", "#", "on file is", "为").
_GAP = (r"(?:[ \t]*(?:[:：=#\-,(|)]|is|was|are|of|on|at|on file|given|provided|number|no\.?|reads|shows|should|"
        r"home|work|"
        r"actually|be|now|changed to|updated to|to|为|是|：)"
        r"[ \t]*|[ \t]+){0,4}[\"'(#]*")
# A question on one line, the answer at the start of the next (after a speaker label or a bullet).
_ANSWER = (r"(?:[^\n?？]{0,40}[?？][ \t]*\n[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*)?"
           r"(?:[-*•>][ \t]*|[A-Za-z][A-Za-z0-9 ]{0,12}[ \t]*:[ \t]*)?"
           r"(?:(?:um|uh|er|erm|so|yeah|yep|yes|ok|okay|sure|right|the|it'?s|its|it[ \t]+(?:is|was)|that'?s|"
           r"that[ \t]+is)"
           r"[,.:]?[ \t]+)*"
           r"|[^\n?？]{0,40}[?？]?[ \t]*\n[ \t]*(?:客户|来电人|患者|用户|本人|[A-Z][a-z]{1,12})[ \t]*[:：]"
           r"[^\d\n]{0,30}?)")


_DIGIT = regex.compile(r"\d")
# Versions and the last digits of a number shown as such are not identifiers in full.
_NOT_A_VALUE = regex.compile(r"(?i:v\d+(?:\.\d+)+$|(?:ending|ends|ending in|last(?:[ \t]+(?:\d|four|digits?))*|xx+|\*+)"
                            r"[ \t]*\d{2,4}$)")


_DAY_OR_MONTH = r"(?:0?[1-9]|[12]\d|3[01])"
YEARS_OR_DATE = regex.compile(rf"(?:19|20)\d{{2}}[\-/](?:(?:19|20)?\d{{2}}|{_DAY_OR_MONTH}[\-/]{_DAY_OR_MONTH})"
                              rf"|{_DAY_OR_MONTH}[\-/.]{_DAY_OR_MONTH}[\-/.](?:19|20)?\d{{2}}")
"""A range of years or a date written with separators ("2023-2024", "12-05-2023"): no record number."""


# Short cues that are words or syllables in lower case ("ur", "id", "chi", "mr"): only their capitals are cues, and a
# bare "ID" only where no word stands just before it ("Employee ID" names another number).
_CAPITALS_ONLY = frozenset({"chi", "pid", "ur", "urn", "nhi", "phn", "ihi", "ohip", "id", "mr"})
# Cue words that also start prose or name other things: after them a value must look like a record number.
# "patient" alone: a number right after it is the patient's ("Patient 7719204 was discharged"), if it is long.
_WEAK_CUE = regex.compile(r"(?i)records?(?:[ \t]+(?:number|no\.?|#))?|chart|urn?|pid|id|nhi|chi|phn|ihi|ohip|patient|"
                          r"(?:(?:id|identity)[ \t]+)?doc(?:ument)?[ \t]*(?:no\.?|number|#)|"
                          r"(?:case|clinic|registration|admission|episode|encounter|visit|folder|file)[ \t]+\S+|"
                          r"k[ \t]+number|"
                          r"(?:hospital|patient|medical)[ \t]+(?:file|folder|ref(?:erence)?).*|(?:ip|op|cr)[ \t]+\S+|"
                          r"unit[ \t]+\S+|ur[ \t]+\S+")


def _record_number(value: str) -> bool:
    """A record number's cue words ("record", "chart", "UR") also start prose ("record 2023 sales", "chart 12"):
    after them a number needs five digits, or four beside letters ("QPP7815"), and is not a date or a range of
    years ("record 2023-2024")."""
    if YEARS_OR_DATE.fullmatch(value):
        return False
    digits = sum(ch.isdigit() for ch in value)
    return digits >= 5 or (digits == 4 and any(ch.isalpha() for ch in value))


def _pattern(entity: str, *, answer_only: bool = False) -> regex.Pattern[str]:
    value = _VALUES.get(entity, _ID)
    between = _ANSWER if answer_only else f"{_GAP}|{_ANSWER}"
    return regex.compile(
        rf"(?i)(?<![A-Za-z])(?P<cue>{CUES[entity]})(?-i:(?![a-z]))(?:{between})(?P<value>{value})(?![A-Za-z0-9])"
        rf"(?P<more>(?:[ \t]*(?:,|and|or|&|/)[ \t]*[#(]?[ \t]*{value}(?![A-Za-z0-9])){{0,4}})",
        regex.VERSION1,
    )


_CORRECTION = regex.compile(r"(?i)(?<![a-z])(?:but|or|actually|sorry|no|i[ \t]+mean|rather|instead|correction|"
                            r"might[ \t]+be|maybe|now|changed|moved|updated|previously|new[ \t]+one|old[ \t]+one)"
                            r"(?![a-z])")


def _corrections(text: str, value: tuple[int, int]) -> list[tuple[int, int]]:
    """A value of the same shape later on the line, after a correction ("it was D02 H9L7 but we moved, so it might
    be D02 H4N7", "12345678, sorry, 12345687"): the same kind of identifier, given again. Five characters at least,
    so that a short number (an amount, a year) is never taken by shape alone."""
    start, end = value
    if end - start < 5:
        return []
    shape = "".join(r"\d" if ch.isdigit() else "[A-Za-z]" if ch.isalpha() else regex.escape(ch)
                    for ch in text[start:end])
    line_end = text.find("\n", end)
    stop = min(end + 100, len(text) if line_end < 0 else line_end)
    found = []
    for match in regex.finditer(rf"(?<![A-Za-z0-9]){shape}(?![A-Za-z0-9])", text[:stop], pos=end):
        if _CORRECTION.search(text, end, match.start()):
            found.append(match.span())
    return found


def _values(match: regex.Match[str], entity: str) -> list[tuple[int, int]]:
    """The value after the cue, and any further ones listed after it ("passports #X and #Y")."""
    spans = [match.span("value")]
    more_start, more_end = match.span("more")
    if more_end > more_start:
        value = regex.compile(_VALUES.get(entity, _ID).replace("(?=(?:[^\\d\\n]{0,20}\\d){2})", ""),
                              regex.IGNORECASE | regex.VERSION1)
        for extra in value.finditer(match.string, more_start, more_end):
            first = regex.match(r"[A-Za-z0-9]+", extra.group())
            if first and (any(ch.isdigit() for ch in first.group()) or first.group().isupper()):
                spans.append(extra.span())
    return spans


class CuedIdentifierRecognizer(TextRecognizer):
    ENTITIES: ClassVar[list[str]] = list(CUES)
    SCORES: ClassVar[dict[str, float]] = {e.ACCOUNT_NUMBER: 0.8, e.CREDIT_CARD: 0.8, e.PHONE_NUMBER: 0.7,
                                          e.POSTAL_CODE: 0.8}

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language)
        self._patterns = {entity: _pattern(entity) for entity in CUES}
        self._answers = {entity: _pattern(entity, answer_only=True) for entity in CUES}

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:  # fmt: skip
        if _DIGIT.search(text) is None:  # every value shape holds a digit (``_ID``, ``_POSTCODE``, ``_PHONE``)
            return []
        results = []
        for entity in entities:
            pattern = self._patterns.get(entity)
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                spans = self._accepted(match, entity)
                if not spans and "\n" in text[match.end():match.end() + 80]:
                    # The words after the cue were no value ("patient id for bed 12?"): the answer may be on the
                    # next line, which the first alternative hid.
                    answer = self._answers[entity].match(text, match.start())
                    spans = self._accepted(answer, entity) if answer else []
                if spans:
                    spans += _corrections(text, spans[-1])
                results += [tagged_result(self, entity, start, end, self.SCORES.get(entity, 0.9))
                            for start, end in spans]
        return results

    @staticmethod
    def _accepted(match: regex.Match[str], entity: str) -> list[tuple[int, int]]:
        text = match.string
        cue = match.group("cue")
        head = regex.match(r"[A-Za-z]+", cue)
        word = head.group() if head is not None else ""
        if (word == cue or word.lower() == "mr") and word.lower() in _CAPITALS_ONLY and (
                not word.isupper()
                or (cue == "ID" and regex.search(r"\p{L}[ \t]{0,3}$", text[max(0, match.start() - 4):match.start()]))):
            return []
        spans = []
        for start, end in _values(match, entity):
            value = text[start:end].rstrip(" .-/")
            end = start + len(value)
            if entity == e.CREDIT_CARD and not 12 <= sum(ch.isdigit() for ch in value) <= 19:
                continue
            if entity != e.POSTAL_CODE and sum(ch.isdigit() for ch in value) < 2:
                continue
            if _WEAK_CUE.fullmatch(match.group("cue")) and not _record_number(value):
                continue
            if _NOT_A_VALUE.match(value):  # "policy (v5.1)", "account ending 3230"
                continue
            if entity == e.PHONE_NUMBER and YEARS_OR_DATE.fullmatch(value):  # "tried 2024-05-01"
                continue
            spans.append((start, end))
        return spans


__all__ = ["CUES", "YEARS_OR_DATE", "CuedIdentifierRecognizer"]
