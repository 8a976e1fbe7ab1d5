"""Activity over time from the audit trail, for the console's dashboard: requests, latency percentiles, tokens,
masked entities by type, denials, refusals and answer-format compliance, in equal time buckets.

Only columns that hold counts, times and identifiers are read (never the masked texts). The newest ``MAX_EVENTS``
events of the window are counted; ``truncated`` says when the window held more.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from gateway.audit.events import Actions
from gateway.db.session import Database
from gateway.db.tables import AuditEntry

MAX_EVENTS = 50_000
REQUEST_ACTIONS = (Actions.CHAT, Actions.MASK, Actions.SEARCH)
"""One event per request of these kinds (a chat's ``chat.started`` is its first half, not another request)."""


@dataclass(slots=True)
class Bucket:
    start: datetime
    requests: int = 0
    errors: int = 0
    denials: int = 0
    refusals: int = 0
    formatted: int = 0
    compliant: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latencies_ms: list[float] = field(default_factory=list)

    def percentile(self, q: float) -> float | None:
        """The ``q`` quantile (0..1) of chat latency in this bucket, nearest rank; None without chats."""
        if not self.latencies_ms:
            return None
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


@dataclass(slots=True)
class Activity:
    buckets: list[Bucket]
    width: timedelta
    entities: Counter[str]
    """Entities masked in the window, by type (chat questions, masked texts and searched passages)."""
    truncated: bool


def activity(db: Database, *, since: datetime, until: datetime, buckets: int) -> Activity:
    """The window ``[since, until)`` cut into ``buckets`` equal buckets."""
    width = (until - since) / buckets
    result = Activity([Bucket(since + width * i) for i in range(buckets)], width, Counter(), False)
    query = (select(AuditEntry.at, AuditEntry.action, AuditEntry.outcome, AuditEntry.http_status,
                    AuditEntry.latency_ms, AuditEntry.prompt_tokens, AuditEntry.completion_tokens,
                    AuditEntry.masked_entities, AuditEntry.details)
             .where(AuditEntry.at >= since, AuditEntry.at < until,
                    AuditEntry.action.in_((*REQUEST_ACTIONS, Actions.ACCESS_DENIED)))
             .order_by(AuditEntry.seq.desc()).limit(MAX_EVENTS + 1))
    with db.session() as session:
        rows = session.execute(query).all()
    result.truncated = len(rows) > MAX_EVENTS
    for at, action, outcome, status, latency, prompt, completion, entities, details in rows[:MAX_EVENTS]:
        at = at if at.tzinfo else at.replace(tzinfo=since.tzinfo)
        bucket = result.buckets[min(buckets - 1, int((at - since) / width))]
        if action == Actions.ACCESS_DENIED:
            bucket.denials += int(json.loads(details).get("aggregated", 1)) if details else 1
            continue
        result.entities.update({k: int(v) for k, v in json.loads(entities or "{}").items()})
        bucket.requests += 1
        bucket.errors += outcome == "error"
        bucket.prompt_tokens += prompt or 0
        bucket.completion_tokens += completion or 0
        if action != Actions.CHAT:
            continue
        if latency is not None and status == 200:
            bucket.latencies_ms.append(float(latency))
        grounding = (json.loads(details) if details else {}).get("grounding") or {}
        bucket.refusals += bool(grounding.get("refused"))
        if grounding.get("format") and grounding.get("format_valid") is not None:
            bucket.formatted += 1
            bucket.compliant += bool(grounding["format_valid"])
    return result
