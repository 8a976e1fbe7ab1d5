"""What ``gateway eval`` prints and writes: the metrics of one configuration, or of two side by side with deltas
(the A/B comparison), the thresholds that gate a deployment, and the JSON file with every question's result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gateway.evaluation.metrics import METRICS, Threshold, summarise
from gateway.evaluation.runner import QuestionResult


@dataclass(slots=True)
class ConfigurationRun:
    """One configuration's run: what it was (model file, adapter, retrieval settings, policy version) and its
    results."""

    name: str
    described: dict[str, Any]
    results: list[QuestionResult]
    summary: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.summary:
            self.summary = summarise(self.results)

    def by_role(self) -> dict[str, dict[str, Any]]:
        roles: dict[str, list[QuestionResult]] = {}
        for result in self.results:
            roles.setdefault(result.role, []).append(result)
        return {role: summarise(results) for role, results in sorted(roles.items())}


def _cell(value: Any, name: str) -> str:
    if value is None:
        return "—"
    if name.endswith("_ms"):
        return f"{value:.0f}"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def _delta(a: Any, b: Any, name: str, higher_is_better: bool) -> str:
    if a is None or b is None:
        return ""
    change = b - a
    if change == 0:
        return "="
    better = (change > 0) == higher_is_better
    text = f"{change:+.0f}" if name.endswith("_ms") or isinstance(change, int) else f"{change:+.3f}"
    return f"{text} {'better' if better else 'worse'}"


def render(runs: Sequence[ConfigurationRun]) -> str:
    """The metrics table: one column per configuration and, for two, the change from the first to the second."""
    header = ["metric", *(run.name for run in runs)] + (["delta"] if len(runs) == 2 else [])
    rows = [header]
    for metric in METRICS:
        values = [run.summary.get(metric.name) for run in runs]
        row = [metric.label, *(_cell(v, metric.name) for v in values)]
        if len(runs) == 2:
            row.append(_delta(values[0], values[1], metric.name, metric.higher_is_better))
        rows.append(row)
    counts = runs[0].summary["counts"]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"\n{counts['questions']} questions ({counts['answerable']} answerable, {counts['answered']} "
                 f"answered from the knowledge base in {runs[0].name}); k = {counts['k']} passages")
    return "\n".join(lines)


def render_roles(run: ConfigurationRun) -> str:
    """Per role: questions, refusal accuracy, format compliance, recall@k: where a configuration is weak."""
    rows = [["role", "questions", "refusal acc.", "format ok", "recall@k", "p50 ms"]]
    for role, summary in run.by_role().items():
        rows.append([role, str(summary["counts"]["questions"]), _cell(summary["refusal_accuracy"], ""),
                     _cell(summary["format_compliance"], ""), _cell(summary["recall_at_k"], ""),
                     _cell(summary["latency_p50_ms"], "latency_p50_ms")])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows)


def gate(run: ConfigurationRun, thresholds: Sequence[Threshold]) -> list[str]:
    """The thresholds ``run`` misses, as lines to print (empty: the gate passes)."""
    return [f"{threshold}: got {_cell(run.summary.get(threshold.metric), threshold.metric)}"
            for threshold in thresholds if not threshold.check(run.summary)]


def as_json(runs: Sequence[ConfigurationRun], thresholds: Sequence[Threshold], missed: Sequence[str]) -> dict[str, Any]:
    return {
        "metrics": {m.name: {"label": m.label, "higher_is_better": m.higher_is_better, "meaning": m.meaning}
                    for m in METRICS},
        "configurations": [{"name": run.name, "configuration": run.described, "summary": run.summary,
                            "by_role": run.by_role(), "questions": [r.as_json() for r in run.results]}
                           for run in runs],
        "thresholds": [str(t) for t in thresholds],
        "gated": runs[-1].name if runs else None,
        "missed": list(missed),
        "passed": not missed,
    }
