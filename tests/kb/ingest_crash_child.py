"""Run as a subprocess by test_ingest_crash.py: ingest documents and SIGKILL this process at ``point``, the way a
power cut or the OOM killer would stop it half-way through a batch."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gateway.db.session import Database
from gateway.kb.registry import DocumentRegistry
from gateway.kb.service import open_knowledge_base
from gateway.kb.settings import KbSettings
from gateway.kb.sources import text_document
from gateway.kb.store import ChunkStore
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.policy.schema import Classification

# The point → (class, method): the process dies right after that method returns.
POINTS: dict[str, tuple[type, str]] = {
    "after_pending_rows_written": (ChunkStore, "write_pending"),
    "after_activation": (ChunkStore, "activate"),
    "after_registry_commit": (DocumentRegistry, "commit"),
}


def die_after(cls: type, name: str) -> None:
    original: Callable[..., Any] = getattr(cls, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
        return result

    setattr(cls, name, wrapper)


def main(data_dir: Path, model: Path, documents: Path, point: str) -> None:
    db = Database(f"sqlite:///{data_dir / 'gateway.db'}")
    kb = open_knowledge_base(KbSettings(chunk_tokens=64, chunk_overlap_tokens=0), data_dir=data_dir,
                             kb_uri=str(data_dir / "kb"), db=db, embedder=LlamaCppEmbedder(model))
    die_after(*POINTS[point])
    batch = [text_document(d["text"], title=d["title"], collection="branch-procedures",
                           level=Classification.internal, metadata={}, source=d["source"], label=d["title"],
                           max_bytes=1 << 20) for d in json.loads(documents.read_text())]
    kb.ingest_many(batch)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4])
