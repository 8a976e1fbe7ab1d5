"""``gateway users``: users, their roles and API keys; every change audited."""

from __future__ import annotations

from typing import Any

import click

from gateway.audit.events import Actions
from gateway.cli.common import audit_admin, fails_cleanly, settings


@click.group()
def users() -> None:
    """Users, their roles and API keys."""


def _user_store() -> Any:
    from gateway.db.session import Database
    from gateway.policy.users import UserStore

    return UserStore(Database(settings().sqlalchemy_url))


def _check_roles(roles: tuple[str, ...]) -> None:
    from gateway.policy.policy_set import load_policy_set

    policy = load_policy_set(settings().policy_file)
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
    audit_admin(Actions.USER_CREATE,
                {"user": principal.name, "roles": list(principal.roles), "key_id": key.split("_")[1]})
    click.echo(f"created user {principal.name} with roles {', '.join(principal.roles)}", err=True)
    click.echo("API key (shown once, store it now):", err=True)
    click.echo(key)


@users.command("key")
@click.argument("name")
@fails_cleanly
def users_key(name: str) -> None:
    """Issue another API key for an existing user (key rotation)."""
    key = _user_store().issue_key(name)
    audit_admin(Actions.KEY_ISSUE, {"user": name, "key_id": key.split("_")[1]})
    click.echo(key)


@users.command("revoke-key")
@click.argument("key_id")
@fails_cleanly
def users_revoke_key(key_id: str) -> None:
    """Revoke an API key by its id (the part after ``gwk_`` and before the next ``_``)."""
    _user_store().revoke_key(key_id)
    audit_admin(Actions.KEY_REVOKE, {"key_id": key_id})
    click.echo(f"revoked {key_id}")


@users.command("list")
@fails_cleanly
def users_list() -> None:
    """List users and roles."""
    for principal in _user_store().list_users():
        click.echo(f"{principal.name}\t{','.join(principal.roles)}")
