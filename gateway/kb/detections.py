"""The personal data found in each chunk at ingestion, sealed with it: detect once, mask per reader.

Every text of a chunk that leaves the knowledge base — the passage, the document title, the section headings a
citation names, the metadata a template quotes — is run through the PII engine once, when the chunk is ingested
(``PiiDetector.candidates``, beside embedding). The spans are stored inside the chunk's sealed metadata (offsets and
types only, under the document key, like the text), so search and chat apply each caller's rules to them
(``gateway.pii.candidates.reader_spans``) and run no NER on the request path. Candidates of an older engine, or
found at a floor above a reader's threshold, are not used: that reader's passage is detected afresh, and ``gateway
kb redetect`` (or the gateway's background job) brings the stored ones up to date (``gateway.kb.redetect``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gateway.pii.candidates import Candidates

if TYPE_CHECKING:
    from gateway.pii.detector import PiiDetector

QUOTED_METADATA = ("version_label", "effective_date")
"""Document metadata a template's sources section may quote (``gateway.chat.templates.source_fields``)."""


@dataclass(frozen=True)
class ChunkCandidates:
    """The candidates of each text of one chunk that may leave the knowledge base."""

    text: Candidates
    title: Candidates
    sections: tuple[Candidates, ...] = ()
    fields: Mapping[str, Candidates] = field(default_factory=dict)
    """Per quoted metadata key (``QUOTED_METADATA``) that the chunk's document has."""
    source: Candidates | None = None
    """The document's source (file path or source id) where it has one: document listings show it, masked."""

    @property
    def engine(self) -> str:
        return self.text.engine

    def to_json(self) -> dict[str, Any]:
        return {"engine": self.text.engine, "floor": self.text.floor, "text": self.text.to_json(),
                "title": self.title.to_json(), "sections": [s.to_json() for s in self.sections],
                "fields": {key: c.to_json() for key, c in self.fields.items()},
                **({"source": self.source.to_json()} if self.source is not None else {})}

    @classmethod
    def from_json(cls, stored: Mapping[str, Any] | None) -> ChunkCandidates | None:
        """The sealed form read back; None for chunks ingested before candidates were stored."""
        if not stored:
            return None
        engine, floor = str(stored["engine"]), float(stored["floor"])

        def parse(spans: Sequence[Sequence[Any]]) -> Candidates:
            return Candidates.from_json(engine, floor, spans)

        source = stored.get("source")
        return cls(parse(stored["text"]), parse(stored["title"]), tuple(parse(s) for s in stored["sections"]),
                   {key: parse(spans) for key, spans in stored["fields"].items()},
                   parse(source) if source is not None else None)


@dataclass(frozen=True)
class ChunkTexts:
    """What of one chunk is detected: its passage, its document's title, its sections and quoted metadata."""

    text: str
    title: str
    sections: tuple[str, ...]
    fields: Mapping[str, str]
    source: str = ""


def quoted_fields(metadata: Mapping[str, Any]) -> dict[str, str]:
    """The quoted metadata of a document that has them, as text."""
    return {key: str(metadata[key]) for key in QUOTED_METADATA if metadata.get(key)}


class ChunkDetector:
    """Finds the candidates of many chunks in one detector batch (each distinct text once: a title or a heading
    shared by a document's chunks is detected once)."""

    def __init__(self, detector: PiiDetector, floor: float) -> None:
        self.detector = detector
        self.floor = floor

    @property
    def engine(self) -> str:
        return self.detector.version

    def current(self, candidates: ChunkCandidates | None) -> bool:
        """Whether stored candidates are this engine's, at this floor or below (else they are re-detected)."""
        return candidates is not None and candidates.engine == self.engine and candidates.text.floor <= self.floor

    def find(self, chunks: Sequence[ChunkTexts]) -> list[ChunkCandidates]:
        distinct: dict[str, int] = {}
        for chunk in chunks:
            for text in (chunk.text, chunk.title, *chunk.sections, *chunk.fields.values(), chunk.source):
                distinct.setdefault(text, len(distinct))
        found = self.detector.candidates(list(distinct), self.floor)

        def of(text: str) -> Candidates:
            return found[distinct[text]]

        return [ChunkCandidates(of(c.text), of(c.title), tuple(of(s) for s in c.sections),
                                {key: of(value) for key, value in c.fields.items()},
                                of(c.source) if c.source else None) for c in chunks]
