"""SQLite hygiene for erasure: overwrite what is deleted, and fold the write-ahead log back into the file.

Without ``secure_delete`` SQLite leaves deleted cells in free space, and old page images stay in the ``-wal`` file
after a checkpoint until overwritten; either would keep a destroyed key's wrapped bytes on disk. PostgreSQL keeps
dead tuples until VACUUM; that is the operator's routine and is not done here.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from gateway.db.session import Database


def secure_delete(session: Session) -> None:
    """Make this session's connection zero what it deletes (SQLite; a no-op elsewhere)."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))


def checkpoint_wal(db: Database) -> bool:
    """Copy the WAL into the database file and truncate it; True when it completed (SQLite), or not SQLite.

    It cannot complete while another connection holds an old snapshot; the caller records that in the receipt."""
    if db.engine.dialect.name != "sqlite":
        return True
    with db.engine.connect() as conn:
        busy, _, _ = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        conn.commit()
    return busy == 0
