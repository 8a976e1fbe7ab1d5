"""Mainland China identifiers: resident identity numbers, mobile numbers and bank card numbers.

Boundaries are "no digit (or ASCII letter) next to it", never ``\\b``, so numbers glued to Chinese text are found.
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from gateway.pii import entities
from gateway.pii.recognizers.checksums import (
    cn_resident_id_birth_date_valid,
    cn_resident_id_check_valid,
    digits_only,
    luhn_valid,
)
from gateway.pii.recognizers.rule import FLAGS, RuleRecognizer


class CnResidentIdRecognizer(RuleRecognizer):
    """GB 11643 citizen identity numbers: area code, birth date, sequence, MOD 11-2 check character.

    A number with a real birth date but a wrong check character is still reported, at 0.4 instead of 1.0, and
    raised above the masking threshold by a cue nearby (身份证, ID card): it is most likely a mistyped ID, which is
    still personal data. An ID with an impossible date or region after a cue is found by the cue alone
    (``CuedIdentifierRecognizer``).
    """

    ENTITY = entities.CN_RESIDENT_ID
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "resident id",
            r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]"
            r"(?![0-9A-Za-z])",
            0.4,
        )
    ]
    CONTEXT: ClassVar[list[str]] = ["身份证", "证件", "公民身份", "id card", "resident id", "identity"]

    def validate_result(self, pattern_text: str) -> bool | None:
        if not cn_resident_id_birth_date_valid(pattern_text):
            return False
        return True if cn_resident_id_check_valid(pattern_text) else None


class CnMobileRecognizer(RuleRecognizer):
    """Mainland mobile numbers 1[3-9]x xxxx xxxx, optionally +86/0086, with spaces or dashes."""

    ENTITY = entities.CN_MOBILE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "mobile",
            r"(?<![0-9A-Za-z+])(?:(?:\+|00)86[ \-]?)?1[3-9]\d(?:[ \-]?\d{4}){2}(?![0-9])",
            0.7,
        )
    ]
    CONTEXT: ClassVar[list[str]] = ["手机", "电话", "联系", "致电", "mobile", "phone", "call", "tel"]

    def invalidate_result(self, pattern_text: str) -> bool:
        digits = digits_only(pattern_text)
        national = digits[-11:]
        return len(set(national[3:])) == 1


class CnBankCardRecognizer(RuleRecognizer):
    """Bank card numbers: UnionPay (62, 16–19 digits, any grouping) anywhere, other numbers after a Chinese card cue.
    A Luhn pass raises the score to certain; a number that fails it is kept where a card cue is near (mistyped)."""

    ENTITY = entities.CN_BANK_CARD
    _GROUPED = r"\d{4,6}(?:[ \-]?\d{3,7}){1,4}"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("unionpay", r"(?<![0-9])62(?=\d)[\d \-]{14,22}\d(?![0-9])", 0.35),
        Pattern(
            "after card cue",
            rf"(?<=(?:卡号|银行卡|储蓄卡|借记卡|信用卡|账号|帐号|卡)[^0-9\n]{{0,6}})(?<![0-9]){_GROUPED}(?![0-9])",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["银行卡", "卡号", "银联", "储蓄卡", "借记卡", "信用卡", "unionpay", "card", "卡"]
    REGEX_FLAGS = FLAGS

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = digits_only(pattern_text)
        if not 16 <= len(digits) <= 19 or len(set(digits)) == 1 or regex.search(r"[ \-]{2}", pattern_text):
            return False
        return True if luhn_valid(digits) else None
