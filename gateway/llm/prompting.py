"""Rendering a conversation with the model's own chat template and tokenizing it, shared by every llama.cpp backend
(in this process, or llama-server fed the same token ids), so both see exactly the same prompt."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gateway.errors import ContextLengthExceeded, ModelUnavailable
from gateway.llm.types import ChatMessage, Prompt

_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
"""Private-use characters around a message's index: where the template puts each message's content."""


class ChatTemplatePrompter:
    """The template and tokenizer of one GGUF model (a loaded ``llama_cpp.Llama``, weights or vocabulary only)."""

    def __init__(self, llm: Any, path: Path, context_window: int) -> None:
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        self._llm = llm
        self.context_window = context_window
        template = llm.metadata.get("tokenizer.chat_template")
        if not template:
            raise ModelUnavailable(f"chat model has no chat template in its metadata: {path}")
        vocab = llm._model
        self._formatter = Jinja2ChatFormatter(
            template=template,
            eos_token=vocab.token_get_text(llm.token_eos()),
            bos_token=vocab.token_get_text(llm.token_bos()),
        )
        self._tokenize_lock = threading.Lock()

    def tokenize(self, text: bytes, *, special: bool) -> list[int]:
        with self._tokenize_lock:
            return list(self._llm.tokenize(text, add_bos=False, special=special))

    def prepare(self, messages: Sequence[ChatMessage]) -> Prompt:
        """Render the chat template and tokenize it: the template's own control tokens as control tokens, every
        message's content (what the caller wrote, retrieved passages) as plain text, so ``<|im_start|>system`` typed
        by a caller or planted in a document is text and cannot open a turn of its own."""
        markers = [f"{_MARK_OPEN}{i}{_MARK_CLOSE}" for i in range(len(messages))]
        wire: Any = [{"role": m.role, "content": marker} for m, marker in zip(messages, markers, strict=True)]
        rendered = self._formatter(messages=wire).prompt
        pieces: list[tuple[str, bool]] = []  # (text, is template)
        rest = rendered
        for message, marker in zip(messages, markers, strict=True):
            before, found, rest = rest.partition(marker)
            if not found or marker in rest:
                raise ModelUnavailable("the chat template does not place each message verbatim; its contents "
                                       "cannot be kept apart from control tokens")
            pieces += [(before, True), (message.content, False)]
        pieces.append((rest, True))
        tokens: list[int] = []
        with self._tokenize_lock:
            for text, template in pieces:
                if text:
                    tokens += self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=template)
        if len(tokens) >= self.context_window:
            raise ContextLengthExceeded(
                f"the prompt is {len(tokens)} tokens; this model's context window is {self.context_window} tokens",
                param="messages",
            )
        return Prompt(messages=tuple(messages), n_tokens=len(tokens), tokens=tuple(tokens))
