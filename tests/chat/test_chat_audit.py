"""Every chat request leaves one audit event with the masked question and answer; never the raw values."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import Gateway

QUESTION = "I am Maria Garcia, maria.garcia@example.org, card 4111 1111 1111 1111. What is a standing order?"
RAW = ("Maria Garcia", "maria.garcia@example.org", "4111 1111 1111 1111", "4111111111111111")


def test_chat_is_audited_masked_and_the_chain_verifies(
    gateway_factory: Callable[..., Gateway], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    gateway = gateway_factory()
    body = {"messages": [{"role": "user", "content": QUESTION}], "max_tokens": 8, "temperature": 0}
    assert gateway.client.post("/v1/chat/completions", json=body, headers=gateway.auth("teller")).status_code == 200
    streamed = {**body, "stream": True}
    with gateway.client.stream("POST", "/v1/chat/completions", json=streamed, headers=gateway.auth("teller")) as r:
        assert r.status_code == 200
        list(r.iter_lines())
    assert gateway.client.get("/metrics", headers=gateway.auth("teller")).status_code == 403  # a denial

    officer = gateway.auth("compliance_officer")
    events = gateway.client.get("/v1/audit", params={"action": "chat"}, headers=officer).json()
    chats = events["data"]
    assert len(chats) == 2
    for event in chats:
        assert event["user"] == "teller" and event["outcome"] == "ok"
        assert "<PERSON_" in event["masked_query"]
        assert event["masked_entities"]["PERSON"] >= 1
        assert event["completion_tokens"] > 0 and event["model_hash"]
    denied = gateway.client.get("/v1/audit", params={"action": "access.denied"}, headers=officer).json()
    assert len(denied["data"]) >= 1

    verify = gateway.client.get("/v1/audit/verify", headers=officer).json()
    assert verify["intact"] is True

    data = b"".join(p.read_bytes() for p in (tmp_path / "data").glob("gateway.db*"))
    logs = caplog.text
    for value in RAW:
        assert value.encode() not in data
        assert value not in logs


def test_audit_links_one_person_across_requests_under_its_own_key(gateway: Gateway) -> None:
    """Issue 15, finding 5: callers' tags are per request; the trail relabels them under the linkage key."""
    body = {"messages": [{"role": "user", "content": "Is the standing order of Maria Garcia active?"}], "max_tokens": 4,
            "temperature": 0}
    for role in ("teller", "relationship_manager"):
        assert gateway.client.post("/v1/chat/completions", json=body, headers=gateway.auth(role)).status_code == 200
    events = gateway.client.get("/v1/audit", params={"action": "chat"},
                                headers=gateway.auth("compliance_officer")).json()["data"]
    tags = {tag for event in events for tag in re.findall(r"<PERSON_[0-9a-f]{12}>", event["masked_query"])}
    assert len(tags) == 1, [e["masked_query"] for e in events]
    masker = gateway.services.masking.masker
    assert tags == {masker.linkage_placeholder("PERSON", "Maria Garcia")}
