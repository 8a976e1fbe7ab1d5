"""The knowledge base: ingest, chunk, embed, encrypt at rest, and retrieve by role (issue #5)."""
