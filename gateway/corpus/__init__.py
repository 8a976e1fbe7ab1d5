"""Training-corpus sanitizer: mask personal data in fine-tuning corpora before a model ever sees them.

``gateway corpus mask IN OUT`` reads JSONL chat (OpenAI ``messages``, ShareGPT ``conversations``), Alpaca,
plain text or CSV, masks every string with the gateway's PII detector (batched, in worker processes), writes the
same structure back with numbered tags or realistic surrogates, resumes after a crash from a sidecar checkpoint,
reports bad records by line and scans its own output for residual personal data. Canary records can be planted
to test a fine-tuned model for memorisation (``gateway model probe``).
"""

from __future__ import annotations

from gateway.corpus.errors import CorpusError

__all__ = ["CorpusError"]
