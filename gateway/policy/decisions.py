"""Access decisions: every allow and deny goes to one hook (the audit trail subscribes to it)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

log = logging.getLogger("gateway.access")


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    permission: str
    method: str
    path: str
    principal: str | None
    roles: tuple[str, ...]
    reason: str
    """Why, in words that carry no request content: 'granted by role teller', 'no role grants chat'."""
    policy_version: str
    request_id: str
    at: datetime = field(default_factory=lambda: datetime.now(UTC))


DecisionHook = Callable[[Decision], None]


def log_decision(decision: Decision) -> None:
    """Default hook: denials at WARNING, grants at DEBUG; names and roles only, never request content."""
    level = logging.DEBUG if decision.allowed else logging.WARNING
    log.log(
        level,
        "%s %s %s permission=%s principal=%s roles=%s reason=%s",
        "allow" if decision.allowed else "deny",
        decision.method,
        decision.path,
        decision.permission,
        decision.principal,
        ",".join(decision.roles),
        decision.reason,
    )
