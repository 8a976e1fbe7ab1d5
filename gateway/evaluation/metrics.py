"""The metrics of an evaluation run, computed from its per-question results. Each is a plain mean or count over
the questions it is defined for (named in ``METRICS``); a metric with no question to be computed on is ``None``.

Retrieval is judged on the passages the pipeline actually gave the model (after the role filter and the relevance
threshold, at most ``k`` of them): a passage is relevant when its document's ``source_id`` is expected.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import mean, quantiles
from typing import Any

from gateway.evaluation.runner import QuestionResult


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    label: str
    higher_is_better: bool
    meaning: str


METRICS = (
    Metric("recall_at_k", "retrieval recall@k", True,
           "answerable questions: share of the expected documents among the passages given to the model"),
    Metric("mrr", "retrieval MRR", True,
           "answerable questions: 1 / rank of the first passage from an expected document (0 if none)"),
    Metric("section_recall_at_k", "section recall@k", True,
           "answerable questions with expected sections: share of them among the given passages' headings"),
    Metric("citation_precision", "citation precision", True,
           "answered answerable questions that cite: share of cited sources from an expected document"),
    Metric("citation_recall", "citation recall", True,
           "answered answerable questions: share of the expected documents the answer cites"),
    Metric("format_compliance", "format compliance", True,
           "answers of roles with a template or format (refusals aside): share that complied, after any retry"),
    Metric("first_try_compliance", "format compliance, 1st try", True,
           "the same answers: share that complied without a retry"),
    Metric("refusal_accuracy", "refusal accuracy", True,
           "every question: declined (refused, or answered without a passage) exactly when a refusal is expected"),
    Metric("answered_when_answerable", "answered if answerable", True,
           "answerable questions: share answered from the knowledge base"),
    Metric("declined_when_denied", "declined if access denied", True,
           "questions the role may not see the answer to: share declined"),
    Metric("declined_when_not_in_kb", "declined if not in KB", True,
           "questions no document answers: share declined"),
    Metric("pii_leaks", "answers leaking personal data", False,
           "answers in which a planted or (not revealable) question value appears unmasked"),
    Metric("invalid_citations", "invalid [n] removed", False, "citations of sources not provided, removed"),
    Metric("relevance_reference", "relevance to reference", True,
           "answered answerable questions: cosine of the answer's own words and the reference answer"),
    Metric("relevance_question", "relevance to question", True,
           "answered questions: cosine of the answer's own words and the question"),
    Metric("latency_p50_ms", "latency p50 (ms)", False, "median time per question, refusals included"),
    Metric("latency_p95_ms", "latency p95 (ms)", False, "95th percentile time per question"),
    Metric("errors", "errors", False, "questions whose request failed (e.g. answer_format_invalid)"),
)
BY_NAME = {metric.name: metric for metric in METRICS}


def _share(items: Sequence[Any], hit: Callable[[Any], float]) -> float | None:
    return round(float(mean(hit(item) for item in items)), 4) if items else None


def _documents(result: QuestionResult, numbers: Sequence[int] | None = None) -> list[str]:
    chosen = result.sources if numbers is None else [result.sources[n - 1] for n in numbers
                                                     if 0 < n <= len(result.sources)]
    return [source.source_id for source in chosen]


def _recall(expected: Sequence[str], found: Sequence[str]) -> float:
    return len(set(expected) & set(found)) / len(set(expected))


def _reciprocal_rank(result: QuestionResult) -> float:
    for rank, source in enumerate(result.sources, start=1):
        if source.source_id in result.expected_documents:
            return 1.0 / rank
    return 0.0


def _sections_found(result: QuestionResult) -> float:
    headings = {path.split(" > ")[-1] for source in result.sources for path in source.sections}
    return _recall(result.expected_sections, sorted(headings))


def _precision(result: QuestionResult) -> float:
    cited = _documents(result, result.cited)
    return sum(doc in result.expected_documents for doc in cited) / len(cited)


def _percentile(values: Sequence[float], q: int) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    return round(quantiles(values, n=100, method="inclusive")[q - 1], 1)


def summarise(results: Sequence[QuestionResult]) -> dict[str, Any]:
    """Every metric of ``METRICS`` (``None`` where undefined) and the counts they were computed on."""
    done = [r for r in results if r.status == "ok"]
    answerable = [r for r in done if not r.expect_refusal and r.expected_documents]
    answered = [r for r in answerable if not r.declined]
    citing = [r for r in answered if r.cited]
    with_sections = [r for r in answerable if r.expected_sections]
    formatted = [r for r in results if r.format is not None and not r.refused
                 and ((r.status == "ok" and r.format_valid is not None) or r.status == "answer_format_invalid")]
    latencies = [r.latency_ms for r in done]
    summary: dict[str, Any] = {
        "recall_at_k": _share(answerable, lambda r: _recall(r.expected_documents, _documents(r))),
        "mrr": _share(answerable, _reciprocal_rank),
        "section_recall_at_k": _share(with_sections, _sections_found),
        "citation_precision": _share(citing, _precision),
        "citation_recall": _share(answered, lambda r: _recall(r.expected_documents, _documents(r, r.cited))),
        "format_compliance": _share(formatted, lambda r: r.status == "ok" and bool(r.format_valid)),
        "first_try_compliance": _share(formatted, lambda r: r.status == "ok" and bool(r.format_valid)
                                       and r.attempts == 1),
        "refusal_accuracy": _share(done, lambda r: r.declined == r.expect_refusal),
        "answered_when_answerable": _share([r for r in done if r.category == "answerable"],
                                           lambda r: not r.declined),
        "declined_when_denied": _share([r for r in done if r.category == "access_denied"], lambda r: r.declined),
        "declined_when_not_in_kb": _share([r for r in done if r.category == "not_in_kb"], lambda r: r.declined),
        "pii_leaks": sum(1 for r in done if r.leaked),
        "invalid_citations": sum(len(r.invalid_citations) for r in done),
        "relevance_reference": _share([r for r in answered if r.relevance_reference is not None],
                                      lambda r: r.relevance_reference),
        "relevance_question": _share([r for r in done if r.relevance_question is not None],
                                     lambda r: r.relevance_question),
        "latency_p50_ms": _percentile(latencies, 50),
        "latency_p95_ms": _percentile(latencies, 95),
        "errors": len(results) - len(done),
    }
    summary["counts"] = {"questions": len(results), "answerable": len(answerable), "answered": len(answered),
                         "citing": len(citing), "formatted": len(formatted),
                         "k": max((len(r.sources) for r in results), default=0)}
    return summary


@dataclass(frozen=True, slots=True)
class Threshold:
    metric: str
    bound: float
    at_least: bool

    @classmethod
    def parse(cls, text: str, *, at_least: bool) -> Threshold:
        name, found, value = text.partition("=")
        if not found or name not in BY_NAME:
            raise ValueError(f"expected METRIC=VALUE with METRIC one of {', '.join(BY_NAME)}")
        try:
            return cls(name, float(value), at_least)
        except ValueError:
            raise ValueError(f"{name}: the bound must be a number") from None

    def check(self, summary: dict[str, Any]) -> bool:
        """Met? An undefined metric never meets a threshold (the gate fails closed)."""
        value = summary.get(self.metric)
        if value is None:
            return False
        return bool(value >= self.bound if self.at_least else value <= self.bound)

    def __str__(self) -> str:
        return f"{self.metric} {'>=' if self.at_least else '<='} {self.bound:g}"
