"""The sidecar checkpoint ``OUT.progress``: where a run stands, fsynced after every chunk so a killed run resumes.

It records the input byte offset and output byte length reached and the counters of the report so far. The tag
numbering (keyed digests → numbers, never values) goes to an append-only journal ``OUT.progress.tags`` whose
synced length the checkpoint records, so each chunk costs the same to checkpoint however large the corpus.
On restart the output is truncated to the recorded length and reading continues from the offset; a finished run
deletes both files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from gateway.corpus.errors import CorpusError

VERSION = 1


def sidecar(target: Path) -> Path:
    return target.with_name(target.name + ".progress")


def tag_journal(target: Path) -> Path:
    return target.with_name(target.name + ".progress.tags")


class TagJournal:
    """Per-corpus tag numbers (``TYPE → digest → n``), in memory and appended to a journal synced per chunk."""

    def __init__(self, path: Path, length: int) -> None:
        self.numbers: dict[str, dict[str, int]] = {}
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        self._handle = os.fdopen(fd, "r+b")
        self._handle.truncate(length)
        for line in self._handle.read().splitlines():
            entity_type, digest, n = line.decode("ascii").split(" ")
            self.numbers.setdefault(entity_type, {})[digest] = int(n)
        self._pending: list[str] = []

    def number(self, match: Any) -> str:
        """``<TYPE_n>`` for a placeholder match (type, digest): the next number the first time a digest is seen."""
        entity_type, digest = match.group(1), match.group(2)
        per_type = self.numbers.setdefault(entity_type, {})
        n = per_type.get(digest)
        if n is None:
            n = per_type[digest] = len(per_type) + 1
            self._pending.append(f"{entity_type} {digest} {n}\n")
        return f"<{entity_type}_{n}>"

    def sync(self) -> int:
        """Append the numbers given since the last sync, fsync, and return the journal's length."""
        if self._pending:
            self._handle.write("".join(self._pending).encode("ascii"))
            self._pending = []
            self._handle.flush()
            os.fsync(self._handle.fileno())
        return self._handle.tell()

    def close(self) -> None:
        self._handle.close()


def fingerprint(source: Path, **options: Any) -> dict[str, Any]:
    """What must not change between a run and its resumption: the input file and the masking options."""
    info = source.stat()
    return {"source": str(source.resolve()), "size": info.st_size, "mtime_ns": info.st_mtime_ns, **options}


def fresh_state(print_: dict[str, Any]) -> dict[str, Any]:
    return {
        "version": VERSION, "fingerprint": print_, "input_offset": 0, "output_length": 0, "lines_done": 0,
        "records_read": 0, "records_written": 0, "records_changed": 0, "canaries_written": 0, "entities": {},
        "bad_records": [], "residual": [], "tags_length": 0,
    }  # fmt: skip


def load(path: Path, print_: dict[str, Any]) -> dict[str, Any] | None:
    """The saved state, or None when there is none; a checkpoint of another input or options is refused."""
    if not path.exists():
        return None
    try:
        state: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusError(f"checkpoint {path} is unreadable; delete it to start over") from exc
    if state.get("version") != VERSION or state.get("fingerprint") != print_:
        raise CorpusError(f"checkpoint {path} belongs to another input or other options; delete it to start over")
    return state


def save(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(state, handle, separators=(",", ":"))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
