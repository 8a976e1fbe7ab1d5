"""Knowledge-base fixtures: the real embedding model, real LanceDB and SQLite in a temporary data directory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.kb.documents import SourceDocument
from gateway.kb.service import KnowledgeBase, open_knowledge_base
from gateway.kb.settings import KbSettings
from gateway.kb.sources import text_document
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.paths import PROJECT_ROOT
from gateway.policy.policy_set import PolicySet, load_policy_set
from gateway.policy.schema import Classification


@pytest.fixture(scope="session")
def kb_embedder(models_dir: Path) -> LlamaCppEmbedder:
    return LlamaCppEmbedder(models_dir / "all-MiniLM-L6-v2.F16.gguf")


@pytest.fixture(scope="session")
def bank() -> PolicySet:
    return load_policy_set(PROJECT_ROOT / "policies" / "bank.yaml")


@pytest.fixture(scope="session")
def hospital() -> PolicySet:
    return load_policy_set(PROJECT_ROOT / "policies" / "hospital.yaml")


KbFactory = Callable[..., KnowledgeBase]


@pytest.fixture
def kb_db_url(tmp_path: Path) -> str:
    """The knowledge base's SQL database: SQLite here; tests/kb/test_postgres.py overrides it with PostgreSQL."""
    (tmp_path / "data").mkdir(exist_ok=True)
    return f"sqlite:///{tmp_path / 'data' / 'gateway.db'}"


@pytest.fixture
def kb_factory(tmp_path: Path, kb_embedder: LlamaCppEmbedder, kb_db_url: str) -> KbFactory:
    """Opens the knowledge base in ``tmp_path/data`` (same data directory on every call: a "restart")."""
    data_dir = tmp_path / "data"
    url = kb_db_url
    upgrade(url)
    databases: list[Database] = []

    def build(policy: PolicySet | None = None, **overrides: object) -> KnowledgeBase:
        db = Database(url)
        databases.append(db)
        collections = policy.decl.collections if policy is not None else None
        return open_knowledge_base(KbSettings(**overrides), data_dir=data_dir, kb_uri=str(data_dir / "kb"), db=db,
                                   embedder=kb_embedder, collections=collections)

    return build


@pytest.fixture
def bank_kb(kb_factory: KbFactory, bank: PolicySet) -> KnowledgeBase:
    return kb_factory(bank)


def doc(text: str, *, title: str, collection: str, level: str = "internal", source: str | None = None,
        metadata: dict[str, object] | None = None, validity: tuple[str | None, str | None] = (None, None),
        ) -> SourceDocument:
    return text_document(text, title=title, collection=collection, level=Classification[level], metadata=metadata,
                         source=source, label=title, max_bytes=1_000_000, valid_from=validity[0],
                         valid_until=validity[1])


@pytest.fixture
def cli_db_url(tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The environment a ``gateway`` command runs in: data under ``tmp_path/data``, the real models, a migrated
    SQLite database (its URL returned), no config file."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("GATEWAY_DATA_DIR", str(data_dir))
    monkeypatch.setenv("GATEWAY_MODELS_DIR", str(models_dir))
    monkeypatch.delenv("GATEWAY_CONFIG", raising=False)
    url = f"sqlite:///{data_dir / 'gateway.db'}"
    upgrade(url)
    return url
