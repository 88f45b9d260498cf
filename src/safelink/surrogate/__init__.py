"""Keyed surrogates and per-person date shifting: realistic fake values that stay consistent.

The same value and key give the same surrogate in every file, run and process; without the key
a surrogate says nothing about its original. See :mod:`safelink.surrogate.kinds` for the kinds
and :mod:`safelink.surrogate.dates` for what a date shift keeps and what it does not.

Example::

    from safelink.surrogate import shift_dates, surrogate_column

    result = surrogate_column(df, "surname", kind="surname", keyring=ring)
    df = df.with_columns(result.values)
    shifted = shift_dates(df, ["admitted", "discharged"], person="person_id", keyring=ring)
"""

from safelink.surrogate.collisions import Collisions, count_collisions
from safelink.surrogate.dates import (
    DOES_NOT_PRESERVE,
    PRESERVES,
    ShiftReport,
    ShiftResult,
    allowed_offsets,
    shift_dates,
)
from safelink.surrogate.kinds import (
    DRAMA_LANDLINE,
    DRAMA_MOBILE,
    Kind,
    SurrogateReport,
    SurrogateResult,
    parse_kind,
    surrogate_column,
)
from safelink.surrogate.run import (
    ColumnSpec,
    DateShiftSpec,
    SurrogateConfig,
    SurrogateRun,
    date_shift_transformation,
    load_surrogate_config,
    parse_surrogate_config,
    surrogate_file,
    surrogate_frame,
    surrogate_transformation,
)

__all__ = [
    "DOES_NOT_PRESERVE",
    "DRAMA_LANDLINE",
    "DRAMA_MOBILE",
    "PRESERVES",
    "Collisions",
    "ColumnSpec",
    "DateShiftSpec",
    "Kind",
    "ShiftReport",
    "ShiftResult",
    "SurrogateConfig",
    "SurrogateReport",
    "SurrogateResult",
    "SurrogateRun",
    "allowed_offsets",
    "count_collisions",
    "date_shift_transformation",
    "load_surrogate_config",
    "parse_kind",
    "parse_surrogate_config",
    "shift_dates",
    "surrogate_column",
    "surrogate_file",
    "surrogate_frame",
    "surrogate_transformation",
]
