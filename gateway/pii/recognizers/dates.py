"""Dates of birth: a calendar date introduced by a birth cue. Other dates (visits, statements) are not matched."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from gateway.pii import entities
from gateway.pii.recognizers.rule import FLAGS_ICASE, RuleRecognizer

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}[\-/. ]{_MONTH}[\-/. ](?:19|20)?\d{{2}}(?!\d)"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d{2}"
    r"|(?:19|20)\d{2}[/.\-]\d{1,2}[/.\-]\d{1,2}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]?)"
)
_CUE = r"(?:dob|d\.o\.b\.?|date of birth|birth ?date|birthday|born(?: on)?|birth|出生日期|出生年月日|出生于|出生|生日)"
_NUMERIC = regex.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})$")


def _plausible(day_month_year: tuple[int, int, int]) -> bool:
    day, month, year = day_month_year
    if year < 100:
        year += 1900 if year > dt.date.today().year % 100 else 2000
    try:
        born = dt.date(year, month, day)
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= born <= dt.date.today()


class DateOfBirthRecognizer(RuleRecognizer):
    ENTITY = entities.DATE_OF_BIRTH
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("date after birth cue", rf"{_CUE}[^0-9\n]{{0,16}}?\K(?=\d|{_MONTH}){_DATE}(?![0-9])", 0.85)
    ]
    REGEX_FLAGS = FLAGS_ICASE

    def validate_result(self, pattern_text: str) -> bool | None:
        numeric = _NUMERIC.match(pattern_text.strip())
        if numeric is None:
            return None  # written-out month or 年月日: the regex already bounds day and month ranges loosely
        first, second, third = (int(group) for group in numeric.groups())
        if len(numeric.group(1)) == 4:
            return _plausible((third, second, first))
        return _plausible((second, first, third)) or _plausible((first, second, third))
