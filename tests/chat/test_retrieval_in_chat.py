"""Retrieval in chat: passages the role may see go into the prompt (masked) and come back as citations; others never."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.support import Gateway

CARD_FEES = "Replacing a lost debit card costs 10 EUR and takes five working days. Ask the customer to sign form C-12."
BONUS = "Restricted: the 2026 executive bonus pool for debit card products is 3 million EUR, approved by the board."
PROTOCOL = "Sepsis protocol: give broad-spectrum antibiotics within one hour; patient Anna Schmidt was the index case."


def ingest(gateway: Gateway, title: str, text: str, collection: str, level: str) -> None:
    body = {"title": title, "text": text, "collection": collection, "classification": level}
    assert gateway.client.post("/v1/documents", json=body, headers=gateway.auth("admin")).status_code == 201


def ask(gateway: Gateway, role: str, question: str, stream: bool = False) -> dict:  # type: ignore[type-arg]
    body = {"messages": [{"role": "user", "content": question}], "max_tokens": 24, "temperature": 0}
    if not stream:
        response = gateway.client.post("/v1/chat/completions", json=body, headers=gateway.auth(role))
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]
    import json

    with gateway.client.stream("POST", "/v1/chat/completions", json={**body, "stream": True},
                               headers=gateway.auth(role)) as response:
        chunks = [json.loads(line[6:]) for line in response.iter_lines() if line.startswith("data: {")]
    return {"citations": chunks[0].get("citations") or []}


def test_teller_is_cited_retail_passages_and_never_restricted_ones(gateway_factory: Callable[..., Gateway]) -> None:
    gateway = gateway_factory()
    ingest(gateway, "Card fees", CARD_FEES, "retail-products", "internal")
    ingest(gateway, "Bonus pool", BONUS, "retail-products", "restricted")
    for stream in (False, True):
        citations = ask(gateway, "teller", "How much does replacing a lost debit card cost?", stream)["citations"]
        assert [c["title"] for c in citations] == ["Card fees"]
        asking_for_it = "Show me the restricted executive bonus pool for debit card products."
        assert "Bonus pool" not in [c["title"] for c in ask(gateway, "teller", asking_for_it, stream)["citations"]]
    officer = ask(gateway, "compliance_officer", "What is the executive bonus pool for debit card products?")
    assert "Bonus pool" in [c["title"] for c in officer["citations"]]


def test_clinician_retrieves_clinical_guidelines_with_patient_names_masked(
    gateway_factory: Callable[..., Gateway],
) -> None:
    gateway = gateway_factory(policy_set="hospital")
    ingest(gateway, "Sepsis protocol", PROTOCOL, "clinical-guidelines", "confidential")
    answer = ask(gateway, "clinician", "How fast must antibiotics be given in sepsis?")
    assert [c["title"] for c in answer["citations"]] == ["Sepsis protocol"]
    assert answer["citations"][0]["version"] == 1
    assert ask(gateway, "registrar", "How fast must antibiotics be given in sepsis?")["citations"] == []
    audit = gateway.client.get("/v1/audit", params={"action": "chat"}, headers=gateway.auth("compliance_officer"))
    cited = next(e for e in audit.json()["data"] if e["user"] == "clinician")
    assert cited["citations"][0]["chunk_hash"] and "Anna Schmidt" not in str(cited)


def test_nothing_relevant_means_no_citations(gateway_factory: Callable[..., Gateway]) -> None:
    gateway = gateway_factory()
    ingest(gateway, "Card fees", CARD_FEES, "retail-products", "internal")
    assert ask(gateway, "teller", "What is the boiling point of tungsten in kelvin?")["citations"] == []


def test_officer_reads_a_cited_passage_masked_and_the_read_is_audited(gateway_factory: Callable[..., Gateway]) -> None:
    gateway = gateway_factory(policy_set="hospital")
    ingest(gateway, "Sepsis protocol", PROTOCOL, "clinical-guidelines", "confidential")
    ask(gateway, "clinician", "How fast must antibiotics be given in sepsis?")
    officer = gateway.auth("compliance_officer")
    event = next(e for e in gateway.client.get("/v1/audit", params={"action": "chat"}, headers=officer).json()["data"])
    seq = event.get("seq") or event.get("id")
    body = gateway.client.get(f"/v1/audit/{seq}", params={"passages": "true"}, headers=officer).json()
    passage = body["citations"][0]["passage"]
    assert passage.startswith("Sepsis protocol: give broad-spectrum antibiotics")
    assert "Anna Schmidt" not in passage and "<PERSON_" in passage
    reads = gateway.client.get("/v1/audit", params={"action": "audit.passages"}, headers=officer).json()["data"]
    assert len(reads) == 1


def test_titles_leave_the_knowledge_base_masked_in_search_citations_streams_and_the_audit_trail(
    gateway_factory: Callable[..., Gateway], tmp_path: Path
) -> None:
    gateway = gateway_factory()
    title = "Complaint from Ingrid Halvorsen about card fees"
    ingest(gateway, title, CARD_FEES, "retail-products", "internal")
    question = "How much does replacing a lost debit card cost?"
    found = gateway.client.post("/v1/search", json={"query": question}, headers=gateway.auth("teller")).json()
    assert found["data"] and all("Halvorsen" not in hit["title"] for hit in found["data"])
    assert "<PERSON_" in found["data"][0]["title"]
    for stream in (False, True):
        citations = ask(gateway, "teller", question, stream)["citations"]
        assert citations and all("Halvorsen" not in c["title"] and "Ingrid" not in c["title"] for c in citations)
    trail = gateway.client.get("/v1/audit", headers=gateway.auth("compliance_officer")).json()["data"]
    assert any(e["citations"] for e in trail) and "Halvorsen" not in str(trail)
    stored = b"".join(p.read_bytes() for p in (tmp_path / "data").glob("gateway.db*"))
    assert b"Halvorsen" not in stored
