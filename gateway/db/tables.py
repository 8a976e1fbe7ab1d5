"""ORM models. Every table the gateway owns is declared here; its schema is created by Alembic (``migrations/``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gateway.db.base import Base, UtcDateTime, utcnow


class User(Base):
    """A person or service that calls the gateway; its rights come from its roles."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    disabled: Mapped[bool] = mapped_column(default=False)

    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin", order_by="UserRole.role"
    )
    api_keys: Mapped[list[ApiKey]] = relationship(back_populates="user", cascade="all, delete-orphan")

    @property
    def role_names(self) -> tuple[str, ...]:
        return tuple(r.role for r in self.roles)


class UserRole(Base):
    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(64), primary_key=True)

    user: Mapped[User] = relationship(back_populates="roles")


class ApiKey(Base):
    """An API key. Only a salted hash of its secret is stored; the key itself is shown once, at creation."""

    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    """Public key id, the part of the key between ``gwk_`` and the secret; used to find the row."""
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    salt: Mapped[bytes] = mapped_column(LargeBinary(32))
    secret_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)

    user: Mapped[User] = relationship(back_populates="api_keys", lazy="joined")


# --- Audit trail (gateway/audit): an append-only hash chain, its signed checkpoints and legal holds. ---------------


class AuditEntry(Base):
    """One audit event, chained to its predecessor by ``prev_hash``; ``seq`` is gapless (see gateway.audit.trail).

    Text columns hold masked text only. ``roles`` is stored as ``,role_a,role_b,`` so a role filter is one LIKE.
    """

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    request_id: Mapped[str] = mapped_column(String(64), index=True)
    user_name: Mapped[str | None] = mapped_column(String(128), index=True)
    roles: Mapped[str] = mapped_column(String(1024))
    policy_version: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    http_status: Mapped[int | None] = mapped_column()
    masked_query: Mapped[str | None] = mapped_column(Text)
    masked_answer: Mapped[str | None] = mapped_column(Text)
    masked_entities: Mapped[str] = mapped_column(Text)
    """JSON object: entity type → count masked."""
    model_file: Mapped[str | None] = mapped_column(String(512))
    model_hash: Mapped[str | None] = mapped_column(String(128))
    prompt_tokens: Mapped[int | None] = mapped_column()
    completion_tokens: Mapped[int | None] = mapped_column()
    latency_ms: Mapped[float | None] = mapped_column()
    document_id: Mapped[str | None] = mapped_column(String(128), index=True)
    details: Mapped[str] = mapped_column(Text)
    """JSON object of a few identifiers and counts."""
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), index=True)
    mac: Mapped[str | None] = mapped_column(String(64), default=None)
    """HMAC-SHA256 of (seq, hash) under the audit MAC key, which is kept off the database: without it, nobody can
    add or rewrite an event the verifier accepts, even after the newest checkpoint (``gateway.audit.integrity``)."""

    citations: Mapped[list[AuditCitation]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", lazy="selectin", order_by="AuditCitation.position"
    )


class AuditCitation(Base):
    """A passage an audited answer cited, by reference (document, version, chunk, content hash); never its text."""

    __tablename__ = "audit_citations"

    event_seq: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("audit_events.seq", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    document_id: Mapped[str] = mapped_column(String(128), index=True)
    title: Mapped[str] = mapped_column(String(512))
    version: Mapped[int] = mapped_column()
    chunk_id: Mapped[str] = mapped_column(String(128))
    chunk_hash: Mapped[str] = mapped_column(String(64))
    score: Mapped[float] = mapped_column()

    entry: Mapped[AuditEntry] = relationship(back_populates="citations")


class AuditCheckpoint(Base):
    """A signed statement "the chain head was (seq, hash) at time T"; ``reason='prune'`` rows anchor verification
    after older events were removed."""

    __tablename__ = "audit_checkpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    reason: Mapped[str] = mapped_column(String(16))
    key_id: Mapped[str] = mapped_column(String(32))
    signature: Mapped[bytes] = mapped_column(LargeBinary(64))
    event_mac: Mapped[str | None] = mapped_column(String(64), default=None)
    """The MAC of the checkpointed event, signed with it: nulling MACs cannot pass the signed part off as old."""


class AuditHold(Base):
    """A legal hold: events of this user, or citing or acting on this document, are not pruned."""

    __tablename__ = "audit_holds"
    __table_args__ = (UniqueConstraint("kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    """``user`` or ``document``."""
    value: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


# --- Knowledge base (gateway/kb): document registry and the key store for envelope encryption. ----------------------
# Nothing here is plaintext document content: identities and content hashes are keyed HMACs, keys are wrapped.


class KbKey(Base):
    """A wrapped key: the blind-index key and collection keys (wrapped by the master key), document data keys
    (wrapped by their collection key). Destroying a key (``wrapped=NULL``) crypto-shreds what it protected."""

    __tablename__ = "kb_keys"

    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    """``index``, ``collection:<name>`` or ``document:<doc id>``."""
    scope: Mapped[str] = mapped_column(String(16))
    collection: Mapped[str | None] = mapped_column(String(128), index=True)
    wrapped: Mapped[bytes | None] = mapped_column(LargeBinary)
    wrapped_by: Mapped[str] = mapped_column(String(160))
    """The wrapping key: the master key's id, or ``collection:<name>``."""
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    destroyed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


class KbDocument(Base):
    """A document of the knowledge base across its versions; ``active_version`` is the one being served."""

    __tablename__ = "kb_documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    collection: Mapped[str] = mapped_column(String(128), index=True)
    identity: Mapped[bytes] = mapped_column(LargeBinary(32), unique=True)
    """HMAC of (collection, source name): finds the document again on re-ingest without storing its name."""
    active_version: Mapped[int | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    origin: Mapped[bytes | None] = mapped_column(LargeBinary(32), default=None, index=True)
    """HMAC of (collection, folder) for a document ``gateway kb sync`` mirrors from a folder; None otherwise."""

    versions: Mapped[list[KbDocumentVersion]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="KbDocumentVersion.version"
    )


class KbDocumentVersion(Base):
    """One ingested version: ``pending`` while its chunks are written, ``active`` once served, then ``superseded``."""

    __tablename__ = "kb_document_versions"

    document_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("kb_documents.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    content_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    """HMAC of the content, title, metadata and classification: an unchanged re-ingest is a no-op."""
    classification: Mapped[int] = mapped_column()
    state: Mapped[str] = mapped_column(String(16))
    chunk_count: Mapped[int] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    activated_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    valid_from: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    valid_until: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    """The version is served only from ``valid_from`` and before ``valid_until`` (either may be open)."""

    document: Mapped[KbDocument] = relationship(back_populates="versions")


# --- Purge (gateway/kb/purge.py, issue #7): resumable erasure jobs and their signed receipts. -----------------------


class PurgeJob(Base):
    """One erasure of a document or a collection, advanced step by step so a crash resumes where it stopped.

    ``plan`` (JSON) is what the job found before it touched anything: versions, chunk counts, Lance fragments and the
    fingerprints of the keys it destroys; never document text. Once ``status='done'``, ``receipt`` holds the signed
    receipt body (canonical JSON) and ``signature`` its Ed25519 signature by the audit key ``key_id``."""

    __tablename__ = "purge_jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    """``document``, ``collection`` or ``documents`` (a data subject's documents, purged as one job)."""
    target: Mapped[str] = mapped_column(String(128), index=True)
    """The document id (a random id, not derived from content), the collection name, or for ``documents``
    ``subject:`` and a keyed-hash prefix of the subject (never the value)."""
    actor: Mapped[str] = mapped_column(String(128))
    step: Mapped[str] = mapped_column(String(16))
    """The last step completed (``planned`` first); see ``gateway.kb.purge.STEPS``."""
    status: Mapped[str] = mapped_column(String(16), index=True)
    """``running`` until the receipt is sealed, then ``done``."""
    plan: Mapped[str] = mapped_column(Text)
    receipt: Mapped[str | None] = mapped_column(Text, default=None)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary(64), default=None)
    key_id: Mapped[str | None] = mapped_column(String(32), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


class SubjectIndexEntry(Base):
    """A chunk mentions a data subject: the keyed HMAC of one normalised personal value found in it at ingestion
    (``gateway.kb.purge_subjects``); the value itself is never stored."""

    __tablename__ = "subject_index"

    id: Mapped[int] = mapped_column(primary_key=True)
    chunk_id: Mapped[str] = mapped_column(String(160), index=True)
    doc_id: Mapped[str] = mapped_column(String(32), index=True)
    value_hmac: Mapped[bytes] = mapped_column(LargeBinary(32), index=True)


# --- Answer quality (gateway/review): officers' verdicts on audited answers and staff feedback. ----------------------
# Notes and comments are stored masked; each row names the audited answer (its chat event) and, copied from it, the
# role, model and time it was given, so quality can be aggregated after the trail has been pruned.


class AnswerReview(Base):
    """A compliance officer's verdict on an audited answer (``correct``, ``incorrect``, ``unsafe``,
    ``personal_data_leaked``); an answer may be reviewed again, the latest verdict counts."""

    __tablename__ = "answer_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    """The reviewed answer's chat event (no foreign key: retention may prune the event, the verdict stays)."""
    request_id: Mapped[str] = mapped_column(String(64), index=True)
    verdict: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    """The officer's note, masked under their role's rules before it was stored."""
    reviewer: Mapped[str] = mapped_column(String(128))
    reviewed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    answer_role: Mapped[str | None] = mapped_column(String(64), index=True)
    model_file: Mapped[str | None] = mapped_column(String(512))
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class AnswerFeedback(Base):
    """Staff feedback on an answer they received: ``up`` or ``down`` and an optional (masked) comment; a later
    rating of the same answer by the same person supersedes the earlier one."""

    __tablename__ = "answer_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    request_id: Mapped[str] = mapped_column(String(64), index=True)
    user_name: Mapped[str] = mapped_column(String(128))
    rating: Mapped[str] = mapped_column(String(8))
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    answer_role: Mapped[str | None] = mapped_column(String(64), index=True)
    model_file: Mapped[str | None] = mapped_column(String(512))
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class ConsoleSession(Base):
    """A signed-in web console session (``gateway/policy/sessions.py``). Only a SHA-256 of the session token is
    stored, so a copy of the database opens no session; the token itself lives in the browser's httpOnly cookie."""

    __tablename__ = "console_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    """sha256 (hex) of the session token."""
    user_name: Mapped[str] = mapped_column(String(128), index=True)
    roles: Mapped[str] = mapped_column(String(1024))
    """Comma-separated roles as at sign-in (API-key sessions re-read them from the key's user on every request)."""
    auth_method: Mapped[str] = mapped_column(String(16))
    key_id: Mapped[str | None] = mapped_column(String(32), default=None)
    """The API key signed in with: its revocation ends the session."""
    locale: Mapped[str | None] = mapped_column(String(8), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
