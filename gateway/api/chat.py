"""``POST /v1/chat/completions``: the OpenAI chat endpoint, plain and streamed (server-sent events).

Thin: decode, hand the request to the chat service's answer loop (``gateway.chat.turn``), shape what it returns.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import aclosing

import msgspec
from litestar import MediaType, Request, Response, post
from litestar.background_tasks import BackgroundTask
from litestar.response import Stream

from gateway.api.guards import permission
from gateway.api.openai_schema import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionRequest,
    Choice,
    ChunkChoice,
    CitationOut,
    Delta,
    GroundingOut,
    MessageOut,
    Usage,
    decode_request,
)
from gateway.audit.recorder import RequestAuditor
from gateway.chat.ask import ChatAsk
from gateway.chat.grounding import Grounding
from gateway.chat.service import ChatService
from gateway.chat.turn import AnswerEnd, AnswerError, AnswerStream, AnswerText, ChatTurn
from gateway.errors import GatewayError, NotFound
from gateway.kb.search import Hit
from gateway.llm.types import Finished


@post("/v1/chat/completions", opt=permission("chat"), status_code=200)
async def chat_completions(request: Request, chat: ChatService, audit: RequestAuditor) -> Response | Stream:
    async with chat.turn(request.user, audit) as turn:
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
        answer = await turn.answer(ask, stream=body.stream, disconnected=lambda: _disconnected(request))
    # The response id names the audited request, so feedback on a response finds its audit event.
    completion_id = f"chatcmpl-{audit.request_id}"
    if isinstance(answer, AnswerStream):
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        return Stream(
            _sse(answer, chat.model_id, completion_id, include_usage),
            background=BackgroundTask(answer.settle),  # runs even when the client went away mid-stream
            media_type="text/event-stream",
            headers={"Server-Timing": turn.timer.header(), "Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )
    finish = answer.finished
    payload = ChatCompletion(
        id=completion_id,
        created=int(time.time()),
        model=chat.model_id,
        choices=[Choice(index=0, message=MessageOut("assistant", answer.text),
                        finish_reason=_wire_reason(finish, turn.grounding))],
        usage=Usage(finish.prompt_tokens, finish.completion_tokens, finish.prompt_tokens + finish.completion_tokens),
        citations=_citations(turn),
        grounding=_grounding(turn.grounding),
    )
    return Response(
        msgspec.json.encode(payload), media_type=MediaType.JSON, headers={"Server-Timing": turn.timer.header()}
    )


async def _disconnected(request: Request) -> None:
    """Returns once the client has gone away."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return


async def _sse(answer: AnswerStream, model: str, completion_id: str, include_usage: bool) -> AsyncIterator[bytes]:
    created = int(time.time())

    def chunk(
        delta: Delta, finish: str | None = None, usage: Usage | None = None, citations: list[CitationOut] | None = None,
        grounding: GroundingOut | None = None,
    ) -> bytes:
        choices = [] if usage is not None else [ChunkChoice(index=0, delta=delta, finish_reason=finish)]
        payload = ChatCompletionChunk(
            id=completion_id, created=created, model=model, choices=choices, usage=usage, citations=citations,
            grounding=grounding,
        )
        return b"data: " + msgspec.json.encode(payload) + b"\n\n"

    yield chunk(Delta(role="assistant", content=""), citations=_citations(answer.turn) or None)
    async with aclosing(aiter(answer)) as pieces:  # type: ignore[type-var]
        async for piece in pieces:
            if isinstance(piece, AnswerText):
                yield chunk(Delta(content=piece.text))
            elif isinstance(piece, AnswerEnd):
                event = piece.finished
                grounding = answer.turn.grounding
                yield chunk(Delta(), finish=_wire_reason(event, grounding), grounding=_grounding(grounding))
                if include_usage:
                    total = event.prompt_tokens + event.completion_tokens
                    yield chunk(Delta(), usage=Usage(event.prompt_tokens, event.completion_tokens, total))
            elif isinstance(piece, AnswerError):
                yield _sse_error(piece.error)
    yield b"data: [DONE]\n\n"


def _sse_error(error: GatewayError) -> bytes:
    body = {"error": {"message": error.message, "type": error.error_type, "param": None, "code": error.code}}
    return b"data: " + msgspec.json.encode(body) + b"\n\n"


def _citations(turn: ChatTurn) -> list[CitationOut]:
    return [_citation(n, h) for n, h in enumerate(turn.sources, start=1)]


def _citation(n: int, hit: Hit) -> CitationOut:
    return CitationOut(n, hit.document_id, hit.title, hit.version, hit.chunk_id, round(hit.score, 6))


def _wire_reason(finish: Finished, grounding: Grounding | None) -> str:
    """OpenAI's finish reasons; a policy refusal is ``content_filter`` (the standard "content was withheld")."""
    if grounding is not None and grounding.refused:
        return "content_filter"
    return "length" if finish.reason == "length" else "stop"


def _grounding(grounding: Grounding | None) -> GroundingOut | None:
    if grounding is None:
        return None
    return GroundingOut(grounding.from_knowledge_base, grounding.refused, grounding.sources, list(grounding.cited),
                        list(grounding.invalid_citations), grounding.format, grounding.format_valid,
                        grounding.attempts)
