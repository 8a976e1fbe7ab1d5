"""``mask_corpus``: stream a corpus through worker processes, in order, with a checkpoint after every chunk.

Memory stays constant: records are read lazily, at most ``2 × workers`` chunks are in flight, and each chunk is
written (and the checkpoint fsynced) as soon as it and every chunk before it are done.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from gateway.corpus import checkpoint
from gateway.corpus.canaries import Canary, make_canaries, read_manifest, write_manifest
from gateway.corpus.engine import (
    TAG_PLACEHOLDER,
    ChunkEngine,
    ChunkJob,
    EngineConfig,
    Mode,
    RecordOutcome,
    init_worker,
    run_in_worker,
)  # fmt: skip
from gateway.corpus.errors import CorpusError
from gateway.corpus.formats import Format, canary_record, csv_row_complete, detect_format, split_terminator
from gateway.corpus.report import finish_report

if TYPE_CHECKING:
    from gateway.pii.detector import PiiDetector
    from gateway.pii.settings import PiiEngineSpec

RESIDUAL_LISTED = 1000


@dataclass(frozen=True)
class MaskOptions:
    fmt: Format | None = None
    """None: detected from the first record."""
    columns: tuple[str, ...] | None = None
    mode: Mode = "tags"
    workers: int = 2
    """Worker processes; 0 masks in this process (tests, tiny corpora)."""
    chunk_size: int = 256
    on_error: Literal["skip", "fail"] = "skip"
    residual_threshold: float | None = 0.2
    canaries: int = 0
    canary_manifest: Path | None = None
    report: Path | None = None
    progress: bool = True


def _read_records(handle: BinaryIO, fmt: Format, line: int) -> Iterator[tuple[int, bytes, bytes, int, int]]:
    """(first line number, record, terminator, offset after it, last line number) from the current position."""
    while True:
        first = line + 1
        raw = handle.readline()
        if not raw:
            return
        line += 1
        if fmt == "csv":
            while not csv_row_complete(raw):
                more = handle.readline()
                if not more:
                    break
                raw += more
                line += 1
        body, terminator = split_terminator(raw)
        if fmt != "csv" or body.strip():
            yield first, body, terminator, handle.tell(), line


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            count += block.count(b"\n")
    return count


class _Inline:
    """A completed result for in-process masking, shaped like ``AsyncResult``."""

    def __init__(self, value: list[RecordOutcome]) -> None:
        self._value = value

    def get(self) -> list[RecordOutcome]:
        return self._value


def mask_corpus(
    source: Path, target: Path, engine_spec: PiiEngineSpec, options: MaskOptions, *,
    detector: PiiDetector | None = None,
) -> dict[str, Any]:
    """Mask ``source`` into ``target``; resumes from ``target``'s checkpoint if one is there. Returns the report.

    ``engine_spec`` (``Settings.pii_engine``) names the spaCy model and the PII key every worker builds its engine
    from.
    ``detector`` (in-process runs only) reuses an already loaded detector instead of loading one.
    """
    started = time.monotonic()
    with source.open("rb") as probe:
        first_line = probe.readline()
    fmt = options.fmt or detect_format(split_terminator(first_line)[0], source.name, options.columns)
    header: list[str] | None = None
    header_bytes = b""
    if fmt == "csv":
        import csv

        header_bytes = first_line
        header = next(csv.reader([split_terminator(first_line)[0].decode("utf-8", "replace")]), [])
    config = EngineConfig(fmt, options.mode, header, options.columns, options.residual_threshold)
    progress_path = checkpoint.sidecar(target)
    print_ = checkpoint.fingerprint(source, fmt=fmt, mode=options.mode, columns=list(options.columns or []),
                                    canaries=options.canaries)  # fmt: skip
    state = checkpoint.load(progress_path, print_)
    resumed = state is not None
    total = max(_count_lines(source) - (1 if header else 0), 0)
    canaries = _canaries(options, total, resumed)
    if state is None:
        state = checkpoint.fresh_state(print_)
        with target.open("wb") as fresh:
            fresh.write(header_bytes)
        state["input_offset"] = state["output_length"] = len(header_bytes)
        state["lines_done"] = 1 if header else 0
        checkpoint.save(progress_path, state)
    key = engine_spec.key(create=True)  # created here once, before workers read it
    journal = checkpoint.TagJournal(checkpoint.tag_journal(target), state["tags_length"])
    number = journal.number

    pool = None
    engine: ChunkEngine | None = None
    if options.workers > 0:
        context = multiprocessing.get_context("spawn")
        pool = context.Pool(options.workers, initializer=init_worker, initargs=(engine_spec, config))
    else:
        if detector is None:
            detector = engine_spec.detector()
        engine = ChunkEngine(detector, key, config)
    submit: Callable[[ChunkJob], Any] = (
        (lambda job: pool.apply_async(run_in_worker, (job,))) if pool else (lambda job: _Inline(engine.run(job)))  # type: ignore[union-attr]
    )
    bar = _progress_bar(options.progress, total, state["records_read"])
    try:
        with source.open("rb") as handle, target.open("r+b") as out:
            out.truncate(state["output_length"])
            out.seek(state["output_length"])
            handle.seek(state["input_offset"])
            pending: deque[tuple[Any, list[tuple[int, bytes, bytes]], int, int]] = deque()

            def drain() -> None:
                result, records, end_offset, end_line = pending.popleft()
                for (_, raw, terminator), outcome in zip(records, result.get(), strict=True):
                    _write_canaries(out, canaries, state, state["records_read"], config)
                    _account(out, outcome, raw, terminator, state, options, number)
                out.flush()
                os.fsync(out.fileno())
                state["tags_length"] = journal.sync()
                state["input_offset"], state["lines_done"] = end_offset, end_line
                state["output_length"] = out.tell()
                checkpoint.save(progress_path, state)
                bar.update(len(records))

            chunk: list[tuple[int, bytes, bytes]] = []
            end = (state["input_offset"], state["lines_done"])
            for first, body, terminator, offset, last in _read_records(handle, fmt, state["lines_done"]):
                chunk.append((first, body, terminator))
                end = (offset, last)
                if len(chunk) == options.chunk_size:
                    pending.append((submit(ChunkJob(chunk)), chunk, *end))
                    chunk = []
                    while len(pending) >= max(2 * options.workers, 1):
                        drain()
            if chunk:
                pending.append((submit(ChunkJob(chunk)), chunk, *end))
            while pending:
                drain()
            _write_canaries(out, canaries, state, sys.maxsize, config)
            out.flush()
            os.fsync(out.fileno())
    finally:
        bar.close()
        journal.close()
        if pool is not None:
            pool.terminate()
            pool.join()
    report = finish_report(target, options.report, state, fmt=fmt, mode=options.mode, resumed=resumed,
                           seconds=time.monotonic() - started)  # fmt: skip
    progress_path.unlink()
    checkpoint.tag_journal(target).unlink(missing_ok=True)
    return report


def _account(
    out: BinaryIO, outcome: RecordOutcome, raw: bytes, terminator: bytes, state: dict[str, Any], options: MaskOptions,
    number: Any,
) -> None:  # fmt: skip
    state["records_read"] += 1
    if outcome.bad is not None:
        if options.on_error == "fail":
            raise CorpusError(
                f"bad record at line {outcome.line}: {outcome.bad}; stopped (records before it are in the output "
                "and the run resumes from there; use --on-error skip to skip bad records)"
            )
        state["bad_records"].append({"line": outcome.line, "reason": outcome.bad})
        return
    text = raw if outcome.text is None else TAG_PLACEHOLDER.sub(number, outcome.text).encode("utf-8")
    out.write(text + terminator)
    state["records_written"] += 1
    if outcome.text is not None:
        state["records_changed"] += 1
    for entity_type, count in outcome.counts.items():
        state["entities"][entity_type] = state["entities"].get(entity_type, 0) + count
    if outcome.residual:
        state["residual_count"] = state.get("residual_count", 0) + 1
        if len(state["residual"]) < RESIDUAL_LISTED:
            state["residual"].append({"line": outcome.line, "types": sorted(set(outcome.residual))})


def _canaries(options: MaskOptions, total: int, resumed: bool) -> list[Canary]:
    if options.canaries <= 0:
        return []
    if options.canary_manifest is None:
        raise CorpusError("--canaries needs --canary-manifest FILE")
    if resumed:  # the canaries already planted are in the manifest; new ones would not match them
        if not options.canary_manifest.exists():
            raise CorpusError(f"--canary-manifest: {options.canary_manifest} is missing; cannot resume this run")
        return read_manifest(options.canary_manifest)
    canaries = make_canaries(options.canaries, total)
    write_manifest(options.canary_manifest, canaries)
    return canaries


def _write_canaries(
    out: BinaryIO, canaries: list[Canary], state: dict[str, Any], before: int, config: EngineConfig
) -> None:
    while state["canaries_written"] < len(canaries) and canaries[state["canaries_written"]].position <= before:
        canary = canaries[state["canaries_written"]]
        end = out.tell()
        if end:  # after a last input line without a terminator, the canary still starts a line of its own
            out.seek(end - 1)
            if out.read(1) != b"\n":
                out.write(b"\n")
        record = canary_record(config.fmt, config.header, config.columns, canary.question, canary.answer)
        out.write(record.encode("utf-8") + b"\n")
        state["canaries_written"] += 1


def _progress_bar(enabled: bool, total: int, initial: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, initial=initial, unit="rec", desc="masking", file=sys.stderr, disable=not enabled,
                smoothing=0.1)  # fmt: skip
