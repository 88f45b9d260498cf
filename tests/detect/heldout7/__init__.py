"""Seventh blind held-out detection corpus (issue 19): see README.md and TRAPS.md."""

from tests.detect.heldout7.columns import make_heldout7_columns

__all__ = ["make_heldout7_columns"]
