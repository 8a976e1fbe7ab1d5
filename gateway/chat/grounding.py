"""Grounding one answer: the citation check, the role's template, the retry, and the report of what was cited.

``AnswerComposer`` sits between the model queue and the answer guard (masking): it turns the model's events into
the answer's events. ``GatewayText`` is text the gateway wrote (a template's source sections, a refusal); the turn
masks it as one piece and sends it as its own chunk. ``TextDelta`` is the model's text, already citation-checked.

Two ways through, chosen per answer:

- **passed on** (no format to check, or a text template while streaming): deltas go out as the model writes them;
  a text template's own sections go first (once the model has produced its first event, so a queue timeout still
  keeps its status) and after. The format is checked at the end; a streamed answer that fails it cannot be taken
  back, so the stream ends with ``AnswerFormatInvalid`` (with the local model's grammar it cannot fail).
- **held** (a json answer, or any formatted answer not streamed): the model's whole output is checked before
  anything leaves; a non-compliant one is generated once more (``regenerate``: greedy, under the grammar, with the
  role's full token budget) when the policy says ``retry``, else it fails with ``AnswerFormatInvalid``.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from gateway.chat.citations import CitationFilter
from gateway.chat.templates import AnswerShape
from gateway.errors import AnswerFormatInvalid
from gateway.llm.types import Finished, GenerationEvent, TextDelta


@dataclass(frozen=True, slots=True)
class GatewayText:
    """Text the gateway wrote into the answer, sent as a chunk of its own. ``masked``: built from values already
    masked one by one (a template's source sections); otherwise it is masked like the model's text."""

    text: str
    masked: bool = False


ComposedEvent = GatewayText | TextDelta | Finished
Regenerate = Callable[[], AsyncGenerator[GenerationEvent, None]]


@dataclass(slots=True)
class Grounding:
    """What an answer stands on, as the response, the audit event and the metrics report it."""

    sources: int
    """Passages the answer was given (the response's ``citations``)."""
    cited: list[int] = field(default_factory=list)
    """Sources the answer names: those its template's basis lists, and those its text cites as ``[n]``."""
    invalid_citations: list[int] = field(default_factory=list)
    """``[n]`` markers that named no provided source, removed from the answer (each occurrence)."""
    refused: bool = False
    """The policy's no-sources message was sent instead of an answer; the model was not called."""
    format: Literal["text", "json"] | None = None
    """The shape the role requires (``None``: free text)."""
    format_valid: bool | None = None
    """Whether the answer complied with it (``None`` when there is none, or generation did not finish)."""
    attempts: int = 0
    """Generations run for this answer: 0 for a refusal, 2 when the first did not comply."""
    problems: list[str] = field(default_factory=list)
    """What did not comply, by section and rule (never answer text)."""

    @property
    def from_knowledge_base(self) -> bool:
        return self.sources > 0 and not self.refused

    def as_json(self) -> dict[str, Any]:
        """For the audit event: bounded, so a model that writes ``[99]`` a thousand times cannot make the event too
        large to record (``invalid_citation_count`` keeps the total)."""
        return {
            "from_knowledge_base": self.from_knowledge_base, "refused": self.refused, "sources": self.sources,
            "cited": list(self.cited)[:_LISTED], "invalid_citations": list(self.invalid_citations)[:_LISTED],
            "invalid_citation_count": len(self.invalid_citations), "format": self.format,
            "format_valid": self.format_valid, "attempts": self.attempts, "problems": list(self.problems)[:8],
        }


async def refusal_events(message: str) -> AsyncGenerator[ComposedEvent, None]:
    """The events of a refusal: the policy's message, and a finish without a single token generated."""
    yield GatewayText(message)
    yield Finished("stop", 0, 0)


class AnswerComposer:
    def __init__(self, shape: AnswerShape | None, sources: int, *, held: bool, on_invalid: Literal["retry", "fail"],
                 regenerate: Regenerate | None) -> None:
        self.shape = shape
        self.grounding = Grounding(sources=sources, format=shape.format if shape is not None else None)
        self._held = held and shape is not None
        self._on_invalid = on_invalid
        self._regenerate = regenerate
        if shape is not None and shape.template is not None and any(
                s.fill == "sources" for s in shape.template.sections):
            self.grounding.cited = list(range(1, sources + 1))  # the basis lists every source given

    @property
    def passes_on(self) -> bool:
        return not self._held

    def events(self, model: AsyncGenerator[GenerationEvent, None]) -> AsyncGenerator[ComposedEvent, None]:
        return self._held_events(model) if self._held else self._passed_events(model)

    async def _passed_events(self, model: AsyncGenerator[GenerationEvent, None]
                             ) -> AsyncGenerator[ComposedEvent, None]:  # fmt: skip
        citations = CitationFilter(self.grounding.sources)
        shape = self.shape
        written: list[str] = []
        self.grounding.attempts = 1
        started = False
        try:
            async for event in model:
                if not started and shape is not None and shape.leading:
                    yield GatewayText(shape.leading, masked=True)
                started = True
                if isinstance(event, TextDelta):
                    text = citations.feed(event.text)
                    if text:
                        written.append(text)
                        yield TextDelta(text)
                    continue
                tail = citations.finish()
                if tail:
                    written.append(tail)
                    yield TextDelta(tail)
                self._count(citations)
                if shape is not None and event.reason in ("stop", "length"):
                    self._judge(shape.check_text("".join(written)).problems)
                    if shape.trailing:
                        yield GatewayText(shape.trailing, masked=True)
                    if self.grounding.problems:
                        raise AnswerFormatInvalid(_FAILED)
                yield event
                return
        finally:
            await model.aclose()

    async def _held_events(self, model: AsyncGenerator[GenerationEvent, None]
                           ) -> AsyncGenerator[ComposedEvent, None]:  # fmt: skip
        assert self.shape is not None
        shape = self.shape
        prompt_tokens = completion_tokens = 0
        while True:
            self.grounding.attempts += 1
            citations = CitationFilter(self.grounding.sources)
            raw: list[str] = []
            finished: Finished | None = None
            try:
                async for event in model:
                    if isinstance(event, TextDelta):
                        raw.append(event.text)
                    else:
                        finished = event
                        break
            finally:
                await model.aclose()
            if finished is None:
                raise RuntimeError("generation ended without a Finished event")
            prompt_tokens += finished.prompt_tokens
            completion_tokens += finished.completion_tokens
            total = Finished(finished.reason, prompt_tokens, completion_tokens)
            if finished.reason not in ("stop", "length"):  # timed out or cancelled: nothing to judge or send
                yield total
                return
            checked = shape.check("".join(raw), citations)
            if not checked.problems:
                self._count(citations)
                self._judge(())
                break
            if self.grounding.attempts == 1 and self._on_invalid == "retry" and self._regenerate is not None:
                model = self._regenerate()
                continue
            self._count(citations)
            self._judge(checked.problems)
            raise AnswerFormatInvalid(_FAILED)
        if shape.leading:
            yield GatewayText(shape.leading, masked=True)
        yield TextDelta(checked.text)  # json: the whole object, the bound sources too, is masked as one text
        if shape.trailing:
            yield GatewayText(shape.trailing, masked=True)
        yield total

    def _count(self, citations: CitationFilter) -> None:
        self.grounding.invalid_citations.extend(citations.invalid)
        for n in citations.cited:
            if n not in self.grounding.cited:
                self.grounding.cited.append(n)

    def _judge(self, problems: tuple[str, ...] | list[str]) -> None:
        self.grounding.problems = list(problems)
        self.grounding.format_valid = not problems


_LISTED = 50
_FAILED = "the answer did not comply with the role's answer template; it was not sent"
