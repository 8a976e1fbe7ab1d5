"""Audit trail throughput: chained appends under 8 concurrent writers vs plain inserts of the same rows, and the
time to verify a 100k-event chain, on SQLite (file in a temp dir) and PostgreSQL (a fresh database).

    .venv/bin/python bench/audit.py [--appends 2000] [--verify-events 100000] [--pg-admin-url URL]

The baseline, "plain insert", writes the same row values in the same one-commit-per-event way but takes no lock,
reads no head and hashes nothing: the ratio printed last is audited appends/s ÷ plain inserts/s, i.e. what the
chain and its serialisation cost. The 100k chain for verification is built by bulk insert (same hashes, same
checkpoints every 100) so the run takes minutes, not hours. Not a test: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import cast

from sqlalchemy import Column, Index, MetaData, Table, create_engine, insert, text
from sqlalchemy.engine import make_url

from gateway.audit import AuditEvent, AuditSettings, AuditTrail, Citation
from gateway.audit.canonical import GENESIS_HASH, checkpoint_message, event_hash
from gateway.audit.rows import citation_values, entry_values
from gateway.audit.signing import CheckpointSigner
from gateway.db.base import utcnow
from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.db.tables import AuditCheckpoint, AuditCitation, AuditEntry

WRITERS = 8


def event(i: int) -> AuditEvent:
    return AuditEvent(
        action="chat", outcome="ok", http_status=200, request_id=f"bench-{i}", user="alice", roles=("teller",),
        policy_version="a" * 64, masked_query=f"What is the balance of <PERSON_1>'s account <IBAN_CODE_1>? #{i}",
        masked_answer="Please ask <PERSON_1> to visit a branch; balances are not available here.",
        citations=(Citation("doc-1", "Branch procedures", 3, "c-17", "c" * 64, 0.83),),
        masked_entities={"PERSON": 1, "IBAN_CODE": 1}, model_file="SmolLM2-135M-Instruct.Q4_1.gguf",
        model_hash="b" * 64, prompt_tokens=42, completion_tokens=17, latency_ms=120.5, details={"stream": False},
    )


def concurrently(total: int, work: Callable[[int], object]) -> float:
    """Events per second for ``total`` calls of ``work`` spread over WRITERS threads."""
    per_writer = total // WRITERS

    def writer(w: int) -> None:
        for i in range(per_writer):
            work(w * per_writer + i)

    started = time.perf_counter()
    with ThreadPoolExecutor(WRITERS) as pool:
        list(pool.map(writer, range(WRITERS)))
    return per_writer * WRITERS / (time.perf_counter() - started)


def plain_inserts(url: str, total: int) -> float:
    """The baseline: the same rows into a copy of the table, one commit each, no lock, no head, no hash."""
    metadata = MetaData()
    source = cast(Table, AuditEntry.__table__)
    table = Table("bench_plain_events", metadata, *(
        Column(c.name, c.type, primary_key=c.primary_key, autoincrement=False, nullable=c.nullable)
        for c in source.columns
    ))
    for index in source.indexes:  # the same indexes, so the baseline pays the same index maintenance
        Index(f"bench_{index.name}", *(table.c[c.name] for c in index.columns))
    db = Database(url)
    metadata.create_all(db.engine)
    seqs, lock = itertools.count(1), threading.Lock()

    def work(i: int) -> None:
        with lock:
            seq = next(seqs)
        with db.engine.begin() as conn:
            conn.execute(insert(table), [entry_values(seq, GENESIS_HASH, "0" * 64, event(i))])

    try:
        return concurrently(total, work)
    finally:
        metadata.drop_all(db.engine)
        db.dispose()


def audited_appends(url: str, key: Path, total: int) -> float:
    trail = AuditTrail(Database(url), AuditSettings(checkpoint_on_read=False), key_path=key)
    try:
        return concurrently(total, lambda i: trail.append(event(i)))
    finally:
        trail.close()
        trail.db.dispose()


def build_chain(url: str, key: Path, count: int) -> None:
    """A valid chain of ``count`` events with a signed checkpoint every 100, written in bulk."""
    signer = CheckpointSigner.load_or_create(key)
    db = Database(url)
    prev, seq = GENESIS_HASH, 0
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_citations"))
        conn.execute(text("DELETE FROM audit_checkpoints"))
        conn.execute(text("DELETE FROM audit_events"))
    while seq < count:
        rows, cites, cps = [], [], []
        for _ in range(min(5000, count - seq)):
            seq += 1
            e = event(seq)
            digest = event_hash(seq, prev, e)
            rows.append(entry_values(seq, prev, digest, e))
            cites.extend(citation_values(seq, e.citations))
            if seq % 100 == 0:
                at = utcnow()
                cps.append({"seq": seq, "hash": digest, "at": at, "reason": "periodic", "key_id": signer.key_id,
                            "signature": signer.sign(checkpoint_message(seq, digest, at, "periodic", signer.key_id))})
            prev = digest
        with db.engine.begin() as conn:
            conn.execute(insert(AuditEntry), rows)
            conn.execute(insert(AuditCitation), cites)
            if cps:
                conn.execute(insert(AuditCheckpoint), cps)
    db.dispose()


def verify_seconds(url: str, key: Path) -> tuple[float, int, bool]:
    trail = AuditTrail(Database(url), AuditSettings(checkpoint_on_read=False), key_path=key)
    started = time.perf_counter()
    report = trail.verify()
    elapsed = time.perf_counter() - started
    trail.db.dispose()
    return elapsed, report.events_checked, report.intact


def run(name: str, url: str, key: Path, appends: int, verify_events: int) -> dict[str, float | str]:
    upgrade(url)
    plain = plain_inserts(url, appends)
    audited = audited_appends(url, key, appends)
    build_chain(url, key, verify_events)
    seconds, checked, intact = verify_seconds(url, key)
    return {"db": name, "audited": audited, "plain": plain, "verify_s": seconds,
            "verify_rate": checked / seconds, "intact": "yes" if intact else "NO"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appends", type=int, default=2000)
    parser.add_argument("--verify-events", type=int, default=100_000)
    parser.add_argument("--pg-admin-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        key = Path(tmp) / "keys" / "audit-signing.key"
        results.append(run("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", key, args.appends, args.verify_events))
        admin = create_engine(args.pg_admin_url, isolation_level="AUTOCOMMIT")
        name = f"bench_audit_{uuid.uuid4().hex[:10]}"
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            pg_url = make_url(args.pg_admin_url).set(database=name).render_as_string(hide_password=False)
            results.append(run("PostgreSQL", pg_url, key, args.appends, args.verify_events))
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    print(f"{args.appends} appends by {WRITERS} concurrent writers; verification of a {args.verify_events}-event chain")
    print(f"{'database':<11} {'audited appends/s':>18} {'plain inserts/s':>16} {'verify s':>9} {'verify events/s':>16} "
          f"{'intact':>6}")
    for r in results:
        print(f"{r['db']:<11} {r['audited']:>18,.0f} {r['plain']:>16,.0f} {r['verify_s']:>9.2f} "
              f"{r['verify_rate']:>16,.0f} {r['intact']:>6}")
    ratios = ", ".join(f"{r['db']} {float(r['audited']) / float(r['plain']):.2f}" for r in results)
    print(f"ratio audited appends/s ÷ plain inserts/s ({WRITERS} writers): {ratios}")


if __name__ == "__main__":
    main()
