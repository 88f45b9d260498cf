"""What is derived from canonical values: check digits, ranges, name, postcode, address parts.

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
from safelink.normalise.constants import WEIGHTS

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

    The shared SQL of :func:`safelink.normalise.rules.nhs_range` (the Spark engine runs it
    too): CHI, Northern Ireland, England/Wales/Isle of Man, never issued (5xx), test (999),
    else unallocated.
    """
    return canonical_sql(values, rules.nhs_range)


def nhs_warnings(values: pl.Series) -> pl.Series:
    """``never_issued_range`` / ``unallocated_range`` for canonical numbers in those ranges."""
    return canonical_sql(values, rules.nhs_warning)


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


def canonical_sql(canonical: pl.Series, make: Callable[[str], str]) -> pl.Series:
    """Evaluate shared SQL (``make`` of the column's reference) over canonical values.

    The derivations written once in :mod:`safelink.normalise.rules`, run on polars.
    """
    frame = pl.LazyFrame({"c": canonical.cast(pl.String)})
    added = _BACKEND.with_columns(frame, {"part": make(quote("c"))}).collect()
    return added.get_column("part").alias(canonical.name)


def postcode_district(canonical: pl.Series) -> pl.Series:
    """The outward code (district) of canonical postcodes: ``SW1A 1AA`` -> ``SW1A``."""
    return canonical_sql(canonical, rules.postcode_district)


def postcode_sector(canonical: pl.Series) -> pl.Series:
    """The sector of canonical postcodes: ``SW1A 1AA`` -> ``SW1A 1``."""
    return canonical_sql(canonical, rules.postcode_sector)


def postcode_area(canonical: pl.Series) -> pl.Series:
    """The area (leading letters) of canonical postcodes: ``SW1A 1AA`` -> ``SW``."""
    return canonical.str.extract(r"^([A-Z]{1,2})")


def address_parts(canonical: pl.Series, postcodes: pl.Series | None = None) -> pl.DataFrame:
    """The parts of canonical addresses: a column per part (``rules.ADDRESS_PARTS``).

    The shared SQL of :func:`safelink.normalise.rules.address_parts` (the Spark engine runs
    it too): ``number_street`` (``21 ASHGROVE``), ``number_postcode`` (``21 NW2 3LN``) and
    ``street`` (``ASHGROVE``); null where the address has no house number or is a corner.
    ``postcodes`` (canonical, row for row) give the postcode of an address that ends without
    one.

    Example:
        >>> address_parts(pl.Series(["FLAT 1 21 ASH GROVE LONDON NW2 3LN"])).row(0)
        ('21 ASHGROVE', '21 NW2 3LN', 'ASHGROVE')

    """
    column = None if postcodes is None else quote("p")
    rule = rules.address_parts(quote("c"), "part_", column)
    frame = pl.LazyFrame({"c": canonical.cast(pl.String)})
    if postcodes is not None:
        frame = frame.with_columns(p=postcodes.cast(pl.String))
    added = rules.apply_rule(_BACKEND, frame, rule)
    columns = {part: rules.address_part_column(rule, part) for part in rules.ADDRESS_PARTS}
    parts: pl.DataFrame = added.select(pl.col(c).alias(p) for p, c in columns.items()).collect()
    return parts
