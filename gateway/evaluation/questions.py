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
    """The questions matching the filters. With ``limit``, a stratified subset: every (role, category) group keeps
    at least one question while the limit allows, the rest is shared in proportion to the groups' sizes (largest
    remainders first), and each group contributes its first questions; so rates measured on a few dozen questions
    stay close to those of the whole set, and no role or kind of question is left out."""
    wanted_roles, wanted_kinds, wanted_ids = set(roles), set(categories), set(ids)
    chosen = [q for q in questions if (not wanted_roles or q.role in wanted_roles)
              and (not wanted_kinds or q.kind in wanted_kinds) and (not wanted_ids or q.id in wanted_ids)]
    if limit is None or limit >= len(chosen):
        return chosen
    groups: dict[tuple[str, str], list[LabelledQuestion]] = {}
    for question in chosen:
        groups.setdefault((question.role, question.kind), []).append(question)
    keys = list(groups)
    shares = {key: 1 if limit >= len(keys) else 0 for key in keys}
    if limit < len(keys):  # fewer questions than groups: one each from the largest groups
        for key in sorted(keys, key=lambda k: -len(groups[k]))[:limit]:
            shares[key] = 1
    spare = limit - sum(shares.values())
    if spare > 0:
        room = {key: len(groups[key]) - shares[key] for key in keys}
        total = sum(room.values())
        exact = {key: spare * room[key] / total for key in keys}
        for key in keys:
            shares[key] += int(exact[key])
        left = limit - sum(shares.values())
        for key in sorted(keys, key=lambda k: exact[k] - int(exact[k]), reverse=True)[:left]:
            shares[key] += 1
    picked = {q.id for key in keys for q in groups[key][: shares[key]]}
    return [q for q in chosen if q.id in picked]
