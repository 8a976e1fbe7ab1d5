"""``gateway eval report``: per week, role and model, the trail's automatic figures next to verdicts and feedback."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from gateway.cli.eval import eval_group
from gateway.review.report import quality_report, week_of
from tests.support import Gateway


def ask(gateway: Gateway, role: str, question: str) -> dict:  # type: ignore[type-arg]
    body = {"messages": [{"role": "user", "content": question}], "max_tokens": 24, "temperature": 0}
    response = gateway.client.post("/v1/chat/completions", json=body, headers=gateway.auth(role))
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_report_puts_verdicts_and_feedback_next_to_the_automatic_figures(
    gateway_factory: Callable[..., Gateway], tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest, database: str,
) -> None:
    url = request.getfixturevalue("pg_url") if database == "postgresql" else None
    gateway = gateway_factory(**({"database_url": url} if url else {}))
    body = {"title": "Card fees", "text": "Replacing a lost debit card costs EUR 10.", "collection": "retail-products",
            "classification": "public"}
    assert gateway.client.post("/v1/documents", json=body, headers=gateway.auth("admin")).status_code == 201
    grounded = ask(gateway, "customer_service_desk", "How much does replacing a lost debit card cost?")
    refused = ask(gateway, "customer_service_desk", "What is the boiling point of tungsten in kelvin?")
    free = ask(gateway, "teller", "What is the boiling point of tungsten in kelvin?")
    assert grounded["grounding"]["format_valid"] and refused["grounding"]["refused"]
    officer = gateway.auth("compliance_officer")
    chats = gateway.client.get("/v1/audit", params={"action": "chat"}, headers=officer).json()["data"]
    by_user = {e["user"]: e["seq"] for e in reversed(chats)}  # the teller's one answer; the desk's latest
    first_desk = min(e["seq"] for e in chats if e["user"] == "customer_service_desk")
    for seq, verdict in [(first_desk, "incorrect"), (first_desk, "correct"), (by_user["teller"], "unsafe")]:
        response = gateway.client.post(f"/v1/audit/{seq}/review", json={"verdict": verdict}, headers=officer)
        assert response.status_code == 201
    for completion, role, rating in [(grounded, "customer_service_desk", "up"), (free, "teller", "down")]:
        response = gateway.client.post("/v1/feedback", json={"response_id": completion["id"], "rating": rating},
                                       headers=gateway.auth(role))
        assert response.status_code == 201

    rows = {row.role: row for row in quality_report(gateway.services.audit, gateway.services.db)}

    desk, teller = rows["customer_service_desk"], rows["teller"]
    assert (desk.answers, desk.refused, desk.formatted, desk.compliant, desk.not_from_kb) == (2, 1, 1, 1, 0)
    assert dict(desk.verdicts) == {"correct": 1}  # the later verdict on the same answer replaced "incorrect"
    assert (desk.up, desk.down) == (1, 0)
    assert (teller.answers, teller.not_from_kb, teller.formatted, dict(teller.verdicts)) == (1, 1, 0, {"unsafe": 1})
    assert (teller.up, teller.down) == (0, 1)
    assert desk.model == "SmolLM2-135M-Instruct.Q4_1.gguf" and desk.week == week_of(desk_time(gateway))

    monkeypatch.setenv("GATEWAY_DATA_DIR", str(tmp_path / "data"))
    if url:
        monkeypatch.setenv("GATEWAY_DATABASE_URL", url)
    monkeypatch.setenv("GATEWAY_MODELS_DIR", str(models_dir))
    monkeypatch.delenv("GATEWAY_CONFIG", raising=False)
    printed = CliRunner().invoke(eval_group, ["report"])
    assert printed.exit_code == 0, printed.output
    assert "customer_service_desk" in printed.output and "100% of 1" in printed.output
    as_json = json.loads(CliRunner().invoke(eval_group, ["report", "--json"]).output)
    assert {r["role"]: r["verdicts"]["unsafe"] for r in as_json["rows"]} == {"customer_service_desk": 0, "teller": 1}
    reads = gateway.client.get("/v1/audit", params={"action": "review.report"}, headers=officer).json()["data"]
    assert len(reads) == 2


def desk_time(gateway: Gateway):  # type: ignore[no-untyped-def]
    from datetime import datetime

    events = gateway.client.get("/v1/audit", params={"action": "chat", "user": "customer_service_desk"},
                                headers=gateway.auth("compliance_officer")).json()["data"]
    return datetime.fromisoformat(events[0]["at"])
