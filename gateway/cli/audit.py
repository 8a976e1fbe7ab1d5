"""``gateway audit``: verify, export, prune and legal holds, for compliance officers at the console."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import click

from gateway.audit.export import FORMATS, export_lines
from gateway.audit.query import AuditFilter
from gateway.audit.settings import AuditSettings
from gateway.audit.trail import AuditTrail
from gateway.cli.common import cli_actor, fails_cleanly, settings


@dataclass(frozen=True)
class AuditCliConfig:
    """What the commands need; built from ``load_settings()`` unless a test passes one as the click ``obj``."""

    database_url: str
    data_dir: Path
    audit: AuditSettings

    @classmethod
    def from_settings(cls) -> AuditCliConfig:
        config = settings()
        return cls(config.sqlalchemy_url, config.data_dir, config.audit)


@contextmanager
def _trail() -> Iterator[AuditTrail]:
    from gateway.db.session import Database

    obj = click.get_current_context().find_object(AuditCliConfig)
    config = obj or AuditCliConfig.from_settings()
    db = Database(config.database_url)
    trail = AuditTrail(db, config.audit, key_path=config.audit.key_path(config.data_dir))
    try:
        yield trail
    finally:
        trail.close()
        db.dispose()


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@click.group()
def audit() -> None:
    """The tamper-evident audit trail."""


@audit.command("verify")
@click.option("--from-seq", type=int, default=None, help="First event to check (default: the start of the chain).")
@click.option("--to-seq", type=int, default=None, help="Last event to check (default: the head).")
@click.option("--checkpoints", "checkpoints", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Compare the database with the checkpoints exported to this file (default: audit.checkpoint_file).")
@fails_cleanly
def verify(from_seq: int | None, to_seq: int | None, checkpoints: Path | None) -> None:
    """Check the hash chain, signed checkpoints and event MACs; exit 0 if intact, 1 if broken."""
    with _trail() as trail:
        report = trail.verify(from_seq, to_seq, checkpoints_file=checkpoints)
    for line in report.lines():
        click.echo(line)
    sys.exit(0 if report.intact else 1)


@audit.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("--since", type=click.DateTime(), default=None, help="From this time (UTC unless it says otherwise).")
@click.option("--until", type=click.DateTime(), default=None, help="Up to this time, exclusive.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, help="Default stdout.")
@fails_cleanly
def export(fmt: str, since: datetime | None, until: datetime | None, output: str | None) -> None:
    """Export events with the verification of the exported range as the last line."""
    with _trail() as trail:
        lines = export_lines(trail, fmt, AuditFilter(since=_utc(since), until=_utc(until)))  # type: ignore[arg-type]
        if output is None:
            for line in lines:
                click.echo(line, nl=False)
            return
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(lines)
    click.echo(f"exported to {output}", err=True)


@audit.command("prune")
@click.option("--older-than-days", type=click.IntRange(min=1), default=None,
              help="Override audit.retention_days for this run.")
@fails_cleanly
def prune(older_than_days: int | None) -> None:
    """Remove events past the retention period, except held ones (and every event after the first held one)."""
    with _trail() as trail:
        days = older_than_days or trail.settings.retention_days
        if days is None:
            click.echo("audit.retention_days is not set: events are kept forever; nothing pruned")
            return
        from datetime import timedelta

        result = trail.prune(datetime.now(UTC) - timedelta(days=days), actor=cli_actor())
    if result.through_seq is None:
        click.echo("nothing to prune")
    else:
        click.echo(f"pruned {result.deleted} events up to seq {result.through_seq} (signed anchor written)")


@audit.group("hold")
def hold() -> None:
    """Legal holds: events of a held user or document are never pruned."""


def _target(user: str | None, document: str | None) -> tuple[str, str]:
    if (user is None) == (document is None):
        raise click.UsageError("give exactly one of --user or --document")
    return ("user", user) if user is not None else ("document", document)  # type: ignore[return-value]


@hold.command("add")
@click.option("--user", default=None)
@click.option("--document", default=None)
@fails_cleanly
def hold_add(user: str | None, document: str | None) -> None:
    kind, value = _target(user, document)
    with _trail() as trail:
        trail.add_hold(kind, value, actor=cli_actor())  # type: ignore[arg-type]
    click.echo(f"legal hold added on {kind} {value}")


@hold.command("remove")
@click.option("--user", default=None)
@click.option("--document", default=None)
@fails_cleanly
def hold_remove(user: str | None, document: str | None) -> None:
    kind, value = _target(user, document)
    with _trail() as trail:
        trail.remove_hold(kind, value, actor=cli_actor())  # type: ignore[arg-type]
    click.echo(f"legal hold removed from {kind} {value}")


@hold.command("list")
@fails_cleanly
def hold_list() -> None:
    with _trail() as trail:
        holds = trail.holds()
    for h in holds:
        click.echo(f"{h.kind}\t{h.value}\t{h.created_at.isoformat()}")
    if not holds:
        click.echo("no legal holds", err=True)
