"""The evaluation metrics on hand-made results, each number worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.evaluation.leaks import leaked
from gateway.evaluation.metrics import Threshold, summarise
from gateway.evaluation.questions import LabelledQuestion, PersonalValue, load_questions, select
from gateway.evaluation.runner import QuestionResult, RetrievedSource
from gateway.paths import PROJECT_ROOT


def src(source_id: str, *sections: str) -> RetrievedSource:
    return RetrievedSource(source_id, source_id.title(), [f"T > {s}" for s in sections])


def result(qid: str, category: str, expected: list[str], sources: list[RetrievedSource], **fields: object
           ) -> QuestionResult:  # fmt: skip
    found = QuestionResult(qid, "desk", category, "en", category != "answerable", expected,
                           list(fields.pop("sections", [])))  # type: ignore[call-overload]
    found.sources = sources
    found.from_knowledge_base = bool(sources) and not fields.get("refused")
    for name, value in fields.items():
        setattr(found, name, value)
    return found


RESULTS = [
    # answerable, expected doc "a" ranked 2nd of 3; cites [1] (b) and [2] (a); complied; sections: 1 of 2 found
    result("q1", "answerable", ["a"], [src("b", "X"), src("a", "Fees"), src("c")], cited=[1, 2], format="text",
           format_valid=True, attempts=1, sections=["Fees", "Limits"], relevance_reference=0.8,
           relevance_question=0.6, latency_ms=100.0),
    # answerable, two expected docs, one retrieved (rank 1); cites [1]; complied only on the retry
    result("q2", "answerable", ["a", "d"], [src("a", "Limits")], cited=[1], format="text", format_valid=True,
           attempts=2, relevance_reference=0.4, relevance_question=0.2, latency_ms=300.0),
    # answerable but nothing retrieved: declined (wrongly)
    result("q3", "answerable", ["c"], [], latency_ms=50.0),
    # not in the knowledge base, refused by policy (rightly); leaks nothing
    result("q4", "not_in_kb", [], [], refused=True, format="text", latency_ms=10.0),
    # access denied but answered from a passage (wrongly), leaking a planted value; 1 invalid citation removed
    result("q5", "access_denied", [], [src("b")], cited=[1], invalid_citations=[7], format="text",
           format_valid=True, attempts=1, leaked=["doc:x.md:PERSON"], relevance_question=0.5, latency_ms=200.0),
    # failed the template twice: an error, counted in format compliance and errors only
    result("q6", "answerable", ["a"], [src("a")], status="answer_format_invalid", format="text",
           format_valid=False, attempts=2, latency_ms=400.0),
]


def test_every_metric_by_hand() -> None:
    summary = summarise(RESULTS)
    # answerable and done: q1, q2, q3. recall: q1 1/1, q2 1/2, q3 0/1 -> 1.5/3
    assert summary["recall_at_k"] == 0.5
    # MRR: q1 1/2, q2 1/1, q3 0 -> 1.5/3
    assert summary["mrr"] == 0.5
    # sections: only q1 expects some: "Fees" found, "Limits" not (q2's "Limits" is another question's) -> 1/2
    assert summary["section_recall_at_k"] == 0.5
    # citing answered answerable: q1 (b, a: 1/2 correct), q2 (a: 1/1) -> (0.5 + 1) / 2
    assert summary["citation_precision"] == 0.75
    # answered answerable: q1 (a of a: 1), q2 (a of a, d: 1/2) -> 1.5/2
    assert summary["citation_recall"] == 0.75
    # formatted: q1, q2, q5 valid; q6 failed; q4 refused (not counted) -> 3/4; first try: q1, q5 -> 2/4
    assert summary["format_compliance"] == 0.75
    assert summary["first_try_compliance"] == 0.5
    # done: q1-q5. declined == expected: q1 yes, q2 yes, q3 no, q4 yes, q5 no -> 3/5
    assert summary["refusal_accuracy"] == 0.6
    assert summary["answered_when_answerable"] == round(2 / 3, 4)
    assert (summary["declined_when_denied"], summary["declined_when_not_in_kb"]) == (0.0, 1.0)
    assert (summary["pii_leaks"], summary["invalid_citations"], summary["errors"]) == (1, 1, 1)
    # relevance to reference: answered answerable with one: q1 0.8, q2 0.4; to question: q1, q2, q5
    assert summary["relevance_reference"] == 0.6
    assert summary["relevance_question"] == round((0.6 + 0.2 + 0.5) / 3, 4)
    # latencies of done questions: 10, 50, 100, 200, 300 -> median 100; p95 inclusive: 200 + 0.8 * 100
    assert (summary["latency_p50_ms"], summary["latency_p95_ms"]) == (100.0, 280.0)
    assert summary["counts"] == {"questions": 6, "answerable": 3, "answered": 2, "citing": 2, "formatted": 4,
                                 "k": 3}


def test_thresholds_fail_closed_on_undefined_metrics() -> None:
    summary = summarise(RESULTS)
    assert Threshold.parse("recall_at_k=0.5", at_least=True).check(summary)
    assert not Threshold.parse("pii_leaks=0", at_least=False).check(summary)
    assert not Threshold.parse("mrr=0.1", at_least=True).check(summarise([]))
    with pytest.raises(ValueError, match="METRIC=VALUE"):
        Threshold.parse("recall=1", at_least=True)


def test_a_limited_selection_still_covers_every_role_and_category() -> None:
    questions = load_questions(PROJECT_ROOT / "examples" / "bank" / "questions.jsonl")
    assert len(questions) == 211
    groups = {(q.role, q.kind) for q in questions}
    chosen = select(questions, limit=len(groups))
    assert {(q.role, q.kind) for q in chosen} == groups
    assert [q.id for q in chosen] == sorted(q.id for q in chosen)  # file order kept
    assert [q.id for q in select(questions, ids=["q002", "q001"])] == ["q001", "q002"]


def test_a_bad_question_line_is_named_without_its_content(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "q1", "question": "Anna Kowalski?", "role": "teller"}\n')
    with pytest.raises(Exception, match=r"q\.jsonl line 1: .*expect_refusal") as caught:
        load_questions(path)
    assert "Kowalski" not in str(caught.value)


@pytest.mark.parametrize(("answer", "found"), [
    ("Card 4539 7812 0456 3180 was used.", True),
    ("Card 4539-7812-0456-3180 was used.", True),
    ("Card 4539781204563180 was used.", True),
    ("Card [REDACTED] was used; 4539 is a branch code.", False),
    ("oliver BRANDT called.", True),
    ("<PERSON_3f9a1c2b> called.", False),
])
def test_leaks_are_found_whatever_the_spacing(answer: str, found: bool) -> None:
    values = [PersonalValue("CREDIT_CARD", "4539 7812 0456 3180"), PersonalValue("PERSON", "Oliver Brandt")]
    assert bool(leaked(answer, values)) is found


def test_question_kinds_default_from_the_refusal_label() -> None:
    assert LabelledQuestion(id="x", question="?", role="r", expect_refusal=True).kind == "not_in_kb"
