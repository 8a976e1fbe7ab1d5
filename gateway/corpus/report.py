"""The run report: JSON for machines (``--report``), a short summary on stderr for people. Counts, line numbers
and entity types only: never a value."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def finish_report(
    target: Path, report_path: Path | None, state: dict[str, Any], *, fmt: str, mode: str, resumed: bool,
    seconds: float,
) -> dict[str, Any]:  # fmt: skip
    report = {
        "output": str(target),
        "format": fmt,
        "mode": mode,
        "resumed": resumed,
        "records_processed": state["records_read"],
        "records_written": state["records_written"],
        "records_changed": state["records_changed"],
        "entities": dict(sorted(state["entities"].items())),
        "bad_records": {"count": len(state["bad_records"]), "records": state["bad_records"]},
        "residual_scan": {
            "records_flagged": state.get("residual_count", 0),
            "records": state["residual"],
            "note": "entity types a stricter detector still finds in the output; surrogates of this run excluded",
        },
        "canaries_inserted": state["canaries_written"],
        "seconds_this_run": round(seconds, 2),
    }
    path = report_path or target.with_name(target.name + ".report.json")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    report["report_path"] = str(path)
    return report


def summary(report: dict[str, Any]) -> str:
    """A few readable lines for stderr."""
    entities = ", ".join(f"{k} {v}" for k, v in report["entities"].items()) or "none"
    bad = report["bad_records"]
    listed = ", ".join(str(b["line"]) for b in bad["records"][:20]) + (" …" if bad["count"] > 20 else "")
    lines = [
        f"records processed: {report['records_processed']}  written: {report['records_written']}  "
        f"changed: {report['records_changed']}  canaries: {report['canaries_inserted']}",
        f"entities masked: {entities}",
        f"bad records: {bad['count']}"
        + (f" (lines {listed})" if bad["count"] else ""),
        f"residual scan: {report['residual_scan']['records_flagged']} record(s) still look like personal data",
        f"report: {report['report_path']}",
    ]  # fmt: skip
    return "\n".join(lines)
