from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import polars as pl
import pytest

from safelink.config import TokenSettings, parse_config
from safelink.errors import InputError
from safelink.keys import Keyring
from safelink.pseudonymise import (
    output_paths,
    pseudonymise,
    pseudonymise_file,
    read_tokens_metadata,
)
from safelink.pseudonymise.summary import commonest_shapes
from safelink.pseudonymise.tokens_format import read_tokens

from .conftest import TEST_PASSPHRASE

CONFIG = parse_config(
    {
        "project": "test",
        "sources": {
            "hospital": {
                "columns": {
                    "nhs": {"role": "identifier", "kind": "nhs_number"},
                    "first": {"role": "identifier", "kind": "forename"},
                    "last": {"role": "identifier", "kind": "surname"},
                    "dob": {"role": "identifier", "kind": "date_of_birth"},
                    "pc": {"role": "identifier", "kind": "postcode"},
                    "sex": {"role": "identifier", "kind": "sex", "also_content": True},
                    "diagnosis": "content",
                    "notes": "drop",
                }
            }
        },
    }
)

ROWS = {
    "nhs": ["943 476 5919", "9434765919", "943-476-5919", "9434765918", None],
    "first": ["Zoë", "ZOE", "Smith", "Ann", "Bob"],
    "last": ["Smith", "smith", "Zoe", "O'Neil-Jones", "Brown"],
    "dob": ["04/03/1975", "1975-03-04", "03/04/1975", "31/02/1990", "1 Jan 1960"],
    "pc": ["SW1A 1AA", "sw1a1aa", "M1 1AE", "XYZ", "LS1 4AP"],
    "sex": ["F", "2", "Female", "M", "q"],
    "diagnosis": ["I10", "I10", "E11", "J45", "F32"],
    "notes": ["planted note", None, None, None, None],
}


def frame() -> pl.DataFrame:
    return pl.DataFrame(ROWS)


def test_pseudonymise_one_number_written_three_ways_gives_one_token(keyring: Keyring):
    tokens = pseudonymise(frame(), CONFIG, keyring).tokens
    nhs = tokens["nhs_number"].to_list()
    assert nhs[0] == nhs[1] == nhs[2] is not None
    assert nhs[3] is None and nhs[4] is None  # bad check digit, missing


def test_pseudonymise_token_is_documented_hmac_of_canonical_value(keyring: Keyring):
    token = pseudonymise(frame(), CONFIG, keyring).tokens["nhs_number"][0]
    expected = keyring.subkey("link:nhs_number").digest(b"9434765919")[:16].hex()
    assert hmac.compare_digest(token, expected)
    assert len(token) == 32


def test_pseudonymise_pandas_and_polars_give_identical_tokens(keyring: Keyring):
    from_polars = pseudonymise(frame(), CONFIG, keyring).tokens.drop("record_id")
    pandas_frame = pd.DataFrame(ROWS, index=[9, 3, 7, 1, 5])
    from_pandas = pseudonymise(pandas_frame, CONFIG, keyring).tokens
    assert isinstance(from_pandas, pd.DataFrame)  # pandas in, pandas out
    assert list(from_pandas.index) == [0, 1, 2, 3, 4]
    assert from_polars.equals(pl.from_pandas(from_pandas).drop("record_id"))


def test_pseudonymise_repeat_runs_same_tokens_new_record_ids(keyring: Keyring):
    first = pseudonymise(frame(), CONFIG, keyring).tokens
    second = pseudonymise(frame(), CONFIG, keyring).tokens
    assert first.drop("record_id").equals(second.drop("record_id"))
    ids = first["record_id"].to_list() + second["record_id"].to_list()
    assert len(set(ids)) == 10
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)


def test_pseudonymise_tokens_identical_in_another_process(keyring: Keyring, tmp_path: Path):
    here = pseudonymise(frame(), CONFIG, keyring).tokens["nhs_number"][0]
    script = (
        "import sys\nfrom safelink.keys import Keyring\nimport pyarrow as pa\n"
        f"ring = Keyring.open({str(keyring.path)!r}, passphrase=sys.stdin.read())\n"
        "print(ring.subkey('link:nhs_number').tokens(pa.array(['9434765919']))[0])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=TEST_PASSPHRASE,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == here


def test_pseudonymise_swapped_dob_token_matches_other_records_dob(keyring: Keyring):
    # The source alone: every derived token (a job makes only what its link section reads).
    tokens = pseudonymise(frame(), CONFIG.sources["hospital"], keyring).tokens
    # row 2 has 03/04/1975: its swapped form is 1975-03-04, row 0's date of birth.
    assert tokens["date_of_birth_swapped"][2] == tokens["date_of_birth"][0]
    assert tokens["date_of_birth"][2] != tokens["date_of_birth"][0]
    assert tokens["date_of_birth_year"][2] == tokens["date_of_birth_year"][0]


def test_pseudonymise_forename_surname_swap_detectable_by_shared_name_key(keyring: Keyring):
    tokens = pseudonymise(frame(), CONFIG, keyring).tokens
    # row 2 is forename "Smith", surname "Zoe": the swap of row 0 (born in the same year).
    assert tokens["forename"][2] == tokens["surname"][0]
    assert tokens["surname"][2] == tokens["forename"][0]
    alone = dataclasses.replace(CONFIG, tokens=TokenSettings(names_with_birth_year=False))
    tokens = pseudonymise(frame(), alone, keyring).tokens
    assert tokens["surname_first_part"][3] != tokens["surname_last_part"][3]


def test_pseudonymise_names_keyed_with_the_year_of_birth(keyring: Keyring):
    tokens = pseudonymise(frame(), CONFIG, keyring).tokens
    subkey = keyring.namespace_key("link").subkey("link:name:birth_year")
    expected = subkey.tokens(pl.Series(["ZOE|1975", "SMITH|1975"]).to_arrow(), length=16)
    assert [tokens["forename"][0], tokens["surname"][0]] == pl.Series(expected).to_list()
    # Row 3's date of birth (31 February) is rejected: no year, so no name token at all.
    assert tokens.row(3, named=True)["surname"] is None
    assert tokens.row(3, named=True)["forename_nysiis"] is None
    # Keyed alone (tokens.names_with_birth_year: false), under the name purpose.
    alone = dataclasses.replace(CONFIG, tokens=TokenSettings(names_with_birth_year=False))
    plain = pseudonymise(frame(), alone, keyring).tokens
    name = keyring.namespace_key("link").subkey("link:name")
    assert plain["forename"][0] == pl.Series(name.tokens(pl.Series(["ZOE"]).to_arrow()))[0]


def test_pseudonymise_split_outputs_hold_no_identifiers_in_content(keyring: Keyring):
    result = pseudonymise(frame(), CONFIG, keyring)
    assert result.content.columns == ["record_id", "sex", "diagnosis"]
    assert "notes" not in result.tokens.columns
    assert result.tokens["record_id"].to_list() == result.content["record_id"].to_list()


def test_pseudonymise_summary_counts_rejections_by_reason(keyring: Keyring):
    summary = pseudonymise(frame(), CONFIG, keyring).summary
    by_column = {c.column: c for c in summary.columns}
    assert by_column["nhs"].rejected == {"bad_check_digit": 1}
    assert by_column["nhs"].missing == 1
    assert by_column["nhs"].accepted == 3
    assert by_column["dob"].rejected == {"impossible_date": 1}
    assert by_column["pc"].rejected == {"invalid_format": 1}
    assert summary.key_id == keyring.namespace_key("link").key_id


def test_pseudonymise_summary_rejected_shapes_masked_never_values(keyring: Keyring):
    summary = pseudonymise(frame(), CONFIG, keyring).summary
    by_column = {c.column: c for c in summary.columns}
    assert by_column["nhs"].rejected_shapes == {"bad_check_digit": {"9999999999": 1}}
    assert by_column["dob"].rejected_shapes == {"impossible_date": {"99/99/9999": 1}}
    assert by_column["pc"].rejected_shapes == {"invalid_format": {"AAA": 1}}
    document = json.dumps(summary.to_dict())
    assert "9434765918" not in document and "XYZ" not in document and "31/02" not in document


def test_commonest_shapes_keeps_the_commonest_per_reason():
    counts = {("bad", f"9{'9' * n}"): n for n in range(1, 9)} | {("other", "AA"): 2}
    kept = commonest_shapes(counts)
    assert list(kept) == ["bad", "other"]
    assert list(kept["bad"].values()) == [8, 7, 6, 5, 4] and kept["other"] == {"AA": 2}


def test_pseudonymise_missing_configured_column_refused(keyring: Keyring):
    with pytest.raises(InputError, match=r"missing column\(s\) \['pc'\]"):
        pseudonymise(frame().drop("pc"), CONFIG, keyring)


def write_csv(tmp_path: Path, data: pl.DataFrame | None = None) -> Path:
    path = tmp_path / "hospital.csv"
    (data if data is not None else frame()).write_csv(path)
    return path


def test_pseudonymise_file_writes_tokens_content_summary(keyring: Keyring, tmp_path: Path):
    out = tmp_path / "out"
    summary = pseudonymise_file(write_csv(tmp_path), CONFIG, keyring, out, batch_rows=2)
    paths = output_paths(out, "hospital")
    tokens = read_tokens(paths["tokens"])
    content = pl.read_parquet(paths["content"])
    assert tokens.height == content.height == summary.rows == 5
    metadata = read_tokens_metadata(paths["tokens"])
    assert metadata["key_id"] == summary.key_id and metadata["source"] == "hospital"
    assert json.loads(metadata["purposes"])["forename"] == "link:name:birth_year"
    document = json.loads(paths["summary"].read_text())
    assert (
        document["outputs"]["hospital.tokens.parquet"]
        == hashlib.sha256(paths["tokens"].read_bytes()).hexdigest()
    )
    in_memory = pseudonymise(frame(), CONFIG, keyring).tokens.drop("record_id")
    assert tokens.drop("record_id").equals(in_memory)


def test_pseudonymise_file_no_planted_value_in_any_output(keyring: Keyring, tmp_path: Path):
    out = tmp_path / "out"
    pseudonymise_file(write_csv(tmp_path), CONFIG, keyring, out)
    planted = [
        "9434765919",
        "943 476 5919",
        "ZOE",
        "Zoë",
        "SMITH",
        "Smith",
        "SW1A",
        "04/03/1975",
        "1975-03-04",
        "O'Neil",
        "planted note",
    ]
    for path in out.iterdir():
        data = path.read_bytes()
        for value in planted:
            assert value.encode() not in data, f"{value!r} leaked into {path.name}"
    # A bare year is a digit run that hex tokens and hashes hold by chance (1 in 65,536 per
    # position), so it is looked for as a whole value, where no token can equal it.
    for path in out.glob("*.parquet"):
        frame = pl.read_parquet(path)
        cells = {str(v) for column in frame.columns for v in frame[column].to_list()}
        assert not cells & {"1975", *planted}, path.name


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"nhs,first,last,dob,pc,sex,diagnosis,notes\n", "no data rows"),
        (b"nhs,first,last,dob,pc,sex,diagnosis,nhs\n1,2,3,4,5,6,7,8\n", "duplicated"),
        (b"nhs,first\n1,2\n", "missing column"),
    ],
)
def test_pseudonymise_file_bad_input_clear_error_no_output(
    keyring: Keyring, tmp_path: Path, content: bytes, message: str
):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    out = tmp_path / "out"
    with pytest.raises(InputError, match=message):
        pseudonymise_file(path, CONFIG, keyring, out)
    assert not out.exists() or list(out.iterdir()) == []


def test_pseudonymise_file_ragged_row_fails_without_partial_output(
    keyring: Keyring, tmp_path: Path
):
    good = frame().write_csv()
    path = tmp_path / "ragged.csv"
    path.write_text(good + "1,2,3\n")
    out = tmp_path / "out"
    with pytest.raises(InputError, match="line 7"):
        pseudonymise_file(path, CONFIG, keyring, out, batch_rows=2)
    assert list(out.iterdir()) == []


def test_pseudonymise_file_directory_input_refused(keyring: Keyring, tmp_path: Path):
    with pytest.raises(InputError, match="is a directory"):
        pseudonymise_file(tmp_path, CONFIG, keyring, tmp_path / "out")


def test_pseudonymise_bloom_encodings_keyed_and_similar_for_misspellings(
    keyring: Keyring, tmp_path: Path
):
    from safelink.config import SourceConfig, TokenSettings
    from safelink.pseudonymise.bloom import dice

    document = {
        "project": "test",
        # No date of birth: names keyed alone.
        "tokens": {"bloom": True, "names_with_birth_year": False},
        "sources": {"s": {"columns": {"last": {"role": "identifier", "kind": "surname"}}}},
    }
    config = parse_config(document)
    assert config.tokens == TokenSettings(bloom=True, names_with_birth_year=False)
    names = pl.DataFrame({"last": ["Thompson", "Thomson", "Okafor", None]})
    tokens = pseudonymise(names, config, keyring).tokens
    blooms = tokens["surname_bloom"].to_list()
    assert blooms[3] is None
    # Bigram Dice of THOMPSON/THOMSON is 0.82; keyed positions spread the Bloom Dice around it
    # (0.78-0.87 over 300 keys), while unrelated names stay at or below 0.26.
    assert dice(blooms[0], blooms[1]) > 0.7
    assert dice(blooms[0], blooms[2]) < 0.35
    other = Keyring.create(
        tmp_path / "keys" / "other.key", project="test", passphrase=TEST_PASSPHRASE, scrypt_n=2**14
    )
    assert pseudonymise(names, config, other).tokens["surname_bloom"][0] != blooms[0]
    assert isinstance(config.source(), SourceConfig)


def test_pseudonymise_file_csv_output_same_tokens_and_safe_cells(keyring: Keyring, tmp_path: Path):
    data = frame().with_columns(
        pl.Series("diagnosis", ["=HYPERLINK(x)", "I10", "E11", "J45", "-3"])
    )
    path = write_csv(tmp_path, data)
    pseudonymise_file(path, CONFIG, keyring, tmp_path / "csv", output_format="csv")
    pseudonymise_file(path, CONFIG, keyring, tmp_path / "pq")
    from_csv = pl.read_csv(tmp_path / "csv" / "hospital.tokens.csv", infer_schema=False)
    from_parquet = read_tokens(tmp_path / "pq" / "hospital.tokens.parquet")
    assert from_csv.drop("record_id").equals(from_parquet.drop("record_id"))
    content = pl.read_csv(tmp_path / "csv" / "hospital.content.csv", infer_schema=False)
    assert content["diagnosis"].to_list()[0] == "'=HYPERLINK(x)"
    assert content["diagnosis"].to_list()[4] == "'-3"


def test_link_refuses_tokens_mixed_from_two_runs(keyring: Keyring, tmp_path: Path):
    from safelink.errors import InputError as Refused
    from safelink.pseudonymise import verify_outputs

    path = write_csv(tmp_path)
    first, second = tmp_path / "first", tmp_path / "second"
    pseudonymise_file(path, CONFIG, keyring, first)
    pseudonymise_file(path, CONFIG, keyring, second)
    verify_outputs(first / "hospital.tokens.parquet")
    # Simulate a run stopped between renames: new tokens beside the old summary.
    (first / "hospital.tokens.parquet").write_bytes(
        (second / "hospital.tokens.parquet").read_bytes()
    )
    with pytest.raises(Refused, match="interrupted run"):
        verify_outputs(first / "hospital.tokens.parquet")


def test_pseudonymise_partial_date_of_birth_gives_part_tokens_only(keyring: Keyring):
    rows = {**ROWS, "dob": ["1978", "1978-03", "03/1978", "14/03/1978", "01/01/1900"]}
    result = pseudonymise(pl.DataFrame(rows), CONFIG.sources["hospital"], keyring)
    tokens = result.tokens
    full, year, month, day = (
        tokens[c].to_list()
        for c in ("date_of_birth", "date_of_birth_year", "date_of_birth_month", "date_of_birth_day")
    )
    assert full[:3] == [None, None, None] and full[3] is not None
    assert year[0] == year[1] == year[2] == year[3] is not None
    assert month[0] is None and month[1] == month[2] == month[3] is not None
    assert day[:3] == [None, None, None] and day[3] is not None
    assert tokens["date_of_birth_swapped"].to_list()[:3] == [None, None, None]
    dob_tokens = tokens.select(pl.col("^date_of_birth.*$")).row(4)
    assert dob_tokens == (None,) * len(dob_tokens)  # the unknown-date placeholder
    dob = next(c for c in result.summary.columns if c.column == "dob")
    assert dob.warnings == {"partial_year": 1, "partial_year_month": 2}
    assert dob.rejected == {"placeholder": 1}
    assert dob.accepted == 4


def test_tokeniser_counts_of_parts_merge_to_the_counts_of_the_whole(keyring: Keyring):
    # The Spark engine adds up one TokenCounts per task; the sum must be the one-batch count.
    import pyarrow as pa

    from safelink.config import TokenSettings
    from safelink.pseudonymise.summary import TokenCounts
    from safelink.pseudonymise.tokenise import Tokeniser, derive_subkeys

    source = CONFIG.source("hospital")
    settings = TokenSettings()
    subkeys = derive_subkeys(source, settings, keyring.namespace_key("link"))
    text = frame().select(pl.col(c.name).cast(pl.String) for c in source.columns)

    def tokeniser() -> Tokeniser:
        return Tokeniser(source, subkeys, "kid", settings, lambda n: pa.nulls(n, pa.string()))

    whole = tokeniser()
    whole_tokens, _ = whole.batch(text)
    parts = [tokeniser(), tokeniser()]
    part_tokens = [t.batch(chunk)[0] for t, chunk in zip(parts, (text[:2], text[2:]), strict=True)]
    merged = TokenCounts().merge(parts[1].counts).merge(parts[0].counts)
    assert whole.summary({}, {}) == whole.summary({}, {}, merged)
    assert merged.rows == 5 and sum(merged.rejected["nhs"].values()) == 1
    assert pl.concat(part_tokens).drop("record_id").equals(whole_tokens.drop("record_id"))


def test_tokeniser_hashing_error_surfaces_from_the_pool(keyring: Keyring, monkeypatch):
    from safelink.keys import SubKey

    def failing(self: SubKey, values: object, *, length: int = 16, binary: bool = False) -> object:
        raise InputError("a hashing thread failed")

    monkeypatch.setattr(SubKey, "tokens", failing)
    with pytest.raises(InputError, match="a hashing thread failed"):
        pseudonymise(frame(), CONFIG, keyring)


@pytest.mark.parametrize("names_with_birth_year", [False, True])
def test_tokeniser_hashes_each_distinct_value_once_with_the_tokens_of_one_row_batches(
    keyring: Keyring, names_with_birth_year: bool
):
    # Repeated values are derived and hashed once per batch and joined back in row order; the
    # tokens equal those of each row tokenised alone (a batch of one takes the row path). A
    # name keyed with the year of birth is hashed once per distinct (name, year) pair, nulls
    # included (row 3's rejected date has no year).
    import pyarrow as pa

    from safelink.config import TokenSettings
    from safelink.pseudonymise.tokenise import Tokeniser, derive_subkeys

    source = CONFIG.source("hospital")
    settings = TokenSettings(names_with_birth_year=names_with_birth_year)
    subkeys = derive_subkeys(source, settings, keyring.namespace_key("link"))
    text = frame().select(pl.col(c.name).cast(pl.String) for c in source.columns)
    repeated = pl.concat([text.sample(fraction=1.0, shuffle=True, seed=s) for s in range(20)])
    hashed: list[int] = []

    class Counting:
        def __init__(self, subkey: object) -> None:
            self.subkey = subkey

        def tokens(self, values: pa.Array, *, length: int = 16, binary: bool = False) -> object:
            hashed.append(len(values))
            return self.subkey.tokens(values, length=length, binary=binary)  # type: ignore[attr-defined]

    def tokeniser(keys: dict[str, object]) -> Tokeniser:
        return Tokeniser(source, keys, "kid", settings, lambda n: pa.nulls(n, pa.string()))  # type: ignore[arg-type]

    counting = tokeniser({p: Counting(k) for p, k in subkeys.items()})
    batched, _ = counting.batch(repeated)
    planned = sum(len(plan) for plan in counting.plans.values())
    one_by_one = pl.concat(
        tokeniser(dict(subkeys)).batch(repeated[i : i + 1])[0] for i in range(repeated.height)
    )
    assert batched.drop("record_id").equals(one_by_one.drop("record_id"))
    assert batched.height == 100 and batched.get_column("forename").drop_nulls().n_unique() >= 3
    # Five distinct people: no identifier's token column hashes all 100 rows (the composites
    # still do). Columns hash on a thread pool, so the calls are counted in any order.
    assert len(hashed) > planned and sorted(hashed)[planned - 1] <= 5


def test_random_record_ids_are_128_bit_hex_and_distinct():
    from safelink.pseudonymise.api import _random_record_ids

    ids = pl.Series(_random_record_ids(10_000))
    assert ids.len() == ids.n_unique() == 10_000 and ids.null_count() == 0
    assert ids.str.contains(r"^[0-9a-f]{32}$").all()
    assert _random_record_ids(0).to_pylist() == []


def test_pseudonymise_file_stores_tokens_as_raw_bytes_format_2(keyring: Keyring, tmp_path: Path):
    # Tokens format 2: each token column holds the HMAC's bytes (fixed width), not their hex;
    # record ids and Bloom encodings stay text; the metadata names the format.
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    pseudonymise_file(write_csv(tmp_path), CONFIG, keyring, out, batch_rows=2)
    path = output_paths(out, "hospital")["tokens"]
    schema = pq.read_schema(path)
    assert schema.field("record_id").type in (pa.string(), pa.large_string())
    token_columns = [f for f in schema if f.name != "record_id"]
    assert token_columns and all(f.type == pa.binary(16) for f in token_columns)
    assert read_tokens_metadata(path)["tokens_format"] == "2"
    raw = pl.read_parquet(path).get_column("nhs_number")
    hexed = pseudonymise(frame(), CONFIG, keyring).tokens.get_column("nhs_number")
    assert [None if b is None else b.hex() for b in raw.to_list()] == hexed.to_list()
    assert raw.null_count() == 2  # the rejected and missing numbers stay null, not zero bytes


def test_tokeniser_gives_the_same_tokens_and_counts_on_two_threads_as_on_one(
    keyring: Keyring, monkeypatch: pytest.MonkeyPatch
):
    # The local engine tokenises two batches at once. Each batch counts on its own and the
    # address deriver, which keeps one batch's postcodes and parts, runs one batch at a time:
    # every batch's tokens and the run's counts equal those of one thread. The parts are
    # slowed so that the other thread runs while one batch's postcodes are set (without the
    # lock, batches then take each other's postcodes).
    import time

    import pyarrow as pa

    from safelink.infra.background import map_ordered
    from safelink.pseudonymise import plan
    from safelink.pseudonymise.tokenise import Tokeniser, derive_subkeys

    config = parse_config(
        {
            "project": "test",
            "sources": {
                "council": {
                    "columns": {
                        "nhs": {"role": "identifier", "kind": "nhs_number"},
                        "first": {"role": "identifier", "kind": "forename"},
                        "dob": {"role": "identifier", "kind": "date_of_birth"},
                        "pc": {"role": "identifier", "kind": "postcode"},
                        "home": {"role": "identifier", "kind": "address"},
                    }
                }
            },
        }
    )
    source = config.source("council")
    settings = TokenSettings()
    subkeys = derive_subkeys(source, settings, keyring.namespace_key("link"))
    districts = ["LS1 4AP", "M1 1AE", "SW1A 1AA", "B1 1AA", "CF10 1AA", "EH1 1AA"]

    def batch(b: int) -> pl.DataFrame:
        # Addresses without a postcode take the row's postcode column for their number.
        rows = range(b * 200, b * 200 + 200)
        return pl.DataFrame(
            {
                "nhs": [None if n % 7 == 0 else "943 476 5919" for n in rows],
                "first": [["Ann", "Bob", "Zoë", "Li"][n % 4] for n in rows],
                "dob": [f"{1 + n % 28:02d}/{1 + n % 12:02d}/19{40 + n % 60}" for n in rows],
                "pc": [districts[(n * 7 + b) % len(districts)] for n in rows],
                "home": [f"Flat {n % 9}, {n % 50} Mill Street" for n in rows],
            }
        )

    def tokeniser() -> Tokeniser:
        return Tokeniser(source, subkeys, "kid", settings, lambda n: pa.nulls(n, pa.string()))

    batches = [batch(b) for b in range(12)]
    part = plan._AddressParts.part

    def slow_part(self: plan._AddressParts, canonical: pl.Series, name: str) -> pl.Series:
        time.sleep(0.005)  # after the batch's postcodes are set, before they are read
        return part(self, canonical, name)

    monkeypatch.setattr(plan._AddressParts, "part", slow_part)
    one = tokeniser()
    alone = [one.batch_arrow(b)[0] for b in batches]
    two = tokeniser()
    together = list(map_ordered(lambda b: two.batch_arrow(b)[0], batches, workers=2))
    assert [t.drop(["record_id"]) for t in together] == [t.drop(["record_id"]) for t in alone]
    assert two.summary({}, {}) == one.summary({}, {}) and two.rows == 12 * 200
    assert "address_number_postcode" in alone[0].column_names
