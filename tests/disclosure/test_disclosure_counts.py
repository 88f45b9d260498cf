"""The class table is counted by the same SQL on every engine: polars and DuckDB agree exactly."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from safelink.disclosure.counts import class_sql, classes_sql, count_classes, wildcard_sql
from safelink.disclosure.equivalence import (
    CID,
    OWN,
    OWN_ROWS,
    PERSONS,
    ROWS,
    SIZE,
    VALUE,
    prepare,
)
from safelink.disclosure.likeness import likeness_summary
from safelink.disclosure.models import k_summary, l_summary, t_summary
from safelink.disclosure.risk import risk_summary
from safelink.disclosure.utility import utility_summary
from safelink.engines.backend import DuckDBBackend, PolarsBackend
from safelink.engines.sql import Dialect, transpile

QUASI = ["band", "sex", "area"]


def _data(seed: int, rows: int = 600) -> pl.DataFrame:
    """Quasi-identifiers with missing values (text, integer), sensitive values too."""
    rng = np.random.default_rng(seed)
    holes = rng.random((rows, 3))
    frame = pl.DataFrame(
        {
            "band": rng.integers(0, 4, rows),
            "sex": np.array(["F", "M"], dtype=object)[rng.integers(0, 2, rows)],
            "area": np.array(["LS", "BD", "YO"], dtype=object)[rng.integers(0, 3, rows)],
            "diagnosis": np.array(["a", "b", "c", "d"], dtype=object)[rng.integers(0, 4, rows)],
            "stay": rng.integers(0, 9, rows),
            "p": rng.integers(0, rows // 3, rows),
        }
    )
    return frame.with_columns(
        pl.when(pl.Series(holes[:, 0] < 0.1)).then(None).otherwise(pl.col("band")).alias("band"),
        pl.when(pl.Series(holes[:, 1] < 0.1)).then(None).otherwise(pl.col("area")).alias("area"),
        pl.when(pl.Series(holes[:, 2] < 0.1))
        .then(None)
        .otherwise(pl.col("diagnosis"))
        .alias("diagnosis"),
    )


@pytest.mark.parametrize("missing", ["value", "wildcard"])
@pytest.mark.parametrize("person", [None, "p"])
@pytest.mark.parametrize("seed", [1, 2])
def test_count_classes_duckdb_equals_polars(seed: int, person: str | None, missing: str) -> None:
    frame = prepare(_data(seed), QUASI, sensitive=["diagnosis", "stay"], person=person)
    local = count_classes(frame, QUASI, person=person, missing=missing)
    duck = count_classes(frame, QUASI, person=person, missing=missing, backend=DuckDBBackend())
    columns = [*QUASI, CID, ROWS, PERSONS, OWN, OWN_ROWS, SIZE]
    assert duck.classes.select(columns).equals(local.classes.select(columns))
    assert duck.totals() == local.totals()
    for attribute in ("diagnosis", "stay"):
        order = [CID, VALUE]
        got = duck.frequencies(attribute).sort(order, nulls_last=False)
        want = local.frequencies(attribute).sort(order, nulls_last=False)
        assert got.equals(want)
        assert duck.distribution(attribute).equals(local.distribution(attribute))
        assert l_summary(duck, attribute, 2) == l_summary(local, attribute, 2)
        assert t_summary(duck, attribute).t == pytest.approx(t_summary(local, attribute).t)
        assert likeness_summary(duck, attribute) == likeness_summary(local, attribute)
    assert k_summary(duck, missing) == k_summary(local, missing)
    assert risk_summary(duck, QUASI) == risk_summary(local, QUASI)
    useful = {"k": 3, "suppressed": 7, "target": "diagnosis"}
    assert utility_summary(duck, QUASI, **useful) == utility_summary(local, QUASI, **useful)


def test_count_classes_wildcard_adds_more_general_records() -> None:
    # (1, F) holds itself and (null, F) and (null, null): 3 rows; (null, F) also (null, null)
    frame = pl.DataFrame({"a": [1, None, None, 2], "b": ["F", "F", None, "M"], "p": [1, 2, 3, 1]})
    table = count_classes(frame, ["a", "b"], person="p", missing="wildcard")
    sizes = table.classes.sort(["a", "b"], nulls_last=False)
    assert sizes.select("a", "b", ROWS, PERSONS, OWN).rows() == [
        (None, None, 1, 1, 1),
        (None, "F", 2, 2, 1),
        (1, "F", 3, 3, 1),
        (2, "M", 2, 2, 1),
    ]
    assert table.totals().several == 1  # person 1 is in (1, F) and (2, M)


@pytest.mark.parametrize(
    "sql",
    [
        class_sql(QUASI, person="p", value="diagnosis"),
        classes_sql(QUASI, person="p"),
        wildcard_sql(QUASI, ["101", "000"], person="p", value="diagnosis"),
    ],
)
def test_class_sql_transpiles_to_every_dialect(sql: str) -> None:
    for dialect in Dialect:
        assert "SELECT" in transpile(sql, dialect)
    assert "IS NOT DISTINCT FROM" not in sql  # a hash join everywhere (nested loop in polars)


def test_count_classes_polars_backend_stays_lazy_until_read() -> None:
    frame = _data(3)
    table = count_classes(frame, QUASI, backend=PolarsBackend())
    assert table.frequencies("diagnosis").height > 0  # classes not yet counted: that is fine
    assert table.classes[ROWS].sum() == frame.height


@pytest.mark.parametrize("missing", ["value", "wildcard"])
@pytest.mark.parametrize("person", [None, "p"])
def test_count_classes_read_after_frequencies_same_table(person: str | None, missing: str) -> None:
    # without a person column the classes are summed from an attribute's counts when those
    # come first (one pass over the data fewer); the table must be the same either way
    frame = prepare(_data(3), QUASI, sensitive=["diagnosis"], person=person)
    first = count_classes(frame, QUASI, person=person, missing=missing)
    first.frequencies("diagnosis")
    later = count_classes(frame, QUASI, person=person, missing=missing)
    assert first.classes.equals(later.classes)
    assert first.totals() == later.totals()
    order = [CID, VALUE]
    got = first.frequencies("diagnosis").sort(order, nulls_last=False)
    assert got.equals(later.frequencies("diagnosis").sort(order, nulls_last=False))
