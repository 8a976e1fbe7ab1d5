"""``python -m gateway`` is the ``gateway`` command."""

from gateway.cli.main import cli

if __name__ == "__main__":
    cli()
