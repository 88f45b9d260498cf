"""Name columns: forenames, surnames and full names, by header, by the UK lists and by shape."""

from __future__ import annotations

import re
from typing import Literal

import polars as pl

from safelink.detect.column_model import (
    ClassifySettings,
    ColumnFinding,
    Confidence,
    make_finding,
    masked_examples,
    share_of,
)
from safelink.detect.names import NAME_FILLER, NAME_WORD, NOT_NAME_WORDS
from safelink.detect.recognisers import name_lists

# A value's words: name words in any script's Latin letters and case, with the particles,
# initials and Irish forms names hold ("Ffion ap Dafydd", "Ó Súilleabháin", "Evans, R").
_NAME_WORD = rf"(?:{NAME_WORD}|{NAME_FILLER})"
_SINGLE_NAME = rf"^{NAME_WORD}(?:[ \-]{NAME_WORD})?$"
_TITLE = r"(?:(?i:mr|mrs|ms|miss|mx|dr|prof|rev)\.? )?"
_FULL_NAME = (
    rf"^{_TITLE}{_NAME_WORD}(?: {_NAME_WORD}){{1,4}}$"
    rf"|^{_NAME_WORD}(?: {_NAME_WORD})*, ?{_TITLE}{_NAME_WORD}(?: {_NAME_WORD})*$"
)


def _name_evidence(sample: pl.Series) -> dict[str, pl.Series]:
    forenames, surnames = name_lists()
    upper = sample.str.to_uppercase().str.replace_all(r"^(MR|MRS|MS|MISS|MX|DR)\.? ", "")
    parts = (
        upper.str.replace_all("'", "").str.split(by=",").list.eval(pl.element().str.strip_chars())
    )
    words = upper.str.replace_all("'", "").str.replace_all(r"[,\-]", " ").str.split(" ")
    words = words.list.eval(pl.element().filter(pl.element() != ""))
    fore = list(forenames)
    sur = list(surnames)
    comma = sample.str.contains(",")
    # "SMITH, John": surname first; otherwise forename first and surname last.
    first = pl.Series(
        [
            p[1].split(" ")[0] if c and len(p) > 1 else (w[0] if w else "")
            for p, w, c in zip(parts.to_list(), words.to_list(), comma.to_list(), strict=True)
        ],
        dtype=pl.String,
    )
    last = pl.Series(
        [
            p[0] if c else (w[-1] if w else "")
            for p, w, c in zip(parts.to_list(), words.to_list(), comma.to_list(), strict=True)
        ],
        dtype=pl.String,
    )
    return {
        "single": sample.str.contains(_SINGLE_NAME).fill_null(False),
        "full": sample.str.contains(_FULL_NAME).fill_null(False) & (words.list.len() >= 2),
        "forename": upper.is_in(fore),
        "surname": upper.str.replace_all("'", "").is_in(sur),
        "full_listed": first.is_in(fore) & (last.is_in(sur) | last.is_in(fore)),
        "any_listed": words.list.eval(pl.element().is_in(fore + sur)).list.any(),
    }


def names_with_header(
    name: str,
    entity: str,
    sample: pl.Series,
    settings: ClassifySettings,
    subject: Literal["person", "organisation"],
) -> ColumnFinding | None:
    """A name column whose header names it (``entity``), judged by the values' shape."""
    ev = _name_evidence(sample)
    shape = ev["single"] | ev["full"]
    share = share_of(shape)
    listed = share_of(ev["any_listed"])
    if entity == "FULL_NAME" and share_of(ev["full"]) < settings.header_min_share:
        # A "name" header over single words: a forename or surname column.
        if share_of(ev["single"]) < settings.min_share or listed < 0.2:
            return None
        entity = "FORENAME" if share_of(ev["forename"]) >= share_of(ev["surname"]) else "SURNAME"
    if share < settings.header_min_share:
        return None
    confidence: Confidence = "high" if share >= settings.min_share and listed >= 0.2 else "medium"
    evidence = [
        f"header '{name}' names {entity}",
        f"{share:.0%} of values are name-shaped",
        f"{listed:.0%} contain a listed UK name",
    ]
    return make_finding(
        name, entity, share, confidence, evidence, masked_examples(sample, shape, entity), subject
    )


def names_without_header(
    name: str, sample: pl.Series, settings: ClassifySettings
) -> ColumnFinding | None:
    """A name column without header context: by the UK name lists, then by shape."""
    distinct = sample.n_unique()
    if distinct < max(10, 0.05 * sample.len()):
        return None  # a code list (ethnicity, team names), not people's names
    ev = _name_evidence(sample)
    single = share_of(ev["single"])
    candidates = [
        ("FULL_NAME", share_of(ev["full"]), share_of(ev["full_listed"]), ev["full"]),
        ("FORENAME", single, share_of(ev["forename"]), ev["single"]),
        ("SURNAME", single, share_of(ev["surname"]), ev["single"]),
    ]
    for entity, shape, listed, mask_ in candidates:
        if shape >= settings.min_share and listed >= 0.4:
            evidence = [
                f"{shape:.0%} of values are name-shaped",
                f"{listed:.0%} match the UK {entity.lower()} list",
                "no header context",
            ]
            return make_finding(
                name, entity, listed, "medium", evidence, masked_examples(sample, mask_, entity)
            )
    return _names_by_shape(name, sample, settings, distinct)


#: Fewest distinct values, as a share of those sampled, for names found by shape alone.
_SHAPE_DISTINCT = 0.3
_CAPITALISED_NAME = _FULL_NAME
# Words of two letters or more: a lone letter is an initial ("SMITH, Ann A"), not the article.
_NOT_NAME_WORDS = (
    rf"(?i)\b(?:{'|'.join(sorted(re.escape(w) for w in NOT_NAME_WORDS if len(w) > 1))})\b"
)


def _names_by_shape(
    name: str, sample: pl.Series, settings: ClassifySettings, distinct: int
) -> ColumnFinding | None:
    """Full names that no list holds: name-shaped words (with particles and initials), distinct.

    Code lists (teams, wards, ethnicities, roles) repeat their values and places carry a place
    word ("Road", "Ward"); people's names in an extract are mostly distinct (at least 30% of
    values, so a person with a few episodes still counts).
    """
    if distinct < _SHAPE_DISTINCT * sample.len():
        return None
    untitled = sample.str.replace(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? ", "")
    shaped = sample.str.contains(_CAPITALISED_NAME) & ~untitled.str.contains(_NOT_NAME_WORDS)
    share = share_of(shaped)
    if share < settings.min_share:
        return None
    evidence = [
        f"{share:.0%} of values are two or three capitalised name words",
        f"{distinct / sample.len():.0%} of values distinct",
        "no header context; names not in the UK lists",
    ]
    examples = masked_examples(sample, shaped, "FULL_NAME")
    return make_finding(name, "FULL_NAME", share, "medium", evidence, examples)
