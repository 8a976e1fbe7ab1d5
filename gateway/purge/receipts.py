"""Purge receipts: a signed statement of what a purge destroyed, by whom and when; never any document text.

The body is canonical JSON (sorted keys, no spaces); the signature is Ed25519 by the audit signing key over
``gateway-purge-receipt/v1\\n`` followed by the body, so an auditor with the audit public key can check it offline.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from gateway.audit.signing import CheckpointSigner, CheckpointVerifier

RECEIPT_FORMAT = "gateway-purge-receipt/v1"


def canonical(body: dict[str, Any]) -> str:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def receipt_message(body: dict[str, Any]) -> bytes:
    return f"{RECEIPT_FORMAT}\n".encode() + canonical(body).encode()


@dataclass(frozen=True, slots=True)
class PurgeReceipt:
    id: str
    body: dict[str, Any]
    signature: bytes
    key_id: str

    def canonical(self) -> str:
        return canonical(self.body)

    def verify(self, verifier: CheckpointVerifier) -> bool:
        """Whether the signature holds for this body under ``verifier`` (the audit public key)."""
        return verifier.key_id == self.key_id and verifier.verify(receipt_message(self.body), self.signature)

    def as_json(self) -> dict[str, Any]:
        return {"object": "purge.receipt", "id": self.id, "format": RECEIPT_FORMAT, "receipt": self.body,
                "signature": base64.b64encode(self.signature).decode(), "key_id": self.key_id}

    def audit_fields(self) -> dict[str, Any]:
        """What the audit event of this purge records: receipt id, kind, counts and key fingerprints; never text."""
        body = self.body
        return {
            "document_id": body["target"] if body["kind"] == "document" else None,
            "details": {"receipt_id": self.id, "kind": body["kind"], "collection": body["collection"],
                        "documents": len(body["documents"]), "chunks": body["chunks"],
                        "keys_destroyed": [k["sha256"][:16] for k in body["keys_destroyed"]][:32]},
        }


def seal_receipt(receipt_id: str, body: dict[str, Any], signer: CheckpointSigner) -> PurgeReceipt:
    body = json.loads(canonical(body))  # exactly what is stored and read back
    return PurgeReceipt(receipt_id, body, signer.sign(receipt_message(body)), signer.key_id)
