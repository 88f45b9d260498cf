"""What is derived from canonical values: check digits, issuing ranges, name and postcode parts.

Polars functions over canonical values (the output of :mod:`safelink.normalise.local`). The
postcode parts are the shared SQL of :mod:`safelink.normalise.rules`, which the Spark engine
runs too; phonetic codes use ``jellyfish`` once per distinct name.
"""

from __future__ import annotations

from collections.abc import Callable

import jellyfish
import polars as pl

from safelink.engines.backend import PolarsBackend
from safelink.engines.sql import quote
from safelink.normalise import rules
from safelink.normalise.constants import WEIGHTS, NhsNumberRange

_BACKEND = PolarsBackend()


def nhs_check_digit_valid(number: str) -> bool:
    """Return whether a 10-digit string has a valid modulus-11 check digit.

    Example:
        >>> nhs_check_digit_valid("9434765919")
        True

    """
    if len(number) != 10 or not number.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:9], WEIGHTS, strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(number[9])


def classify_nhs_number(values: pl.Series) -> pl.Series:
    """Classify canonical 10-digit numbers by issuing range (null for null input).

    Ranges: 010 101 0000-311 299 9999 Scottish CHI; 320 000 0001-399 999 9999 Northern
    Ireland H&C; 400-499 and 600-799 England, Wales and Isle of Man; 5xx never issued;
    999 test and synthetic numbers; anything else unallocated.
    """
    prefix = values.str.slice(0, 3).cast(pl.Int32, strict=False)
    number = values.cast(pl.Int64, strict=False)
    frame = pl.DataFrame({"p": prefix, "n": number})
    label = (
        pl.when(pl.col("n").is_null())
        .then(None)
        .when(pl.col("p") == 999)
        .then(pl.lit(NhsNumberRange.TEST.value))
        .when(pl.col("n").is_between(101_010_000, 3_112_999_999))
        .then(pl.lit(NhsNumberRange.CHI.value))
        .when(pl.col("n").is_between(3_200_000_001, 3_999_999_999))
        .then(pl.lit(NhsNumberRange.NORTHERN_IRELAND.value))
        .when(pl.col("p").is_between(400, 499) | pl.col("p").is_between(600, 799))
        .then(pl.lit(NhsNumberRange.ENGLAND_WALES_IOM.value))
        .when(pl.col("p").is_between(500, 599))
        .then(pl.lit(NhsNumberRange.NEVER_ISSUED.value))
        .otherwise(pl.lit(NhsNumberRange.UNALLOCATED.value))
    )
    return frame.select(label.alias(values.name)).to_series()


def name_parts(canonical: pl.Series) -> pl.Series:
    """Split canonical names into their parts (``"OBRIEN SMITH"`` -> ``["OBRIEN", "SMITH"]``)."""
    return canonical.str.split(" ")


def soundex(canonical: pl.Series) -> pl.Series:
    """Soundex codes of canonical names (first part only for multi-part names)."""
    return _phonetic(canonical, jellyfish.soundex)


def nysiis(canonical: pl.Series) -> pl.Series:
    """NYSIIS codes of canonical names (first part only for multi-part names)."""
    return _phonetic(canonical, jellyfish.nysiis)


def _phonetic(canonical: pl.Series, encode: Callable[[str], str]) -> pl.Series:
    # Names repeat a lot: encode each distinct first part once, then join back.
    first = canonical.str.split(" ").list.first().str.replace_all(r"[^A-Z]", "")
    distinct = first.drop_nulls().unique()
    codes = pl.Series([encode(v) if v else None for v in distinct.to_list()], dtype=pl.String)
    table = pl.DataFrame({"k": distinct, "code": codes})
    joined = pl.DataFrame({"k": first}).join(table, on="k", how="left", maintain_order="left")
    return joined.get_column("code").alias(canonical.name)


def _canonical_sql(canonical: pl.Series, make: Callable[[str], str]) -> pl.Series:
    frame = pl.LazyFrame({"c": canonical.cast(pl.String)})
    added = _BACKEND.with_columns(frame, {"part": make(quote("c"))}).collect()
    return added.get_column("part").alias(canonical.name)


def postcode_district(canonical: pl.Series) -> pl.Series:
    """The outward code (district) of canonical postcodes: ``SW1A 1AA`` -> ``SW1A``."""
    return _canonical_sql(canonical, rules.postcode_district)


def postcode_sector(canonical: pl.Series) -> pl.Series:
    """The sector of canonical postcodes: ``SW1A 1AA`` -> ``SW1A 1``."""
    return _canonical_sql(canonical, rules.postcode_sector)


def postcode_area(canonical: pl.Series) -> pl.Series:
    """The area (leading letters) of canonical postcodes: ``SW1A 1AA`` -> ``SW``."""
    return canonical.str.extract(r"^([A-Z]{1,2})")
