"""Security headers on every ``/console`` response, error pages and static files included.

The Content-Security-Policy allows nothing inline (no ``unsafe-inline`` for scripts or styles: every script and
style is a file served from the package), no other origin, no framing (``frame-ancestors 'none'``), and forms may
post only back to the console. Question and answer texts are attacker-controlled: they are escaped by the
templates, and this policy keeps a missed escape from running anything.
"""

from __future__ import annotations

from typing import Any

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
_NO_STORE = (b"cache-control", b"no-store")


async def add_console_headers(message: Any, scope: Any) -> None:
    """A ``before_send`` hook (it sees every response, the router's own 404 and 405 included): adds the headers
    above to responses under ``/console``, and ``no-store`` to its pages."""
    if message["type"] != "http.response.start" or scope.get("type") != "http":
        return
    path = scope.get("path", "")
    if not (path == "/console" or path.startswith("/console/")):
        return
    headers = message.setdefault("headers", [])
    names = {bytes(name).lower() for name, _ in headers}
    extra = [h for h in HEADERS if h[0] not in names]
    if not path.startswith("/console/static/") and b"cache-control" not in names:
        extra.append(_NO_STORE)
    headers.extend(extra)
