"""Exports of the trail as JSON Lines or CSV, streamed, ending with the verification of the exported range.

JSON Lines is the format to recompute hashes from: each event line carries exactly the hashed content plus
``seq``, ``prev_hash`` and ``hash`` (gateway.audit.canonical). CSV is for reading in a spreadsheet: text cells
that a spreadsheet would run as a formula are prefixed with ``'`` (CSV injection), so they are not hash-exact.
The last line (JSONL ``{"type": "verification", ...}``; CSV a row ``verification,<json>``) reports whether the
exported range verified, with the newest signed checkpoint so a copy kept elsewhere pins the chain head.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, Literal

from gateway.audit.canonical import CONTENT_FIELDS, event_content
from gateway.audit.events import AuditRecord
from gateway.audit.query import AuditFilter
from gateway.audit.trail import AuditTrail

ExportFormat = Literal["csv", "jsonl"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "jsonl")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}

COLUMNS = ("seq", "prev_hash", "hash", *CONTENT_FIELDS)


def record_json(record: AuditRecord) -> dict[str, Any]:
    """An event as API responses and exports show it."""
    return {"seq": record.seq, "prev_hash": record.prev_hash, "hash": record.hash, **event_content(record.event)}


def export_lines(trail: AuditTrail, fmt: ExportFormat, where: AuditFilter) -> Iterator[str]:
    """The export, a line (JSONL) or a row (CSV) at a time, then the verification trailer."""
    first = last = None
    writer = _CsvLines() if fmt == "csv" else None
    if writer is not None:
        yield writer.row(list(COLUMNS))
    for record in trail.records(where):
        first = record.seq if first is None else first
        last = record.seq
        body = record_json(record)
        if writer is None:
            yield json.dumps({"type": "event", **body}, ensure_ascii=False, sort_keys=True) + "\n"
            continue
        yield writer.row([_cell(body[column]) for column in COLUMNS])
    if first is None:
        report: dict[str, Any] = {"intact": True, "events_checked": 0, "note": "no events in the exported range"}
    else:
        report = trail.verify(from_seq=first, to_seq=last).to_dict()
    if writer is None:
        yield json.dumps({"type": "verification", **report}, sort_keys=True) + "\n"
    else:
        yield writer.row(["verification", json.dumps(report, sort_keys=True)])


class _CsvLines:
    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\n")

    def row(self, values: list[Any]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(values)
        return self._buffer.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
