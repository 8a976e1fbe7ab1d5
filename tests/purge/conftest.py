"""Purge fixtures: the knowledge-base fixtures of tests/kb, a signing key, and the real app with the purge routes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from gateway.audit.signing import CheckpointSigner
from gateway.kb.service import KnowledgeBase
from gateway.purge.service import PurgeService, purge_service_for
from tests.kb.conftest import bank, cli_db_url, kb_db_url, kb_embedder, kb_factory  # noqa: F401  (fixtures shared with tests/kb)
from tests.support import Gateway


def purges(kb: KnowledgeBase, signer: CheckpointSigner) -> PurgeService:
    """The purge service over ``kb``'s parts, as the app factory builds it, signing with ``signer``."""
    return purge_service_for(kb, lambda: signer)


@pytest.fixture
def signer(tmp_path: Path) -> CheckpointSigner:
    return CheckpointSigner.load_or_create(tmp_path / "data" / "keys" / "audit-signing.key")


@pytest.fixture
def purge_gateway(gateway_factory: Callable[..., Gateway]) -> Gateway:
    """The real app, as ``create_app`` builds it (purge routes, subject index attached)."""
    return gateway_factory()
