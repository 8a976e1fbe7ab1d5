"""Evidence about names that only the whole text gives: a name (or any value) found once marks its other mentions.

"Blessing called again re mortgage offer. Blessing said …": one mention may sit next to a cue or in a sentence the
model reads well, the next may not. Once any recognizer has found a person's name, every other mention of its words
in the same text (a first name alone, a surname after "Mr", a possessive) is that person too.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from gateway.pii import entities
from gateway.pii.detection import Detection
from gateway.pii.lexicon import COMMON_WORDS
from gateway.pii.vocabulary import ACRONYMS, NOT_NAMES, STOP_WORDS

_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}'’\-]*[\p{L}\p{M}]|[\p{L}]")
_NOT_NAME = frozenset(STOP_WORDS) | ACRONYMS | NOT_NAMES | COMMON_WORDS
_CN_NOT_PERSON = frozenset(
    (
        "先生 女士 小姐 客户 患者 病人 医生 护士 老师 经理 主任 本人 家属 用户 同事 领导 师傅 阿姨 叔叔 大爷 大妈"
    ).split()
)
_CN_NOT_DATE = regex.compile(r"^(?:今天|明天|昨天|前天|后天|今年|去年|明年|上午|下午|晚上|早上|中午|凌晨|现在|目前|"
                             r"近期|最近|当天|每天|每月|每年|工作日|周末|上周|本周|下周|上个月|这个月|下个月|近日|日前|届时|之后|以前|以后)$")
_CN_DATE = regex.compile(r"[0-9０-９]|[一二三四五六七八九十零〇]+[年月日号]|[年月]")


# A title, and the greeting, relation or role that spaCy takes into a name with it ("Dear Ms Dumas", "Neighbour
# Ann", "Nurse John"). Matched at the detection's start (``match`` with a position: no "^", which would only ever
# match at the start of the text).
_TITLE = regex.compile(r"(?:(?i:mr|mrs|ms|miss|mx|dr|prof|sir|madam|dame|lord|lady|rev|fr|dear|hi|hello|hey|nurse|"
                       r"neighbour|neighbor|uncle|aunt|auntie|cousin|officer|detective|sergeant|constable|judge|"
                       r"captain)\.?[ \t]+)+")


def without_titles(text: str, detections: list[Detection]) -> list[Detection]:
    return without_chinese_titles(text, without_english_titles(text, detections))


def without_english_titles(text: str, detections: list[Detection]) -> list[Detection]:
    """PERSON spans without a leading title ("Miss Jang" → "Jang"): the title names no one, and one person written
    with and without it should get one pseudonym."""
    trimmed = []
    for d in detections:
        if d.entity_type == entities.PERSON:
            match = _TITLE.match(text, d.start, d.end)
            if match is not None and match.end() < d.end:
                d = Detection(d.entity_type, match.end(), d.end, d.score)
        trimmed.append(d)
    return trimmed


_HAN_NAME = regex.compile(r"^\p{Han}{2,4}$")


def name_words(text: str, detections: Iterable[Detection]) -> set[str]:
    """The words of the PERSON detections in ``text`` that identify (lower case; titles and common words left out),
    and whole Chinese names."""
    words = set()
    for d in detections:
        if d.entity_type != entities.PERSON:
            continue
        value = text[d.start:d.end]
        if _HAN_NAME.match(value):
            words.add(value)
            continue
        for word in _WORD.findall(value):
            lowered = word.lower()
            if len(word) > 1 and lowered not in _NOT_NAME and not word.isdigit():
                words.add(lowered)
    return words


def mentions(text: str, words: set[str], taken: Iterable[Detection], score: float = 0.6) -> list[Detection]:
    """Mentions in ``text`` of known name ``words`` (Chinese names as substrings), outside the ``taken`` spans."""
    spans = [(d.start, d.end) for d in taken]
    extra: list[Detection] = []
    # Longest first, so "买买提" is found whole before "买提" takes part of it (and in the same order in every
    # process: a set's order changes with the hash seed).
    for name in sorted((w for w in words if _HAN_NAME.match(w)), key=lambda w: (-len(w), w)):
        start = text.find(name)
        while start != -1:
            end = start + len(name)
            if not any(s < end and start < e for s, e in spans):
                extra.append(Detection(entities.PERSON, start, end, score))
                spans.append((start, end))
            start = text.find(name, end)
    for match in _WORD.finditer(text):
        if match.group().lower().removesuffix("'s").removesuffix("’s") not in words:
            continue
        start, end = match.span()
        if any(s < end and start < e for s, e in spans):
            continue
        extra.append(Detection(entities.PERSON, start, end, score))
    return extra


def repeated_names(text: str, detections: Iterable[Detection], score: float = 0.6) -> list[Detection]:
    """Other mentions of the words of every PERSON detection, and other verbatim occurrences of every value found,
    outside the spans already found."""
    found = list(detections)
    extra = mentions(text, name_words(text, found), found, score)
    return extra + repeated_values(text, found + extra, score)


_REPEATABLE = regex.compile(r"(?=.*\p{L}).{4,}|.*\d(?:\D*\d){5}.*", regex.DOTALL)


def repeated_values(text: str, detections: list[Detection], score: float = 0.6) -> list[Detection]:
    """Every other verbatim occurrence of a value already found, as the same type ("Inés called … Inés says", where
    the model read the first mention and not the second): a value hidden once and shown elsewhere in the same text
    is not hidden. Only values of four characters with a letter, or six digits, so that a short number found as an
    age or a date does not take every other small number."""
    spans = [(d.start, d.end) for d in detections]
    extra: list[Detection] = []
    seen: set[str] = set()
    for d in detections:
        value = text[d.start:d.end]
        if value in seen or not _REPEATABLE.fullmatch(value) or text.count(value) < 2:
            continue
        seen.add(value)
        start = text.find(value)
        while start != -1:
            end = start + len(value)
            bounded = not (start > 0 and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum())
            if bounded and not any(s < end and start < e for s, e in spans):
                extra.append(Detection(d.entity_type, start, end, score))
                spans.append((start, end))
            start = text.find(value, end)
    return extra


_CN_DURATION = regex.compile(r"^[0-9一二三四五六七八九十两半]+(?:个)?(?:天|日|小时|分钟|周|星期|个月|月|年)"
                             r"(?:内|后|前|左右|以上|以内)?$")
_CN_LABEL = regex.compile(r"(?:地址|所在地|地点|住址|住所|籍贯)$")
_CN_CLAUSE = regex.compile(r"[的了在是和给被把向对通过我你他她]")
_CN_TITLES = regex.compile(r"(?:先生|女士|小姐|太太|医生|大夫|老师|经理|主任|同志|律师|教授)$")


def plausible_chinese_entity(entity_type: str, value: str) -> bool:
    """The statistical tagger's obvious mistakes removed: titles and clauses as names, durations as dates, field
    labels as places, one character."""
    if entity_type == entities.PERSON:
        return (2 <= len(value) <= 12 and value not in _CN_NOT_PERSON and not value.isascii()
                and not (_CN_CLAUSE.search(value) and len(value) > 3))
    if entity_type == entities.DATE:
        return bool(_CN_DATE.search(value)) and not _CN_NOT_DATE.match(value) and not _CN_DURATION.match(value)
    if entity_type == entities.LOCATION and _CN_LABEL.search(value) and len(value) <= 5:
        return False
    if entity_type == entities.ORGANIZATION and _CN_CLAUSE.search(value) and len(value) > 6:
        return False
    return len(value) >= 2


def without_chinese_titles(text: str, detections: list[Detection]) -> list[Detection]:
    """"李先生" → "李": the title after a Chinese surname names no one (the same convention as English titles)."""
    out = []
    for d in detections:
        if d.entity_type == entities.PERSON:
            match = _CN_TITLES.search(text, d.start, d.end)
            if match is not None and match.start() > d.start and match.end() == d.end:
                d = Detection(d.entity_type, d.start, match.start(), d.score)
        out.append(d)
    return out
