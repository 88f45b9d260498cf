"""Pseudonymise extracts: keyed tokens for the linkage unit, content for the analyst.

- :mod:`~safelink.pseudonymise.api`: :func:`pseudonymise` (in memory) and
  :func:`pseudonymise_file` (streamed, any engine), the outputs and their checks.
- :mod:`~safelink.pseudonymise.plan`: which tokens each identifier column gives, under which key
  purpose.
- :mod:`~safelink.pseudonymise.tokenise`: the :class:`Tokeniser` every engine runs (local
  batches, Spark's Arrow map).
- :mod:`~safelink.pseudonymise.summary`: what a run records (counts, never values).
- :mod:`~safelink.pseudonymise.bloom`: keyed Bloom-filter encodings and their Dice comparison.
"""

from safelink.pseudonymise.api import (
    Pseudonymised,
    output_paths,
    pseudonymise,
    pseudonymise_file,
    read_tokens_metadata,
    verify_outputs,
    with_expiry,
)
from safelink.pseudonymise.plan import address_postcode, bloom_purpose, token_plan
from safelink.pseudonymise.summary import ColumnSummary, RunSummary
from safelink.pseudonymise.tokenise import METADATA_PREFIX, RECORD_ID, Tokeniser

__all__ = [
    "METADATA_PREFIX",
    "RECORD_ID",
    "ColumnSummary",
    "Pseudonymised",
    "RunSummary",
    "Tokeniser",
    "address_postcode",
    "bloom_purpose",
    "output_paths",
    "pseudonymise",
    "pseudonymise_file",
    "read_tokens_metadata",
    "token_plan",
    "verify_outputs",
    "with_expiry",
]
