"""AccessControl: authenticate a request's credentials and decide whether its principal holds a permission.

Deny by default: a route that declares no permission, or an unknown one, is refused; a principal whose roles grant
nothing is refused. Every decision goes to the decision hook.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from gateway.errors import PolicyDenied, Unauthenticated
from gateway.policy.decisions import Decision, DecisionHook, log_decision
from gateway.policy.policy_set import EffectiveRights, PolicySet
from gateway.policy.principal import Principal
from gateway.policy.schema import PERMISSIONS

PUBLIC = "public"
"""Declared by the few routes that need no credentials (``/healthz``, ``/readyz``)."""

Authenticator = Callable[[str], Principal]


class AccessControl:
    def __init__(
        self,
        policy: PolicySet,
        authenticators: Mapping[str, Authenticator],
        on_decision: DecisionHook = log_decision,
    ) -> None:
        """``authenticators`` maps a credential kind (``api_key``, ``jwt``) to a function that turns a bearer
        credential into a principal or raises Unauthenticated."""
        self.policy = policy
        self._authenticators = authenticators
        self._hooks: list[DecisionHook] = [on_decision]

    def subscribe(self, hook: DecisionHook) -> None:
        self._hooks.append(hook)

    def authenticate(self, authorization: str | None) -> Principal:
        if not authorization:
            raise Unauthenticated("missing Authorization header; send 'Authorization: Bearer <key>'")
        scheme, _, credential = authorization.partition(" ")
        credential = credential.strip()
        if scheme.lower() != "bearer" or not credential:
            raise Unauthenticated("the Authorization header must be 'Bearer <key>'")
        kind = "api_key" if credential.startswith("gwk_") else "jwt"
        authenticator = self._authenticators.get(kind)
        if authenticator is None:
            raise Unauthenticated("invalid API key")
        return authenticator(credential)

    def authorize(
        self, principal: Principal, permission: str | None, *, method: str, path: str, request_id: str
    ) -> EffectiveRights:
        """The principal's rights under ``permission`` (knowledge grants only from the roles holding it), or
        PolicyDenied."""
        rights = self.policy.rights(principal.roles, permission)
        if permission is None or permission not in PERMISSIONS:
            reason = "route declares no known permission"
            allowed = False
        elif permission in rights.permissions:
            granting = [r for r in rights.roles if permission in self.policy.decl.roles[r].permissions]
            reason, allowed = f"granted by role {granting[0]}", True
        else:
            reason, allowed = f"no role grants {permission}", False
        self.record(
            Decision(
                allowed=allowed,
                permission=permission or "(none)",
                method=method,
                path=path,
                principal=principal.name,
                roles=principal.roles,
                reason=reason,
                policy_version=self.policy.version,
                request_id=request_id,
            )
        )
        if not allowed:
            raise PolicyDenied(f"permission denied: {reason}")
        return rights

    def record(self, decision: Decision) -> None:
        for hook in self._hooks:
            hook(decision)
