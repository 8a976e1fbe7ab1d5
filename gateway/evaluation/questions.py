"""The labelled question set ``gateway eval`` reads (JSONL), the personal values that must never leak, and the
selection of a subset that still covers every role and category."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal, TypeVar

import msgspec

from gateway.errors import InvalidInput

T = TypeVar("T", bound=msgspec.Struct)
Category = Literal["answerable", "access_denied", "not_in_kb"]


class LabelledQuestion(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One line of ``questions.jsonl`` (see ``examples/bank/README.md``)."""

    id: str
    question: str
    role: str
    expect_refusal: bool
    expected_documents: list[str] = []
    """``source_id``s of the documents that hold the answer (front matter ``source_id``)."""
    expected_sections: list[str] = []
    """``##`` headings where the answer is."""
    reference_answer: str = ""
    language: str = ""
    category: Category | None = None

    @property
    def kind(self) -> str:
        return self.category or ("not_in_kb" if self.expect_refusal else "answerable")


class PersonalValue(msgspec.Struct, frozen=True):
    """A personal value that must not appear unmasked in an answer: planted in a document (``doc``) or carried by
    a question (``id``)."""

    entity_type: str
    value: str
    doc: str | None = None
    id: str | None = None


def load_questions(path: Path) -> list[LabelledQuestion]:
    """Every question of a JSONL file; a bad line raises InvalidInput naming the line (never its content)."""
    questions = _lines(path, LabelledQuestion)
    seen: set[str] = set()
    for number, question in enumerate(questions, start=1):
        if question.id in seen:
            raise InvalidInput(f"{path.name} line {number}: question id repeated")
        seen.add(question.id)
    return questions


def load_values(path: Path | None) -> list[PersonalValue]:
    return _lines(path, PersonalValue) if path is not None else []


def _lines(path: Path, kind: type[T]) -> list[T]:
    decoder = msgspec.json.Decoder(kind)
    found: list[T] = []
    try:
        lines = path.read_bytes().splitlines()
    except OSError as exc:
        raise InvalidInput(f"{path.name}: cannot read ({exc.strerror})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            found.append(decoder.decode(line))
        except msgspec.ValidationError as exc:
            raise InvalidInput(f"{path.name} line {number}: {exc}") from None
        except msgspec.DecodeError:
            raise InvalidInput(f"{path.name} line {number}: not valid JSON") from None
    return found


def select(questions: Sequence[LabelledQuestion], *, limit: int | None = None, roles: Iterable[str] = (),
           categories: Iterable[str] = (), ids: Iterable[str] = ()) -> list[LabelledQuestion]:
    """The questions matching the filters; with ``limit``, a subset taken round-robin over (role, category)
    groups in file order, so a few questions still cover every role and every kind of question."""
    wanted_roles, wanted_kinds, wanted_ids = set(roles), set(categories), set(ids)
    chosen = [q for q in questions if (not wanted_roles or q.role in wanted_roles)
              and (not wanted_kinds or q.kind in wanted_kinds) and (not wanted_ids or q.id in wanted_ids)]
    if limit is None or limit >= len(chosen):
        return chosen
    groups: dict[tuple[str, str], list[LabelledQuestion]] = {}
    for question in chosen:
        groups.setdefault((question.role, question.kind), []).append(question)
    picked: list[LabelledQuestion] = []
    depth = 0
    while len(picked) < limit:
        for group in groups.values():
            if depth < len(group) and len(picked) < limit:
                picked.append(group[depth])
        depth += 1
    order = {q.id: i for i, q in enumerate(chosen)}
    return sorted(picked, key=lambda q: order[q.id])
