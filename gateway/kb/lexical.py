"""The keyed blind index: lexical matching over HMAC'd tokens, so the index on disk holds no plain words.

Tokens are normalised (NFKC, format characters such as zero-width spaces dropped, case-folded), English stop
words dropped, legal references such as "Art. 5(1)", "§ 101.3" or "第十三条" kept as one token (``art:5(1)``,
``sec:101.3``, ``art:13``: Chinese and Arabic numerals alike), compound identifiers kept whole and in parts, CJK text
as character bigrams and, marked ``~``, its single characters (a paraphrased Chinese question shares characters
with its article more often than bigrams). Queries drop the bigrams of Chinese question phrasing (什么, 是否).
Each Latin word is keyed twice: as written and as its Snowball stem (``~requir`` for
"requirements" and "required"), so inflections match without losing exact-word matches (and blind indexes written
before stems were added still match their words). Each token becomes the first 64 bits of HMAC-SHA256 under a
knowledge-base key; LanceDB's BM25 index ranks them.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import threading

import Stemmer

from gateway.pii.normalise import fold

_STOP_WORD_TEXT = (
    "a an and are as at be been but by can do does for from had has have how i if in into is it its may must no not "
    "of on or our shall should so such than that the their them then there these they this to was we were what when "
    "which who whom why will with would you your"
)
_STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
_REFERENCE = re.compile(
    r"(?<!\w)(art(?:icle)?s?|sec(?:tion)?s?|§+|para(?:graph)?s?|rule|reg(?:ulation)?|chapter|annex|recital)"
    r"\.?\s*(\d+(?:\.\d+)*[a-z]?(?:\(\w{1,4}\))*)",
)
_ARTICLE_ZH = re.compile(r"第\s*([0-9]+|[〇零一二两三四五六七八九十百千]+)\s*条")
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
STEM_PREFIX = "~"
"""Marks a stem token (or a single CJK character), so it never collides with a word written that way."""
HEADING_PREFIX = "^"
"""Marks a reference named in a title or section heading (``^sec:101.3``): what a passage *is*, as opposed to the
sections it cites."""
DEFINES_PREFIX = "^def:"
"""Marks a term a passage defines ("Account means …", "匿名化，是指……"): a question asking what the term means ranks
the defining passage, not every passage that uses the word."""
_REFERENCE_NAMES = {"art": "art", "sec": "sec", "§": "sec", "para": "para", "rule": "rule", "reg": "reg",
                    "chapter": "chapter", "annex": "annex", "recital": "recital"}
_WORD = re.compile(r"[^\W_]+(?:[-./'][^\W_]+)*(?:\(\w{1,4}\))*")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+")
TOKEN_CHARS = 16


_QUESTION_BIGRAMS = frozenset(
    "什么 怎么 怎样 哪些 哪里 哪个 是否 能否 可否 可以 能不 需要 要不 如何 "
    "为什 多少 多久 有没 是不 我能 我的 我们 请问".split())
"""Bigrams of how a Chinese question is asked, not of what it asks about: rare in regulatory text, so BM25 would
weigh a chance match on them highly. Dropped from queries only (the index keeps every bigram)."""


def _reference_name(raw: str) -> str:
    if raw.startswith("§"):
        return "sec"
    for prefix, name in _REFERENCE_NAMES.items():
        if raw.startswith(prefix):
            return name
    return raw


def chinese_numeral(text: str) -> int | None:
    """十三 → 13, 一百零五 → 105, 二十 → 20; None for what is not a numeral below 10,000."""
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


_stemmers = threading.local()


def _stem(word: str) -> str:
    """The English Snowball stem (PyStemmer objects are not thread-safe: one per thread)."""
    stemmer = getattr(_stemmers, "english", None)
    if stemmer is None:
        stemmer = _stemmers.english = Stemmer.Stemmer("english")
    return str(stemmer.stemWord(word))


def references(text: str) -> list[str]:
    """The legal references ``text`` names, as terms (``sec:101.3``, ``art:13``), in order."""
    normal = fold(text).casefold()
    found = [f"{_reference_name(m.group(1))}:{m.group(2)}" for m in _REFERENCE.finditer(normal)]
    for m in _ARTICLE_ZH.finditer(normal):
        number = chinese_numeral(m.group(1))
        if number is not None:
            found.append(f"art:{number}")
    return found


def terms(text: str) -> list[str]:
    """The normalised terms of ``text``, in order, duplicates kept (BM25 counts them)."""
    normal = fold(text).casefold()  # the PII engine's normal form: NFKC, format characters dropped
    out: list[str] = references(normal)
    for run in _CJK.findall(normal):
        out.extend([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
        out.extend(STEM_PREFIX + char for char in run if len(run) > 1)
    latin = _CJK.sub(" ", normal)
    for word in _WORD.findall(latin):
        parts = re.split(r"[-./'()]+", word)
        if len(parts) > 1:
            out.append(word)
        for part in parts:
            if part and part not in _STOP_WORDS and (len(part) > 1 or part.isdigit()):
                out.append(part)
                if part.isalpha():
                    out.append(STEM_PREFIX + _stem(part))
    return out


_HAN_TERM = r"[\u3400-\u4dbf\u4e00-\u9fff]{2,12}"
# "（二）自动化决策，是指……", "本法所称个人信息处理者，是指……": the term just before 是指.
_DEFINES_ZH = re.compile(rf"(?:^|(?<=[，。；：:、\n（）()“”\"「」\s]))({_HAN_TERM}?)[”」\"]?[，,]?是指")
# "个人信息是……的各种信息": a sentence opening with "X是" whose clause ends in X's head noun (genus and differentia).
_OPENS_ZH = re.compile(rf"^({_HAN_TERM}?)是(?!指)")
_DEFINES_EN = re.compile(
    r"(?:^|(?<=[.;:\n])\s*|\(\w{1,4}\)\s*)(?:the term\s+)?[\"“']?([a-z][a-z0-9\- ]{1,40}?)[\"”']?\s+"
    r"(?:means|refers to|is defined as|has the meaning)\b")
_ASKS_ZH = (
    re.compile(rf"什么(?:是|叫|叫做)({_HAN_TERM})"),
    re.compile(rf"何(?:为|谓)({_HAN_TERM})"),
    re.compile(rf"({_HAN_TERM}?)(?:的定义|的含义|是什么意思|是指什么|指的是什么|是什么)"),
)
_ASKS_EN = (
    re.compile(r"what (?:does|do) (?:the term |the word )?[\"“']?([a-z][a-z0-9\- ]{1,40}?)[\"”']? mean"),
    re.compile(r"(?:define|definition of|meaning of|what is meant by)(?: the term| the word)? [\"“']?"
               r"(?:an? |the )?([a-z][a-z0-9\- ]{1,40}?)[\"”']?(?= as | in | under | for | within |[?.,]|$)"),
)


def _defined_term(term: str) -> str:
    """The form a defined term is keyed by: after 所称, English words stemmed, spaces collapsed."""
    term = term.rsplit("所称", 1)[-1].strip()
    if _CJK.fullmatch(term):
        return term
    words = [w for w in re.findall(r"[a-z0-9]+", term) if w not in _STOP_WORDS or w.isdigit()]
    return " ".join(_stem(w) for w in words)


def definitions(text: str) -> list[str]:
    """The terms ``text`` defines ("X means …", "X，是指……", "X是……的Y" where Y is X's head noun), keyed forms."""
    normal = fold(text).casefold()
    found = [m.group(1) for m in _DEFINES_ZH.finditer(normal)]
    found += [m.group(1) for m in _DEFINES_EN.finditer(normal)]
    for sentence in re.split(r"[。；\n]", normal):
        opened = _OPENS_ZH.match(sentence.strip())
        if opened is not None:
            term = opened.group(1)
            if any("的" in clause and clause.endswith(term[-2:]) for clause in re.split(r"[，,]", sentence)):
                found.append(term)
    return [t for t in dict.fromkeys(_defined_term(t) for t in found) if t]


def asked_definitions(query: str) -> list[str]:
    """The terms a query asks the meaning of ("什么是匿名化？", "What does the term account mean?")."""
    normal = fold(query).casefold()
    found = [m.group(1) for pattern in (*_ASKS_ZH, *_ASKS_EN) for m in pattern.finditer(normal)]
    return [t for t in dict.fromkeys(_defined_term(t) for t in found) if t]


class BlindIndex:
    """Turns text into a space-separated string of keyed token digests (what the ``lex`` column and queries hold)."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def token(self, term: str) -> str:
        return hmac.new(self._key, term.encode("utf-8"), hashlib.sha256).hexdigest()[:TOKEN_CHARS]

    def blind(self, text: str, *, headings: str = "") -> str:
        """The digests of ``text``'s terms, and of the references its title or section ``headings`` name."""
        keyed = [self.token(term) for term in terms(text)]
        keyed += [self.token(HEADING_PREFIX + ref) for ref in dict.fromkeys(references(headings))] if headings else []
        keyed += [self.token(DEFINES_PREFIX + term) for term in definitions(text)]
        return " ".join(keyed)

    def blind_query(self, text: str) -> str:
        """The query's distinct digests (repeating a query word should not weigh it twice), without the bigrams
        of Chinese question phrasing."""
        return " ".join(dict.fromkeys(self.token(term) for term in terms(text) if term not in _QUESTION_BIGRAMS))

    def blind_references(self, text: str) -> str:
        """The digests of the sections and articles a query names, as headings name them, and of the terms it asks
        the meaning of: matches the passages that are those sections (``§ 101.3``, ``第十三条``), not the ones that
        merely cite them, and the passages that define those terms, not the ones that merely use them."""
        named = [self.token(HEADING_PREFIX + ref) for ref in references(text)]
        named += [self.token(DEFINES_PREFIX + term) for term in asked_definitions(text)]
        return " ".join(dict.fromkeys(named))
