"""What protects the part of the chain no checkpoint has signed yet: a keyed MAC per event, and checkpoints
exported outside the database.

* **Event MAC**: ``mac = HMAC-SHA256(key, "<seq>:<hash>")`` under the audit MAC key, which lives in its own file
  (``<keys>/audit-mac.key``, 0600) or an environment variable, never in the database. Whoever can write the
  database but lacks the key can still recompute unkeyed SHA-256 links, but cannot produce a MAC the verifier
  accepts, so an edited or inserted event is found even after the newest checkpoint, and the gateway refuses to
  chain to, or sign over, such an event. Events written before MACs existed (an upgraded trail) carry none; once
  one event carries a MAC every later one must, and each checkpoint signs its event's MAC.
* **Checkpoint export**: with ``audit.checkpoint_file`` set, each signed checkpoint is also appended, as one JSON
  line, to that file (put it on another volume, write-once storage, or a file a log shipper forwards).
  ``gateway audit verify --checkpoints FILE`` checks the database against it, which catches what the database
  alone cannot show: a roll-back to an earlier state together with its checkpoints.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from gateway.audit.canonical import format_time
from gateway.keyfiles import env_secret, owner_only_secret


class EventMac:
    """MACs events under the audit MAC key (never logged)."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 32:
            raise ValueError("the audit MAC key must be at least 32 bytes")
        self._key = key

    def of(self, seq: int, digest: str) -> str:
        return hmac.new(self._key, f"{seq}:{digest}".encode("ascii"), hashlib.sha256).hexdigest()

    def check(self, seq: int, digest: str, mac: str) -> bool:
        return hmac.compare_digest(self.of(seq, digest), mac)


def load_event_mac(path: Path, env: str | None, *, create: bool) -> EventMac | None:
    """The MAC key from ``env`` (a base64 variable) if named, else from the owner-only file at ``path`` (created
    0600 when ``create``); None when the file does not exist and may not be created."""
    if env:
        return EventMac(env_secret(env, setting="audit.mac_key_env"))
    if not path.exists() and not create:
        return None
    return EventMac(owner_only_secret(path, setting="audit.mac_key_path", create=create))


def checkpoint_line(seq: int, head_hash: str, at: datetime, reason: str, key_id: str, signature: bytes,
                    event_mac: str | None) -> str:  # fmt: skip
    """One exported checkpoint: everything needed to check its signature and compare it with the database."""
    return json.dumps({"seq": seq, "hash": head_hash, "at": format_time(at), "reason": reason, "key_id": key_id,
                       "signature": signature.hex(), "event_mac": event_mac}, sort_keys=True) + "\n"


def export_checkpoints(path: Path, lines: list[str]) -> None:
    """Append ``lines`` to the checkpoint file and make them durable (O_APPEND: several processes may share it)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, "".join(lines).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def read_checkpoints(path: Path) -> list[dict[str, Any]]:
    """The exported checkpoints, oldest first; a line that is not one is reported by its number (ValueError)."""
    found: list[dict[str, Any]] = []
    with path.open("r", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                found.append({"seq": int(item["seq"]), "hash": str(item["hash"]), "at": str(item["at"]),
                              "reason": str(item["reason"]), "key_id": str(item["key_id"]),
                              "signature": bytes.fromhex(item["signature"]), "event_mac": item.get("event_mac")})
            except (ValueError, KeyError, TypeError):
                raise ValueError(f"{path.name} line {number} is not an exported checkpoint") from None
    return found
