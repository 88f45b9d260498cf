"""Tokens as integer codes for the local link: exact, order-keeping, and the text where not."""

from __future__ import annotations

import logging
import random
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from safelink.config import JobConfig
from safelink.engines.backend import Backend, DuckDBBackend, PolarsBackend, run_query
from safelink.link import codes, inputs, link, link_config
from safelink.pseudonymise import RECORD_ID
from safelink.pseudonymise.tokens_format import read_tokens


def _hex(rng: random.Random, digits: int = 32) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(digits))


def _coded(
    frames: dict[str, pl.DataFrame], columns: list[str], backend: Backend | None = None
) -> pl.DataFrame | None:
    backend = backend if backend is not None else PolarsBackend()
    loaded = inputs.load_inputs(backend, list(frames.values()), list(frames))
    ordered = sorted(loaded, key=lambda i: i.source)
    return codes.encoded_records(backend, ordered, columns, RECORD_ID)


@pytest.mark.parametrize("backend", [PolarsBackend, DuckDBBackend])
def test_codes_keep_equality_across_columns_and_text_order(backend: type[Backend]) -> None:
    rng = random.Random(5)
    pool = [_hex(rng) for _ in range(200)]
    frames = {
        s: pl.DataFrame(
            {
                RECORD_ID: [f"{s}{i}" for i in range(300)],
                "forename": [rng.choice(pool) if i % 7 else None for i in range(300)],
                "surname": [rng.choice(pool) for _ in range(300)],
            }
        )
        for s in ("a", "b")
    }
    coded = _coded(frames, ["forename", "surname"], backend())
    assert coded is not None
    assert coded.schema["forename"] == pl.Int64 and coded.schema["surname"] == pl.Int64
    text = pl.concat([frames["a"], frames["b"]])
    for left, right in (("forename", "surname"), ("forename", "forename"), ("surname", "surname")):
        for i in range(0, 600, 7):
            j = (i * 31 + 11) % 600
            same_text = text[left][i] is not None and text[left][i] == text[right][j]
            same_code = coded[left][i] is not None and coded[left][i] == coded[right][j]
            assert same_text == same_code
    # Integer order is text order, so records are numbered the same either way.
    pairs = pl.DataFrame({"text": text["surname"], "code": coded["surname"]}).unique()
    assert pairs.sort("text")["code"].to_list() == pairs.sort("code")["code"].to_list()
    assert coded["forename"].null_count() == text["forename"].null_count()


def test_two_tokens_sharing_their_first_half_keep_the_text(caplog) -> None:
    rng = random.Random(6)
    prefix = _hex(rng, 16)
    frames = {
        "a": pl.DataFrame({RECORD_ID: ["a1", "a2"], "x": [prefix + _hex(rng, 16), _hex(rng)]}),
        "b": pl.DataFrame({RECORD_ID: ["b1"], "y": [prefix + _hex(rng, 16)]}),
    }
    frames["a"] = frames["a"].with_columns(pl.col("x").alias("y"))
    frames["b"] = frames["b"].with_columns(pl.col("y").alias("x"))
    with caplog.at_level(logging.WARNING, logger="safelink.link.codes"):
        assert _coded(frames, ["x", "y"]) is None
    assert "share their first 8 bytes" in caplog.text
    assert prefix not in caplog.text
    # Without the clash the same frames are coded.
    other = {"x": _hex(rng), "y": _hex(rng)}
    frames["b"] = frames["b"].with_columns(pl.lit(v).alias(k) for k, v in other.items())
    assert _coded(frames, ["x", "y"]) is not None


@pytest.mark.parametrize(
    "values",
    [
        ["a", "b"],  # hand-made tokens
        ["0123456789ABCDEF0123456789abcdef", "0123456789abcdef0123456789abcdef"],  # upper case
        ["0123456789abcdef01", "0123456789abcdef0123456789abcdef"],  # two lengths
        ["0123456789abcdef0123456789abcdef00", "0123456789abcdef0123456789abcdef00"],  # 34 digits
    ],
)
def test_anything_but_hex_tokens_of_one_length_keeps_the_text(values: list[str]) -> None:
    frames = {
        "a": pl.DataFrame({RECORD_ID: ["a1"], "x": [values[0]]}),
        "b": pl.DataFrame({RECORD_ID: ["b1"], "x": [values[1]]}),
    }
    assert _coded(frames, ["x"]) is None


def test_bloom_columns_stay_text() -> None:
    rng = random.Random(7)
    frames = {
        s: pl.DataFrame({RECORD_ID: [f"{s}1"], "x": [_hex(rng)], "x_bloom": ["ab" * 64]})
        for s in ("a", "b")
    }
    coded = _coded(frames, ["x", "x_bloom"])
    assert coded is not None
    assert coded.schema["x"] == pl.Int64 and coded.schema["x_bloom"] == pl.String


def test_link_on_codes_equals_link_on_text(linked_inputs, demo_config: JobConfig, monkeypatch):
    tokens = [linked_inputs["hospital"], linked_inputs["social_care"]]
    settings = link_config(demo_config)
    coded = link(tokens, settings, truth=linked_inputs["truth"])
    monkeypatch.setattr(inputs, "encoded_records", lambda *args: None)
    text = link(tokens, settings, truth=linked_inputs["truth"])
    assert coded.links.equals(text.links)
    assert coded.report.truth == text.report.truth
    assert coded.report.model["accepted_links"] == text.report.model["accepted_links"]
    assert coded.report.waterfall == text.report.waterfall


def _as_format_1(path: Path, folder: Path) -> Path:
    """A copy of a tokens file as earlier versions wrote it: hex text, no format key."""
    folder.mkdir(exist_ok=True)
    table = pq.read_table(path)
    metadata = {
        k: v for k, v in (table.schema.metadata or {}).items() if not k.endswith(b"tokens_format")
    }
    hexed = read_tokens(path).to_arrow().replace_schema_metadata(metadata)
    copy = folder / path.name
    pq.write_table(hexed, copy, compression="zstd")
    return copy


def test_tokens_files_of_either_format_link_together(
    linked_inputs, demo_config: JobConfig, tmp_path: Path
):
    # Tokens format 2 (raw bytes) is read beside format 1 (hex) files of earlier versions:
    # the same tokens, so the same links and person ids whichever format each file is in.
    hospital, social = linked_inputs["hospital"], linked_inputs["social_care"]
    assert pq.read_schema(hospital).field("nhs_number").type == pa.binary(16)
    old_hospital = _as_format_1(hospital, tmp_path / "old")
    assert pq.read_schema(old_hospital).field("nhs_number").type == pa.large_string()
    settings = link_config(demo_config)
    both_new = link([hospital, social], settings)
    mixed = link([old_hospital, social], settings)
    assert mixed.links.equals(both_new.links)


def test_duckdb_reads_format_2_tokens_as_their_hex(linked_inputs) -> None:
    path = linked_inputs["social_care"]
    backend = DuckDBBackend()
    (loaded,) = inputs.load_inputs(backend, [path], ["social_care"])
    read = backend.collect(run_query(backend, "SELECT * FROM {t}", t=loaded.table))
    expected = read_tokens(path)
    assert read.select(expected.columns).equals(expected)
    assert read.schema["nhs_number"] == pl.String
