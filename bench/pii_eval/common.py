"""Shared helpers for the PII evaluation-set generator (standard library + faker only).

Nothing here knows about any detector: values are built from faker and from the
small hand-written lists and check-digit routines below.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import unicodedata
import zlib
from collections.abc import Callable
from typing import Any

from faker import Faker

DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALNUM = UPPER + DIGITS

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
MONTHS_ABBR = [m[:3] for m in MONTHS]


# --------------------------------------------------------------------------- patterns


def fill(rng: random.Random, pattern: str) -> str:
    """Expand a pattern: '#' digit, 'N' digit 2-9, 'Z' digit 1-9, 'A' upper letter, 'X' upper alnum.

    Any other character is copied.  A backslash escapes the next character.
    """
    out = []
    esc = False
    for ch in pattern:
        if esc:
            out.append(ch)
            esc = False
        elif ch == "\\":
            esc = True
        elif ch == "#":
            out.append(rng.choice(DIGITS))
        elif ch == "N":
            out.append(rng.choice("23456789"))
        elif ch == "Z":
            out.append(rng.choice("123456789"))
        elif ch == "A":
            out.append(rng.choice(UPPER))
        elif ch == "X":
            out.append(rng.choice(ALNUM))
        else:
            out.append(ch)
    return "".join(out)


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(DIGITS) for _ in range(n))


def group(s: str, sizes: list[int], sep: str) -> str:
    parts = []
    i = 0
    for size in sizes:
        if i >= len(s):
            break
        parts.append(s[i:i + size])
        i += size
    if i < len(s):
        parts.append(s[i:])
    return sep.join(parts)


def group_every(s: str, n: int, sep: str) -> str:
    return sep.join(s[i:i + n] for i in range(0, len(s), n))


def wchoice(rng: random.Random, items: list[tuple[Any, float]]) -> Any:
    total = sum(w for _, w in items)
    r = rng.random() * total
    acc = 0.0
    for item, w in items:
        acc += w
        if r < acc:
            return item
    return items[-1][0]


# --------------------------------------------------------------------------- check digits


def luhn_check_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(num: str) -> bool:
    return luhn_check_digit(num[:-1]) == num[-1]


def corrupt_digit(rng: random.Random, num: str, keep_prefix: int = 1) -> str:
    """Change one digit (after keep_prefix) so that the string differs."""
    i = rng.randrange(keep_prefix, len(num))
    new = rng.choice([d for d in DIGITS if d != num[i]])
    return num[:i] + new + num[i + 1:]


def mod97_iban(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    check = 98 - int(numeric) % 97
    return f"{country}{check:02d}{bban}"


def iban_valid(iban: str) -> bool:
    s = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in s)) % 97 == 1


# --------------------------------------------------------------------------- text helpers

_TRANSLIT = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "þ": "th", "Þ": "Th",
    "ð": "d", "Ð": "D", "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "Œ": "OE",
}


def ascii_fold(s: str) -> str:
    s = "".join(_TRANSLIT.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ch.isascii())


def is_latin_name(s: str) -> bool:
    if not s:
        return False
    for ch in s:
        if ch.isascii():
            if not (ch.isalpha() or ch in " -'."):
                return False
            continue
        if ch in "’":
            continue
        if "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words_en(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return _TENS[t] + ("" if o == 0 else "-" + _ONES[o])
    h, rest = divmod(n, 100)
    return _ONES[h] + " hundred" + ("" if rest == 0 else " and " + number_words_en(rest))


_ZH_DIGITS = "零一二三四五六七八九"


def number_words_zh(n: int) -> str:
    if n < 10:
        return _ZH_DIGITS[n]
    if n < 20:
        return "十" + ("" if n == 10 else _ZH_DIGITS[n - 10])
    if n < 100:
        t, o = divmod(n, 10)
        return _ZH_DIGITS[t] + "十" + ("" if o == 0 else _ZH_DIGITS[o])
    h, rest = divmod(n, 100)
    s = _ZH_DIGITS[h] + "百"
    if rest == 0:
        return s
    if rest < 10:
        return s + "零" + _ZH_DIGITS[rest]
    return s + (number_words_zh(rest) if rest >= 20 else "一" + number_words_zh(rest))


def zh_year_digits(y: int) -> str:
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(y))


def ordinal_en(d: int) -> str:
    suf = "th" if 11 <= d % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return f"{d}{suf}"


# --------------------------------------------------------------------------- dates


def random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def fmt_date_en(rng: random.Random, d: dt.date, style: str) -> str:
    """style: 'us', 'uk', 'iso', 'long', 'any'."""
    y, m, day = d.year, d.month, d.day
    us = [
        (f"{m:02d}/{day:02d}/{y}", 4), (f"{m}/{day}/{y}", 3), (f"{m}/{day}/{y % 100:02d}", 1),
        (f"{MONTHS[m - 1]} {day}, {y}", 2), (f"{MONTHS_ABBR[m - 1]} {day}, {y}", 1),
        (f"{m:02d}-{day:02d}-{y}", 1),
    ]
    uk = [
        (f"{day:02d}/{m:02d}/{y}", 5), (f"{day}/{m}/{y}", 1), (f"{day} {MONTHS[m - 1]} {y}", 3),
        (f"{day} {MONTHS_ABBR[m - 1]} {y}", 2), (f"{day:02d}.{m:02d}.{y}", 1),
        (f"{day:02d}-{MONTHS_ABBR[m - 1]}-{y}", 1), (f"{ordinal_en(day)} {MONTHS[m - 1]} {y}", 1),
        (f"{day:02d}-{MONTHS_ABBR[m - 1].upper()}-{y % 100:02d}", 0.5),
    ]
    iso = [(f"{y}-{m:02d}-{day:02d}", 1)]
    longf = [(f"{day} {MONTHS[m - 1]} {y}", 2), (f"{MONTHS[m - 1]} {day}, {y}", 2),
             (f"{ordinal_en(day)} of {MONTHS[m - 1]} {y}", 1), (f"{MONTHS[m - 1]} {ordinal_en(day)}, {y}", 1)]
    if style == "us":
        return wchoice(rng, us)
    if style == "uk":
        return wchoice(rng, uk)
    if style == "iso":
        return wchoice(rng, iso)
    if style == "long":
        return wchoice(rng, longf)
    return wchoice(rng, us + uk + [(iso[0][0], 3)])


# --------------------------------------------------------------------------- context

SLOT_RE = re.compile(r"\{([a-z][a-z0-9_]*)(?:#(\d+))?((?:\|[a-z]+)*)\}")

_FAKERS: dict[str, Faker] = {}


def _faker(loc: str) -> Faker:
    if loc not in _FAKERS:
        _FAKERS[loc] = Faker(loc)
    return _FAKERS[loc]


class Ctx:
    """Per-record generation context: its own RNG, lazily reseeded fakers, personas and memo."""

    def __init__(self, lang: str, split: str, locale: str, seed: str, persona_factory: Callable[..., Any]):
        self.lang = lang
        self.split = split
        self.locale = locale
        self.seed = seed
        self.rng = random.Random(seed)
        # a few faker providers (e.g. es_ES nif/nie) draw from the module-level RNG: pin it per record too
        random.seed(f"{seed}|global")
        self._seeded: set[str] = set()
        self.memo: dict[Any, Any] = {}
        self.personas: dict[int, Any] = {}
        self._persona_factory = persona_factory
        self.ref_date = random_date(self.rng, dt.date(2023, 1, 9), dt.date(2025, 6, 27))

    def faker(self, loc: str) -> Faker:
        f = _faker(loc)
        if loc not in self._seeded:
            f.seed_instance(zlib.crc32(f"{self.seed}|{loc}".encode()))
            self._seeded.add(loc)
        return f

    def persona(self, k: int) -> Any:
        if k not in self.personas:
            self.personas[k] = self._persona_factory(self, k)
        return self.personas[k]

    def once(self, key: Any, fn: Callable[[], Any]) -> Any:
        if key not in self.memo:
            self.memo[key] = fn()
        return self.memo[key]


def apply_mods(val: str, mods: str) -> str:
    for mod in [m for m in mods.split("|") if m]:
        if mod == "lower":
            val = val.lower()
        elif mod == "upper":
            val = val.upper()
        elif mod == "title":
            val = val.title()
        elif mod == "nospace":
            val = val.replace(" ", "")
        else:
            raise ValueError(f"unknown modifier {mod}")
    return val


def render(text: str, ctx: Ctx, gens: dict[str, tuple[str | None, Callable[[Ctx, int], Any]]]):
    """Fill the slots of a template; return (text, spans)."""
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    pos = 0
    cur = 0
    for m in SLOT_RE.finditer(text):
        lit = text[pos:m.start()].replace("{{", "{").replace("}}", "}")
        out.append(lit)
        cur += len(lit)
        name, k, mods = m.group(1), int(m.group(2) or 1), m.group(3) or ""
        if name not in gens:
            raise KeyError(f"unknown slot {name!r} in template {text[:60]!r}")
        label, fn = gens[name]
        res = ctx.once(("slot", name, k), lambda fn=fn, k=k: fn(ctx, k))
        if isinstance(res, tuple):
            val, label = res
        else:
            val = res
        val = apply_mods(val, mods)
        assert val and val == val.strip(), (name, val)
        out.append(val)
        if label:
            spans.append({"entity_type": label, "start": cur, "end": cur + len(val), "value": val})
        cur += len(val)
        pos = m.end()
    out.append(text[pos:].replace("{{", "{").replace("}}", "}"))
    full = "".join(out)
    for s in spans:
        assert full[s["start"]:s["end"]] == s["value"], s
    for a, b in itertools.pairwise(spans):
        assert a["end"] <= b["start"], (a, b)
    return full, spans
