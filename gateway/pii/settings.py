"""Settings section ``pii``: where the deployment's pseudonym key comes from; and the spec the engine is built from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from gateway.keyfiles import env_secret, owner_only_secret

if TYPE_CHECKING:
    from gateway.pii.detector import PiiDetector
    from gateway.pii.masker import Masker


class PiiSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key_file: Path | None = None
    """The deployment's PII key (keyed pseudonyms, hashes, the ``encrypt`` operator); default
    ``<data_dir>/keys/pii.key``, created 0600 on first start. Keep it: a new key gives everyone new pseudonyms."""
    key_env: str | None = None
    """Instead of the file: the name of an environment variable holding the key as base64 (32 bytes or more)."""


@dataclass(frozen=True)
class PiiEngineSpec:
    """What it takes to build the PII engine in any process: the spaCy model and where the key comes from.

    Derived from the settings (``Settings.pii_engine``); small and picklable, so corpus worker processes build the
    same engine from it as the server does."""

    spacy_model: str
    key_file: Path
    key_env: str | None = None

    def key(self, *, create: bool = False) -> bytes:
        """The deployment's PII key: from ``key_env`` if set, else the owner-only key file (created if asked)."""
        if self.key_env:
            return env_secret(self.key_env, setting="pii.key_env")
        return owner_only_secret(self.key_file, setting="pii.key_file", create=create)

    def detector(self) -> PiiDetector:
        from gateway.pii.detector import PiiDetector  # spaCy loads only where an engine is built

        return PiiDetector.create(spacy_model=self.spacy_model)

    def masker(self) -> Masker:
        """The PII engine, built once: spaCy and every recognizer load here, keyed by the deployment's PII key."""
        from gateway.pii.masker import Masker

        return Masker(self.detector(), pseudonym_key=self.key(create=True))
