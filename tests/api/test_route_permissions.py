"""Every route declares its permission, and every default role gets exactly what its policy grants."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from litestar import Litestar
from litestar.routes import HTTPRoute

from gateway.paths import PROJECT_ROOT
from gateway.policy.access import PUBLIC
from gateway.policy.policy_set import load_policy_set
from gateway.policy.schema import PERMISSIONS
from tests.support import Gateway


def http_routes(app: Litestar, *, console: bool = False) -> Iterator[tuple[str, str, str | None]]:
    """(method, path, declared permission) for every registered API route; with ``console``, the console's pages
    too. Those authenticate by session cookie, not bearer credential, so their permissions are checked role by role
    in ``tests/console/test_pages.py`` and they are fuzzed on their own in ``test_fuzz.py``."""
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if handler.opt.get("edge") == "console" and not console:
                continue
            for method in sorted(handler.http_methods):
                if method in ("HEAD", "OPTIONS"):
                    continue
                yield method, route.path, handler.opt.get("permission")


def test_every_route_declares_a_known_permission(gateway: Gateway) -> None:
    routes = list(http_routes(gateway.client.app, console=True))
    assert routes, "no routes found"
    undeclared = [(m, p) for m, p, perm in routes if perm is None or (perm not in PERMISSIONS and perm != PUBLIC)]
    assert undeclared == []
    public = sorted({p for _m, p, perm in routes if perm == PUBLIC})
    # The console's sign-in, sign-out, language switch, its home (which only redirects) and its static files.
    assert public == ["/console", "/console/language", "/console/login", "/console/logout",
                      "/console/static/{name:str}", "/healthz", "/readyz"]


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


@pytest.mark.parametrize("policy_set", ["bank", "hospital"])
def test_each_default_role_is_allowed_exactly_what_its_policy_grants(
    gateway_factory: Callable[..., Gateway], policy_set: str
) -> None:
    gateway = gateway_factory(policy_set=policy_set)
    policy = load_policy_set(PROJECT_ROOT / "policies" / f"{policy_set}.yaml")
    checked = 0
    for method, path, permission in http_routes(gateway.client.app):
        if permission == PUBLIC:
            continue
        for role in policy.role_names:
            allowed = permission in policy.decl.roles[role].permissions
            # An empty JSON body: allowed roles get past the guard (and then a 4xx for the body), never 401/403.
            response = gateway.client.request(method, concrete(path), json={}, headers=gateway.auth(role))
            if allowed:
                assert response.status_code not in (401, 403), (role, method, path, response.text)
            else:
                assert response.status_code == 403, (role, method, path, response.status_code)
                assert response.json()["error"]["type"] == "permission_error"
            checked += 1
    assert checked >= len(policy.role_names) * 3
