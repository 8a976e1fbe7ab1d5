"""The typed dependencies every controller declares by name: ``chat: ChatService``, ``audit: RequestAuditor``,
``kb: KnowledgeBase``, ``masking: MaskingService`` … all resolved from the one ``Services`` the app factory built."""

from __future__ import annotations

from litestar import Request
from litestar.di import Provide

from gateway.api.guards import request_id
from gateway.audit.recorder import RequestAuditor
from gateway.audit.trail import AuditTrail
from gateway.chat.service import ChatService
from gateway.errors import ModelUnavailable
from gateway.kb.service import KnowledgeBase
from gateway.observability.metrics import Metrics
from gateway.pii.service import MaskingService
from gateway.policy.limits import RequestLimits
from gateway.policy.policy_set import PolicySet
from gateway.purge.service import PurgeService
from gateway.review.store import ReviewService
from gateway.services import Services


def provide_services(request: Request) -> Services:
    return Services.of(request)


def provide_audit(request: Request, services: Services) -> RequestAuditor:
    """This request's auditor: request id, user, roles and policy version filled once."""
    return RequestAuditor(services.audit, request_id=request_id(request), principal=request.user,
                          policy_version=services.policy.version)


def provide_kb(services: Services) -> KnowledgeBase:
    if services.kb is None:
        raise ModelUnavailable("the knowledge base is not enabled (no embedding model loaded)")
    return services.kb


def provide_purge(services: Services) -> PurgeService:
    if services.purge is None:
        raise ModelUnavailable("the knowledge base is not enabled (no embedding model loaded)")
    return services.purge


def provide_reviews(services: Services) -> ReviewService:
    if services.reviews is None:
        raise ModelUnavailable("answer reviews are not enabled in this process")
    return services.reviews


def provide_chat(services: Services) -> ChatService:
    return services.chat


def provide_masking(services: Services) -> MaskingService:
    return services.masking


def provide_policy(services: Services) -> PolicySet:
    return services.policy


def provide_trail(services: Services) -> AuditTrail:
    return services.audit


def provide_metrics(services: Services) -> Metrics:
    return services.metrics


def provide_limits(services: Services) -> RequestLimits:
    return services.limits


DEPENDENCIES: dict[str, Provide] = {
    "services": Provide(provide_services, sync_to_thread=False),
    "audit": Provide(provide_audit, sync_to_thread=False),
    "kb": Provide(provide_kb, sync_to_thread=False),
    "purges": Provide(provide_purge, sync_to_thread=False),
    "chat": Provide(provide_chat, sync_to_thread=False),
    "reviews": Provide(provide_reviews, sync_to_thread=False),
    "masking": Provide(provide_masking, sync_to_thread=False),
    "policy": Provide(provide_policy, sync_to_thread=False),
    "trail": Provide(provide_trail, sync_to_thread=False),
    "metrics": Provide(provide_metrics, sync_to_thread=False),
    "limits": Provide(provide_limits, sync_to_thread=False),
}
"""Every controller dependency, by the parameter name handlers use."""
