"""``AuditTrail``: append events to a hash chain durably, sign checkpoints over its head, verify it, prune it.

Appends are serialised across threads and worker processes: on PostgreSQL by ``pg_advisory_xact_lock`` held for
the append transaction, on SQLite by ``BEGIN IMMEDIATE`` (SQLAlchemy's documented pysqlite recipe: the driver's
own BEGIN handling is switched off on a writer engine of our own, which emits BEGIN IMMEDIATE itself). Inside the
lock the head is read, the event is chained to it and committed (SQLite: WAL, synchronous=FULL). Failure raises
``AuditFailed``: the request then fails closed. Nothing here logs event contents, only types and counts.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, event, func, insert, select
from sqlalchemy.orm import Session

from gateway.audit import query, retention
from gateway.audit.canonical import GENESIS_HASH, checkpoint_message, event_hash
from gateway.audit.events import Actions, AuditEvent, AuditRecord
from gateway.audit.passages import PassageSource
from gateway.audit.rows import citation_values, entry_values
from gateway.audit.settings import AuditSettings
from gateway.audit.signing import CheckpointSigner, CheckpointVerifier
from gateway.audit.verify import VerifyReport, verify_chain
from gateway.db.base import utcnow
from gateway.db.session import Database, create_db_engine
from gateway.db.tables import AuditCheckpoint, AuditCitation, AuditEntry, AuditHold
from gateway.errors import AuditFailed, Conflict, GatewayError, InvalidInput, NotFound
from gateway.policy.decisions import Decision

log = logging.getLogger("gateway.audit")

ADVISORY_LOCK_KEY = 0x6761_7564_6974  # "gaudit": one lock, shared by every process appending to this database


class AuditTrail:
    """The gateway's one writer and reader of the audit trail (``app.state.audit``); safe to share across threads."""

    def __init__(
        self, db: Database, settings: AuditSettings, *, key_path: Path, passages: PassageSource | None = None
    ) -> None:
        self.db = db
        self.settings = settings
        self.key_path = key_path
        self.passages = passages
        """Where cited passages are read from for review; None until the knowledge base provides one."""
        self._postgres = db.engine.dialect.name == "postgresql"
        self._writer = db.engine if self._postgres else _sqlite_writer(db.url)
        self._signer: CheckpointSigner | None = None
        self._signer_lock = threading.Lock()

    # --- writing ---------------------------------------------------------------------------------------------

    def append(self, event: AuditEvent) -> AuditRecord:
        """Chain ``event`` to the head and commit it durably; AuditFailed if that cannot be done."""
        with self._write("append") as session:
            return self._append_locked(session, event)

    def record_decision(self, decision: Decision) -> None:
        """An ``AccessControl`` decision hook: records every denial, and grants if ``record_grants`` is set."""
        if decision.allowed and not self.settings.record_grants:
            return
        status = None if decision.allowed else 401 if decision.principal is None else 403
        self.append(
            AuditEvent(
                action=Actions.ACCESS_GRANTED if decision.allowed else Actions.ACCESS_DENIED,
                outcome="ok" if decision.allowed else "denied",
                request_id=decision.request_id[:64],
                user=decision.principal,
                roles=decision.roles,
                policy_version=decision.policy_version,
                http_status=status,
                details={"permission": decision.permission, "method": decision.method,
                         "path": decision.path[:256], "reason": decision.reason[:256]},
                at=decision.at,
            )
        )

    def checkpoint(self, reason: str = "manual") -> int | None:
        """Sign the current head unless it is already signed; returns the checkpointed seq, or None."""
        with self._write("checkpoint") as session:
            head_seq, head_hash = self._head(session)
            newest = session.scalar(select(func.max(AuditCheckpoint.seq)))
            if head_seq == 0 or (newest is not None and newest >= head_seq):
                return None
            self._sign_locked(session, head_seq, head_hash, reason)
            return head_seq

    def close(self) -> None:
        """Sign the head on shutdown (so the tail written since the last checkpoint is protected), then release
        the writer. Never raises: shutting down goes on, the error is logged."""
        try:
            self.checkpoint("shutdown")
        except AuditFailed:
            pass
        finally:
            if self._writer is not self.db.engine:
                self._writer.dispose()

    # --- reading ---------------------------------------------------------------------------------------------

    def verify(self, from_seq: int | None = None, to_seq: int | None = None) -> VerifyReport:
        """Check the chain and checkpoints (see gateway.audit.verify for what this does and does not prove)."""
        if self.settings.checkpoint_on_read:
            self.checkpoint("verify")
        verifier = self._signer.verifier if self._signer else CheckpointVerifier.load(self.key_path)
        engine = self.db.engine
        options: dict[str, Any] = {"isolation_level": "REPEATABLE READ"} if self._postgres else {}
        try:
            with engine.connect().execution_options(**options) as conn:
                return verify_chain(conn, verifier, from_seq, to_seq)
        except Exception as exc:
            log.error("audit verification could not run: %s", type(exc).__name__)
            raise AuditFailed("the audit trail could not be read") from exc

    def get(self, seq: int) -> AuditRecord:
        with self.db.session() as session:
            record = query.get_record(session, seq)
        if record is None:
            raise NotFound("no audit event with that id")
        return record

    def find(self, where: query.AuditFilter, *, limit: int = 50, cursor: int | None = None) -> query.AuditPage:
        """A page of matching records, newest first; ``cursor`` is the previous page's ``next_cursor``."""
        if not 1 <= limit <= query.MAX_PAGE:
            raise InvalidInput(f"limit must be 1 to {query.MAX_PAGE}", param="limit")
        with self.db.session() as session:
            return query.list_page(session, where, limit=limit, cursor=cursor)

    def completions(self, records: list[AuditRecord], *, now: datetime | None = None) -> dict[int, dict[str, Any]]:
        """For each ``chat.started`` record (by seq): how its request ended. ``state`` is the outcome of its ``chat``
        event (``ok``, ``error``, ``denied``, ``aborted``), or, with none, ``open`` while it may still be answering
        and ``aborted`` once ``open_chat_horizon_s`` has passed (the process died mid-answer)."""
        started = [r for r in records if r.event.action == Actions.CHAT_STARTED]
        if not started:
            return {}
        with self.db.session() as session:
            ends = query.ends_of(session, sorted({r.event.request_id for r in started}), Actions.CHAT)
        horizon = (now or datetime.now(UTC)) - timedelta(seconds=self.settings.open_chat_horizon_s)
        found: dict[int, dict[str, Any]] = {}
        for record in started:
            end = ends.get(record.event.request_id)
            if end is not None:
                found[record.seq] = {"state": end[1], "end_seq": end[0]}
            else:
                found[record.seq] = {"state": "open" if record.event.at > horizon else "aborted", "end_seq": None}
        return found

    def records(self, where: query.AuditFilter) -> Iterator[AuditRecord]:
        """Matching records, oldest first, streamed (for exports)."""
        with self.db.session() as session:
            yield from query.iter_records(session, where)

    # --- retention -------------------------------------------------------------------------------------------

    def prune(self, older_than: datetime, *, actor: str) -> retention.PruneResult:
        """Delete the prefix of events older than ``older_than`` and not held, anchored by a signed checkpoint.
        Refuses (AuditFailed) if the part to be deleted does not verify: pruning must not launder tampering."""
        with self.db.session() as session:
            head = session.scalar(select(func.max(AuditEntry.seq))) or 0
            candidate = retention.prunable_through(session, older_than, head)
        if candidate > 0:
            report = self.verify(to_seq=candidate)
            if not report.intact:
                raise AuditFailed("the audit trail does not verify; nothing was pruned (run `gateway audit verify`)")
        with self._write("prune") as session:
            head_seq, _ = self._head(session)
            lowest = session.scalar(select(func.min(AuditEntry.seq)))
            through = min(candidate, retention.prunable_through(session, older_than, head_seq))
            deleted = 0
            if lowest is not None and through >= lowest:
                anchor_hash = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == through))
                assert anchor_hash is not None
                self._sign_locked(session, through, anchor_hash, "prune")
                session.execute(delete(AuditCitation).where(AuditCitation.event_seq <= through))
                deleted = session.execute(delete(AuditEntry).where(AuditEntry.seq <= through)).rowcount  # type: ignore[attr-defined]
            result = retention.PruneResult(deleted, through if deleted else None)
            self._append_locked(session, _admin_event(Actions.AUDIT_PRUNE, actor, {
                "deleted": deleted, "through_seq": result.through_seq, "older_than": older_than.isoformat()}))
            return result

    def prune_expired(self, *, actor: str, now: datetime | None = None) -> retention.PruneResult | None:
        """Apply ``retention_days``; None when retention is not configured (events are kept forever)."""
        if self.settings.retention_days is None:
            return None
        return self.prune((now or datetime.now(UTC)) - timedelta(days=self.settings.retention_days), actor=actor)

    def add_hold(self, kind: retention.HoldKind, value: str, *, actor: str) -> None:
        if kind not in ("user", "document") or not 0 < len(value) <= 128:
            raise InvalidInput("a hold names a user or a document id of 1 to 128 characters")
        with self._write("hold") as session:
            exists = session.scalar(select(AuditHold.id).where(AuditHold.kind == kind, AuditHold.value == value))
            if exists is not None:
                raise Conflict("that legal hold already exists")
            session.add(AuditHold(kind=kind, value=value))
            self._append_locked(session, _admin_event(Actions.AUDIT_HOLD_ADD, actor, {"kind": kind, "value": value}))

    def remove_hold(self, kind: retention.HoldKind, value: str, *, actor: str) -> None:
        with self._write("hold") as session:
            removed = session.execute(delete(AuditHold).where(AuditHold.kind == kind, AuditHold.value == value))
            if not removed.rowcount:  # type: ignore[attr-defined]
                raise NotFound("no such legal hold")
            self._append_locked(
                session, _admin_event(Actions.AUDIT_HOLD_REMOVE, actor, {"kind": kind, "value": value})
            )

    def holds(self) -> list[retention.Hold]:
        with self.db.session() as session:
            return retention.list_holds(session)

    # --- internals -------------------------------------------------------------------------------------------

    @contextmanager
    def _write(self, what: str) -> Iterator[Session]:
        """One serialised write transaction; database errors become AuditFailed (fail closed)."""
        try:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                if self._postgres:
                    session.execute(select(func.pg_advisory_xact_lock(ADVISORY_LOCK_KEY)))
                yield session
        except GatewayError:
            raise
        except Exception as exc:
            log.error("audit %s failed: %s", what, type(exc).__name__)
            raise AuditFailed("the audit event could not be written; the request was not completed") from exc

    @staticmethod
    def _head(session: Session) -> tuple[int, str]:
        row = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
        if row is None:  # everything pruned or nothing yet: continue from the newest checkpoint, if any
            row = session.execute(
                select(AuditCheckpoint.seq, AuditCheckpoint.hash).order_by(AuditCheckpoint.seq.desc()).limit(1)
            ).first()
        return (row[0], row[1]) if row is not None else (0, GENESIS_HASH)

    def _append_locked(self, session: Session, event: AuditEvent) -> AuditRecord:
        head_seq, head_hash = self._head(session)
        seq = head_seq + 1
        digest = event_hash(seq, head_hash, event)
        session.execute(insert(AuditEntry), [entry_values(seq, head_hash, digest, event)])
        if event.citations:
            session.execute(insert(AuditCitation), citation_values(seq, event.citations))
        if seq % self.settings.checkpoint_every == 0:
            self._sign_locked(session, seq, digest, "periodic")
        return AuditRecord(seq, head_hash, digest, event)

    def _sign_locked(self, session: Session, seq: int, head_hash: str, reason: str) -> None:
        signer = self._signing_key(session)
        at = utcnow()
        signature = signer.sign(checkpoint_message(seq, head_hash, at, reason, signer.key_id))
        session.add(AuditCheckpoint(seq=seq, hash=head_hash, at=at, reason=reason, key_id=signer.key_id,
                                    signature=signature))

    def signer(self) -> CheckpointSigner:
        """The audit signing key, loaded once; it signs purge receipts too. Fails closed like a checkpoint."""
        if self._signer is not None:
            return self._signer
        with self.db.session() as session:
            return self._signing_key(session)

    def _signing_key(self, session: Session) -> CheckpointSigner:
        """The signing key, created on first use; but never silently replaced: if the key file is gone while
        checkpoints exist, every write fails (fail closed) until it is restored."""
        with self._signer_lock:
            if self._signer is None:
                if not self.key_path.is_file() and session.scalar(select(func.count(AuditCheckpoint.id))):
                    log.error("the audit signing key file is missing but checkpoints exist; restore it")
                    raise AuditFailed("the audit signing key is missing; the audit trail cannot be written")
                self._signer = CheckpointSigner.load_or_create(self.key_path)
            return self._signer


def _admin_event(action: str, actor: str, details: dict[str, Any]) -> AuditEvent:
    return AuditEvent(action=action, outcome="ok", request_id=uuid.uuid4().hex, user=actor, roles=(),
                      policy_version="", details=details)


def _sqlite_writer(url: str) -> Engine:
    """A SQLite engine whose transactions start with BEGIN IMMEDIATE, taking the write lock up front so that reading
    the head and appending after it cannot interleave with another writer (SQLAlchemy's pysqlite recipe)."""
    engine = create_db_engine(url)  # same pragmas as the app: WAL, synchronous=FULL, busy timeout

    @event.listens_for(engine, "connect")
    def _no_driver_begin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
