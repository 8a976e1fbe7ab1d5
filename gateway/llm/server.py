"""Chat generation on llama.cpp's own server (``llama-server``), supervised by the gateway: several slots decode at
once with continuous batching, where the in-process binding generates one answer at a time.

The prompt is rendered and tokenized here with the model's own vocabulary (loaded without weights), exactly as the
in-process backend does, and sent as token ids to ``/completion``; sampling uses the in-process backend's settings
(top-k 40, min-p 0.05, no repeat penalty), grammars are the same GBNF text, stop strings are cut by the same
``StopScanner``. So the two backends answer alike, and control text inside a message stays text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence

import httpx

from gateway.errors import InvalidInput, ModelUnavailable
from gateway.llm.prompting import ChatTemplatePrompter
from gateway.llm.stops import StopScanner
from gateway.llm.supervisor import LlamaServerProcess, ServerCommand
from gateway.llm.types import ChatMessage, Finished, FinishReason, GenerationEvent, Prompt, SamplingParams, TextDelta
from gateway.model_files.files import sha256_file

_STOP_TYPES: dict[str, FinishReason] = {"eos": "stop", "word": "stop", "limit": "length"}


class LlamaServerChatModel:
    """A GGUF chat model served by a supervised ``llama-server`` child process with ``slots`` parallel slots."""

    def __init__(self, command: ServerCommand, *, model_id: str, port: int | None = None,
                 start_timeout_s: float = 120.0, timeout_s: float = 120.0, attach_url: str | None = None,
                 api_key: str | None = None, adapters: Sequence[str] = ()) -> None:
        """Start and supervise a server for ``command``; or, with ``attach_url``, use one that runs elsewhere (the
        model tier of a multi-gateway deployment) with the same model file, slots and context.

        ``adapters`` names the last ``len(adapters)`` of ``command.lora_paths`` (ids in that order), the ones applied
        per request; any before them (``llm.lora_path``) apply to every request at scale 1."""
        import llama_cpp

        self._llama_cpp = llama_cpp
        vocab = llama_cpp.Llama(model_path=str(command.model_path), vocab_only=True, verbose=False)
        self._prompter = ChatTemplatePrompter(vocab, command.model_path, command.n_ctx)
        self.model_id = model_id
        self.context_window = command.n_ctx
        self.concurrency = command.slots
        self.file_sha256: str | None = sha256_file(command.model_path)
        self.adapters: tuple[str, ...] = tuple(adapters)
        """Adapter names this model applies per request (``SamplingParams.adapters``)."""
        self._always_on = len(command.lora_paths) - len(self.adapters)
        if self._always_on < 0:
            raise ValueError("more adapter names than adapter files")
        self.process: LlamaServerProcess | None = None
        if attach_url is None:
            self.process = LlamaServerProcess(command, port=port, start_timeout_s=start_timeout_s, api_key=api_key)
            self.process.start()
            base_url, api_key = self.process.base_url, self.process.api_key
        else:
            base_url = attach_url.rstrip("/")
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(
            base_url=base_url, timeout=httpx.Timeout(timeout_s, connect=5.0), headers=headers,
            limits=httpx.Limits(max_connections=command.slots * 4, max_keepalive_connections=command.slots * 2),
        )

    @property
    def ready(self) -> bool:
        if self.process is not None:
            return self.process.ready
        try:
            return self._client.get("/health", timeout=2.0).status_code == 200
        except httpx.HTTPError:
            return False

    def busy_slots(self) -> int:
        """Slots decoding right now, from the server's own ``/metrics`` (counts only, never request text)."""
        try:
            text = self._client.get("/metrics").text
        except httpx.HTTPError as exc:
            raise ModelUnavailable("the model server could not be reached") from exc
        for line in text.splitlines():
            if line.startswith("llamacpp:requests_processing"):
                return int(float(line.split()[-1]))
        raise ModelUnavailable("the model server reports no slot count")

    def warm_up(self) -> None:
        self._check_adapters()
        prompt = self.prepare([ChatMessage("user", "Hi")])
        for _ in self.generate(prompt, SamplingParams(max_tokens=1, temperature=0.0), lambda: False):
            pass

    def _check_adapters(self) -> None:
        """The server holds exactly the adapters the ids of each request refer to (an attached one too): one that
        holds adapters the settings do not name would apply them to every request at their load scale."""
        expected = self._always_on + len(self.adapters)
        try:
            response = self._client.get("/lora-adapters")
            if response.status_code == 404 and not expected:
                return  # a server without the endpoint holds no adapters
            loaded = response.json() if response.status_code == 200 else None
        except (httpx.HTTPError, ValueError) as exc:
            raise ModelUnavailable("the model server's LoRA adapters could not be read") from exc
        if not isinstance(loaded, list) or len(loaded) != expected:
            held = len(loaded) if isinstance(loaded, list) else "no readable list of"
            raise ModelUnavailable(f"the model server holds {held} LoRA adapters where {expected} are configured "
                                   "(llm.lora_path, llm.lora_adapters)")

    def _lora(self, params: SamplingParams) -> list[dict[str, float]] | None:
        """The scale of every loaded adapter for this request; None when none is loaded."""
        wanted = dict(params.adapters)
        missing = sorted(set(wanted) - set(self.adapters))
        if missing:  # fail closed rather than answer without the adapter the role asks for
            raise ModelUnavailable(f"LoRA adapter {missing[0]!r} is not loaded in the model server")
        if not self._always_on and not self.adapters:
            return None
        return ([{"id": i, "scale": 1.0} for i in range(self._always_on)]
                + [{"id": self._always_on + i, "scale": float(wanted.get(name, 0.0))}
                   for i, name in enumerate(self.adapters)])

    def prepare(self, messages: Sequence[ChatMessage]) -> Prompt:
        return self._prompter.prepare(messages)

    def tokenize(self, text: bytes, *, special: bool) -> list[int]:
        return self._prompter.tokenize(text, special=special)

    def close(self) -> None:
        self._client.close()
        if self.process is not None:
            self.process.close()

    def _body(self, prompt: Prompt, params: SamplingParams) -> dict[str, object]:
        body: dict[str, object] = {
            "prompt": list(prompt.tokens),
            "n_predict": max(0, min(params.max_tokens, self.context_window - prompt.n_tokens)),
            "temperature": params.temperature,
            "top_p": params.top_p,
            "top_k": 40,
            "min_p": 0.05,
            "repeat_penalty": 1.0,
            "stream": True,
            "cache_prompt": True,
        }
        if params.seed is not None:
            body["seed"] = params.seed
        if params.stop:
            body["stop"] = list(params.stop)
        grammar = self._grammar(params)
        if grammar is not None:
            body["grammar"] = grammar
        lora = self._lora(params)
        if lora is not None:
            body["lora"] = lora
        return body

    def _grammar(self, params: SamplingParams) -> str | None:
        if params.grammar is not None:
            return params.grammar
        if params.json_schema is None:
            return None
        try:  # the same JSON-schema-to-GBNF conversion the in-process backend uses
            grammar = self._llama_cpp.LlamaGrammar.from_json_schema(json.dumps(params.json_schema), verbose=False)
        except Exception as exc:
            raise InvalidInput("the answer format schema cannot be turned into a grammar") from exc
        return str(grammar._grammar)

    def generate(
        self, prompt: Prompt, params: SamplingParams, should_stop: Callable[[], bool]
    ) -> Iterator[GenerationEvent]:
        if self.process is not None and not self.process.ready:
            raise ModelUnavailable("the model server is restarting; retry shortly")
        body = self._body(prompt, params)
        stops = StopScanner(params.stop)
        produced, reported = 0, None
        reason: FinishReason = "length"
        try:
            with self._client.stream("POST", "/completion", json=body) as response:
                if response.status_code == 400:
                    raise InvalidInput("the answer template cannot be turned into a grammar" if "grammar" in body
                                       else "the model server rejected the request")
                if response.status_code != 200:
                    raise ModelUnavailable(f"the model server answered HTTP {response.status_code}")
                for line in response.iter_lines():
                    if should_stop():
                        reason = "cancelled"
                        break  # leaving the block closes the connection: llama-server stops that slot
                    if not line.startswith("data:"):
                        continue
                    chunk = json.loads(line[5:])
                    content = chunk.get("content") or ""
                    if content:
                        produced += 1
                        text = stops.feed(content)
                        if text:
                            yield TextDelta(text)
                    if chunk.get("stop"):
                        reported = chunk.get("tokens_predicted")
                        reason = _STOP_TYPES.get(str(chunk.get("stop_type")), "stop")
                        break
                    if stops.stopped:
                        reason = "stop"
                        break
        except httpx.HTTPError as exc:
            raise ModelUnavailable("the model server could not be reached") from exc
        tail = stops.flush()
        if tail:
            yield TextDelta(tail)
        completion = int(reported) if reported is not None and reason != "cancelled" else produced
        yield Finished(reason=reason, prompt_tokens=prompt.n_tokens, completion_tokens=completion)

