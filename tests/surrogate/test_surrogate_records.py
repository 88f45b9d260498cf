"""The engine-neutral surrogate and date-shift steps, and the key a worker rebuilds."""

from __future__ import annotations

import copy
import pickle

import polars as pl
import pyarrow as pa
import pytest

from safelink.engines.backend import DuckDBBackend, PolarsBackend
from safelink.keys import BlockKey, Keyring
from safelink.surrogate.records import shift_records, surrogate_records


def test_block_key_tokens_equal_its_subkeys(ring: Keyring) -> None:
    subkey = ring.subkey("surrogate:surname")
    values = pa.array(["SMITH", "", None, "Zoë", "x" * 200])
    worker = BlockKey(subkey.hmac_blocks()[0])
    assert (
        worker.tokens(values, length=32).to_pylist() == subkey.tokens(values, length=32).to_pylist()
    )
    other = BlockKey(ring.subkey("surrogate:forename").hmac_blocks()[0])
    assert other.tokens(values).to_pylist() != subkey.tokens(values).to_pylist()


def test_block_key_never_shows_or_pickles_its_bytes(ring: Keyring) -> None:
    block = ring.subkey("surrogate:surname").hmac_blocks()[0]
    worker = BlockKey(block)
    assert repr(worker) == "BlockKey()"
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(worker)
    with pytest.raises(TypeError, match="cannot be copied"):
        copy.copy(worker)


@pytest.mark.parametrize(
    ("column", "options"),
    [
        ("surname", {"kind": "surname"}),
        ("forename", {"kind": "forename", "sex": "sex"}),
        ("postcode", {"kind": "postcode", "keep_district": True}),
        ("ethnicity", {"kind": "category"}),
    ],
)
def test_surrogate_records_duckdb_equals_polars(
    extract: pl.DataFrame, ring: Keyring, column: str, options: dict[str, object]
) -> None:
    local, report = surrogate_records(PolarsBackend(), extract, column, keyring=ring, **options)
    duck = DuckDBBackend()
    other, other_report = surrogate_records(duck, extract, column, keyring=ring, **options)
    got = duck.collect(other)
    assert got.equals(local.collect())
    assert other_report == report
    assert got.columns == extract.columns and got[column].to_list() != extract[column].to_list()


def test_shift_records_duckdb_equals_polars(extract: pl.DataFrame, ring: Keyring) -> None:
    settings = {"person": "person_id", "keyring": ring, "birth_column": "dob"}
    local, report = shift_records(
        PolarsBackend(), extract, ["admitted", "discharged"], keep_birth_year=True, **settings
    )
    duck = DuckDBBackend()
    other, other_report = shift_records(
        duck, extract, ["admitted", "discharged"], keep_birth_year=True, **settings
    )
    assert duck.collect(other).equals(local.collect())
    assert other_report == report and report.persons == 6 and report.cells_shifted > 0
