"""POST /v1/chat/completions in-process: the OpenAI shapes, usage, timings, seeds, stops, streaming and a clear 4xx
for every bad input, on both llama.cpp backends (in this process and a supervised llama-server)."""

from __future__ import annotations

import json

import pytest

from gateway.llm.protocol import ChatModel
from tests.support import BACKENDS, Gateway, chat_model_for

URL = "/v1/chat/completions"


@pytest.fixture(params=BACKENDS)
def chat_model(request: pytest.FixtureRequest, chat_model: ChatModel) -> ChatModel:
    """Every test here runs on the in-process backend and on a supervised llama-server."""
    return chat_model_for(request, chat_model)


def ask(content: str = "Name one primary colour.", **extra: object) -> dict[str, object]:
    return {"messages": [{"role": "user", "content": content}], "max_tokens": 8, "temperature": 0, **extra}


def test_answers_in_openai_shape_with_usage_and_server_timing(gateway: Gateway) -> None:
    response = gateway.client.post(URL, json=ask(), headers=gateway.auth("teller"))
    assert response.status_code == 200
    body = response.json()
    assert body["object"] == "chat.completion"
    assert body["model"] == "smollm2-135m-instruct"
    assert body["choices"][0]["message"]["role"] == "assistant"
    assert body["choices"][0]["message"]["content"].strip()
    assert body["choices"][0]["finish_reason"] in ("stop", "length")
    usage = body["usage"]
    assert 0 < usage["completion_tokens"] <= 8
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]
    stages = dict(part.strip().split(";dur=") for part in response.headers["server-timing"].split(","))
    assert {"prepare", "queue", "prefill", "generate", "total"} <= set(stages)


def test_same_seed_at_temperature_zero_gives_the_same_answer(gateway: Gateway) -> None:
    first = gateway.client.post(URL, json=ask(seed=7), headers=gateway.auth("teller")).json()
    second = gateway.client.post(URL, json=ask(seed=7), headers=gateway.auth("teller")).json()
    assert first["choices"][0]["message"]["content"] == second["choices"][0]["message"]["content"]


def test_the_same_seed_gives_the_same_sampled_answer_and_another_seed_another(gateway: Gateway) -> None:
    payload = ask("Write a short poem about the sea.", max_tokens=24, temperature=1.2)
    answers = [gateway.client.post(URL, json={**payload, "seed": seed}, headers=gateway.auth("teller")).json()
               ["choices"][0]["message"]["content"] for seed in (11, 11, 12, 13)]
    assert answers[0] == answers[1]
    assert len(set(answers[1:])) > 1


def test_max_tokens_is_capped_by_settings(gateway_factory) -> None:  # type: ignore[no-untyped-def]
    gateway = gateway_factory(llm={"max_tokens_cap": 3})
    body = gateway.client.post(URL, json=ask(max_tokens=50), headers=gateway.auth("teller")).json()
    assert body["usage"]["completion_tokens"] <= 3


def test_stop_sequence_is_honoured_and_not_emitted(gateway: Gateway) -> None:
    payload = ask("Count from one to ten in words, separated by commas.", max_tokens=40, stop=["five"])
    body = gateway.client.post(URL, json=payload, headers=gateway.auth("teller")).json()
    assert "five" not in body["choices"][0]["message"]["content"]


def test_stream_sends_role_then_deltas_then_finish_then_done(gateway: Gateway) -> None:
    payload = ask(stream=True, stream_options={"include_usage": True})
    with gateway.client.stream("POST", URL, json=payload, headers=gateway.auth("teller")) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert "server-timing" in response.headers
        lines = [line for line in response.iter_lines() if line]
    assert lines[-1] == "data: [DONE]"
    chunks = [json.loads(line.removeprefix("data: ")) for line in lines[:-1]]
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks if c["choices"])
    assert text.strip()
    finishes = [c["choices"][0]["finish_reason"] for c in chunks if c["choices"] and c["choices"][0]["finish_reason"]]
    assert finishes in (["stop"], ["length"])
    assert chunks[-1]["usage"]["completion_tokens"] > 0


BAD_REQUESTS = [
    pytest.param(b"{not json", "not valid JSON", id="malformed-json"),
    pytest.param(b"", "empty", id="empty-body"),
    pytest.param(b"[]", "invalid request", id="array-not-object"),
    pytest.param(json.dumps({"messages": []}).encode(), "at least one message", id="empty-messages"),
    pytest.param(json.dumps({"messages": "hi"}).encode(), "$.messages", id="messages-wrong-type"),
    pytest.param(json.dumps({"messages": [{"role": "user", "content": 5}]}).encode(), "$.messages[0].content",
                 id="content-wrong-type"),
    pytest.param(json.dumps({"messages": [{"role": "wizard", "content": "x"}]}).encode(), "$.messages[0].role",
                 id="unknown-role"),
    pytest.param(json.dumps({"messages": [{"role": "system", "content": "x"}]}).encode(), "user message",
                 id="no-user-message"),
    pytest.param(json.dumps(ask(temperature=5)).encode(), "$.temperature", id="temperature-out-of-range"),
    pytest.param(json.dumps(ask(max_tokens=0)).encode(), "$.max_tokens", id="max-tokens-zero"),
    pytest.param(json.dumps(ask(max_tokens="ten")).encode(), "$.max_tokens", id="max-tokens-wrong-type"),
    pytest.param(json.dumps(ask(n=2)).encode(), "$.n", id="n-above-one"),
    pytest.param(json.dumps(ask(stop=["a", "b", "c", "d", "e"])).encode(), "stop sequences", id="too-many-stops"),
]


@pytest.mark.parametrize(("body", "expected"), BAD_REQUESTS)
def test_bad_input_gets_a_400_in_openai_error_shape(gateway: Gateway, body: bytes, expected: str) -> None:
    headers = {**gateway.auth("teller"), "Content-Type": "application/json"}
    response = gateway.client.post(URL, content=body, headers=headers)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert expected in error["message"]


def test_error_message_never_echoes_the_input(gateway: Gateway) -> None:
    secret = "Jane Q. Customer 4111111111111111"
    body = {"messages": [{"role": "user", "content": [{"type": "image", "text": secret}]}]}
    response = gateway.client.post(URL, json=body, headers=gateway.auth("teller"))
    assert response.status_code == 400
    assert secret not in response.text


def test_prompt_longer_than_the_context_window_is_a_400(gateway: Gateway) -> None:
    response = gateway.client.post(URL, json=ask("word " * 3000), headers=gateway.auth("teller"))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "context_length_exceeded"


def test_body_over_the_limit_is_a_413(gateway_factory) -> None:  # type: ignore[no-untyped-def]
    gateway = gateway_factory(max_body_bytes=2048)
    response = gateway.client.post(URL, json=ask("x" * 5000), headers=gateway.auth("teller"))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_unknown_model_is_a_404_naming_the_models_route(gateway: Gateway) -> None:
    response = gateway.client.post(URL, json=ask(model="gpt-17"), headers=gateway.auth("teller"))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "model_not_found"


def test_unknown_route_and_wrong_method_get_openai_errors(gateway: Gateway) -> None:
    assert gateway.client.get("/v1/nowhere", headers=gateway.auth("teller")).json()["error"]["type"]
    response = gateway.client.get(URL, headers=gateway.auth("teller"))
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_a_policy_refusal_keeps_the_openai_shape_and_says_why(gateway: Gateway) -> None:
    payload = ask("Can a customer close a savings account by phone?", max_tokens=120)
    response = gateway.client.post(URL, json=payload, headers=gateway.auth("customer_service_desk"))
    assert response.status_code == 200
    body = response.json()
    assert body["object"] == "chat.completion" and body["id"].startswith("chatcmpl-")
    assert body["choices"][0]["finish_reason"] == "content_filter"  # the knowledge base is empty: nothing to cite
    assert body["choices"][0]["message"]["content"].startswith("[Policy basis]\nNone:")
    assert body["grounding"]["refused"] is True and body["usage"]["completion_tokens"] == 0
