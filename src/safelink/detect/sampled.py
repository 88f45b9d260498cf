"""A file's column samples, read a batch at a time: what ``scan`` classifies, in flat memory.

``scan`` classifies a column from a seeded sample of its non-empty values (5,000 by default)
and a few whole-column facts: its non-empty count, its type, whether it numbers its rows.
Reading a national extract whole for that held gigabytes (4.4 GiB at 10M rows). Here the
file is read three times as a stream (:func:`safelink.infra.io.iter_batches`), one batch in
memory at a time:

1. each column's non-null values are counted;
2. the positions polars' seeded ``Series.sample`` would draw from that many values are drawn
   (the positions depend only on the count, the sample size and the seed), and the values at
   those positions are kept, in the order the sample would give them;
3. only for a column whose sample is all row-number shaped: whether the whole column is
   distinct numbers filling a range, marked in a bitmap of that range.

So a file gives the same samples, hence the same report, as the same data in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from safelink.detect.columns import (
    ClassifySettings,
    SampledColumn,
    as_text,
    counter_numbers,
    fills_range,
    is_counter_sample,
    trimmed,
)
from safelink.infra.io import iter_batches, read_frame

__all__ = ["FileSample", "sample_file"]

_BATCH_ROWS = 200_000


@dataclass(frozen=True, slots=True, kw_only=True)
class FileSample:
    """A file's row count and each column's sample, in file order.

    Attributes:
        rows: the rows in the file.
        columns: one sampled column per column of the file.
    """

    rows: int
    columns: tuple[SampledColumn, ...]


def sample_file(
    path: Path, settings: ClassifySettings, *, encoding: str = "utf-8", delimiter: str = ","
) -> FileSample:
    """Sample each column of a CSV or Parquet file as :func:`sample_values` would, streaming.

    Args:
        path: the input file.
        settings: the sample size and seed.
        encoding: text encoding of a CSV input.
        delimiter: field separator of a CSV input.

    Returns:
        The file's rows and its columns' samples.

    Raises:
        InputError: see :func:`safelink.infra.io.iter_batches`.
    """

    def batches(columns: Sequence[str] | None = None) -> Iterator[pa.RecordBatch]:
        return iter_batches(
            path, batch_rows=_BATCH_ROWS, columns=columns, encoding=encoding, delimiter=delimiter
        )

    counted = _parquet_counts(path) or _counted(batches())
    rows, present = counted
    if not rows:  # a header-only file: its (empty) columns as a frame would give them
        empty = read_frame(path, encoding=encoding, delimiter=delimiter)
        return FileSample(
            rows=0,
            columns=tuple(
                SampledColumn(
                    name=name,
                    dtype=str(dtype),
                    sample=trimmed(empty.get_column(name).cast(pl.String)),
                    non_empty=0,
                    counter=False,
                    rows=0,
                )
                for name, dtype in empty.schema.items()
            ),
        )
    draws = {name: _positions(count, settings) for name, count in present.items()}
    drawn = _Drawn(draws)
    for batch in batches():
        drawn.add(batch)
    samples = {name: trimmed(values) for name, values in drawn.samples().items()}
    counters = [name for name, sample in samples.items() if is_counter_sample(sample)]
    numbered = _row_counters(batches, counters) if counters else set()
    columns = tuple(
        SampledColumn(
            name=name,
            dtype=str(dtype),
            sample=samples[name],
            non_empty=drawn.non_empty[name],
            counter=name in numbered,
            rows=rows,
        )
        for name, dtype in drawn.dtypes.items()
    )
    return FileSample(rows=rows, columns=columns)


def _parquet_counts(path: Path) -> tuple[int, dict[str, int]] | None:
    """A Parquet file's rows and each column's non-null values, from its footer's statistics.

    None when the file is not Parquet or a row group lacks a column's null count (then the
    values are counted by reading them).
    """
    if path.suffix.lower() not in (".parquet", ".pq"):
        return None
    try:
        metadata = pq.ParquetFile(path).metadata
    except (pa.ArrowException, OSError):
        return None  # the read that follows says what is wrong
    names = [metadata.schema.column(i).path for i in range(metadata.num_columns)]
    present = dict.fromkeys(names, 0)
    for group in range(metadata.num_row_groups):
        chunks = metadata.row_group(group)
        for i, name in enumerate(names):
            stats = chunks.column(i).statistics
            if stats is None or not stats.has_null_count:
                return None
            present[name] += chunks.num_rows - stats.null_count
    return metadata.num_rows, present


def _counted(batches: Iterator[pa.RecordBatch]) -> tuple[int, dict[str, int]]:
    """A file's rows and each column's non-null values, read a batch at a time."""
    rows, present = 0, dict[str, int]()
    for batch in batches:
        rows += batch.num_rows
        for name, column in zip(batch.schema.names, batch.columns, strict=True):
            present[name] = present.get(name, 0) + len(column) - column.null_count
    return rows, present


def _positions(count: int, settings: ClassifySettings) -> pl.Series | None:
    """The positions among ``count`` values the seeded sample draws, in its order (None: all)."""
    if count <= settings.sample:
        return None
    # Positions as 32-bit numbers where they fit: the same draw (it depends only on the count)
    # in half the memory, the one part of the scan that grows with the rows (4 bytes a row).
    dtype = pl.UInt32 if count < 2**32 else pl.Int64
    return pl.int_range(0, count, eager=True, dtype=dtype).sample(
        settings.sample, seed=settings.seed
    )


class _Drawn:
    """Each column's non-null values at its drawn positions, gathered a batch at a time."""

    def __init__(self, draws: dict[str, pl.Series | None]) -> None:
        self._at: dict[str, np.ndarray[Any, Any] | None] = {}
        self._rank: dict[str, np.ndarray[Any, Any]] = {}
        for name, where in draws.items():
            if where is None:
                self._at[name] = None
                continue
            positions = where.to_numpy()
            order = np.argsort(positions)
            self._at[name], self._rank[name] = positions[order], order
        self._seen = dict.fromkeys(draws, 0)
        self._kept: dict[str, list[pa.Array]] = {name: [] for name in draws}
        self._ranks: dict[str, list[np.ndarray[Any, Any]]] = {name: [] for name in draws}
        self.non_empty = dict.fromkeys(draws, 0)
        self.dtypes: dict[str, pl.DataType] = {}

    def add(self, batch: pa.RecordBatch) -> None:
        """Keep the drawn values of one batch and count its non-empty values."""
        if not self.dtypes:
            self.dtypes = dict(_frame(batch.slice(0, 0)).schema)
        for name, column in zip(batch.schema.names, batch.columns, strict=True):
            values = pc.drop_null(column)
            self.non_empty[name] += len(values) - _blank(values)
            start = self._seen[name]
            self._seen[name] += len(values)
            at = self._at[name]
            if at is None:
                self._kept[name].append(values)
                continue
            low, high = np.searchsorted(at, [start, start + len(values)])
            if high > low:
                self._kept[name].append(values.take(pa.array(at[low:high] - start)))
                self._ranks[name].append(self._rank[name][low:high])

    def samples(self) -> dict[str, pl.Series]:
        """Each column's drawn values as text, in the order the seeded sample gives them."""
        result = {}
        for name, pieces in self._kept.items():
            dtype = self.dtypes[name]
            values = pl.Series(name, [], dtype=dtype)
            if pieces:
                whole = pl.from_arrow(pa.chunked_array(pieces).combine_chunks())
                assert isinstance(whole, pl.Series)
                values = whole.rename(name)
            if self._at[name] is not None:
                ranks = np.concatenate(self._ranks[name])
                values = values.gather(pl.Series(np.argsort(ranks)))
            result[name] = as_text(values)
        return result


def _blank(values: pa.Array) -> int:
    """How many of a column's non-null values are empty text (as :func:`as_text` gives them)."""
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        return int(pc.sum(pc.equal(pc.binary_length(values), 0)).as_py() or 0)
    text = pl.from_arrow(values)
    assert isinstance(text, pl.Series)
    return int((as_text(text).str.len_bytes() == 0).sum())


def _row_counters(
    batches: Callable[[Sequence[str] | None], Iterator[pa.RecordBatch]], names: Sequence[str]
) -> set[str]:
    """The columns among ``names`` whose every value is a distinct number filling a range.

    :func:`safelink.detect.columns.row_counter` a batch at a time: one pass for the count and
    range, then, for a column still in, one marking each number in a bitmap of its range
    (at most 1.1 bytes a row, as the range must be nearly full).
    """
    spans: dict[str, tuple[int, int, int] | None] = dict.fromkeys(names, (0, 2**63 - 1, -1))
    for batch in batches(names):
        frame = _frame(batch)
        for name in names:
            span = spans[name]
            numbers = (
                None
                if span is None
                else counter_numbers(as_text(frame.get_column(name)).drop_nulls())
            )
            if span is None or numbers is None:
                spans[name] = None
            elif numbers.len():
                low, high = numbers.min(), numbers.max()
                assert isinstance(low, int) and isinstance(high, int)
                spans[name] = (span[0] + numbers.len(), min(span[1], low), max(span[2], high))
    ranges = {n: s for n, s in spans.items() if s is not None and fills_range(*s)}
    if not ranges:
        return set()
    marks = {
        name: np.zeros(high - low + 1, dtype=np.bool_) for name, (_, low, high) in ranges.items()
    }
    distinct = set(ranges)
    for batch in batches(list(ranges)):
        frame = _frame(batch)
        for name in list(distinct):
            numbers = counter_numbers(as_text(frame.get_column(name)).drop_nulls())
            assert numbers is not None  # every value was a number in the first pass
            offsets = numbers.to_numpy() - ranges[name][1]
            mark = marks[name]
            if mark[offsets].any() or np.unique(offsets).size != offsets.size:
                distinct.discard(name)
            mark[offsets] = True
    return distinct


def _frame(batch: pa.RecordBatch) -> pl.DataFrame:
    frame = pl.from_arrow(batch)
    assert isinstance(frame, pl.DataFrame)
    return frame
