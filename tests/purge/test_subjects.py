"""Purge by data subject through the real app: chunks that mention a person (English or Chinese) or a Chinese
resident ID are found by keyed HMACs recorded at ingestion, then purged or rewritten with the subject masked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from gateway.db.tables import AuditEntry, SubjectIndexEntry
from gateway.paths import PROJECT_ROOT
from tests.chat.test_retrieval_in_chat import ask
from tests.purge.test_proof import files_holding
from tests.support import Gateway

RESIDENT_ID = "11010519491231002X"
LOAN = "Ms. Ingrid Halvorsen asked to defer her mortgage payment until the spring."
CN_LOAN = f"客户张伟先生的身份证号码是{RESIDENT_ID}，他申请了房屋贷款展期。"
FEES = "Replacing a lost debit card costs ten euros at any branch."


def ingest(gateway: Gateway, title: str, text: str, collection: str = "credit-policy") -> str:
    body = {"title": title, "text": text, "collection": collection, "classification": "internal"}
    created = gateway.client.post("/v1/documents", json=body, headers=gateway.auth("admin"))
    assert created.status_code == 201, created.text
    return created.json()["id"]


def texts(gateway: Gateway, query: str) -> dict[str, str]:
    """What the knowledge base holds, decrypted (the search route would mask it again for the caller)."""
    state = gateway.services
    hits = state.kb.search(query, state.chat.policy.rights(("admin",)), 10, exact=True)
    return {h.document_id: h.text for h in hits}


def test_subject_index_holds_hmacs_never_the_values(purge_gateway: Gateway, tmp_path: Path) -> None:
    ingest(purge_gateway, "Deferral", LOAN)
    ingest(purge_gateway, "展期", CN_LOAN)
    with purge_gateway.services.db.session() as session:
        rows = session.scalars(select(SubjectIndexEntry)).all()
    assert len(rows) >= 3 and all(len(r.value_hmac) == 32 for r in rows)
    leaks = files_holding(tmp_path / "data", {"id": RESIDENT_ID.encode(), "name": b"Halvorsen",
                                              "cn-name": "张伟".encode()})
    assert leaks == {}


def test_purge_documents_mode_purges_every_document_mentioning_a_chinese_resident_id(
    purge_gateway: Gateway,
) -> None:
    cn = ingest(purge_gateway, "展期", CN_LOAN)
    also = ingest(purge_gateway, "ID check", f"Identity verified against resident ID {RESIDENT_ID} at the branch.")
    fees = ingest(purge_gateway, "Card fees", FEES, "retail-products")
    request = {"value": RESIDENT_ID.lower(), "entity_type": "CN_RESIDENT_ID", "mode": "purge_documents"}
    question = "Which customer with resident ID on file asked for a loan extension at the branch?"
    for stream in (False, True):
        cited = {c["document_id"] for c in ask(purge_gateway, "relationship_manager", question, stream)["citations"]}
        assert also in cited  # before the purge, chat does cite it

    done = purge_gateway.client.post("/v1/purge/subject", json=request, headers=purge_gateway.auth("admin"))

    assert done.status_code == 200, done.text
    result = done.json()
    assert sorted(result["documents"]) == sorted([cn, also]) and len(result["receipts"]) == 1
    for receipt_id in result["receipts"]:
        got = purge_gateway.client.get(f"/v1/purge/receipts/{receipt_id}", headers=purge_gateway.auth("admin"))
        assert got.status_code == 200
    remaining = texts(purge_gateway, "resident identity loan extension")
    assert cn not in remaining and also not in remaining and fees in texts(purge_gateway, "lost debit card")
    for stream in (False, True):  # neither chat nor its citations surface the subject's documents any more
        answer = ask(purge_gateway, "relationship_manager", question, stream)
        assert not {c["document_id"] for c in answer["citations"]} & {cn, also}
    with purge_gateway.services.db.session() as session:
        details = [e.details for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "document.purge"))]
    assert len(details) == 2 and not any(RESIDENT_ID.lower() in d or RESIDENT_ID in d for d in details)
    again = purge_gateway.client.post("/v1/purge/subject", json=request, headers=purge_gateway.auth("admin"))
    assert again.json()["chunks_matched"] == 0


def test_mask_chunks_mode_rewrites_chunks_with_the_person_masked_in_english_and_chinese(
    purge_gateway: Gateway, tmp_path: Path
) -> None:
    english = ingest(purge_gateway, "Deferral", LOAN)
    chinese = ingest(purge_gateway, "展期", CN_LOAN)
    kb = purge_gateway.services.kb
    old = {r["chunk_id"]: r["text_ct"] for r in kb.store.table.search().limit(None).to_arrow().to_pylist()}

    for value in ("ingrid  HALVORSEN", "张伟"):
        done = purge_gateway.client.post("/v1/purge/subject", json={"value": value, "mode": "mask_chunks"},
                                         headers=purge_gateway.auth("admin"))
        assert done.status_code == 200, done.text
        assert done.json()["chunks_masked"] == 1 and done.json()["receipts"] == []

    en_text = texts(purge_gateway, "defer mortgage payment")[english]
    assert "Halvorsen" not in en_text and "<PERSON>" in en_text and "defer her mortgage payment" in en_text
    cn_text = texts(purge_gateway, "房屋贷款展期 身份证")[chinese]
    assert "张伟" not in cn_text and "<PERSON>" in cn_text and RESIDENT_ID in cn_text
    needles = {f"old-ct-{n}": ct for n, ct in enumerate(old.values())}
    needles.update({"name": b"Halvorsen", "cn-name": "张伟".encode()})
    assert files_holding(tmp_path / "data", needles) == {}
    for value in ("Ingrid Halvorsen", "张伟"):
        again = purge_gateway.client.post("/v1/purge/subject", json={"value": value, "mode": "mask_chunks"},
                                          headers=purge_gateway.auth("admin"))
        assert again.json()["chunks_matched"] == 0


def test_the_policy_set_decides_the_mode_a_subject_erasure_gets(
    gateway_factory: Callable[..., Gateway], tmp_path: Path
) -> None:
    policies = tmp_path / "policies"
    policies.mkdir()
    strict = (PROJECT_ROOT / "policies" / "bank.yaml").read_text().replace(
        "subject_modes: [purge_documents, mask_chunks]", "subject_modes: [purge_documents]")
    assert "subject_modes: [purge_documents]\n" in strict
    (policies / "strict.yaml").write_text(strict)
    gateway = gateway_factory(policies_dir=policies, policy_set="strict")
    doc_id = ingest(gateway, "Deferral", LOAN)

    denied = gateway.client.post("/v1/purge/subject", json={"value": "Ingrid Halvorsen", "mode": "mask_chunks"},
                                 headers=gateway.auth("admin"))
    assert denied.status_code == 403 and "purge_documents" in denied.json()["error"]["message"]
    assert doc_id in texts(gateway, "defer mortgage payment")  # nothing was touched
    with gateway.services.db.session() as session:
        audited = session.scalars(select(AuditEntry).where(AuditEntry.action == "access.denied")).all()
    assert [(e.user_name, e.http_status) for e in audited] == [("admin", 403)] and "Halvorsen" not in audited[0].details

    done = gateway.client.post("/v1/purge/subject", json={"value": "Ingrid Halvorsen"}, headers=gateway.auth("admin"))
    assert done.status_code == 200 and done.json()["mode"] == "purge_documents"
    assert done.json()["documents"] == [doc_id] and doc_id not in texts(gateway, "defer mortgage payment")


def test_the_hospital_policy_masks_the_subject_by_default(gateway_factory: Callable[..., Gateway]) -> None:
    gateway = gateway_factory(policy_set="hospital")
    note = "Case review: Mr. Tobias Wrenfield, 64, developed a rash after the second dose of amoxicillin."
    body = {"title": "Rash review", "text": note, "collection": "clinical-guidelines", "classification": "internal"}
    doc_id = gateway.client.post("/v1/documents", json=body, headers=gateway.auth("admin")).json()["id"]

    done = gateway.client.post("/v1/purge/subject", json={"value": "Tobias Wrenfield"}, headers=gateway.auth("admin"))

    assert done.status_code == 200 and done.json()["mode"] == "mask_chunks" and done.json()["chunks_masked"] == 1
    kept = texts(gateway, "rash after amoxicillin")[doc_id]
    assert "Wrenfield" not in kept and "second dose of amoxicillin" in kept


def test_subject_purge_needs_the_purge_permission_and_a_known_mode(purge_gateway: Gateway) -> None:
    http = purge_gateway.client
    body = {"value": "Ingrid Halvorsen", "mode": "mask_chunks"}
    assert http.post("/v1/purge/subject", json=body, headers=purge_gateway.auth("teller")).status_code == 403
    bad = http.post("/v1/purge/subject", json={**body, "mode": "shred"}, headers=purge_gateway.auth("admin"))
    assert bad.status_code == 400 and "Halvorsen" not in bad.text
    bad = http.post("/v1/purge/subject", json={**body, "entity_type": "NAME"}, headers=purge_gateway.auth("admin"))
    assert bad.status_code == 400
