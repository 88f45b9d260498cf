"""The eighth blind held-out column corpus for identifier detection (issue 19)."""

from tests.detect.heldout8.columns import make_heldout8_columns

__all__ = ["make_heldout8_columns"]
