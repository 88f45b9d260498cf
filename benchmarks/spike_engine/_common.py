"""Shared pieces of the engine spike: rules as data, test data, Spark, timing, comparison.

The rules (patterns, reasons, weights) live here once; the narwhals and SQL versions of each
step read them, so the two spikes differ only in how they express the step.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import polars as pl

from safelink.blank import WHITESPACE
from safelink.normalise import Reason
from safelink.synthetic import generate

# Regex portability: polars (Rust regex) reads \s and \d as Unicode classes, RE2 (DuckDB) and
# Java (Spark, without (?U)) as ASCII. So the neutral patterns spell whitespace out as the
# 25 Unicode White_Space code points in \x{...} form (Rust, RE2 and Java all read it) and use
# \p{Nd} where the polars code wrote \d.
WS = "".join(f"\\x{{{ord(c):04X}}}" for c in WHITESPACE)
DIGIT = r"\p{Nd}"
TEN = rf"^{DIGIT}{{10}}$"
NINE = rf"^{DIGIT}{{9}}$"
ASCII_TEN = r"^[0-9]{10}$"
PLACEHOLDER = r"^(?:0{10}|1{10}|2{10}|3{10}|4{10}|5{10}|6{10}|7{10}|8{10}|9{10})$"
POSTCODE = rf"^(?:[A-Z]{{1,2}}{DIGIT}[A-Z{DIGIT}]?{DIGIT}[A-Z]{{2}}|GIR0AA)$"
WEIGHTS = list(range(10, 1, -1))
R_NINE = Reason.LEADING_ZERO_LOST.value
R_NOT_TEN = Reason.NOT_10_DIGITS.value
R_PLACEHOLDER = Reason.PLACEHOLDER.value
R_CHECK = Reason.BAD_CHECK_DIGIT.value
R_FORMAT = Reason.INVALID_FORMAT.value

QUASI = ["age_band", "sex", "district"]
SENSITIVE = "diagnosis"
PERSON = "person_id"

# Hand-made values that exercise the awkward rules (all synthetic; 943 476 5919 is the
# NHS Digital documentation example).
NHS_EDGES = [
    None,
    "",
    "   ",
    "\u00a0943 476 5919\u2003",
    "943-476-5919",
    "943\u2000476\u20095919",
    "943476591",
    "9434765918",
    "94347659190",
    "0000000000",
    "abc",
    "-",
    "\x1c9434765919",
    "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660",
    "\uff19\uff14\uff13\uff14\uff17\uff16\uff15\uff19\uff11\uff19",
]
POSTCODE_EDGES = [
    None,
    "",
    " \u3000 ",
    "sw1a1aa",
    " SW1A 1AA ",
    "sw1a\u00a01aa",
    "GIR0AA",
    "gir 0aa",
    "EC1A 1BB",
    "M1 1AE",
    "B33 8TH",
    "ZZ",
    "SW1A 1A",
    "LS1 \u0661AB",
    "\u00df1 1AA",
    "\ufb001 1AA",
]


def extract_columns(rows: int, seed: int = 1) -> pl.DataFrame:
    """``(i, nhs_number, postcode)``: about ``rows`` values from synthetic extracts + edges."""
    data = generate(max(1, int(rows / 1.2)), seed=seed)
    frame = pl.concat(
        [
            data.hospital.select("nhs_number", "postcode"),
            data.social_care.select(pl.col("nhs_no").alias("nhs_number"), "postcode"),
        ]
    )
    n_edges = max(len(NHS_EDGES), len(POSTCODE_EDGES))
    edges = pl.DataFrame(
        {
            "nhs_number": NHS_EDGES + [None] * (n_edges - len(NHS_EDGES)),
            "postcode": POSTCODE_EDGES + [None] * (n_edges - len(POSTCODE_EDGES)),
        },
        schema={"nhs_number": pl.String, "postcode": pl.String},
    )
    frame = pl.concat([edges, frame.head(max(0, rows - n_edges))])
    return frame.with_row_index("i").with_columns(pl.col("i").cast(pl.Int64))


def disclosure_table(rows: int, seed: int = 7) -> pl.DataFrame:
    """A record-level table: 3 quasi-identifiers (some missing), a diagnosis, a person id."""
    rng = np.random.default_rng(seed)
    bands = np.array([f"{a}-{a + 4}" for a in range(0, 100, 5)])
    districts = np.array(
        [f"{a}{d}" for a in ("LS", "BD", "HX", "WF", "HD", "YO") for d in range(40)]
    )
    diagnoses = np.array([f"D{i:02d}" for i in range(40)])

    def with_missing(values: np.ndarray, rate: float) -> list[Any]:
        gone = rng.random(len(values)) < rate
        return [None if g else v for v, g in zip(values.tolist(), gone.tolist(), strict=True)]

    return pl.DataFrame(
        {
            PERSON: rng.integers(0, max(1, rows // 3), rows),
            "age_band": with_missing(bands[rng.integers(0, len(bands), rows)], 0.002),
            "sex": with_missing(rng.choice(np.array(["F", "M"]), rows), 0.01),
            "district": with_missing(districts[rng.integers(0, len(districts), rows)], 0.005),
            SENSITIVE: with_missing(diagnoses[rng.zipf(1.5, rows) % 40], 0.02),
        },
        schema={
            PERSON: pl.Int64,
            "age_band": pl.String,
            "sex": pl.String,
            "district": pl.String,
            SENSITIVE: pl.String,
        },
    )


def spark_session(cores: int = 2) -> Any:
    """A local Spark session bound to 127.0.0.1, as the project starts Spark offline."""
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    from safelink.engines.spark import spark_session as start

    spark = start(
        f"local[{cores}]",
        app_name="safelink-spike",
        config={
            "spark.driver.host": "127.0.0.1",
            "spark.driver.bindAddress": "127.0.0.1",
            "spark.ui.enabled": "false",
            "spark.sql.shuffle.partitions": str(cores * 2),
            "spark.sql.execution.arrow.pyspark.enabled": "true",
            "spark.driver.memory": "2g",
        },
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def to_spark(spark: Any, frame: pl.DataFrame) -> Any:
    """A cached Spark DataFrame of a polars frame (the caching is not timed)."""
    sdf = spark.createDataFrame(frame.to_pandas())
    sdf = sdf.repartition(4).cache()
    sdf.count()
    return sdf


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """Best wall-clock seconds of ``repeat`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def same_rows(expected: pl.DataFrame, got: pl.DataFrame) -> str:
    """``"equal"`` or how many rows differ, comparing by row id ``i`` (order-free)."""
    got = got.sort("i").select(expected.columns)
    if got.height != expected.height:
        return f"DIFFERENT ({got.height} rows, expected {expected.height})"
    diff = 0
    for name in expected.columns:
        a, b = expected[name], got[name].cast(expected[name].dtype)
        diff_mask = (a != b).fill_null(True) & ~(a.is_null() & b.is_null())
        diff += int(diff_mask.sum())
    return "equal" if diff == 0 else f"DIFFERENT ({diff} cells)"


def differing(expected: pl.DataFrame, got: pl.DataFrame, column: str) -> pl.DataFrame:
    """The rows whose ``column`` differs, for the report."""
    joined = expected.join(got.select("i", column), on="i", suffix="_engine")
    a, b = joined[column], joined[f"{column}_engine"]
    mask = (a != b).fill_null(True) & ~(a.is_null() & b.is_null())
    return joined.filter(mask)
