"""Measure the engine spike: existing polars code vs narwhals vs sqlglot SQL, on every engine.

Usage: ``.venv/bin/python benchmarks/spike_engine/run_spike.py [--local-rows N]
[--spark-rows N] [--no-spark]``. Prints one markdown table of seconds, ratios against the
existing polars code on the same data, and whether each result equals the polars result.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import math
import sys
import textwrap
from collections.abc import Callable
from typing import Any

import duckdb
import nw_steps
import polars as pl
import sql_steps
from _common import (
    PERSON,
    QUASI,
    SENSITIVE,
    differing,
    disclosure_table,
    extract_columns,
    same_rows,
    spark_session,
    timed,
    to_spark,
)

from safelink import normalise
from safelink.disclosure import models

Row = dict[str, Any]


def polars_nhs(data: pl.DataFrame) -> pl.DataFrame:
    """The existing polars normaliser, shaped as the spike's output."""
    result = normalise.normalise_nhs_number(data["nhs_number"])
    return pl.DataFrame({"i": data["i"], "value": result.values, "reason": result.reasons})


def polars_postcode(data: pl.DataFrame) -> pl.DataFrame:
    """The existing postcode normaliser, sector and district."""
    result = normalise.normalise_postcode(data["postcode"])
    return pl.DataFrame(
        {
            "i": data["i"],
            "value": result.values,
            "reason": result.reasons,
            "sector": normalise.postcode_sector(result.values),
            "district": normalise.postcode_district(result.values),
        }
    )


def polars_k(table: pl.DataFrame) -> Row:
    """The existing k-anonymity, the fields the spike reproduces."""
    s = models.k_anonymity(table, QUASI, person=PERSON)
    fields = ("k_rows", "k_persons", "classes", "rows", "persons", "persons_in_several_classes")
    return {f: getattr(s, f) for f in fields}


def polars_l(table: pl.DataFrame) -> int:
    """The existing distinct l-diversity."""
    return models.l_diversity(table, QUASI, [SENSITIVE], person=PERSON)[SENSITIVE].distinct


def polars_t(table: pl.DataFrame) -> float:
    """The existing t-closeness (equal distance: the diagnosis is a category)."""
    return models.t_closeness(table, QUASI, [SENSITIVE], person=PERSON)[SENSITIVE].t


def same_value(expected: Any, got: Any) -> str:
    """``"equal"`` for equal scalars/dicts (floats to 1e-9), else both values."""
    if isinstance(expected, float):
        ok = math.isclose(expected, got, rel_tol=0, abs_tol=1e-9)
    else:
        ok = expected == got
    return "equal" if ok else f"DIFFERENT (polars {expected}, engine {got})"


def nw_collect(frame: Any) -> pl.DataFrame:
    """Collect a narwhals LazyFrame into polars."""
    return frame.collect("polars").to_native()  # type: ignore[no-any-return]


def cases(kind: str, extracts: Any, table: Any, conn: Any) -> dict[str, Callable[[], Any]]:
    """The steps for one engine: ``kind`` is polars, duckdb or spark; inputs are native."""
    engine = kind
    tables = {"t": extracts, "d": table}
    return {
        "nhs_number": lambda: nw_collect(nw_steps.nhs_number(extracts)),
        "postcode": lambda: nw_collect(nw_steps.postcode(extracts)),
        "k_anonymity": lambda: nw_steps.k_anonymity(table, QUASI, PERSON),
        "distinct_l": lambda: nw_steps.distinct_l(table, QUASI, SENSITIVE),
        "t_equal": lambda: nw_steps.t_closeness_equal(table, QUASI, SENSITIVE, PERSON),
        "sql:nhs_number": lambda: sql_steps.run(engine, sql_steps.nhs_number_sql(), tables, conn),
        "sql:postcode": lambda: sql_steps.run(engine, sql_steps.postcode_sql(), tables, conn),
        "sql:k_anonymity": lambda: {
            k: int(v)
            for k, v in sql_steps.run(
                engine, sql_steps.k_anonymity_sql(QUASI, PERSON, "d"), tables, conn
            )
            .to_dicts()[0]
            .items()
        },
        "sql:distinct_l": lambda: int(
            sql_steps.run(engine, sql_steps.distinct_l_sql(QUASI, SENSITIVE, "d"), tables, conn)[
                "l"
            ][0]
        ),
        "sql:t_equal": lambda: float(
            sql_steps.run(
                engine, sql_steps.t_closeness_equal_sql(QUASI, SENSITIVE, PERSON, "d"), tables, conn
            )["t"][0]
        ),
    }


def measure(
    label: str,
    engines: dict[str, tuple[Any, Any, Any]],
    extracts: pl.DataFrame,
    table: pl.DataFrame,
    repeat: int,
) -> list[Row]:
    """Time the existing polars code and every (approach, engine) on the same data."""
    baseline = {
        "nhs_number": lambda: polars_nhs(extracts),
        "postcode": lambda: polars_postcode(extracts),
        "k_anonymity": lambda: polars_k(table),
        "distinct_l": lambda: polars_l(table),
        "t_equal": lambda: polars_t(table),
    }
    rows: list[Row] = []
    expected: dict[str, Any] = {}
    base_seconds: dict[str, float] = {}
    for step, fn in baseline.items():
        seconds, expected[step] = timed(fn, repeat)
        base_seconds[step] = seconds
        rows.append(row(label, step, "existing polars", seconds, 1.0, "reference"))
    for engine, (native_extracts, native_table, conn) in engines.items():
        for name, fn in cases(engine, native_extracts, native_table, conn).items():
            approach, step = ("sql", name[4:]) if name.startswith("sql:") else ("narwhals", name)
            try:
                seconds, got = timed(fn, repeat)
            except Exception as exc:  # a spike records what fails and moves on
                message = f"FAILED {type(exc).__name__}: {str(exc).splitlines()[0][:90]}"
                rows.append(row(label, step, f"{approach} on {engine}", None, None, message))
                continue
            want = expected[step]
            if isinstance(want, pl.DataFrame):
                verdict = same_rows(want, got)
                if verdict != "equal":
                    for column in want.columns[1:]:
                        bad = differing(want, got.sort("i"), column)
                        if bad.height:
                            print(f"  {step} {approach}/{engine} {column}:", bad.head(4).rows())
            else:
                verdict = same_value(want, got)
            ratio = seconds / base_seconds[step]
            rows.append(row(label, step, f"{approach} on {engine}", seconds, ratio, verdict))
        print(f"  done {label} {engine}", file=sys.stderr)
    return rows


def row(
    label: str, step: str, how: str, seconds: float | None, ratio: float | None, verdict: str
) -> Row:
    """One line of the results table."""
    return {
        "rows": label,
        "step": step,
        "how": how,
        "seconds": seconds,
        "ratio": ratio,
        "result": verdict,
    }


def lines_of_code() -> list[tuple[str, int, int, int]]:
    """Logical source lines (no docstrings, comments or blanks) per step and approach."""
    polars_fns = {
        "nhs_number": [normalise._normalise_ten_digit, normalise._mod11_expr],
        "postcode": [
            normalise.normalise_postcode,
            normalise.postcode_sector,
            normalise.postcode_district,
        ],
        "k_anonymity": [models.k_anonymity],
        "distinct_l": [models.l_diversity, models._diversity],
        "t_equal": [models.t_closeness, models.global_distribution, models._emd_equal_sums],
    }
    narwhals_fns = {
        "nhs_number": [nw_steps.nhs_number, nw_steps.blank_to_null],
        "postcode": [nw_steps.postcode, nw_steps.blank_to_null],
        "k_anonymity": [nw_steps.k_anonymity, nw_steps._scalar],
        "distinct_l": [nw_steps.distinct_l],
        "t_equal": [nw_steps.t_closeness_equal],
    }
    sql_fns = {
        "nhs_number": [sql_steps.nhs_number_sql, sql_steps._blank],
        "postcode": [sql_steps.postcode_sql, sql_steps._blank],
        "k_anonymity": [sql_steps.k_anonymity_sql],
        "distinct_l": [sql_steps.distinct_l_sql],
        "t_equal": [sql_steps.t_closeness_equal_sql],
    }
    return [
        (step, _loc(polars_fns[step]), _loc(narwhals_fns[step]), _loc(sql_fns[step]))
        for step in polars_fns
    ]


def _loc(functions: list[Callable[..., Any]]) -> int:
    total = 0
    for fn in functions:
        lines = inspect.getsource(fn).splitlines()
        body = ast.parse(textwrap.dedent("\n".join(lines))).body[0]
        first = body.body[0]  # type: ignore[attr-defined]
        doc = 0
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            doc = first.end_lineno - first.lineno + 1  # type: ignore[operator]
        code = [ln for ln in lines if ln.strip() and not ln.strip().startswith("#")]
        total += len(code) - doc
    return total


def print_table(rows: list[Row]) -> None:
    """Print the results as a markdown table."""
    print("| rows | step | how | seconds | x existing polars | result |")
    print("|---|---|---|---:|---:|---|")
    for r in rows:
        seconds = "-" if r["seconds"] is None else f"{r['seconds']:.3f}"
        ratio = "-" if r["ratio"] is None else f"{r['ratio']:.2f}"
        print(f"| {r['rows']} | {r['step']} | {r['how']} | {seconds} | {ratio} | {r['result']} |")


def main() -> None:
    """Run the local and Spark measurements and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--local-rows", type=int, default=1_000_000)
    parser.add_argument("--spark-rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-spark", action="store_true")
    args = parser.parse_args()
    rows: list[Row] = []

    conn = duckdb.connect()
    conn.execute("SET threads = 2")

    def local_engines(extracts: pl.DataFrame, table: pl.DataFrame) -> dict[str, Any]:
        e_arrow, t_arrow = extracts.to_arrow(), table.to_arrow()
        return {
            "polars": (extracts.lazy(), table.lazy(), None),
            "duckdb": (conn.from_arrow(e_arrow), conn.from_arrow(t_arrow), conn),
        }

    extracts = extract_columns(args.local_rows)
    table = disclosure_table(args.local_rows)
    label = f"{args.local_rows:,}"
    print(
        f"local: {extracts.height:,} extract rows, {table.height:,} disclosure rows",
        file=sys.stderr,
    )
    # The SQL steps read plain frames: polars SQL takes polars, DuckDB takes Arrow.
    engines = local_engines(extracts, table)
    rows += measure(label, engines, extracts, table, args.repeat)

    if not args.no_spark:
        small_e = extract_columns(args.spark_rows)
        small_t = disclosure_table(args.spark_rows)
        spark = spark_session(2)
        engines = local_engines(small_e, small_t)
        engines["spark"] = (to_spark(spark, small_e), to_spark(spark, small_t), spark)
        label = f"{args.spark_rows:,}"
        rows += measure(label, engines, small_e, small_t, args.repeat)
        spark.stop()

    print_table(rows)
    print()
    print("| step | existing polars LOC | narwhals LOC | SQL LOC |")
    print("|---|---:|---:|---:|")
    for step, a, b, c in lines_of_code():
        print(f"| {step} | {a} | {b} | {c} |")


if __name__ == "__main__":
    main()
