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


LIMITED = """\
schema_version: 1
name: limited
collections:
  manuals: {}
  payroll: {}
roles:
  admin:
    permissions: [chat, documents:write, documents:purge, documents:read, audit:read]
    knowledge: {collections: ["*"], max_classification: restricted}
  manuals_purger:
    permissions: [documents:purge, documents:read]
    knowledge: {collections: [manuals], max_classification: internal}
  manuals_officer:
    permissions: [audit:read]
    knowledge: {collections: [manuals], max_classification: internal}
  payroll_clerk:
    permissions: [chat]
    knowledge: {collections: [payroll], max_classification: restricted}
"""


@pytest.fixture
def limited(gateway_factory: Callable[..., Gateway], tmp_path) -> Gateway:  # type: ignore[no-untyped-def]
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "limited.yaml").write_text(LIMITED)
    return gateway_factory(policies_dir=policies, policy_set="limited")


def ingest(gateway: Gateway, title: str, text: str, collection: str, level: str) -> str:
    body = {"title": title, "text": text, "collection": collection, "classification": level}
    response = gateway.client.post("/v1/documents", json=body, headers=gateway.auth("admin"))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def test_purges_need_clearance_for_what_they_erase(limited: Gateway) -> None:
    manual = ingest(limited, "Printer manual", "Reset the printer with the red button.", "manuals", "internal")
    secret = ingest(limited, "Board manual", "The board meets on Fridays.", "manuals", "confidential")
    payroll = ingest(limited, "Payroll", "The March salary run is paid on the 25th.", "payroll", "restricted")
    purger = limited.auth("manuals_purger")
    assert limited.client.delete(f"/v1/documents/{payroll}", headers=purger).status_code == 403
    assert limited.client.delete(f"/v1/documents/{secret}", headers=purger).status_code == 403
    assert limited.client.delete("/v1/collections/payroll", headers=purger).status_code == 403
    assert limited.client.delete("/v1/collections/manuals", headers=purger).status_code == 403  # holds a secret
    subject = limited.client.post("/v1/purge/subject", json={"value": "Zhang Wei"}, headers=purger)
    assert subject.status_code == 403
    assert limited.client.delete(f"/v1/documents/{manual}", headers=purger).status_code == 200
    assert limited.client.delete(f"/v1/documents/{payroll}", headers=limited.auth("admin")).status_code == 200


def test_documents_read_shows_a_document_record_the_caller_is_cleared_for(limited: Gateway) -> None:
    manual = ingest(limited, "Printer manual", "Reset the printer with the red button.", "manuals", "internal")
    payroll = ingest(limited, "Payroll", "The March salary run is paid on the 25th.", "payroll", "restricted")
    purger = limited.auth("manuals_purger")
    found = limited.client.get(f"/v1/documents/{manual}", headers=purger)
    assert found.status_code == 200
    body = found.json()
    assert (body["collection"], body["classification"], body["active_version"]) == ("manuals", "internal", 1)
    assert "Reset the printer" not in found.text  # a record, never the document's text
    assert body["title"] == "Printer manual"  # the title, masked under the caller's rules (nothing personal here)
    assert limited.client.get(f"/v1/documents/{payroll}", headers=purger).status_code == 404  # as if absent
    assert limited.client.get(f"/v1/documents/{payroll}", headers=limited.auth("payroll_clerk")).status_code == 403


def test_an_officer_reads_only_cited_passages_their_own_roles_are_cleared_for(limited: Gateway) -> None:
    ingest(limited, "Payroll", "The March salary run is paid on the 25th of the month.", "payroll", "restricted")
    question = {"messages": [{"role": "user", "content": "When is the March salary run paid?"}], "max_tokens": 4}
    answer = limited.client.post("/v1/chat/completions", json=question, headers=limited.auth("payroll_clerk"))
    assert answer.status_code == 200 and answer.json()["citations"], answer.text
    event = limited.client.get("/v1/audit", params={"action": "chat"}, headers=limited.auth("admin")).json()["data"][0]
    seq = event["seq"]
    cleared = limited.client.get(f"/v1/audit/{seq}?passages=true", headers=limited.auth("admin")).json()
    assert "salary run" in cleared["citations"][0]["passage"]
    officer = limited.client.get(f"/v1/audit/{seq}?passages=true", headers=limited.auth("manuals_officer")).json()
    assert officer["citations"][0]["passage"] is None and officer["citations"][0]["passage_withheld"] is True
