"""The knowledge base on object storage: LanceDB on an S3-compatible server (moto's standalone server, started here)
ingests, searches and purges, and a purge removes the old table versions from the store itself, not just from the
newest manifest."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from gateway.audit.signing import CheckpointSigner
from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.kb.service import KnowledgeBase, open_knowledge_base
from gateway.kb.settings import KbSettings
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.llm.supervisor import free_loopback_port
from gateway.policy.policy_set import PolicySet
from gateway.purge.service import purge_service_for
from tests.kb.conftest import doc

BUCKET = "gateway-kb"
FEES = "Replacing a lost debit card costs ten euros at any branch."
MORTGAGE = "Mortgage applicants must show three payslips and a signed valuation report."


@pytest.fixture
def s3_endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """moto's S3 server on a free loopback port, and the environment LanceDB reads its credentials from."""
    program = shutil.which("moto_server", path=str(Path(sys.executable).parent))
    if program is None:  # pragma: no cover - moto is a test dependency
        pytest.skip("moto[server] is not installed (pip install -e '.[test]')")
    port = free_loopback_port()
    server = subprocess.Popen([program, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(endpoint, timeout=0.5)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        for name, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1",
                            "AWS_ENDPOINT_URL": endpoint, "AWS_ENDPOINT": endpoint, "AWS_ALLOW_HTTP": "true"}.items():
            monkeypatch.setenv(name, value)
        import boto3

        boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=BUCKET)
        yield endpoint
    finally:
        server.terminate()
        server.wait(10)


def objects(endpoint: str, prefix: str) -> list[str]:
    import boto3

    listing = boto3.client("s3", endpoint_url=endpoint).list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return [item["Key"] for item in listing.get("Contents", [])]


def open_on_s3(tmp_path: Path, embedder: LlamaCppEmbedder, bank: PolicySet) -> KnowledgeBase:
    url = f"sqlite:///{tmp_path / 'gateway.db'}"
    upgrade(url)
    return open_knowledge_base(KbSettings(), data_dir=tmp_path / "data", kb_uri=f"s3://{BUCKET}/kb", db=Database(url),
                               embedder=embedder, collections=bank.decl.collections)


def test_ingest_search_and_purge_on_object_storage_remove_old_versions_from_the_store(
    s3_endpoint: str, tmp_path: Path, kb_embedder: LlamaCppEmbedder, bank: PolicySet,
) -> None:
    kb = open_on_s3(tmp_path, kb_embedder, bank)
    fees = kb.ingest(doc(FEES, title="Card fees", collection="retail-products")).document_id
    kb.ingest(doc(FEES + " Updated in March.", title="Card fees", collection="retail-products"))  # version 2
    mortgage = kb.ingest(doc(MORTGAGE, title="Mortgage rules", collection="credit-policy")).document_id
    admin = bank.rights(("admin",))
    assert fees in {h.document_id for h in kb.search("lost debit card fee", admin, exact=True)}
    manifests = [key for key in objects(s3_endpoint, "kb/chunks.lance/_versions/")]
    assert len(manifests) > 1  # every commit left a table version on the store

    signer = CheckpointSigner.load_or_create(tmp_path / "keys" / "audit-signing.key")
    receipt = purge_service_for(kb, lambda: signer).purge_document(fees, "admin")

    assert receipt.body["lance"]["versions_after"] == 1
    assert len(objects(s3_endpoint, "kb/chunks.lance/_versions/")) == 1  # the old manifests are gone from the store
    assert all(h.document_id != fees for h in kb.search("lost debit card fee", admin, exact=True))
    survivor = kb.search("payslips valuation report mortgage", admin, exact=True)
    assert survivor and survivor[0].document_id == mortgage and survivor[0].text == MORTGAGE
    reopened = open_on_s3(tmp_path, kb_embedder, bank)  # another process opening the same store sees the same
    assert reopened.store.count(f"doc_id = '{fees}'") == 0
