"""Walking the chain and its signed checkpoints, and reporting the first broken link.

What an attacker who can write the database but does not hold the signing key can and cannot do undetected:

* Cannot edit, delete, insert or reorder an event inside the signed part of the chain (at or before the newest
  checkpoint): the edited row's hash no longer matches (``content_modified``), a gap or a dangling ``prev_hash``
  shows (``missing_row``), a row chains to one now stored elsewhere (``reordered``). Recomputing every later hash
  hides none of this, because the checkpoint's signed (seq, hash) then disagrees (``checkpoint_mismatch``).
* Cannot remove the tail of the signed part: the newest checkpoint then names a seq beyond the chain's end
  (``truncated_tail``); cannot forge or relabel a checkpoint (``bad_signature``); cannot delete old events
  without a signed pruning anchor at exactly that point (``missing_row`` at the first absent seq).
* Cannot edit or insert an event after the newest checkpoint either, when the verifier holds the audit MAC key:
  each event carries a keyed MAC (``bad_mac``, ``missing_mac``; see ``gateway.audit.integrity``), and the gateway
  itself refuses to chain to or sign over an event whose MAC does not check.
* CAN truncate events appended after the newest checkpoint (a running writer notices that the head went back and
  fails closed), and can roll the whole database back to an earlier consistent state (deleting later events with
  their checkpoints). Mitigations: checkpoints every ``audit.checkpoint_every`` events and every
  ``audit.checkpoint_interval_s`` while events arrive, on shutdown, and before each verify and export; each
  checkpoint appended to ``audit.checkpoint_file`` outside the database, which verification compares with the
  database (``exported_mismatch``, ``truncated_tail``); the export trailer carries the newest checkpoint.
* CAN read everything in the trail; it holds masked text only, by contract (gateway.audit.events).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from sqlalchemy import Connection, Row, func, select

from gateway.audit.canonical import GENESIS_HASH, checkpoint_message, event_hash, format_time
from gateway.audit.integrity import EventMac
from gateway.audit.rows import event_from_row
from gateway.audit.signing import CheckpointVerifier
from gateway.db.tables import AuditCheckpoint, AuditCitation, AuditEntry

BreakKind = Literal[
    "content_modified", "missing_row", "reordered", "bad_signature", "truncated_tail", "checkpoint_mismatch",
    "bad_mac", "missing_mac", "exported_mismatch",
]
BATCH = 1000

_events = AuditEntry.__table__
_citations = AuditCitation.__table__
_checkpoints = AuditCheckpoint.__table__


@dataclass(frozen=True, slots=True)
class BrokenLink:
    seq: int
    kind: BreakKind
    detail: str


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The result of one verification; ``first_break`` is None when the examined range is intact."""

    first_break: BrokenLink | None
    from_seq: int | None
    to_seq: int | None
    events_checked: int
    checkpoints_checked: int
    head_seq: int
    anchor_seq: int | None
    """The pruning anchor verification started from (None: from the first event ever recorded)."""
    latest_checkpoint: dict[str, Any] | None
    """The newest checkpoint, signature included (hex), so a copy kept elsewhere can pin the chain head."""
    macs_checked: bool = False
    """Whether event MACs were checked (the verifier held the audit MAC key)."""
    exported_checked: int = 0
    """How many checkpoints exported outside the database were compared with it."""

    @property
    def intact(self) -> bool:
        return self.first_break is None

    def to_dict(self) -> dict[str, Any]:
        return {"intact": self.intact, **asdict(self)}

    def lines(self) -> list[str]:
        status = "intact" if self.intact else "BROKEN"
        out = [
            f"audit trail: {status}",
            f"events checked: {self.events_checked} (seq {self.from_seq} to {self.to_seq}), head seq {self.head_seq}",
            f"checkpoints checked: {self.checkpoints_checked}; pruning anchor: {self.anchor_seq}",
            f"event MACs checked: {'yes' if self.macs_checked else 'no (no audit MAC key)'}; "
            f"exported checkpoints compared: {self.exported_checked}",
        ]
        if self.first_break:
            b = self.first_break
            out.append(f"first broken link: seq {b.seq}: {b.kind}: {b.detail}")
        return out


class _Broken(Exception):
    def __init__(self, seq: int, kind: BreakKind, detail: str) -> None:
        super().__init__(detail)
        self.link = BrokenLink(seq, kind, detail)


def verify_chain(
    conn: Connection, verifier: CheckpointVerifier | None, from_seq: int | None = None, to_seq: int | None = None,
    *, mac: EventMac | None = None, exported: list[dict[str, Any]] | None = None,
) -> VerifyReport:
    """Verify events ``from_seq..to_seq`` (default: all), every checkpoint in that range, the pruning anchor and,
    when the range reaches the head, the tail against the newest checkpoint; with ``mac``, every event's MAC; with
    ``exported`` (checkpoints read from ``audit.checkpoint_file``), that the database still agrees with each."""
    head = conn.execute(select(func.max(_events.c.seq))).scalar() or 0
    cps = conn.execute(select(_checkpoints).order_by(_checkpoints.c.seq, _checkpoints.c.id)).all()
    latest = cps[-1] if cps else None
    state = {"events": 0, "checkpoints": 0, "exported": 0}
    anchor = None
    lo = hi = None

    def check_signature(seq: int, head_hash: str, at: Any, reason: str, key_id: str, signature: bytes,
                        event_mac: str | None, where: str) -> None:  # fmt: skip
        if verifier is None:
            raise _Broken(seq, "bad_signature", "no public key to check checkpoint signatures with")
        message = checkpoint_message(seq, head_hash, at, reason, key_id, event_mac)
        if key_id != verifier.key_id or not verifier.verify(message, signature):
            raise _Broken(seq, "bad_signature", f"{where} ({reason}) is not signed by the audit key")

    def signed(cp: Row[Any]) -> None:
        state["checkpoints"] += 1
        check_signature(cp.seq, cp.hash, cp.at, cp.reason, cp.key_id, bytes(cp.signature), cp.event_mac,
                        "checkpoint")

    try:
        anchors = [cp for cp in cps if cp.reason == "prune"]
        if anchors:
            anchor = anchors[-1]
            signed(anchor)
        start = anchor.seq + 1 if anchor else 1
        lo = max(from_seq or start, start)
        hi = min(to_seq, head) if to_seq is not None else head
        if lo == start:
            prev = anchor.hash if anchor else GENESIS_HASH
        else:
            found = conn.execute(select(_events.c.hash).where(_events.c.seq == lo - 1)).scalar()
            if found is None:
                raise _Broken(lo - 1, "missing_row", "no event with this sequence number")
            prev = found
        at_seq: dict[int, list[Row[Any]]] = defaultdict(list)
        for cp in cps:
            if lo <= cp.seq <= hi:
                at_seq[cp.seq].append(cp)
        outside: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for item in exported or ():
            check_signature(item["seq"], item["hash"], item["at"], item["reason"], item["key_id"],
                            item["signature"], item["event_mac"], "exported checkpoint")
            if item["seq"] > head and (to_seq is None or to_seq >= head):
                raise _Broken(head + 1, "truncated_tail",
                              f"an exported checkpoint names seq {item['seq']}; the chain ends at {head}")
            if lo <= item["seq"] <= hi:
                outside[item["seq"]].append(item)
        # Once one event carries a MAC, every later one must (events before the upgrade carry none).
        macs_seen = mac is not None and lo > start and conn.execute(
            select(_events.c.seq).where(_events.c.seq < lo, _events.c.mac.is_not(None)).limit(1)).first() is not None
        expected = lo
        for row, citations in _rows(conn, lo, hi):
            if row.seq != expected:
                raise _Broken(expected, "missing_row", "no event with this sequence number")
            if row.prev_hash != prev:
                elsewhere = conn.execute(select(_events.c.seq).where(_events.c.hash == row.prev_hash)).scalar()
                if elsewhere is not None:
                    raise _Broken(row.seq, "reordered", f"chains to the event now stored at seq {elsewhere}")
                raise _Broken(row.seq, "missing_row", "the event this one chains to is gone or was rewritten")
            try:
                recomputed = event_hash(row.seq, row.prev_hash, event_from_row(row, citations))
            except (ValueError, TypeError) as exc:
                raise _Broken(row.seq, "content_modified", "stored fields are no longer a valid event") from exc
            if recomputed != row.hash:
                raise _Broken(row.seq, "content_modified", "content does not match the event's hash")
            if mac is not None:
                if row.mac is None:
                    if macs_seen:
                        raise _Broken(row.seq, "missing_mac", "the event carries no MAC although earlier ones do")
                elif not mac.check(row.seq, row.hash, row.mac):
                    raise _Broken(row.seq, "bad_mac", "the event's MAC does not check: the gateway did not write it")
                else:
                    macs_seen = True
            for cp in at_seq.get(row.seq, ()):
                signed(cp)
                if cp.hash != row.hash:
                    raise _Broken(row.seq, "checkpoint_mismatch", "a signed checkpoint names a different hash")
                if cp.event_mac is not None and cp.event_mac != row.mac:
                    raise _Broken(row.seq, "checkpoint_mismatch", "a signed checkpoint names a different MAC")
            for item in outside.get(row.seq, ()):
                state["exported"] += 1
                if item["hash"] != row.hash or (item["event_mac"] is not None and item["event_mac"] != row.mac):
                    raise _Broken(row.seq, "exported_mismatch",
                                  "a checkpoint exported outside the database names a different event")
            state["events"] += 1
            prev = row.hash
            expected += 1
        if expected <= hi:
            raise _Broken(expected, "missing_row", "no event with this sequence number")
        if latest is not None and latest.seq > head and (to_seq is None or to_seq >= head):
            signed(latest)
            detail = f"a signed checkpoint names seq {latest.seq}; the chain ends at {head}"
            raise _Broken(head + 1, "truncated_tail", detail)
        first_break = None
    except _Broken as broken:
        first_break = broken.link
    return VerifyReport(
        first_break=first_break,
        from_seq=lo,
        to_seq=hi,
        events_checked=state["events"],
        checkpoints_checked=state["checkpoints"],
        head_seq=head,
        anchor_seq=anchor.seq if anchor else None,
        latest_checkpoint=_describe(latest),
        macs_checked=mac is not None,
        exported_checked=state["exported"],
    )


def _rows(conn: Connection, lo: int, hi: int) -> Iterator[tuple[Row[Any], Sequence[Row[Any]]]]:
    """Events ``lo..hi`` in seq order with their citations, a batch at a time (keyset pagination)."""
    after = lo - 1
    while after < hi:
        upper = min(after + BATCH, hi)
        rows = conn.execute(
            select(_events).where(_events.c.seq > after, _events.c.seq <= upper).order_by(_events.c.seq)
        ).all()
        cites: dict[int, list[Row[Any]]] = defaultdict(list)
        for c in conn.execute(
            select(_citations)
            .where(_citations.c.event_seq > after, _citations.c.event_seq <= upper)
            .order_by(_citations.c.event_seq, _citations.c.position)
        ):
            cites[c.event_seq].append(c)
        for row in rows:
            yield row, cites.get(row.seq, [])
        after = upper


def _describe(cp: Row[Any] | None) -> dict[str, Any] | None:
    if cp is None:
        return None
    return {
        "seq": cp.seq, "hash": cp.hash, "at": format_time(cp.at), "reason": cp.reason,
        "key_id": cp.key_id, "signature": bytes(cp.signature).hex(), "event_mac": cp.event_mac,
    }
