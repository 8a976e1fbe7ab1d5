"""What every console page shares: the guard (session cookie → principal → the route's permission), CSRF-checked
forms, cookies, and rendering a template with the page's context (user, navigation, language, CSRF token).

A console route declares its permission exactly as an API route does, plus that it is a console page
(``opt=page("audit:read")``); the app's guard hands such routes to ``require_console_permission``. The permission
is checked by the same ``AccessControl.authorize`` as the API's, so every allow and deny reaches the same hook
(denials are audited).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from litestar import MediaType, Request, Response
from litestar.connection import ASGIConnection
from litestar.datastructures import FormMultiDict
from litestar.handlers.base import BaseRouteHandler
from litestar.response import Redirect

from gateway.api.guards import RELEASE_KEY, request_id
from gateway.console.i18n import HTML_LANG, Translator, choose
from gateway.errors import InvalidInput, NotFound, PolicyDenied, Unauthenticated
from gateway.policy.access import PUBLIC
from gateway.policy.decisions import Decision
from gateway.policy.sessions import OpenSession
from gateway.services import Services

SESSION_COOKIE = "gw_session"
PRELOGIN_COOKIE = "gw_prelogin"
"""Before sign-in, forms (sign-in, language) carry this cookie's value as their CSRF token (double submit)."""
LANG_COOKIE = "gw_lang"
EDGE = "console"
STATE_SESSION = "console.session"
STATE_TOKEN = "console.token"

NAVIGATION = (
    ("dashboard", "/console/dashboard", "metrics:read"),
    ("audit", "/console/audit", "audit:read"),
    ("verify", "/console/audit/verify", "audit:read"),
    ("export", "/console/audit/export", "audit:export"),
    ("holds", "/console/holds", "audit:read"),
    ("quality", "/console/quality", "audit:read"),
    ("documents", "/console/documents", "documents:read"),
    ("users", "/console/users", "users:manage"),
    ("policy", "/console/policy", "documents:read"),
)
"""Pages in the menu, each with the permission its route declares (a link is shown only to those who hold it)."""
CONSOLE_PERMISSIONS = frozenset(permission for _, _, permission in NAVIGATION) | {"documents:write",
                                                                                   "documents:purge",
                                                                                   "reviews:write"}


def page(permission: str) -> dict[str, str]:
    """The ``opt`` of a console route: the permission it needs, as on the API, and that it is a console page."""
    return {"permission": permission, "edge": EDGE}


class SignInRequired(Unauthenticated):
    """No live console session: pages send the browser to the sign-in page."""


class FormRejected(PolicyDenied):
    """A form without this session's CSRF token (forged, or from an ended session)."""


def _method(connection: ASGIConnection) -> str:
    return str(connection.scope.get("method", "GET"))


def require_console_permission(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    """The console's guard: the session cookie names the principal; the route's permission is authorized like
    the API's (same decision hook, so denials are audited); a request slot is taken as for the API."""
    services = Services.of(connection)
    if services.sessions is None:
        raise NotFound("the console is not enabled")
    token = connection.cookies.get(SESSION_COOKIE)
    session = services.sessions.resolve(token) if token else None
    state = connection.scope.setdefault("state", {})
    state[STATE_SESSION], state[STATE_TOKEN] = session, token
    declared = handler.opt.get("permission")
    if declared == PUBLIC:
        return
    access = services.access
    rid = request_id(connection)
    if session is None:
        access.record(Decision(False, str(declared), _method(connection), connection.scope["path"], None, (),
                               "unauthenticated: no console session", access.policy.version, rid))
        raise SignInRequired("sign in to use the console")
    rights = access.authorize(session.principal, declared, method=_method(connection),
                              path=connection.scope["path"], request_id=rid)
    connection.scope["user"] = session.principal
    connection.scope["auth"] = rights
    state[RELEASE_KEY] = services.limits.enter(session.principal.name)


def current_session(connection: ASGIConnection) -> OpenSession | None:
    session: OpenSession | None = connection.scope.get("state", {}).get(STATE_SESSION)
    return session


def current_token(connection: ASGIConnection) -> str | None:
    token: str | None = connection.scope.get("state", {}).get(STATE_TOKEN)
    return token


@dataclass(frozen=True)
class ConsoleForm:
    """A submitted form whose CSRF token checked out; ``text`` reads one field, bounded."""

    data: FormMultiDict

    def text(self, name: str, *, max_chars: int = 256, required: bool = True) -> str:
        value = self.data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise InvalidInput(f"the field {name} is required", param=name)
            return ""
        if not isinstance(value, str) or len(value) > max_chars:
            raise InvalidInput(f"the field {name} must be text of at most {max_chars} characters", param=name)
        return value.strip()

    def values(self, name: str) -> list[str]:
        return [v for v in self.data.getall(name) if isinstance(v, str)] if name in self.data else []


async def provide_form(request: Request) -> ConsoleForm:
    """The request's form, if its CSRF token is this session's (or, before sign-in, the pre-sign-in cookie's);
    otherwise the request is refused (403) and the refusal recorded like any denial."""
    data = await request.form()
    session = current_session(request)
    expected = session.csrf if session is not None else request.cookies.get(PRELOGIN_COOKIE)
    given = data.get("csrf")
    if not expected or not isinstance(given, str) or not hmac.compare_digest(given.encode(), expected.encode()):
        access = Services.of(request).access
        principal = session.principal if session is not None else None
        access.record(Decision(False, str(request.route_handler.opt.get("permission")), request.method,
                               request.scope["path"], principal.name if principal else None,
                               principal.roles if principal else (), "console form without a valid CSRF token",
                               access.policy.version, request_id(request)))
        raise FormRejected("this form has expired or did not come from this console; reload the page and try again")
    return ConsoleForm(data)


def cookie_secure(request: Request) -> bool:
    return Services.of(request).settings.console.cookie_secure == "always" or request.url.scheme == "https"


def locale_of(request: Request) -> str:
    session = current_session(request)
    return choose(session_locale=session.locale if session else None, cookie=request.cookies.get(LANG_COOKIE),
                  accept_language=request.headers.get("accept-language"))


def translator(request: Request) -> Translator:
    return Translator(locale_of(request))


def safe_back(path: str | None) -> str:
    """A console path to return to (never another site: no scheme, no ``//``, no backslash)."""
    if not path or not path.startswith("/console") or "//" in path or "\\" in path or len(path) > 1024:
        return "/console"
    return path


def prelogin_token(request: Request) -> tuple[str, bool]:
    """The pre-sign-in CSRF value and whether it is new (then the response must set its cookie)."""
    found = request.cookies.get(PRELOGIN_COOKIE)
    if found and 20 <= len(found) <= 64:
        return found, False
    return secrets.token_urlsafe(32), True


def render(request: Request, template: str, context: dict[str, Any] | None = None, *, status: int = 200,
           title: str = "") -> Response[str]:
    """The page ``template`` with the shared context; ``no-store`` so no page (a key shown once) is cached."""
    session = current_session(request)
    services = Services.of(request)
    t = translator(request)
    permissions = services.policy.rights(session.principal.roles).permissions if session else frozenset()
    csrf = session.csrf if session is not None else None
    new_prelogin = None
    if csrf is None:
        csrf, fresh = prelogin_token(request)
        new_prelogin = csrf if fresh else None
    shared = {
        "t": t, "when": t.when, "num": t.number, "locale": t.locale, "html_lang": HTML_LANG[t.locale],
        "user": session.principal if session else None, "permissions": permissions, "csrf": csrf,
        "nav": [(key, href) for key, href, permission in NAVIGATION if permission in permissions],
        # Where the language switch returns to: this page, but never on an error page, which echoes nothing sent.
        "path": request.url.path, "back": safe_back(request.url.path + (f"?{request.url.query}"
                                                                         if request.url.query else ""))
        if status < 400 else "/console",
        "title": title, "session_expires": session.expires_at if session else None,
    }
    engine = request.app.template_engine
    assert engine is not None
    body = engine.get_template(template).render(**{**shared, **(context or {})})
    response: Response[str] = Response(body, status_code=status, media_type=MediaType.HTML)
    if new_prelogin is not None:
        response.set_cookie(PRELOGIN_COOKIE, new_prelogin, path="/console", httponly=True, samesite="strict",
                            secure=cookie_secure(request), max_age=3600)
    return response


def see_other(path: str) -> Redirect:
    return Redirect(path, status_code=303)
