"""The proof: after a purge through the real app, no byte of the document is left anywhere under the data directory
(every LanceDB version, index and transaction file, the SQLite database and its -wal), in clear or encrypted."""

from __future__ import annotations

import base64
from pathlib import Path

import numpy as np
from sqlalchemy import select

from gateway.audit.signing import CheckpointVerifier
from gateway.db.tables import AuditEntry, KbKey
from gateway.purge.receipts import PurgeReceipt
from tests.support import Gateway

SECRET = ("Project Bluefin will acquire Harwick Mutual for 412 million euros on 3 June. "
          "The board has told nobody outside the deal team about Bluefin.")
OTHER = "Branch safes are audited every quarter by two officers acting together."


def files_holding(root: Path, needles: dict[str, bytes]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for name, needle in needles.items():
                if needle in data:
                    found.setdefault(name, []).append(str(path.relative_to(root)))
    return found


def test_no_plaintext_ciphertext_vector_or_key_of_a_purged_document_remains_on_disk(
    purge_gateway: Gateway, tmp_path: Path
) -> None:
    http, admin = purge_gateway.client, purge_gateway.auth("admin")
    state = purge_gateway.services
    kb, db = state.kb, state.db
    data_dir = tmp_path / "data"
    body = {"title": "Bluefin memo", "text": SECRET, "collection": "credit-policy", "classification": "confidential"}
    secret_id = http.post("/v1/documents", json=body, headers=admin).json()["id"]
    body = {**body, "text": SECRET + " Closing moved to 5 June."}  # a second version, so older versions exist too
    assert http.post("/v1/documents", json=body, headers=admin).json()["version"] == 2
    other = {"title": "Safes", "text": OTHER, "collection": "branch-procedures", "classification": "internal"}
    other_id = http.post("/v1/documents", json=other, headers=admin).json()["id"]

    rows = kb.store.table.search().where(f"doc_id = '{secret_id}'").limit(None).to_arrow().to_pylist()
    needles = {"plaintext": SECRET.encode(), "plaintext-words": b"Harwick Mutual", "title": b"Bluefin memo"}
    for n, row in enumerate(rows):
        needles[f"text_ct{n}"] = row["text_ct"]
        needles[f"meta_ct{n}"] = row["meta_ct"]
        needles[f"vector{n}"] = np.asarray(row["vector"], dtype=np.float32).tobytes()
    with db.session() as session:
        wrapped = session.get(KbKey, f"document:{secret_id}").wrapped
    needles["wrapped_key"] = wrapped
    before = files_holding(data_dir, needles)
    assert {"text_ct0", "meta_ct0", "vector0", "wrapped_key"} <= set(before)  # the scan does see them before

    assert http.delete(f"/v1/documents/{secret_id}", headers=purge_gateway.auth("teller")).status_code == 403
    purged = http.delete(f"/v1/documents/{secret_id}", headers=admin)
    assert purged.status_code == 200, purged.text

    assert files_holding(data_dir, needles) == {}
    with db.session() as session:
        assert session.get(KbKey, f"document:{secret_id}").wrapped is None
    found = http.post("/v1/search", json={"query": "acquisition of a mutual insurer"}, headers=admin).json()["data"]
    assert secret_id not in {d["document_id"] for d in found}
    survivor = http.post("/v1/search", json={"query": "how often are branch safes audited"}, headers=admin)
    assert survivor.json()["data"][0]["document_id"] == other_id
    assert survivor.json()["data"][0]["text"] == OTHER


def test_purge_receipt_is_signed_by_the_audit_key_retrievable_and_audited(purge_gateway: Gateway) -> None:
    http, admin = purge_gateway.client, purge_gateway.auth("admin")
    state = purge_gateway.services
    body = {"title": "Memo", "text": SECRET, "collection": "credit-policy", "classification": "internal"}
    doc_id = http.post("/v1/documents", json=body, headers=admin).json()["id"]

    receipt = http.delete(f"/v1/documents/{doc_id}", headers=admin).json()
    fetched = http.get(f"/v1/purge/receipts/{receipt['id']}", headers=admin)
    assert fetched.status_code == 200 and fetched.json() == receipt
    assert http.get(f"/v1/purge/receipts/{receipt['id']}", headers=purge_gateway.auth("teller")).status_code == 403
    assert http.get(f"/v1/purge/receipts/{'0' * 32}", headers=admin).status_code == 404
    assert http.delete(f"/v1/documents/{'0' * 32}", headers=admin).status_code == 404

    parsed = PurgeReceipt(receipt["id"], receipt["receipt"], base64.b64decode(receipt["signature"]),
                          receipt["key_id"])
    verifier = CheckpointVerifier.load(state.audit.key_path)
    assert verifier is not None and parsed.verify(verifier)
    assert parsed.body["target"] == doc_id and parsed.body["actor"] == "admin" and parsed.body["chunks"] == 1
    with state.db.session() as session:
        events = session.scalars(select(AuditEntry).where(AuditEntry.action == "document.purge")).all()
    assert [e.document_id for e in events] == [doc_id]
    assert receipt["id"] in events[0].details and "Bluefin" not in events[0].details
    assert state.audit.verify().intact
