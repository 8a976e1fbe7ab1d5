"""``gateway eval``: measure answer quality on a labelled question set (``run``), A/B a second configuration
(``run --compare``), and the weekly report of verdicts and automatic figures from the audit trail (``report``)."""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from gateway.cli.common import audit_trail, command_auditor, fails_cleanly, settings
from gateway.errors import ConfigurationError, InvalidInput

if TYPE_CHECKING:
    from gateway.evaluation.questions import LabelledQuestion, PersonalValue
    from gateway.evaluation.report import ConfigurationRun
    from gateway.services import Services
    from gateway.settings import Settings


@click.group("eval")
def eval_group() -> None:
    """Answer quality: run a labelled question set through the real pipeline, compare configurations, report."""


@eval_group.command("run")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--docs", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Documents to ingest into a scratch data directory first (default: SOURCE/docs if SOURCE is a "
                   "folder). Without any, the questions run against the configured deployment.")
@click.option("--planted", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="JSONL of personal values planted in the documents (default: SOURCE/planted_pii.jsonl).")
@click.option("--question-pii", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="JSONL of personal values the questions carry (default: SOURCE/question_pii.jsonl).")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="At most N questions, taken round-robin over (role, category) so every kind stays covered.")
@click.option("--role", "roles", multiple=True, help="Only questions of this role (repeatable).")
@click.option("--category", "categories", multiple=True,
              type=click.Choice(["answerable", "access_denied", "not_in_kb"]), help="Only this category.")
@click.option("--ids", default="", help="Only these question ids, comma-separated.")
@click.option("--max-tokens", type=click.IntRange(min=1), default=96, show_default=True,
              help="Answer length per question (the role's own cap still applies).")
@click.option("--compare", "compare_config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="TOML of settings overrides (as GATEWAY_CONFIG): run the same questions under it "
                                 "too and print both side by side. Thresholds then gate this configuration.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the metrics and every question's result as JSON here.")
@click.option("--min", "minimums", multiple=True, metavar="METRIC=VALUE", help="Fail (exit 1) below this.")
@click.option("--max", "maximums", multiple=True, metavar="METRIC=VALUE", help="Fail (exit 1) above this.")
@click.option("--keep-data", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep the scratch data directories under this folder (default: removed).")
@click.option("--progress/--no-progress", default=True)
@fails_cleanly
def run(source: Path, docs: Path | None, planted: Path | None, question_pii: Path | None, limit: int | None,
        roles: tuple[str, ...], categories: tuple[str, ...], ids: str, max_tokens: int, compare_config: Path | None,
        output: Path | None, minimums: tuple[str, ...], maximums: tuple[str, ...], keep_data: Path | None,
        progress: bool) -> None:
    """Run the labelled questions in SOURCE (a JSONL file, or a folder with questions.jsonl, docs/,
    planted_pii.jsonl and question_pii.jsonl, such as examples/bank) and print every metric.

    Exit status 0 when every --min/--max threshold holds, 1 when one does not, 2 on an error."""
    from gateway.evaluation.metrics import Threshold
    from gateway.evaluation.questions import load_questions, load_values, select
    from gateway.evaluation.report import as_json, gate, render, render_roles

    folder = source if source.is_dir() else None
    questions_file = folder / "questions.jsonl" if folder else source
    docs = docs or (folder / "docs" if folder and (folder / "docs").is_dir() else None)
    planted = planted or _present(folder, "planted_pii.jsonl")
    question_pii = question_pii or _present(folder, "question_pii.jsonl")
    try:
        thresholds = [Threshold.parse(t, at_least=True) for t in minimums] + \
                     [Threshold.parse(t, at_least=False) for t in maximums]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--min/--max") from None
    questions = select(load_questions(questions_file), limit=limit, roles=roles, categories=categories,
                       ids=[i for i in ids.split(",") if i])
    if not questions:
        raise InvalidInput("no question matches the filters")
    values = (load_values(planted), load_values(question_pii))
    base = settings()
    configurations = [("base", _values(base))]
    if compare_config is not None:
        configurations.append((compare_config.stem, _merged(_values(base), _toml(compare_config))))
    runs = [_run_one(name, overrides, docs, questions, values, max_tokens=max_tokens, keep=keep_data,
                     progress=progress) for name, overrides in configurations]
    click.echo(render(runs))
    for run_ in runs:
        click.echo(f"\nby role ({run_.name}):\n{render_roles(run_)}")
    missed = gate(runs[-1], thresholds)
    if output is not None:
        output.write_text(json.dumps(as_json(runs, thresholds, missed), ensure_ascii=False, indent=2) + "\n")
        click.echo(f"\nwrote {output}")
    if thresholds:
        click.echo(f"\nthresholds on {runs[-1].name}: " + ("all met" if not missed else "MISSED"))
        for line in missed:
            click.echo(f"  {line}")
    if missed:
        sys.exit(1)


def _present(folder: Path | None, name: str) -> Path | None:
    return folder / name if folder is not None and (folder / name).is_file() else None


def _values(config: Settings) -> dict[str, Any]:
    return config.model_dump(exclude_none=True)


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text())
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(f"{path.name}: not a readable TOML file ({type(exc).__name__})") from None


def _merged(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overrides.items():
        merged[key] = _merged(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key),
                                                                                            dict) else value
    return merged


def _scratch(values: dict[str, Any], data_dir: Path) -> dict[str, Any]:
    """The same configuration with every location in ``data_dir``: its own database, knowledge base and keys, so
    an evaluation never writes into a deployment's."""
    scratch = {k: v for k, v in values.items() if k not in ("database_url", "lancedb_uri")}
    scratch["data_dir"] = data_dir
    scratch["kb"] = {k: v for k, v in values.get("kb", {}).items() if k not in ("master_key_file",)}
    scratch["kb"]["key_provider"] = "file"
    scratch["audit"] = {k: v for k, v in values.get("audit", {}).items() if k != "signing_key_path"}
    scratch["pii"] = {k: v for k, v in values.get("pii", {}).items() if k not in ("key_file", "key_env")}
    return scratch


def _describe(config: Settings, services: Services) -> dict[str, Any]:
    llm = config.llm
    return {"model_file": config.chat_model_path.name if llm.backend == "local" else llm.remote_base_url,
            "model_sha256": services.chat.queue.model.file_sha256,
            "lora": llm.lora_path.name if llm.lora_path else None,
            "policy_set": config.policy_set, "policy_version": services.policy.version[:16],
            "min_relevance": config.kb.min_relevance, "top_k": config.kb.default_top_k,
            "embedding_model": config.embedding_model_path.name}


@contextmanager
def _pipeline(config: Settings) -> Iterator[Services]:
    from gateway.app import build_engines, build_services
    from gateway.db.migrate import upgrade

    upgrade(config.sqlalchemy_url)
    services = build_services(config, build_engines(config))
    try:
        yield services
    finally:
        services.chat.queue.close()
        services.masking.close()
        services.audit.close()
        services.db.dispose()


def _run_one(name: str, values: dict[str, Any], docs: Path | None, questions: list[LabelledQuestion],
             personal: tuple[list[PersonalValue], list[PersonalValue]], *, max_tokens: int, keep: Path | None,
             progress: bool) -> ConfigurationRun:
    from tqdm import tqdm

    from gateway.evaluation.report import ConfigurationRun
    from gateway.evaluation.runner import EvalRunner
    from gateway.kb.sources import read_paths
    from gateway.settings import load_settings

    data_dir = None
    if docs is not None:
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
        data_dir = Path(tempfile.mkdtemp(prefix=f"eval-{name}-", dir=keep))
        values = _scratch(values, data_dir)
    try:
        config = load_settings(**values)
        with _pipeline(config) as services:
            if docs is not None:
                if services.kb is None:
                    raise ConfigurationError("the evaluation needs the knowledge base (embedding.load = true)")
                files = sorted(p for p in docs.rglob("*") if p.is_file() and p.suffix.lower() in (".md", ".txt",
                                                                                                   ".html", ".jsonl"))
                report = services.kb.ingest_many(read_paths(files, collection=None, level=None,
                                                            max_bytes=services.kb.settings.max_document_bytes))
                if report.rejected:
                    raise InvalidInput("; ".join(o.error or o.label for o in report.rejected))
                click.echo(f"[{name}] ingested {report.count('added')} documents ({report.chunks} chunks) into "
                           f"{data_dir}", err=True)
            runner = EvalRunner(services.chat, services.audit, services.policy, services.embedder,
                                max_tokens=max_tokens, planted=personal[0], question_values=personal[1])
            bar = tqdm(total=len(questions), desc=name, unit="q", disable=not progress, file=sys.stderr)
            try:
                results = asyncio.run(runner.run(questions, on_result=lambda _r: bar.update()))
            finally:
                bar.close()
            return ConfigurationRun(name, _describe(config, services), results)
    finally:
        if data_dir is not None and keep is None:
            shutil.rmtree(data_dir, ignore_errors=True)


@eval_group.command("report")
@click.option("--since", default=None, help="From this day or time (ISO 8601; UTC if no zone).")
@click.option("--until", default=None, help="Up to this day or time, exclusive.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--eval", "eval_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A `gateway eval run --output` file whose automatic metrics to print next to the report.")
@fails_cleanly
def report(since: str | None, until: str | None, as_json: bool, eval_file: Path | None) -> None:
    """Answer quality per ISO week, role and model: answers, refusals, format compliance and invalid citations from
    the audit trail, next to compliance officers' verdicts and staff feedback. Reading the trail is audited."""
    from gateway.db.session import Database
    from gateway.policy.policy_set import load_policy_set
    from gateway.review.report import quality_report, render

    config = settings()
    trail = audit_trail(config)
    rows = quality_report(trail, Database(config.sqlalchemy_url), since=_when(since, "--since"),
                          until=_when(until, "--until"))
    command_auditor(trail, load_policy_set(config.policy_file).version).record_now(
        "review.report", http_status=None, details={"rows": len(rows), "since": since or "", "until": until or ""})
    trail.close()
    evaluated = json.loads(eval_file.read_text()) if eval_file is not None else None
    if as_json:
        click.echo(json.dumps({"rows": [r.as_json() for r in rows], "evaluation": _eval_summary(evaluated)},
                              ensure_ascii=False, indent=2))
        return
    click.echo(render(rows))
    if evaluated is not None:
        from gateway.evaluation.metrics import METRICS

        click.echo("\nautomatic metrics of the evaluation run:")
        for configuration in _eval_summary(evaluated) or []:
            summary = configuration["summary"]
            cells = ", ".join(f"{m.label} {summary[m.name]}" for m in METRICS if summary.get(m.name) is not None)
            click.echo(f"  {configuration['name']}: {cells}")


def _eval_summary(evaluated: dict[str, Any] | None) -> list[dict[str, Any]] | None:
    if evaluated is None:
        return None
    try:
        return [{"name": c["name"], "summary": c["summary"]} for c in evaluated["configurations"]]
    except (KeyError, TypeError):
        raise InvalidInput("--eval: not a `gateway eval run --output` file") from None


def _when(text: str | None, option: str) -> datetime | None:
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter("an ISO 8601 day or time, e.g. 2026-11-30", param_hint=option) from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
