"""Chat generation with llama.cpp in this process (llama-cpp-python), one model instance per process."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from gateway.errors import InvalidInput, ModelUnavailable
from gateway.llm.prompting import ChatTemplatePrompter
from gateway.llm.stops import StopScanner
from gateway.llm.types import ChatMessage, Finished, FinishReason, GenerationEvent, Prompt, SamplingParams, TextDelta
from gateway.model_files.files import sha256_file

if TYPE_CHECKING:
    from llama_cpp import LlamaGrammar


class LlamaCppChatModel:
    """A GGUF chat model. Not thread-safe: the ModelQueue guarantees one generation at a time."""

    def __init__(
        self,
        path: Path,
        *,
        model_id: str,
        n_ctx: int = 2048,
        n_threads: int | None = None,
        n_batch: int = 512,
        n_gpu_layers: int = 0,
        lora_path: Path | None = None,
    ) -> None:
        import llama_cpp

        if not path.is_file():
            raise ModelUnavailable(f"chat model file not found: {path} (run `gateway models fetch`)")
        self._llama_cpp = llama_cpp
        self._llm = llama_cpp.Llama(
            model_path=str(path),
            n_ctx=n_ctx,
            n_threads=n_threads,
            n_batch=n_batch,
            n_gpu_layers=n_gpu_layers,
            lora_path=str(lora_path) if lora_path else None,
            verbose=False,
        )
        self.model_id = model_id
        self.concurrency = 1
        self.context_window = n_ctx
        self.file_sha256: str | None = sha256_file(path)
        self._prompter = ChatTemplatePrompter(self._llm, path, n_ctx)

    def warm_up(self) -> None:
        """One tiny generation at start-up, so the first real request does not pay for graph allocation."""
        prompt = self.prepare([ChatMessage("user", "Hi")])
        for _ in self.generate(prompt, SamplingParams(max_tokens=1, temperature=0.0), lambda: False):
            pass

    def prepare(self, messages: Sequence[ChatMessage]) -> Prompt:
        return self._prompter.prepare(messages)

    def tokenize(self, text: bytes, *, special: bool) -> list[int]:
        return self._prompter.tokenize(text, special=special)

    def generate(
        self, prompt: Prompt, params: SamplingParams, should_stop: Callable[[], bool]
    ) -> Iterator[GenerationEvent]:
        if params.adapters:  # fail closed: never answer a role without the adapter its policy asks for
            raise ModelUnavailable("the in-process model cannot apply LoRA adapters per request; "
                                   "generation.lora needs llm.backend = 'llama-server'")
        llm = self._llm
        max_tokens = min(params.max_tokens, self.context_window - prompt.n_tokens)
        grammar = self._grammar(params.json_schema) if params.grammar is None else self._gbnf(params.grammar)
        if params.seed is not None:
            llm.set_seed(params.seed)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        stops = StopScanner(params.stop)
        produced = 0
        reason: FinishReason = "length"
        tokens = llm.generate(
            list(prompt.tokens),
            temp=params.temperature,
            top_p=params.top_p,
            grammar=grammar,
            reset=True,
        )
        try:
            for token in tokens:
                if should_stop():
                    reason = "cancelled"
                    break
                if self._llama_cpp.llama_vocab_is_eog(llm._model.vocab, token):
                    reason = "stop"
                    break
                produced += 1
                text = stops.feed(decoder.decode(llm.detokenize([token])))
                if text:
                    yield TextDelta(text)
                if stops.stopped:
                    reason = "stop"
                    break
                if produced >= max_tokens:
                    break
        finally:
            tokens.close()
        # Bytes of a character the token limit cut in two are dropped, not sent as U+FFFD.
        pending_bytes = decoder.getstate()[0]
        tail = stops.flush() + ("" if stops.stopped or pending_bytes else decoder.decode(b"", final=True))
        if tail:
            yield TextDelta(tail)
        yield Finished(reason=reason, prompt_tokens=prompt.n_tokens, completion_tokens=produced)

    def _gbnf(self, text: str) -> LlamaGrammar:
        try:
            return self._llama_cpp.LlamaGrammar.from_string(text, verbose=False)
        except Exception as exc:
            raise InvalidInput("the answer template cannot be turned into a grammar") from exc

    def _grammar(self, schema: dict[str, object] | None) -> LlamaGrammar | None:
        if schema is None:
            return None
        try:
            return self._llama_cpp.LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False)
        except Exception as exc:
            raise InvalidInput("the answer format schema cannot be turned into a grammar") from exc
