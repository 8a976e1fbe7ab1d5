"""Pages for administrators: the dashboard (``metrics:read``), users and API keys (``users:manage``), and the
policy set rendered readably (``documents:read``, which officers and administrators hold in both shipped sets).

User and key changes are audited like the command line's (``user.create``, ``key.issue``, ``key.revoke``; ids and
roles only). A new key is shown once, in the response to the form that made it (never in a URL or a redirect) and
the page is ``no-store``.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import anyio
from litestar import Request, Response, get, post

from gateway.audit.events import Actions
from gateway.audit.recorder import RequestAuditor
from gateway.audit.stats import activity
from gateway.console.charts import bar_chart, series_chart
from gateway.console.web import ConsoleForm, page, render, see_other, translator
from gateway.errors import InvalidInput
from gateway.observability.metrics import Metrics
from gateway.policy.pii_rules import pii_rules_for
from gateway.policy.policy_set import PolicySet
from gateway.services import Services

WINDOWS = {"24h": (timedelta(hours=24), 24), "7d": (timedelta(days=7), 28), "30d": (timedelta(days=30), 30)}


@get("/console/dashboard", opt=page("metrics:read"))
async def dashboard(request: Request, services: Services, metrics: Metrics, audit: RequestAuditor
                    ) -> Response[Any]:  # fmt: skip
    window = request.query_params.get("window", "24h")
    if window not in WINDOWS:
        raise InvalidInput(f"window must be one of {', '.join(WINDOWS)}", param="window")
    span, count = WINDOWS[window]
    t = translator(request)
    until = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(minutes=1)
    since = until - span
    found = await anyio.to_thread.run_sync(lambda: activity(services.db, since=since, until=until, buckets=count))
    label_format = "%H:%M" if window == "24h" else "%m-%d"
    labels = [b.start.strftime(label_format) for b in found.buckets]
    b = found.buckets
    depth_points = metrics.depth_history.since(time.time() - span.total_seconds())
    depth = [0.0] * count
    for minute, value in depth_points:
        index = min(count - 1, int((datetime.fromtimestamp(minute * 60, UTC) - since) / found.width))
        if index >= 0:
            depth[index] = max(depth[index], float(value))
    charts = {
        "requests": series_chart(labels, [(t("dash.requests"), "s1", [x.requests for x in b]),
                                          (t("dash.errors"), "s3", [x.errors for x in b])]),
        "latency": series_chart(labels, [("p50", "s1", [x.percentile(0.5) for x in b]),
                                         ("p95", "s2", [x.percentile(0.95) for x in b])]),
        "tokens": series_chart(labels, [(t("dash.prompt_tokens"), "s1", [x.prompt_tokens for x in b]),
                                        (t("dash.completion_tokens"), "s2", [x.completion_tokens for x in b])]),
        "queue": series_chart(labels, [(t("dash.queue_depth"), "s1", depth)]),
        "denials": series_chart(labels, [(t("dash.denials"), "s3", [x.denials for x in b]),
                                         (t("dash.refusals"), "s2", [x.refusals for x in b])]),
        "format": series_chart(labels, [(t("dash.format_compliance"), "s1",
                                         [100 * x.compliant / x.formatted if x.formatted else None for x in b])]),
        "entities": bar_chart(list(found.entities.items())),
    }
    await audit.record("metrics.read", details={"window": window, "truncated": found.truncated})
    totals = {"requests": sum(x.requests for x in b), "denials": sum(x.denials for x in b),
              "refusals": sum(x.refusals for x in b), "entities": sum(found.entities.values()),
              "queue_now": int(metrics.registry.get_sample_value("gateway_model_queue_depth") or 0)}
    return render(request, "dashboard.html", {"charts": charts, "window": window, "windows": list(WINDOWS),
                                              "totals": totals, "truncated": found.truncated, "since": since},
                  title=t("dashboard.title"))


@get("/console/users", opt=page("users:manage"), sync_to_thread=True)
def users_page(request: Request, services: Services) -> Response[Any]:
    return _users(request, services)


def _users(request: Request, services: Services, *, issued: dict[str, str] | None = None,
           status: int = 200) -> Response[Any]:
    keys = services.users.keys_by_user()
    return render(request, "users.html", {"users": services.users.list_users(), "keys": keys,
                                          "roles": services.policy.role_names, "issued": issued},
                  status=status, title=translator(request)("users.title"))


def _key_id(key: str) -> str:
    return key.split("_")[1]


# Not POST /console/users: Litestar 2.25 wraps a ``sync_to_thread`` handler twice when another handler shares its
# path, and the page then answers 500 (a coroutine for a response). Distinct paths for sync handlers avoid it.
@post("/console/users/create", opt=page("users:manage"), status_code=201, sync_to_thread=True)
def create_user(request: Request, form: ConsoleForm, services: Services, audit: RequestAuditor) -> Response[Any]:
    roles = form.values("roles")
    unknown = [r for r in roles if r not in services.policy.role_names]
    if unknown or not roles:
        raise InvalidInput("choose one or more roles of this policy set", param="roles")
    principal, key = services.users.add_user(form.text("name", max_chars=128), roles)
    audit.record_now(Actions.USER_CREATE, http_status=201, details={
        "user": principal.name, "roles": list(principal.roles), "key_id": _key_id(key)})
    return _users(request, services, issued={"user": principal.name, "key": key}, status=201)


@post("/console/users/rotate", opt=page("users:manage"), status_code=201, sync_to_thread=True)
def rotate_key(request: Request, form: ConsoleForm, services: Services, audit: RequestAuditor) -> Response[Any]:
    """Issue another key for a user (the old ones stay valid until revoked: rotation without an outage)."""
    name = form.text("user", max_chars=128)
    key = services.users.issue_key(name)
    audit.record_now(Actions.KEY_ISSUE, http_status=201, details={"user": name, "key_id": _key_id(key)})
    return _users(request, services, issued={"user": name, "key": key}, status=201)


@post("/console/keys/revoke", opt=page("users:manage"), status_code=303, sync_to_thread=True)
def revoke_key(request: Request, form: ConsoleForm, services: Services, audit: RequestAuditor) -> Response[Any]:
    key_id = form.text("key_id", max_chars=32)
    services.users.revoke_key(key_id)
    audit.record_now(Actions.KEY_REVOKE, details={"key_id": key_id})
    return see_other("/console/users")


@get("/console/policy", opt=page("documents:read"), sync_to_thread=False)
def policy_page(request: Request, policy: PolicySet) -> Response[Any]:
    roles = []
    for name, role in policy.decl.roles.items():
        rules = pii_rules_for(policy, [name])
        roles.append({"name": name, "decl": role, "collections": policy.collections_of(role),
                      "masked": sorted(rules.entities_masked), "reveal": sorted(role.pii.reveal)})
    return render(request, "policy.html", {"policy": policy, "roles": roles},
                  title=translator(request)("policy.title"))


ADMIN_PAGES = [dashboard, users_page, create_user, rotate_key, revoke_key, policy_page]
