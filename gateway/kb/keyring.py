"""The key ring: envelope encryption's middle layers, persisted wrapped in the SQL key store (``kb_keys``).

    master key (KeyProvider)      wraps → index key (blind index, identities, content hashes)
                                  wraps → collection key, one per collection
    collection key                wraps → document data key, one per document (all its versions)
    document data key             seals → chunk text, title and metadata (AES-256-GCM, AAD = doc/version/chunk)

Destroying a document key (or a collection key) makes everything it protected unreadable: crypto-shredding.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
from collections import OrderedDict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from gateway.db.base import utcnow
from gateway.db.hygiene import secure_delete
from gateway.db.session import Database
from gateway.db.tables import KbKey
from gateway.errors import ConfigurationError, NotFound
from gateway.kb.keys import KeyProvider
from gateway.kb.sealing import new_key, seal, unseal

_INDEX_KEY_ID = "index"
_CACHE_SIZE = 4096


def _collection_key_id(collection: str) -> str:
    return f"collection:{collection}"


def _document_key_id(doc_id: str) -> str:
    return f"document:{doc_id}"


class KeyRing:
    """Creates, unwraps and destroys the knowledge base's keys. Unwrapped keys are cached in memory (bounded)."""

    def __init__(self, db: Database, master: KeyProvider) -> None:
        self._db = db
        self._master = master
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def holds_keys(db: Database) -> bool:
        """Whether any key was ever created (then a missing master key is an error, not a first start)."""
        with db.session() as session:
            return session.scalar(select(KbKey.id).limit(1)) is not None

    def verify(self) -> None:
        """Unwrap the index key now, so a wrong master key stops start-up instead of failing the first search."""
        try:
            self.index_key()
        except Exception as exc:
            raise ConfigurationError(
                "the knowledge-base master key does not open the key store (wrong key file or variable? if a "
                "master-key rotation was interrupted, run `gateway kb rotate-master-key` again)"
            ) from exc

    # -- the index key --------------------------------------------------------------------------------------------
    def index_key(self) -> bytes:
        return self._get_or_create(_INDEX_KEY_ID, scope="index", collection=None, parent=None)

    def derive(self, purpose: str) -> bytes:
        """A sub-key of the index key for one purpose (``lexical``, ``identity``, ``content``)."""
        return hmac.new(self.index_key(), f"gateway-kb/{purpose}".encode(), hashlib.sha256).digest()

    # -- collection and document keys -----------------------------------------------------------------------------
    def collection_key(self, collection: str) -> bytes:
        return self._get_or_create(_collection_key_id(collection), scope="collection", collection=collection,
                                   parent=None)

    def document_key(self, doc_id: str, collection: str) -> bytes:
        """The document's data key, created with the document's first version."""
        return self._get_or_create(_document_key_id(doc_id), scope="document", collection=collection,
                                   parent=collection)

    def ensure_document_keys(self, documents: Iterable[tuple[str, str]]) -> dict[str, bytes]:
        """Data keys for (doc id, collection) pairs, creating the missing ones in ONE transaction (bulk ingest)."""
        wanted = dict(documents)
        found = self.document_keys(wanted)
        missing = {d: c for d, c in wanted.items() if d not in found}
        if missing:
            rows = []
            for doc_id, collection in missing.items():
                key, key_id = new_key(), _document_key_id(doc_id)
                wrapped = seal(self.collection_key(collection), key, b"wrap|" + key_id.encode())
                rows.append(KbKey(id=key_id, scope="document", collection=collection, wrapped=wrapped,
                                  wrapped_by=_collection_key_id(collection)))
                found[doc_id] = key
            with self._db.session() as session:
                session.add_all(rows)
            for row in rows:
                self._remember(row.id, found[row.id.removeprefix("document:")])
        return found

    def document_keys(self, doc_ids: Iterable[str]) -> dict[str, bytes]:
        """Data keys of several documents in one query (search decrypts hits from many documents)."""
        wanted = {d: _document_key_id(d) for d in set(doc_ids)}
        found: dict[str, bytes] = {}
        with self._lock:
            for doc_id, key_id in wanted.items():
                if key_id in self._cache:
                    found[doc_id] = self._cache[key_id]
        missing = [key_id for doc_id, key_id in wanted.items() if doc_id not in found]
        if missing:
            with self._db.session() as session:
                rows = session.scalars(select(KbKey).where(KbKey.id.in_(missing))).all()
            for row in rows:
                if row.wrapped is None or row.collection is None:
                    continue
                key = self.unwrap(row)
                self._remember(row.id, key)
                found[row.id.removeprefix("document:")] = key
        return found

    def unwrap(self, row: KbKey) -> bytes:
        """Unwrap one stored key with its parent (master key or collection key)."""
        if row.wrapped is None:
            raise NotFound("the key was destroyed")
        context = row.id.encode()
        if row.scope == "document":
            assert row.collection is not None
            return unseal(self.collection_key(row.collection), row.wrapped, b"wrap|" + context)
        if row.wrapped_by != self._master.key_id:
            raise ConfigurationError(f"key {row.id} is wrapped by master key {row.wrapped_by}, not the one configured")
        return self._master.unwrap(row.wrapped, context)

    # -- crypto-shredding (issue #7) ------------------------------------------------------------------------------
    def destroy_document_key(self, doc_id: str) -> None:
        """Erase a document's wrapped data key: every version of its chunks becomes undecipherable."""
        self.destroy_keys([_document_key_id(doc_id)])

    def fingerprints(self, key_ids: Iterable[str]) -> dict[str, str]:
        """sha256 of each live wrapped key: what a purge receipt names, so the destroyed key can be identified
        later without being kept."""
        with self._db.session() as session:
            rows = session.scalars(select(KbKey).where(KbKey.id.in_(list(key_ids)))).all()
        return {row.id: hashlib.sha256(row.wrapped).hexdigest() for row in rows if row.wrapped is not None}

    def destroy_keys(self, key_ids: Iterable[str], *, forget: bool = False) -> None:
        """Erase several wrapped keys in one transaction, their bytes overwritten on SQLite (gateway.db.hygiene); keys
        already destroyed are skipped, so this is safe to repeat. ``forget`` also drops the rows (a purged
        collection may be used again: its next document gets a fresh collection key)."""
        wanted = list(key_ids)
        with self._db.session() as session:
            secure_delete(session)
            for row in session.scalars(select(KbKey).where(KbKey.id.in_(wanted))).all():
                if forget:
                    session.delete(row)
                elif row.wrapped is not None:
                    row.wrapped, row.destroyed_at = None, utcnow()
        with self._lock:
            for key_id in wanted:
                self._cache.pop(key_id, None)
            if any(k.startswith("collection:") for k in wanted):
                for key_id in [k for k in self._cache if k.startswith("document:")]:
                    del self._cache[key_id]

    # -- master-key rotation ----------------------------------------------------------------------------------------
    def rewrap_master(self, new: KeyProvider) -> int:
        """Re-wrap every key the master key wraps (the index key and the collection keys) under ``new``, in one
        transaction; document keys, wrapped by their collection keys, and all ciphertext stay as they are. Keys
        already wrapped by ``new`` are skipped, so an interrupted rotation finishes when run again. Returns how
        many keys were re-wrapped; afterwards only ``new`` opens the key store."""
        old = self._master
        with self._db.session() as session:
            rows = session.scalars(select(KbKey).where(KbKey.wrapped.is_not(None),
                                                       KbKey.wrapped_by.not_like("collection:%"))).all()
            strangers = sorted({r.wrapped_by for r in rows} - {old.key_id, new.key_id})
            if strangers:
                raise ConfigurationError(f"keys wrapped by an unknown master key {strangers}; rotation refused")
            moved = 0
            for row in rows:
                if row.wrapped_by == old.key_id and row.wrapped is not None:
                    key = old.unwrap(row.wrapped, row.id.encode())
                    row.wrapped, row.wrapped_by = new.wrap(key, row.id.encode()), new.key_id
                    moved += 1
        self._master = new
        with self._lock:
            self._cache.clear()
        return moved

    # -- internals ------------------------------------------------------------------------------------------------
    def _remember(self, key_id: str, key: bytes) -> None:
        with self._lock:
            self._cache[key_id] = key
            self._cache.move_to_end(key_id)
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)

    def _get_or_create(self, key_id: str, *, scope: str, collection: str | None, parent: str | None) -> bytes:
        with self._lock:
            if key_id in self._cache:
                self._cache.move_to_end(key_id)
                return self._cache[key_id]
        with self._db.session() as session:
            row = session.get(KbKey, key_id)
        if row is None:
            row = self._create(key_id, scope=scope, collection=collection, parent=parent)
        key = self.unwrap(row)
        self._remember(key_id, key)
        return key

    def _create(self, key_id: str, *, scope: str, collection: str | None, parent: str | None) -> KbKey:
        key = new_key()
        context = key_id.encode()
        if parent is not None:
            wrapped = seal(self.collection_key(parent), key, b"wrap|" + context)
            wrapped_by = _collection_key_id(parent)
        else:
            wrapped, wrapped_by = self._master.wrap(key, context), self._master.key_id
        row = KbKey(id=key_id, scope=scope, collection=collection, wrapped=wrapped, wrapped_by=wrapped_by)
        try:
            with self._db.session() as session:
                session.add(row)
        except IntegrityError:  # another worker created it first; use theirs
            with self._db.session() as session:
                existing = session.get(KbKey, key_id)
            assert existing is not None
            return existing
        return row
