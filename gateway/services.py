"""``Services``: everything a request may need, built once per process by the app factory (``gateway.app``).

Handlers receive these as typed dependencies (``gateway.api.dependencies``), never by reaching into an untyped
state dict; the guard, which runs before dependencies are resolved, reads the same object through
``Services.of(connection)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gateway.audit.trail import AuditTrail
from gateway.chat.service import ChatService
from gateway.db.session import Database
from gateway.kb.service import KnowledgeBase
from gateway.llm.protocol import Embedder
from gateway.observability.metrics import Metrics
from gateway.pii.service import MaskingService
from gateway.policy.access import AccessControl
from gateway.policy.limits import RequestLimits
from gateway.policy.policy_set import PolicySet
from gateway.policy.sessions import ConsoleSessions
from gateway.policy.users import UserStore
from gateway.purge.service import PurgeService
from gateway.review.store import ReviewService
from gateway.settings import Settings

STATE_KEY = "services"


@dataclass(frozen=True)
class Services:
    settings: Settings
    db: Database
    policy: PolicySet
    access: AccessControl
    users: UserStore
    audit: AuditTrail
    masking: MaskingService
    chat: ChatService
    metrics: Metrics
    started_at: int
    embedder: Embedder | None = None
    kb: KnowledgeBase | None = None
    """None when no embedding model is loaded: the knowledge-base routes then answer 503."""
    purge: PurgeService | None = None
    limits: RequestLimits = field(default_factory=RequestLimits)
    """Per-principal limits (text size, open requests, the /v1/mask rate)."""
    reviews: ReviewService | None = None
    """Officers' verdicts and staff feedback on audited answers (always built by the app factory)."""
    sessions: ConsoleSessions | None = None
    """Web console sessions; None when ``console.enabled`` is off (every ``/console`` path is then 404)."""

    @staticmethod
    def of(connection: Any) -> Services:
        """The services of the app serving ``connection`` (a Litestar request or ASGI connection)."""
        services: Services = connection.app.state[STATE_KEY]
        return services
