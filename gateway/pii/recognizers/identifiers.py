"""Structured identifiers: e-mail, phone, card, IBAN, SSN, account and record numbers, IP addresses, URLs."""

from __future__ import annotations

import ipaddress
from typing import ClassVar

import regex
import tldextract
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import CryptoRecognizer

from gateway.pii import entities
from gateway.pii.recognizers.checksums import IBAN_LENGTHS, digits_only, iban_valid, luhn_valid
from gateway.pii.recognizers.rule import FLAGS, FLAGS_ICASE, RuleRecognizer

# The bundled public-suffix snapshot only: no cache directory, no download URL, so never a network call.
OFFLINE_TLD_EXTRACT = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)

_DATE_LIKE = regex.compile(r"^(?:\d{4}[ .\-]\d{1,2}[ .\-]\d{1,2}|\d{1,2}[ .\-]\d{1,2}[ .\-]\d{4})$")
_THOUSANDS = regex.compile(r"^[1-9]\d{0,2}(?:[ .,]\d{3})+$")
_COMMA_THOUSANDS = regex.compile(r"^[1-9]\d{0,2}(?:[.,]\d{3})+$")
_CARD_PREFIX = regex.compile(r"^(?:[2-6]|1800|2131|35)")
_LIST_JOIN = r"[ \t]*(?:[;,/|]|or|and|&)[ \t]*"
_EMAIL_BEFORE = regex.compile(r"[A-Za-z0-9._%+\-]@[A-Za-z0-9.\-]+\.[A-Za-z]{2,24}" + _LIST_JOIN + r"\Z",
                              regex.IGNORECASE)
_EMAIL_AFTER = regex.compile(_LIST_JOIN + r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]", regex.IGNORECASE)
_CARD_LIKE = regex.compile(r"^\d{4}[ \-]\d{4}[ \-]\d{4}[ \-]\d{1,7}$")


class EmailAddressRecognizer(RuleRecognizer):
    ENTITY = entities.EMAIL_ADDRESS
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "email",
            r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,62}[A-Za-z0-9_%+\-])?"
            r"@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-])",
            0.5,
        )
    ]
    CONTEXT: ClassVar[list[str]] = ["email", "e-mail", "mail", "邮箱", "邮件"]

    def validate_result(self, pattern_text: str) -> bool:
        return OFFLINE_TLD_EXTRACT(pattern_text.rsplit("@", 1)[1]).suffix != ""


class PhoneNumberRecognizer(RuleRecognizer):
    """Phone numbers in North American, international (+/00) and grouped national formats."""

    ENTITY = entities.PHONE_NUMBER
    _LEAD = r"(?<![0-9A-Za-z+\-/.]|\d,)"  # a comma after a digit is a thousands separator; after text, a list
    _TRAIL = r"(?![0-9A-Za-z]|[.\-/,][0-9])"
    _EXT = r"(?:\s?(?:x|ext\.?|extn\.?|extension|转|分机)\s?\d{1,6})?"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "north american",
            _LEAD + r"(?:(?:\+?1|001)[ .\-]?)?(?:\(\d{3}\)\s?|\d{3}[ .\-])\d{3}[ .\-]\d{4}" + _EXT + _TRAIL,
            0.6,
        ),
        Pattern(
            "international",
            _LEAD
            # The national number after the country code may come in one piece ("00385 976050400").
            + r"(?:\+[1-9]\d{0,2}[ .\-]?|00[1-9]\d{0,2}[ .\-])(?:\(0?\d{1,4}\)[ .\-]?)?\d{1,10}(?:[ .\-]\d{1,8}){0,5}"
            + _EXT
            + _TRAIL,
            0.6,
        ),
        Pattern(
            "grouped national",
            _LEAD + r"(?:\(\d{1,4}\)\s?\d{2,5}(?:[ .\-]\d{2,5}){0,3}|\d{2,5}(?:[ .\-]\d{2,5}){2,4})" + _EXT + _TRAIL,
            0.45,
        ),
        # An area code in brackets, then groups of four or five ("(32) 92913-8318", "(021) 6234 5678").
        Pattern("bracketed area code", _LEAD + r"\(\d{2,4}\)[ ]?\d{4,5}[ \-]\d{4}" + _EXT + _TRAIL, 0.55),
        Pattern("digits only", _LEAD + r"\d{10,11}" + _TRAIL, 0.2),
        Pattern("international compact", _LEAD + r"(?:\+|00)[1-9]\d{6,14}" + _EXT + _TRAIL, 0.6),
        # National numbers with a trunk 0 ("07103 768698", "0151 08207026", "030 62596672", "0643 809 6513").
        Pattern("trunk national", _LEAD + r"(?:\(0[1-9]\d{0,3}\)[ .\-]?\d{2,4}(?:[ .\-]?\d{2,4}){1,3}|"
                r"0[1-9]\d{0,3}(?:[ .\-/]\d{2,4}(?:[ .\-]?\d{2,4}){1,3}|\d{9,10}))"
                + _EXT + _TRAIL, 0.5),
        Pattern("international with trunk", _LEAD + r"\+[1-9]\d{0,2}[ .\-]?\(0\)[ .\-]?\d{1,5}(?:[ .\-]?\d{2,8}){1,3}"
                + _EXT + _TRAIL, 0.6),
        # Ten digits as five and five, the first 6 to 9: a mobile number of India ("98765 43210"), never an amount.
        Pattern("five and five mobile", _LEAD + r"[6-9]\d{4}[ \-]\d{5}" + _TRAIL, 0.5),
        # Two or three groups of a national number with no trunk ("73203 82381", "78 651 450"): a cue decides.
        Pattern("two groups", _LEAD + r"\d{2,5}[ .\-]\d{3,5}(?:[ .\-]\d{2,4})?" + _EXT + _TRAIL, 0.25),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "phone", "call", "tel", "mobile", "cell", "fax", "desk", "office", "contact", "reach", "dial", "whatsapp",
        "number", "home", "work", "text me", "ring", "sms", "电话", "手机", "联系", "致电", "座机",
        # Notes abbreviate: "my new no is …", "NOK … on …", "left VM on …", "2nd attempt to …", "Queries: …".
        "no is", "new no", "my no", "mob", "nok", "next of kin", "vm", "voicemail", "attempt", "queries", "enquiries",
    ]  # fmt: skip
    REGEX_FLAGS = FLAGS_ICASE

    def invalidate_result(self, pattern_text: str) -> bool:
        number = regex.sub(r"\s?(?:x|ext\.?|extn\.?|extension|转|分机)\s?\d{1,6}$", "", pattern_text,
                           flags=regex.IGNORECASE)
        digits = digits_only(number)
        if not 7 <= len(digits) <= 15:
            return True
        if _CARD_LIKE.match(number):  # 4-4-4-4 groups are a card, not a phone
            return True
        return bool(_DATE_LIKE.match(number) or _COMMA_THOUSANDS.match(number) or len(set(digits)) == 1)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        # Digits grouped by spaces in threes ("594 921 766", "78 651 450") are as often a phone number as an amount:
        # kept at a score only a phone cue nearby lifts over the threshold ("a loan of 1 250 000" has none).
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            if _THOUSANDS.match(text[result.start:result.end]):
                result.score = min(result.score, 0.2)
        if "@" in text:
            # A number listed beside an e-mail address is the person's phone ("Contact me at ana@x.com or
            # 778 533 363", "ana@x.com; 69997 21826"): the list of contact details is the cue.
            for result in results:
                if result.score < 0.5 and (_EMAIL_BEFORE.search(text, max(0, result.start - 80), result.start)
                                           or _EMAIL_AFTER.match(text, result.end)):
                    result.score = 0.5
        return results


class PaymentCardRecognizer(RuleRecognizer):
    """Card numbers of 12 to 19 digits, in any grouping. The Luhn check raises confidence instead of deciding
    existence: a number that fails it next to a card cue is most likely mistyped, and still a card number."""

    ENTITY = entities.CREDIT_CARD
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "card",
            # groups apart by one space, a hyphen, or two spaces (column-aligned text)
            r"(?<![0-9.,])(?:[1-9]\d{11,18}|[1-9]\d{1,6}(?:(?:[ \-]|[ ]{2})\d{2,7}){1,5}|[1-9]\d{3}(?:\.\d{4}){3}"
            r"|[1-9]\d{3}(?:,[ \t]?\d{4}){2},[ \t]?\d{2,4})(?![0-9]|[.,]\d)",
            0.3,
        )
    ]
    CONTEXT: ClassVar[list[str]] = ["card", "visa", "mastercard", "amex", "credit", "debit", "pan", "卡"]

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = digits_only(pattern_text)
        if not 12 <= len(digits) <= 19 or len(set(digits)) == 1:
            return False
        if _DATE_LIKE.match(pattern_text) or _THOUSANDS.match(pattern_text):
            return False
        return True if luhn_valid(digits) and _CARD_PREFIX.match(digits) else None


class IbanCodeRecognizer(RuleRecognizer):
    """IBANs, compact or in groups of four; the match is cut to the country's length before the mod-97 check."""

    ENTITY = entities.IBAN_CODE
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("iban", r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}", 0.5)]
    # Typed in lower case in chat ("ur iban lt52 2544 8689 4513 4800"): taken only when the mod-97 check passes.
    _LOWER = regex.compile(r"(?<![A-Za-z0-9])[a-z]{2}\d{2}(?: ?[a-z0-9]){11,30}")
    CONTEXT: ClassVar[list[str]] = ["iban", "account", "bank", "wire", "transfer", "payment", "beneficiary", "send",
                                    "pay", "swift", "funds", "arrive", "received", "remit", "payee", "to", "from",
                                    "credit", "debit"]

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None
    ) -> list[RecognizerResult]:
        results = []
        for match in self._LOWER.finditer(text):
            length = IBAN_LENGTHS.get(match.group()[:2].upper())
            end = self._end(text, match, length) if length else None
            if end is not None and iban_valid(text[match.start():end].upper()):
                results.append(self.result(match.start(), end, 0.9))
        for match in self.patterns[0].compiled_regex.finditer(text):
            length = IBAN_LENGTHS.get(match.group()[:2])
            if length is None:
                continue
            end, seen = match.start(), 0
            while seen < length and end < match.end():
                seen += text[end] != " "
                end += 1
            following = text[end : end + 1]
            if seen == length and not (following.isascii() and following.isalnum()):
                # A failed mod-97 check with the country's exact length is most likely a mistyped IBAN: kept at a
                # score a cue (IBAN, transfer, beneficiary …) lifts over the threshold.
                valid = iban_valid(text[match.start() : end])
                grouped = regex.fullmatch(r"[A-Z]{2}\d{2}(?:[A-Z0-9]+|(?: [A-Z0-9]{4})+(?: [A-Z0-9]{1,4})?)",
                                          text[match.start() : end])
                results.append(self.result(match.start(), end, 1.0 if valid else 0.45 if grouped else 0.35))
        return results


    @staticmethod
    def _end(text: str, match: regex.Match[str], length: int) -> int | None:
        """Where ``length`` characters of the match (spaces not counted) end, if a word does not go on there."""
        end, seen = match.start(), 0
        while seen < length and end < match.end():
            seen += text[end] != " "
            end += 1
        following = text[end : end + 1]
        return end if seen == length and not (following.isascii() and following.isalnum()) else None


class SocialSecurityNumberRecognizer(RuleRecognizer):
    """US social security numbers; replaces stock Presidio's set, which also reported them as UK_NHS."""

    ENTITY = entities.US_SSN
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("dashed", r"(?<![0-9\-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![0-9]|-\d)", 0.6),
        Pattern("spaced", r"(?<![0-9 ])(?!000|666|9\d\d)\d{3} (?!00)\d{2} (?!0000)\d{4}(?![0-9]| \d)", 0.3),
        Pattern(
            "after ssn",
            r"(?:ssn|social security(?: number| no\.?| #)?|soc\. ?sec\. ?(?:no\.?|#)?)[^0-9\n]{0,12}\K"
            r"(?!000|666|9\d\d)\d{3}[ \-]?(?!00)\d{2}[ \-]?(?!0000)\d{4}(?![0-9])",
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["ssn", "social security", "social"]
    REGEX_FLAGS = FLAGS_ICASE

    def invalidate_result(self, pattern_text: str) -> bool:
        digits = digits_only(pattern_text)
        return len(set(digits)) == 1 or digits in {"123456789", "078051120", "219099999"}


class AccountNumberRecognizer(RuleRecognizer):
    """Bank account numbers, found by the words that introduce them (bare digit runs are too ambiguous)."""

    ENTITY = entities.ACCOUNT_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "after account cue",
            r"(?:account|acct|a/c|checking|savings|deposit|账号|账户|帐号|帐户)"
            r"[^0-9\n]{0,24}\K(?<![0-9A-Za-z])\d(?:[ \-]?\d){5,19}(?![0-9])",
            0.7,
        )
    ]
    REGEX_FLAGS = FLAGS_ICASE


class CryptoWalletRecognizer(RuleRecognizer):
    """Cryptocurrency wallet addresses, an account that names its holder as surely as a bank's: Bitcoin legacy and
    SegWit addresses (kept only when their checksum holds, as stock Presidio's ``CryptoRecognizer`` decides) and
    Ethereum addresses (no checksum in lower case, so by shape: 0x and 40 hexadecimal digits). Masked as
    ACCOUNT_NUMBER: a policy that hides account numbers hides wallets too. No context words: a checksum decides a
    Bitcoin address, and an Ethereum one scores above every threshold by its shape."""

    ENTITY = entities.ACCOUNT_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("bitcoin", r"(?<![A-Za-z0-9])(?:[13][a-km-zA-HJ-NP-Z1-9]{25,34}|bc1[a-z0-9]{11,71}|BC1[A-Z0-9]{11,71})"
                           r"(?![A-Za-z0-9])", 0.5),
        Pattern("ethereum", r"(?<![A-Za-z0-9])0x[0-9a-fA-F]{40}(?![A-Za-z0-9])", 0.8),
    ]
    _CHECKSUMS = CryptoRecognizer()

    def validate_result(self, pattern_text: str) -> bool | None:
        if pattern_text.lower().startswith("0x"):
            return None
        return bool(self._CHECKSUMS.validate_result(pattern_text))


class DriverLicenseRecognizer(RuleRecognizer):
    """US driver's licence numbers after a licence cue (the formats differ by state: 1-2 letters and 4-14 digits)."""

    ENTITY = entities.US_DRIVER_LICENSE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "after licence cue",
            r"(?:(?:driver'?s?|driving|drivers’)[ \t]+licen[cs]e(?:[ \t]+(?:number|no\.?|#|id))?(?:[ \t]+is)?"
            r"|(?<![A-Za-z])dl[ \t]*(?:no\.?|#|number)?)[^A-Za-z0-9\n]{0,4}\K"
            r"(?<![A-Za-z0-9])[A-Za-z]{0,2}\d{4,14}(?![A-Za-z0-9])",
            0.8,
        )
    ]
    REGEX_FLAGS = FLAGS_ICASE


class MedicalRecordNumberRecognizer(RuleRecognizer):
    ENTITY = entities.MEDICAL_RECORD_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "after record cue",
            r"(?:mrn|medical record(?: number| no\.?| #)?|patient (?:id|number|no\.?|#)|chart (?:number|no\.?|#)"
            r"|hospital (?:number|no\.?)|health record(?: number)?|病历号|住院号|病案号)[^A-Za-z0-9\n]{0,6}\K"
            r"(?:[A-Z]{1,3}[ \-]?)?\d(?:-?\d){4,11}(?![0-9])",
            0.9,
        )
    ]
    REGEX_FLAGS = FLAGS_ICASE


class IpAddressRecognizer(RuleRecognizer):
    ENTITY = entities.IP_ADDRESS
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("ipv4", r"(?<![0-9.])(?:\d{1,3}\.){3}\d{1,3}(?![0-9]|\.\d)", 0.6),
        # After a label's colon too ("IP：2001:db8::1", folded to "IP:2001:…"): it starts with a group or "::".
        Pattern("ipv6", r"(?<![0-9A-Fa-f])(?<![0-9A-Fa-f]:)(?:[0-9A-Fa-f]{1,4}|(?=::)):(?:[0-9A-Fa-f]{0,4}:){1,6}"
                        r"[0-9A-Fa-f]{0,4}(?![0-9A-Fa-f:])", 0.6),
    ]
    CONTEXT: ClassVar[list[str]] = ["ip", "address", "host", "client"]

    def validate_result(self, pattern_text: str) -> bool:
        try:
            address = ipaddress.ip_address(pattern_text)
        except ValueError:
            return False
        return not (address.version == 6 and pattern_text.count(":") < 3 and "::" not in pattern_text)


class WebAddressRecognizer(RuleRecognizer):
    ENTITY = entities.URL
    _NOT_URL = r"\s<>\"'\p{Han}\u3000-\u303f\uff00-\uffef"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("scheme or www", rf"(?:https?://|www\.)[^{_NOT_URL}]*[^{_NOT_URL}.,;:!?)\]}}]", 0.6),
        Pattern(
            "bare domain",
            r"(?<![A-Za-z0-9@.\-])(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+"
            r"(?:com|org|net|edu|gov|io|cn|uk|de|fr|nl|se|pl|ch|info|biz)(?:/[^\s<>\"'\p{Han}]*[A-Za-z0-9/])?"
            r"(?![A-Za-z0-9\-@])",
            0.5,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["url", "website", "link", "site", "网址", "链接"]
    REGEX_FLAGS = FLAGS


__all__ = [
    "OFFLINE_TLD_EXTRACT",
    "AccountNumberRecognizer",
    "DriverLicenseRecognizer",
    "EmailAddressRecognizer",
    "IbanCodeRecognizer",
    "IpAddressRecognizer",
    "MedicalRecordNumberRecognizer",
    "PaymentCardRecognizer",
    "PhoneNumberRecognizer",
    "SocialSecurityNumberRecognizer",
    "WebAddressRecognizer",
]
