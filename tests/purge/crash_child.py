"""Run as a subprocess by test_resume.py: purge a document and SIGKILL this process right after ``step``'s work,
before the step is recorded, the way a power cut or the OOM killer would stop it."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from gateway.audit.signing import CheckpointSigner
from gateway.db.session import Database
from gateway.kb.service import open_knowledge_base
from gateway.kb.settings import KbSettings
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.purge.service import purge_service_for


def main(data_dir: Path, model: Path, kind: str, target: str, step: str) -> None:
    db = Database(f"sqlite:///{data_dir / 'gateway.db'}")
    kb = open_knowledge_base(KbSettings(), data_dir=data_dir, kb_uri=str(data_dir / "kb"), db=db,
                             embedder=LlamaCppEmbedder(model))

    def kill_at(name: str) -> None:
        if name == step:
            os.kill(os.getpid(), signal.SIGKILL)

    signer = CheckpointSigner.load_or_create(data_dir / "keys" / "audit-signing.key")
    purges = purge_service_for(kb, lambda: signer)
    purges.on_step = kill_at
    if kind == "document":
        purges.purge_document(target, "admin")
    else:
        purges.purge_collection(target, "admin")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:6])
