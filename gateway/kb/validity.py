"""When a document may be served: ``valid_from`` / ``valid_until`` of its served version.

A regulation that has been repealed, or a procedure that takes effect next month, is kept and listed but must not
ground an answer. Validity is recorded with each version in the SQL registry (dates are not secret); searches
exclude the documents whose served version is out of its window *now*, inside the LanceDB prefilter, so a caller's
top-k is the best k of what is in force (never a top-k with expired rows dropped afterwards).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from gateway.errors import InvalidInput

Validity = Literal["current", "expired", "pending"]
"""``pending``: not in force yet (``valid_from`` is in the future)."""
VALIDITIES: tuple[Validity, ...] = ("current", "expired", "pending")


@dataclass(frozen=True, slots=True)
class Window:
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    """Exclusive: at ``valid_until`` the document is expired."""

    def state(self, now: datetime) -> Validity:
        if self.valid_until is not None and now >= self.valid_until:
            return "expired"
        if self.valid_from is not None and now < self.valid_from:
            return "pending"
        return "current"

    @property
    def bounded(self) -> bool:
        return self.valid_from is not None or self.valid_until is not None


def instant(value: object, *, name: str, label: str) -> datetime | None:
    """An ISO 8601 date (midnight UTC) or time (UTC if it names no zone) from an API field, a JSONL field or front
    matter; None for None or an empty text. The message names the field, never its value."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        found = value
    elif isinstance(value, date):
        found = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            found = (datetime.fromisoformat(value.strip().replace("Z", "+00:00")) if "T" in value or ":" in value
                     else datetime.combine(date.fromisoformat(value.strip()), datetime.min.time()))
        except ValueError:
            raise InvalidInput(f"{label}: {name} must be an ISO 8601 date or time, e.g. 2026-01-31 or "
                               "2026-01-31T00:00:00Z", param=name) from None
    else:
        raise InvalidInput(f"{label}: {name} must be an ISO 8601 date or time", param=name)
    return (found if found.tzinfo is not None else found.replace(tzinfo=UTC)).astimezone(UTC)


def window(valid_from: object, valid_until: object, *, label: str) -> Window:
    """The validity window of a document; refused when it ends before it begins."""
    start = instant(valid_from, name="valid_from", label=label)
    end = instant(valid_until, name="valid_until", label=label)
    if start is not None and end is not None and end <= start:
        raise InvalidInput(f"{label}: valid_until must be after valid_from", param="valid_until")
    return Window(start, end)


class ServedWindows:
    """The windows of served versions that have one, re-read from the registry at most every ``refresh_s``
    (another process, ``gateway kb sync``, may ingest) and at once after this process ingests; ``unserved(now)``
    is the set of document ids a search must exclude."""

    def __init__(self, read: Callable[[], dict[str, Window]], refresh_s: float) -> None:
        self._read = read
        self._refresh_s = refresh_s
        self._lock = threading.Lock()
        self._loaded: tuple[float, dict[str, Window]] | None = None

    def invalidate(self) -> None:
        with self._lock:
            self._loaded = None

    def unserved(self, now: datetime | None = None) -> list[str]:
        moment = now or datetime.now(UTC)
        with self._lock:
            loaded = self._loaded
            if loaded is None or time.monotonic() - loaded[0] > self._refresh_s:
                loaded = self._loaded = (time.monotonic(), self._read())
        return sorted(doc_id for doc_id, w in loaded[1].items() if w.state(moment) != "current")
