"""Signing in to the console from tests: through the sign-in form (as a browser does), or by opening a session in
the store directly (for principals the form refuses, to prove each page refuses them too)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from litestar.testing import TestClient

from gateway.policy.principal import Principal
from gateway.services import Services

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF field on the page"
    return found.group(1)


@dataclass
class Session:
    cookie: str
    csrf: str

    @property
    def cookies(self) -> dict[str, str]:
        return {"gw_session": self.cookie}


def sign_in(client: TestClient, credential: str) -> Session:
    """Sign in through the form; the client's cookie jar then holds the session too."""
    client.cookies.clear()
    page = client.get("/console/login")
    response = client.post("/console/login", data={"csrf": csrf_of(page.text), "credential": credential},
                           follow_redirects=False)
    assert response.status_code == 303, (response.status_code, response.text[:500])
    token = response.cookies["gw_session"]
    client.cookies.set("gw_session", token)
    landing = client.get("/console", follow_redirects=True)
    return Session(token, csrf_of(landing.text))


def open_session(client: TestClient, name: str, roles: tuple[str, ...]) -> Session:
    """A session for any principal, opened in the store (the sign-in form refuses roles without console rights)."""
    sessions = Services.of(client).sessions
    assert sessions is not None
    token, opened = sessions.open(Principal(name=name, roles=roles), key_id=None)
    return Session(token, opened.csrf)
