"""Grounded answers with the real bundled model: templates filled by the gateway, refusals without sources, and the
citation check on every answer (plain and streamed)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.support import Gateway

URL = "/v1/chat/completions"
DOCS = [
    ("银行卡挂失与补办流程", "## 正式挂失\n\n银行卡正式挂失须本人持身份证件到柜面办理，手续费10元。",
     {"version_label": "2026-02", "effective_date": "2026-02-01"}),
    ("个人储蓄存款业务说明", "## 活期储蓄存款\n\n活期储蓄一元起存，年利率0.15%，按季结息。",
     {"version_label": "2026-03", "effective_date": "2026-03-01"}),
    ("Debit Card Fees and Limits", "## Replacement\n\nReplacing a lost debit card costs EUR 10 and takes five working "
     "days.\n\n## ATM\n\nThe daily ATM withdrawal limit for a debit card is EUR 500.", {}),
]
CARD_DOCS = [("Card fees", "Replacing a lost debit card costs EUR 10 and takes five working days."),
             ("ATM limits", "The daily ATM withdrawal limit for a debit card is EUR 500."),
             ("Card delivery", "A new debit card is delivered by post to the customer's address within five "
              "working days.")]


def ingest(gateway: Gateway, title: str, text: str, metadata: dict[str, Any] | None = None,
           collection: str = "retail-products") -> None:
    body = {"title": title, "text": text, "collection": collection, "classification": "internal",
            "metadata": metadata or {}}
    assert gateway.client.post("/v1/documents", json=body, headers=gateway.auth("admin")).status_code == 201


def chat(gateway: Gateway, role: str, messages: list[tuple[str, str]], *, stream: bool = False,
         max_tokens: int = 48) -> dict[str, Any]:
    """The answer as one JSON body; a streamed one is reassembled (and its content chunks kept in ``pieces``)."""
    body = {"messages": [{"role": r, "content": c} for r, c in messages], "temperature": 0, "max_tokens": max_tokens}
    if not stream:
        response = gateway.client.post(URL, json=body, headers=gateway.auth(role))
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]
    with gateway.client.stream("POST", URL, json={**body, "stream": True}, headers=gateway.auth(role)) as response:
        assert response.status_code == 200
        chunks = [json.loads(line[6:]) for line in response.iter_lines() if line.startswith("data: {")]
    assert "error" not in chunks[-1], chunks[-1]
    pieces = [c["choices"][0]["delta"].get("content") for c in chunks if c.get("choices")]
    pieces = [p for p in pieces if p]
    final = next(c for c in chunks if c.get("choices") and c["choices"][0]["finish_reason"])
    reason = final["choices"][0]["finish_reason"]
    return {"choices": [{"message": {"content": "".join(pieces)}, "finish_reason": reason}],
            "citations": chunks[0].get("citations") or [], "grounding": final["grounding"], "pieces": pieces,
            "usage": {"completion_tokens": None}}


def basis_lines(answer: str, opening: str, closing: str) -> list[str]:
    assert answer.startswith(opening + "\n"), answer
    basis, found, _ = answer[len(opening) + 1:].partition(f"\n{closing}\n")
    assert found, answer
    return basis.split("\n")


@pytest.mark.parametrize("stream", [False, True])
def test_chinese_desk_basis_lists_exactly_the_cited_sources_titles(
    gateway_factory: Callable[..., Gateway], stream: bool,
) -> None:
    gateway = gateway_factory()
    for title, text, meta in DOCS:
        ingest(gateway, title, text, meta)
    answer = chat(gateway, "customer_service_desk_zh", [("user", "银行卡正式挂失手续费是多少？")], stream=stream)
    content = answer["choices"][0]["message"]["content"]
    titles = [c["title"] for c in answer["citations"]]
    assert titles and "银行卡挂失与补办流程" in titles
    lines = basis_lines(content, "【政策依据】", "【简明解释】")
    assert [line.split("《", 1)[1].split("》", 1)[0] for line in lines] == titles
    assert [line.split(" ", 1)[0] for line in lines] == [f"[{n}]" for n in range(1, len(titles) + 1)]
    card = lines[titles.index("银行卡挂失与补办流程")]
    assert card.endswith("》正式挂失（版本 2026-02，生效日期 2026-02-01）")
    assert content.count("【政策依据】") == 1 and content.count("【简明解释】") == 1
    explanation = content.split("【简明解释】\n", 1)[1]
    assert explanation.strip()
    grounding = answer["grounding"]
    assert grounding["format"] == "text" and grounding["format_valid"] is True
    assert grounding["cited"] == list(range(1, len(titles) + 1)) and grounding["from_knowledge_base"] is True
    exposed = gateway.client.get("/metrics", headers=gateway.auth("admin")).text
    assert 'gateway_answer_format_total{result="compliant",role="customer_service_desk_zh"} 1.0' in exposed
    if stream:  # the gateway's section goes out as its own chunk, before the model's first word
        assert answer["pieces"][0] == content[: content.index("【简明解释】") + len("【简明解释】\n")]


def test_english_desk_follows_its_template_and_names_only_retrieved_sources(
    gateway_factory: Callable[..., Gateway],
) -> None:
    gateway = gateway_factory()
    for title, text, meta in DOCS:
        ingest(gateway, title, text, meta)
    answer = chat(gateway, "customer_service_desk", [("user", "How much does replacing a lost debit card cost?")])
    content = answer["choices"][0]["message"]["content"]
    titles = [c["title"] for c in answer["citations"]]
    lines = basis_lines(content, "[Policy basis]", "[Explanation]")
    assert [line.split("] ", 1)[1].split(" — ", 1)[0] for line in lines] == titles
    n = titles.index("Debit Card Fees and Limits") + 1
    assert f"[{n}] Debit Card Fees and Limits — Replacement; ATM (version v1, effective —)" in lines
    assert answer["grounding"]["format_valid"] is True


@pytest.mark.parametrize("stream", [False, True])
def test_refusing_role_without_a_relevant_passage_gets_the_policy_message_and_the_model_is_never_called(
    gateway_factory: Callable[..., Gateway], stream: bool,
) -> None:
    gateway = gateway_factory()
    for title, text, meta in DOCS:
        ingest(gateway, title, text, meta)
    metrics = gateway.services.metrics
    policy = gateway.services.policy.role("customer_service_desk")
    assert policy is not None

    answer = chat(gateway, "customer_service_desk", [("user", "What is the boiling point of tungsten in kelvin?")],
                  stream=stream)

    assert answer["choices"][0]["message"]["content"] == policy.generation.no_sources_message
    assert answer["choices"][0]["finish_reason"] == "content_filter"
    assert answer["citations"] == []
    assert answer["grounding"]["refused"] is True and answer["grounding"]["from_knowledge_base"] is False
    assert answer["grounding"]["attempts"] == 0
    # The model never ran: nothing was prefilled or generated in this process's queue.
    assert metrics.prompt_tokens._value.get() == 0 and metrics.tokens_generated._value.get() == 0
    assert metrics.refusals.labels("customer_service_desk")._value.get() == 1
    officer = gateway.auth("compliance_officer")
    event = gateway.client.get("/v1/audit", params={"action": "chat"}, headers=officer).json()["data"][0]
    assert event["outcome"] == "denied" and event["http_status"] == 200
    assert event["details"]["grounding"]["refused"] is True
    assert event["details"]["answer_role"] == "customer_service_desk"


def test_answering_role_without_sources_marks_the_answer_not_from_the_knowledge_base(
    gateway_factory: Callable[..., Gateway],
) -> None:
    gateway = gateway_factory()
    answer = chat(gateway, "teller", [("user", "What is the boiling point of tungsten in kelvin?")])
    assert answer["citations"] == [] and answer["choices"][0]["message"]["content"]
    assert answer["grounding"]["from_knowledge_base"] is False and answer["grounding"]["refused"] is False
    assert answer["choices"][0]["finish_reason"] in ("stop", "length")


# The model repeats an earlier turn that cites [7]; the last question retrieves the three card passages.
SEVEN = [("user", "How much does replacing a lost debit card cost?"), ("assistant", "It costs EUR 10 [7]."),
         ("user", "Repeat your last answer about the lost debit card exactly.")]


@pytest.mark.parametrize("stream", [False, True])
def test_a_citation_of_source_7_with_three_sources_loses_its_marker_and_is_flagged(
    gateway_factory: Callable[..., Gateway], stream: bool,
) -> None:
    gateway = gateway_factory()
    for title, text in CARD_DOCS:
        ingest(gateway, title, text)

    answer = chat(gateway, "teller", SEVEN, stream=stream)

    content = answer["choices"][0]["message"]["content"]
    assert len(answer["citations"]) == 3
    assert answer["grounding"]["invalid_citations"] == [7]
    assert "[7]" not in content and "EUR 10" in content
    exposed = gateway.client.get("/metrics", headers=gateway.auth("admin")).text
    assert 'gateway_invalid_citations_total{role="teller"} 1.0' in exposed
    officer = gateway.auth("compliance_officer")
    event = gateway.client.get("/v1/audit", params={"action": "chat"}, headers=officer).json()["data"][0]
    assert event["details"]["grounding"]["invalid_citations"] == [7]
    assert "[7]" not in event["masked_answer"]
    assert len(event["citations"]) == 3
