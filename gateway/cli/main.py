"""``gateway``: the command line. This module holds the group, ``serve`` and ``db``; each other group is a module of
``gateway.cli`` (users, models, policies, kb, audit, corpus, model and eval) registered below."""

from __future__ import annotations

import os

# spaCy's NER is 20-25% faster with single-threaded OpenBLAS on these small inputs; it must be set before numpy
# loads. A deployment can still override it in the environment.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click

from gateway.cli.common import fails_cleanly, settings


@click.group()
def cli() -> None:
    """On-premises compliance gateway for large language models."""


def main() -> None:
    """The ``gateway`` program: every file a command creates (database, LanceDB files, keys, exports) is private
    to the gateway's user, whatever the umask it was started with."""
    os.umask(0o077)
    cli()


def _register_groups() -> None:
    from gateway.cli.audit import audit
    from gateway.cli.corpus import corpus, model
    from gateway.cli.doctor import doctor
    from gateway.cli.eval import eval_group
    from gateway.cli.kb import kb
    from gateway.cli.model_files import models
    from gateway.cli.policies import policies
    from gateway.cli.users import users

    for group in (users, models, policies, audit, kb, corpus, model, eval_group, doctor):
        cli.add_command(group)


@cli.command()
@click.option("--host", default=None, help="Bind address (default: settings.host).")
@click.option("--port", default=None, type=int, help="Port (default: settings.port).")
@fails_cleanly
def serve(host: str | None, port: int | None) -> None:
    """Start the gateway."""
    import uvicorn

    from gateway.app import create_app
    from gateway.observability.logging import configure_logging

    config = settings()
    configure_logging(config.log_level)
    app = create_app(config)
    uvicorn.run(app, host=host or config.host, port=port or config.port, log_config=None, access_log=True)


@cli.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
@fails_cleanly
def db_upgrade() -> None:
    """Migrate the database to the newest schema (safe to repeat)."""
    from gateway.db.migrate import upgrade

    upgrade(settings().sqlalchemy_url)
    click.echo("database schema is current")


_register_groups()
