"""Errors on ``/console`` as HTML pages: the same error hierarchy (``gateway/errors.py``) and the same fixed
messages as the API, in a page instead of the OpenAI error shape. A request without a live session is sent to the
sign-in page. Messages never echo what was sent: our own wording only (Litestar's details may quote the request).

``for_console(api_handlers)`` is what the app factory installs: each API handler, except on ``/console`` paths,
where the page is rendered instead (also for 404/405/413 raised before any console route is matched).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException

from gateway.console.web import SignInRequired, render, see_other, translator
from gateway.errors import GatewayError, TooManyRequests

log = logging.getLogger("gateway.console")

PREFIX = "/console"

_STATUS_KEYS = {400: "error.400", 401: "error.401", 403: "error.403", 404: "error.404", 405: "error.405",
                409: "error.409", 413: "error.413", 415: "error.400", 429: "error.429"}


def _page(request: Request, status: int, message: str | None) -> Response[Any]:
    t = translator(request)
    heading = t(_STATUS_KEYS.get(status, "error.500"))
    return render(request, "error.html", {"status": status, "heading": heading, "message": message},
                  status=status, title=heading)


def gateway_error_page(request: Request, exc: GatewayError) -> Response[Any]:
    if isinstance(exc, SignInRequired) and request.method == "GET":
        return see_other("/console/login")
    if exc.status_code >= 500:
        log.error("console request failed: %s (%s)", type(exc).__name__, exc.code)
    response = _page(request, exc.status_code, exc.message)
    if isinstance(exc, TooManyRequests):
        response.headers["Retry-After"] = str(exc.retry_after)
    return response


def http_error_page(request: Request, exc: HTTPException) -> Response[Any]:
    return _page(request, exc.status_code, None)


def unexpected_error_page(request: Request, exc: Exception) -> Response[Any]:
    log.error("unexpected console error: %s", type(exc).__name__, exc_info=False)
    return _page(request, 500, None)


CONSOLE_HANDLERS: dict[type[Exception], Callable[[Request, Any], Response[Any]]] = {
    GatewayError: gateway_error_page,
    HTTPException: http_error_page,
    Exception: unexpected_error_page,
}


def for_console(api_handlers: Mapping[type[Exception], Callable[[Request, Any], Response[Any]]]
                ) -> dict[type[Exception], Callable[[Request, Any], Response[Any]]]:  # fmt: skip
    """The API's handlers, with an HTML page instead of JSON on ``/console`` paths."""

    def dispatch(api: Callable[[Request, Any], Response[Any]], console: Callable[[Request, Any], Response[Any]]
                 ) -> Callable[[Request, Any], Response[Any]]:  # fmt: skip
        def handle(request: Request, exc: Any) -> Response[Any]:
            path = request.scope.get("path", "")
            if path == PREFIX or path.startswith(PREFIX + "/"):
                try:
                    return console(request, exc)
                except Exception as failure:  # rendering the page failed: a bare page, still no detail
                    log.error("console error page failed: %s", type(failure).__name__)
                    return Response("error", status_code=500, media_type="text/plain")
            return api(request, exc)

        return handle

    return {kind: dispatch(handler, CONSOLE_HANDLERS[kind]) for kind, handler in api_handlers.items()}
