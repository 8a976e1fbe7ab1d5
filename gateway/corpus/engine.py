"""Masking one chunk of records: what each worker process runs, with its own detector built once.

Tags are numbered per corpus in order of first appearance, which only the writing process can know, so workers
emit a placeholder carrying the value's keyed digest (``\\ue000TYPE\\ue002digest\\ue001``) and the writer turns it
into ``<TYPE_n>``. Surrogates are pure functions of the digest and are written by the workers directly.

The residual scan reads each output string again with a stricter configuration (lower score threshold) and
reports what it finds outside the replacements just made (so this run's own surrogates are expected, not residual).
It runs in the worker right after masking, on the strings still in memory, and a string repeated within a chunk
(a system prompt, a stock reply, a template whose values became the same tags) is analysed once per pass.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import regex

from gateway.corpus.errors import BadRecord
from gateway.corpus.formats import Format, RecordCodec
from gateway.corpus.surrogates import surrogate
from gateway.pii.detection import Detection
from gateway.pii.detector import PiiDetector
from gateway.pii.digest import value_digest
from gateway.pii.entities import LOCATION, PERSON, SUPPORTED_ENTITIES
from gateway.pii.ner import name_windows
from gateway.pii.rules import PiiRules

if TYPE_CHECKING:
    from gateway.pii.settings import PiiEngineSpec

Mode = Literal["tags", "surrogates"]
TAG_OPEN, TAG_SEP, TAG_CLOSE = "\ue000", "\ue002", "\ue001"
_NER_ENTITIES = frozenset({PERSON, LOCATION})
TAG_PLACEHOLDER = regex.compile(f"{TAG_OPEN}([A-Z_]+){TAG_SEP}([0-9a-f]{{16}}){TAG_CLOSE}")


@dataclass(frozen=True)
class ChunkJob:
    """Raw records to mask: (input line number, raw bytes without terminator, terminator)."""

    records: list[tuple[int, bytes, bytes]]


@dataclass(slots=True)
class RecordOutcome:
    """What masking made of one record; the raw record itself stays with the writer, which holds the chunk."""

    line: int
    text: str | None = None
    """The masked record (tags as placeholders), or None when the record is unchanged."""
    bad: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    residual: list[str] = field(default_factory=list)
    """Entity types the stricter scan still finds in the output (surrogates of this run excluded)."""


@dataclass(frozen=True)
class EngineConfig:
    fmt: Format
    mode: Mode
    header: list[str] | None = None
    columns: tuple[str, ...] | None = None
    residual_threshold: float | None = 0.2
    batch_size: int = 64


class ChunkEngine:
    """Masks chunks of records with one detector and the deployment's pseudonym key."""

    def __init__(self, detector: PiiDetector, key: bytes, config: EngineConfig) -> None:
        self.detector = detector
        self._key = key
        self.config = config
        self.codec = RecordCodec(config.fmt, config.header, config.columns)
        self.rules = PiiRules.default()
        threshold = config.residual_threshold
        self.strict_rules = None if threshold is None else PiiRules(score_threshold=threshold)
        # spaCy NER scores are fixed (0.85), so a lower threshold only adds rule findings: a string that masking
        # left unchanged is the very text the first pass ran NER on, and its residual scan needs the rules only.
        self.strict_rules_only = (
            None
            if threshold is None
            else PiiRules(entities_masked=SUPPORTED_ENTITIES - _NER_ENTITIES, score_threshold=threshold)
        )

    def digest(self, entity_type: str, value: str) -> bytes:
        return value_digest(self._key, entity_type, value)

    def replacement(self, entity_type: str, value: str) -> str:
        digest = self.digest(entity_type, value)
        if self.config.mode == "surrogates":
            return surrogate(entity_type, value, digest)
        return f"{TAG_OPEN}{entity_type}{TAG_SEP}{digest.hex()[:16]}{TAG_CLOSE}"

    def run(self, job: ChunkJob) -> list[RecordOutcome]:
        outcomes: list[RecordOutcome] = []
        parsed: list[tuple[RecordOutcome, object, list]] = []
        for line, raw, _terminator in job.records:
            outcome = RecordOutcome(line=line)
            outcomes.append(outcome)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                outcome.bad = f"not UTF-8 (byte {exc.start})"
                continue
            if TAG_OPEN in text or TAG_CLOSE in text:
                outcome.bad = "contains a reserved private-use character"
                continue
            try:
                record, slots = self.codec.parse(text)
            except BadRecord as exc:
                outcome.bad = str(exc)
                continue
            parsed.append((outcome, record, slots))
        texts = [container[key] for _, _, slots in parsed for container, key in slots]
        found = iter(self._detect_each(texts, self.rules))
        scan_texts: list[str] = []
        scan_spans: list[list[tuple[int, int]]] = []
        scan_owner: list[RecordOutcome] = []
        for outcome, record, slots in parsed:
            counts: Counter[str] = Counter()
            for container, key in slots:
                detections = next(found)
                if detections:
                    counts.update(d.entity_type for d in detections)
                    masked, spans, scan_text = self._replace(container[key], detections)
                    container[key] = masked
                else:
                    spans, scan_text = [], container[key]
                scan_texts.append(scan_text)
                scan_spans.append(spans)
                scan_owner.append(outcome)
            outcome.counts = dict(counts)
            if counts:
                outcome.text = self.codec.dump(record)
        if self.strict_rules is not None:
            self._residual_scan(scan_texts, scan_spans, scan_owner)
        return outcomes

    def _detect_each(self, texts: list[str], rules: PiiRules) -> list[list[Detection]]:
        """The detections of every text, in order; a text repeated within the chunk (a system prompt, a stock
        reply) is analysed once, since detection is a pure function of the text and the rules."""
        unique = list(dict.fromkeys(texts))
        found = self.detector.detect_batch(unique, rules=rules, batch_size=self.config.batch_size)
        by_text = dict(zip(unique, found, strict=True))
        return [by_text[text] for text in texts]

    def _residual_scan(self, texts: list[str], spans: list[list[tuple[int, int]]], owners: list[RecordOutcome]) -> None:
        """Scan the output strings with the stricter rules; what does not overlap a replacement is residual.

        The rule recognizers, whose lower-scored findings are what the stricter threshold adds, read every output
        string. NER (whose scores are fixed) reads again only a changed string that still has, outside what this run
        put in, a word a name could start at: ``name_windows`` with the replacements as explained spans, the test
        the detector itself applies to rule findings. Elsewhere it would only re-read words the first pass already
        ran NER on, or the tags and surrogates just written, whose findings are excluded anyway.
        """
        assert self.strict_rules is not None and self.strict_rules_only is not None
        with_ner = [bool(s) and bool(name_windows(texts[i], s)) for i, s in enumerate(spans)]
        for wanted, rules in ((True, self.strict_rules), (False, self.strict_rules_only)):
            indices = [i for i, ner in enumerate(with_ner) if ner is wanted]
            found = self._detect_each([texts[i] for i in indices], rules)
            for i, residual in zip(indices, found, strict=True):
                for d in residual:
                    if not any(d.start < end and start < d.end for start, end in spans[i]):
                        owners[i].residual.append(d.entity_type)

    def _replace(self, text: str, detections: list[Detection]) -> tuple[str, list[tuple[int, int]], str]:
        """The masked text, the spans of what was put in (in the scan text) and the text the residual scan reads
        (tags rendered as ``<TYPE_0>`` so the scan sees what a reader will)."""
        pieces: list[str] = []
        scan: list[str] = []
        spans: list[tuple[int, int]] = []
        cursor = scan_len = 0
        for d in detections:
            before = text[cursor : d.start]
            put = self.replacement(d.entity_type, text[d.start : d.end])
            shown = f"<{d.entity_type}_0>" if put.startswith(TAG_OPEN) else put
            pieces += [before, put]
            scan += [before, shown]
            scan_len += len(before)
            spans.append((scan_len, scan_len + len(shown)))
            scan_len += len(shown)
            cursor = d.end
        pieces.append(text[cursor:])
        scan.append(text[cursor:])
        return "".join(pieces), spans, "".join(scan)


_ENGINE: ChunkEngine | None = None


def init_worker(spec: PiiEngineSpec, config: EngineConfig) -> None:
    """Worker start-up (spawned process): load the detector once and read the PII key file."""
    import os

    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    global _ENGINE
    _ENGINE = ChunkEngine(spec.detector(), spec.key(), config)


def run_in_worker(job: ChunkJob) -> list[RecordOutcome]:
    assert _ENGINE is not None, "worker not initialised"
    return _ENGINE.run(job)
