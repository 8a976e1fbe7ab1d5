"""``POST /v1/chat/completions``: the OpenAI chat endpoint, plain and streamed (server-sent events)."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncGenerator, AsyncIterator, Coroutine
from contextlib import aclosing
from typing import Any, TypeVar

import msgspec
from litestar import MediaType, Request, Response, post
from litestar.response import Stream

from gateway.api.guards import permission, request_id
from gateway.api.openai_schema import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionRequest,
    Choice,
    ChunkChoice,
    CitationOut,
    Delta,
    MessageOut,
    Usage,
    decode_request,
)
from gateway.audit.events import Outcome
from gateway.audit.trail import AuditTrail
from gateway.chat.answer import AnswerGuard
from gateway.chat.record import chat_event
from gateway.chat.service import ChatAsk, ChatService, PreparedChat
from gateway.errors import AuditFailed, GatewayError, GenerationTimeout, MaskingFailed, NotFound, QueueFull
from gateway.llm.types import Finished, GenerationEvent, StageTimer, TextDelta
from gateway.observability.metrics import Metrics

T = TypeVar("T")


@post("/v1/chat/completions", opt=permission("chat"), status_code=200)
async def chat_completions(request: Request, chat: ChatService, metrics: Metrics) -> Response | Stream:
    started = time.perf_counter()
    audit = _Auditor(request, chat, started)
    try:
        body = decode_request(await request.body(), ChatCompletionRequest)
        if body.model not in (None, "", chat.model_id):
            raise NotFound("no such model; see GET /v1/models", code="model_not_found", param="model")
        ask = ChatAsk(
            messages=[(m.role, m.text()) for m in body.messages],
            max_tokens=body.max_completion_tokens or body.max_tokens,
            temperature=body.temperature,
            top_p=body.top_p,
            stop=body.stop_sequences(),
            seed=body.seed,
        )
        timer = StageTimer()
        t = time.perf_counter()
        audit.prepared = await chat.prepare(request.user, ask)
        timer.add("prepare", time.perf_counter() - t)
        guard = chat.answer_guard(audit.prepared)
        try:
            chat.queue.admit()
        except QueueFull:
            metrics.rejected.inc()
            raise
        completion_id = f"chatcmpl-{uuid.uuid4().hex}"
        events = chat.generate(audit.prepared, timer)
        if body.stream:
            include_usage = bool(body.stream_options and body.stream_options.include_usage)
            return await _stream(chat, guard, audit, events, completion_id, include_usage, timer)
        return await _complete(request, chat, guard, audit, events, completion_id, timer)
    except GatewayError as exc:
        if not audit.recorded:
            await audit.record("denied" if exc.status_code in (401, 403) else "error", exc.status_code)
        raise


class _Auditor:
    """Writes this request's one audit event, durably, before the answer (or its end, when streamed) is sent."""

    def __init__(self, request: Request, chat: ChatService, started: float) -> None:
        self.request = request
        self.chat = chat
        self.started = started
        self.prepared: PreparedChat | None = None
        self.recorded = False

    async def record(
        self, outcome: Outcome, status: int, *, guard: AnswerGuard | None = None, finished: Finished | None = None
    ) -> None:
        self.recorded = True
        event = chat_event(
            self.chat,
            self.request.user,
            request_id(self.request),
            outcome=outcome,
            http_status=status,
            latency_ms=(time.perf_counter() - self.started) * 1000,
            prepared=self.prepared,
            masked_answer=guard.masked_answer if guard else None,
            finished=finished,
        )
        trail: AuditTrail = self.request.app.state.audit
        await asyncio.get_running_loop().run_in_executor(None, trail.append, event)


async def _complete(
    request: Request,
    chat: ChatService,
    guard: AnswerGuard,
    audit: _Auditor,
    events: AsyncGenerator[GenerationEvent, None],
    completion_id: str,
    timer: StageTimer,
) -> Response:
    loop = asyncio.get_running_loop()

    async def collect() -> tuple[list[asyncio.Future[str]], Finished]:
        # Each delta is masked on the PII worker while the model keeps generating (FIFO keeps the order), so
        # at the end only the held-back tail is left to check.
        masked: list[asyncio.Future[str]] = []
        async with aclosing(events) as stream:
            async for event in stream:
                if isinstance(event, TextDelta):
                    masked.append(loop.run_in_executor(chat.pii_executor, guard.feed, event.text))
                else:
                    return masked, event
        raise RuntimeError("generation ended without a Finished event")

    pending, finish = await _unless_disconnected(request, collect())
    if finish.reason == "timeout":
        await asyncio.gather(*pending, return_exceptions=True)
        raise GenerationTimeout("generation exceeded the per-request timeout")
    t = time.perf_counter()
    pending.append(loop.run_in_executor(chat.pii_executor, guard.finish))
    answer = "".join(await asyncio.gather(*pending))
    timer.add("mask_answer", time.perf_counter() - t)
    t = time.perf_counter()
    await audit.record("ok", 200, guard=guard, finished=finish)
    timer.add("audit", time.perf_counter() - t)
    timer.add("total", time.perf_counter() - audit.started)
    model = chat.model_id
    payload = ChatCompletion(
        id=completion_id,
        created=int(time.time()),
        model=model,
        choices=[Choice(index=0, message=MessageOut("assistant", answer), finish_reason=_wire_reason(finish))],
        usage=Usage(finish.prompt_tokens, finish.completion_tokens, finish.prompt_tokens + finish.completion_tokens),
        citations=_citations(audit.prepared),
    )
    return Response(
        msgspec.json.encode(payload), media_type=MediaType.JSON, headers={"Server-Timing": timer.header()}
    )


async def _unless_disconnected(request: Request, work: Coroutine[Any, Any, T]) -> T:
    """Run ``work`` but cancel it when the client goes away (which stops generation at the next token)."""
    task = asyncio.ensure_future(work)

    async def disconnected() -> None:
        while True:
            message = await request.receive()
            if message["type"] == "http.disconnect":
                return

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


async def _stream(
    chat: ChatService,
    guard: AnswerGuard,
    audit: _Auditor,
    events: AsyncGenerator[GenerationEvent, None],
    completion_id: str,
    include_usage: bool,
    timer: StageTimer,
) -> Stream:
    # Wait for the first event before answering 200, so queue timeouts and model errors still get their status.
    first = await anext(events)
    timer.add("first_token", time.perf_counter() - audit.started)
    created = int(time.time())
    model = chat.model_id
    loop = asyncio.get_running_loop()

    def chunk(
        delta: Delta, finish: str | None = None, usage: Usage | None = None, citations: list[CitationOut] | None = None
    ) -> bytes:
        choices = [] if usage is not None else [ChunkChoice(index=0, delta=delta, finish_reason=finish)]
        payload = ChatCompletionChunk(
            id=completion_id, created=created, model=model, choices=choices, usage=usage, citations=citations
        )
        return b"data: " + msgspec.json.encode(payload) + b"\n\n"

    async def sse() -> AsyncIterator[bytes]:
        async with aclosing(events) as stream:
            yield chunk(Delta(role="assistant", content=""), citations=_citations(audit.prepared) or None)
            event: GenerationEvent | None = first
            iterator = aiter(stream)
            try:
                while event is not None:
                    if isinstance(event, TextDelta):
                        text = await loop.run_in_executor(chat.pii_executor, guard.feed, event.text)
                        if text:
                            yield chunk(Delta(content=text))
                    else:
                        tail = await loop.run_in_executor(chat.pii_executor, guard.finish)
                        if tail:
                            yield chunk(Delta(content=tail))
                        if event.reason == "timeout":
                            await audit.record("error", 504, guard=guard, finished=event)
                            yield _sse_error(GenerationTimeout("generation exceeded the per-request timeout"))
                        else:
                            await audit.record("ok", 200, guard=guard, finished=event)
                            yield chunk(Delta(), finish=_wire_reason(event))
                            if include_usage:
                                total = event.prompt_tokens + event.completion_tokens
                                yield chunk(Delta(), usage=Usage(event.prompt_tokens, event.completion_tokens, total))
                        break
                    event = await anext(iterator, None)
            except (MaskingFailed, AuditFailed) as exc:  # fail closed: the rest of the answer is not sent
                if not audit.recorded:
                    with contextlib.suppress(AuditFailed):
                        await audit.record("error", exc.status_code, guard=guard)
                yield _sse_error(exc)
        yield b"data: [DONE]\n\n"

    return Stream(
        sse(),
        media_type="text/event-stream",
        headers={"Server-Timing": timer.header(), "Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


def _sse_error(error: GatewayError) -> bytes:
    body = {"error": {"message": error.message, "type": error.error_type, "param": None, "code": error.code}}
    return b"data: " + msgspec.json.encode(body) + b"\n\n"


def _citations(prepared: PreparedChat | None) -> list[CitationOut]:
    if prepared is None:
        return []
    return [
        CitationOut(n, h.document_id, h.title, h.version, h.chunk_id, round(h.score, 6))
        for n, h in enumerate(prepared.sources, start=1)
    ]


def _wire_reason(finish: Finished) -> str:
    return "length" if finish.reason == "length" else "stop"
