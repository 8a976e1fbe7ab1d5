"""``AuditTrail``: append events to a hash chain durably, sign checkpoints over its head, verify it, prune it.

Appends are serialised across threads and worker processes: on PostgreSQL by ``pg_advisory_xact_lock`` held for
the append transaction, on SQLite by ``BEGIN IMMEDIATE`` (SQLAlchemy's documented pysqlite recipe: the driver's
own BEGIN handling is switched off on a writer engine of our own, which emits BEGIN IMMEDIATE itself). Inside the
lock the head is read and checked, the event is chained to it, MAC'd and committed (SQLite: WAL, synchronous=FULL).
Failure raises ``AuditFailed``: the request then fails closed. Nothing here logs event contents, only types and
counts.

What a writer checks before it chains to the head it finds (``gateway.audit.integrity``): the head's MAC (an event
inserted or rewritten by someone without the MAC key is refused), and that the last event this process wrote is
still there with its hash (a truncated or rewritten tail is refused). Before signing a checkpoint it verifies the
part since the previous one, so the gateway never signs over tampering. A refused head fails every later write of
this process: the trail needs an administrator, and no request is answered unaudited meanwhile.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, event, func, insert, select
from sqlalchemy.orm import Session

from gateway.audit import query, retention
from gateway.audit.canonical import GENESIS_HASH, checkpoint_message, event_hash
from gateway.audit.events import Actions, AuditEvent, AuditRecord
from gateway.audit.integrity import EventMac, checkpoint_line, export_checkpoints, load_event_mac, read_checkpoints
from gateway.audit.passages import PassageSource
from gateway.audit.rows import citation_values, entry_values
from gateway.audit.settings import AuditSettings
from gateway.audit.signing import CheckpointSigner, CheckpointVerifier
from gateway.audit.verify import VerifyReport, verify_chain
from gateway.db.base import utcnow
from gateway.db.session import Database, create_db_engine
from gateway.db.tables import AuditCheckpoint, AuditCitation, AuditEntry, AuditHold
from gateway.errors import AuditFailed, ConfigurationError, Conflict, GatewayError, InvalidInput, NotFound
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
        self.mac_key_path = settings.mac_key_path or key_path.with_name("audit-mac.key")
        self._postgres = db.engine.dialect.name == "postgresql"
        self._writer = db.engine if self._postgres else _sqlite_writer(db.url)
        self._signer: CheckpointSigner | None = None
        self._signer_lock = threading.Lock()
        self._mac: EventMac | None = None
        self._last: tuple[int, str] | None = None
        """(seq, hash) of the newest event this process wrote or found intact: the head must never go back on it."""
        self._refused: str | None = None
        self._last_checkpoint = time.monotonic()
        self._unauthenticated = _DenialTally(settings.unauthenticated_window_s)

    # --- writing ---------------------------------------------------------------------------------------------

    def append(self, event: AuditEvent) -> AuditRecord:
        """Chain ``event`` to the head and commit it durably; AuditFailed if that cannot be done."""
        pending = self._unauthenticated.due()
        with self._write("append") as session:
            if pending is not None:
                self._append_locked(session, pending)
            return self._append_locked(session, event)

    def record_decision(self, decision: Decision) -> None:
        """An ``AccessControl`` decision hook: records every denial, and grants if ``record_grants`` is set.
        Denials without credentials are aggregated per ``unauthenticated_window_s`` (see the setting)."""
        if decision.allowed and not self.settings.record_grants:
            return
        if not decision.allowed and decision.principal is None and not self._unauthenticated.first_of_window(decision):
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
            head = self._head(session)
            newest = session.scalar(select(func.max(AuditCheckpoint.seq)))
            if head.seq == 0 or (newest is not None and newest >= head.seq):
                return None
            self._check_head(session, head)
            self._sign_locked(session, head.seq, head.hash, reason, head.mac)
            return head.seq

    def flush_denials(self) -> None:
        """Write the pending aggregate of unauthenticated denials now (shutdown, tests)."""
        pending = self._unauthenticated.due(force=True)
        if pending is not None:
            with self._write("append") as session:
                self._append_locked(session, pending)

    def close(self) -> None:
        """Sign the head on shutdown (so the tail written since the last checkpoint is protected), then release
        the writer. Never raises: shutting down goes on, the error is logged."""
        try:
            self.flush_denials()
            self.checkpoint("shutdown")
        except AuditFailed:
            pass
        finally:
            if self._writer is not self.db.engine:
                self._writer.dispose()

    # --- reading ---------------------------------------------------------------------------------------------

    def verify(self, from_seq: int | None = None, to_seq: int | None = None, *,
               checkpoints_file: Path | None = None) -> VerifyReport:
        """Check the chain, checkpoints and (with the MAC key) every event's MAC; with ``checkpoints_file`` (default
        ``audit.checkpoint_file`` when it exists), compare the database with the checkpoints exported there. See
        gateway.audit.verify for what this does and does not prove."""
        if self.settings.checkpoint_on_read:
            # A trail the gateway refuses to sign over is still verified: the report says where it broke.
            with contextlib.suppress(AuditFailed):
                self.checkpoint("verify")
        file = checkpoints_file or self.settings.checkpoint_file
        if checkpoints_file is not None and not checkpoints_file.is_file():
            raise InvalidInput("the checkpoint file does not exist")
        try:
            exported = read_checkpoints(file) if file is not None and file.is_file() else None
            verifier = self._signer.verifier if self._signer else CheckpointVerifier.load(self.key_path)
            mac = self._mac or load_event_mac(self.mac_key_path, self.settings.mac_key_env, create=False)
        except (ValueError, OSError, GatewayError) as exc:
            log.error("audit verification could not load its keys or checkpoint file: %s", type(exc).__name__)
            raise AuditFailed("the audit keys or the checkpoint file could not be read") from exc
        engine = self.db.engine
        options: dict[str, Any] = {"isolation_level": "REPEATABLE READ"} if self._postgres else {}
        try:
            with engine.connect().execution_options(**options) as conn:
                return verify_chain(conn, verifier, from_seq, to_seq, mac=mac, exported=exported)
        except Exception as exc:
            log.error("audit verification could not run: %s", type(exc).__name__)
            raise AuditFailed("the audit trail could not be read") from exc

    def get(self, seq: int) -> AuditRecord:
        if not 1 <= seq < 2**63:  # beyond any sequence number (and any database integer)
            raise NotFound("no audit event with that id")
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
            head_seq = self._head(session).seq
            lowest = session.scalar(select(func.min(AuditEntry.seq)))
            through = min(candidate, retention.prunable_through(session, older_than, head_seq))
            deleted = 0
            if lowest is not None and through >= lowest:
                anchor = session.execute(select(AuditEntry.hash, AuditEntry.mac).where(AuditEntry.seq == through)
                                         ).one()  # fmt: skip
                self._sign_locked(session, through, anchor.hash, "prune", anchor.mac, verified=True)
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
        """One serialised write transaction; database errors become AuditFailed (fail closed). Checkpoints it
        signed are appended to ``audit.checkpoint_file`` once it has committed."""
        exported: list[str] = []
        try:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                if self._postgres:
                    session.execute(select(func.pg_advisory_xact_lock(ADVISORY_LOCK_KEY)))
                session.info["exported"] = exported
                yield session
        except GatewayError:
            raise
        except Exception as exc:
            log.error("audit %s failed: %s", what, type(exc).__name__)
            raise AuditFailed("the audit event could not be written; the request was not completed") from exc
        if exported and self.settings.checkpoint_file is not None:
            try:
                export_checkpoints(self.settings.checkpoint_file, exported)
            except OSError as exc:
                log.error("audit checkpoint could not be exported to audit.checkpoint_file: %s", type(exc).__name__)
                raise AuditFailed("the audit checkpoint could not be exported; the request was not completed") \
                    from exc

    @staticmethod
    def _head(session: Session) -> _Head:
        row = session.execute(select(AuditEntry.seq, AuditEntry.hash, AuditEntry.mac)
                              .order_by(AuditEntry.seq.desc()).limit(1)).first()
        if row is not None:
            return _Head(row[0], row[1], row[2], from_event=True)
        # everything pruned or nothing yet: continue from the newest checkpoint, if any
        cp = session.execute(select(AuditCheckpoint.seq, AuditCheckpoint.hash, AuditCheckpoint.event_mac)
                             .order_by(AuditCheckpoint.seq.desc()).limit(1)).first()
        return _Head(cp[0], cp[1], cp[2], from_event=False) if cp is not None else _Head(0, GENESIS_HASH, None, False)

    def _check_head(self, session: Session, head: _Head) -> None:
        """Refuse to chain to a head this process cannot vouch for: one without a valid MAC, or one that does not
        descend from the last event this process wrote. Once refused, every write of this process fails."""
        if self._refused is not None:
            raise AuditFailed(self._refused)
        problem = None
        mac = self._event_mac(session)
        if head.from_event and head.mac is not None and not mac.check(head.seq, head.hash, head.mac):
            problem = "the newest event's MAC does not check"
        elif head.from_event and head.mac is None and session.scalar(
                select(AuditEntry.seq).where(AuditEntry.mac.is_not(None)).limit(1)) is not None:
            problem = "the newest event carries no MAC although earlier ones do"
        elif self._last is not None:
            last_seq, last_hash = self._last
            if head.seq < last_seq:
                problem = "the chain head went back before the last event this process wrote"
            elif (head.seq == last_seq and head.hash != last_hash) or (head.seq > last_seq and session.scalar(
                    select(AuditEntry.hash).where(AuditEntry.seq == last_seq)) not in (last_hash, None)):
                problem = "the last event this process wrote was rewritten"
        if problem is not None:
            self._refused = ("the audit trail was changed outside the gateway; it refuses to append until an "
                             "administrator has checked it (`gateway audit verify`)")
            log.critical("audit trail tampering detected: %s; writes are refused", problem)
            raise AuditFailed(self._refused)

    def _append_locked(self, session: Session, event: AuditEvent) -> AuditRecord:
        head = self._head(session)
        self._check_head(session, head)
        seq = head.seq + 1
        digest = event_hash(seq, head.hash, event)
        mac = self._event_mac(session).of(seq, digest)
        session.execute(insert(AuditEntry), [{**entry_values(seq, head.hash, digest, event), "mac": mac}])
        if event.citations:
            session.execute(insert(AuditCitation), citation_values(seq, event.citations))
        self._last = (seq, digest)
        if seq % self.settings.checkpoint_every == 0:
            self._sign_locked(session, seq, digest, "periodic", mac)
        elif time.monotonic() - self._last_checkpoint >= self.settings.checkpoint_interval_s:
            self._sign_locked(session, seq, digest, "timed", mac)
        return AuditRecord(seq, head.hash, digest, event)

    def _sign_locked(self, session: Session, seq: int, head_hash: str, reason: str, event_mac: str | None, *,
                     verified: bool = False) -> None:
        """Sign (seq, hash, MAC) after verifying the unsigned part of the chain up to it (``verified``: the caller
        just did); a part that does not verify is never signed."""
        signer = self._signing_key(session)
        if not verified:
            newest = session.scalar(select(func.max(AuditCheckpoint.seq)).where(AuditCheckpoint.seq < seq)) or 0
            report = verify_chain(session.connection(), signer.verifier, newest + 1 if newest else None, seq,
                                  mac=self._event_mac(session))
            if not report.intact:
                assert report.first_break is not None
                log.critical("refusing to sign a checkpoint: the chain breaks at seq %d (%s)",
                             report.first_break.seq, report.first_break.kind)
                self._refused = ("the audit trail was changed outside the gateway; it refuses to append until an "
                                 "administrator has checked it (`gateway audit verify`)")
                raise AuditFailed(self._refused)
        at = utcnow()
        signature = signer.sign(checkpoint_message(seq, head_hash, at, reason, signer.key_id, event_mac))
        session.add(AuditCheckpoint(seq=seq, hash=head_hash, at=at, reason=reason, key_id=signer.key_id,
                                    signature=signature, event_mac=event_mac))
        session.info.setdefault("exported", []).append(
            checkpoint_line(seq, head_hash, at, reason, signer.key_id, signature, event_mac))
        self._last_checkpoint = time.monotonic()

    def _event_mac(self, session: Session) -> EventMac:
        """The audit MAC key, created on first use; never silently replaced: if its file is gone while MAC'd events
        exist, every write fails (fail closed) until it is restored."""
        with self._signer_lock:
            if self._mac is None:
                try:
                    found = load_event_mac(self.mac_key_path, self.settings.mac_key_env, create=False)
                    if found is None:
                        if session.scalar(select(AuditEntry.seq).where(AuditEntry.mac.is_not(None)).limit(1)):
                            log.error("the audit MAC key file is missing but MAC'd events exist; restore it")
                            raise AuditFailed("the audit MAC key is missing; the audit trail cannot be written")
                        found = load_event_mac(self.mac_key_path, None, create=True)
                except ConfigurationError as exc:
                    log.error("the audit MAC key cannot be used: %s", exc.message)
                    raise AuditFailed("the audit MAC key cannot be used; the audit trail cannot be written") from exc
                assert found is not None
                self._mac = found
            return self._mac

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
                try:
                    self._signer = CheckpointSigner.load_or_create(self.key_path)
                except (ConfigurationError, ValueError) as exc:
                    log.error("the audit signing key cannot be used: %s", exc)
                    raise AuditFailed("the audit signing key cannot be used; the audit trail cannot be written") \
                        from exc
            return self._signer


class _DenialTally:
    """Counts unauthenticated denials between the individually recorded first of each window and its end."""

    def __init__(self, window_s: float) -> None:
        self.window_s = window_s
        self._lock = threading.Lock()
        self._opened: float | None = None
        self._ready: AuditEvent | None = None
        self._reset()

    def _reset(self) -> None:
        self._count = 0
        self._reasons: dict[str, int] = {}
        self._paths: dict[str, int] = {}
        self._first: datetime | None = None
        self._last: datetime | None = None
        self._policy_version = ""

    def first_of_window(self, decision: Decision) -> bool:
        """True when this denial opens a window (record it on its own); else it is counted for the aggregate."""
        if self.window_s <= 0:
            return True
        with self._lock:
            now = time.monotonic()
            if self._opened is not None and now - self._opened < self.window_s:
                self._count += 1
                _bump(self._reasons, decision.reason[:96])
                _bump(self._paths, decision.path[:96])
                self._first = self._first or decision.at
                self._last = decision.at
                self._policy_version = decision.policy_version
                return False
            self._close_window()
            self._opened = now
            return True

    def due(self, *, force: bool = False) -> AuditEvent | None:
        """The aggregate of a finished window (with ``force``, of the current one) not yet written, once."""
        with self._lock:
            if self._opened is not None and (force or time.monotonic() - self._opened >= self.window_s):
                self._close_window()
                self._opened = None
            ready, self._ready = self._ready, None
            return ready

    def _close_window(self) -> None:
        if self._count == 0:
            return
        self._ready = AuditEvent(
            action=Actions.ACCESS_DENIED, outcome="denied", request_id=f"unauthenticated-{uuid.uuid4().hex}",
            user=None, roles=(), policy_version=self._policy_version, http_status=401,
            details={"aggregated": self._count, "window_s": self.window_s,
                     "first_at": self._first.isoformat() if self._first else None,
                     "last_at": self._last.isoformat() if self._last else None,
                     "reasons": _top(self._reasons), "paths": _top(self._paths)},
        )
        self._reset()


def _bump(counts: dict[str, int], key: str) -> None:
    if key in counts or len(counts) < 64:
        counts[key] = counts.get(key, 0) + 1
    else:
        counts["(other)"] = counts.get("(other)", 0) + 1


def _top(counts: dict[str, int], n: int = 10) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: -item[1])[:n])


@dataclass(frozen=True, slots=True)
class _Head:
    seq: int
    hash: str
    mac: str | None
    from_event: bool
    """False when the head is a checkpoint (every event pruned, or none yet)."""


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
