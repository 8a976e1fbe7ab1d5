"""Building the chat model the ``llm`` settings name: llama.cpp in this process, or a remote upstream."""

from __future__ import annotations

import sys
from pathlib import Path

from gateway.errors import ConfigurationError
from gateway.llm.local import LlamaCppChatModel
from gateway.llm.protocol import ChatModel
from gateway.llm.remote import RemoteChatModel
from gateway.llm.server import LlamaServerChatModel
from gateway.llm.settings import LlmSettings
from gateway.llm.supervisor import ServerCommand


def default_server_binary() -> Path:
    """Where ``make llama-server`` puts the program: beside this virtualenv's Python."""
    return Path(sys.prefix) / "bin" / "llama-server"


def model_concurrency(model: ChatModel) -> int:
    """How many generations the model runs at once (the in-process binding: one)."""
    return int(getattr(model, "concurrency", 1))


def model_ready(model: ChatModel) -> bool:
    """Whether the model can take a request now (a supervised server is not restarting; a pool has a live one)."""
    return bool(getattr(model, "ready", True))


def upstream_states(model: ChatModel) -> list[dict[str, object]] | None:
    """Per-upstream state of a remote pool (URL, healthy, in flight, served, failures, ejections); None otherwise."""
    states = getattr(model, "upstream_states", None)
    return states() if callable(states) else None


def model_adapters(model: ChatModel) -> tuple[str, ...]:
    """The LoRA adapter names the model can apply per request (a llama-server with ``llm.lora_adapters``); none
    for the in-process binding and remote upstreams."""
    return tuple(getattr(model, "adapters", ()))


def close_chat_model(model: ChatModel) -> None:
    """Stop what the model runs outside this process (a supervised llama-server); nothing for the others."""
    close = getattr(model, "close", None)
    if callable(close):
        close()


def build_chat_model(llm: LlmSettings, model_path: Path) -> ChatModel:
    """The chat model, loaded and warmed up (``model_path`` is the GGUF file for the local backend)."""
    for name, path in llm.lora_adapters.items():
        if llm.backend != "remote" and llm.server_url is None and not path.is_file():
            raise ConfigurationError(f"llm.lora_adapters.{name}: adapter file not found: {path}")
    if llm.backend == "remote":
        return RemoteChatModel(
            llm.remote_urls,
            model_id=llm.model_name,
            upstream_model=llm.remote_model,
            api_key_file=llm.remote_api_key_file,
            context_window=llm.n_ctx,
            timeout_s=llm.request_timeout_s,
            concurrency=llm.remote_concurrency,
            health_interval_s=llm.remote_health_interval_s,
        )
    if llm.backend == "llama-server":
        command = ServerCommand(
            binary=llm.server_binary or default_server_binary(),
            model_path=model_path,
            slots=llm.server_slots,
            n_ctx=llm.n_ctx,
            n_threads=llm.n_threads,
            n_batch=llm.n_batch,
            n_gpu_layers=llm.n_gpu_layers,
            lora_paths=((llm.lora_path,) if llm.lora_path else ()) + tuple(llm.lora_adapters.values()),
        )
        key = llm.server_api_key_file.read_text().strip() if llm.server_api_key_file else None
        served = LlamaServerChatModel(command, model_id=llm.model_name, port=llm.server_port,
                                      start_timeout_s=llm.server_start_timeout_s, timeout_s=llm.request_timeout_s,
                                      attach_url=llm.server_url, api_key=key, adapters=tuple(llm.lora_adapters))
        served.warm_up()
        return served
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
