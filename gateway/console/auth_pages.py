"""Signing in and out, the language switch, the console's home, and its static files.

Sign-in takes an API key or an identity-provider access token (the same authenticators as the API's bearer
header), then opens a server-side session whose token goes into an httpOnly, SameSite=Strict cookie (``Secure``
over https, see ``console.cookie_secure``). A principal none of whose roles holds a console permission is refused
(403, recorded as a denial). The credential travels only in the form body, never in a URL, and is not kept.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources
from typing import Any

import jwt
from litestar import Request, Response, get, post
from litestar.response import Redirect

from gateway.api.guards import request_id
from gateway.audit.recorder import RequestAuditor
from gateway.console.i18n import LOCALES
from gateway.console.web import (
    CONSOLE_PERMISSIONS,
    LANG_COOKIE,
    NAVIGATION,
    SESSION_COOKIE,
    ConsoleForm,
    SignInRequired,
    cookie_secure,
    current_session,
    current_token,
    page,
    render,
    safe_back,
    see_other,
    translator,
)
from gateway.errors import InvalidInput, NotFound, PolicyDenied, Unauthenticated
from gateway.policy import api_keys
from gateway.policy.access import PUBLIC
from gateway.policy.decisions import Decision
from gateway.services import Services

LOGIN = "console.login"
LOGOUT = "console.logout"
CREDENTIAL_MAX = 16_384

STATIC_FILES = {"console.css": "text/css; charset=utf-8", "console.js": "text/javascript; charset=utf-8",
                "favicon.svg": "image/svg+xml"}
"""The console's whole set of assets, served from the package; nothing else is served and nothing is fetched."""


@get("/console", opt=page(PUBLIC), sync_to_thread=False)
def home(request: Request, services: Services) -> Response[Any]:
    """The first page the signed-in principal may open; the sign-in page without a session."""
    session = current_session(request)
    if session is None:
        return see_other("/console/login")
    permissions = services.policy.rights(session.principal.roles).permissions
    for _key, href, permission in NAVIGATION:
        if permission in permissions:
            return see_other(href)
    raise _refused(request, services, session.principal.name, session.principal.roles)


@get("/console/login", opt=page(PUBLIC), sync_to_thread=False)
def login_page(request: Request) -> Response[Any]:
    if current_session(request) is not None:
        return see_other("/console")
    return render(request, "login.html", title=translator(request)("login.title"))


def _refused(request: Request, services: Services, name: str, roles: tuple[str, ...]) -> PolicyDenied:
    access = services.access
    access.record(Decision(False, "console", request.method, request.scope["path"], name, roles,
                           "no role grants a console permission", access.policy.version, request_id(request)))
    return PolicyDenied("none of your roles may use the console")


def _credential_expiry(credential: str) -> datetime | None:
    """An identity-provider token's ``exp`` (already verified by the authenticator): the session ends with it."""
    if credential.startswith(api_keys.PREFIX):
        return None
    try:
        exp = jwt.decode(credential, options={"verify_signature": False}).get("exp")
    except jwt.PyJWTError:
        return None
    return datetime.fromtimestamp(int(exp), UTC) if isinstance(exp, int | float) else None


@post("/console/login", opt=page(PUBLIC), status_code=303)
async def login(request: Request, form: ConsoleForm, services: Services) -> Response[Any]:
    t = translator(request)
    if services.sessions is None:
        raise NotFound("the console is not enabled")
    credential = form.text("credential", max_chars=CREDENTIAL_MAX)
    access = services.access
    try:
        principal = access.authenticate(f"Bearer {credential}")
    except Unauthenticated as exc:
        access.record(Decision(False, "console", "POST", request.scope["path"], None, (),
                               f"unauthenticated: {exc.message}", access.policy.version, request_id(request)))
        return render(request, "login.html", {"failed": True}, status=401, title=t("login.title"))
    if not services.policy.rights(principal.roles).permissions & CONSOLE_PERMISSIONS:
        raise _refused(request, services, principal.name, principal.roles)
    parsed = api_keys.parse(credential)
    token, session = services.sessions.open(principal, key_id=parsed[0] if parsed else None,
                                            credential_expires=_credential_expiry(credential),
                                            locale=request.cookies.get(LANG_COOKIE) if request.cookies.get(
                                                LANG_COOKIE) in LOCALES else None)
    auditor = RequestAuditor(services.audit, request_id=request_id(request), principal=principal,
                             policy_version=services.policy.version)
    try:
        await auditor.record(LOGIN, details={"method": principal.auth_method,
                                             "key_id": parsed[0] if parsed else None})
    except Exception:
        services.sessions.close(token)  # no unaudited session
        raise
    response = see_other("/console")
    max_age = max(1, int((session.expires_at - datetime.now(UTC)).total_seconds()))
    response.set_cookie(SESSION_COOKIE, token, path="/console", httponly=True, samesite="strict",
                        secure=cookie_secure(request), max_age=max_age)
    return response


@post("/console/logout", opt=page(PUBLIC), status_code=303)
async def logout(request: Request, form: ConsoleForm, services: Services) -> Response[Any]:
    session = current_session(request)
    if session is None or services.sessions is None:
        raise SignInRequired("sign in to use the console")
    services.sessions.close(current_token(request))
    auditor = RequestAuditor(services.audit, request_id=request_id(request), principal=session.principal,
                             policy_version=services.policy.version)
    await auditor.record(LOGOUT)
    response = see_other("/console/login")
    response.delete_cookie(SESSION_COOKIE, path="/console")
    return response


@post("/console/language", opt=page(PUBLIC), status_code=303)
async def switch_language(request: Request, form: ConsoleForm, services: Services) -> Redirect:
    """Persist the language: in a cookie (also before sign-in) and on the session."""
    lang = form.text("lang", max_chars=8)
    if lang not in LOCALES:
        raise InvalidInput(f"lang must be one of {', '.join(LOCALES)}", param="lang")
    token = current_token(request)
    if current_session(request) is not None and token and services.sessions is not None:
        services.sessions.set_locale(token, lang)
    response = see_other(safe_back(form.text("back", max_chars=1024, required=False)))
    response.set_cookie(LANG_COOKIE, lang, path="/console", httponly=True, samesite="strict",
                        secure=cookie_secure(request), max_age=365 * 86400)
    return response


@get("/console/static/{name:str}", opt=page(PUBLIC), sync_to_thread=False)
def static_file(name: str) -> Response[bytes]:
    if name not in STATIC_FILES:
        raise NotFound("no such file")
    data = resources.files("gateway.console").joinpath("static", name).read_bytes()
    return Response(data, media_type=STATIC_FILES[name], headers={"Cache-Control": "public, max-age=3600"})


AUTH_ROUTES = [home, login_page, login, logout, switch_language, static_file]
