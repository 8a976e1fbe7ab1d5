"""How every ``gateway`` command fails: a gateway error ends it with its message and exit status 2, no traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from gateway.errors import GatewayError


def fails_cleanly(func: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GatewayError as exc:
            click.echo(f"error: {exc.message}", err=True)
            sys.exit(2)

    return wrapper
