"""``ChatTurn``: one chat request's answer loop — admission, generation, masked deltas and its audit event.

The HTTP edge only decodes the request and shapes what the turn yields as JSON or server-sent events::

    async with chat.turn(principal, auditor) as turn:      # a gateway error inside is audited, then re-raised
        answer = await turn.answer(ask, stream=True, disconnected=wait_for_disconnect)

Every turn that reaches the model writes ``chat.started`` first (durable, before any generation: no answer byte
can go out unaudited, and an audit event that does not validate fails the request here, before the model runs),
then exactly one ``chat`` event however it ends: completed, failed, timed out, or aborted because the client went
away (written in a ``finally``, shielded from the cancellation that ends the request). A plain answer is collected,
masked and audited before it is returned (so a failed audit write fails it). A streamed one waits for the model's
first event before the caller answers 200 (queue timeouts and model errors keep their status), then yields
masked text, audits, and ends with ``AnswerEnd`` or ``AnswerError``; ``settle`` (run after the response, whether
or not the client stayed) closes the generation and writes the end event if nothing else did.

Between the model queue and the masking sits the answer's grounding (``gateway.chat.grounding``): the policy's
refusal when nothing relevant was retrieved (the model is not called, so no ``chat.started``; the end event is a
denial), the citation check, the role's template with the gateway's own sections, and one retry of a
non-compliant answer (admitted to the queue again). ``turn.grounding`` reports it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import aclosing
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

import anyio

from gateway.audit.events import Actions, Outcome
from gateway.audit.recorder import RequestAuditor
from gateway.chat.answer import AnswerGuard
from gateway.chat.ask import ChatAsk, PreparedChat
from gateway.chat.grounding import AnswerComposer, ComposedEvent, GatewayText, Grounding, refusal_events
from gateway.chat.prepare import PromptBuilder
from gateway.chat.record import chat_event_fields
from gateway.errors import AuditFailed, GatewayError, GenerationTimeout, MaskingFailed, QueueFull, ServerError
from gateway.kb.search import Hit
from gateway.llm.queue import ModelQueue
from gateway.llm.types import Finished, GenerationEvent, SamplingParams, StageTimer, TextDelta
from gateway.observability.metrics import Metrics
from gateway.pii.service import MaskingService
from gateway.policy.principal import Principal

T = TypeVar("T")

log = logging.getLogger("gateway.chat")

CLIENT_GONE = 499
"""The status an aborted turn is recorded with (the client closed the request; nginx's convention)."""

NOT_CHECKED = "the answer could not be checked for personal data; nothing was sent"

Disconnected = Callable[[], Awaitable[None]]
"""Returns when the client has gone away (the edge listens for it)."""


@dataclass(frozen=True, slots=True)
class AnswerText:
    text: str


@dataclass(frozen=True, slots=True)
class AnswerEnd:
    finished: Finished


@dataclass(frozen=True, slots=True)
class AnswerError:
    error: GatewayError


AnswerPiece = AnswerText | AnswerEnd | AnswerError


@dataclass(frozen=True, slots=True)
class CompletedAnswer:
    text: str
    finished: Finished


@dataclass(frozen=True, slots=True)
class TurnParts:
    """What a turn works with, shared by every turn of one chat service."""

    prompts: PromptBuilder
    queue: ModelQueue
    masking: MaskingService
    model_file: str | None
    metrics: Metrics | None


class ChatTurn:
    def __init__(self, parts: TurnParts, principal: Principal, auditor: RequestAuditor) -> None:
        self._parts = parts
        self._principal = principal
        self._auditor = auditor
        self.timer = StageTimer()
        self.prepared: PreparedChat | None = None
        self.grounding: Grounding | None = None
        """What the answer stands on (sources cited, invalid citations removed, format, refusal); set by answer."""
        self._guard: AnswerGuard | None = None
        self._stream = False
        self._started_seq: int | None = None
        self._recorded = False
        self._holding_place = False
        self._pieces_open: AsyncGenerator[AnswerPiece, None] | None = None

    async def __aenter__(self) -> ChatTurn:
        return self

    async def __aexit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        self._give_back_place()
        if exc is None or self._recorded:
            return  # a plain answer recorded itself; a stream records as it ends (or in ``settle``)
        if isinstance(exc, GatewayError):
            await self._record("denied" if exc.status_code in (401, 403) else "error", exc.status_code)
        elif isinstance(exc, asyncio.CancelledError):
            await self._record_quietly("aborted", CLIENT_GONE)
        else:
            await self._record_quietly("error", 500)

    @property
    def masked_answer(self) -> str | None:
        """The answer as the audit trail keeps it: masked, before the placeholders the role may see are restored."""
        return self._guard.masked_answer if self._guard is not None else None

    @property
    def sources(self) -> list[Hit]:
        """The passages the answer may cite, numbered from 1 in this order."""
        return self.prepared.sources if self.prepared is not None else []

    async def answer(self, ask: ChatAsk, *, stream: bool, disconnected: Disconnected) -> CompletedAnswer | AnswerStream:
        parts = self._parts
        self._stream = stream
        t = time.perf_counter()
        self.prepared = await parts.prompts.prepare(self._principal, ask)
        self.timer.add("prepare", time.perf_counter() - t)
        reveal = self.prepared.reveal
        self._guard = AnswerGuard(parts.masking.masker, self.prepared.rules, self.prepared.vault,
                                  reveal.restore if reveal is not None else None)
        if self.prepared.refusal is None:
            self._admit()
            t = time.perf_counter()
            started = await self._auditor.record(**self._fields("ok", None, action=Actions.CHAT_STARTED))
            self._started_seq = started.seq
            self.timer.add("audit_start", time.perf_counter() - t)
        events = self._grounded(self.prepared, stream=stream)
        if stream:
            first = await anext(events)
            self.timer.add("first_token", time.perf_counter() - self._auditor.started)
            return AnswerStream(self, events, first)
        return await self._complete(events, disconnected)

    async def settle(self) -> None:
        """After a streamed response, whether or not the client stayed to the end: stop the generation and write
        the end event if the stream did not (it was abandoned mid-way). Never raises."""
        pieces, self._pieces_open = self._pieces_open, None
        with anyio.CancelScope(shield=True):
            if pieces is not None:
                with contextlib.suppress(Exception):
                    await pieces.aclose()
            self._give_back_place()
            if not self._recorded:
                await self._record_quietly("aborted", CLIENT_GONE)

    def _grounded(self, prepared: PreparedChat, *, stream: bool) -> AsyncGenerator[ComposedEvent, None]:
        """The answer's events: the policy's refusal (the model is not called), or the model's text under the
        citation check and the role's template (``gateway.chat.grounding``)."""
        shape = prepared.shape
        if prepared.refusal is not None:
            self.grounding = Grounding(sources=0, refused=True, format=shape.format if shape else None)
            return refusal_events(prepared.refusal)
        retry = prepared.retry_params
        composer = AnswerComposer(
            shape, len(prepared.sources), held=shape is not None and (not stream or shape.format == "json"),
            on_invalid=prepared.on_invalid, regenerate=(lambda: self._retry(retry)) if retry else None,
        )
        self.grounding = composer.grounding
        return composer.events(self._generation(prepared.params))

    def _admit(self) -> None:
        parts = self._parts
        try:
            parts.queue.admit()
        except QueueFull:
            if parts.metrics is not None:
                parts.metrics.rejected.inc()
            raise
        self._holding_place = True

    def _retry(self, params: SamplingParams) -> AsyncGenerator[GenerationEvent, None]:
        """A second generation of a non-compliant answer: a place in the queue of its own."""
        self._admit()
        return self._generation(params)

    async def _generation(self, params: SamplingParams) -> AsyncGenerator[GenerationEvent, None]:
        """The model's events; from its first step on, the queue gives the admitted place back itself."""
        assert self.prepared is not None
        self._holding_place = False
        async with aclosing(self._parts.queue.generate(self.prepared.prompt, params, self.timer)) as run:
            async for event in run:
                yield event

    def _give_back_place(self) -> None:
        if self._holding_place:  # admitted, but generation never started (e.g. the start event failed)
            self._holding_place = False
            self._parts.queue.release()

    async def _complete(self, events: AsyncGenerator[ComposedEvent, None], disconnected: Disconnected
                        ) -> CompletedAnswer:  # fmt: skip
        assert self._guard is not None
        guard, masking = self._guard, self._parts.masking

        async def collect() -> tuple[list[asyncio.Future[str]], Finished]:
            # Each delta is masked on the PII worker while the model keeps generating (FIFO keeps the order), so
            # at the end only the held-back tail is left to check.
            masked: list[asyncio.Future[str]] = []
            async with aclosing(events) as stream:
                async for event in stream:
                    if isinstance(event, TextDelta | GatewayText):
                        masked.append(masking.submit(_masking_step(guard, event), _text_of(event),
                                                     failure=NOT_CHECKED))
                    else:
                        return masked, event
            raise RuntimeError("generation ended without a Finished event")

        pending, finish = await _unless(disconnected, collect())
        if finish.reason == "timeout":
            await asyncio.gather(*pending, return_exceptions=True)
            raise GenerationTimeout("generation exceeded the per-request timeout")
        t = time.perf_counter()
        pending.append(masking.submit(guard.finish, failure=NOT_CHECKED))
        answer = "".join(await asyncio.gather(*pending))
        self.timer.add("mask_answer", time.perf_counter() - t)
        t = time.perf_counter()
        await self._record("ok", 200, finished=finish)
        self.timer.add("audit", time.perf_counter() - t)
        self.timer.add("total", time.perf_counter() - self._auditor.started)
        return CompletedAnswer(answer, finish)

    async def _pieces(self, events: AsyncGenerator[ComposedEvent, None],
                      first: ComposedEvent) -> AsyncIterator[AnswerPiece]:  # fmt: skip
        assert self._guard is not None
        guard, masking = self._guard, self._parts.masking
        try:
            async with aclosing(events) as stream:
                event: ComposedEvent | None = first
                iterator = aiter(stream)
                try:
                    while event is not None:
                        if isinstance(event, TextDelta | GatewayText):
                            text = await masking.run(_masking_step(guard, event), _text_of(event),
                                                     failure=NOT_CHECKED)
                            if text:
                                yield AnswerText(text)
                        else:
                            tail = await masking.run(guard.finish, failure=NOT_CHECKED)
                            if tail:
                                yield AnswerText(tail)
                            if event.reason == "timeout":
                                await self._record("error", 504, finished=event)
                                yield AnswerError(GenerationTimeout("generation exceeded the per-request timeout"))
                            else:
                                await self._record("ok", 200, finished=event)
                                yield AnswerEnd(event)
                            break
                        event = await anext(iterator, None)
                except (MaskingFailed, AuditFailed) as exc:  # fail closed: the rest of the answer is not sent
                    if not self._recorded:
                        await self._record_quietly("error", exc.status_code)
                    yield AnswerError(exc)
                except GatewayError as exc:  # the model failed mid-stream (upstream gone, bad grammar, ...)
                    await self._record_quietly("error", exc.status_code)
                    yield AnswerError(exc)
                except Exception as exc:
                    log.error("streamed answer failed: %s", type(exc).__name__)
                    await self._record_quietly("error", 500)
                    yield AnswerError(ServerError("internal error; the answer was not completed"))
        finally:
            if not self._recorded:  # the client went away (cancelled or closed here): shielded, so it is written
                await self._record_quietly("aborted", CLIENT_GONE)

    def _fields(self, outcome: Outcome, status: int | None, *, finished: Finished | None = None,
                action: str = Actions.CHAT, minimal: bool = False) -> dict[str, Any]:
        parts, prepared = self._parts, self.prepared
        details: dict[str, Any] = {"stream": self._stream}
        if prepared is not None and prepared.params.stop:
            details["stop"] = [prepared.reveal.relabel(s, parts.masking.masker.linkage_placeholder)
                               if prepared.reveal is not None else s for s in prepared.params.stop]
        if self._started_seq is not None:
            details["started_seq"] = self._started_seq
        relabel = None
        if prepared is not None and prepared.reveal is not None:
            reveal, label = prepared.reveal, parts.masking.masker.linkage_placeholder
            relabel = lambda text: reveal.relabel(text, label)  # noqa: E731
        try:
            return chat_event_fields(
                parts.queue.model, parts.model_file, outcome=outcome, http_status=status,
                latency_ms=self._auditor.elapsed_ms(), prepared=prepared,
                masked_answer=self._guard.masked_answer if self._guard and action == Actions.CHAT else None,
                finished=finished, action=action, details=details, relabel=relabel, minimal=minimal,
                grounding=self.grounding if action == Actions.CHAT else None,
            )  # fmt: skip
        except ValueError as exc:  # a citation that does not validate: fail closed, before generation
            log.error("chat audit event does not validate: %s", exc)
            raise AuditFailed("the audit event is not valid; the request was not completed", invalid=True) from exc

    async def _record(self, outcome: Outcome, status: int, *, finished: Finished | None = None) -> None:
        """The end event, once. Shielded: a request being cancelled (client gone) still gets its row. If its full
        form does not validate (it did as the start event, so only on a bug), a minimal one is written instead."""
        self._recorded = True
        parts, grounding = self._parts, self.grounding
        if grounding is not None and grounding.refused and outcome == "ok":
            outcome = "denied"  # the policy's refusal: answered 200 with its message, audited as a denial
        with anyio.CancelScope(shield=True):
            try:
                await self._auditor.record(**self._fields(outcome, status, finished=finished))
            except AuditFailed as exc:
                if not exc.invalid:
                    raise
                await self._auditor.record(**self._fields(outcome, status, finished=finished, minimal=True))
        if parts.metrics is not None and grounding is not None and self.prepared is not None:
            parts.metrics.count_grounding(self.prepared.answer_role or "none", grounding.format,
                                          grounding.format_valid, len(grounding.invalid_citations), grounding.refused)

    async def _record_quietly(self, outcome: Outcome, status: int) -> None:
        """The end event where an error is already on its way out: a failed write is logged, not raised."""
        try:
            await self._record(outcome, status)
        except AuditFailed:
            log.error("the end event of a chat could not be written (outcome %s)", outcome)


def _text_of(event: TextDelta | GatewayText) -> str:
    """Text as it may be sent and audited: NUL characters (which no database text column holds) dropped."""
    return event.text.replace("\x00", "")


def _masking_step(guard: AnswerGuard, event: TextDelta | GatewayText) -> Callable[[str], str]:
    if isinstance(event, TextDelta):
        return guard.feed
    return guard.masked_section if event.masked else guard.section


class AnswerStream:
    """A streamed answer whose first model event has arrived: iterate it for masked pieces, once."""

    def __init__(self, turn: ChatTurn, events: AsyncGenerator[ComposedEvent, None], first: ComposedEvent) -> None:
        self.turn = turn
        self._events = events
        self._first = first

    def __aiter__(self) -> AsyncIterator[AnswerPiece]:
        pieces = self.turn._pieces(self._events, self._first)
        self.turn._pieces_open = pieces  # type: ignore[assignment]
        return pieces

    async def settle(self) -> None:
        await self.turn.settle()


async def _unless(disconnected: Disconnected, work: Coroutine[Any, Any, T]) -> T:
    """Run ``work`` but cancel it when the client goes away (which stops generation at the next token)."""
    task = asyncio.ensure_future(work)
    watcher = asyncio.ensure_future(disconnected())
    try:
        await asyncio.wait({task, watcher}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        watcher.cancel()
    if not task.done():
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        raise asyncio.CancelledError("client disconnected")
    return task.result()
