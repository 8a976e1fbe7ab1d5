"""The review's Low findings (issue 15, finding 10), each through the real app."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from tests.support import Gateway

SECRET = "Jane Doe 0123 4567"


@pytest.mark.parametrize("body", [
    {"messages": [{"role": SECRET, "content": "hi"}]},
    {"messages": [{"role": "user", "content": [{"type": SECRET, "text": "hi"}]}]},
    {"messages": [{"role": "user", "content": "hi"}], SECRET: 1, "stream_options": {SECRET: True}},
])
def test_a_bad_enum_value_or_unknown_field_is_not_echoed(gateway: Gateway, body: dict) -> None:  # type: ignore[type-arg]
    response = gateway.client.post("/v1/chat/completions", json=body, headers=gateway.auth("teller"))
    assert response.status_code in (200, 400)
    assert SECRET not in response.text


def test_unknown_document_field_and_bad_jsonl_enum_are_not_echoed(gateway: Gateway) -> None:
    body = {"title": "t", "text": "x y z", "collection": "retail-products", "classification": "internal",
            SECRET: "v"}
    response = gateway.client.post("/v1/documents", json=body, headers=gateway.auth("admin"))
    assert response.status_code == 400 and SECRET not in response.text


def test_deeply_nested_metadata_or_body_is_a_400_not_a_500(gateway: Gateway) -> None:
    deep: object = "leaf"
    for _ in range(200):
        deep = {"k": deep}
    body = {"title": "t", "text": "x y z", "collection": "retail-products", "classification": "internal",
            "metadata": deep}
    response = gateway.client.post("/v1/documents", json=body, headers=gateway.auth("admin"))
    assert response.status_code == 400 and "nested" in response.json()["error"]["message"]
    bomb = b'{"title": "t", "metadata": {"a": ' + b"[" * 50_000 + b"]" * 50_000 + b"}}"
    response = gateway.client.post("/v1/documents", content=bomb, headers={**gateway.auth("admin"),
                                                                           "Content-Type": "application/json"})
    assert response.status_code == 400 and response.json()["error"]["type"] == "invalid_request_error"
    chat = b'{"messages": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    response = gateway.client.post("/v1/chat/completions", content=chat,
                                   headers={**gateway.auth("teller"), "Content-Type": "application/json"})
    assert response.status_code == 400


def test_identity_provider_users_are_named_apart_from_api_key_users(gateway_factory: Callable[..., Gateway]) -> None:
    from gateway.errors import InvalidInput

    users = gateway_factory().services.users
    with pytest.raises(InvalidInput):
        users.add_user("jwt:alice", ["teller"])


def test_access_log_lines_carry_no_query_string(caplog: pytest.LogCaptureFixture) -> None:
    from gateway.observability.logging import AccessLogWithoutQuery

    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5", "GET", "/v1/audit?user=Zhang%20Wei&since=2026", "1.1", 200), None)
    assert AccessLogWithoutQuery().filter(record)
    assert "Zhang" not in record.getMessage() and "/v1/audit" in record.getMessage()
