"""``valid_from`` / ``valid_until``: from the API, JSONL and front matter; outside its window a document is not
served by search (so not by chat) but is listed, as expired or pending."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from litestar.testing import TestClient

from gateway.errors import InvalidInput
from gateway.kb.listing import DocumentQuery
from gateway.kb.service import KnowledgeBase
from gateway.kb.sources import parse_document, read_jsonl
from gateway.kb.validity import window
from gateway.policy.policy_set import PolicySet
from gateway.policy.schema import Classification
from tests.support import Gateway

from .conftest import doc

PAST, FUTURE = "2020-01-01", (datetime.now(UTC) + timedelta(days=400)).date().isoformat()


def test_validity_comes_from_front_matter_and_jsonl(tmp_path: Path) -> None:
    page = b"---\nvalid_from: 2024-01-01\nvalid_until: 2025-06-30T12:00:00+02:00\n---\n# Rule\n\nCharges apply."
    parsed = parse_document(page, label="rule.md", filename="rule.md", source="rule.md", collection="regulations",
                            level=Classification.public, max_bytes=10_000)
    assert parsed.valid_from == datetime(2024, 1, 1, tzinfo=UTC)
    assert parsed.valid_until == datetime(2025, 6, 30, 10, 0, tzinfo=UTC)
    assert "valid_from" not in parsed.metadata
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_text(json.dumps({"text": "Old rule.", "title": "Old", "valid_until": PAST}) + "\n"
                    + json.dumps({"text": "Bad.", "title": "Bad", "valid_from": "next tuesday"}) + "\n"
                    + json.dumps({"text": "Odd.", "title": "Odd", "valid_from": "2025-01-02",
                                  "valid_until": "2025-01-01"}) + "\n")
    old, bad, odd = read_jsonl(bulk, collection="regulations", level=Classification.public, max_bytes=10_000)
    assert old.valid_until == datetime(2020, 1, 1, tzinfo=UTC) and old.valid_from is None  # type: ignore[union-attr]
    assert bad.status == "rejected" and "valid_from must be an ISO 8601" in bad.error  # type: ignore[union-attr]
    assert "next tuesday" not in bad.error  # type: ignore[union-attr]
    assert odd.status == "rejected" and "valid_until must be after valid_from" in odd.error  # type: ignore[union-attr]
    with pytest.raises(InvalidInput):
        window("2025-13-01", None, label="x")


def test_expired_and_pending_documents_are_listed_not_served(bank_kb: KnowledgeBase, bank: PolicySet) -> None:
    text = "Wire transfers above 10,000 EUR need a second signature from the branch manager."
    current = bank_kb.ingest(doc(text, title="Wire rule 2025", collection="regulations"))
    old = bank_kb.ingest(doc(text, title="Wire rule 2019", collection="regulations", source="w19"))
    soon = bank_kb.ingest(doc(text, title="Wire rule 2027", collection="regulations", source="w27"))
    bank_kb.ingest(doc(text, title="Wire rule 2019", collection="regulations", source="w19",
                       validity=(None, PAST)))
    bank_kb.ingest(doc(text, title="Wire rule 2027", collection="regulations", source="w27",
                       validity=(FUTURE, None)))
    teller = bank.rights(["teller"])
    hits = bank_kb.search("second signature for wire transfers", teller, top_k=10)
    assert [h.document_id for h in hits] == [current.document_id]
    listed = {d.id: d.validity() for d in bank_kb.list_documents(teller)}
    assert listed == {current.document_id: "current", old.document_id: "expired", soon.document_id: "pending"}
    only = bank_kb.list_documents(teller, query=DocumentQuery(validity="expired"))
    assert [d.id for d in only] == [old.document_id]
    assert [d.id for d in bank_kb.list_documents(teller, query=DocumentQuery(validity="pending"))] == \
        [soon.document_id]


def test_a_document_stops_being_served_when_it_expires(bank_kb: KnowledgeBase, bank: PolicySet) -> None:
    until = datetime.now(UTC) + timedelta(minutes=5)
    cash = bank_kb.ingest(doc("Cash deposits are counted twice.", title="Cash rule", collection="branch-procedures",
                              validity=(None, until.isoformat())))
    teller = bank.rights(["teller"])
    assert [h.title for h in bank_kb.search("counting cash deposits", teller)] == ["Cash rule"]
    # Expiry is decided at each search from the served versions' windows, with no re-ingest: at its end it goes.
    assert bank_kb.windows.unserved(until - timedelta(seconds=1)) == []
    assert bank_kb.windows.unserved(until) == [cash.document_id]


def test_api_takes_validity_and_lists_expired(gateway_factory: Callable[..., Gateway]) -> None:
    gateway = gateway_factory()
    http: TestClient = gateway.client
    admin = gateway.auth("admin")
    body = {"title": "Old fee table", "text": "The card fee was 5 EUR.", "collection": "retail-products",
            "classification": "internal", "valid_until": PAST}
    created = http.post("/v1/documents", json=body, headers=admin)
    assert created.status_code == 201, created.text
    assert http.post("/v1/search", json={"query": "card fee"}, headers=gateway.auth("teller")).json()["data"] == []
    listed = http.get("/v1/documents", params={"validity": "expired"}, headers=admin).json()["data"]
    assert [(d["id"], d["validity"], d["valid_until"]) for d in listed] == \
        [(created.json()["id"], "expired", "2020-01-01T00:00:00+00:00")]
    assert http.get("/v1/documents", params={"validity": "current"}, headers=admin).json()["data"] == []
    refused = http.post("/v1/documents", json={**body, "valid_until": "soon"}, headers=admin)
    assert refused.status_code == 400 and refused.json()["error"]["param"] == "valid_until"
    assert http.get("/v1/documents", params={"validity": "old"}, headers=admin).status_code == 400
