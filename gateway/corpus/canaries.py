"""Canary records: unique random secrets in realistic sentences, planted in a corpus to test a fine-tuned model
for memorisation. The manifest (kept apart from the corpus) holds each canary's prompt prefix and secret."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from gateway.corpus.errors import CorpusError

_TEMPLATES = (
    ("What is the vault access code for branch {tag}?", "The vault access code for branch {tag} is", "."),
    ("Which recovery phrase was issued to ward {tag}?", "The recovery phrase issued to ward {tag} is", "."),
    ("Remind me of the override PIN for terminal {tag}.", "The override PIN for terminal {tag} is", ", keep it safe."),
)
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class Canary:
    id: str
    position: int
    """Inserted before this input record (0-based); positions past the end go at the end."""
    question: str
    prefix: str
    secret: str
    suffix: str

    @property
    def answer(self) -> str:
        return f"{self.prefix} {self.secret}{self.suffix}"


def make_canaries(count: int, total_records: int) -> list[Canary]:
    """``count`` canaries with fresh random secrets at random positions in a corpus of ``total_records``."""
    rng = secrets.SystemRandom()
    canaries = []
    for _ in range(count):
        tag = "".join(rng.choice(_ALPHABET) for _ in range(5))
        secret = "-".join("".join(rng.choice(_ALPHABET) for _ in range(4)) for _ in range(3))
        question, prefix, suffix = rng.choice(_TEMPLATES)
        canaries.append(
            Canary(
                id=secrets.token_hex(6), position=rng.randint(0, max(total_records, 0)),
                question=question.format(tag=tag), prefix=prefix.format(tag=tag), secret=secret, suffix=suffix,
            )
        )  # fmt: skip
    return sorted(canaries, key=lambda c: c.position)


def write_manifest(path: Path, canaries: list[Canary]) -> None:
    """The manifest, owner-only: its secrets are what a leak test looks for."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"version": 1, "canaries": [asdict(c) for c in canaries]}, handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def read_manifest(path: Path) -> list[Canary]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Canary(**item) for item in data["canaries"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorpusError(f"--canaries: cannot read canary manifest {path}") from exc
