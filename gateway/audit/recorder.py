"""``RequestAuditor``: the one way a request writes its audit events.

Built per request by the HTTP edge (a typed dependency) or once per command by the CLI: who (user, roles), which
request, and the policy version are filled here once, so no caller assembles an ``AuditEvent`` by hand. Appends run
off the event loop; a failed write raises ``AuditFailed`` and the request fails closed.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from typing import Any

from gateway.audit.events import AuditEvent, AuditRecord, Outcome
from gateway.audit.trail import AuditTrail
from gateway.errors import AuditFailed, GatewayError
from gateway.policy.principal import Principal

log = logging.getLogger("gateway.audit")


class RequestAuditor:
    def __init__(
        self, trail: AuditTrail, *, request_id: str, principal: Principal | None, policy_version: str,
        user: str | None = None, executor: Executor | None = None,
    ) -> None:  # fmt: skip
        self.trail = trail
        self.request_id = request_id
        self.principal = principal
        self.user = user if user is not None else principal.name if principal is not None else None
        self.roles: tuple[str, ...] = principal.roles if principal is not None else ()
        self.policy_version = policy_version
        self.started = time.perf_counter()
        self._executor = executor

    def elapsed_ms(self) -> float:
        """Milliseconds since this request's auditor was made (its start, for a request)."""
        return (time.perf_counter() - self.started) * 1000

    def event(self, action: str, outcome: Outcome = "ok", *, http_status: int | None = 200,
              **fields: Any) -> AuditEvent:
        """This request's event for ``action``; ``fields`` are the other ``AuditEvent`` fields. An event that does
        not validate is ``AuditFailed(invalid=True)``: the request fails closed, like a failed write."""
        try:
            return AuditEvent(action=action, outcome=outcome, request_id=self.request_id, user=self.user,
                              roles=self.roles, policy_version=self.policy_version, http_status=http_status,
                              **fields)
        except ValueError as exc:  # the messages name fields and limits, never values
            log.error("audit event for %s does not validate: %s", action, exc)
            raise AuditFailed("the audit event is not valid; the request was not completed", invalid=True) from exc

    def record_now(self, action: str, outcome: Outcome = "ok", *, http_status: int | None = 200,
                   **fields: Any) -> AuditRecord:
        """Append the event durably from this thread (sync handlers and the CLI)."""
        return self.trail.append(self.event(action, outcome, http_status=http_status, **fields))

    async def record(self, action: str, outcome: Outcome = "ok", *, http_status: int | None = 200,
                     **fields: Any) -> AuditRecord:
        """Append the event durably without blocking the event loop."""
        event = self.event(action, outcome, http_status=http_status, **fields)
        return await asyncio.get_running_loop().run_in_executor(self._executor, self.trail.append, event)

    @contextmanager
    def audited(self, action: str) -> Iterator[dict[str, Any]]:
        """Run the body and record one event for it, ok or failed, with its latency; the body may add ``details``
        to the dict it is given (identifiers and counts only)."""
        details: dict[str, Any] = {}
        outcome: Outcome = "ok"
        status = 200
        try:
            yield details
        except GatewayError as exc:
            outcome, status = "error", exc.status_code
            raise
        except Exception:
            outcome, status = "error", 500
            raise
        finally:
            self.record_now(action, outcome, http_status=status, latency_ms=round(self.elapsed_ms(), 3),
                            details=details)
