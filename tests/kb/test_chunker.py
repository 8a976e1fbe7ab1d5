"""Chunks stay within the embedder's token limit, keep headings with their text, and overlap when cut."""

from __future__ import annotations

import itertools

from gateway.kb.chunker import Chunker
from gateway.kb.documents import Block
from gateway.llm.embedder import LlamaCppEmbedder


def test_short_sections_are_packed_whole_with_their_headings(kb_embedder: LlamaCppEmbedder) -> None:
    chunker = Chunker(kb_embedder.count_tokens, max_tokens=128, overlap_tokens=16)
    blocks = [Block("heading", "Fees", 1), Block("paragraph", "Account fee is 2 EUR."),
              Block("heading", "Rates", 2), Block("paragraph", "Savings pay 1.5%."),
              Block("paragraph", "Rates change monthly.")]
    expected = "Fees\nAccount fee is 2 EUR.\nFees > Rates\nSavings pay 1.5%.\nRates change monthly."
    assert chunker.split(blocks) == [expected]


def test_long_paragraph_is_cut_within_the_limit_with_overlap_and_heading(kb_embedder: LlamaCppEmbedder) -> None:
    chunker = Chunker(kb_embedder.count_tokens, max_tokens=64, overlap_tokens=12)
    sentences = [f"Rule {n} says the teller checks item number {n} twice." for n in range(40)]
    chunks = chunker.split([Block("heading", "Checks", 1), Block("paragraph", " ".join(sentences))])
    assert len(chunks) > 3
    assert all(kb_embedder.count_tokens(c) <= 64 for c in chunks)
    assert all(c.startswith("Checks\n") for c in chunks)
    for before, after in itertools.pairwise(chunks):
        assert before.split("\n", 1)[1].split(". ")[-1] in after, "consecutive pieces share a sentence"
    joined = " ".join(chunks)
    assert all(s in joined for s in sentences)


def test_text_without_spaces_is_cut_by_characters(kb_embedder: LlamaCppEmbedder) -> None:
    chunker = Chunker(kb_embedder.count_tokens, max_tokens=48, overlap_tokens=4)
    chunks = chunker.split([Block("paragraph", "患者需要每日监测血压" * 40)])
    assert len(chunks) > 1 and all(kb_embedder.count_tokens(c) <= 48 for c in chunks)


def test_heading_without_text_is_kept(kb_embedder: LlamaCppEmbedder) -> None:
    chunker = Chunker(kb_embedder.count_tokens, max_tokens=128, overlap_tokens=8)
    assert chunker.split([Block("heading", "Annex A", 1), Block("heading", "Annex B", 1),
                          Block("paragraph", "Text of B.")]) == ["Annex A\nAnnex B\nText of B."]
