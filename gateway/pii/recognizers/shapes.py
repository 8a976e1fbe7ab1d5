"""Identifiers by their shape, confirmed by a word nearby: Presidio's own design for numbers whose format varies.

A passport, driving-licence, record or account number has no checksum and a different format per issuer; the cue
recognizer (``cued.py``) takes the value right after its label, but records also say "presented a German passport,
expiry 2025, number X" or "NHS 943 476 5919". Here each type has broad shapes at a low score that the context step
(``gateway.pii.context.WindowContextEnhancer``) raises above the masking threshold only when one of the type's
context words occurs within 40 characters before or 16 after. A few shapes are distinctive enough to stand alone
(a codice fiscale, a formatted CPF, a UK National Insurance number, a full UK or Canadian postcode).
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from gateway.pii import entities
from gateway.pii.recognizers.checksums import digits_only, nhs_number_valid
from gateway.pii.recognizers.cued import YEARS_OR_DATE
from gateway.pii.recognizers.rule import FLAGS, RuleRecognizer

_NOT_ALNUM_BEFORE = r"(?<![A-Za-z0-9\-/.])"
_NOT_ALNUM_AFTER = r"(?![A-Za-z0-9]|[\-/.][A-Za-z0-9])"


def _bounded(pattern: str) -> str:
    return _NOT_ALNUM_BEFORE + pattern + _NOT_ALNUM_AFTER


class PassportShapeRecognizer(RuleRecognizer):
    ENTITY = entities.PASSPORT_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("letters and digits", _bounded(r"[A-Z]{1,3}[0-9]{6,9}[A-Z]?|[A-Z0-9]{2}[0-9][A-Z0-9]{5,7}"), 0.2),
        Pattern("digits", _bounded(r"[0-9]{8,10}"), 0.15),
    ]
    CONTEXT: ClassVar[list[str]] = ["passport", "travel document", "护照", "通行证", "pasaporte", "passeport",
                                    "reisepass"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return False if len(digits_only(pattern_text)) < 5 else None


class DriverLicenseShapeRecognizer(RuleRecognizer):
    ENTITY = entities.US_DRIVER_LICENSE
    PATTERNS: ClassVar[list[Pattern]] = [
        # Florida-style groups end in a single check digit ("W312-017-13-609-4").
        Pattern("letter and groups", _bounded(r"[A-Z][0-9]{2,4}(?:[ \-]?[0-9]{2,4}){2,4}(?:-[0-9])?"), 0.2),
        Pattern("letters and digits", _bounded(r"[A-Z]{1,3}[0-9]{4,14}|[0-9]{1,3}[A-Z]{1,3}[0-9]{3,8}"), 0.2),
        Pattern("digit groups",
                _bounded(r"[0-9]{3}[ \-][0-9]{3}[ \-][0-9]{3,4}|[0-9]{2}[ \-][0-9]{3}[ \-][0-9]{3}"), 0.15),
        Pattern("digits", _bounded(r"[0-9]{7,12}"), 0.15),
    ]
    CONTEXT: ClassVar[list[str]] = ["driver", "licence", "license", "dl", "dl#", "driving", "lic", "permit", "驾驶证"]


class MedicalRecordShapeRecognizer(RuleRecognizer):
    """Record numbers near a record cue; an NHS number (ten digits with a valid mod-11 check) even without one."""

    ENTITY = entities.MEDICAL_RECORD_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("prefixed number", _bounded(r"[A-Z]{1,4}[ \-]?[0-9]{4,12}"), 0.2),
        Pattern("number", _bounded(r"[0-9]{5,12}"), 0.15),
        Pattern("nhs groups", _bounded(r"[0-9]{3}[ \-][0-9]{3}[ \-][0-9]{4}"), 0.2),
        # Trailing check letters ("7721463E") and hyphenated groups ("MR-3447-9111").
        Pattern("letters around digits",
                _bounded(r"[A-Z]{0,3}[0-9]{5,12}[A-Z]{1,2}"
                         r"|[A-Z]{0,4}-?[0-9]{2,6}(?:-[0-9]{2,8}){1,3}(?:-[A-Z]{1,2})?"), 0.2),
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        # The check digit makes an NHS number likely enough alone; 0.55 rather than certain, since one random
        # ten-digit number in eleven passes it. A range of years or a date ("record 2023-2024") is no record number.
        if len(digits_only(pattern_text)) < 5 or YEARS_OR_DATE.fullmatch(pattern_text):
            return False
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            if nhs_number_valid(text[result.start:result.end]):
                result.score = max(result.score, 0.55)
        return results
    CONTEXT: ClassVar[list[str]] = ["mrn", "mrns", "medical record", "hospital no", "hospital number",
                                    "hospital numbers", "hosp no", "nhs", "chi", "nhi", "urn", "uhid", "records",
                                    "patient id", "patient no", "patient number", "record", "unit number", "ur number",
                                    "medicare", "health card", "病历", "住院号", "门诊号", "病案", "就诊卡"]


_BRANCH_CODE_BEFORE = regex.compile(r"(?i:sort[ \t\-]?code|routing(?:[ \t]+(?:number|no\.?))?|aba|bsb|ifsc|"
                                    r"transit)[ \t]*[:#=(]?[ \t]*$")


# An amount ("£12500000", "12500000.00"), a date run together ("20240131") or a run glued to a decimal point.
_NOT_AN_IDENTIFIER = regex.compile(
    r"[$£€¥₹₦]\s?\d|\d[.,]\d|\d\s?(?:[$£€¥₹₦]|eur|usd|gbp|元)|(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"(?!\d)", regex.IGNORECASE)


# A quantity: the number of something ("123456789 customers", "12000000 rows").
_COUNTED = regex.compile(r"[ \t]+\p{Ll}{2,}s(?![\p{L}])")


class AccountShapeRecognizer(RuleRecognizer):
    ENTITY = entities.ACCOUNT_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("digits", _bounded(r"[0-9]{6,20}"), 0.15),
        Pattern("digit groups", _bounded(r"[0-9]{2,6}(?:[ \-][0-9]{2,8}){1,4}"), 0.15),
        # A run of seven or more digits standing alone, which no other recognizer explains, is some customer's
        # number (an account, a policy, a member or order number): masked without a cue.
        Pattern("long digit run", _bounded(r"[0-9]{7,20}(?:-[0-9]{2,4})?"), 0.5),
    ]
    CONTEXT: ClassVar[list[str]] = ["account", "accounts", "acct", "a/c", "acc no", "bank", "banking", "checking",
                                    "savings", "debit", "deposit", "sort code", "bsb", "routing", "nuban", "账号",
                                    "账户", "帐号", "帐户", "开户行"]

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        # A sort code, routing or BSB number is the bank's branch, not the customer's account.
        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags)
                if not _BRANCH_CODE_BEFORE.search(text, max(0, r.start - 20), r.start)
                and not (r.score >= 0.5 and (_NOT_AN_IDENTIFIER.search(text[max(0, r.start - 4):r.end + 3])
                                             or _COUNTED.match(text, r.end)))]

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = digits_only(pattern_text)
        return False if not 6 <= len(digits) <= 20 or len(set(digits)) == 1 else None


class NationalIdShapeRecognizer(RuleRecognizer):
    ENTITY = entities.NATIONAL_ID
    PATTERNS: ClassVar[list[Pattern]] = [
        # Distinctive enough alone: codice fiscale, formatted CPF, UK National Insurance number.
        Pattern("codice fiscale", _bounded(r"[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z]"
                                           r"[0-9LMNPQRSTUV]{3}[A-Z]"), 0.6),
        Pattern("cpf", _bounded(r"[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}"), 0.6),
        Pattern("nino", _bounded(r"(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?"
                                 r"[0-9]{2} ?[A-D]"), 0.6),
        # India's PAN: five letters (the fourth names the holder's kind: P a person, C a company ...), four digits,
        # a letter.
        Pattern("pan", _bounded(r"[A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z]"), 0.6),
        # Need a cue: SIN / Aadhaar / PESEL / DNI / NIE / BSN / personnummer / TCKN and other digit runs.
        Pattern("digit groups", _bounded(r"[0-9]{3}[ \-][0-9]{3}[ \-][0-9]{3}|[0-9]{4} [0-9]{4} [0-9]{4}|"
                                         r"[0-9]{6}[\-+][0-9]{4}|[0-9]{6}[\-A+][0-9]{3}[0-9A-Z]"), 0.2),
        Pattern("letters and digits", _bounded(r"[XYZ]?[0-9]{7,8}[A-Z]|[A-Z]{1,2}[0-9]{6,8}[A-Z]?"), 0.2),
        Pattern("digits", _bounded(r"[0-9]{9,13}"), 0.15),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "national insurance", "nino", "ni number", "social insurance", "sin", "aadhaar", "aadhar", "pesel", "cpf",
        "curp", "codice fiscale", "dni", "nie", "nif", "bsn", "personnummer", "personal identity", "hetu",
        "henkilötunnus", "tckn", "kimlik", "insee", "nric", "ppsn", "pps", "tax id", "tax file", "tin", "tfn", "ird",
        "utr", "national id", "identity number", "id number", "id card", "id no", "identification", "rrn", "cpr",
        "permanent account number", "income tax", "身份证",
        "证件", "社保", "社会保障",
    ]


_UK_POSTCODE = r"(?:[A-Z]{{1,2}}[0-9][A-Z0-9]?|GIR){space}[0-9][ABD-HJLNP-UW-Z]{{2}}"
_CA_POSTCODE = r"[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z]{space}[0-9][ABCEGHJ-NPRSTV-Z][0-9]"
# An ordinal or a time after a short code ("b2 3rd", "m4 5th") is prose.
_ORDINAL_END = regex.compile(r"(?i)[0-9](?:st|nd|rd|th)$")


class PostalCodeRecognizer(RuleRecognizer):
    ENTITY = entities.POSTAL_CODE
    PATTERNS: ClassVar[list[Pattern]] = [
        # A full UK or Canadian postcode in capitals, written with its space, stands alone (above the policies'
        # usual 0.5); run together, hyphenated or in lower case it needs a cue, except a Canadian one with its
        # space, whose letter-digit alternation prose does not produce.
        Pattern("uk, spaced", _bounded(_UK_POSTCODE.format(space=" ")), 0.55),
        Pattern("uk", _bounded(_UK_POSTCODE.format(space="")), 0.45),
        Pattern("uk, any case", _bounded("(?i:" + _UK_POSTCODE.format(space=" ?") + ")"), 0.3),
        Pattern("canada, spaced", _bounded(_CA_POSTCODE.format(space=" ")), 0.55),
        Pattern("canada", _bounded(_CA_POSTCODE.format(space="-?")), 0.45),
        Pattern("canada, any case, spaced", _bounded("(?i:" + _CA_POSTCODE.format(space=" ") + ")"), 0.5),
        Pattern("canada, any case", _bounded("(?i:" + _CA_POSTCODE.format(space="-?") + ")"), 0.3),
        Pattern("eircode", _bounded(r"(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}"), 0.3),
        # Written with its space and a unique identifier mixing letters and digits ("D02 H4N7"), an Eircode
        # is distinctive without a cue.
        Pattern("eircode, spaced", _bounded(r"(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W) (?=[0-9AC-FHKNPRTV-Y]{0,3}[A-Z])"
                                            r"(?=[0-9AC-FHKNPRTV-Y]{0,3}[0-9])[0-9AC-FHKNPRTV-Y]{4}"), 0.45),
        Pattern("zip", _bounded(r"[0-9]{5}(?:-[0-9]{4})?"), 0.15),
        Pattern("four or six digits",
                _bounded(r"[0-9]{4}(?: ?[A-Z]{2})?|[0-9]{6}|[0-9]{3} ?[0-9]{3}|[0-9]{2}-[0-9]{3}"), 0.1),
    ]
    CONTEXT: ClassVar[list[str]] = ["postcode", "post code", "postal code", "zip", "zipcode", "eircode", "pin code",
                                    "邮编", "邮政编码", "code postal", "plz", "cep", "cap"]
    REGEX_FLAGS = FLAGS

    def validate_result(self, pattern_text: str) -> bool | None:
        return False if not pattern_text.isupper() and _ORDINAL_END.search(pattern_text) else None


__all__ = [
    "AccountShapeRecognizer",
    "DriverLicenseShapeRecognizer",
    "MedicalRecordShapeRecognizer",
    "NationalIdShapeRecognizer",
    "PassportShapeRecognizer",
    "PostalCodeRecognizer",
]
