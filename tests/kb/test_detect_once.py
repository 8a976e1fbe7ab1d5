"""Detect once, mask per reader: passages are detected at ingestion, and search and chat mask them from the stored
spans without running NER; stale spans are not used, and the re-detection job brings them up to date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from gateway.kb.service import KnowledgeBase
from gateway.pii.detector import PiiDetector
from tests.support import Gateway

PASSAGE = ("Escalations for the Harbour Road branch go to Margaret O'Neill (margaret.oneill@example.com, "
           "+44 20 7946 0958) before any refund over 500 EUR is approved.")
DOCUMENT = {"title": "Refund escalations by Margaret O'Neill", "text": PASSAGE, "collection": "branch-procedures",
            "classification": "internal", "metadata": {"version_label": "v3 (M. O'Neill)"}}


@pytest.fixture
def gateway(gateway_factory: Callable[..., Gateway]) -> Gateway:
    gateway = gateway_factory()
    created = gateway.client.post("/v1/documents", json=DOCUMENT, headers=gateway.auth("admin"))
    assert created.status_code == 201, created.text
    return gateway


def _kb(gateway: Gateway) -> KnowledgeBase:
    kb = gateway.services.kb
    assert kb is not None
    return kb


def _search(gateway: Gateway, role: str = "teller") -> dict[str, Any]:
    found = gateway.client.post("/v1/search", json={"query": "refund escalation branch", "top_k": 3},
                                headers=gateway.auth(role))
    assert found.status_code == 200, found.text
    return found.json()["data"][0]


def _no_detection(monkeypatch: pytest.MonkeyPatch, detector: PiiDetector) -> list[int]:
    """Make every NER-running detection call on the detector fail (and count it)."""
    calls: list[int] = []

    def refuse(*args: object, **kwargs: object) -> object:
        calls.append(1)
        raise AssertionError("the PII engine ran on the read path")

    monkeypatch.setattr(detector, "detect_batch", refuse)
    return calls


def test_ingestion_seals_candidates_for_text_title_and_metadata(gateway: Gateway) -> None:
    kb = _kb(gateway)
    hit = kb.search("refund escalation branch", gateway.services.policy.rights(["admin"]), 1)[0]
    assert hit.candidates is not None and hit.candidates.engine == gateway.services.masking.detector.version
    spans = {hit.text[d.start:d.end] for d in hit.candidates.text.spans}
    assert {"margaret.oneill@example.com", "+44 20 7946 0958"} <= spans
    assert any("O'Neill" in hit.title[d.start:d.end] for d in hit.candidates.title.spans)
    assert "version_label" in hit.candidates.fields


def test_search_masks_from_stored_spans_without_running_the_engine(gateway: Gateway,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    before = _search(gateway)
    calls = _no_detection(monkeypatch, gateway.services.masking.detector)
    after = _search(gateway)
    assert not calls
    for shown in (before, after):
        assert "margaret.oneill@example.com" not in shown["text"] and "7946" not in shown["text"]
        assert "O'Neill" not in shown["title"]
    # Same placeholders' types in the same places: the stored spans are what detection found.
    assert after["text"].count("<") == before["text"].count("<")


def test_chat_grounds_on_stored_spans_without_running_the_engine_on_passages(gateway: Gateway,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _no_detection(monkeypatch, gateway.services.masking.detector)
    answer = gateway.client.post("/v1/chat/completions", headers=gateway.auth("teller"), json={
        "max_tokens": 8,
        "messages": [{"role": "user", "content": "Who handles refund escalations at the branch?"}]})
    assert answer.status_code == 200, answer.text
    assert not calls
    citations = answer.json()["citations"]
    assert citations and all("O'Neill" not in c["title"] for c in citations)
    trail = gateway.client.get("/v1/audit", headers=gateway.auth("compliance_officer")).json()["data"]
    assert any(e["citations"] for e in trail) and "O'Neill" not in str(trail)


def test_stale_spans_are_not_used_and_redetection_brings_them_up(gateway: Gateway,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    kb = _kb(gateway)
    detector = gateway.services.masking.detector
    assert kb.redetector is not None and kb.redetector.stale()[1] == []
    expected = _search(gateway)
    monkeypatch.setattr(detector, "version", "an-upgraded-engine")  # what a new release of the engine looks like
    checked, stale = kb.redetector.stale()
    assert checked == 1 and len(stale) == 1
    calls: list[int] = []
    detect_batch = detector.detect_batch
    monkeypatch.setattr(detector, "detect_batch", lambda *a, **k: calls.append(1) or detect_batch(*a, **k))
    assert _search(gateway)["text"].count("<") == expected["text"].count("<")  # detected afresh, same result
    assert calls
    report = kb.redetector.run()
    assert (report.checked, report.stale, report.redetected) == (1, 1, 1)
    assert kb.redetector.stale()[1] == []
    calls.clear()
    assert _search(gateway)["text"].count("<") == expected["text"].count("<")
    assert not calls


def test_redetection_never_brings_back_a_superseded_version(gateway: Gateway,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    kb = _kb(gateway)
    assert kb.redetector is not None
    monkeypatch.setattr(gateway.services.masking.detector, "version", "an-upgraded-engine")
    _checked, stale = kb.redetector.stale()
    changed = {**DOCUMENT, "text": PASSAGE.replace("500 EUR", "750 EUR")}
    assert gateway.client.post("/v1/documents", json=changed, headers=gateway.auth("admin")).status_code == 201
    assert kb.redetector._rewrite(stale) == 0  # the stale chunk's version is no longer served: nothing written
    texts = [hit.text for hit in kb.search("refund escalation", gateway.services.policy.rights(["admin"]), 5)]
    assert texts and all("750 EUR" in text for text in texts)


def test_document_listings_mask_titles_and_sources_from_stored_spans(gateway_factory: Callable[..., Gateway],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    gateway = gateway_factory()
    body = {**DOCUMENT, "source_id": "escalations/Margaret O'Neill refunds.md"}
    created = gateway.client.post("/v1/documents", json=body, headers=gateway.auth("admin"))
    assert created.status_code == 201, created.text
    calls = _no_detection(monkeypatch, gateway.services.masking.detector)
    listed = gateway.client.get("/v1/documents", headers=gateway.auth("admin"))
    assert listed.status_code == 200, listed.text
    (shown,) = listed.json()["data"]
    one = gateway.client.get(f"/v1/documents/{shown['id']}", headers=gateway.auth("admin"))
    assert one.status_code == 200, one.text
    assert not calls
    for document in (shown, one.json()):
        assert "O'Neill" not in document["title"] and "<PERSON_" in document["title"]
        assert document["source"] and "O'Neill" not in document["source"]
