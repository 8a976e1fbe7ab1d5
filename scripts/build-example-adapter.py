#!/usr/bin/env python3
"""Write a small, deterministic LoRA adapter GGUF for the bundled SmolLM2-135M chat model.

It is not a trained style: it is a fixed-seed low-rank perturbation of the feed-forward output projection
(``ffn_down``) of the first few layers, large enough that greedy answers visibly change when a role applies it and
small enough (~0.2 MB) to build on demand. It exists so per-role adapters (``llm.lora_adapters`` and
``generation.lora``) can be tried and tested end to end on llama-server; a real adapter comes from
llama.cpp's ``convert_lora_to_gguf.py`` and is declared the same way.

Layout (what llama.cpp's adapter loader checks): ``general.type = adapter``, ``adapter.type = lora``,
``adapter.lora.alpha``, ``general.architecture`` equal to the base model's, and for each adapted weight ``W``
(ggml shape ``[n_in, n_out]``) a pair ``W.lora_a`` ``[n_in, r]`` and ``W.lora_b`` ``[r, n_out]``; the delta applied
is ``scale · alpha / r · B·A``.

    python scripts/build-example-adapter.py --base models/SmolLM2-135M-Instruct.Q4_1.gguf --out adapter.gguf
"""

from __future__ import annotations

import argparse
from pathlib import Path

import gguf
import numpy as np

RANK = 4
ALPHA = 4.0
LAYERS = range(0, 6)
TARGET = "ffn_down"
STRENGTH = 0.15
"""Standard deviation of A and B entries: with rank 4 the delta is comparable to the layer's own weights."""
SEED = 19


def build(base: Path, out: Path) -> Path:
    reader = gguf.GGUFReader(base)
    arch = str(reader.fields["general.architecture"].contents())
    shapes = {t.name: tuple(int(n) for n in t.shape) for t in reader.tensors}
    rng = np.random.default_rng(SEED)
    writer = gguf.GGUFWriter(out, arch)
    writer.add_type(gguf.GGUFType.ADAPTER)
    writer.add_string(gguf.Keys.Adapter.TYPE, "lora")
    writer.add_float32(gguf.Keys.Adapter.LORA_ALPHA, ALPHA)
    writer.add_name("gateway example adapter (fixed-seed perturbation)")
    for layer in LAYERS:
        name = f"blk.{layer}.{TARGET}.weight"
        n_in, n_out = shapes[name]  # ggml order: ne0 is the input dimension
        a = (rng.standard_normal((RANK, n_in)) * STRENGTH).astype(np.float32)  # numpy (r, n_in) = ggml [n_in, r]
        b = (rng.standard_normal((n_out, RANK)) * STRENGTH).astype(np.float32)  # numpy (n_out, r) = ggml [r, n_out]
        writer.add_tensor(f"{name}.lora_a", a)
        writer.add_tensor(f"{name}.lora_b", b)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=Path("models/SmolLM2-135M-Instruct.Q4_1.gguf"))
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(build(args.base, args.out))


if __name__ == "__main__":
    main()
