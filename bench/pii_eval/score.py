"""Scoring detections against labelled spans, label-agnostic: what matters is whether the characters are hidden.

- recall: a gold value counts as hidden when at least 80% of its characters lie inside predicted spans (any type).
- precision: a predicted span counts as correct when at least 50% of its own characters lie inside gold values
  (any type); precision = correct predicted spans / all predicted spans.
- F2 = 5·P·R / (4·P + R): recall weighted over precision (a leak costs more than an extra mask).

Gold types are grouped as direct identifiers and quasi-identifiers (ORGANIZATION, JOB_TITLE, AGE, DATE, NRP), which
policies mask only when they say ``mask: all``. Standard library only, so the data generator's environment can use
it too.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

QUASI = frozenset({"ORGANIZATION", "JOB_TITLE", "AGE", "DATE", "NRP"})
DATA = Path(__file__).resolve().parents[1] / "data"

Span = tuple[str, int, int]


@dataclass(frozen=True)
class Sample:
    id: str
    text: str
    gold: tuple[Span, ...]
    split: str = ""
    template: str = ""


def load(name: str, split: str | None = None) -> list[Sample]:
    """Records of ``bench/data/<name>`` (JSON lines), optionally one split only."""
    samples = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if split is not None and row.get("split") != split:
            continue
        gold = tuple((s["entity_type"], s["start"], s["end"]) for s in row["spans"])
        samples.append(Sample(row["id"], row["text"], gold, row.get("split", ""), row.get("template", "")))
    return samples


def covered(start: int, end: int, spans: Iterable[tuple[int, int]]) -> int:
    chars: set[int] = set()
    for s, e in spans:
        chars.update(range(max(start, s), min(end, e)))
    return len(chars)


@dataclass
class Report:
    recall: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    precision: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    def type_recall(self, entity: str) -> float:
        hit, total = self.recall[entity]
        return hit / total if total else float("nan")

    def group_recall(self, types: Iterable[str]) -> tuple[float, int]:
        hit = sum(self.recall[t][0] for t in types if t in self.recall)
        total = sum(self.recall[t][1] for t in types if t in self.recall)
        return (hit / total if total else float("nan")), total

    @property
    def direct(self) -> tuple[float, int]:
        return self.group_recall([t for t in self.recall if t not in QUASI])

    @property
    def overall(self) -> tuple[float, int]:
        return self.group_recall(list(self.recall))

    @property
    def overall_precision(self) -> tuple[float, int]:
        ok = sum(v[0] for v in self.precision.values())
        total = sum(v[1] for v in self.precision.values())
        return (ok / total if total else float("nan")), total

    @property
    def f2(self) -> float:
        r, p = self.overall[0], self.overall_precision[0]
        return 5 * p * r / max(4 * p + r, 1e-9)


def evaluate(samples: list[Sample], predict: Callable[[str], list[Span]], *, ignore: frozenset[str] = frozenset()
             ) -> Report:  # fmt: skip
    """Score ``predict`` on ``samples``; gold types in ``ignore`` count neither for recall nor against precision."""
    report = Report()
    for sample in samples:
        text = sample.text
        predicted = predict(text)
        counted = [g for g in sample.gold if g[0] not in ignore]
        ignored = [(s, e) for t, s, e in sample.gold if t in ignore]
        pred_spans = [(s, e) for _, s, e in predicted]
        for entity, start, end in counted:
            hidden = covered(start, end, pred_spans) >= 0.8 * (end - start)
            report.recall[entity][0] += hidden
            report.recall[entity][1] += 1
            if not hidden:
                report.misses.append(
                    f"{sample.id} MISS {entity}: {text[start:end]!r}  <<{_context(text, start, end)}>>")
        for entity, start, end in predicted:
            length = max(end - start, 1)
            if covered(start, end, [(s, e) for _, s, e in counted]) >= 0.5 * length:
                report.precision[entity][0] += 1
            elif covered(start, end, ignored) >= 0.5 * length:
                continue
            else:
                report.false_positives.append(
                    f"{sample.id} FALSE {entity}: {text[start:end]!r}  <<{_context(text, start, end)}>>")
            report.precision[entity][1] += 1
    return report


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    return (text[max(0, start - width):start] + "[" + text[start:end] + "]" + text[end:end + width]).replace("\n", "⏎")


def side_by_side(title: str, ours: Report, stock: Report) -> str:
    lines = [f"\n== {title} ==", f"{'gold type':24} {'ours R':>7} {'stock R':>7}  n"]
    for entity in sorted(ours.recall, key=lambda e: (e in QUASI, e)):
        lines.append(f"{entity:24} {ours.type_recall(entity):7.3f} {stock.type_recall(entity):7.3f}  "
                     f"{ours.recall[entity][1]}")
    for label, o, s in (("direct identifiers", ours.direct, stock.direct),
                        ("all types", ours.overall, stock.overall)):
        lines.append(f"{label:24} {o[0]:7.3f} {s[0]:7.3f}  {o[1]}")
    op, sp = ours.overall_precision, stock.overall_precision
    lines.append(f"{'precision':24} {op[0]:7.3f} {sp[0]:7.3f}  (predicted spans: ours {op[1]}, stock {sp[1]})")
    lines.append(f"{'F2':24} {ours.f2:7.3f} {stock.f2:7.3f}")
    return "\n".join(lines)
