"""POST /v1/mask: masked text and entity offsets into the original, under the caller's policy."""

from __future__ import annotations

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


def test_same_value_gets_the_same_pseudonym_across_requests(gateway: Gateway) -> None:
    first = gateway.client.post("/v1/mask", json={"text": "Call Maria Garcia."}, headers=gateway.auth("teller"))
    second = gateway.client.post("/v1/mask", json={"text": "Maria Garcia called."}, headers=gateway.auth("teller"))
    tag = next(w for w in first.json()["text"].split() if w.startswith("<PERSON_")).rstrip(".")
    assert tag in second.json()["text"]


def test_bad_mask_requests_are_400s_that_do_not_echo_text(gateway: Gateway) -> None:
    for body in ({}, {"text": 5}, {"text": "Maria Garcia", "language": "fr"}):
        response = gateway.client.post("/v1/mask", json=body, headers=gateway.auth("teller"))
        assert response.status_code == 400
        assert "Maria" not in response.text
