"""The gateway's errors, in one place.

Services raise these; one exception handler (``gateway/api/error_handlers.py``) maps them to HTTP, in the OpenAI
error shape on ``/v1``. Messages never echo request text: it may hold personal data.

    GatewayError
    ├── ClientError                 4xx: the caller can fix it
    │   ├── InvalidInput            400  invalid_request_error
    │   │   └── ContextLengthExceeded 400  (code context_length_exceeded)
    │   ├── Unauthenticated         401  missing, malformed or unknown credentials
    │   ├── PolicyDenied            403  authenticated, but the policy does not allow it
    │   ├── NotFound                404
    │   ├── Conflict                409
    │   ├── PayloadTooLarge         413
    │   └── TooManyRequests         429  carries retry_after seconds (sent as Retry-After)
    │       ├── QueueFull                the model queue is full
    │       ├── ConcurrencyLimited       the caller holds too many requests open at once
    │       └── RateLimited              the caller is over a per-minute rate
    └── ServerError                 5xx: the gateway cannot do it now
        ├── AnswerFormatInvalid     502  the answer did not comply with the role's template, even on retry
        ├── ModelUnavailable        503  model not loaded or upstream unreachable
        ├── LimitsUnavailable       503  the limits shared between gateway processes (Redis) cannot be read
        ├── GenerationTimeout       504  generation ran past the per-request timeout
        ├── MaskingFailed           500  PII detection failed; the request fails closed
        ├── AuditFailed             500  the audit event could not be written; the request fails closed
        └── ConfigurationError      —    bad settings or policies at start-up (stops the process)
"""

from __future__ import annotations

import re


class GatewayError(Exception):
    """Base of every error the gateway raises on purpose."""

    status_code: int = 500
    error_type: str = "server_error"
    code: str | None = None

    def __init__(self, message: str, *, code: str | None = None, param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        if code is not None:
            self.code = code


class ClientError(GatewayError):
    status_code = 400
    error_type = "invalid_request_error"


class InvalidInput(ClientError):
    code = "invalid_request"


class ContextLengthExceeded(InvalidInput):
    code = "context_length_exceeded"


class Unauthenticated(ClientError):
    status_code = 401
    error_type = "authentication_error"
    code = "invalid_api_key"


class PolicyDenied(ClientError):
    status_code = 403
    error_type = "permission_error"
    code = "permission_denied"


class NotFound(ClientError):
    status_code = 404
    error_type = "not_found_error"
    code = "not_found"


class Conflict(ClientError):
    status_code = 409
    code = "conflict"


class PayloadTooLarge(ClientError):
    status_code = 413
    code = "payload_too_large"


class TooManyRequests(ClientError):
    status_code = 429
    error_type = "rate_limit_error"
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class QueueFull(TooManyRequests):
    code = "queue_full"


class ConcurrencyLimited(TooManyRequests):
    code = "too_many_concurrent_requests"


class RateLimited(TooManyRequests):
    code = "rate_limited"


class ServerError(GatewayError):
    status_code = 500
    error_type = "server_error"


class AnswerFormatInvalid(ServerError):
    """The model's answer did not comply with the role's answer template (after the retry the policy allows); it
    was not sent."""

    status_code = 502
    code = "answer_format_invalid"


class ModelUnavailable(ServerError):
    status_code = 503
    code = "model_unavailable"


class LimitsUnavailable(ServerError):
    """The store of the limits shared by the gateway's processes cannot be reached; the request fails closed."""

    status_code = 503
    code = "limits_unavailable"


class GenerationTimeout(ServerError):
    status_code = 504
    code = "timeout"


class MaskingFailed(ServerError):
    code = "masking_failed"


class AuditFailed(ServerError):
    code = "audit_failed"

    def __init__(self, message: str, *, invalid: bool = False) -> None:
        super().__init__(message)
        self.invalid = invalid
        """The event did not validate (a bug or a value the gateway should have refused earlier), as opposed to
        the database failing to take it."""


class ConfigurationError(GatewayError):
    """Bad settings, policies or model files found at start-up; the process stops with this message."""


_PATH = re.compile(r" - at `(\$[^`]*)`$")
_SAFE_PATH = re.compile(r"^\$(?:\.[A-Za-z_][A-Za-z0-9_]{0,63}|\[\d{1,6}\])*$")
_SAFE_MESSAGES = (
    re.compile(r"^Expected `[^`]{1,64}`, got `[^`]{1,32}`$"),
    re.compile(r"^Expected `[^`]{1,64}` [<>=]{1,2} [0-9.e+-]{1,24}$"),
    re.compile(r"^Expected `[^`]{1,64}` of length [<>=]{1,2} \d{1,9}$"),
    re.compile(r"^Object missing required field `[a-z_]{1,64}`$"),
)


def without_input(validation_message: str) -> str:
    """A msgspec validation message without anything the caller sent: it quotes a bad enum value ("Invalid enum value
    'Jane Doe 0123'") and unknown field names, and a path may run through a caller's own keys. Kept: the expected
    type or bound and the path, when that path is made of our field names and list positions only."""
    text = validation_message
    found = _PATH.search(text)
    path = found.group(1) if found and _SAFE_PATH.match(found.group(1)) else "$"
    message = text[: found.start()] if found else text
    if message.startswith("Invalid enum value"):
        message = "Invalid value"
    elif message.startswith("Object contains unknown field"):
        message = "Object contains an unknown field"
    elif not any(pattern.match(message) for pattern in _SAFE_MESSAGES):
        message = "Invalid value"
    return f"{message} - at `{path}`"
