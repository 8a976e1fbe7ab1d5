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
    """A non-overlapping set of detections that hides every character any of them covers.

    A span inside a longer one is dropped whatever its score: the longer span hides it anyway, and keeping the
    shorter would leave the rest of, say, an address in clear. Partly overlapping spans are merged into one span
    over both, typed by the higher score, then the longer, then the more specific type: dropping either would
    leave some of its characters in clear ("Asian operations director" against "Mixed White and Asian").
    Equal ranks go by type name, so that a text gets the same types in every process (a set's order is not).
    """
    ranked = sorted(
        set(results),
        key=lambda d: (-d.score, -(d.end - d.start), -SPECIFICITY.get(d.entity_type, 0), d.start, d.entity_type),
    )
    outer = [
        d
        for d in ranked
        if not any(o.start <= d.start and d.end <= o.end and o.end - o.start > d.end - d.start for o in ranked)
    ]
    kept: list[Detection] = []
    for candidate in outer:
        clashing = [k for k in kept if candidate.start < k.end and k.start < candidate.end]
        if not clashing:
            kept.append(candidate)
            continue
        winner = clashing[0]  # kept in rank order, so the first clash outranks the candidate
        merged = Detection(winner.entity_type, min(candidate.start, *(k.start for k in clashing)),
                           max(candidate.end, *(k.end for k in clashing)), winner.score)
        kept = [k for k in kept if k not in clashing] + [merged]
    return sorted(kept, key=lambda d: d.start)
