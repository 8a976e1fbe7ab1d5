"""The console's pages over HTTP (in-process): sign-in and sessions, the permission of every page for every role of
both policy sets, CSRF on every form, security headers, HTML error pages that echo nothing, escaping, languages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.routes import HTTPRoute

from gateway.audit.events import AuditEvent
from gateway.console.headers import CSP
from gateway.console.i18n import negotiate
from gateway.console.messages import CATALOG
from gateway.paths import PROJECT_ROOT
from gateway.policy.access import PUBLIC
from gateway.policy.policy_set import load_policy_set
from tests.console.support import csrf_of, open_session, sign_in
from tests.support import Gateway


def console_routes(app: Litestar) -> Iterator[tuple[str, str, str]]:
    """(method, path, permission) of every console route."""
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if handler.opt.get("edge") != "console":
                continue
            for method in sorted(handler.http_methods - {"HEAD", "OPTIONS"}):
                yield method, route.path, handler.opt["permission"]


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def test_sign_in_sets_a_strict_http_only_session_cookie_and_sign_out_ends_it(gateway: Gateway) -> None:
    client = gateway.client
    page = client.get("/console/login")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    response = client.post("/console/login", data={"csrf": csrf_of(page.text), "credential": gateway.keys["admin"]},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/console"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/console" in cookie and "Max-Age=" in cookie
    assert "Secure" not in cookie  # plain http in tests; https (or cookie_secure = "always") makes it Secure
    assert gateway.keys["admin"] not in cookie
    session = sign_in(client, gateway.keys["admin"])
    assert client.get("/console/users").status_code == 200
    out = client.post("/console/logout", data={"csrf": session.csrf}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/console/login"
    client.cookies.set("gw_session", session.cookie)  # a copy of the old cookie opens nothing any more
    assert client.get("/console/users", follow_redirects=False).headers["location"] == "/console/login"
    actions = [r.event.action for r in gateway.services.audit.records(_everything())]
    assert "console.login" in actions and "console.logout" in actions


def _everything():  # type: ignore[no-untyped-def]
    from gateway.audit.query import AuditFilter

    return AuditFilter()


def test_secure_cookie_when_configured_always(gateway_factory: Callable[..., Gateway]) -> None:
    gateway = gateway_factory(console={"cookie_secure": "always"})
    page = gateway.client.get("/console/login")
    assert "Secure" in page.headers["set-cookie"]  # the pre-sign-in cookie too
    response = gateway.client.post("/console/login", data={"csrf": csrf_of(page.text),
                                                           "credential": gateway.keys["admin"]},
                                   follow_redirects=False)
    assert "Secure" in response.headers["set-cookie"]


def test_wrong_credentials_are_refused_with_the_form_again_and_audited(gateway: Gateway) -> None:
    client = gateway.client
    page = client.get("/console/login")
    response = client.post("/console/login", data={"csrf": csrf_of(page.text), "credential": "gwk_zqxnotakey"})
    assert response.status_code == 401 and "gwk_zqxnotakey" not in response.text
    assert 'name="credential"' in response.text


def test_a_teller_may_not_sign_in_and_a_teller_session_is_refused_every_page(gateway: Gateway) -> None:
    client = gateway.client
    page = client.get("/console/login")
    response = client.post("/console/login", data={"csrf": csrf_of(page.text), "credential": gateway.keys["teller"]},
                           follow_redirects=False)
    assert response.status_code == 403 and "gw_session" not in response.headers.get("set-cookie", "")
    teller = open_session(client, "teller", ("teller",))
    client.cookies.clear()
    for method, path, permission in console_routes(client.app):
        if permission == PUBLIC:
            continue
        answer = client.request(method, concrete(path), cookies=teller.cookies, data={"csrf": teller.csrf},
                                follow_redirects=False)
        assert answer.status_code == 403, (method, path, answer.status_code)
        assert "text/html" in answer.headers["content-type"]
    assert client.get("/console", cookies=teller.cookies, follow_redirects=False).status_code == 403


@pytest.mark.parametrize("policy_set", ["bank", "hospital"])
def test_each_page_needs_exactly_the_permission_of_its_api(gateway_factory: Callable[..., Gateway],
                                                          policy_set: str) -> None:
    gateway = gateway_factory(policy_set=policy_set)
    client = gateway.client
    policy = load_policy_set(PROJECT_ROOT / "policies" / f"{policy_set}.yaml")
    sessions = {role: open_session(client, role, (role,)) for role in policy.role_names}
    client.cookies.clear()
    checked = 0
    for method, path, permission in console_routes(client.app):
        if permission == PUBLIC:
            continue
        for role, session in sessions.items():
            answer = client.request(method, concrete(path), cookies=session.cookies, data={"csrf": session.csrf},
                                    follow_redirects=False)
            if permission in policy.decl.roles[role].permissions:
                assert answer.status_code not in (401, 403), (role, method, path, answer.text[:300])
            else:
                assert answer.status_code == 403, (role, method, path, answer.status_code)
            assert answer.status_code < 500, (role, method, path, answer.text[:300])
            checked += 1
    assert checked > 100


def test_without_a_session_pages_send_the_browser_to_sign_in(gateway: Gateway) -> None:
    for method, path, permission in console_routes(gateway.client.app):
        if permission == PUBLIC:
            continue
        answer = gateway.client.request(method, concrete(path), follow_redirects=False)
        if method == "GET":
            assert answer.status_code == 303 and answer.headers["location"] == "/console/login", (method, path)
        else:
            assert answer.status_code == 401 and "text/html" in answer.headers["content-type"], (method, path)


def test_every_form_post_without_the_session_csrf_token_is_refused(gateway: Gateway) -> None:
    client = gateway.client
    admin = open_session(client, "admin", ("admin",))
    officer = open_session(client, "compliance_officer", ("compliance_officer",))
    posts = [(m, p, perm) for m, p, perm in console_routes(client.app) if m == "POST"]
    assert len(posts) >= 10
    for _method, path, permission in posts:
        session = officer if permission in ("reviews:write", "audit:export") else admin
        for token in (None, "0" * 64, officer.csrf if session is admin else admin.csrf):
            data = {"credential": gateway.keys["admin"], "name": "zqx", "collection": "regulations"}
            if token is not None:
                data["csrf"] = token
            answer = client.post(concrete(path), cookies=session.cookies, data=data, follow_redirects=False)
            assert answer.status_code == 403, (path, token, answer.status_code)
            assert "form has expired" in answer.text


def test_pages_carry_a_strict_content_security_policy_and_no_store(gateway: Gateway) -> None:
    client = gateway.client
    sign_in(client, gateway.keys["admin"])
    for path in ("/console/login", "/console/dashboard", "/console/documents", "/console/users",
                 "/console/policy", "/console/zqx-missing", "/console/static/console.js"):
        answer = client.get(path)
        assert answer.headers["content-security-policy"] == CSP, path
        assert "unsafe-inline" not in CSP and "frame-ancestors 'none'" in CSP
        assert answer.headers["x-frame-options"] == "DENY" and answer.headers["x-content-type-options"] == "nosniff"
        if "static" not in path:
            assert answer.headers["cache-control"] == "no-store", path
            assert "<script>" not in answer.text and " style=" not in answer.text and " on" + "click" not in answer.text
    assert "/v1/" not in client.get("/console/static/console.js").text  # the script calls no API of its own


def test_errors_on_console_paths_are_html_pages_that_echo_nothing(gateway: Gateway) -> None:
    client = gateway.client
    sign_in(client, gateway.keys["compliance_officer"])
    for path, status in (("/console/zqx<b>probe", 404), ("/console/audit/99999", 404),
                         ("/console/audit?outcome=zqxbad", 400), ("/console/audit?zqxname=1", 400),
                         ("/console/audit?since=zqx-not-a-time", 400)):
        answer = client.get(path)
        assert answer.status_code == status, (path, answer.status_code)
        assert "text/html" in answer.headers["content-type"]
        assert "zqx" not in answer.text, path
    assert client.delete("/console/audit").status_code == 405
    assert client.get("/v1/zqx").json()["error"]["code"] == "not_found"  # the API keeps the OpenAI shape


def test_an_answer_holding_markup_is_shown_as_text(gateway: Gateway) -> None:
    services = gateway.services
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    record = services.audit.append(AuditEvent(action="chat", outcome="ok", request_id="r-hostile", user="teller",
                                              roles=("teller",), policy_version=services.policy.version,
                                              http_status=200, masked_query=hostile, masked_answer=hostile))
    client = gateway.client
    sign_in(client, gateway.keys["compliance_officer"])
    page = client.get(f"/console/audit/{record.seq}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text
    listing = client.get("/console/audit")
    assert "<script>alert" not in listing.text


def test_revoking_the_key_ends_its_console_sessions(gateway: Gateway) -> None:
    client = gateway.client
    sign_in(client, gateway.keys["admin"])
    assert client.get("/console/users").status_code == 200
    gateway.services.users.revoke_key(gateway.keys["admin"].split("_")[1])
    assert client.get("/console/users", follow_redirects=False).headers["location"] == "/console/login"


def test_an_idle_or_expired_session_has_ended(gateway: Gateway) -> None:
    sessions = gateway.services.sessions
    assert sessions is not None
    from gateway.policy.principal import Principal

    now = datetime.now(UTC)
    token, _ = sessions.open(Principal("admin", ("admin",)), key_id=None, now=now)
    assert sessions.resolve(token, now=now + timedelta(minutes=5)) is not None
    assert sessions.resolve(token, now=now + timedelta(minutes=40)) is None  # idle past 30 minutes
    token, _ = sessions.open(Principal("admin", ("admin",)), key_id=None, now=now,
                             credential_expires=now + timedelta(minutes=2))
    assert sessions.resolve(token, now=now + timedelta(minutes=3)) is None  # the token it was opened with expired


def test_every_message_exists_in_english_and_chinese_and_every_used_key_is_defined() -> None:
    assert set(CATALOG["en"]) == set(CATALOG["zh"])
    assert all(CATALOG["zh"][k].strip() for k in CATALOG["zh"])
    templates = (PROJECT_ROOT / "gateway" / "console" / "templates").glob("*.html")
    sources = [p.read_text() for p in templates] + [
        p.read_text() for p in (PROJECT_ROOT / "gateway" / "console").glob("*.py")]
    used = {m for text in sources
            for m in re.findall(r"""\bt\(\s*["']([a-z0-9_]+\.[a-z0-9_.]+)["']\s*[,)]""", text)}
    prefixes = {m for text in sources for m in re.findall(r"""\bt\(\s*["']([a-z0-9_.]+)["']\s*~""", text)}
    assert all(any(key.startswith(p) for key in CATALOG["en"]) for p in prefixes), prefixes
    used |= {m for text in sources for m in re.findall(r"""translator\(request\)\(["']([a-z0-9_.]+)["']""", text)}
    assert used and not used - set(CATALOG["en"]), sorted(used - set(CATALOG["en"]))


def test_accept_language_chooses_chinese_and_the_switch_persists(gateway: Gateway) -> None:
    assert negotiate("zh-CN,zh;q=0.9,en;q=0.8") == "zh"
    assert negotiate("en-GB,zh;q=0.5") == "en"
    assert negotiate("fr-FR") == "en"
    client = gateway.client
    assert "登录" in client.get("/console/login", headers={"Accept-Language": "zh-CN"}).text
    session = sign_in(client, gateway.keys["admin"])
    english = client.get("/console/users")
    assert "Users and API keys" in english.text and 'lang="en"' in english.text
    switched = client.post("/console/language", data={"csrf": session.csrf, "lang": "zh", "back": "/console/users"},
                           follow_redirects=False)
    assert switched.status_code == 303 and switched.headers["location"] == "/console/users"
    page = client.get("/console/users")
    assert "用户与 API 密钥" in page.text and 'lang="zh-CN"' in page.text
    evil = client.post("/console/language", data={"csrf": session.csrf, "lang": "en", "back": "//evil.example/x"},
                       follow_redirects=False)
    assert evil.headers["location"] == "/console"


def test_creating_a_user_shows_its_key_once_and_audits_it(gateway: Gateway) -> None:
    client = gateway.client
    session = sign_in(client, gateway.keys["admin"])
    made = client.post("/console/users/create", data={"csrf": session.csrf, "name": "dora", "roles": ["teller"]})
    assert made.status_code == 201
    key = re.search(r'id="issued-key"[^>]*value="(gwk_[^"]+)"', made.text)
    assert key and gateway.services.users.authenticate(key.group(1)).name == "dora"
    assert made.headers["cache-control"] == "no-store"
    assert key.group(1) not in client.get("/console/users").text
    events = [r.event for r in gateway.services.audit.records(_everything()) if r.event.action == "user.create"]
    assert events and key.group(1) not in str(events[-1].details)


def test_signing_in_with_an_identity_provider_token_ends_the_session_with_the_token(
        gateway_factory: Callable[..., Gateway], tmp_path: Path) -> None:  # fmt: skip
    import json
    import time

    import jwt
    from cryptography.hazmat.primitives.asymmetric import rsa
    from jwt.algorithms import RSAAlgorithm

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = {**RSAAlgorithm.to_jwk(private.public_key(), as_dict=True), "kid": "k1", "alg": "RS256"}
    (tmp_path / "jwks.json").write_text(json.dumps({"keys": [jwk]}))
    gateway = gateway_factory(jwt={"enabled": True, "jwks_file": tmp_path / "jwks.json", "issuer": "https://idp",
                                   "audience": "gw", "role_map": {"aml-review": "compliance_officer"}})
    now = int(time.time())
    token = jwt.encode({"iss": "https://idp", "aud": "gw", "preferred_username": "olga", "iat": now,
                        "exp": now + 120, "roles": ["aml-review"]}, private, algorithm="RS256",
                       headers={"kid": "k1"})
    client = gateway.client
    page = client.get("/console/login")
    response = client.post("/console/login", data={"csrf": csrf_of(page.text), "credential": token},
                           follow_redirects=False)
    assert response.status_code == 303
    assert int(re.search(r"Max-Age=(\d+)", response.headers["set-cookie"]).group(1)) <= 120  # type: ignore[union-attr]
    client.cookies.set("gw_session", response.cookies["gw_session"])
    trail = client.get("/console/audit")
    assert trail.status_code == 200 and "jwt:olga" in trail.text
