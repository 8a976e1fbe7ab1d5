"""The keyed blind index: lexical matching over HMAC'd tokens, so the index on disk holds no plain words.

Tokens are normalised (NFKC, format characters such as zero-width spaces dropped, case-folded), English stop
words dropped, legal references such as "Art. 5(1)" or
"§ 12" kept as one token (``art:5(1)``), compound identifiers kept whole and in parts, CJK text as character bigrams.
Each token becomes the first 64 bits of HMAC-SHA256 under a knowledge-base key; LanceDB's BM25 index ranks them.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from gateway.pii.normalise import fold

_STOP_WORD_TEXT = (
    "a an and are as at be been but by can do does for from had has have how i if in into is it its may must no not "
    "of on or our shall should so such than that the their them then there these they this to was we were what when "
    "which who whom why will with would you your"
)
_STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
_REFERENCE = re.compile(
    r"(?<!\w)(art(?:icle)?s?|sec(?:tion)?s?|§+|para(?:graph)?s?|rule|reg(?:ulation)?|chapter|annex|recital)"
    r"\.?\s*(\d+[a-z]?(?:\(\w{1,4}\))*)",
)
_REFERENCE_NAMES = {"art": "art", "sec": "sec", "§": "sec", "para": "para", "rule": "rule", "reg": "reg",
                    "chapter": "chapter", "annex": "annex", "recital": "recital"}
_WORD = re.compile(r"[^\W_]+(?:[-./'][^\W_]+)*(?:\(\w{1,4}\))*")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+")
TOKEN_CHARS = 16


def _reference_name(raw: str) -> str:
    if raw.startswith("§"):
        return "sec"
    for prefix, name in _REFERENCE_NAMES.items():
        if raw.startswith(prefix):
            return name
    return raw


def terms(text: str) -> list[str]:
    """The normalised terms of ``text``, in order, duplicates kept (BM25 counts them)."""
    normal = fold(text).casefold()  # the PII engine's normal form: NFKC, format characters dropped
    out: list[str] = [f"{_reference_name(m.group(1))}:{m.group(2)}" for m in _REFERENCE.finditer(normal)]
    for run in _CJK.findall(normal):
        out.extend([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
    latin = _CJK.sub(" ", normal)
    for word in _WORD.findall(latin):
        parts = re.split(r"[-./'()]+", word)
        if len(parts) > 1:
            out.append(word)
        out.extend(p for p in parts if p and p not in _STOP_WORDS and (len(p) > 1 or p.isdigit()))
    return out


class BlindIndex:
    """Turns text into a space-separated string of keyed token digests (what the ``lex`` column and queries hold)."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def token(self, term: str) -> str:
        return hmac.new(self._key, term.encode("utf-8"), hashlib.sha256).hexdigest()[:TOKEN_CHARS]

    def blind(self, text: str) -> str:
        return " ".join(self.token(term) for term in terms(text))

    def blind_query(self, text: str) -> str:
        """The query's distinct digests (repeating a query word should not weigh it twice)."""
        return " ".join(dict.fromkeys(self.token(term) for term in terms(text)))
