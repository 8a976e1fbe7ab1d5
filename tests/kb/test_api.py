"""``POST /v1/documents`` and ``POST /v1/search`` through the real app, guards and error handlers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from litestar.testing import TestClient

from tests.support import Gateway

from .files import pdf_bytes


@pytest.fixture
def client(gateway_factory: Callable[..., Gateway]) -> tuple[TestClient, dict[str, dict[str, str]]]:
    """The KB routes in the real app: real guard, masking, audit trail and knowledge base."""
    gateway = gateway_factory()
    return gateway.client, {role: gateway.auth(role) for role in gateway.keys}


def test_admin_ingests_json_and_teller_searches(client: tuple[TestClient, dict[str, dict[str, str]]]) -> None:
    http, auth = client
    body = {"title": "Card fees", "text": "Replacing a lost debit card costs 10 EUR.", "collection": "retail-products",
            "classification": "internal", "metadata": {"owner": "products"}}
    created = http.post("/v1/documents", json=body, headers=auth["admin"])
    assert created.status_code == 201, created.text
    assert created.json()["status"] == "added" and created.json()["version"] == 1
    assert http.post("/v1/documents", json=body, headers=auth["admin"]).json()["status"] == "unchanged"
    secret = {**body, "title": "Bonus", "text": "The bonus pool is 3 million.", "classification": "restricted"}
    assert http.post("/v1/documents", json=secret, headers=auth["admin"]).status_code == 201

    found = http.post("/v1/search", json={"query": "lost debit card fee", "top_k": 5}, headers=auth["teller"])
    assert found.status_code == 200, found.text
    data = found.json()["data"]
    assert [d["title"] for d in data] == ["Card fees"]
    assert data[0]["text"].startswith("Replacing a lost debit card") and data[0]["chunk_id"].endswith(":1:0")
    assert {"document_id", "version", "score", "similarity", "collection"} <= set(data[0])
    stages = {part.split(";")[0].strip() for part in found.headers["server-timing"].split(",")}
    assert stages == {"search", "mask", "audit", "total"}


def test_permissions_and_write_scope(client: tuple[TestClient, dict[str, dict[str, str]]]) -> None:
    http, auth = client
    body = {"title": "t", "text": "x y z", "collection": "retail-products", "classification": "public"}
    assert http.post("/v1/documents", json=body, headers=auth["teller"]).status_code == 403
    assert http.post("/v1/search", json={"query": "x"}).status_code == 401
    unknown = http.post("/v1/documents", json={**body, "collection": "nope"}, headers=auth["admin"])
    assert unknown.status_code == 403 and "may write to this collection" in unknown.json()["error"]["message"]
    too_high = {**body, "collection": "regulations", "classification": "restricted"}
    assert http.post("/v1/documents", json=too_high, headers=auth["compliance_officer"]).status_code == 403
    bad = http.post("/v1/documents", json={**body, "classification": "secret"}, headers=auth["admin"])
    assert bad.status_code == 400
    assert http.post("/v1/search", json={"query": "x", "top_k": 500}, headers=auth["teller"]).status_code == 400


def test_multipart_upload_and_named_rejection(client: tuple[TestClient, dict[str, dict[str, str]]]) -> None:
    http, auth = client
    fields = {"collection": "regulations", "classification": "public"}
    pdf = pdf_bytes(["Article 9: charges are disclosed before payment."], title="Charges rule")
    created = http.post("/v1/documents", files={"file": ("charges.pdf", pdf, "application/pdf")}, data=fields,
                        headers=auth["admin"])
    assert created.status_code == 201, created.text
    hits = http.post("/v1/search", json={"query": "art. 9 charges"}, headers=auth["teller"]).json()["data"]
    assert hits[0]["title"] == "Charges rule"
    broken = http.post("/v1/documents", files={"file": ("scan.pdf", b"%PDF-1.4 Ingrid Halvorsen", "application/pdf")},
                       data=fields, headers=auth["admin"])
    assert broken.status_code == 400
    message = broken.json()["error"]["message"]
    assert message.startswith("scan.pdf: not a readable PDF") and "Halvorsen" not in message
