"""Purging documents and collections through the KnowledgeBase service: real LanceDB, SQLite and embedder."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from gateway.audit.signing import CheckpointSigner
from gateway.db.tables import KbDocument, KbKey, PurgeJob
from gateway.errors import NotFound
from gateway.kb.service import KnowledgeBase
from gateway.policy.policy_set import PolicySet
from tests.kb.conftest import KbFactory, doc
from tests.purge.conftest import purges

FEES = "Replacing a lost debit card costs ten euros at any branch."
MORTGAGE = "Mortgage applicants must show three payslips and a signed valuation report."


def ingest_two(kb: KnowledgeBase) -> tuple[str, str]:
    fees = kb.ingest(doc(FEES, title="Card fees", collection="retail-products"))
    mortgage = kb.ingest(doc(MORTGAGE, title="Mortgage rules", collection="credit-policy"))
    assert fees.document_id and mortgage.document_id
    return fees.document_id, mortgage.document_id


def test_purged_document_leaves_search_keys_and_registry_while_others_survive(
    kb_factory: KbFactory, bank: PolicySet, signer: CheckpointSigner
) -> None:
    kb = kb_factory(bank)
    fees, mortgage = ingest_two(kb)
    kb.ingest(doc(FEES + " Updated in March.", title="Card fees", collection="retail-products"))  # version 2
    admin = bank.rights(("admin",))
    assert fees in {h.document_id for h in kb.search("lost debit card fee", admin, exact=True)}

    receipt = purges(kb, signer).purge_document(fees, "admin")

    assert all(h.document_id != fees for h in kb.search("lost debit card fee", admin, exact=True))
    assert kb.store.count(f"doc_id = '{fees}'") == 0
    assert kb.passage(fees, 1, f"{fees}:1:0") is None
    with kb.registry.db.session() as session:
        assert session.get(KbDocument, fees) is None
        key = session.get(KbKey, f"document:{fees}")
        assert key is not None and key.wrapped is None and key.destroyed_at is not None
    assert receipt.verify(signer.verifier)
    body = receipt.body
    assert body["kind"] == "document" and body["target"] == fees and body["actor"] == "admin"
    assert body["documents"] == [{"id": fees, "versions": [1, 2], "chunks": 1}] and body["chunks"] == 1
    assert [k["key"] for k in body["keys_destroyed"]] == [f"document:{fees}"]
    assert body["lance"]["versions_after"] == 1 and body["lance"]["versions_before"] > 1
    survivor = kb.search("payslips valuation report mortgage", admin, exact=True)
    assert survivor and survivor[0].document_id == mortgage and survivor[0].text == MORTGAGE


def test_purging_again_returns_the_first_receipt_and_unknown_ids_are_not_found(
    kb_factory: KbFactory, bank: PolicySet, signer: CheckpointSigner
) -> None:
    kb = kb_factory(bank)
    fees, _ = ingest_two(kb)
    first = purges(kb, signer).purge_document(fees, "admin")
    again = purges(kb, signer).purge_document(fees, "someone-else")
    assert again == first and purges(kb, signer).receipt(first.id) == first
    with pytest.raises(NotFound):
        purges(kb, signer).purge_document("0" * 32, "admin")
    with pytest.raises(NotFound):
        purges(kb, signer).receipt("0" * 32)
    with pytest.raises(NotFound):
        purges(kb, signer).purge_collection("no-such-collection", "admin")


def test_collection_purge_destroys_every_key_of_it_and_the_name_can_be_used_again(
    kb_factory: KbFactory, bank: PolicySet, signer: CheckpointSigner
) -> None:
    kb = kb_factory(bank)
    fees, mortgage = ingest_two(kb)
    other = kb.ingest(doc("Debit cards are free for students.", title="Student cards", collection="retail-products"))

    receipt = purges(kb, signer).purge_collection("retail-products", "admin")

    assert receipt.verify(signer.verifier)
    assert {d["id"] for d in receipt.body["documents"]} == {fees, other.document_id}
    assert {k["key"] for k in receipt.body["keys_destroyed"]} == {
        f"document:{fees}", f"document:{other.document_id}", "collection:retail-products"}
    assert kb.store.count("collection = 'retail-products'") == 0
    with kb.registry.db.session() as session:
        assert session.scalars(select(KbKey).where(KbKey.collection == "retail-products")).all() == []
        assert session.get(KbDocument, mortgage) is not None
    admin = bank.rights(("admin",))
    assert [h.document_id for h in kb.search("payslips mortgage", admin, exact=True)][:1] == [mortgage]
    again = kb.ingest(doc(FEES, title="Card fees", collection="retail-products"))
    assert [h.document_id for h in kb.search("lost debit card", admin, exact=True)][:1] == [again.document_id]


def test_altered_receipt_fails_verification_and_another_key_does_not_verify(
    kb_factory: KbFactory, bank: PolicySet, signer: CheckpointSigner, tmp_path_factory: pytest.TempPathFactory
) -> None:
    kb = kb_factory(bank)
    fees, _ = ingest_two(kb)
    receipt = purges(kb, signer).purge_document(fees, "admin")
    forged = type(receipt)(receipt.id, {**receipt.body, "chunks": 0}, receipt.signature, receipt.key_id)
    assert not forged.verify(signer.verifier)
    stranger = CheckpointSigner.load_or_create(tmp_path_factory.mktemp("k") / "other.key")
    assert not receipt.verify(stranger.verifier)
    with kb.registry.db.session() as session:
        job = session.get(PurgeJob, receipt.id)
        assert job is not None and job.status == "done" and job.step == "done" and job.target == fees
