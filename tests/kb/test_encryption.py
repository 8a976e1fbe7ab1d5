"""Encryption at rest: no plaintext anywhere under the data directory, AAD binding, key custody rules."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from gateway.errors import ConfigurationError, ServerError
from gateway.kb.keys import env_key_provider, file_key_provider
from gateway.kb.sealing import chunk_aad, unseal
from gateway.kb.service import KnowledgeBase
from gateway.policy.policy_set import PolicySet

from .conftest import KbFactory, doc

NEEDLES = [
    "Quokka-Zebra-7731",
    "Ingrid Halvorsen",
    "DE89370400440532013000",
    "marmalade reconciliation ledger",
    "患者张伟的病历号",
    "高血压三级",
    "Annex Omega-Lumen",
    "project-nightingale-owner",
]


def _ingest_secrets(kb: KnowledgeBase) -> None:
    kb.ingest_many([
        doc("# Quokka-Zebra-7731 procedure\n\nIngrid Halvorsen approved the transfer to IBAN DE89370400440532013000 "
            "after the marmalade reconciliation ledger was signed.", title="Annex Omega-Lumen",
            collection="branch-procedures", source="s1", metadata={"owner": "project-nightingale-owner"}),
        doc("患者张伟的病历号是 MRN-558201，诊断为高血压三级，需每日监测血压。", title="病例 记录",
            collection="regulations", level="public", source="s2"),
    ])
    # a second version, so superseded rows and older table versions exist on disk too
    kb.ingest(doc("# Quokka-Zebra-7731 procedure\n\nIngrid Halvorsen approved it again; marmalade reconciliation "
                  "ledger v2.", title="Annex Omega-Lumen", collection="branch-procedures", source="s1"))


def test_no_plaintext_under_the_data_directory(kb_factory: KbFactory, bank: PolicySet, tmp_path: Path) -> None:
    kb = kb_factory(bank)
    _ingest_secrets(kb)
    admin = bank.rights(["admin"])
    hits = kb.search("Ingrid Halvorsen marmalade reconciliation ledger", admin, top_k=3)
    assert "marmalade reconciliation ledger" in hits[0].text  # stored, and readable through the key ring
    assert any("高血压三级" in h.text for h in kb.search("患者张伟的病历号 高血压", admin, top_k=3))

    data_dir = tmp_path / "data"
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert "gateway.db" in names and any(p.suffix == ".lance" for p in files)
    assert any("_indices" in p.parts for p in files) and any("_versions" in p.parts for p in files)
    assert "gateway.db-wal" in names, "the SQLite write-ahead log must be scanned as well"
    blob = b"".join(p.read_bytes() for p in files)
    assert b"branch-procedures" in blob, "the scan must see clear-text columns (collections), so it sees bytes"
    lowered = blob.lower()
    for needle in NEEDLES:
        assert needle.lower().encode() not in lowered, f"plaintext found on disk: {needle!r}"


def test_ciphertext_moved_to_another_chunk_fails_to_decrypt(bank_kb: KnowledgeBase) -> None:
    bank_kb.ingest_many([
        doc("First paragraph about cheques.", title="A", collection="regulations"),
        doc("Second paragraph about coins.", title="B", collection="regulations"),
    ])
    rows = bank_kb.store.table.search().where("active = true").limit(None).to_arrow().to_pylist()
    first, second = rows
    key = bank_kb.keyring.document_keys([first["doc_id"]])[first["doc_id"]]
    own = chunk_aad(first["doc_id"], first["version"], first["chunk_id"], "text")
    assert unseal(key, first["text_ct"], own).decode().startswith(("First", "Second"))
    for wrong in [
        chunk_aad(second["doc_id"], second["version"], second["chunk_id"], "text"),
        chunk_aad(first["doc_id"], first["version"] + 1, first["chunk_id"], "text"),
        chunk_aad(first["doc_id"], first["version"], first["chunk_id"], "meta"),
    ]:
        with pytest.raises(ServerError, match="failed authentication"):
            unseal(key, first["text_ct"], wrong)


def test_group_readable_key_file_is_refused(kb_factory: KbFactory, bank: PolicySet, tmp_path: Path) -> None:
    kb_factory(bank)
    key_file = tmp_path / "data" / "keys" / "kb-master.key"
    assert (key_file.stat().st_mode & 0o777) == 0o600, "created 0600 on first use"
    os.chmod(key_file, 0o644)
    with pytest.raises(ConfigurationError, match="mode 0644"):
        kb_factory(bank)
    with pytest.raises(ConfigurationError, match="chmod 600"):
        file_key_provider(key_file, create=False)


def test_missing_key_file_with_existing_keys_is_refused(kb_factory: KbFactory, bank: PolicySet,
                                                        tmp_path: Path) -> None:
    kb_factory(bank)
    (tmp_path / "data" / "keys" / "kb-master.key").unlink()
    with pytest.raises(ConfigurationError, match="does not exist"):
        kb_factory(bank)


def test_wrong_master_key_stops_start_up(kb_factory: KbFactory, bank: PolicySet, tmp_path: Path) -> None:
    kb_factory(bank).ingest(doc("Something to protect.", title="x", collection="regulations"))
    key_file = tmp_path / "data" / "keys" / "kb-master.key"
    key_file.write_bytes(os.urandom(32))
    with pytest.raises(ConfigurationError, match="does not open the key store"):
        kb_factory(bank)


def test_environment_key_provider(monkeypatch: pytest.MonkeyPatch, kb_factory: KbFactory, bank: PolicySet) -> None:
    secret = os.urandom(32)
    monkeypatch.setenv("KB_TEST_KEY", base64.b64encode(secret).decode())
    kb = kb_factory(bank, key_provider="env", master_key_env="KB_TEST_KEY")
    kb.ingest(doc("Env-keyed content.", title="env", collection="regulations"))
    assert kb.search("env keyed content", bank.rights(["admin"]), top_k=1)[0].title == "env"
    monkeypatch.setenv("KB_TEST_KEY", "not base64 !!")
    with pytest.raises(ConfigurationError) as info:
        env_key_provider("KB_TEST_KEY")
    assert "not base64 !!" not in info.value.message
    monkeypatch.delenv("KB_TEST_KEY")
    with pytest.raises(ConfigurationError, match="KB_TEST_KEY is not set"):
        env_key_provider("KB_TEST_KEY")


def test_destroyed_document_key_makes_its_chunks_unreadable(bank_kb: KnowledgeBase, bank: PolicySet) -> None:
    outcome = bank_kb.ingest(doc("Shredded content about safe custody.", title="gone", collection="regulations"))
    bank_kb.ingest(doc("Kept content about safe custody.", title="kept", collection="regulations"))
    assert outcome.document_id is not None
    bank_kb.keyring.destroy_document_key(outcome.document_id)
    titles = [h.title for h in bank_kb.search("safe custody", bank.rights(["admin"]), top_k=5)]
    assert titles == ["kept"]
