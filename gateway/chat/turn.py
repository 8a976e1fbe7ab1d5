"""``ChatTurn``: one chat request's answer loop — admission, generation, masked deltas and its audit event.

The HTTP edge only decodes the request and shapes what the turn yields as JSON or server-sent events::

    async with chat.turn(principal, auditor) as turn:      # a gateway error inside is audited, then re-raised
        answer = await turn.answer(ask, stream=True, disconnected=wait_for_disconnect)

A plain answer is collected, masked and audited before it is returned (so a failed audit write fails it). A
streamed one waits for the model's first event before the caller answers 200 (queue timeouts and model errors
keep their status), then yields masked text, audits, and ends with ``AnswerEnd`` or ``AnswerError``.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import aclosing
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

from gateway.audit.events import Outcome
from gateway.audit.recorder import RequestAuditor
from gateway.chat.answer import AnswerGuard
from gateway.chat.ask import ChatAsk, PreparedChat
from gateway.chat.prepare import PromptBuilder
from gateway.chat.record import chat_event_fields
from gateway.errors import AuditFailed, GatewayError, GenerationTimeout, MaskingFailed, QueueFull
from gateway.kb.search import Hit
from gateway.llm.queue import ModelQueue
from gateway.llm.types import Finished, GenerationEvent, StageTimer, TextDelta
from gateway.observability.metrics import Metrics
from gateway.pii.service import MaskingService
from gateway.policy.principal import Principal

T = TypeVar("T")

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
        self._guard: AnswerGuard | None = None
        self._recorded = False

    async def __aenter__(self) -> ChatTurn:
        return self

    async def __aexit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        if isinstance(exc, GatewayError) and not self._recorded:
            await self._record("denied" if exc.status_code in (401, 403) else "error", exc.status_code)

    @property
    def sources(self) -> list[Hit]:
        """The passages the answer may cite, numbered from 1 in this order."""
        return self.prepared.sources if self.prepared is not None else []

    async def answer(self, ask: ChatAsk, *, stream: bool, disconnected: Disconnected) -> CompletedAnswer | AnswerStream:
        parts = self._parts
        t = time.perf_counter()
        self.prepared = await parts.prompts.prepare(self._principal, ask)
        self.timer.add("prepare", time.perf_counter() - t)
        reveal = self.prepared.reveal
        self._guard = AnswerGuard(parts.masking.masker, self.prepared.rules, self.prepared.vault,
                                  reveal.restore if reveal is not None else None)
        try:
            parts.queue.admit()
        except QueueFull:
            if parts.metrics is not None:
                parts.metrics.rejected.inc()
            raise
        events = parts.queue.generate(self.prepared.prompt, self.prepared.params, self.timer)
        if stream:
            first = await anext(events)
            self.timer.add("first_token", time.perf_counter() - self._auditor.started)
            return AnswerStream(self, events, first)
        return await self._complete(events, disconnected)

    async def _complete(self, events: AsyncGenerator[GenerationEvent, None], disconnected: Disconnected
                        ) -> CompletedAnswer:  # fmt: skip
        assert self._guard is not None
        guard, masking = self._guard, self._parts.masking

        async def collect() -> tuple[list[asyncio.Future[str]], Finished]:
            # Each delta is masked on the PII worker while the model keeps generating (FIFO keeps the order), so
            # at the end only the held-back tail is left to check.
            masked: list[asyncio.Future[str]] = []
            async with aclosing(events) as stream:
                async for event in stream:
                    if isinstance(event, TextDelta):
                        masked.append(masking.submit(guard.feed, event.text, failure=NOT_CHECKED))
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

    async def _pieces(self, events: AsyncGenerator[GenerationEvent, None],
                      first: GenerationEvent) -> AsyncIterator[AnswerPiece]:  # fmt: skip
        assert self._guard is not None
        guard, masking = self._guard, self._parts.masking
        async with aclosing(events) as stream:
            event: GenerationEvent | None = first
            iterator = aiter(stream)
            try:
                while event is not None:
                    if isinstance(event, TextDelta):
                        text = await masking.run(guard.feed, event.text, failure=NOT_CHECKED)
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
                    with contextlib.suppress(AuditFailed):
                        await self._record("error", exc.status_code)
                yield AnswerError(exc)

    async def _record(self, outcome: Outcome, status: int, *, finished: Finished | None = None) -> None:
        self._recorded = True
        parts = self._parts
        await self._auditor.record(
            **chat_event_fields(
                parts.queue.model, parts.model_file, outcome=outcome, http_status=status,
                latency_ms=self._auditor.elapsed_ms(), prepared=self.prepared,
                masked_answer=self._guard.masked_answer if self._guard else None, finished=finished,
            )
        )  # fmt: skip


class AnswerStream:
    """A streamed answer whose first model event has arrived: iterate it for masked pieces, once."""

    def __init__(self, turn: ChatTurn, events: AsyncGenerator[GenerationEvent, None], first: GenerationEvent) -> None:
        self.turn = turn
        self._events = events
        self._first = first

    def __aiter__(self) -> AsyncIterator[AnswerPiece]:
        return self.turn._pieces(self._events, self._first)


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
