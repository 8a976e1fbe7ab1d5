"""Answering staff questions: the chat service composes policy, masking, retrieval, generation and audit."""
