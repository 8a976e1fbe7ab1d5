"""A worker process for the concurrency tests: its own engine, its own AuditTrail, the same database and key."""

from __future__ import annotations

import multiprocessing.synchronize
from pathlib import Path

from .conftest import make_event, open_trail


def append_many(db_url: str, key_path: str, worker: int, count: int, start: multiprocessing.synchronize.Event) -> None:
    trail = open_trail(db_url, Path(key_path))
    start.wait(30)
    for i in range(count):
        trail.append(make_event(i, request_id=f"p{worker}-{i}"))
    trail.db.dispose()
