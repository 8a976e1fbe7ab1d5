"""The citation check every answer passes: a ``[n]`` naming no source the answer was given is removed and counted.

``[n]`` in an answer means ``citations[n-1]``; a model can still write ``[7]`` with three sources (a small model does
when asked to), which would point a reader at a passage that was never retrieved. ``CitationFilter`` works on a
stream: it holds back only what may still become a marker (``[`` and digits, with the whitespace before them), so
a marker split across deltas is judged whole. Lists such as ``[1, 7]`` keep their valid numbers.
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"(\s*)\[(\s*\d{1,3}(?:\s*,\s*\d{1,3})*\s*)\]")
_OPEN_TAIL = re.compile(r"\s*(?:\[[\d,\s]{0,24})?\Z")
"""The end of a text that may still grow into a marker (or is whitespace a removed marker would take with it)."""


class CitationFilter:
    """Feed the model's text delta by delta; what comes out cites only sources 1..``sources``."""

    def __init__(self, sources: int) -> None:
        self.sources = sources
        self.cited: list[int] = []
        """Valid source numbers the text cites, in order of first mention."""
        self.invalid: list[int] = []
        """Numbers of removed citations (each occurrence), in order."""
        self._pending = ""

    def feed(self, delta: str) -> str:
        """The checked text now safe to pass on (possibly "")."""
        self._pending += delta
        tail = _OPEN_TAIL.search(self._pending)
        cut = tail.start() if tail is not None else len(self._pending)
        ready, self._pending = self._pending[:cut], self._pending[cut:]
        return self.check(ready)

    def finish(self) -> str:
        ready, self._pending = self._pending, ""
        return self.check(ready)

    def check(self, text: str) -> str:
        """``text`` with every citation of a source not provided removed (a whole text, not a delta)."""
        return _MARKER.sub(self._judge, text)

    def _judge(self, match: re.Match[str]) -> str:
        numbers = [int(part) for part in match.group(2).split(",")]
        kept = [n for n in numbers if 1 <= n <= self.sources]
        self.invalid.extend(n for n in numbers if not 1 <= n <= self.sources)
        for n in kept:
            if n not in self.cited:
                self.cited.append(n)
        if not kept:
            return ""
        if len(kept) == len(numbers):
            return match.group(0)
        return f"{match.group(1)}[{', '.join(str(n) for n in kept)}]"
