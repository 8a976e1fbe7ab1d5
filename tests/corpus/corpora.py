"""Small generated corpora with known personal data, in every supported format."""

from __future__ import annotations

import csv
import json
from pathlib import Path

NAMES = ("John Smith", "Maria Garcia", "Robert Johnson", "Emily Davis")
CARD = "4111 1111 1111 1111"
CN_ID = "11010519491231002X"
CN_MOBILE = "13800138000"


def sentence(i: int) -> str:
    name = NAMES[i % len(NAMES)]
    return (
        f"My name is {name}, e-mail {name.split()[0].lower()}.{i}@acme-bank.com, call me on +1 217 555 {i % 10000:04d}."
    )


def write(path: Path, fmt: str, count: int) -> list[str]:
    """A corpus of ``count`` records in ``fmt`` at ``path``; every fifth record holds no personal data."""
    texts = [sentence(i) if i % 5 else f"How do interest rates work, question {i}?" for i in range(count)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        if fmt == "csv":
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id", "text", "note"])
            for i, text in enumerate(texts):
                writer.writerow([str(i), text, 'multi\nline, "quoted"' if i == 3 else "ok"])
            return texts
        for text in texts:
            if fmt == "openai":
                record: object = {
                    "messages": [{"role": "user", "content": text}, {"role": "assistant", "content": "Noted."}]
                }
            elif fmt == "sharegpt":
                record = {
                    "conversations": [{"from": "human", "value": text}, {"from": "gpt", "value": "Noted."}],
                    "id": 1,
                }
            elif fmt == "alpaca":
                record = {"instruction": "Summarise.", "input": text, "output": "Done."}
            else:
                handle.write(text + "\n")
                continue
            handle.write(json.dumps(record) + "\n")
    return texts


def records(path: Path, fmt: str) -> list:
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.reader(handle))
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines if fmt == "text" else [json.loads(line) for line in lines]
