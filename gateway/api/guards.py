"""The guard on every route: authenticate, then check the permission the route declares in its ``opt``."""

from __future__ import annotations

import uuid

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from gateway.errors import Unauthenticated
from gateway.policy.access import PUBLIC, AccessControl
from gateway.policy.decisions import Decision


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
    access: AccessControl = connection.app.state.access
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
