"""Streaming the output files of a pseudonymisation run, on a writer thread.

:class:`BatchWriter` appends batches to one Parquet (with metadata) or spreadsheet-safe CSV
file. :class:`WriterThread` runs one on a background thread, so that writing batch N (the
conversion to Arrow, compression and I/O, which release the GIL for most of their time)
overlaps tokenising batch N+1, and two files (tokens, content) are written at once. Its queue
holds at most ``depth`` batches, so memory stays bounded: the batch being tokenised, the ones
queued and the one being written.

Each file's SHA-256 is taken from the bytes as they are written (:attr:`BatchWriter.sha256`),
so the run summary needs no second pass over its outputs.

An error on the writer thread is kept and raised again on the caller's thread (the same
exception object, so the caller's handling, e.g. :func:`safelink.infra.atomic.atomic_files`
removing its temporaries, is unchanged); the thread drains the queue without writing after an
error, so the caller never blocks on a dead writer.
"""

from __future__ import annotations

import hashlib
import queue
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Literal

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from safelink.infra import io
from safelink.pseudonymise.tokenise import RECORD_ID

OutputFormat = Literal["parquet", "csv"]

_STOP = None


DICTIONARY_SHARE = 0.5
"""A column is dictionary-encoded when under this share of its first batch's values differ."""


def column_codecs(schema: pa.Schema) -> dict[str, str]:
    """Each column's Parquet codec: zstd, but none for raw-byte tokens (tokens format 2).

    HMAC bytes do not compress: a repeated token is stored once by the dictionary encoding,
    and zstd over the rest only costs time (hex text, half redundant, still takes zstd).
    """
    return {
        field.name: "none" if pa.types.is_fixed_size_binary(field.type) else "zstd"
        for field in schema
    }


def parquet_options(table: pa.Table) -> dict[str, object]:
    """How a run's Parquet file stores its columns, chosen from its first batch ``table``.

    - codecs: :func:`column_codecs`;
    - dictionary encoding only for columns that repeat (under :data:`DICTIONARY_SHARE` of the
      values differ: names, dates, sex and their tokens); for the mostly distinct ones (NHS
      numbers, postcodes, record ids) the dictionary is built and then dropped, so it only
      costs time;
    - no statistics for random values (tokens and record ids): their min and max prune nothing.

    Options fixed by the first batch keep the same input's files byte-identical run to run.
    """
    rows = max(table.num_rows, 1)
    repeating = [
        name
        for name in table.column_names
        if _distinct_count(table.column(name)) < DICTIONARY_SHARE * rows
    ]
    described = [
        field.name
        for field in table.schema
        if field.name != RECORD_ID and not pa.types.is_fixed_size_binary(field.type)
    ]
    return {
        "compression": column_codecs(table.schema),
        "use_dictionary": repeating,
        "write_statistics": described,
    }


def _distinct_count(column: pa.ChunkedArray) -> int:
    """Distinct values in a column; raw-byte tokens are counted by their first 8 bytes.

    A token's bytes are an HMAC: two tokens sharing their first 8 bytes are, in practice, one
    token, and counting 8-byte integers is far cheaper than hashing fixed-size binaries.
    """
    array = column.combine_chunks()
    width = array.type.byte_width if pa.types.is_fixed_size_binary(array.type) else 0
    if width and width % 8 == 0:
        words = np.frombuffer(array.buffers()[1], dtype=np.uint64)
        start = array.offset * (width // 8)
        firsts = words[start : start + len(array) * (width // 8) : width // 8]
        return pl.Series(firsts).n_unique()
    return pl.Series(array).n_unique()


class _HashingFile:
    """A binary file that takes the SHA-256 of the bytes written through it."""

    def __init__(self, path: Path) -> None:
        self._file: IO[bytes] = path.open("wb")
        self.digest = hashlib.sha256()
        self.closed = False

    def write(self, data: bytes | memoryview) -> int:
        self.digest.update(data)
        return self._file.write(data)

    def tell(self) -> int:
        return self._file.tell()

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self.closed = True
        self._file.close()


class BatchWriter:
    """Streams batches to one Parquet file (with metadata) or one spreadsheet-safe CSV file."""

    def __init__(
        self, path: Path, output_format: OutputFormat, metadata: Mapping[str, str] | None
    ) -> None:
        self.path = path
        self.output_format = output_format
        self.metadata = dict(metadata or {})
        self._writer: pq.ParquetWriter | pacsv.CSVWriter | None = None
        self._file: _HashingFile | None = None

    def write(self, frame: pl.DataFrame | pa.Table) -> None:
        """Append one batch (a polars frame, or an Arrow table: a tokeniser's tokens)."""
        if self.output_format == "csv":
            text = frame if isinstance(frame, pl.DataFrame) else pl.from_arrow(frame)
            assert isinstance(text, pl.DataFrame)
            frame = io.neutralise_formulas(text)
        table = frame if isinstance(frame, pa.Table) else frame.to_arrow()
        if self._writer is None:
            self._file = _HashingFile(self.path)
            if self.output_format == "csv":
                self._writer = pacsv.CSVWriter(self._file, table.schema)
            else:
                schema = table.schema.with_metadata(self.metadata)
                self._writer = pq.ParquetWriter(self._file, schema, **parquet_options(table))
        self._writer.write_table(table)

    def close(self) -> None:
        """Finish the file."""
        if self._writer is not None:
            self._writer.close()
        if self._file is not None and not self._file.closed:
            self._file.close()

    @property
    def sha256(self) -> str:
        """The hex SHA-256 of the finished file's bytes, taken as they were written."""
        if self._file is None:
            raise RuntimeError("no batch was written")
        return self._file.digest.hexdigest()


class WriterThread:
    """Writes batches through a :class:`BatchWriter` on a background thread of its own.

    Args:
        writer: the file's writer.
        depth: batches that may wait in the queue while one is written (at least 1).

    Use it as a context manager and :meth:`put` each batch: leaving the block finishes every
    file and raises the first error the thread met (unless the block itself is raising, whose
    exception then propagates unchanged).
    """

    def __init__(self, writer: BatchWriter, *, depth: int = 1) -> None:
        self._writer = writer
        self._queue: queue.Queue[pl.DataFrame | pa.Table | None] = queue.Queue(
            maxsize=max(depth, 1)
        )
        self._error: BaseException | None = None
        self._abandoned = False
        self.seconds = 0.0
        """Time the thread spent writing (overlapped with the caller's work)."""
        self._thread = threading.Thread(target=self._run, name="safelink-writer", daemon=True)
        self._thread.start()

    def __enter__(self) -> WriterThread:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self._abandoned = kind is not None  # the queued batches are not written then
        self._finish()
        if kind is None:
            self._raise()

    def put(self, frame: pl.DataFrame | pa.Table) -> None:
        """Queue one batch (waits while the queue is full); raise an earlier writer error."""
        self._raise()
        self._queue.put(frame)

    def _finish(self) -> None:
        """Write what is queued (nothing after an error) and finish the file."""
        self._queue.put(_STOP)
        self._thread.join()
        try:
            self._writer.close()
        except BaseException as exc:  # kept: the first error is the one raised
            self._error = self._error or exc

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        while (frame := self._queue.get()) is not _STOP:
            if self._error is not None or self._abandoned:
                continue  # drain without writing: the caller raises, or is raising already
            tick = time.perf_counter()
            try:
                self._writer.write(frame)
            except BaseException as exc:
                self._error = exc
            self.seconds += time.perf_counter() - tick
