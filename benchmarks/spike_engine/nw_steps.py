"""Spike A: the steps written once with narwhals, run on polars, DuckDB and PySpark.

Each function takes any narwhals-supported lazy frame (polars LazyFrame, DuckDB relation,
PySpark DataFrame) and returns a narwhals LazyFrame or plain numbers.
Run this file for a small self-check on polars and DuckDB.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import narwhals as nw
from _common import (
    ASCII_TEN,
    NINE,
    PLACEHOLDER,
    POSTCODE,
    R_CHECK,
    R_FORMAT,
    R_NINE,
    R_NOT_TEN,
    R_PLACEHOLDER,
    TEN,
    WEIGHTS,
    WS,
)

from safelink.blank import WHITESPACE

NULL = nw.lit(None, dtype=nw.String)


def blank_to_null(column: str) -> nw.Expr:
    """Trimmed of Unicode whitespace, null where empty (``safelink.blank.blank_to_null``)."""
    text = nw.col(column).cast(nw.String).str.strip_chars(WHITESPACE)
    return nw.when(text != "").then(text)


def nhs_number(native: Any, column: str = "nhs_number") -> nw.LazyFrame[Any]:
    """``(i, value, reason)`` as ``safelink.normalise.normalise_nhs_number`` gives them."""
    frame = nw.from_native(native).lazy()
    stage = frame.select("i", blank_to_null(column).str.replace_all(rf"[{WS}\-]", "").alias("d"))
    d = nw.col("d")
    ascii_ten = d.str.contains(ASCII_TEN)
    # Casting a non-number fails on every engine (polars strict cast, ANSI Spark, DuckDB), and
    # narwhals has no try_cast: cast only ten ASCII digits and a dummy elsewhere.
    stage = stage.with_columns(
        n=nw.when(ascii_ten).then(d).otherwise(nw.lit("0000000000")).cast(nw.Int64),
        ascii_ten=ascii_ten,
    )
    n = nw.col("n")
    total = sum((n // 10 ** (9 - i)) % 10 * w for i, w in enumerate(WEIGHTS))
    check = 11 - total % 11  # type: ignore[operator]
    expected = nw.when(check == 11).then(0).otherwise(check)
    reason = (
        nw.when(d.is_null())
        .then(NULL)
        .when(d.str.contains(NINE))
        .then(nw.lit(R_NINE))
        .when(~d.str.contains(TEN))
        .then(nw.lit(R_NOT_TEN))
        .when(d.str.contains(PLACEHOLDER))
        .then(nw.lit(R_PLACEHOLDER))
        # non-ASCII digits pass unchecked, as in the polars code (its cast gives null)
        .when(nw.col("ascii_ten") & (expected != n % 10))
        .then(nw.lit(R_CHECK))
        .otherwise(NULL)
    )
    out = stage.select("i", "d", reason.alias("reason"))
    value = nw.when(nw.col("reason").is_null()).then(nw.col("d")).otherwise(NULL)
    return out.select("i", value.alias("value"), "reason")


def postcode(native: Any, column: str = "postcode") -> nw.LazyFrame[Any]:
    """``(i, value, reason, sector, district)`` as ``normalise_postcode`` and friends give them."""
    frame = nw.from_native(native).lazy()
    blank = blank_to_null(column)
    stage = frame.select(
        "i",
        blank.is_null().alias("missing"),
        blank.str.to_uppercase().str.replace_all(rf"[{WS}]+", "").alias("c"),
    )
    c = nw.col("c")
    reason = (
        nw.when(nw.col("missing"))
        .then(NULL)
        .when(~c.str.contains(POSTCODE))
        .then(nw.lit(R_FORMAT))
        .otherwise(NULL)
    )
    # str.slice takes int offsets only, so "all but the last 3" is a regex; str.replace (first
    # match) is not implemented for DuckDB or Spark, but an anchored pattern matches once.
    outward = c.str.replace_all(".{3}$", "")
    canonical = nw.concat_str([outward, nw.lit(" "), c.str.slice(-3)])
    accepted = nw.col("reason").is_null()
    out = stage.with_columns(reason.alias("reason"))
    return out.select(
        "i",
        nw.when(accepted).then(canonical).otherwise(NULL).alias("value"),
        "reason",
        nw.when(accepted)
        .then(canonical.str.replace_all(".{2}$", ""))
        .otherwise(NULL)
        .alias("sector"),
        nw.when(accepted).then(outward).otherwise(NULL).alias("district"),
    )


def _scalar(frame: nw.LazyFrame[Any]) -> dict[str, Any]:
    return frame.collect("polars").to_native().to_dicts()[0]  # type: ignore[no-any-return]


def k_anonymity(native: Any, quasi: Sequence[str], person: str) -> dict[str, Any]:
    """k over rows and persons, classes, rows, persons, persons in several classes."""
    frame = nw.from_native(native).lazy()
    base = frame.group_by(*quasi, person).agg(nw.len().alias("rows"))
    classes = base.group_by(*quasi).agg(nw.col("rows").sum(), nw.len().alias("persons"))
    summary = _scalar(
        classes.select(
            nw.col("rows").min().alias("k_rows"),
            nw.col("persons").min().alias("k_persons"),
            nw.len().alias("classes"),
            nw.col("rows").sum().alias("rows"),
        )
    )
    summary["persons"] = _scalar(frame.select(nw.col(person).n_unique().alias("p")))["p"]
    several = base.group_by(person).agg(nw.len().alias("c")).filter(nw.col("c") > 1)
    summary["persons_in_several_classes"] = _scalar(several.select(nw.len().alias("n")))["n"]
    return {key: int(value) for key, value in summary.items()}


def distinct_l(native: Any, quasi: Sequence[str], attribute: str) -> int:
    """The fewest distinct values of ``attribute`` (missing is a value) in any class."""
    frame = nw.from_native(native).lazy()
    values = frame.group_by(*quasi, attribute).agg(nw.len().alias("f"))
    per_class = values.group_by(*quasi).agg(nw.len().alias("distinct"))
    return int(_scalar(per_class.select(nw.col("distinct").min()))["distinct"])


def t_closeness_equal(native: Any, quasi: Sequence[str], attribute: str, person: str) -> float:
    """The largest equal-distance EMD between a class and the whole table (persons view).

    Windows replace the polars code's join to the global distribution: the global count of a
    value is the sum of its class counts, so no join on a nullable key is needed.
    """
    frame = nw.from_native(native).lazy()
    counted = (
        frame.select(*quasi, attribute, person)
        .unique()
        .group_by(*quasi, attribute)
        .agg(nw.len().alias("f"))
    )
    f = nw.col("f").cast(nw.Float64)
    q = f / f.sum().over(*quasi)
    p = f.sum().over(attribute) / f.sum()
    terms = counted.select(*quasi, ((q - p).abs() - p).alias("term"))
    sums = terms.group_by(*quasi).agg(nw.col("term").sum().alias("s"))
    t = _scalar(sums.select((0.5 * (nw.col("s") + 1.0)).max().alias("t")))["t"]
    return max(0.0, float(t))


if __name__ == "__main__":
    import duckdb
    import polars as pl
    from _common import extract_columns

    from safelink.normalise import normalise_nhs_number

    data = extract_columns(2_000)
    expected = normalise_nhs_number(data["nhs_number"])
    for name, native in (("polars", data.lazy()), ("duckdb", duckdb.from_arrow(data.to_arrow()))):
        got = nhs_number(native).collect("polars").to_native().sort("i")
        same = got["value"].equals(expected.values) and got["reason"].equals(expected.reasons)
        print(f"narwhals nhs_number on {name}: {'equal' if same else 'DIFFERENT'}")
    print(pl.__version__, nw.__version__)
