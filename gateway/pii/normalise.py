"""One normal form for detection, with offsets back to the original text.

Every path that looks for personal data (chat messages, retrieved passages, answers and streams, ``/v1/mask``, the
corpus sanitizer, the data-subject index) goes through ``PiiDetector``, which detects on the normal form and maps each
span back, so masking replaces exactly the original characters. The normal form:

- drops format characters (Unicode category Cf: zero-width space and joiners, word joiner, soft hyphen, BOM, bidi
  controls), which split a number or an address into pieces no pattern recognises ("415\\u200b555\\u200b0132");
- folds each character by NFKC: full-width digits, letters and punctuation of Chinese input methods
  ("１３８００１３８０００", "＠"), ligatures and other compatibility forms become their plain equivalents.

Folding is per character, so a span in the normal form always maps back to whole original characters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    if unicodedata.category(char) == "Cf":
        return ""
    return unicodedata.normalize("NFKC", char)


@dataclass(frozen=True, slots=True)
class NormalText:
    """``text`` is the normal form of ``original``; ``origin[i]`` is the original index of ``text[i]``."""

    original: str
    text: str
    origin: tuple[int, ...] | None
    """None when the normal form is the original (the common, all-plain case)."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original characters behind ``text[start:end]``."""
        if self.origin is None or start >= end:
            return start, end
        first = self.origin[start]
        last = self.origin[end - 1]
        return first, last + 1


def normal_form(text: str) -> NormalText:
    """The detection form of ``text`` (see the module docstring)."""
    if text.isascii():
        return NormalText(text, text, None)
    pieces: list[str] = []
    origin: list[int] = []
    changed = False
    for index, char in enumerate(text):
        folded = _fold(char) if not char.isascii() else char
        if folded != char:
            changed = True
        pieces.append(folded)
        origin.extend([index] * len(folded))
    if not changed:
        return NormalText(text, text, None)
    return NormalText(text, "".join(pieces), tuple(origin))


def fold(text: str) -> str:
    """Just the normal form (for keys and digests that must match whatever form the value was typed in)."""
    return normal_form(text).text
