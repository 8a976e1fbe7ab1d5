"""``Detection``: one entity found in a text, and how overlapping findings are resolved into one set."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gateway.pii.entities import SPECIFICITY


@dataclass(frozen=True, slots=True)
class Detection:
    """One entity found in a text: ``text[start:end]`` is the value (offsets into the original text)."""

    entity_type: str
    start: int
    end: int
    score: float


def resolve_overlaps(results: Iterable[Detection]) -> list[Detection]:
    """A non-overlapping set of detections.

    A span inside a longer one is dropped whatever its score: the longer span hides it anyway, and keeping the
    shorter would leave the rest of, say, an address in clear. Of partly overlapping spans the higher score wins,
    then the longer, then the more specific type.
    """
    ranked = sorted(
        set(results), key=lambda d: (-d.score, -(d.end - d.start), -SPECIFICITY.get(d.entity_type, 0), d.start)
    )
    outer = [
        d
        for d in ranked
        if not any(o.start <= d.start and d.end <= o.end and o.end - o.start > d.end - d.start for o in ranked)
    ]
    kept: list[Detection] = []
    for candidate in outer:
        if not any(candidate.start < k.end and k.start < candidate.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda d: d.start)
