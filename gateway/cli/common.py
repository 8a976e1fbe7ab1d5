"""What every ``gateway`` command shares: loading the settings, failing cleanly, and auditing what it changed."""

from __future__ import annotations

import getpass
import sys
import uuid
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

import click

from gateway.errors import GatewayError
from gateway.settings import Settings, load_settings

if TYPE_CHECKING:  # loaded by the commands that write the trail, so `gateway --help` stays quick
    from gateway.audit.events import AuditRecord
    from gateway.audit.recorder import RequestAuditor
    from gateway.audit.trail import AuditTrail


def settings() -> Settings:
    """The settings, from the environment and ``GATEWAY_CONFIG`` (an invalid value ends the command, exit 2)."""
    return load_settings()


def fails_cleanly(func: Callable[..., Any]) -> Callable[..., Any]:
    """A gateway error ends the command with its message and exit status 2, no traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GatewayError as exc:
            click.echo(f"error: {exc.message}", err=True)
            sys.exit(2)

    return wrapper


def cli_actor() -> str:
    """Who runs this command, as the audit trail and purge receipts name them: ``cli:<OS user>``."""
    return f"cli:{getpass.getuser()}"[:128]


def audit_trail(config: Settings) -> AuditTrail:
    from gateway.audit.trail import AuditTrail
    from gateway.db.session import Database

    return AuditTrail(Database(config.sqlalchemy_url), config.audit, key_path=config.audit_key_path)


def command_auditor(trail: AuditTrail, policy_version: str, *, user: str | None = None,
                    request_id: str | None = None) -> RequestAuditor:
    """The auditor of one command: its events name the OS user (``cli:<user>``) and no roles."""
    from gateway.audit.recorder import RequestAuditor

    return RequestAuditor(trail, request_id=request_id or uuid.uuid4().hex, principal=None,
                          policy_version=policy_version, user=user or cli_actor())


def audit_admin(action: str, details: dict[str, object]) -> AuditRecord:
    """User, key and knowledge-base changes made on the command line are audited like those made over HTTP."""
    from gateway.policy.policy_set import load_policy_set

    config = settings()
    auditor = command_auditor(audit_trail(config), load_policy_set(config.policy_file).version)
    return auditor.record_now(action, http_status=None, details=details)
