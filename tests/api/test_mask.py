"""POST /v1/mask: masked text and entity offsets into the original, under the caller's policy."""

from __future__ import annotations

import re

from tests.support import Gateway

TEXT = "Patient Maria Garcia (MRN 00482913) can be reached at +1 415-555-0132 or 身份证 11010519491231002X。"


def test_mask_returns_masked_text_and_offsets_into_the_original(gateway: Gateway) -> None:
    response = gateway.client.post("/v1/mask", json={"text": TEXT}, headers=gateway.auth("teller"))
    assert response.status_code == 200
    body = response.json()
    found = {e["entity_type"]: TEXT[e["start"] : e["end"]] for e in body["entities"]}
    assert found["PERSON"] == "Maria Garcia"
    assert found["PHONE_NUMBER"].endswith("415-555-0132")
    assert found["CN_RESIDENT_ID"] == "11010519491231002X"
    for value in found.values():
        assert value not in body["text"]
    assert "[REDACTED]" in body["text"]  # tellers redact resident IDs (bank policy)


def tags(text: str) -> list[str]:
    return re.findall(r"<PERSON_[0-9a-f]+>", text)


def test_pseudonyms_hold_within_a_request_and_are_unlinkable_across_requests(gateway: Gateway) -> None:
    """Issue 15, finding 5: what callers see is keyed per request, 48-bit tags; no guess can be confirmed."""
    first = gateway.client.post("/v1/mask", json={"text": "Call Maria Garcia. Maria Garcia called."},
                                headers=gateway.auth("teller")).json()["text"]
    second = gateway.client.post("/v1/mask", json={"text": "Maria Garcia called."},
                                 headers=gateway.auth("teller")).json()["text"]
    assert len(set(tags(first))) == 1 and len(tags(first)) == 2  # one person, one tag inside the request
    assert len(tags(first)[0]) == len("<PERSON_>") + 12
    assert tags(second)[0] != tags(first)[0]  # a new request, a new tag


def test_a_placeholder_seen_in_search_results_cannot_be_confirmed_by_masking_a_guess(gateway: Gateway) -> None:
    body = {"title": "Complaint log", "text": "Customer Zhang Wei complained about the card fee on 3 May.",
            "collection": "retail-products", "classification": "internal"}
    assert gateway.client.post("/v1/documents", json=body, headers=gateway.auth("admin")).status_code == 201
    found = gateway.client.post("/v1/search", json={"query": "card fee complaint"}, headers=gateway.auth("teller"))
    seen = tags(found.json()["data"][0]["text"])
    assert seen and "Zhang Wei" not in found.text
    guess = gateway.client.post("/v1/mask", json={"text": "Customer Zhang Wei complained."},
                                headers=gateway.auth("teller")).json()["text"]
    assert tags(guess) and tags(guess)[0] != seen[0]


def test_bad_mask_requests_are_400s_that_do_not_echo_text(gateway: Gateway) -> None:
    for body in ({}, {"text": 5}, {"text": "Maria Garcia", "language": "fr"}):
        response = gateway.client.post("/v1/mask", json=body, headers=gateway.auth("teller"))
        assert response.status_code == 400
        assert "Maria" not in response.text
