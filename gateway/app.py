"""The app factory: build the expensive engines once, then wire every service, controller, guard and handler here."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from functools import partial

from litestar import Litestar
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.handlers.base import BaseRouteHandler
from litestar.middleware import DefineMiddleware

from gateway.api import chat, health, mask, models
from gateway.api.audit import AUDIT_ROUTES
from gateway.api.dependencies import DEPENDENCIES
from gateway.api.error_handlers import EXCEPTION_HANDLERS
from gateway.api.guards import PrincipalSlots, require_permission
from gateway.api.kb import KB_ROUTES
from gateway.api.purge import PURGE_ROUTES
from gateway.api.reviews import REVIEW_ROUTES
from gateway.audit.trail import AuditTrail
from gateway.chat.service import ChatService
from gateway.console.errors import for_console
from gateway.console.headers import add_console_headers
from gateway.console.routes import CONSOLE_DEPENDENCIES, CONSOLE_ROUTES, template_config
from gateway.console.web import EDGE, require_console_permission
from gateway.coordination.counters import Counters, LocalCounters, counters_for
from gateway.db.migrate import is_current
from gateway.db.session import Database
from gateway.errors import ConfigurationError
from gateway.kb.service import KnowledgeBase, open_knowledge_base
from gateway.keyfiles import private_dir
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.llm.factory import build_chat_model, close_chat_model, model_concurrency, upstream_states
from gateway.llm.protocol import ChatModel, Embedder
from gateway.llm.queue import ModelQueue
from gateway.observability.metrics import Metrics, MetricsMiddleware
from gateway.pii.masker import Masker
from gateway.pii.service import MaskingService
from gateway.policy.access import AccessControl, Authenticator
from gateway.policy.jwt_auth import JwtAuthenticator
from gateway.policy.limits import RequestLimits
from gateway.policy.pii_rules import detection_floor, pii_rules_for
from gateway.policy.policy_set import PolicySet, load_policy_set
from gateway.policy.sessions import ConsoleSessions
from gateway.policy.users import UserStore
from gateway.purge.service import purge_service_for
from gateway.review.store import ReviewService
from gateway.services import STATE_KEY, Services
from gateway.settings import Settings

log = logging.getLogger("gateway")

ROUTES = [
    chat.chat_completions,
    models.list_models,
    mask.mask_text,
    health.healthz,
    health.readyz,
    health.metrics,
    *AUDIT_ROUTES,
    *KB_ROUTES,
    *PURGE_ROUTES,
    *REVIEW_ROUTES,
]


@dataclass
class Engines:
    """Everything expensive, built once per process and shared by all requests (tests share them across apps)."""

    db: Database
    policy: PolicySet
    chat_model: ChatModel
    embedder: Embedder | None
    masker: Masker
    kb: KnowledgeBase | None = None
    counters: Counters = field(default_factory=LocalCounters)
    """Per-principal slots and buckets (and the queue's admission): Redis when ``coordination.redis_url`` is set."""


def build_engines(settings: Settings) -> Engines:
    private_dir(settings.data_dir)
    for level, message in settings.exposure():
        log.warning("%s: %s (see `gateway doctor`)", "insecure" if level == "fail" else "check", message)
    db = Database(settings.sqlalchemy_url)
    if not is_current(db.engine, settings.sqlalchemy_url):
        raise ConfigurationError("the database schema is not at the newest migration; run `gateway db upgrade`")
    policy = load_policy_set(settings.policy_file, adapters=settings.llm.lora_adapters)
    embedder = None
    if settings.embedding.load:
        embedder = LlamaCppEmbedder(settings.embedding_model_path, n_threads=settings.embedding.n_threads or 1,
                                    model=settings.embedding.model)
    masker = settings.pii_engine.masker()
    kb = None
    if embedder is not None:
        kb = open_knowledge_base(settings.kb, data_dir=settings.data_dir, kb_uri=settings.kb_uri, db=db,
                                 embedder=embedder, collections=policy.decl.collections, detector=masker.detector,
                                 detection_floor=detection_floor(policy))
    return Engines(db=db, policy=policy, chat_model=build_chat_model(settings.llm, settings.chat_model_path),
                   embedder=embedder, masker=masker, kb=kb, counters=counters_for(settings.coordination))


def build_services(settings: Settings, engines: Engines) -> Services:
    """Every service a request may need, wired from the engines; start-up work (resuming purges) happens here."""
    metrics = Metrics()
    shared = engines.counters if settings.coordination.redis_url else None
    queue = ModelQueue(
        engines.chat_model,
        capacity=settings.llm.queue_size,
        timeout_s=settings.llm.request_timeout_s,
        concurrency=model_concurrency(engines.chat_model),
        on_depth=metrics.set_queue_depth,
        on_finished=metrics.count_generation,
        shared=shared,
    )
    if upstream_states(engines.chat_model) is not None:
        metrics.watch_upstreams(lambda: upstream_states(engines.chat_model) or [])
    masking = MaskingService(engines.masker, partial(pii_rules_for, engines.policy))
    urls = settings.llm.remote_urls
    model_file = (urls[0] + (f" (+{len(urls) - 1} more)" if len(urls) > 1 else "") if settings.llm.backend == "remote"
                  else settings.chat_model_path.name)
    limits = RequestLimits(settings.limits, counters=engines.counters)
    chat_service = ChatService(queue, engines.policy, settings.llm, masking, model_file=model_file, kb=engines.kb,
                               metrics=metrics, limits=limits)
    users = UserStore(engines.db)
    authenticators: dict[str, Authenticator] = {"api_key": users.authenticate}
    if settings.jwt.enabled:
        authenticators["jwt"] = JwtAuthenticator(settings.jwt, policy_roles=engines.policy.role_names)
    access = AccessControl(engines.policy, authenticators)
    audit = AuditTrail(engines.db, settings.audit, key_path=settings.audit_key_path, passages=engines.kb)
    access.subscribe(audit.record_decision)  # every denial is audited; a failed write fails the request
    purges = purge_service_for(engines.kb, audit.signer) if engines.kb is not None else None
    if purges is not None:
        purges.resume_and_record(audit, engines.policy.version)  # finish erasures a crash interrupted
    return Services(settings=settings, db=engines.db, policy=engines.policy, access=access, users=users,
                    audit=audit, masking=masking, chat=chat_service, metrics=metrics, started_at=int(time.time()),
                    embedder=engines.embedder, kb=engines.kb, purge=purges, limits=limits,
                    reviews=ReviewService(engines.db, audit, masking),
                    sessions=ConsoleSessions(engines.db, settings.console) if settings.console.enabled else None)


def guard(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    """Every route's guard: console pages authenticate by their session cookie, every other route by its bearer
    credential; both then check the permission the route declares, through the same ``AccessControl``."""
    if handler.opt.get("edge") == EDGE:
        require_console_permission(connection, handler)
    else:
        require_permission(connection, handler)


def create_app(settings: Settings, engines: Engines | None = None) -> Litestar:
    owned = engines is None  # engines handed in (tests share them across apps) are closed by whoever built them
    services = build_services(settings, engines or build_engines(settings))

    redetector = services.kb.redetector if services.kb is not None and settings.kb.redetect_on_start else None

    def startup() -> None:
        if redetector is not None:
            redetector.start()

    def shutdown() -> None:
        if redetector is not None:
            redetector.stop()
        services.chat.queue.close()
        if owned:
            close_chat_model(services.chat.queue.model)  # a supervised llama-server stops with the gateway
        services.masking.close()
        services.audit.close()
        services.db.dispose()

    routes = [*ROUTES, *(CONSOLE_ROUTES if settings.console.enabled else [])]
    known_paths = frozenset(route.paths.copy().pop() for route in routes)
    return Litestar(
        route_handlers=routes,
        guards=[guard],
        exception_handlers=for_console(EXCEPTION_HANDLERS),  # type: ignore[arg-type]
        dependencies={**DEPENDENCIES, **CONSOLE_DEPENDENCIES},
        template_config=template_config(),
        middleware=[DefineMiddleware(MetricsMiddleware, metrics=services.metrics, known_paths=known_paths),
                    PrincipalSlots],
        before_send=[add_console_headers],
        state=State({STATE_KEY: services}),
        request_max_body_size=settings.max_body_bytes,
        on_startup=[startup],
        on_shutdown=[shutdown],
        openapi_config=None,
        debug=False,
    )
