"""A json answer template with the real model: the gateway binds the basis array to the cited sources, the model
writes the rest under the schema's grammar, and every answer that leaves validates against the schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from gateway.llm.protocol import ChatModel
from gateway.paths import PROJECT_ROOT
from tests.support import BACKENDS, Gateway, chat_model_for

SCHEMA = {
    "type": "object",
    "properties": {
        "policy_basis": {
            "type": "array",
            "items": {"type": "object", "properties": {"n": {"type": "integer"}, "title": {"type": "string"},
                                                       "section": {"type": "string"}},
                      "required": ["n", "title"]},
        },
        "explanation": {"type": "string", "minLength": 1, "maxLength": 240},
    },
    "required": ["policy_basis", "explanation"],
}
@pytest.fixture(params=BACKENDS)
def chat_model(request: pytest.FixtureRequest, chat_model: ChatModel) -> ChatModel:
    """Every test here runs on the in-process backend and on a supervised llama-server."""
    return chat_model_for(request, chat_model)


ROLE = {
    "description": "Answers for the customer app, as JSON.",
    "permissions": ["chat"],
    "knowledge": {"collections": ["retail-products"], "max_classification": "internal"},
    "generation": {
        "system_prompt": "You answer questions of the bank's customers from the numbered sources.",
        "max_tokens": 160,
        "answer_format": SCHEMA,
        "answer_template": {"format": "json", "sections": [{"name": "policy_basis", "fill": "sources"},
                                                           {"name": "explanation", "fill": "model"}]},
    },
}


@pytest.fixture
def gateway(gateway_factory: Callable[..., Gateway], tmp_path: Path) -> Gateway:
    policy = yaml.safe_load((PROJECT_ROOT / "policies" / "bank.yaml").read_text())
    policy["roles"]["customer_app"] = ROLE
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / "bank.yaml").write_text(yaml.safe_dump(policy, allow_unicode=True))
    built = gateway_factory(policies_dir=folder)
    for title, text in [("Card fees", "## Replacement\n\nReplacing a lost debit card costs EUR 10."),
                        ("ATM limits", "## Daily limit\n\nThe daily ATM withdrawal limit is EUR 500.")]:
        body = {"title": title, "text": text, "collection": "retail-products", "classification": "public"}
        assert built.client.post("/v1/documents", json=body, headers=built.auth("admin")).status_code == 201
    return built


QUESTIONS = ["How much does replacing a lost debit card cost?", "What is the daily ATM withdrawal limit?",
             "What is the boiling point of tungsten in kelvin?", "Tell me a long story about debit card fees."]


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("max_tokens", [6, 120])
def test_every_json_answer_validates_against_its_schema_and_binds_the_basis_to_the_citations(
    gateway: Gateway, stream: bool, max_tokens: int,
) -> None:
    for question in QUESTIONS:
        body = {"messages": [{"role": "user", "content": question}], "max_tokens": max_tokens, "temperature": 0,
                "stream": stream}
        if stream:
            with gateway.client.stream("POST", "/v1/chat/completions", json=body,
                                       headers=gateway.auth("customer_app")) as response:
                assert response.status_code == 200
                chunks = [json.loads(line[6:]) for line in response.iter_lines() if line.startswith("data: {")]
            assert "error" not in chunks[-1], chunks[-1]
            content = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c.get("choices"))
            citations = chunks[0].get("citations") or []
            grounding = next(c["grounding"] for c in chunks if c.get("grounding"))
        else:
            response = gateway.client.post("/v1/chat/completions", json=body, headers=gateway.auth("customer_app"))
            assert response.status_code == 200, response.text
            content = response.json()["choices"][0]["message"]["content"]
            citations, grounding = response.json()["citations"], response.json()["grounding"]
        answer = json.loads(content)
        jsonschema.validate(answer, SCHEMA)
        assert [item["title"] for item in answer["policy_basis"]] == [c["title"] for c in citations]
        assert [item["n"] for item in answer["policy_basis"]] == list(range(1, len(citations) + 1))
        assert grounding["format"] == "json" and grounding["format_valid"] is True
        # Six tokens cannot hold the object: the first attempt fails the check and the retry gets the role's budget.
        assert grounding["attempts"] == (2 if max_tokens == 6 else 1)
