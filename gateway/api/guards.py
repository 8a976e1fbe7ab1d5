"""The guard on every route: authenticate, then check the permission the route declares in its ``opt``."""

from __future__ import annotations

import uuid
from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from gateway.errors import PolicyDenied, Unauthenticated
from gateway.policy.access import PUBLIC
from gateway.policy.decisions import Decision
from gateway.services import Services


def permission(name: str) -> dict[str, str]:
    """The ``opt`` a route handler declares: ``@post("/x", opt=permission("chat"))``."""
    return {"permission": name}


def request_id(connection: ASGIConnection) -> str:
    state = connection.scope.setdefault("state", {})
    if "request_id" not in state:
        state["request_id"] = uuid.uuid4().hex
    return state["request_id"]


def _method(connection: ASGIConnection) -> str:
    return str(connection.scope.get("method", "WEBSOCKET"))


def require_permission(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    access = Services.of(connection).access
    declared = handler.opt.get("permission")
    if declared == PUBLIC:
        return
    rid = request_id(connection)
    try:
        principal = access.authenticate(connection.headers.get("authorization"))
    except Unauthenticated as exc:
        access.record(
            Decision(False, str(declared), _method(connection), connection.scope["path"], None, (),
                     f"unauthenticated: {exc.message}", access.policy.version, rid)
        )
        raise
    rights = access.authorize(
        principal, declared, method=_method(connection), path=connection.scope["path"], request_id=rid
    )
    connection.scope["user"] = principal
    connection.scope["auth"] = rights
    # One of the principal's request slots, given back by PrincipalSlots once the response (a stream included) ends.
    connection.scope.setdefault("state", {})[RELEASE_KEY] = Services.of(connection).limits.enter(principal.name)


RELEASE_KEY = "gateway.release_slot"


class PrincipalSlots:
    """ASGI middleware giving back the request slot the guard took, after the whole response has been sent."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            await self.app(scope, receive, send)
        finally:
            release = scope.get("state", {}).pop(RELEASE_KEY, None)
            if release is not None:
                release()


def denial(connection: ASGIConnection, reason: str, message: str, *, param: str | None = None) -> PolicyDenied:
    """A denial decided inside a handler (past the route guard): recorded like the guard's own (so the audit trail
    has it; a failed write fails the request), returned for the handler to raise. ``reason`` names no request
    content; ``message`` is what the caller reads."""
    access = Services.of(connection).access
    declared = str(connection.route_handler.opt.get("permission"))
    access.record(Decision(False, declared, _method(connection), connection.scope["path"], connection.user.name,
                           connection.user.roles, reason, access.policy.version, request_id(connection)))
    return PolicyDenied(message, param=param)
