"""``StreamMasker``: masks a model's streamed answer delta by delta without ever emitting part of an entity.

Text is emitted up to a cut point and the rest held back. The held part starts at the last run of tokens that
could belong to an entity: everything after the last "inert" token (an English stop word, or a separator such as
Chinese punctuation). Numbers, capitalised words, addresses and names are made of non-inert tokens, so they are
held until a stop word, a punctuation mark or the end arrives. Detection runs on the held text plus the last
``context_chars`` of emitted text, so cues such as "DOB:" or "患者" still count. The hold-back is bounded by
``max_holdback``; past it the text is cut at a whitespace that splits no detected entity.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from gateway.pii.detection import Detection
from gateway.pii.detector import Language
from gateway.pii.errors import PiiError
from gateway.pii.masker import Masker
from gateway.pii.rules import PiiRules
from gateway.pii.vault import PseudonymVault

_TOKEN = regex.compile(r"[^\s，。；！？、（）《》“”]+")
_INERT = frozenset(w for w in STOP_WORDS if w.isalpha()) - {"me", "my", "i"}


class StreamMasker:
    """Feed deltas with :meth:`feed` and :meth:`finish`, or wrap an iterator with :meth:`mask` / :meth:`mask_async`."""

    def __init__(
        self, masker: Masker, rules: PiiRules | None = None, vault: PseudonymVault | None = None,
        language: Language | None = None, max_holdback: int = 128, context_chars: int = 64,
    ) -> None:  # fmt: skip
        self._masker = masker
        self._rules = rules or PiiRules.default()
        self._vault = vault
        self._language = language
        self._max_holdback = max_holdback
        self._context_chars = context_chars
        self._emitted_tail = ""  # original (unmasked) text already emitted, kept only as detection context
        self._pending = ""

    def feed(self, delta: str) -> str:
        """Add a delta; return the masked text that is now safe to emit (possibly "")."""
        self._pending += delta
        cut = self._inert_cut(self._pending)
        if cut == 0 and len(self._pending) <= self._max_holdback:
            return ""
        return self._emit(final=False, proposed_cut=cut)

    def finish(self) -> str:
        """Mask and return everything still held back."""
        return self._emit(final=True, proposed_cut=len(self._pending))

    def mask(self, deltas: Iterable[str]) -> Iterator[str]:
        for delta in deltas:
            out = self.feed(delta)
            if out:
                yield out
        out = self.finish()
        if out:
            yield out

    async def mask_async(self, deltas: AsyncIterable[str]) -> AsyncIterator[str]:
        async for delta in deltas:
            out = self.feed(delta)
            if out:
                yield out
        out = self.finish()
        if out:
            yield out

    def _emit(self, final: bool, proposed_cut: int) -> str:
        context = self._emitted_tail
        window = context + self._pending
        try:
            found = self._masker.detector.detect(window, self._language, self._rules)
        except PiiError:
            raise
        except Exception as exc:
            raise PiiError("PII detection failed while streaming") from exc
        offset = len(context)
        # Detections reaching back into already emitted text were handled then (or are a shifted view of it).
        mine = [Detection(d.entity_type, d.start - offset, d.end - offset, d.score) for d in found if d.start >= offset]
        cut = len(self._pending) if final else self._safe_cut(proposed_cut, mine)
        if cut <= 0:
            return ""
        emitted = self._pending[:cut]
        inside = [d for d in mine if d.end <= cut]
        masked = self._masker.apply(emitted, inside, self._rules, self._vault).text
        self._emitted_tail = (self._emitted_tail + emitted)[-self._context_chars :]
        self._pending = self._pending[cut:]
        return masked

    def _safe_cut(self, cut: int, detections: list[Detection]) -> int:
        if len(self._pending) - cut > self._max_holdback:
            # Forced: cut at the last whitespace keeping at most half the bound held.
            limit = len(self._pending) - self._max_holdback // 2
            spaces = [m.start() for m in regex.finditer(r"\s", self._pending[:limit])]
            cut = max(cut, spaces[-1] + 1 if spaces else limit)
        # Never split a detection: move the cut back to its start.
        moved = True
        while moved:
            moved = False
            for d in detections:
                if d.start < cut < d.end or (d.end == cut and cut == len(self._pending)):
                    cut, moved = d.start, True
        return cut

    @staticmethod
    def _inert_cut(text: str) -> int:
        """End of the last inert token followed by a separator (0 when there is none)."""
        cut = 0
        for match in _TOKEN.finditer(text):
            if match.end() == len(text):
                break  # the last token may still be growing
            word = match.group().strip(".,;:!?\"'()").lower()
            if word in _INERT:
                cut = match.end()
        # Chinese punctuation and line breaks end a token run by themselves.
        for sep in regex.finditer(r"[，。；！？、\n]", text):
            if sep.end() < len(text):
                cut = max(cut, sep.end())
        return cut
