"""Rendering of slot templates into labelled text, seeded faker access and check-digit routines (stdlib + faker)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import faker

SLOT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:@(\d))?\}")

_FAKERS: dict[str, faker.Faker] = {}


def fk(locale: str, seed: str) -> faker.Faker:
    """The faker instance of ``locale``, re-seeded for this record and purpose (output independent of call order)."""
    inst = _FAKERS.get(locale)
    if inst is None:
        inst = _FAKERS[locale] = faker.Faker(locale)
    inst.seed_instance(seed)
    return inst


def wchoice(rng: random.Random, pairs):
    items = [x for x, _ in pairs]
    weights = [w for _, w in pairs]
    return rng.choices(items, weights=weights, k=1)[0]


def digits(rng: random.Random, n: int, first_nonzero: bool = False) -> str:
    out = [str(rng.randrange(10)) for _ in range(n)]
    if first_nonzero and n:
        out[0] = str(rng.randrange(1, 10))
    return "".join(out)


def luhn_check_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    return bool(number) and luhn_check_digit(number[:-1]) == number[-1]


def iban_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in moved)
    return f"{98 - int(num) % 97:02d}"


class Ctx:
    """Per-record state: one RNG seeded from the record seed, lazily made personas, a memo for coherent values."""

    def __init__(self, lang: str, split: str, locale: str, seed: str, make_persona: Callable):
        self.lang = lang
        self.split = split
        self.locale = locale
        self.seed = seed
        self.rng = random.Random(seed)
        self._make_persona = make_persona
        self._personas: dict[int, object] = {}
        self.memo: dict = {}

    def persona(self, idx: int):
        if idx not in self._personas:
            loc = self.locale if idx == 1 else None
            self._personas[idx] = self._make_persona(self, idx, loc)
        return self._personas[idx]


def render(template: str, ctx: Ctx, gens: dict, transform: Callable[[str, bool], str] | None = None
           ) -> tuple[str, list[dict]]:  # fmt: skip
    """Fill the ``{slot}`` / ``{slot@2}`` placeholders; labelled slots become spans.

    ``gens[name] = (entity_type | None, func)``; ``func(ctx, persona)`` returns a string, or ``(string, type)`` to
    choose the type itself. ``transform(piece, is_value)`` rewrites each piece (case, OCR spacing) before offsets
    are taken, so spans stay exact.
    """
    pieces: list[tuple[str, str | None]] = []
    pos = 0
    for m in SLOT.finditer(template):
        if m.start() > pos:
            pieces.append((template[pos:m.start()], None))
        name, idx = m.group(1), int(m.group(2) or 1)
        etype, func = gens[name]
        out = func(ctx, ctx.persona(idx))
        if isinstance(out, tuple):
            out, etype = out
        pieces.append((out, etype))
        pos = m.end()
    if pos < len(template):
        pieces.append((template[pos:], None))
    text_parts: list[str] = []
    spans: list[dict] = []
    length = 0
    for piece, etype in pieces:
        if transform is not None:
            piece = transform(piece, etype is not None)
        if etype is not None and piece:
            stripped = piece.strip()
            assert stripped == piece, (ctx.seed, piece)
            spans.append({"entity_type": etype, "start": length, "end": length + len(piece), "value": piece})
        text_parts.append(piece)
        length += len(piece)
    text = "".join(text_parts)
    for s in spans:
        assert text[s["start"]:s["end"]] == s["value"]
    for a, b in zip(spans, spans[1:]):
        assert a["end"] <= b["start"], (ctx.seed, a, b)
    return text, spans
