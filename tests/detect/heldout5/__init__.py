"""The fifth blind held-out detection corpus (see README.md and TRAPS.md)."""

from tests.detect.heldout5.columns import make_heldout5_columns

__all__ = ["make_heldout5_columns"]
