"""The sixth blind held-out detection corpus (see README.md and TRAPS.md)."""

from tests.detect.heldout6.columns import make_heldout6_columns

__all__ = ["make_heldout6_columns"]
