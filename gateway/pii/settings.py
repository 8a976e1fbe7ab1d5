"""Settings section ``pii``: where the deployment's pseudonym key comes from."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict


class PiiSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key_file: Path | None = None
    """The deployment's PII key (keyed pseudonyms, hashes, the ``encrypt`` operator); default
    ``<data_dir>/keys/pii.key``, created 0600 on first start. Keep it: a new key gives everyone new pseudonyms."""
    key_env: str | None = None
    """Instead of the file: the name of an environment variable holding the key as base64 (32 bytes or more)."""
