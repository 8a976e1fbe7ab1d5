"""AccessControl: deny by default, every decision reaches the hooks, a failing hook fails the request."""

from __future__ import annotations

import pytest

from gateway.errors import PolicyDenied, Unauthenticated
from gateway.paths import PROJECT_ROOT
from gateway.policy.access import AccessControl
from gateway.policy.decisions import Decision
from gateway.policy.policy_set import PolicySet, load_policy_set
from gateway.policy.principal import Principal

TELLER = Principal(name="tina", roles=("teller",), user_id=1)
ADMIN = Principal(name="ada", roles=("admin",), user_id=2)
API_KEY = "gwk_0123456789abcdef_" + "a" * 43


@pytest.fixture(scope="module")
def bank() -> PolicySet:
    return load_policy_set(PROJECT_ROOT / "policies" / "bank.yaml")


@pytest.fixture
def decisions() -> list[Decision]:
    return []


@pytest.fixture
def access(bank: PolicySet, decisions: list[Decision]) -> AccessControl:
    def by_key(credential: str) -> Principal:
        if credential != API_KEY:
            raise Unauthenticated("invalid API key")
        return TELLER

    control = AccessControl(bank, {"api_key": by_key}, on_decision=lambda _d: None)
    control.subscribe(decisions.append)
    return control


def authorize(access: AccessControl, principal: Principal, permission: str | None):  # type: ignore[no-untyped-def]
    return access.authorize(principal, permission, method="POST", path="/v1/x", request_id="req-1")


def test_permission_granted_by_a_role_is_allowed_and_recorded(access: AccessControl, decisions: list[Decision]) -> None:
    rights = authorize(access, TELLER, "chat")
    assert "chat" in rights.permissions
    [decision] = decisions
    assert decision.allowed
    assert (decision.permission, decision.principal, decision.roles) == ("chat", "tina", ("teller",))
    assert decision.reason == "granted by role teller"
    assert decision.policy_version == access.policy.version
    assert (decision.method, decision.path, decision.request_id) == ("POST", "/v1/x", "req-1")


def test_permission_no_role_grants_is_denied_and_recorded(access: AccessControl, decisions: list[Decision]) -> None:
    with pytest.raises(PolicyDenied, match="no role grants documents:purge"):
        authorize(access, TELLER, "documents:purge")
    [decision] = decisions
    assert not decision.allowed
    assert decision.permission == "documents:purge"


def test_admin_has_no_audit_access(access: AccessControl) -> None:
    with pytest.raises(PolicyDenied):
        authorize(access, ADMIN, "audit:read")


@pytest.mark.parametrize("permission", [None, "", "chat:all", "*", "CHAT"])
def test_missing_or_unknown_permission_declaration_fails_closed(
    access: AccessControl, decisions: list[Decision], permission: str | None
) -> None:
    with pytest.raises(PolicyDenied, match="declares no known permission"):
        authorize(access, ADMIN, permission)
    [decision] = decisions
    assert not decision.allowed


def test_principal_without_known_roles_is_denied(access: AccessControl) -> None:
    for roles in [(), ("superuser",)]:
        with pytest.raises(PolicyDenied):
            authorize(access, Principal(name="x", roles=roles), "chat")


def test_every_decision_reaches_every_hook_in_order(access: AccessControl, decisions: list[Decision]) -> None:
    second: list[Decision] = []
    access.subscribe(second.append)
    authorize(access, TELLER, "chat")
    with pytest.raises(PolicyDenied):
        authorize(access, TELLER, "users:manage")
    with pytest.raises(PolicyDenied):
        authorize(access, TELLER, None)
    assert [d.allowed for d in decisions] == [True, False, False]
    assert second == decisions


@pytest.mark.parametrize("permission", ["chat", "users:manage"])
def test_a_hook_that_raises_makes_the_request_fail(access: AccessControl, permission: str) -> None:
    """An audit hook that cannot record the decision must not let the request through unaudited."""

    class AuditDown(Exception):
        pass

    def broken(_decision: Decision) -> None:
        raise AuditDown

    access.subscribe(broken)
    with pytest.raises(AuditDown):
        authorize(access, TELLER, permission)


def test_valid_bearer_key_authenticates(access: AccessControl) -> None:
    assert access.authenticate(f"Bearer {API_KEY}") == TELLER
    assert access.authenticate(f"bearer   {API_KEY}  ") == TELLER


@pytest.mark.parametrize(
    "header",
    [None, "", "Bearer", "Bearer ", "Bearer    ", f"Basic {API_KEY}", f"Token {API_KEY}", API_KEY, f"Bearer{API_KEY}"],
    ids=[
        "missing",
        "empty",
        "scheme-only",
        "scheme-space",
        "blank-credential",
        "basic",
        "token",
        "no-scheme",
        "no-space",
    ],
)
def test_malformed_authorization_header_is_unauthenticated(access: AccessControl, header: str | None) -> None:
    with pytest.raises(Unauthenticated) as caught:
        access.authenticate(header)
    assert API_KEY not in caught.value.message


def test_wrong_key_is_unauthenticated(access: AccessControl) -> None:
    with pytest.raises(Unauthenticated):
        access.authenticate("Bearer gwk_0123456789abcdef_" + "b" * 43)


def test_token_is_unauthenticated_when_no_jwt_authenticator_is_configured(access: AccessControl) -> None:
    with pytest.raises(Unauthenticated, match="invalid API key"):
        access.authenticate("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")


def test_authenticate_records_nothing_by_itself(access: AccessControl, decisions: list[Decision]) -> None:
    access.authenticate(f"Bearer {API_KEY}")
    assert decisions == []
