"""Building the chat model the ``llm`` settings name: llama.cpp in this process, or a remote upstream."""

from __future__ import annotations

from pathlib import Path

from gateway.llm.local import LlamaCppChatModel
from gateway.llm.protocol import ChatModel
from gateway.llm.remote import RemoteChatModel
from gateway.llm.settings import LlmSettings


def build_chat_model(llm: LlmSettings, model_path: Path) -> ChatModel:
    """The chat model, loaded and warmed up (``model_path`` is the GGUF file for the local backend)."""
    if llm.backend == "remote":
        assert llm.remote_base_url is not None
        return RemoteChatModel(
            llm.remote_base_url,
            model_id=llm.model_name,
            upstream_model=llm.remote_model,
            api_key_file=llm.remote_api_key_file,
            context_window=llm.n_ctx,
            timeout_s=llm.request_timeout_s,
        )
    model = LlamaCppChatModel(
        model_path,
        model_id=llm.model_name,
        n_ctx=llm.n_ctx,
        n_threads=llm.n_threads,
        n_batch=llm.n_batch,
        n_gpu_layers=llm.n_gpu_layers,
        lora_path=llm.lora_path,
    )
    model.warm_up()
    return model
