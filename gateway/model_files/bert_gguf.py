"""Convert a Hugging Face BERT sentence-embedding model (safetensors) into an F16 GGUF for llama.cpp.

Why: the gateway embeds text with llama.cpp (llama-cpp-python) only, without torch or transformers, so the
safetensors checkpoint (e.g. all-MiniLM-L6-v2) is converted offline into a GGUF that llama.cpp loads as an
embedding model. The output is byte-for-byte deterministic for a given input, so its sha256 can be recorded.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import gguf
import numpy as np
from safetensors import safe_open

__all__ = ["convert_bert_to_gguf"]

# Tensors llama.cpp's BERT graph does not use (we only need the encoder for mean-pooled embeddings).
_SKIP_PREFIXES = ("pooler.", "cls.")
_SKIP_NAMES = frozenset({"embeddings.position_ids"})
# Kept F32 like upstream convert_hf_to_gguf.py: they are added, not multiplied, in the llama.cpp graph.
_F32_TENSORS = frozenset({"position_embd.weight", "token_types.weight"})
_SPECIAL_TYPES = {
    "[PAD]": gguf.TokenType.CONTROL,
    "[CLS]": gguf.TokenType.CONTROL,
    "[SEP]": gguf.TokenType.CONTROL,
    "[MASK]": gguf.TokenType.CONTROL,
    "[UNK]": gguf.TokenType.UNKNOWN,
}
_UNUSED_RE = re.compile(r"\[unused\d+\]")


def _read_json(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def _read_vocab(path: Path) -> list[str]:
    """Vocab lines exactly as HF's ``load_vocab`` reads them (split on ``\\n`` only, one token per line)."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def _phantom(token: str) -> str:
    """llama.cpp WPM vocab form: word-initial pieces get a U+2581 prefix, ``##`` continuations lose it."""
    if token.startswith("[") and token.endswith("]"):
        return token
    if token.startswith("##"):
        return token[2:]
    return "\u2581" + token


def _token_type(token: str) -> gguf.TokenType:
    if token in _SPECIAL_TYPES:
        return _SPECIAL_TYPES[token]
    if _UNUSED_RE.fullmatch(token):
        return gguf.TokenType.UNUSED
    return gguf.TokenType.NORMAL


def _hf_tensor_order(name: str) -> tuple[int, str]:
    """Stable tensor order: embeddings first, then layer by layer (numerically), names sorted within."""
    m = re.search(r"\.layer\.(\d+)\.", name)
    return (int(m.group(1)) if m else -1, name)


def _add_vocab(writer: gguf.GGUFWriter, src_dir: Path, n_vocab: int, lowercase: bool) -> None:
    vocab = _read_vocab(src_dir / "vocab.txt")
    if len(vocab) != n_vocab:
        raise ValueError(f"vocab.txt has {len(vocab)} tokens, config says {n_vocab}")
    ids = {tok: i for i, tok in enumerate(vocab)}
    for required in ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"):
        if required not in ids:
            raise ValueError(f"vocab.txt lacks {required}")
    tokens = [_phantom(t) for t in vocab]
    if len(set(tokens)) != len(tokens):
        raise ValueError("phantom-space vocab has duplicate tokens; llama.cpp would refuse to load it")

    writer.add_tokenizer_model("bert")  # WordPiece (LLAMA_VOCAB_TYPE_WPM)
    writer.add_tokenizer_pre("default")  # ignored for WPM; written so the file is self-describing
    writer.add_token_list(tokens)
    writer.add_token_types([int(_token_type(t)) for t in vocab])
    writer.add_bos_token_id(ids["[CLS]"])
    writer.add_eos_token_id(ids["[SEP]"])
    writer.add_sep_token_id(ids["[SEP]"])
    writer.add_unk_token_id(ids["[UNK]"])
    writer.add_pad_token_id(ids["[PAD]"])
    writer.add_mask_token_id(ids["[MASK]"])
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(True)
    # BertNormalizer switches read by llama.cpp (gguf-py has no helper for them yet).
    writer.add_bool("tokenizer.ggml.normalizer.lowercase", lowercase)
    writer.add_bool("tokenizer.ggml.normalizer.strip_accents", lowercase)


def convert_bert_to_gguf(src_dir: Path, out_path: Path) -> None:
    """Write ``src_dir`` (config.json, vocab.txt, model.safetensors) as an F16 BERT GGUF at ``out_path``.

    Norms, biases and the additive position/token-type embeddings stay F32; other 2-D weights become F16.
    The file is written to a temporary sibling first and moved into place with ``os.replace``.
    """
    src_dir = Path(src_dir)
    out_path = Path(out_path)
    cfg = _read_json(src_dir / "config.json")
    if cfg.get("model_type") != "bert" or cfg.get("position_embedding_type", "absolute") != "absolute":
        raise ValueError("only absolute-position BERT models are supported")
    if cfg.get("hidden_act", "gelu") != "gelu":
        raise ValueError(f"unsupported activation {cfg.get('hidden_act')!r}")
    tok_cfg_path = src_dir / "tokenizer_config.json"
    tok_cfg = _read_json(tok_cfg_path) if tok_cfg_path.exists() else {}
    lowercase = bool(tok_cfg.get("do_lower_case", True))
    pool_path = src_dir / "1_Pooling" / "config.json"
    if pool_path.exists() and not _read_json(pool_path).get("pooling_mode_mean_tokens", False):
        raise ValueError("only mean pooling is supported")

    n_layers = int(cfg["num_hidden_layers"])
    name_map = gguf.get_tensor_name_map(gguf.MODEL_ARCH.BERT, n_layers)
    arch = gguf.MODEL_ARCH_NAMES[gguf.MODEL_ARCH.BERT]

    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp_path = out_path.with_name(f".{out_path.name}.tmp-{os.getpid()}")
    writer = gguf.GGUFWriter(tmp_path, arch)
    try:
        writer.add_file_type(int(gguf.LlamaFileType.MOSTLY_F16))
        writer.add_context_length(int(cfg["max_position_embeddings"]))
        writer.add_embedding_length(int(cfg["hidden_size"]))
        writer.add_feed_forward_length(int(cfg["intermediate_size"]))
        writer.add_block_count(n_layers)
        writer.add_head_count(int(cfg["num_attention_heads"]))
        writer.add_layer_norm_eps(float(cfg.get("layer_norm_eps", 1e-12)))
        writer.add_causal_attention(False)
        writer.add_pooling_type(gguf.PoolingType.MEAN)
        writer.add_token_type_count(int(cfg.get("type_vocab_size", 2)))
        _add_vocab(writer, src_dir, int(cfg["vocab_size"]), lowercase)

        with safe_open(str(src_dir / "model.safetensors"), framework="np") as st:
            for hf_name in sorted(st.keys(), key=_hf_tensor_order):
                name = hf_name.removeprefix("bert.")
                if name in _SKIP_NAMES or name.startswith(_SKIP_PREFIXES):
                    continue
                new_name = name_map.get_name(name, try_suffixes=(".weight", ".bias"))
                if new_name is None:
                    raise ValueError(f"cannot map tensor {hf_name!r}")
                data = np.asarray(st.get_tensor(hf_name), dtype=np.float32)
                keep_f32 = data.ndim <= 1 or new_name.endswith("_norm.weight") or new_name in _F32_TENSORS
                data = np.ascontiguousarray(data if keep_f32 else data.astype(np.float16))
                writer.add_tensor(new_name, data)

        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file(progress=False)
        writer.close()
        os.replace(tmp_path, out_path)
    except BaseException:
        writer.close()
        tmp_path.unlink(missing_ok=True)
        raise
