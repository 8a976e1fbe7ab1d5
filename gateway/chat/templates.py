"""Answer templates: the fixed shape of a role's answers (``generation.answer_template`` in the policy).

A template is a list of named sections. A ``sources`` section is written by the gateway from the passages the
answer was given (title, section heading, version, effective date of each): the model never writes it, so it
cannot name a basis that was not retrieved. The ``model`` sections are written by the model under a grammar
(llama.cpp GBNF): it cannot open another section, and ``[n]`` can only name a source it was given.

- ``format: text``: each section is its heading then its content. The gateway's sections before the model's are
  known before generation and are sent first, as their own chunks; those after are sent when the model is done.
  The first model heading is written by the gateway; further ones are forced by the grammar.
- ``format: json``: ``answer_format`` is the schema of the whole answer. The model writes an object of the other
  properties under a grammar of that part of the schema; the gateway adds the source-bound arrays and checks the
  whole against the schema.

``AnswerShape`` is one answer's template applied to its sources: the text around the model's part, the grammar, the
system-prompt instructions, and the check that says whether what the model wrote complies.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gateway.chat.citations import CitationFilter
from gateway.kb.search import Hit
from gateway.policy.schema import AnswerTemplateDecl, TemplateSectionDecl


@dataclass(frozen=True, slots=True)
class Checked:
    """What the model wrote, after the citation check, composed into the answer's model part, and whether it
    complies (``problems`` name sections and rules, never quote the answer)."""

    text: str
    problems: tuple[str, ...]


def source_fields(n: int, hit: Hit, missing: str) -> dict[str, Any]:
    """What a ``sources`` section may say about source ``n`` (``SOURCE_FIELDS``): only what the knowledge base
    holds about the passage; ``missing`` where it holds nothing."""
    sections = [_without_title(path, hit.title) for path in hit.sections]
    meta = hit.metadata
    return {
        "n": n,
        "title": hit.title or missing,
        "section": "; ".join(s for s in sections if s) or missing,
        "version": str(meta.get("version_label") or f"v{hit.version}"),
        "effective_date": str(meta.get("effective_date") or missing),
        "document_id": hit.document_id,
    }


def _without_title(path: str, title: str) -> str:
    """``Title > Section`` → ``Section``; the document's own title is already in the line."""
    if path == title:
        return ""
    prefix = f"{title} > "
    return path[len(prefix):] if title and path.startswith(prefix) else path


class AnswerShape:
    """One answer's template under its sources; see the module docstring."""

    def __init__(self, template: AnswerTemplateDecl | None, sources: Sequence[Hit],
                 answer_format: dict[str, Any] | None = None) -> None:
        """``template`` None with an ``answer_format``: a json answer the model writes whole (no bound sources)."""
        self.template = template
        self.sources = list(sources)
        self.schema = answer_format
        self.format = template.format if template is not None else "json"
        sections: tuple[TemplateSectionDecl, ...] = template.sections if template is not None else ()
        self._sections = sections
        self._model = [s for s in sections if s.fill == "model"]
        first = sections.index(self._model[0]) if self._model else 0
        last = sections.index(self._model[-1]) if self._model else -1
        self._before = sections[:first]
        self._after = sections[last + 1:]

    # -- what the gateway writes -----------------------------------------------------------------------------------
    @property
    def leading(self) -> str:
        """Text format: everything before the model's first word (its own sections and the first model heading)."""
        if self.format != "text":
            return ""
        parts = [f"{s.heading}\n{self._source_lines(s)}\n" for s in self._before]
        return "".join(parts) + f"{self._model[0].heading}\n"

    @property
    def trailing(self) -> str:
        """Text format: the gateway's sections after the model's."""
        if self.format != "text":
            return ""
        return "".join(f"\n{s.heading}\n{self._source_lines(s)}" for s in self._after)

    def _source_lines(self, section: TemplateSectionDecl) -> str:
        if not self.sources:
            return section.missing
        return "\n".join(section.item.format(**source_fields(n, hit, section.missing))
                         for n, hit in enumerate(self.sources, start=1))

    def _source_values(self, section: TemplateSectionDecl) -> list[Any]:
        """Json format: the array a ``sources`` section binds, strings (``item``) or objects, per the schema."""
        assert self.schema is not None
        items = self.schema["properties"][section.name].get("items") or {}
        values: list[Any] = []
        for n, hit in enumerate(self.sources, start=1):
            fields = source_fields(n, hit, section.missing)
            if items.get("type") == "object":
                wanted = items.get("properties") or fields
                values.append({key: fields[key] for key in wanted if key in fields})
            else:
                values.append(section.item.format(**fields))
        return values

    # -- what the model is told and held to ------------------------------------------------------------------------
    def instructions(self) -> str:
        """Added to the system prompt: what to write, and that the gateway writes the rest."""
        lines = []
        if self.format == "json" and not self._model:
            return ""
        if self.format == "json":
            names = ", ".join(s.name for s in self._model)
            lines.append(f"Reply with a JSON object with the fields {names}. The sources are listed by the system.")
        elif len(self._model) > 1:
            order = ", ".join(s.heading for s in self._model)
            lines.append(f"Write these sections in this order, each after its heading on a line of its own: {order}.")
        else:
            lines.append("The sources are listed by the system; write only the text below the heading, no headings.")
        lines += [s.instruction for s in self._model if s.instruction]
        return "\n".join(lines)

    def model_schema(self) -> dict[str, Any] | None:
        """Json format: the schema the model's object follows (the answer's, without the source-bound arrays)."""
        if self.format != "json" or self.schema is None:
            return None
        bound = {s.name for s in self._sections if s.fill == "sources"}
        schema = dict(self.schema)
        schema["properties"] = {k: v for k, v in (self.schema.get("properties") or {}).items() if k not in bound}
        if "required" in schema:
            schema["required"] = [k for k in schema["required"] if k not in bound]
        return schema

    def grammar(self) -> str | None:
        """Text format: a GBNF grammar of the model's part. No character opens a heading (``【`` …), ``[`` only
        opens a citation of a provided source, every model section has at least ``min_chars`` characters, and the
        headings of further model sections are forced in order."""
        if self.format != "text":
            return None
        reserved = {"[", "\x00"} | {s.heading[0] for s in self._sections
                                    if not s.heading[0].isalnum() and not s.heading[0].isspace()}
        excluded = "".join(_class_char(c) for c in sorted(reserved))
        rules = [f"plain ::= [^{excluded}]"]
        if self.sources:
            numbers = " | ".join(f'"{n}"' for n in range(1, len(self.sources) + 1))
            rules += ["item ::= plain | cite", f'cite ::= "[" ({numbers}) "]"']
        else:
            rules.append("item ::= plain")
        body = []
        for i, section in enumerate(self._model):
            rules.append(f"s{i} ::= item{{{section.min_chars},}}")
            body.append(f"s{i}" if i == 0 else f'"\\n" {_literal(section.heading)} "\\n" s{i}')
        return "\n".join([f"root ::= {' '.join(body)}", *rules]) + "\n"

    # -- the check -------------------------------------------------------------------------------------------------
    def check(self, raw: str, citations: CitationFilter) -> Checked:
        """The model's part of the answer from what it wrote (citations checked), and what does not comply."""
        if self.format == "json":
            return self._check_json(raw, citations)
        return self.check_text(citations.check(raw))

    def check_text(self, text: str) -> Checked:
        """Text format: ``text`` (citations already checked) holds every model section, in order, none empty,
        none carrying another section's heading."""
        problems: list[str] = []
        rest = text
        bodies: list[tuple[TemplateSectionDecl, str]] = []
        for i, section in enumerate(self._model):
            following = self._model[i + 1].heading if i + 1 < len(self._model) else None
            if following is None:
                bodies.append((section, rest))
                break
            body, found, rest = rest.partition(f"\n{following}\n")
            bodies.append((section, body))
            if not found:
                problems.append(f"section {self._model[i + 1].name} is missing")
                break
        headings = [s.heading for s in self._sections]
        for section, body in bodies:
            if len("".join(body.split())) < section.min_chars:
                problems.append(f"section {section.name} is shorter than {section.min_chars} characters")
            if any(heading in body for heading in headings):
                problems.append(f"section {section.name} contains a section heading")
        return Checked(text, tuple(problems))

    def _check_json(self, raw: str, citations: CitationFilter) -> Checked:
        import jsonschema

        assert self.schema is not None
        try:
            written = json.loads(raw)
        except ValueError:
            return Checked(raw, ("the answer is not JSON",))
        if not isinstance(written, dict):
            return Checked(raw, ("the answer is not a JSON object",))
        written = {key: _checked_strings(value, citations) for key, value in written.items()}
        answer: dict[str, Any] = {}
        for name in self.schema.get("properties") or {}:
            section = next((s for s in self._sections if s.name == name), None)
            if section is not None and section.fill == "sources":
                answer[name] = self._source_values(section)
            elif name in written:
                answer[name] = written.pop(name)
        answer.update(written)
        problems = [f"property {'.'.join(str(p) for p in error.absolute_path) or '(answer)'}: {error.validator}"
                    for error in jsonschema.Draft202012Validator(self.schema).iter_errors(answer)]
        for section in self._model:
            value = answer.get(section.name)
            if isinstance(value, str) and len("".join(value.split())) < section.min_chars:
                problems.append(f"section {section.name} is shorter than {section.min_chars} characters")
        return Checked(json.dumps(answer, ensure_ascii=False), tuple(problems))

    def model_text(self, answer: str) -> str:
        """The model-written part of a rendered answer (for relevance scoring): text sections' bodies, or the json
        answer's model-filled string fields."""
        if self.format == "json":
            try:
                parsed = json.loads(answer)
            except ValueError:
                return answer
            if not isinstance(parsed, dict):
                return answer
            if not self._model:
                return "\n".join(str(v) for v in parsed.values() if isinstance(v, str))
            return "\n".join(str(parsed.get(s.name, "")) for s in self._model)
        assert self.template is not None
        return model_part(self.template, answer)


def model_part(template: AnswerTemplateDecl, answer: str) -> str:
    """A text-format answer (or a reference answer written in the template's shape) without the gateway's sections
    and without any heading: what the model wrote. Text without the template's headings is returned as it is."""
    headings = [(s.heading, s.fill) for s in template.sections if s.heading]
    marks = sorted((answer.find(h), h, fill) for h, fill in headings if h in answer)
    if not marks:
        return answer.strip()
    kept = []
    for i, (start, heading, fill) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(answer)
        if fill == "model":
            kept.append(answer[start + len(heading):end].strip())
    return "\n".join(k for k in kept if k)


def _checked_strings(value: Any, citations: CitationFilter) -> Any:
    if isinstance(value, str):
        return citations.check(value)
    if isinstance(value, list):
        return [_checked_strings(v, citations) for v in value]
    if isinstance(value, dict):
        return {k: _checked_strings(v, citations) for k, v in value.items()}
    return value


def _class_char(char: str) -> str:
    return f"\\u{ord(char):04X}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08X}"


def _literal(text: str) -> str:
    """A GBNF string literal of ``text``."""
    return '"' + "".join(c if c.isalnum() or (c.isprintable() and c not in '"\\') else _class_char(c)
                         for c in text) + '"'
