"""Disclosure models on Spark: the local engine's k, l, t and risk from Spark group-bys.

The row-level work (grouping millions of rows into equivalence classes, counting persons per
class and value) runs as Spark aggregations; only one figure per model comes back to the
driver. The results are the dataclasses of :mod:`safelink.disclosure.models`, with the same
definitions: integers are identical; floating-point figures (entropy, c, t, mean risks) are
sums taken in a different order, so they agree to about 1e-12 rather than bit for bit.

The ``missing="wildcard"`` policy is supported when no quasi-identifier is missing (where it
equals ``"value"``); with missing quasi-identifiers it raises and points to the local engine.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from safelink.disclosure.equivalence import check_roles
from safelink.disclosure.models import KAnonymitySummary, LDiversitySummary, TClosenessSummary
from safelink.disclosure.risk import RiskSummary
from safelink.errors import InputError, SparkEngineError

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame

_CID = "__cid"
_F = "__f"


def _prepare(
    data: DataFrame,
    quasi: Sequence[str],
    *,
    sensitive: Sequence[str] = (),
    person: str | None = None,
    missing: str = "value",
) -> DataFrame:
    """Validate like the local engine, turn NaN quasi-identifiers into nulls, add a class id."""
    from pyspark.sql import functions as F  # noqa: N812
    from pyspark.sql.types import DoubleType, FloatType

    check_roles(data.columns, quasi, sensitive=sensitive, person=person, missing=missing)
    floats = {f.name for f in data.schema.fields if isinstance(f.dataType, DoubleType | FloatType)}
    frame = data.select(
        *(
            F.when(F.isnan(F.col(q)), None).otherwise(F.col(q)).alias(q) if q in floats else q
            for q in quasi
        ),
        *(c for c in dict.fromkeys([*sensitive, *([person] if person else [])]) if c not in quasi),
    )
    checks = [F.count(F.lit(1)).alias("rows")]
    checks += [
        F.sum(F.col(q).isNull().cast("long")).alias(f"null_{i}") for i, q in enumerate(quasi)
    ]
    if person:
        checks.append(F.sum(F.col(person).isNull().cast("long")).alias("null_person"))
    row = frame.agg(*checks).collect()[0]
    if row["rows"] == 0:
        raise InputError("the frame is empty; there is nothing to measure.")
    if person and row["null_person"]:
        raise InputError(
            f"person column {person!r} has {row['null_person']} missing value(s); "
            "every row needs a person id for the person view."
        )
    if missing == "wildcard" and any(row[f"null_{i}"] for i in range(len(quasi))):
        raise SparkEngineError(
            "missing='wildcard' with missing quasi-identifier values is not available on the "
            "Spark engine yet; use missing='value' or the local engine (--engine local)."
        )
    # One string per class; to_json keeps nulls distinct from every value.
    return frame.withColumn(_CID, F.to_json(F.struct(*(F.col(q) for q in quasi))))


def _value_counts(frame: DataFrame, attribute: str, person: str | None) -> DataFrame:
    """(class, value, frequency): persons per class and value, or rows without a person."""
    from pyspark.sql import functions as F  # noqa: N812

    if person:
        distinct = frame.select(_CID, attribute, person).distinct()
        return distinct.groupBy(_CID, attribute).agg(F.count(F.lit(1)).cast("double").alias(_F))
    return frame.groupBy(_CID, attribute).agg(F.count(F.lit(1)).cast("double").alias(_F))


def k_anonymity_spark(
    data: DataFrame,
    quasi: Sequence[str],
    *,
    person: str | None = None,
    missing: str = "value",
) -> KAnonymitySummary:
    """k-anonymity of a Spark DataFrame (see :func:`safelink.disclosure.k_anonymity`).

    Args:
        data: the Spark DataFrame.
        quasi: the quasi-identifier columns.
        person: a person id column; classes then count distinct persons.
        missing: ``"value"`` or ``"wildcard"`` (only without missing quasi-identifiers).

    Returns:
        The local engine's :class:`~safelink.disclosure.models.KAnonymitySummary`.

    Raises:
        InputError: empty frame, unknown column, missing person id.
        SparkEngineError: the wildcard policy with missing quasi-identifiers.

    """
    from pyspark.sql import functions as F  # noqa: N812

    frame = _prepare(data, quasi, person=person, missing=missing)
    if person:
        base = frame.groupBy(_CID, person).agg(F.count(F.lit(1)).alias("n"))
        classes = base.groupBy(_CID).agg(
            F.sum("n").alias("rows"), F.count(F.lit(1)).alias("persons")
        )
        several = base.groupBy(person).count().where(F.col("count") > 1).count()
    else:
        classes = frame.groupBy(_CID).agg(F.count(F.lit(1)).alias("rows"))
    figures = classes.agg(
        F.min("rows").alias("k_rows"),
        F.count(F.lit(1)).alias("classes"),
        F.sum("rows").alias("rows"),
        *((F.min("persons").alias("k_persons"),) if person else ()),
    ).collect()[0]
    k_persons = int(figures["k_persons"]) if person else None
    persons = frame.select(person).distinct().count() if person else None
    return KAnonymitySummary(
        k=k_persons if k_persons is not None else int(figures["k_rows"]),
        k_rows=int(figures["k_rows"]),
        k_persons=k_persons,
        classes=int(figures["classes"]),
        rows=int(figures["rows"]),
        persons=persons,
        persons_in_several_classes=several if person else None,
        missing=missing,
    )


def l_diversity_spark(
    data: DataFrame,
    quasi: Sequence[str],
    sensitive: Sequence[str],
    *,
    l: int = 2,  # noqa: E741
    person: str | None = None,
    missing: str = "value",
) -> dict[str, LDiversitySummary]:
    """Distinct, entropy and recursive (c, l)-diversity on Spark.

    See :func:`safelink.disclosure.l_diversity` for the definitions and arguments.

    Returns:
        One :class:`~safelink.disclosure.models.LDiversitySummary` per sensitive attribute.

    Raises:
        InputError: no sensitive attribute, l < 1, or a bad frame or column.
        SparkEngineError: the wildcard policy with missing quasi-identifiers.

    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F  # noqa: N812

    if not sensitive:
        raise InputError("no sensitive attributes given; l-diversity needs at least one.")
    if l < 1:
        raise InputError(f"l={l} is not valid for recursive (c, l)-diversity; use l >= 1.")
    frame = _prepare(data, quasi, sensitive=sensitive, person=person, missing=missing)
    out: dict[str, LDiversitySummary] = {}
    for attribute in sensitive:
        counts = _value_counts(frame, attribute, person)
        by_class = Window.partitionBy(_CID)
        ranked = counts.select(
            _CID,
            F.col(_F),
            F.row_number().over(by_class.orderBy(F.col(_F).desc())).alias("r"),
            (F.col(_F) / F.sum(_F).over(by_class)).alias("p"),
        )
        per_class = ranked.groupBy(_CID).agg(
            F.count(F.lit(1)).alias("distinct"),
            (-F.sum(F.col("p") * F.log(F.col("p")))).alias("h"),
            F.max(_F).alias("r1"),
            F.sum(F.when(F.col("r") >= l, F.col(_F)).otherwise(0.0)).alias("tail"),
        )
        ratio = F.when(F.col("tail") > 0, F.col("r1") / F.col("tail"))
        figures = per_class.agg(
            F.min("distinct").alias("distinct"),
            F.min("h").alias("h"),
            F.max(ratio).alias("ratio"),
            F.sum(F.when(F.col("tail") > 0, 0).otherwise(1)).alias("infinite"),
        ).collect()[0]
        c = math.inf if figures["infinite"] else float(figures["ratio"])
        out[attribute] = LDiversitySummary(
            attribute=attribute,
            distinct=int(figures["distinct"]),
            entropy=float(math.exp(figures["h"])),
            recursive_l=l,
            recursive_c=c,
        )
    return out


def t_closeness_spark(
    data: DataFrame,
    quasi: Sequence[str],
    sensitive: Sequence[str],
    *,
    ordered: Mapping[str, Sequence[Any]] | None = None,
    person: str | None = None,
    missing: str = "value",
) -> dict[str, TClosenessSummary]:
    """t-closeness (earth mover's distance) on Spark.

    See :func:`safelink.disclosure.t_closeness` for the definitions and arguments. The
    ordered distance walks every class over every value of the attribute (classes x values
    rows, spread over the cluster).

    Returns:
        One :class:`~safelink.disclosure.models.TClosenessSummary` per sensitive attribute.

    Raises:
        InputError: no sensitive attribute, an order that misses a value, a bad frame.
        SparkEngineError: the wildcard policy with missing quasi-identifiers.

    """
    from pyspark.sql import functions as F  # noqa: N812
    from pyspark.sql.types import NumericType

    if not sensitive:
        raise InputError("no sensitive attributes given; t-closeness needs at least one.")
    frame = _prepare(data, quasi, sensitive=sensitive, person=person, missing=missing)
    ordered = ordered or {}
    out: dict[str, TClosenessSummary] = {}
    for attribute in sensitive:
        order = ordered.get(attribute)
        numeric = isinstance(frame.schema[attribute].dataType, NumericType)
        counts = _value_counts(frame, attribute, person).withColumnRenamed(attribute, "__s")
        base = frame.select(*quasi, attribute, person).distinct() if person else frame
        glob = base.groupBy(F.col(attribute).alias("__s")).agg(
            F.count(F.lit(1)).cast("double").alias("g")
        )
        if order is not None:
            counts = _rank(counts, attribute, order)
            glob = _rank(glob, attribute, order)
        glob = glob.withColumn("p", F.col("g") / F.sum("g").over(_whole()))
        is_ordered = order is not None or numeric
        t = _emd_ordered(counts, glob) if is_ordered else _emd_equal(counts, glob)
        out[attribute] = TClosenessSummary(
            attribute=attribute,
            t=t,
            distance="ordered" if order is not None or numeric else "equal",
        )
    return out


def _whole() -> Any:
    from pyspark.sql import Window

    return Window.partitionBy()


def _rank(frame: DataFrame, attribute: str, order: Sequence[Any]) -> DataFrame:
    from pyspark.sql import functions as F  # noqa: N812

    table = F.create_map(*(F.lit(x) for i, v in enumerate(order) for x in (str(v), i)))
    ranked = frame.withColumn("__rank", F.element_at(table, F.col("__s").cast("string")))
    unknown = ranked.where(F.col("__rank").isNull() & F.col("__s").isNotNull()).limit(1).count()
    if unknown:
        raise InputError(
            f"sensitive attribute {attribute!r}: the order given does not list every value; "
            "add the missing categories to 'ordered'."
        )
    return ranked.withColumn("__s", F.col("__rank")).drop("__rank")


def _class_share(counts: DataFrame) -> Column:
    from pyspark.sql import Window
    from pyspark.sql import functions as F  # noqa: N812

    return F.col(_F) / F.sum(_F).over(Window.partitionBy(_CID))


def _emd_equal(counts: DataFrame, glob: DataFrame) -> float:
    from pyspark.sql import functions as F  # noqa: N812

    shares = counts.withColumn("q", _class_share(counts))
    joined = shares.join(
        glob.select(F.col("__s").alias("__g"), "p"), F.col("__s").eqNullSafe(F.col("__g"))
    )
    per_class = joined.groupBy(_CID).agg(
        F.sum(F.abs(F.col("q") - F.col("p")) - F.col("p")).alias("d")
    )
    worst = per_class.agg(F.max("d")).collect()[0][0]
    return max(0.0, float(0.5 * (worst + 1.0)))


def _emd_ordered(counts: DataFrame, glob: DataFrame) -> float:
    """sum_i |Q_i - P_i| / (m - 1) over the m values in order, nulls first."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F  # noqa: N812

    ordering = Window.orderBy(F.col("__s").asc_nulls_first())
    index = glob.select(
        "__s",
        (F.row_number().over(ordering) - 1).alias("__i"),
        F.sum("p").over(ordering.rowsBetween(Window.unboundedPreceding, 0)).alias("P"),
    )
    m = glob.count()
    if m <= 1:
        return 0.0
    shares = counts.withColumn("q", _class_share(counts)).join(
        index.select(F.col("__s").alias("__v"), "__i"), F.col("__s").eqNullSafe(F.col("__v"))
    )
    grid = counts.select(_CID).distinct().crossJoin(index.select("__i", "P"))
    filled = grid.join(shares.select(_CID, "__i", "q"), on=[_CID, "__i"], how="left")
    running = Window.partitionBy(_CID).orderBy("__i").rowsBetween(Window.unboundedPreceding, 0)
    walked = filled.withColumn("Q", F.sum(F.coalesce(F.col("q"), F.lit(0.0))).over(running))
    per_class = walked.groupBy(_CID).agg(F.sum(F.abs(F.col("Q") - F.col("P"))).alias("s"))
    worst = per_class.agg(F.max("s")).collect()[0][0]
    return max(0.0, float(worst) / (m - 1))


def risk_spark(
    data: DataFrame,
    quasi: Sequence[str],
    *,
    person: str | None = None,
    missing: str = "value",
    population: Any = None,
    population_count: str = "count",
    threshold: float = 0.2,
) -> RiskSummary:
    """Prosecutor, journalist and marketer risk and sample uniques on Spark.

    See :func:`safelink.disclosure.risk` for the definitions and arguments. One group-by
    gives each class's size; a left join adds its population size; one aggregation returns
    every figure to the driver.

    Args:
        data: the Spark DataFrame.
        quasi: the quasi-identifier columns.
        person: a person id column; risk is then per person.
        missing: ``"value"`` or ``"wildcard"`` (only without missing quasi-identifiers).
        population: optional population table (Spark, pandas or polars DataFrame): the
            quasi-identifiers at the data's granularity and a count column.
        population_count: the population table's count column.
        threshold: a record is "at risk" when its prosecutor risk is above this.

    Returns:
        The local engine's :class:`~safelink.disclosure.risk.RiskSummary`.

    Raises:
        InputError: a bad frame, column or population table.
        SparkEngineError: the wildcard policy with missing quasi-identifiers.

    """
    from pyspark.sql import functions as F  # noqa: N812

    frame = _prepare(data, quasi, person=person, missing=missing)
    size = F.countDistinct(person) if person else F.count(F.lit(1))
    classes = frame.groupBy(*quasi).agg(size.cast("double").alias(_F))
    f = F.col(_F)
    big_f = f
    journalist: list[Column] = []
    if population is not None:
        pop = _population_sizes(data, quasi, population, population_count)
        on = [classes[q].eqNullSafe(pop[f"__p{i}"]) for i, q in enumerate(quasi)]
        classes = classes.join(pop, on=on, how="left")
        raw = F.col("__pop")
        big_f = F.greatest(F.coalesce(raw, F.lit(0.0)), f)
        journalist = [
            F.sum(F.when(raw.isNull() | (raw < f), 1).otherwise(0)).alias("unmatched"),
            F.max(F.lit(1.0) / big_f).alias("journalist_max"),
            F.sum(F.when(big_f == 1, 1).otherwise(0)).alias("population_uniques"),
        ]
    prosecutor = F.lit(1.0) / f
    row = classes.agg(
        F.count(F.lit(1)).alias("classes"),
        F.sum(f).alias("records"),
        F.max(prosecutor).alias("prosecutor_max"),
        F.sum(f * prosecutor).alias("prosecutor_sum"),
        F.sum(F.when(prosecutor > F.lit(float(threshold)), f).otherwise(0.0)).alias("at_risk"),
        F.sum(F.when(f == 1, 1).otherwise(0)).alias("uniques"),
        F.sum(F.when(f == 1, f).otherwise(0.0)).alias("unique_records"),
        F.sum(f / big_f).alias("marketer_sum"),
        *journalist,
    ).collect()[0]
    records = int(row["records"])
    marketer = float(row["marketer_sum"]) / records
    with_population = population is not None
    return RiskSummary(
        unit="persons" if person else "rows",
        records=records,
        classes=int(row["classes"]),
        prosecutor_max=float(row["prosecutor_max"]),
        prosecutor_mean=float(row["prosecutor_sum"]) / records,
        records_at_risk=float(row["at_risk"]) / records,
        threshold=threshold,
        sample_uniques=int(row["uniques"]),
        sample_uniques_share=float(row["unique_records"]) / records,
        journalist_max=float(row["journalist_max"]) if with_population else None,
        journalist_mean=marketer if with_population else None,
        marketer=marketer,
        population_uniques=int(row["population_uniques"]) if with_population else None,
        unmatched_classes=int(row["unmatched"]) if with_population else None,
    )


def _population_sizes(
    data: DataFrame, quasi: Sequence[str], population: Any, count: str
) -> DataFrame:
    """The population table as ``(__p0, __p1, ..., __pop)``: its size per class, on Spark.

    Quasi-identifiers are read with the data's types (a value that cannot be is an error,
    as on the local engine); rows that then agree are summed.
    """
    from pyspark.sql import DataFrame as SparkFrame
    from pyspark.sql import functions as F  # noqa: N812

    if isinstance(population, SparkFrame):
        pop = population
    else:
        import polars as pl

        from safelink.io import to_polars

        table = to_polars(population)
        # Spark has no unsigned integers: widen them (counts are often UInt32 in polars).
        table = table.with_columns(
            table[name].cast(pl.Int64)
            for name, dtype in table.schema.items()
            if dtype.is_unsigned_integer()
        )
        pop = data.sparkSession.createDataFrame(table.to_arrow())
    lacking = [c for c in [*quasi, count] if c not in pop.columns]
    if lacking:
        raise InputError(
            f"population table lacks column(s) {lacking}; it needs the quasi-identifiers "
            f"and a count column {count!r}."
        )
    types = {field.name: field.dataType for field in data.schema.fields}
    cast = pop.select(
        *(
            (
                F.col(q)
                if pop.schema[q].dataType == types[q]
                else F.expr(f"try_cast({_quoted(q)} AS {types[q].simpleString()})")
            ).alias(f"__p{i}")
            for i, q in enumerate(quasi)
        ),
        *(F.col(q).isNotNull().alias(f"__given{i}") for i, q in enumerate(quasi)),
        F.col(count).cast("double").alias("__count"),
    )
    unreadable = F.lit(False)
    for i in range(len(quasi)):
        unreadable = unreadable | (F.col(f"__given{i}") & F.col(f"__p{i}").isNull())
    if cast.where(unreadable).limit(1).count():
        raise InputError(
            "population table's quasi-identifier columns cannot be read with the data's types; "
            "generalise both to the same levels."
        )
    keys = [f"__p{i}" for i in range(len(quasi))]
    return cast.groupBy(*keys).agg(F.sum("__count").alias("__pop"))


def _quoted(name: str) -> str:
    """A column name quoted for a Spark SQL expression."""
    return "`" + name.replace("`", "``") + "`"
