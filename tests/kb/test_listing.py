"""``GET /v1/documents``, ``GET /v1/documents/{id}`` and ``gateway kb list``: what a caller may read, titles masked,
filters and pages; a document the caller may not read is as absent as one that does not exist."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient

from gateway.cli.kb import kb
from tests.support import Gateway

Client = tuple[TestClient, dict[str, dict[str, str]]]


@pytest.fixture
def client(gateway_factory: Callable[..., Gateway]) -> Client:
    gateway = gateway_factory()
    return gateway.client, {role: gateway.auth(role) for role in gateway.keys}


def _add(http: TestClient, admin: dict[str, str], title: str, collection: str, level: str, text: str) -> str:
    body = {"title": title, "text": text, "collection": collection, "classification": level}
    created = http.post("/v1/documents", json=body, headers=admin)
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


def test_listing_shows_only_what_the_role_may_read_with_masked_titles(client: Client) -> None:
    http, auth = client
    fees = _add(http, auth["admin"], "Card fees", "retail-products", "internal", "A lost card costs 10 EUR.")
    letter = _add(http, auth["admin"], "Complaint from Margaret Thornbury", "retail-products", "internal",
                  "The customer asked for a refund of the card fee.")
    bonus = _add(http, auth["admin"], "Bonus pool", "retail-products", "restricted", "The bonus pool is 3 million.")
    credit = _add(http, auth["admin"], "Credit limits", "credit-policy", "confidential", "Limits are set yearly.")

    listed = http.get("/v1/documents", headers=auth["relationship_manager"])
    assert listed.status_code == 200, listed.text
    data = listed.json()["data"]
    assert {d["id"] for d in data} == {fees, letter, credit}  # restricted is above a relationship manager
    by_id = {d["id"]: d for d in data}
    assert by_id[fees]["title"] == "Card fees" and by_id[fees]["chunks"] == 1
    assert by_id[fees]["collection"] == "retail-products" and by_id[fees]["classification"] == "internal"
    assert by_id[fees]["versions"] == 1 and by_id[fees]["active_version"] == 1 and by_id[fees]["ingested_at"]
    assert "Thornbury" not in listed.text  # the title names a person: masked like search results

    everything = http.get("/v1/documents", headers=auth["admin"]).json()["data"]
    assert bonus in {d["id"] for d in everything}
    assert http.get("/v1/documents", headers=auth["teller"]).status_code == 403  # no documents:read


def test_listing_filters_and_pages(client: Client) -> None:
    http, auth = client
    ids = [_add(http, auth["admin"], f"Procedure {n}", "branch-procedures", "internal", f"Step {n} of the count.")
           for n in range(5)]
    public = _add(http, auth["admin"], "Opening hours", "retail-products", "public", "Branches open at nine.")
    admin = auth["admin"]

    only = http.get("/v1/documents", params={"collection": "branch-procedures"}, headers=admin).json()
    assert {d["id"] for d in only["data"]} == set(ids)
    levels = http.get("/v1/documents", params={"classification": "public"}, headers=admin).json()["data"]
    assert [d["id"] for d in levels] == [public]

    first = http.get("/v1/documents", params={"collection": "branch-procedures", "limit": 2}, headers=admin).json()
    assert len(first["data"]) == 2 and first["has_more"] and first["next_offset"] == 2
    seen = [d["id"] for d in first["data"]]
    offset = first["next_offset"]
    while offset is not None:
        page = http.get("/v1/documents", params={"collection": "branch-procedures", "limit": 2, "offset": offset},
                        headers=admin).json()
        seen += [d["id"] for d in page["data"]]
        offset = page["next_offset"]
    assert sorted(seen) == sorted(ids) and len(seen) == 5  # every document once, none skipped

    for bad in ({"limit": "0"}, {"limit": "many"}, {"offset": "-1"}, {"classification": "secret"}, {"sort": "x"}):
        refused = http.get("/v1/documents", params=bad, headers=admin)
        assert refused.status_code == 400, bad
        assert refused.json()["error"]["type"] == "invalid_request_error"


def test_one_document_is_404_when_unknown_or_not_readable(client: Client) -> None:
    http, auth = client
    credit = _add(http, auth["admin"], "Credit limits", "credit-policy", "confidential", "Limits are set yearly.")
    http.post("/v1/documents", json={"title": "Credit limits", "text": "Limits are set twice a year.",
                                     "collection": "credit-policy", "classification": "confidential"},
              headers=auth["admin"])
    found = http.get(f"/v1/documents/{credit}", headers=auth["relationship_manager"])
    assert found.status_code == 200, found.text
    body = found.json()
    assert body["title"] == "Credit limits" and body["active_version"] == 2 and body["version_count"] == 2
    assert [v["state"] for v in body["versions"]] == ["superseded", "active"] and body["chunks"] == 1

    officer_only = _add(http, auth["admin"], "Sanctions hits", "regulations", "restricted", "Two hits this week.")
    hidden = http.get(f"/v1/documents/{officer_only}", headers=auth["relationship_manager"])
    missing = http.get("/v1/documents/0123456789abcdef0123456789abcdef", headers=auth["relationship_manager"])
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


def test_kb_list_command_prints_ids_and_masked_titles(tmp_path: Path, cli_db_url: str) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "fees.md").write_text("# Card fees\n\nThe account fee is 2 EUR.")
    (folder / "letter.md").write_text("# Letter to Margaret Thornbury\n\nYour refund was paid.")
    (folder / "secret.md").write_text("---\nclassification: restricted\n---\n# Bonus pool\n\nThree million.")
    runner = CliRunner()
    ingested = runner.invoke(kb, ["ingest", str(folder), "-c", "retail-products", "--no-progress"])
    assert ingested.exit_code == 1  # fees.md and letter.md name no classification: rejected by name
    runner.invoke(kb, ["ingest", str(folder / "fees.md"), str(folder / "letter.md"), "-c", "retail-products",
                       "-l", "internal", "--no-progress"])

    listed = runner.invoke(kb, ["list", "--role", "relationship_manager", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.output.splitlines() if line.startswith("{")]
    assert sorted(r["collection"] + "/" + r["classification"] for r in rows) == ["retail-products/internal"] * 2
    assert "Card fees" in {r["title"] for r in rows} and "Thornbury" not in listed.output
    assert all(len(r["id"]) == 32 and r["chunks"] == 1 for r in rows)
    admin = runner.invoke(kb, ["list", "--role", "admin", "-l", "restricted"])
    assert admin.exit_code == 0 and "Bonus pool" in admin.output and "Card fees" not in admin.output
