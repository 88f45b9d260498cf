"""What :meth:`SparkBackend.map_arrow` runs on a worker: the Arrow batch routines' wrapper.

The key block of a keyed routine travels as a hidden broadcast column (:data:`BLOCK`); the
wrapper reads it from the first batch, drops the column, and hands the block to the routine
as its argument, so it is never part of a plan or an expression.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import polars as pl
import pyarrow as pa

if TYPE_CHECKING:
    from safelink.engines.backend import BatchRoutine

BLOCK = "__safelink_block"
"""The hidden column that carries a keyed routine's key block to the workers."""


def spark_type(dtype: pl.DataType) -> Any:
    """The Spark type of a column a routine adds (text, flags, counts, numbers, dates)."""
    from pyspark.sql import types as T  # noqa: N812

    kinds: dict[Any, Any] = {
        pl.String: T.StringType(),
        pl.Boolean: T.BooleanType(),
        pl.Int64: T.LongType(),
        pl.Int32: T.IntegerType(),
        pl.Float64: T.DoubleType(),
        pl.Date: T.DateType(),
    }
    return kinds[dtype]


def spark_batches(
    routine: BatchRoutine, schema: str, has_block: bool, batches: Iterator[pa.RecordBatch]
) -> Iterator[pa.RecordBatch]:
    """On a Spark worker: take the key block out of the batches, run ``routine``, cast."""
    from pyspark.sql.pandas.types import to_arrow_schema
    from pyspark.sql.types import StructType

    target = to_arrow_schema(StructType.fromJson(json.loads(schema)))
    first = next(batches, None)
    if first is None:
        return
    block: bytes | None = None
    if has_block:
        block = first.column(BLOCK)[0].as_py()

    def stripped() -> Iterator[pa.RecordBatch]:
        for batch in itertools.chain([first], batches):
            yield batch.drop_columns([BLOCK]) if has_block else batch

    for out in routine(stripped(), block):
        yield out.select(target.names).cast(target)


__all__ = ["BLOCK", "spark_batches", "spark_type"]
