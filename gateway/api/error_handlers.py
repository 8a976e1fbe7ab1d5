"""The one place where errors become HTTP responses, in the OpenAI error shape.

``{"error": {"message", "type", "param", "code"}}``: GatewayError subclasses carry their own status and type; Litestar's
own HTTP errors (404 route, 405, 413 body too large, 400 malformed) are mapped by status; anything else is a bug and
becomes a 500 whose message says nothing about the request.
"""

from __future__ import annotations

import logging

from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException

from gateway.errors import GatewayError, TooManyRequests

log = logging.getLogger("gateway.errors")

_TYPE_BY_STATUS = {
    400: ("invalid_request_error", "invalid_request"),
    401: ("authentication_error", "invalid_api_key"),
    403: ("permission_error", "permission_denied"),
    404: ("not_found_error", "not_found"),
    405: ("invalid_request_error", "method_not_allowed"),
    413: ("invalid_request_error", "payload_too_large"),
    415: ("invalid_request_error", "unsupported_media_type"),
    429: ("rate_limit_error", "rate_limited"),
}

_SAFE_MESSAGES = {
    404: "no such route",
    405: "method not allowed on this route",
    413: "the request body is too large",
    400: "invalid request",
}


def error_body(message: str, error_type: str, code: str | None, param: str | None = None) -> dict[str, object]:
    return {"error": {"message": message, "type": error_type, "param": param, "code": code}}


def gateway_error_handler(_request: Request, exc: GatewayError) -> Response[dict[str, object]]:
    headers = {}
    if isinstance(exc, TooManyRequests):
        headers["Retry-After"] = str(exc.retry_after)
    if exc.status_code >= 500:
        log.error("request failed: %s (%s)", type(exc).__name__, exc.code)
    return Response(
        error_body(exc.message, exc.error_type, exc.code, exc.param),
        status_code=exc.status_code,
        headers=headers,
        media_type=MediaType.JSON,
    )


def http_error_handler(_request: Request, exc: HTTPException) -> Response[dict[str, object]]:
    status = exc.status_code
    error_type, code = _TYPE_BY_STATUS.get(status, ("server_error", "internal_error"))
    # Litestar's details may quote the body; only our fixed wording goes out.
    message = _SAFE_MESSAGES.get(status, "the request could not be served")
    return Response(error_body(message, error_type, code), status_code=status, media_type=MediaType.JSON)


def unexpected_error_handler(_request: Request, exc: Exception) -> Response[dict[str, object]]:
    log.error("unexpected error: %s", type(exc).__name__, exc_info=False)
    return Response(
        error_body("internal error; the request was not completed", "server_error", "internal_error"),
        status_code=500,
        media_type=MediaType.JSON,
    )


EXCEPTION_HANDLERS = {
    GatewayError: gateway_error_handler,
    HTTPException: http_error_handler,
    Exception: unexpected_error_handler,
}
