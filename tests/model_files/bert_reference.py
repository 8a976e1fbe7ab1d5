"""Pure-NumPy reference for a Hugging Face BERT sentence-embedding model (tokenizer + float32 forward pass).

Why: it lets tests and the GGUF conversion check compare llama.cpp's tokens and embeddings against an
independent implementation of the original safetensors model, without torch or transformers. It mirrors
HF ``BertTokenizer`` (basic + WordPiece, uncased) and ``BertModel`` followed by sentence-transformers mean
pooling. It is slow and meant for tests only.
"""

from __future__ import annotations

import json
import math
import unicodedata
from pathlib import Path
from typing import Any

import numpy as np
from safetensors.numpy import load_file

__all__ = ["BertReference"]

_CJK_RANGES = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F),
    (0x2B820, 0x2CEAF),
    (0xF900, 0xFAFF),
    (0x2F800, 0x2FA1F),
)


def _is_whitespace(ch: str) -> bool:
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def _is_control(ch: str) -> bool:
    return ch not in "\t\n\r" and unicodedata.category(ch).startswith("C")


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, as HF ``hidden_act="gelu"``."""
    erf = np.vectorize(math.erf, otypes=[np.float64])
    return (0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))).astype(np.float32)


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return ((x - mean) / np.sqrt(var + eps) * w + b).astype(np.float32)


class BertReference:
    """Uncased BERT tokenizer and encoder; ``embed`` returns the mean-pooled, UNNORMALIZED float32 vector."""

    def __init__(self, vocab: list[str], weights: dict[str, np.ndarray], config: dict[str, Any]) -> None:
        self.vocab = vocab
        self.token_to_id = {tok: i for i, tok in enumerate(vocab)}
        self.w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in weights.items()}
        self.n_layers = int(config["num_hidden_layers"])
        self.n_heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.max_len = int(config.get("max_position_embeddings", 512))
        self.unk_id = self.token_to_id["[UNK]"]
        self.cls_id = self.token_to_id["[CLS]"]
        self.sep_id = self.token_to_id["[SEP]"]

    @classmethod
    def from_dir(cls, path: Path | str) -> BertReference:
        """Load config.json, vocab.txt and model.safetensors from a sentence-transformers model folder."""
        root = Path(path)
        config = json.loads((root / "config.json").read_text(encoding="utf-8"))
        lines = (root / "vocab.txt").read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return cls([line.rstrip("\r") for line in lines], load_file(str(root / "model.safetensors")), config)

    # --- tokenizer -------------------------------------------------------------------------------------
    def _basic_tokenize(self, text: str) -> list[str]:
        cleaned: list[str] = []
        for ch in text:
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD or _is_control(ch):
                continue
            if _is_whitespace(ch):
                cleaned.append(" ")
            elif _is_cjk(cp):
                cleaned.extend((" ", ch, " "))
            else:
                cleaned.append(ch)
        words: list[str] = []
        for word in "".join(cleaned).split():
            word = unicodedata.normalize("NFD", word.lower())
            word = "".join(c for c in word if unicodedata.category(c) != "Mn")
            current: list[str] = []
            for ch in word:
                if _is_punctuation(ch):
                    if current:
                        words.append("".join(current))
                        current = []
                    words.append(ch)
                else:
                    current.append(ch)
            if current:
                words.append("".join(current))
        return words

    def _wordpiece(self, word: str) -> list[int]:
        if len(word) > 100:
            return [self.unk_id]
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found: int | None = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.token_to_id.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return [self.unk_id]
            ids.append(found)
            start = end
        return ids

    def tokenize(self, text: str) -> list[int]:
        """Token ids ``[CLS] ... [SEP]`` as HF ``BertTokenizer(do_lower_case=True)`` produces them.

        Special-token strings inside ``text`` (e.g. "[SEP]") are treated as plain text, like llama.cpp with
        ``special=False``; HF would map them to their special ids. Truncated to ``max_position_embeddings``.
        """
        ids = [self.cls_id]
        for word in self._basic_tokenize(text):
            ids.extend(self._wordpiece(word))
        return [*ids[: self.max_len - 1], self.sep_id]

    # --- encoder ---------------------------------------------------------------------------------------
    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        return (x @ self.w[f"{name}.weight"].T + self.w[f"{name}.bias"]).astype(np.float32)

    def hidden_states(self, ids: list[int]) -> np.ndarray:
        """Last-layer token states, shape (len(ids), hidden); single unpadded sequence, token type 0."""
        w = self.w
        n = len(ids)
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        hidden = x.shape[-1]
        d = hidden // self.n_heads
        mask = np.zeros((1, 1, n), dtype=np.float32)  # all tokens real: additive mask of zeros
        for i in range(self.n_layers):
            p = f"encoder.layer.{i}"

            def heads(t: np.ndarray) -> np.ndarray:
                return t.reshape(n, self.n_heads, d).transpose(1, 0, 2)

            q = heads(self._dense(x, f"{p}.attention.self.query"))
            k = heads(self._dense(x, f"{p}.attention.self.key"))
            v = heads(self._dense(x, f"{p}.attention.self.value"))
            scores = q @ k.transpose(0, 2, 1) / np.float32(math.sqrt(d)) + mask
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            probs = scores / scores.sum(-1, keepdims=True)
            ctx = (probs @ v).transpose(1, 0, 2).reshape(n, hidden)
            attn = self._dense(ctx, f"{p}.attention.output.dense")
            x = _layer_norm(
                attn + x,
                w[f"{p}.attention.output.LayerNorm.weight"],
                w[f"{p}.attention.output.LayerNorm.bias"],
                self.eps,
            )
            ff = self._dense(_gelu(self._dense(x, f"{p}.intermediate.dense")), f"{p}.output.dense")
            x = _layer_norm(ff + x, w[f"{p}.output.LayerNorm.weight"], w[f"{p}.output.LayerNorm.bias"], self.eps)
        return x

    def embed(self, text: str) -> np.ndarray:
        """Mean over all tokens (incl. [CLS]/[SEP], as sentence-transformers does); NOT L2-normalized."""
        return self.hidden_states(self.tokenize(text)).mean(axis=0).astype(np.float32)
