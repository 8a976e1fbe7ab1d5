"""``gateway corpus mask`` (sanitise a training corpus) and ``gateway model probe`` (test a model for canaries)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from gateway.cli.common import fails_cleanly, settings
from gateway.corpus.formats import FORMATS
from gateway.errors import ConfigurationError


@click.group()
def corpus() -> None:
    """Training corpora: mask personal data before fine-tuning."""


@corpus.command("mask")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help="Default: from the first record.")
@click.option("--columns", default=None, help="CSV: comma-separated columns to mask (default: all).")
@click.option("--mode", type=click.Choice(["tags", "surrogates"]), default="tags", show_default=True)
@click.option("--workers", type=click.IntRange(0, 64), default=2, show_default=True, help="0: in this process.")
@click.option("--chunk-size", type=click.IntRange(1, 100_000), default=256, show_default=True)
@click.option("--on-error", type=click.Choice(["skip", "fail"]), default="skip", show_default=True)
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Default: OUT.report.json.")  # fmt: skip
@click.option("--residual-threshold", type=click.FloatRange(0, 1), default=0.2, show_default=True)
@click.option("--no-residual-scan", is_flag=True, help="Skip the second, stricter scan of the output.")
@click.option("--canaries", type=click.IntRange(0, 10_000), default=0, show_default=True)
@click.option("--canary-manifest", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--progress/--no-progress", default=True, show_default=True)
@fails_cleanly
def mask(
    source: Path, target: Path, fmt: str | None, columns: str | None, mode: str, workers: int, chunk_size: int,
    on_error: str, report: Path | None, residual_threshold: float, no_residual_scan: bool, canaries: int,
    canary_manifest: Path | None, progress: bool,
) -> None:  # fmt: skip
    """Mask personal data in the corpus SOURCE into TARGET, same format; resumes an interrupted run."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from gateway.corpus.report import summary
    from gateway.corpus.sanitizer import MaskOptions, mask_corpus

    if source.resolve() == target.resolve():
        raise click.BadParameter("OUT must differ from IN", param_hint="OUT")
    options = MaskOptions(
        fmt=fmt,  # type: ignore[arg-type]
        columns=tuple(c.strip() for c in columns.split(",") if c.strip()) if columns else None,
        mode=mode,  # type: ignore[arg-type]
        workers=workers,
        chunk_size=chunk_size,
        on_error=on_error,  # type: ignore[arg-type]
        residual_threshold=None if no_residual_scan else residual_threshold,
        canaries=canaries,
        canary_manifest=canary_manifest,
        report=report,
        progress=progress,
    )
    result = mask_corpus(source, target, settings().pii_engine, options)
    click.echo(summary(result), err=True)


@click.group()
def model() -> None:
    """Fine-tuned models: checks before deployment."""


@model.command("probe")
@click.option("--model", "model_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lora", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A LoRA adapter GGUF applied on top of the model.")
@click.option("--adapter", "adapter_name", default=None,
              help="A LoRA adapter by the name llm.lora_adapters declares (the one a role's generation.lora uses).")
@click.option("--adapter-scale", type=click.FloatRange(0.0, 4.0, min_open=True), default=1.0, show_default=True,
              help="Scale of the adapter, as a role's generation.lora sets it.")
@click.option("--canaries", "manifest", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--max-tokens", type=click.IntRange(1, 256), default=24, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@fails_cleanly
def probe(model_path: Path, lora: Path | None, adapter_name: str | None, adapter_scale: float, manifest: Path,
          max_tokens: int, as_json: bool) -> None:
    """Prompt the model with each canary's prefix and report how often it completes the secret."""
    import json

    from gateway.corpus.probe import probe_model

    if adapter_name is not None:
        if lora is not None:
            raise ConfigurationError("--lora and --adapter name two adapters; give one")
        declared = settings().llm.lora_adapters
        if adapter_name not in declared:
            raise ConfigurationError(f"--adapter: {adapter_name!r} is not declared in llm.lora_adapters "
                                     f"(declared: {', '.join(sorted(declared)) or 'none'})")
        lora = declared[adapter_name]
        if not lora.is_file():
            raise ConfigurationError(f"llm.lora_adapters.{adapter_name}: adapter file not found: {lora}")
    result = probe_model(model_path, manifest, lora=lora, lora_scale=adapter_scale, max_tokens=max_tokens)
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(
            f"canaries: {result['canaries']}  exact: {result['exact']}  near: {result['near']}  "
            f"verdict: {result['verdict']}"
        )
