from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from safelink.errors import OutputError
from safelink.infra import io
from safelink.keys import Keyring
from safelink.pseudonymise import output_paths, pseudonymise_file
from safelink.pseudonymise.tokens_format import read_tokens
from safelink.pseudonymise.writing import BatchWriter, WriterThread, parquet_options

from .test_pseudonymise import CONFIG, frame, write_csv

COPIES = 800  # 4,000 rows: several CSV blocks (64 KiB at least each), so several batches


def batches(count: int) -> list[pl.DataFrame]:
    return [pl.DataFrame({"n": [i, i + 1], "s": [f"a{i}", None]}) for i in range(0, 2 * count, 2)]


def test_writer_threads_write_every_batch_in_order(tmp_path: Path):
    one, two = tmp_path / "one.parquet", tmp_path / "two.csv"
    with (
        WriterThread(BatchWriter(one, "parquet", {"k": "v"}), depth=1) as first,
        WriterThread(BatchWriter(two, "csv", None), depth=2) as second,
    ):
        for batch in batches(5):
            first.put(batch)
            second.put(batch.select("s"))
    expected = pl.concat(batches(5))
    assert pl.read_parquet(one).equals(expected)
    assert pl.read_csv(two).equals(expected.select("s"))
    assert pq.read_schema(one).metadata == {b"k": b"v"}
    assert first.seconds > 0 and second.seconds > 0


@pytest.mark.parametrize("output_format", ["parquet", "csv"])
def test_batch_writer_sha256_is_the_digest_of_the_finished_files_bytes(
    tmp_path: Path, output_format: str
):
    path = tmp_path / f"one.{output_format}"
    writer = BatchWriter(path, output_format, {"k": "v"})  # type: ignore[arg-type]
    for batch in batches(7):
        writer.write(batch)
    writer.close()
    assert writer.sha256 == io.sha256_file(path)
    read = pl.read_parquet(path) if output_format == "parquet" else pl.read_csv(path)
    assert read.height == 14


def test_parquet_options_dictionary_only_for_repeating_columns_no_statistics_for_random_ones(
    tmp_path: Path,
):
    rows = 1_000
    table = pa.table(
        {
            "record_id": [f"{n:032x}" for n in range(rows)],
            "sex": pa.array([bytes([n % 2]) * 16 for n in range(rows)], pa.binary(16)),
            "nhs_number": pa.array(
                [hashlib.sha256(b"%d" % n).digest()[:16] for n in range(rows)], pa.binary(16)
            ),
            "admitted": [f"2024-01-{1 + n % 28:02d}" for n in range(rows)],
        }
    )
    options = parquet_options(table)
    assert options["use_dictionary"] == ["sex", "admitted"]
    assert options["write_statistics"] == ["admitted"]
    assert options["compression"] == {
        "record_id": "zstd", "sex": "none", "nhs_number": "none", "admitted": "zstd"
    }  # fmt: skip
    writer = BatchWriter(tmp_path / "tokens.parquet", "parquet", None)
    writer.write(table)
    writer.close()
    chunks = pq.ParquetFile(tmp_path / "tokens.parquet").metadata.row_group(0)
    stored = {chunks.column(i).path_in_schema: chunks.column(i) for i in range(4)}
    assert {n for n, c in stored.items() if "RLE_DICTIONARY" in c.encodings} == {"sex", "admitted"}
    assert {n for n, c in stored.items() if c.is_stats_set} == {"admitted"}
    assert pq.read_table(tmp_path / "tokens.parquet").equals(table)


def test_writer_thread_error_surfaces_on_the_callers_thread(tmp_path: Path):
    writer = BatchWriter(tmp_path / "one.parquet", "parquet", None)
    mismatched = pl.DataFrame({"other": [1.5]})  # a schema the open file cannot take
    with pytest.raises(ValueError, match="schema"), WriterThread(writer) as thread:
        thread.put(batches(1)[0])
        thread.put(mismatched)
        for batch in batches(50):  # raised at a later put, or on leaving the block
            thread.put(batch)


def test_writer_thread_keeps_the_bodys_own_error(tmp_path: Path):
    writer = BatchWriter(tmp_path / "one.parquet", "parquet", None)
    with pytest.raises(KeyError, match="the body's"), WriterThread(writer) as thread:
        thread.put(batches(1)[0])
        raise KeyError("the body's")


def test_pseudonymise_file_write_failure_leaves_nothing(
    keyring: Keyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    calls = []
    real_write = BatchWriter.write

    def failing_write(self: BatchWriter, data: pl.DataFrame) -> None:
        if "tokens" in self.path.name:
            calls.append(self.path)
            if len(calls) == 2:  # the second batch's tokens
                raise OSError(28, "No space left on device")
        real_write(self, data)

    monkeypatch.setattr(BatchWriter, "write", failing_write)
    out = tmp_path / "out"
    path = write_csv(tmp_path, pl.concat([frame()] * COPIES))
    with pytest.raises(OutputError, match="the disk is full"):
        pseudonymise_file(path, CONFIG, keyring, out, batch_rows=2)
    assert list(out.iterdir()) == []
    assert len(calls) == 2  # no tokens batch written after the failure


def test_pseudonymise_file_streamed_equals_in_memory_over_many_batches(
    keyring: Keyring, tmp_path: Path
):
    data = pl.concat([frame()] * COPIES)
    out = tmp_path / "out"
    summary = pseudonymise_file(write_csv(tmp_path, data), CONFIG, keyring, out, batch_rows=2)
    paths = output_paths(out, "hospital")
    tokens = read_tokens(paths["tokens"])
    content = pl.read_parquet(paths["content"])
    assert pq.ParquetFile(paths["tokens"]).num_row_groups > 2  # written in several batches
    assert summary.rows == tokens.height == 5 * COPIES
    assert tokens.get_column("record_id").equals(content.get_column("record_id"))
    assert tokens.get_column("record_id").n_unique() == 5 * COPIES
    once = tokens.drop("record_id").head(5)
    assert tokens.drop("record_id").equals(pl.concat([once] * COPIES))
    assert content.drop("record_id").equals(pl.concat([content.drop("record_id").head(5)] * COPIES))


def test_pseudonymise_file_tokenising_failure_stops_reader_and_writers(
    keyring: Keyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from safelink.pseudonymise.tokenise import Tokeniser

    real_batch = Tokeniser.batch_arrow
    done: list[int] = []

    def failing_batch(self: Tokeniser, text: pl.DataFrame) -> tuple[pa.Table, pl.DataFrame]:
        if done:
            raise RuntimeError("tokenising failed")
        done.append(text.height)
        return real_batch(self, text)

    monkeypatch.setattr(Tokeniser, "batch_arrow", failing_batch)
    out = tmp_path / "out"
    path = write_csv(tmp_path, pl.concat([frame()] * COPIES))
    with pytest.raises(RuntimeError, match="tokenising failed"):
        pseudonymise_file(path, CONFIG, keyring, out, batch_rows=2)
    assert list(out.iterdir()) == []
    names = {thread.name for thread in threading.enumerate()}
    assert not names & {"safelink-prefetch", "safelink-writer"}
