"""Structure-aware chunking bounded by the embedder's token limit.

Headings travel with the text under them; whole paragraphs are packed into a chunk while they fit; a paragraph too
long for one chunk is cut at sentence (then word, then character) boundaries with an overlap, and each piece repeats
its section's heading so it still makes sense on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from gateway.kb.documents import Block

_SENTENCE_END = re.compile(r"(?<=[.!?;:。！？；])\s+|(?<=[。！？；])")


class Chunker:
    """Splits a document's blocks into chunk texts of at most ``max_tokens`` embedder tokens."""

    def __init__(self, count_tokens: Callable[[str], int], *, max_tokens: int, overlap_tokens: int) -> None:
        self._count = count_tokens
        self.max_tokens = max_tokens
        self.overlap = overlap_tokens

    def split(self, blocks: Sequence[Block]) -> list[str]:
        chunks: list[str] = []
        current: list[str] = []
        used = 0
        last_heading = ""
        for heading, paragraph in self._sections(blocks):
            unit = f"{heading}\n{paragraph}" if heading else paragraph
            tokens = self._count(unit)
            if tokens > self.max_tokens:
                if current:
                    chunks.append("\n".join(current))
                    current, used = [], 0
                head_tokens = self._count(heading) if heading else 0
                for piece in self._cut(paragraph, self.max_tokens - head_tokens):
                    chunks.append(f"{heading}\n{piece}" if heading else piece)
                continue
            if current and used + tokens > self.max_tokens:
                chunks.append("\n".join(current))
                current, used = [], 0
            # within one chunk a section's heading is written once; a chunk that continues a section repeats it
            if current and heading and heading == last_heading:
                unit = paragraph
            current.append(unit)
            last_heading = heading
            used += tokens
        if current:
            chunks.append("\n".join(current))
        return chunks

    @staticmethod
    def heading_paths(blocks: Sequence[Block]) -> frozenset[str]:
        """Every heading path (``Title > Section``) a chunk of ``blocks`` can carry, each on a line of its own."""
        path: list[tuple[int, str]] = []
        found: set[str] = set()
        for block in blocks:
            if block.kind == "heading":
                level = block.level or 1
                path = [(lvl, text) for lvl, text in path if lvl < level] + [(level, block.text)]
                found.add(" > ".join(t for _, t in path))
        return frozenset(found)

    @staticmethod
    def _sections(blocks: Sequence[Block]) -> list[tuple[str, str]]:
        """(heading path, paragraph) pairs; a heading with no text under it is kept as its own paragraph."""
        path: list[tuple[int, str]] = []
        pairs: list[tuple[str, str]] = []
        pending_heading = False
        for block in blocks:
            if block.kind == "heading":
                if pending_heading:
                    pairs.append(("", " > ".join(t for _, t in path)))
                level = block.level or 1
                path = [(lvl, text) for lvl, text in path if lvl < level] + [(level, block.text)]
                pending_heading = True
            elif block.text.strip():
                pairs.append((" > ".join(t for _, t in path), block.text))
                pending_heading = False
        if pending_heading and path:
            pairs.append(("", " > ".join(t for _, t in path)))
        return pairs

    def _cut(self, text: str, limit: int) -> list[str]:
        """Pieces of ``text`` of at most ``limit`` tokens, consecutive pieces sharing about ``overlap`` tokens."""
        limit = max(limit, 16)
        parts = [s for s in _SENTENCE_END.split(text) if s.strip()]
        if len(parts) <= 1:
            parts = text.split()
        sized: list[tuple[str, int]] = []
        for part in parts:
            size = self._count(part)
            if size > limit:
                sized.extend((p, self._count(p)) for p in self._by_characters(part, limit))
            else:
                sized.append((part, size))
        return _windows(sized, limit, self.overlap)

    def _by_characters(self, text: str, limit: int) -> list[str]:
        width = max(8, limit)
        while True:
            pieces = [text[i : i + width] for i in range(0, len(text), width)]
            if all(self._count(p) <= limit for p in pieces) or width <= 8:
                return pieces
            width //= 2


def sections_of(chunk: str, paths: frozenset[str]) -> list[str]:
    """The heading paths a chunk's text carries, in order (a chunk may pack several short sections)."""
    seen: list[str] = []
    for line in chunk.split("\n"):
        if line in paths and line not in seen:
            seen.append(line)
    return seen


def _windows(sized: list[tuple[str, int]], limit: int, overlap: int) -> list[str]:
    # each count includes the two special tokens; subtracting them makes the running sum a fair estimate
    pieces: list[str] = []
    start = 0
    while start < len(sized):
        end, used = start, 2
        while end < len(sized) and (end == start or used + sized[end][1] - 2 <= limit):
            used += sized[end][1] - 2
            end += 1
        pieces.append(" ".join(text for text, _ in sized[start:end]))
        if end >= len(sized):
            break
        back, shared = end, 0
        while back - 1 > start and shared + sized[back - 1][1] - 2 <= overlap:
            back -= 1
            shared += sized[back][1] - 2
        start = back
    return pieces
