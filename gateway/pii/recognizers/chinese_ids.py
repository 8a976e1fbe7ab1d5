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

    A valid one scores 1.0. A number of the same shape with a wrong check character, an impossible date or an
    unknown region is still reported, at 0.45 (over the default threshold; a cue nearby, 身份证 or ID card, lifts
    it over stricter ones): it is most likely a mistyped or synthetic ID, which is still personal data.
    """

    ENTITY = entities.CN_RESIDENT_ID
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "resident id",
            r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]"
            r"(?![0-9A-Za-z])",
            0.4,
        ),
        # The shape alone, for a number whose date or region is impossible (a mistyped or synthetic ID is still
        # one): six digits, a year of 18xx-20xx, eight more and a check character; scored to pass the admin
        # threshold, and a cue lifts it over stricter ones. A Luhn-valid UnionPay card of the same length scores
        # higher as a card.
        Pattern(
            "resident id shape",
            r"(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{9}[0-9Xx](?![0-9A-Za-z])",
            0.45,
        ),
        # Grouped as people copy them off the card: 6-8-4 or 6-4-4-4, by spaces or hyphens.
        Pattern(
            "grouped resident id",
            r"(?<![0-9A-Za-z])\d{6}([ \-])(?:(?:18|19|20)\d{6}\1\d{3}|(?:18|19|20)\d{2}\1\d{4}\1\d{3})[0-9Xx]"
            r"(?![0-9A-Za-z])",
            0.5,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["身份证", "证件", "公民身份", "id card", "resident id", "identity"]

    def validate_result(self, pattern_text: str) -> bool | None:
        pattern_text = regex.sub(r"[ \-]", "", pattern_text)
        if cn_resident_id_birth_date_valid(pattern_text) and cn_resident_id_check_valid(pattern_text):
            return True
        return None


class CnMobileRecognizer(RuleRecognizer):
    """Mainland mobile numbers 1[3-9]x xxxx xxxx, optionally +86/0086, with spaces or dashes."""

    ENTITY = entities.CN_MOBILE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "mobile",
            r"(?<![0-9A-Za-z+])(?:(?:\+|00)86[ \-]?|\(\+?86\)[ \-]?)?1[3-9]\d(?:[ \-]?\d{4}){2}(?![0-9])",
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
