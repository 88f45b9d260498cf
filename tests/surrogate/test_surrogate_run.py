"""Surrogate configs, files, CLI, processes and the Frame methods."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from safelink.errors import ConfigError, InputError
from safelink.keys import Keyring
from safelink.surrogate import (
    load_surrogate_config,
    parse_surrogate_config,
    surrogate_column,
    surrogate_file,
    surrogate_frame,
)
from tests.surrogate.conftest import PASSPHRASE

CONFIG = """
surrogate:
  columns:
    nhs_number: nhs_number
    surname: {kind: surname}
    forename: {kind: forename, sex: sex}
    postcode: {kind: postcode, keep_district: true}
    phone: phone
    email: email
    address: address
    ethnicity: {kind: category}
  dates:
    person: person_id
    columns: [admitted, discharged]
    max_days: 120
    birth_column: dob
    keep_birth_year: true
"""
# Values planted in the extract that no name list or format can produce by chance.
PLANTED = (
    "quillfeather", "okparaebo", "brandt", "zarnowiecki", "thaddeus", "ermintrude", "bartholo",
    "plantedmail", "plantedwell", "snodsbury", "mudchester", "quarrel", "07911 123456",
    "07911123456", "0113 243 9876", "020 8123 4567", "ls6 9qz", "m14 5rt", "bd7 1dp", "ne4 5pl",
)  # fmt: skip


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    path = tmp_path / "surrogate.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def test_surrogate_file_planted_values_absent_from_every_output(
    extract: pl.DataFrame, ring: Keyring, config_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "extract.csv"
    extract.write_csv(source)
    output = tmp_path / "out.csv"
    run = surrogate_file(source, config_path, ring, output)
    record = output.with_name("out.csv.surrogate.json")
    texts = {
        "data": output.read_text(encoding="utf-8").lower(),
        "record": record.read_text(encoding="utf-8").lower(),
    }
    numbers = [n for n in extract["nhs_number"].drop_nulls().unique()]
    for where, text in texts.items():
        for planted in (*PLANTED, *numbers):
            assert planted.lower() not in text, f"a planted value reached the {where}"
    # planted values in parts and with the original dates: none survived in the data either
    assert run.data.height == extract.height
    assert run.data.columns == extract.columns


def test_surrogate_file_record_lists_surrogates_as_transformations(
    extract: pl.DataFrame, ring: Keyring, config_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "extract.parquet"
    extract.write_parquet(source)
    output = tmp_path / "out.parquet"
    surrogate_file(source, config_path, ring, output)
    record = json.loads(output.with_name("out.parquet.surrogate.json").read_text("utf-8"))
    actions = [(step["action"], step["column"]) for step in record["transformations"]]
    assert actions[0] == ("shift_dates", None)
    assert ("surrogate", "surname") in actions and len(actions) == 9
    assert record["surrogate_columns"][0] == "nhs_number"
    assert record["shifted_date_columns"] == ["admitted", "discharged", "dob"]
    assert pl.read_parquet(output).height == extract.height


def test_surrogate_frame_sex_column_read_before_it_changes(
    extract: pl.DataFrame, ring: Keyring
) -> None:
    config = parse_surrogate_config(
        {"columns": {"forename": {"kind": "forename", "sex": "sex"}, "sex": "category"}}
    )
    run = surrogate_frame(extract, config, ring)
    alone = surrogate_column(extract, "forename", kind="forename", keyring=ring, sex="sex")
    assert run.data["forename"].to_list() == alone.values.to_list()


def test_parse_surrogate_config_lists_every_problem() -> None:
    raw = {
        "surrogate": {
            "columns": {"a": {"kind": "shoe"}, "b": {"kind": "surname", "colour": "red"}},
            "dates": {"columns": "admitted", "max_days": "lots"},
            "extra": 1,
        }
    }
    with pytest.raises(ConfigError) as caught:
        parse_surrogate_config(raw, source="job.yaml")
    text = "\n".join(caught.value.problems)
    for expected in (
        "surrogate.columns.a.kind",
        "surrogate.columns.b.colour: unknown setting",
        "surrogate.dates.person",
        "surrogate.dates.columns",
        "surrogate.dates.max_days",
        "surrogate.extra: unknown setting",
    ):
        assert expected in text


def test_load_surrogate_config_resolves_key_file(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("key_file: keys/p.key\nsurrogate: {columns: {s: surname}}\n", "utf-8")
    config = load_surrogate_config(path)
    assert config.key_file == tmp_path / "keys" / "p.key"


def test_surrogate_file_unknown_column_clear_error(
    extract: pl.DataFrame, ring: Keyring, tmp_path: Path
) -> None:
    source = tmp_path / "e.csv"
    extract.write_csv(source)
    config = parse_surrogate_config({"columns": {"given_name": "forename"}})
    with pytest.raises(InputError, match="'given_name'"):
        surrogate_file(source, config, ring, tmp_path / "o.csv")
    assert not (tmp_path / "o.csv").exists()


def test_surrogate_column_same_in_another_process(extract: pl.DataFrame, ring: Keyring) -> None:
    here = surrogate_column(extract, "surname", kind="surname", keyring=ring).values.to_list()
    code = (
        "import json, sys, polars as pl\n"
        "from safelink.keys import Keyring\n"
        "from safelink.surrogate import surrogate_column\n"
        "ring = Keyring.open(sys.argv[1], passphrase=sys.argv[2])\n"
        "frame = pl.DataFrame({'surname': json.loads(sys.argv[3])})\n"
        "out = surrogate_column(frame, 'surname', kind='surname', keyring=ring).values\n"
        "print(json.dumps(out.to_list()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(ring.path), PASSPHRASE,
         json.dumps(extract["surname"].to_list())],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    assert json.loads(result.stdout) == here


def test_cli_surrogate_writes_output_and_json(
    run_cli, extract: pl.DataFrame, ring: Keyring, config_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "e.csv"
    extract.write_csv(source)
    output = tmp_path / "o.parquet"
    result = run_cli(
        "surrogate", str(source), "--config", str(config_path), "-o", str(output),
        "--key-file", str(ring.path), "--json", env={"SAFELINK_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["rows"] == extract.height
    assert pl.read_parquet(output)["surname"].to_list() == (
        surrogate_column(extract, "surname", kind="surname", keyring=ring).values.to_list()
    )


def test_frame_surrogate_method_records_transformation(
    extract: pl.DataFrame, ring: Keyring
) -> None:
    from safelink.disclosure.frame import Frame

    frame = Frame(extract, quasi=["sex"], person="person_id")
    changed = frame.surrogate("surname", kind="surname", keyring=ring)
    step = changed.transformations[-1]
    assert (step.action, step.column, step.level) == ("surrogate", "surname", "surname")
    assert step.parameters["collisions"]["distinct_originals"] == 4
    expected = surrogate_column(extract, "surname", kind="surname", keyring=ring).values
    assert changed.to_polars()["surname"].to_list() == expected.to_list()


def test_frame_shift_dates_method_records_transformation(
    extract: pl.DataFrame, ring: Keyring
) -> None:
    from safelink.disclosure.frame import Frame

    frame = Frame(extract, quasi=["sex"], person="person_id")
    changed = frame.shift_dates("admitted", "discharged", keyring=ring)
    step = changed.transformations[-1]
    assert step.action == "shift_dates"
    assert step.parameters["columns"] == ["admitted", "discharged"]
    assert changed.to_polars()["admitted"].to_list() != extract["admitted"].to_list()


def test_cli_surrogate_latin_1_csv_needs_and_takes_encoding(
    run_cli, extract: pl.DataFrame, ring: Keyring, config_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "latin.csv"
    accented = extract.with_columns(pl.col("surname").str.replace(r"^(.)", "${1}\u00e9"))
    source.write_bytes(accented.write_csv().encode("latin-1"))
    output = tmp_path / "o.parquet"
    arguments = ["surrogate", str(source), "--config", str(config_path), "-o", str(output),
                 "--key-file", str(ring.path)]  # fmt: skip
    env = {"SAFELINK_PASSPHRASE": PASSPHRASE}
    refused = run_cli(*arguments, env=env)
    assert refused.code == 2 and "line 2" in refused.stderr and "--encoding" in refused.stderr
    assert not output.exists()
    read = run_cli(*arguments, "--encoding", "latin-1", env=env)
    assert read.code == 0, read.stderr
    expected = surrogate_column(accented, "surname", kind="surname", keyring=ring).values
    assert pl.read_parquet(output)["surname"].to_list() == expected.to_list()
