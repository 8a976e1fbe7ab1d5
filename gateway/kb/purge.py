"""Erasure (issue #7): purge a document or a whole collection so nothing of it can be found, read or recovered.

A purge is a job in ``purge_jobs``, advanced through these steps; each is idempotent and recorded once done, so a
process killed at any point finishes the job on restart (``Purger.resume``) and repeating a step is harmless:

    planned    what will go is recorded (versions, chunk count, Lance fragments, key fingerprints); nothing touched
    hidden     the rows are deleted in one Lance commit: no query returns them once the call returns
    shredded   the document keys (and, for a collection, its key) are destroyed: any copy left is undecipherable
    forgotten  the registry rows and the document's data-subject index entries are deleted
    rewritten  the Lance fragments that held the rows are rewritten (a delete only writes a deletion vector)
    vacuumed   optimize: indices updated, every older version's files deleted, unfinished transactions' files too
    scrubbed   the SQLite write-ahead log is checkpointed and truncated (deleted bytes were zeroed: secure_delete)
    done       a receipt is signed with the audit key and stored with the job

Vacuuming deletes every older version of the table: it is only safe while no other process writes to the
knowledge base. Within this process, purges and ingestion share one lock (``KnowledgeBase.writes``).
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from gateway.audit.signing import CheckpointSigner
from gateway.db.base import utcnow
from gateway.db.models import PurgeJob
from gateway.errors import InvalidInput, NotFound
from gateway.kb.keyring import KeyRing
from gateway.kb.purge_receipt import PurgeReceipt, seal_receipt
from gateway.kb.purge_sql import checkpoint_wal
from gateway.kb.purge_subjects import forget_documents
from gateway.kb.registry import DocumentRegistry
from gateway.kb.store import ChunkStore, sql_list

STEPS = ("planned", "hidden", "shredded", "forgotten", "rewritten", "vacuumed", "scrubbed", "done")

StepHook = Callable[[str], None]
"""Called with a step's name after its work and before it is recorded (tests kill the process there)."""


class Purger:
    """Runs purge jobs against the knowledge base's store, key ring and registry."""

    def __init__(self, *, store: ChunkStore, keyring: KeyRing, registry: DocumentRegistry,
                 lock: threading.RLock, on_step: StepHook | None = None) -> None:
        self.store = store
        self.keyring = keyring
        self.registry = registry
        self.db = registry.db
        self.lock = lock
        self.on_step = on_step

    # -- entry points -------------------------------------------------------------------------------------------------
    def purge_document(self, doc_id: str, actor: str, signer: CheckpointSigner) -> PurgeReceipt:
        """Purge every version of one document; a document already purged returns its earlier receipt."""
        return self._purge("document", doc_id, actor, signer)

    def purge_collection(self, collection: str, actor: str, signer: CheckpointSigner) -> PurgeReceipt:
        """Purge every document of a collection and destroy the collection key (the name may be used again)."""
        return self._purge("collection", collection, actor, signer)

    def resume(self, signer: CheckpointSigner) -> list[PurgeReceipt]:
        """Finish every job a crash interrupted, oldest first (call at start-up, before serving)."""
        with self.db.session() as session:
            ids = list(session.scalars(select(PurgeJob.id).where(PurgeJob.status == "running")
                                       .order_by(PurgeJob.created_at)))
        with self.lock:
            return [self._run(job_id, signer) for job_id in ids]

    def receipt(self, receipt_id: str) -> PurgeReceipt:
        with self.db.session() as session:
            job = session.get(PurgeJob, receipt_id)
            if job is None or job.receipt is None or job.signature is None or job.key_id is None:
                raise NotFound("no purge receipt with that id")
            return PurgeReceipt(job.id, json.loads(job.receipt), job.signature, job.key_id)

    # -- the job ------------------------------------------------------------------------------------------------------
    def _purge(self, kind: str, target: str, actor: str, signer: CheckpointSigner) -> PurgeReceipt:
        if not target or len(target) > 128 or not actor or len(actor) > 128:
            raise InvalidInput("the purge target and actor must be 1 to 128 characters")
        with self.lock:
            with self.db.session() as session:
                jobs = session.scalars(select(PurgeJob).where(PurgeJob.kind == kind, PurgeJob.target == target)
                                       .order_by(PurgeJob.created_at.desc())).all()
            running = next((j for j in jobs if j.status == "running"), None)
            if running is not None:
                return self._run(running.id, signer)
            plan = self._plan(kind, target)
            if plan is None:
                if jobs and kind == "document":
                    return self.receipt(jobs[0].id)
                raise NotFound(f"no {kind} with that id" if kind == "document" else "no such collection")
            job_id = uuid.uuid4().hex
            now = utcnow()
            with self.db.session() as session:
                session.add(PurgeJob(id=job_id, kind=kind, target=target, actor=actor, step="planned",
                                     status="running", plan=json.dumps(plan, sort_keys=True), created_at=now,
                                     updated_at=now))
            return self._run(job_id, signer)

    def _where(self, kind: str, target: str) -> str:
        column = "doc_id" if kind == "document" else "collection"
        return f"{column} = {sql_list([target])}"

    def _plan(self, kind: str, target: str) -> dict[str, Any] | None:
        """What the job will destroy, read before anything is touched; None when there is nothing to purge."""
        where = self._where(kind, target)
        rows = self.store.table.search().where(where).select(["doc_id"]).limit(None).to_arrow()
        chunks = Counter(rows.column("doc_id").to_pylist())
        doc_ids = set(chunks)
        doc_ids |= {target} if kind == "document" else set(self.registry.documents_in(target))
        registered = self.registry.versions_of(sorted(doc_ids))
        if kind == "document" and target not in registered and not chunks[target]:
            return None
        key_ids = [f"document:{d}" for d in sorted(doc_ids)]
        if kind == "collection":
            key_ids.append(f"collection:{target}")
        fingerprints = self.keyring.fingerprints(key_ids)
        if kind == "collection" and not doc_ids and not fingerprints:
            return None
        collection = target if kind == "collection" else registered.get(target, ("", []))[0] or None
        return {
            "collection": collection,
            "documents": [{"id": d, "versions": registered.get(d, ("", []))[1], "chunks": chunks[d]}
                          for d in sorted(doc_ids)],
            "chunks": sum(chunks.values()),
            "keys": [{"key": k, "sha256": fingerprints[k]} for k in key_ids if k in fingerprints],
            "fragments": self.store.fragments_of(where) if chunks else [],
            "lance_versions_before": self.store.version_count(),
            "results": {},
        }

    def _run(self, job_id: str, signer: CheckpointSigner) -> PurgeReceipt:
        with self.db.session() as session:
            job = session.get(PurgeJob, job_id)
            assert job is not None
            kind, target, actor, step, plan = job.kind, job.target, job.actor, job.step, json.loads(job.plan)
            requested_at = job.created_at
        for name in STEPS[STEPS.index(step) + 1 :]:
            result = self._do(name, kind, target, plan)
            if name == "done":
                body = {
                    "id": job_id, "kind": kind, "target": target, "collection": plan["collection"],
                    "documents": plan["documents"], "chunks": plan["chunks"], "keys_destroyed": plan["keys"],
                    "lance": {"fragments_rewritten": len(plan["fragments"]),
                              "versions_before": plan["lance_versions_before"],
                              "versions_after": plan["results"].get("vacuumed")},
                    "sqlite_wal_truncated": plan["results"].get("scrubbed"),
                    "actor": actor, "requested_at": requested_at.isoformat(), "completed_at": utcnow().isoformat(),
                }
                receipt = seal_receipt(job_id, body, signer)
            if self.on_step is not None:
                self.on_step(name)
            if result is not None:
                plan["results"][name] = result
            with self.db.session() as session:
                job = session.get(PurgeJob, job_id)
                assert job is not None
                job.step, job.updated_at, job.plan = name, utcnow(), json.dumps(plan, sort_keys=True)
                if name == "done":
                    job.status, job.finished_at = "done", utcnow()
                    job.receipt, job.signature, job.key_id = receipt.canonical(), receipt.signature, receipt.key_id
        return self.receipt(job_id)

    def _do(self, step: str, kind: str, target: str, plan: dict[str, Any]) -> Any:
        doc_ids = [d["id"] for d in plan["documents"]]
        if step == "hidden":
            return self.store.hide(self._where(kind, target))
        if step == "shredded":
            keys = [k["key"] for k in plan["keys"]]
            if kind == "collection":
                keys.append(f"collection:{target}")
            self.keyring.destroy_keys(keys, forget=kind == "collection")
        elif step == "forgotten":
            self.registry.forget(doc_ids)
            forget_documents(self.db, doc_ids)
        elif step == "rewritten":
            return self.store.rewrite_fragments(plan["fragments"])
        elif step == "vacuumed":
            return self.store.vacuum()
        elif step == "scrubbed":
            return checkpoint_wal(self.db)
        return None
