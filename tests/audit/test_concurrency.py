"""Concurrent appends from threads and from worker processes keep the chain intact and gapless."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import func, select

from gateway.audit import AuditTrail
from gateway.db.tables import AuditEntry

from ._appender import append_many
from .conftest import make_event


def _assert_gapless_and_intact(trail: AuditTrail, expected: int) -> None:
    with trail.db.session() as session:
        seqs = session.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)).all()
        distinct_requests = session.scalar(select(func.count(func.distinct(AuditEntry.request_id))))
    assert list(seqs) == list(range(1, expected + 1))
    assert distinct_requests == expected
    report = trail.verify()
    assert report.intact, report.lines()
    assert report.checkpoints_checked == expected // 10


def test_eight_threads_appending_at_once_leave_an_intact_gapless_chain(trail: AuditTrail) -> None:
    per_thread = 25

    def work(worker: int) -> None:
        for i in range(per_thread):
            trail.append(make_event(i, request_id=f"t{worker}-{i}"))

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(work, range(8)))
    _assert_gapless_and_intact(trail, 8 * per_thread)


def test_four_processes_appending_at_once_leave_an_intact_gapless_chain(
    trail: AuditTrail, db_url: str, key_path: Path
) -> None:
    per_process = 40
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [
        context.Process(target=append_many, args=(db_url, str(key_path), w, per_process, start)) for w in range(4)
    ]
    for w in workers:
        w.start()
    start.set()  # the key file does not exist yet: the processes also race to create it
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    _assert_gapless_and_intact(trail, 4 * per_process)
