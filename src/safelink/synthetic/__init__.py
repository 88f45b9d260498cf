"""Synthetic data and test helpers: people, their homes, the extracts drawn from them, and truth.

- :mod:`~safelink.synthetic.population`: the synthetic people both extracts are drawn from.
- :mod:`~safelink.synthetic.addresses`: their homes, written the ways extracts write them.
- :mod:`~safelink.synthetic.extracts`: the hospital and social-care extracts with ground truth.
- :mod:`~safelink.synthetic.testing`: public testing helpers (synthetic NHS numbers, strategies).

Everything is seeded and synthetic; NHS numbers come only from the never-issued 999 range.
"""

from safelink.synthetic.corruption import HOSPITAL_RATES, SOCIAL_CARE_RATES, SourceRates
from safelink.synthetic.extracts import (
    MAX_PEOPLE,
    REF_COLUMNS,
    REFERENCE_DATE,
    SOURCES,
    SyntheticExtracts,
    generate,
    record_truth,
    valid_test_nhs_numbers,
)
from safelink.synthetic.population import PopulationRates

__all__ = [
    "HOSPITAL_RATES",
    "MAX_PEOPLE",
    "REFERENCE_DATE",
    "REF_COLUMNS",
    "SOCIAL_CARE_RATES",
    "SOURCES",
    "PopulationRates",
    "SourceRates",
    "SyntheticExtracts",
    "generate",
    "record_truth",
    "valid_test_nhs_numbers",
]
