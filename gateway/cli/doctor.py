"""``gateway doctor``: what in this deployment leaves keys or data exposed, before anyone else finds it."""

from __future__ import annotations

import sys

import click

from gateway.cli.common import fails_cleanly, settings


@click.command()
@fails_cleanly
def doctor() -> None:
    """Check key and data file permissions, where the keys live, and the database schema; exit 1 on a failure.

    Keys inside the data directory are a warning outside the dev profile (``GATEWAY_PROFILE=dev``): every copy of
    the directory then carries them. Any key or data file that group or others may read is a failure."""
    from gateway.db.migrate import is_current
    from gateway.db.session import Database

    config = settings()
    findings = config.exposure(walk=True)
    try:
        db = Database(config.sqlalchemy_url)
        if not is_current(db.engine, config.sqlalchemy_url):
            findings.append(("fail", "the database schema is not current; run `gateway db upgrade`"))
        db.dispose()
    except Exception as exc:  # reported, not raised: the doctor says what is wrong
        findings.append(("fail", f"the database cannot be opened ({type(exc).__name__})"))
    click.echo(f"profile: {config.profile}; data directory: {config.data_dir}")
    for level, message in findings:
        click.echo(f"{level}: {message}")
    if not findings:
        click.echo("ok: keys and data files are private to this user, and keys are kept apart from the data")
    sys.exit(1 if any(level == "fail" for level, _ in findings) else 0)
