"""The tenth blind held-out detection corpus (see TRAPS.md and README.md)."""

from tests.detect.heldout10.columns import make_heldout10_columns

__all__ = ["make_heldout10_columns"]
