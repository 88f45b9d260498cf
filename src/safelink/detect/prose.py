"""Whether a column holds writing: long notes, short remarks, or remarks among codes.

A column of prose is scanned row by row for identifiers (:mod:`safelink.detect.freetext`)
instead of being judged as one kind of value; a code list, however wordy its values, is not.
"""

from __future__ import annotations

import polars as pl

from safelink.detect.column_model import share_of

#: Short remarks ("Did not attend, rebook", "Car reg AB12 CDE on drive") are free text too:
#: values of a few words, at least :data:`_REMARK_CHARS` long at the median, half of them
#: with two or more lower-case words (prose; names, places, services and addresses are
#: capitalised, codes and amounts are not words), and varied: at least a twentieth of them
#: distinct (a code list of categories, "Personal care support", repeats a few values).
_REMARK_CHARS = 15
_REMARK_WORDS = 3
_REMARK_LOWER = r"(?:^|\s)[a-z]{2,}\b"
_REMARK_DISTINCT = 0.05


def looks_free_text(sample: pl.Series) -> bool:
    """Whether a column holds prose: long notes, or short remarks written in sentences."""
    if sample.len() == 0:
        return False
    lengths = sample.str.len_chars()
    words = sample.str.count_matches(r"\s+") + 1
    median = lengths.median()
    if not isinstance(median, (int, float)) or median < _REMARK_CHARS:
        return False
    if median >= 30 and share_of(words >= 5) >= 0.5:
        return True
    if not _varied(sample):
        return False
    lower = sample.str.count_matches(_REMARK_LOWER)
    return share_of(words >= _REMARK_WORDS) >= 0.5 and share_of(lower >= 2) >= 0.5


#: A column of short entries ("seen", "DNA", "no answer", "ring 07700 900123") too short at
#: the median to be free text: a fifth or more with a lower-case word (prose; codes, names
#: and places are capitalised) and varied (:data:`_REMARK_DISTINCT`) is read as text too,
#: and flagged only when identifiers are found in some rows.
_ENTRY_PROSE = 0.2


def remarks_among_codes(sample: pl.Series) -> bool:
    """Whether a column not free text by shape mixes short remarks with its other values."""
    if not _varied(sample):
        return False
    return share_of(sample.str.contains(_REMARK_LOWER).fill_null(False)) >= _ENTRY_PROSE


#: Values written once each, as notes carrying an identifier are, however templated the
#: rest ("Blister pack weekly." ... "Hosp no K4471093. CD register checked."): a code list
#: repeats every value.
_REMARK_SINGLE = 0.02


def _varied(sample: pl.Series) -> bool:
    """Whether a column's values vary as writing does, not as a code list's repeat."""
    distinct = sample.n_unique()
    if distinct >= max(10, _REMARK_DISTINCT * sample.len()):
        return True
    if distinct < 10:
        return False
    return share_of(sample.is_unique()) >= _REMARK_SINGLE


__all__ = ["looks_free_text", "remarks_among_codes"]
