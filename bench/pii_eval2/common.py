"""Shared helpers for the pii_eval2 generator: the span-tracking document
builder, seeded Faker access, check-digit algorithms and text utilities.

Only the standard library and ``faker`` are used.
"""
from __future__ import annotations

import random
import re
import unicodedata
import zlib

from faker import Faker

ENTITY_TYPES = (
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE",
    "IP_ADDRESS", "US_SSN", "US_DRIVER_LICENSE", "PASSPORT_NUMBER", "POSTCODE",
    "STREET_ADDRESS", "LOCATION", "URL", "ACCOUNT_NUMBER",
    "MEDICAL_RECORD_NUMBER", "DATE_OF_BIRTH", "NATIONAL_ID", "CN_RESIDENT_ID",
    "CN_MOBILE", "CN_LANDLINE", "CN_BANK_CARD", "ORGANIZATION", "JOB_TITLE",
    "AGE", "DATE", "NRP",
)
_TYPES = frozenset(ENTITY_TYPES)


# --------------------------------------------------------------------------
# Document builder
# --------------------------------------------------------------------------
_TOKEN = re.compile(r"\{\{|\}\}|\{(?:([A-Z_]+):)?([A-Za-z_][A-Za-z0-9_]*)\}")


class Doc:
    """Accumulates text and the character spans of labelled values.

    ``fmt`` understands ``{TYPE:key}`` (labelled value), ``{key}`` (plain
    substitution) and ``{{`` / ``}}`` (literal braces).  A labelled value may
    be given as ``None`` or ``""``; it is then skipped (no text, no span).
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.spans: list[dict] = []

    # plain text ---------------------------------------------------------
    def t(self, s: str) -> "Doc":
        if s:
            self._parts.append(s)
            self._len += len(s)
        return self

    # labelled value -------------------------------------------------------
    def v(self, etype: str, value: str) -> "Doc":
        if etype not in _TYPES:
            raise ValueError(f"unknown entity type {etype!r}")
        if value is None or value == "":
            return self
        if value != value.strip():
            raise ValueError(f"value with outer whitespace: {value!r}")
        start = self._len
        self.t(value)
        self.spans.append({"entity_type": etype, "start": start,
                           "end": start + len(value), "value": value})
        return self

    def add(self, *items) -> "Doc":
        """Append items: a str is plain text, a (TYPE, value) tuple is labelled."""
        for it in items:
            if isinstance(it, tuple):
                self.v(*it)
            else:
                self.t(it)
        return self

    def fmt(self, template: str, **vals) -> "Doc":
        pos = 0
        for m in _TOKEN.finditer(template):
            self.t(template[pos:m.start()])
            pos = m.end()
            tok = m.group(0)
            if tok == "{{":
                self.t("{")
            elif tok == "}}":
                self.t("}")
            else:
                etype, key = m.group(1), m.group(2)
                if key not in vals:
                    raise KeyError(f"template value {key!r} missing")
                val = vals[key]
                if etype:
                    self.v(etype, val)
                else:
                    self.t("" if val is None else str(val))
        self.t(template[pos:])
        return self

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def __len__(self) -> int:
        return self._len


def validate(text: str, spans: list[dict]) -> None:
    prev_end = -1
    for s in spans:
        st, en, val = s["start"], s["end"], s["value"]
        assert s["entity_type"] in _TYPES, s
        assert 0 <= st < en <= len(text), s
        assert text[st:en] == val, (s, text[st:en])
        assert val == val.strip(), s
        assert st >= prev_end, ("overlap/unsorted", s)
        prev_end = en


# --------------------------------------------------------------------------
# Seeded Faker access
# --------------------------------------------------------------------------
class Fakers:
    """One Faker per locale, re-seeded deterministically for every record."""

    def __init__(self) -> None:
        self._cache: dict[str, Faker] = {}
        self._seeded: dict[str, bool] = {}
        self._seed = 0

    def reseed(self, seed: int) -> None:
        self._seed = seed
        self._seeded = {}

    def __call__(self, locale: str) -> Faker:
        f = self._cache.get(locale)
        if f is None:
            f = Faker(locale)
            self._cache[locale] = f
        if locale not in self._seeded:
            f.seed_instance((self._seed ^ zlib.crc32(locale.encode())) & 0xFFFFFFFF)
            self._seeded[locale] = True
        return f


# --------------------------------------------------------------------------
# Check digits
# --------------------------------------------------------------------------
def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num: str) -> bool:
    return luhn_digit(num[:-1]) == num[-1]


def luhn_number(rng: random.Random, prefix: str, length: int, valid: bool = True) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    chk = luhn_digit(body)
    if not valid:
        chk = str((int(chk) + rng.randint(1, 9)) % 10)
    return body + chk


def iban_check(country: str, bban: str) -> str:
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(num) % 97)


_VER_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VER_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VER_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_digit(body: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VER_D[c][_VER_P[(i + 1) % 8][int(ch)]]
    return str(_VER_INV[c])


CN_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def cn_id_check(body17: str) -> str:
    s = sum(int(c) * w for c, w in zip(body17, CN_ID_WEIGHTS))
    return "10X98765432"[s % 11]


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------
_FOLD = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
         "æ": "ae", "Æ": "AE", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"}


def fold(s: str) -> str:
    s = "".join(_FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(s).lower())


def digits(rng: random.Random, n: int, first_nonzero: bool = False) -> str:
    out = "".join(rng.choice("0123456789") for _ in range(n))
    if first_nonzero and out[0] == "0":
        out = rng.choice("123456789") + out[1:]
    return out


def letters(rng: random.Random, n: int, alphabet: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def fill(rng: random.Random, pattern: str) -> str:
    """'#' -> digit, '@' -> capital letter, '%' -> non-zero digit, '^' -> 2-9."""
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(rng.choice("0123456789"))
        elif ch == "%":
            out.append(rng.choice("123456789"))
        elif ch == "^":
            out.append(rng.choice("23456789"))
        elif ch == "@":
            out.append(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))
        else:
            out.append(ch)
    return "".join(out)


def group(s: str, sizes, sep: str = " ") -> str:
    out, i = [], 0
    for n in sizes:
        if i >= len(s):
            break
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(out)


def group_every(s: str, n: int, sep: str = " ") -> str:
    return sep.join(s[i:i + n] for i in range(0, len(s), n))


def pick(rng: random.Random, seq):
    return seq[rng.randrange(len(seq))]


def chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def wchoice(rng: random.Random, pairs):
    """pairs: sequence of (item, weight)."""
    total = sum(w for _, w in pairs)
    r = rng.random() * total
    for item, w in pairs:
        r -= w
        if r < 0:
            return item
    return pairs[-1][0]
