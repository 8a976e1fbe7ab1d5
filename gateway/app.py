"""The app factory: build the expensive engines once, then wire every controller, guard and handler here."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from litestar import Litestar
from litestar.datastructures import State
from litestar.di import Provide
from litestar.middleware import DefineMiddleware

from gateway.api import chat, health, mask, models
from gateway.api.audit import AUDIT_ROUTES
from gateway.api.error_handlers import EXCEPTION_HANDLERS
from gateway.api.guards import require_permission
from gateway.api.kb import KB_ROUTES
from gateway.api.purge import PURGE_ROUTES
from gateway.audit.trail import AuditTrail
from gateway.chat.service import ChatService
from gateway.db.migrate import is_current
from gateway.db.session import Database
from gateway.errors import ConfigurationError
from gateway.kb.purge_receipt import resume_purges
from gateway.kb.service import KnowledgeBase, build_knowledge_base
from gateway.keyfiles import env_secret, owner_only_secret
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.llm.local import LlamaCppChatModel
from gateway.llm.protocol import ChatModel, Embedder
from gateway.llm.queue import ModelQueue
from gateway.llm.remote import RemoteChatModel
from gateway.observability.metrics import Metrics, MetricsMiddleware
from gateway.pii.detector import PiiDetector
from gateway.pii.masker import Masker
from gateway.policy.access import AccessControl, Authenticator
from gateway.policy.jwt_auth import JwtAuthenticator
from gateway.policy.policy_set import PolicySet, load_policy_set
from gateway.policy.users import UserStore
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
]


@dataclass
class Engines:
    """Everything expensive, built once per process and shared by all requests."""

    db: Database
    policy: PolicySet
    chat_model: ChatModel
    embedder: Embedder | None
    masker: Masker
    kb: KnowledgeBase | None = None


def build_engines(settings: Settings) -> Engines:
    db = Database(settings.sqlalchemy_url)
    if not is_current(db.engine, settings.sqlalchemy_url):
        raise ConfigurationError("the database schema is not at the newest migration; run `gateway db upgrade`")
    policy = load_policy_set(settings.policy_file)
    embedder = None
    if settings.embedding.load:
        embedder = LlamaCppEmbedder(settings.embedding_model_path, n_threads=settings.embedding.n_threads or 1)
    masker = build_masker(settings)
    kb = None
    if embedder is not None:
        kb = build_knowledge_base(settings, embedder, db, collections=policy.decl.collections,
                                  detector=masker.detector)
    return Engines(
        db=db,
        policy=policy,
        chat_model=build_chat_model(settings),
        embedder=embedder,
        masker=masker,
        kb=kb,
    )


def build_masker(settings: Settings) -> Masker:
    """The PII engine, built once: spaCy and every recognizer load here, keyed by the deployment's PII key."""
    if settings.pii.key_env:
        key = env_secret(settings.pii.key_env, setting="pii.key_env")
    else:
        key = owner_only_secret(settings.pii_key_file, setting="pii.key_file", create=True)
    return Masker(PiiDetector.create(spacy_model=settings.spacy_model), pseudonym_key=key)


def build_chat_model(settings: Settings) -> ChatModel:
    llm = settings.llm
    if llm.backend == "remote":
        assert llm.remote_base_url is not None
        return RemoteChatModel(
            llm.remote_base_url,
            model_id=llm.model_name,
            upstream_model=llm.remote_model,
            api_key_file=llm.remote_api_key_file,
            context_window=llm.n_ctx,
            timeout_s=llm.request_timeout_s,
        )
    model = LlamaCppChatModel(
        settings.chat_model_path,
        model_id=llm.model_name,
        n_ctx=llm.n_ctx,
        n_threads=llm.n_threads,
        n_batch=llm.n_batch,
        n_gpu_layers=llm.n_gpu_layers,
        lora_path=llm.lora_path,
    )
    model.warm_up()
    return model


def create_app(settings: Settings, engines: Engines | None = None) -> Litestar:
    engines = engines or build_engines(settings)
    metrics = Metrics()
    queue = ModelQueue(
        engines.chat_model,
        capacity=settings.llm.queue_size,
        timeout_s=settings.llm.request_timeout_s,
        on_depth=metrics.queue_depth.set,
        on_finished=metrics.count_generation,
    )
    model_file = settings.llm.remote_base_url if settings.llm.backend == "remote" else settings.chat_model_path.name
    chat_service = ChatService(
        queue, engines.policy, settings.llm, engines.masker, model_file=model_file, kb=engines.kb
    )
    users = UserStore(engines.db)
    authenticators: dict[str, Authenticator] = {"api_key": users.authenticate}
    if settings.jwt.enabled:
        authenticators["jwt"] = JwtAuthenticator(settings.jwt, policy_roles=engines.policy.role_names)
    access = AccessControl(engines.policy, authenticators)
    audit = AuditTrail.from_settings(engines.db, settings, passages=engines.kb)
    access.subscribe(audit.record_decision)  # every denial is audited; a failed write fails the request
    if engines.kb is not None:
        resume_purges(engines.kb, audit, engines.policy.version)  # finish erasures a crash interrupted
    started_at = int(time.time())

    def provide(value: Any) -> Provide:
        return Provide(lambda: value, use_cache=True, sync_to_thread=False)

    def shutdown() -> None:
        queue.close()
        chat_service.close()
        audit.close()
        engines.db.dispose()

    known_paths = frozenset(route.paths.copy().pop() for route in ROUTES)
    return Litestar(
        route_handlers=ROUTES,
        guards=[require_permission],
        exception_handlers=EXCEPTION_HANDLERS,  # type: ignore[arg-type]
        dependencies={
            "chat": provide(chat_service),
            "metrics": provide(metrics),
            "started_at": provide(started_at),
        },
        middleware=[DefineMiddleware(MetricsMiddleware, metrics=metrics, known_paths=known_paths)],
        state=State(
            {
                "settings": settings,
                "db": engines.db,
                "access": access,
                "users": users,
                "chat": chat_service,
                "embedder": engines.embedder,
                "audit": audit,
                "masker": engines.masker,
                "kb": engines.kb,
            }
        ),
        request_max_body_size=settings.max_body_bytes,
        on_shutdown=[shutdown],
        openapi_config=None,
        debug=False,
    )
