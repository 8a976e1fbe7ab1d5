"""Every chat that reaches the model is audited however it ends (issue 15, finding 2), on the real server.

A ``chat.started`` event is durable before the first answer byte; a ``chat`` event closes it when the answer
completes, fails, or the client goes away while the model is still generating; a server killed mid-stream leaves
the started event, which ``gateway audit verify`` accepts and the officer API shows as aborted.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.e2e

LONG = {"messages": [{"role": "user", "content": "Write the numbers from 1 to 500, one per line."}],
        "max_tokens": 256, "temperature": 0}
"""An answer that runs to its token limit (seconds of generation) for the bundled model under the officer's prompt.
The officer asks: its role is not customer-facing, so no policy refuses it for want of sources."""
ASKER = "compliance_officer"
ROLES = ("compliance_officer",)


def headers(server, role: str = ASKER) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"Authorization": f"Bearer {server.keys[role]}"}


def events(server, action: str) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    response = httpx.get(f"{server.base_url}/v1/audit", params={"action": action, "user": ASKER},
                         headers=headers(server, "compliance_officer"), timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["data"]  # type: ignore[no-any-return]


def wait_for(check, timeout: float = 30.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def read_first_content(response: httpx.Response) -> str:
    for line in response.iter_lines():
        if line.startswith("data: {"):
            chunk = json.loads(line[6:])
            if chunk["choices"] and chunk["choices"][0]["delta"].get("content"):
                return str(chunk["choices"][0]["delta"]["content"])
    raise AssertionError("the stream ended before any content")


def test_client_gone_while_generating_leaves_started_and_aborted_events(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory(ROLES)
    with httpx.Client(timeout=60) as client, client.stream(
        "POST", f"{server.base_url}/v1/chat/completions", json={**LONG, "stream": True}, headers=headers(server)
    ) as response:
        assert response.status_code == 200
        read_first_content(response)
    # the connection is closed here, while the model still has most of its 256 tokens to go

    ended = wait_for(lambda: events(server, "chat"))
    assert len(ended) == 1, ended
    end = ended[0]
    assert (end["outcome"], end["http_status"]) == ("aborted", 499)
    assert end["completion_tokens"] is None or end["completion_tokens"] < 256
    assert end["details"]["stream"] is True and end["masked_answer"]  # what had been sent, masked
    started = events(server, "chat.started")
    assert len(started) == 1 and started[0]["seq"] < end["seq"]
    assert started[0]["completion"] == {"state": "aborted", "end_seq": end["seq"]}
    assert started[0]["masked_query"] and started[0]["model_hash"]

    # The same for a plain (non-streamed) answer whose client gives up waiting. It is held in the model queue behind
    # a long streamed answer (read slowly on purpose), so its client is certain to leave before it is answered.
    with httpx.Client(timeout=120) as client, client.stream(
        "POST", f"{server.base_url}/v1/chat/completions", json={**LONG, "stream": True}, headers=headers(server)
    ) as holding:
        read_first_content(holding)
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(f"{server.base_url}/v1/chat/completions", json=LONG, headers=headers(server), timeout=0.5)
    ended = wait_for(lambda: [e for e in events(server, "chat") if not e["details"]["stream"]])
    assert [(e["outcome"], e["http_status"]) for e in ended] == [("aborted", 499)]
    assert len(events(server, "chat.started")) == 3

    # the model was released: the next request is answered
    answered = httpx.post(f"{server.base_url}/v1/chat/completions", json={**LONG, "max_tokens": 4},
                          headers=headers(server), timeout=60)
    assert answered.status_code == 200
    verify = httpx.get(f"{server.base_url}/v1/audit/verify", headers=headers(server, "compliance_officer"))
    assert verify.json()["intact"] is True


def test_server_killed_mid_stream_leaves_a_started_event_verify_accepts_shown_aborted(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory(ROLES, GATEWAY_AUDIT__OPEN_CHAT_HORIZON_S="1")
    with httpx.Client(timeout=60) as client, client.stream(
        "POST", f"{server.base_url}/v1/chat/completions", json={**LONG, "stream": True}, headers=headers(server)
    ) as response:
        assert response.status_code == 200
        read_first_content(response)
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait(timeout=30)

    env = {**os.environ, "GATEWAY_DATA_DIR": str(server.data_dir), "GATEWAY_POLICY_SET": "bank"}
    verified = subprocess.run([sys.executable, "-m", "gateway", "audit", "verify"], env=env, capture_output=True,
                              text=True, timeout=120)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "audit trail: intact" in verified.stdout

    again = server_factory(again=server)
    time.sleep(1.1)  # past the (shortened) open-chat horizon
    started = events(again, "chat.started")
    assert len(started) == 1
    assert started[0]["completion"] == {"state": "aborted", "end_seq": None}
    assert events(again, "chat") == []
    one = httpx.get(f"{again.base_url}/v1/audit/{started[0]['seq']}", headers=headers(again, "compliance_officer"))
    assert one.json()["completion"]["state"] == "aborted"
