"""The one exception the PII package raises on purpose.

Messages name what failed, never the text being analysed: that text may be personal data. The gateway maps
``PiiError`` to ``InvalidInput`` or ``MaskingFailed`` at its edge.
"""

from __future__ import annotations


class PiiError(Exception):
    """Detection, masking or restoring failed; the caller must fail closed."""
