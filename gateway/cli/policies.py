"""``gateway policies check``: validate policy files without starting the gateway."""

from __future__ import annotations

import sys

import click

from gateway.cli.common import fails_cleanly, settings
from gateway.errors import GatewayError


@click.group()
def policies() -> None:
    """Policy files."""


@policies.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@fails_cleanly
def policies_check(paths: tuple[str, ...]) -> None:
    """Validate policy files without starting (default: every file in the policies directory)."""
    from pathlib import Path

    from gateway.policy.policy_set import check_policy_dir, load_policy_set

    adapters = settings().llm.lora_adapters  # a role naming an adapter the settings do not declare is invalid
    results: dict[Path, str | None] = {}
    if paths:
        for given in paths:
            try:
                policy = load_policy_set(Path(given), adapters=adapters)
                results[Path(given)] = None
                click.echo(f"{given}: ok, {len(policy.role_names)} roles, version {policy.version[:16]}")
            except GatewayError as exc:
                results[Path(given)] = exc.message
    else:
        results = check_policy_dir(settings().policies_dir, adapters=adapters)
        for path, problem in results.items():
            if problem is None:
                policy = load_policy_set(path, adapters=adapters)
                click.echo(f"{path.name}: ok, {len(policy.role_names)} roles, version {policy.version[:16]}")
    failures = {p: msg for p, msg in results.items() if msg}
    for msg in failures.values():
        click.echo(f"invalid: {msg}", err=True)
    if not results:
        click.echo("no policy files found", err=True)
    sys.exit(1 if failures or not results else 0)
