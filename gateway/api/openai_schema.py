"""The OpenAI wire format for chat completions and models (the subset the gateway serves), as msgspec structs."""

from __future__ import annotations

from typing import Annotated, Literal, TypeVar

import msgspec

from gateway.errors import InvalidInput, without_input


class TextPart(msgspec.Struct, kw_only=True):
    type: Literal["text"]
    text: str


class MessageIn(msgspec.Struct, kw_only=True):
    role: Literal["system", "developer", "user", "assistant"]
    content: str | list[TextPart] | None = None
    name: str | None = None

    def text(self) -> str:
        if self.content is None:
            return ""
        if isinstance(self.content, str):
            return self.content
        return "".join(part.text for part in self.content)


MAX_STOP_CHARS = 64
"""Stop sequences are short markers; the audit trail records each (masked)."""


class StreamOptions(msgspec.Struct, kw_only=True):
    include_usage: bool = False


class ChatCompletionRequest(msgspec.Struct, kw_only=True):
    messages: list[MessageIn]
    model: str | None = None
    max_tokens: Annotated[int, msgspec.Meta(ge=1)] | None = None
    max_completion_tokens: Annotated[int, msgspec.Meta(ge=1)] | None = None
    temperature: Annotated[float, msgspec.Meta(ge=0.0, le=2.0)] = 0.7
    top_p: Annotated[float, msgspec.Meta(gt=0.0, le=1.0)] = 0.95
    stop: str | list[str] | None = None
    seed: int | None = None
    stream: bool = False
    stream_options: StreamOptions | None = None
    n: Annotated[int, msgspec.Meta(ge=1, le=1)] = 1
    user: str | None = None

    def stop_sequences(self) -> tuple[str, ...]:
        if self.stop is None:
            return ()
        stops = (self.stop,) if isinstance(self.stop, str) else tuple(self.stop)
        if len(stops) > 4:
            raise InvalidInput("at most 4 stop sequences are allowed", param="stop")
        if any(len(s) > MAX_STOP_CHARS for s in stops):
            raise InvalidInput(f"a stop sequence may be at most {MAX_STOP_CHARS} characters", param="stop")
        return tuple(s for s in stops if s)


T = TypeVar("T")


def decode_request(body: bytes, kind: type[T]) -> T:
    """Decode a JSON body into ``kind``; errors name the field, never the value (which may be personal data)."""
    if not body.strip():
        raise InvalidInput("the request body is empty; a JSON object is required")
    try:
        return msgspec.json.decode(body, type=kind)
    except msgspec.ValidationError as exc:
        raise InvalidInput(f"invalid request: {without_input(str(exc))}") from None
    except msgspec.DecodeError:
        raise InvalidInput("the request body is not valid JSON") from None
    except RecursionError:
        raise InvalidInput("the request body is nested too deeply") from None


class Usage(msgspec.Struct):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class MessageOut(msgspec.Struct):
    role: Literal["assistant"]
    content: str


class Choice(msgspec.Struct):
    index: int
    message: MessageOut
    finish_reason: str
    logprobs: None = None


class CitationOut(msgspec.Struct):
    """A passage the answer drew on: ``[n]`` in the answer is ``citations[n-1]``."""

    index: int
    document_id: str
    title: str
    version: int
    chunk_id: str
    score: float


class GroundingOut(msgspec.Struct):
    """What the answer stands on (``gateway.chat.grounding.Grounding``): an extension of the OpenAI format."""

    from_knowledge_base: bool
    """False when no passage grounded the answer (the model answered on its own, or the policy refused)."""
    refused: bool
    """The policy's no-sources message was sent instead of an answer (``finish_reason`` is ``content_filter``)."""
    sources: int
    cited: list[int]
    """Numbers of the ``citations`` the answer names (its basis section, its ``[n]`` markers)."""
    invalid_citations: list[int]
    """``[n]`` markers that named no provided source; removed from the answer."""
    format: str | None
    format_valid: bool | None
    attempts: int


class ChatCompletion(msgspec.Struct):
    id: str
    created: int
    model: str
    choices: list[Choice]
    usage: Usage
    citations: list[CitationOut] = []
    grounding: GroundingOut | None = None
    object: Literal["chat.completion"] = "chat.completion"
    system_fingerprint: str | None = None


class Delta(msgspec.Struct, omit_defaults=True):
    role: str | None = None
    content: str | None = None


class ChunkChoice(msgspec.Struct):
    index: int
    delta: Delta
    finish_reason: str | None = None
    logprobs: None = None


class ChatCompletionChunk(msgspec.Struct, omit_defaults=True):
    id: str
    created: int
    model: str
    choices: list[ChunkChoice]
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    usage: Usage | None = None
    citations: list[CitationOut] | None = None
    """Sent once, on the first chunk, when the answer is grounded in knowledge-base passages."""
    grounding: GroundingOut | None = None
    """Sent once, on the chunk that carries ``finish_reason``."""


class ModelCard(msgspec.Struct):
    id: str
    created: int
    owned_by: str
    object: Literal["model"] = "model"


class ModelList(msgspec.Struct):
    data: list[ModelCard]
    object: Literal["list"] = "list"
