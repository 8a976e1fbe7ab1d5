"""The real server driven by the official ``openai`` client, as an existing application would use it."""

from __future__ import annotations

import re
import threading
import time

import httpx
import openai
import pytest

pytestmark = pytest.mark.e2e


def client_for(server, role: str = "teller") -> openai.OpenAI:  # type: ignore[no-untyped-def]
    return openai.OpenAI(base_url=f"{server.base_url}/v1", api_key=server.keys[role], max_retries=0, timeout=60)


def test_chat_completion_from_the_bundled_model(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    completion = client_for(server).chat.completions.create(
        model="smollm2-135m-instruct",
        messages=[{"role": "user", "content": "What is the capital of France?"}],
        max_tokens=16,
        temperature=0,
    )
    assert completion.choices[0].message.content
    assert completion.usage is not None and completion.usage.completion_tokens > 0


def test_streamed_chat_completion(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    stream = client_for(server).chat.completions.create(
        model="smollm2-135m-instruct",
        messages=[{"role": "user", "content": "Say hello to the branch staff."}],
        max_tokens=16,
        stream=True,
    )
    pieces, finish = [], None
    for chunk in stream:
        if chunk.choices:
            pieces.append(chunk.choices[0].delta.content or "")
            finish = chunk.choices[0].finish_reason or finish
    assert "".join(pieces).strip()
    assert finish in ("stop", "length")


def test_models_list(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    assert [m.id for m in client_for(server).models.list()] == ["smollm2-135m-instruct"]


def test_bad_key_is_rejected(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    bad = openai.OpenAI(base_url=f"{server.base_url}/v1", api_key="gwk_not_a_real_key", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as caught:
        bad.models.list()
    assert caught.value.status_code == 401


def _long_stream(server, started: threading.Event, stop: threading.Event) -> None:  # type: ignore[no-untyped-def]
    stream = client_for(server).chat.completions.create(
        model="smollm2-135m-instruct",
        messages=[{"role": "user", "content": "Write a long story about a bank."}],
        max_tokens=400,
        temperature=0.8,
        stream=True,
    )
    for _chunk in stream:
        started.set()
        if stop.is_set():
            break
    stream.close()


def test_full_queue_is_answered_429_with_retry_after(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory(GATEWAY_LLM__QUEUE_SIZE="0")
    started, stop = threading.Event(), threading.Event()
    worker = threading.Thread(target=_long_stream, args=(server, started, stop))
    worker.start()
    try:
        assert started.wait(30)
        with pytest.raises(openai.RateLimitError) as caught:
            client_for(server).chat.completions.create(
                model="smollm2-135m-instruct", messages=[{"role": "user", "content": "Hi"}], max_tokens=4
            )
        assert caught.value.status_code == 429
        assert int(caught.value.response.headers["retry-after"]) >= 1
        assert caught.value.body["code"] == "queue_full"  # type: ignore[index]
    finally:
        stop.set()
        worker.join(60)


def test_client_disconnect_cancels_generation(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory(GATEWAY_LLM__QUEUE_SIZE="0", GATEWAY_LLM__MAX_TOKENS_CAP="2000")
    started, stop = threading.Event(), threading.Event()
    stop.set()  # read one chunk, then hang up
    _long_stream(server, started, stop)
    admin = {"Authorization": f"Bearer {server.keys['admin']}"}
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        metrics = httpx.get(f"{server.base_url}/metrics", headers=admin).text
        if "gateway_model_queue_depth 0.0" in metrics:
            break
        time.sleep(0.1)
    else:
        pytest.fail("generation kept the model busy after the client left")
    # The model is free again at once: a new request is admitted, not refused with 429.
    completion = client_for(server).chat.completions.create(
        model="smollm2-135m-instruct", messages=[{"role": "user", "content": "Hi"}], max_tokens=4
    )
    assert completion.choices[0].message.content is not None
    tokens = float(re.search(r"^gateway_tokens_generated_total (\S+)$", metrics, re.M).group(1))  # type: ignore[union-attr]
    assert 0 < tokens < 400
