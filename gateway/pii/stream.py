"""``StreamMasker``: masks a model's streamed answer delta by delta without ever emitting part of an entity.

Text is emitted up to a cut point and the rest held back. A cut is made only after an "inert" token (a lower-case
English stop word, or a separator such as Chinese punctuation or a line break) and only once the word after it has
arrived whole: "…holder is Will " holds "Will" (capitalised: not inert) and waits, so "Smith" can still join it.
Detection runs on the held text plus the last ``context_chars`` of emitted text, so cues such as "DOB:" or "患者"
still count; a detection that reaches past the cut moves the cut back to its start. Names already masked earlier
in the stream are masked again wherever they recur, as the whole-text mask does. The hold-back is bounded by
``max_holdback``; past it the text is cut at a whitespace that splits no detected entity.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from gateway.pii.detection import Detection, resolve_overlaps
from gateway.pii.detector import Language
from gateway.pii.entities import PERSON
from gateway.pii.errors import PiiError
from gateway.pii.masker import Masker
from gateway.pii.names import mentions, name_words
from gateway.pii.recognizers.fields import table_header
from gateway.pii.rules import PiiRules
from gateway.pii.vault import PseudonymVault

_TOKEN = regex.compile(r"[^\s，。；！？、（）《》“”]+")
_INERT = frozenset(w for w in STOP_WORDS if w.isalpha()) - {"me", "my", "i"}
_SEPARATOR = regex.compile(r"[，。；！？、\n]")
_LINE_LIMIT = 512
"""Longest stretch of emitted text kept as context (the current line, a table header)."""


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
        self._names: set[str] = set()  # words of names masked so far (in memory only, for this stream)
        self._header: str | None = None  # the latest table header line emitted

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

    def _context(self) -> str:
        """What detection sees before the held text: the last ``context_chars`` emitted, or the whole current line
        (bounded) when it is longer, and the header of the table the text is in, if any: a row's cells are typed by
        a header the window would otherwise have left behind."""
        line_start = self._emitted_tail.rfind("\n") + 1
        current_line = self._emitted_tail[line_start:]
        context = current_line if len(current_line) > self._context_chars else self._emitted_tail[-self._context_chars:]
        if self._header is not None and (line_start > 0 or len(self._emitted_tail) >= _LINE_LIMIT):
            return self._header + "\n" + current_line
        return context

    def _emit(self, final: bool, proposed_cut: int) -> str:
        context = self._context()
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
        if self._names and PERSON in self._rules.entities_masked:
            mine = resolve_overlaps(mine + mentions(self._pending, self._names, mine))
        cut = len(self._pending) if final else self._safe_cut(proposed_cut, mine)
        if cut <= 0:
            return ""
        emitted = self._pending[:cut]
        inside = [d for d in mine if d.end <= cut]
        self._names |= name_words(emitted, inside)
        masked = self._masker.apply(emitted, inside, self._rules, self._vault).text
        tail = self._emitted_tail + emitted
        for line in tail.split("\n")[:-1]:  # complete lines only
            if table_header(line) is not None:
                self._header = line[:_LINE_LIMIT]
        self._emitted_tail = tail[-_LINE_LIMIT:]
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
        """End of the last inert token whose next word has arrived whole (0 when there is none)."""
        tokens = list(_TOKEN.finditer(text))
        # The last token may still be growing, and the one before it is followed by a word that may not be whole
        # yet: only tokens with a complete word after them can end what is released.
        complete = len(tokens) - 1 if tokens and tokens[-1].end() == len(text) else len(tokens)
        cut = 0
        for index in range(complete - 1):
            word = tokens[index].group().strip(".,;:!?\"'()")
            if word.islower() and word in _INERT:
                cut = tokens[index].end()
        # Chinese punctuation and line breaks end a token run by themselves, once something follows them.
        last_complete = tokens[complete - 1].start() if complete >= 1 else 0
        for sep in _SEPARATOR.finditer(text, 0, last_complete):
            cut = max(cut, sep.end())
        return cut
