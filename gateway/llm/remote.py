"""Chat generation on remote OpenAI-compatible servers (a llama-server farm, vLLM, another gateway) on the
institution's own network. The gateway still masks, filters and audits; only generation moves.

Several base URLs form an ``UpstreamPool``: a request goes to the least busy healthy one, and is tried on the next
only while nothing of its answer has been sent on (a connection refused, a 5xx, a stream broken before its first
token); once text has gone out, a failure ends the answer with 503 rather than splicing two upstreams' answers."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import httpx

from gateway.errors import InvalidInput, ModelUnavailable
from gateway.llm.pool import Upstream, UpstreamPool
from gateway.llm.types import ChatMessage, Finished, GenerationEvent, Prompt, SamplingParams, TextDelta

_CHARS_PER_TOKEN = 4  # rough size estimate for the prompt; the upstream enforces its own context window


class _Retryable(Exception):
    """This upstream failed before the first token: the request may go to another one."""


class RemoteChatModel:
    def __init__(
        self,
        base_urls: list[str],
        *,
        model_id: str,
        upstream_model: str | None = None,
        api_key_file: Path | None = None,
        context_window: int = 8192,
        timeout_s: float = 120.0,
        concurrency: int = 1,
        health_interval_s: float = 5.0,
    ) -> None:
        headers = {}
        if api_key_file is not None:
            headers["Authorization"] = f"Bearer {api_key_file.read_text().strip()}"
        self.pool = UpstreamPool(base_urls, headers=headers, interval_s=health_interval_s)
        self._client = httpx.Client(headers=headers, timeout=httpx.Timeout(timeout_s, connect=5.0),
                                    limits=httpx.Limits(max_connections=max(10, concurrency * 2)))
        self.concurrency = concurrency
        self.model_id = model_id
        self._upstream_model = upstream_model or model_id
        self.context_window = context_window
        self.file_sha256: str | None = None

    def prepare(self, messages: Sequence[ChatMessage]) -> Prompt:
        size = sum(len(m.content) for m in messages) // _CHARS_PER_TOKEN + 4 * len(messages)
        return Prompt(messages=tuple(messages), n_tokens=size)

    def generate(
        self, prompt: Prompt, params: SamplingParams, should_stop: Callable[[], bool]
    ) -> Iterator[GenerationEvent]:
        if params.adapters:  # fail closed: an OpenAI-compatible upstream has no per-request adapter field
            raise ModelUnavailable("a remote upstream cannot apply LoRA adapters per request; "
                                   "generation.lora needs llm.backend = 'llama-server'")
        body: dict[str, object] = {
            "model": self._upstream_model,
            "messages": [{"role": m.role, "content": m.content} for m in prompt.messages],
            "max_tokens": params.max_tokens,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if params.stop:
            body["stop"] = list(params.stop)
        if params.seed is not None:
            body["seed"] = params.seed
        if params.json_schema is not None:
            schema = {"name": "answer", "schema": params.json_schema}
            body["response_format"] = {"type": "json_schema", "json_schema": schema}
        for upstream in self.pool.candidates():
            try:
                yield from self._generate_on(upstream, body, prompt, should_stop)
                return
            except _Retryable:
                self.pool.eject(upstream)
        raise ModelUnavailable("no upstream model could be reached")

    @property
    def ready(self) -> bool:
        return self.pool.ready

    def upstream_states(self) -> list[dict[str, object]]:
        return self.pool.states()

    def close(self) -> None:
        self.pool.close()
        self._client.close()

    def _generate_on(self, upstream: Upstream, body: dict[str, object], prompt: Prompt,
                     should_stop: Callable[[], bool]) -> Iterator[GenerationEvent]:
        reason, usage, produced = "stop", None, 0
        with self.pool.use(upstream):
            try:
                with self._client.stream("POST", f"{upstream.base_url}/chat/completions", json=body) as response:
                    if response.status_code == 400:
                        raise InvalidInput("the upstream model rejected the request")
                    if response.status_code >= 500 or response.status_code in (404, 408, 429):
                        raise _Retryable
                    if response.status_code != 200:
                        raise ModelUnavailable(f"the upstream model answered HTTP {response.status_code}")
                    for line in response.iter_lines():
                        if should_stop():
                            reason = "cancelled"
                            break
                        if not line.startswith("data:"):
                            continue
                        data = line[5:].strip()
                        if data == "[DONE]":
                            break
                        chunk = json.loads(data)
                        if "error" in chunk and produced == 0:
                            raise _Retryable
                        usage = chunk.get("usage") or usage
                        for choice in chunk.get("choices", []):
                            text = (choice.get("delta") or {}).get("content")
                            if text:
                                produced += 1
                                yield TextDelta(text)
                            reason = choice.get("finish_reason") or reason
            except httpx.HTTPError as exc:
                if produced == 0:
                    raise _Retryable from exc
                self.pool.eject(upstream)
                raise ModelUnavailable("the upstream model failed in the middle of the answer") from exc
        completion_tokens = int(usage["completion_tokens"]) if usage else produced
        prompt_tokens = int(usage["prompt_tokens"]) if usage else prompt.n_tokens
        final = reason if reason in ("stop", "length", "cancelled") else "stop"
        yield Finished(final, prompt_tokens, completion_tokens)  # type: ignore[arg-type]
