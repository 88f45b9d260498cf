"""The persistent person index: ids that last across deliveries, history, bad indexes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow.parquet as pq
import pytest

from safelink.engines.backend import PolarsBackend
from safelink.errors import InputError, LinkageError
from safelink.link import link, link_files
from safelink.link.index import (
    INDEX_FORMAT,
    INDEX_SOURCE,
    empty_index,
    link_with_index,
    read_index,
    write_index,
)

COLUMNS = ("record_id", "nhs_number", "forename", "surname", "date_of_birth")
SETTINGS = {
    "one_record_per_person": {"hospital": True, "social_care": False},
    "cascade": {
        "nhs_number_partner": ["date_of_birth"],
        "match_keys": [{"name": "name_dob", "columns": ["forename", "surname", "date_of_birth"]}],
    },
    "probabilistic": {"enabled": False},
}
SOURCES = ["hospital", "social_care"]
DAY = dt.date(2026, 12, 1)


def tokens(*rows: tuple[str | None, ...]) -> pl.DataFrame:
    """A tokens frame (record id, NHS number, forename, surname, date of birth)."""
    return pl.DataFrame(list(rows), schema=dict.fromkeys(COLUMNS, pl.String), orient="row")


def deliver(index: Any, hospital: pl.DataFrame, social_care: pl.DataFrame) -> Any:
    """Link one delivery against ``index``; return (result, updated index)."""
    from safelink.link.config import link_config

    return link_with_index(
        PolarsBackend(),
        [hospital, social_care],
        link_config(SETTINGS),
        index,
        sources=SOURCES,
        today=DAY,
    )


def ids(result: Any) -> dict[str, str]:
    """``source:record_id`` -> person id."""
    rows = result.links.select("source", "record_id", "person_id").iter_rows()
    return {f"{s}:{r}": p for s, r, p in rows}


MONTH_1 = (
    tokens(("h1", "nA", "ANNA", "LEE", "d1"), ("h2", "nB", "OMAR", "KHAN", "d2")),
    tokens(("s1", "nA", "ANNA", "LEE", "d1"), ("s2", None, "RUTH", "COLE", "d3")),
)


def test_first_delivery_ids_are_a_plain_runs_and_the_index_holds_every_record():
    result, index = deliver(empty_index(), *MONTH_1)
    plain = link(list(MONTH_1), SETTINGS, sources=SOURCES)
    assert ids(result) == ids(plain)
    assert INDEX_SOURCE not in result.links["source"].to_list()
    assert index.deliveries == 1 and index.records.height == 4 and index.persons == 3
    assert set(index.records.columns) >= {"source", "record_id", "person_id", "delivery"}
    assert result.report.index["persons_new"] == 3


def test_known_persons_keep_their_ids_in_any_row_order_with_new_record_ids():
    first, index = deliver(empty_index(), *MONTH_1)
    hospital = tokens(("x9", "nB", "OMAR", "KHAN", "d2"), ("x8", "nA", "ANNA", "LEE", "d1"))
    social_care = tokens(("y7", None, "RUTH", "COLE", "d3"), ("y6", "nA", "ANNA", "LEE", "d1"))
    second, index2 = deliver(index, hospital, social_care)
    before, after = ids(first), ids(second)
    assert after["hospital:x8"] == before["hospital:h1"] == after["social_care:y6"]
    assert after["hospital:x9"] == before["hospital:h2"]
    assert after["social_care:y7"] == before["social_care:s2"]
    assert second.report.index["persons_kept"] == 3 and second.report.index["persons_new"] == 0
    assert second.report.index["records_added"] == 0  # the same tokens: the same records
    assert index2.deliveries == 2 and index2.records.height == 4


def test_new_person_gets_a_new_id_and_a_moved_person_is_still_found():
    first, index = deliver(empty_index(), *MONTH_1)
    hospital = tokens(("h3", "nC", "ZOE", "PARK", "d4"))
    social_care = tokens(("s9", "nB", "OMAR", "KHAN", "d2"))  # first time in social care
    second, index2 = deliver(index, hospital, social_care)
    now = ids(second)
    assert now["social_care:s9"] == ids(first)["hospital:h2"]
    assert now["hospital:h3"] not in set(ids(first).values())
    assert index2.records.height == 6 and index2.persons == 4


def test_a_record_joining_two_known_persons_merges_them_in_the_history():
    # Month 1: Ruth Cole in social care twice, under two spellings no key joins: two persons.
    hospital = tokens(("h1", "nA", "ANNA", "LEE", "d1"))
    social_care = tokens(("s1", None, "RUTH", "COLE", "d3"), ("s2", "nR", "RUTHIE", "COLE", "d3"))
    first, index = deliver(empty_index(), hospital, social_care)
    old = ids(first)
    assert old["social_care:s1"] != old["social_care:s2"]
    # Month 2: her hospital record carries her NHS number and the spelling of s1.
    second, index2 = deliver(
        index, tokens(("h5", "nR", "RUTH", "COLE", "d3")), tokens(("s3", None, "X", "Y", "d9"))
    )
    kept = ids(second)["hospital:h5"]
    assert kept in {old["social_care:s1"], old["social_care:s2"]}
    merged = [h for h in index2.history if h["why"] == "merged"]
    assert len(merged) == 1 and merged[0]["new"] == kept and merged[0]["date"] == "2026-12-01"
    assert {merged[0]["old"], kept} == {old["social_care:s1"], old["social_care:s2"]}
    assert index2.records.filter(pl.col("source") == "social_care")["person_id"].n_unique() == 2
    assert second.report.index["merged"] == 1


def test_index_round_trips_and_bad_indexes_are_refused(tmp_path: Path):
    _, index = deliver(empty_index(), *MONTH_1)
    path = tmp_path / "persons.parquet"
    write_index(index, path)
    again = read_index(path)
    assert again.records.equals(index.records) and again.deliveries == 1
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(InputError, match="cut short"):
        read_index(cut)
    newer = tmp_path / "newer.parquet"
    table = pq.read_table(path)
    meta = json.loads(table.schema.metadata[b"safelink.person_index"])
    meta["format"] = "safelink-person-index/9"
    pq.write_table(
        table.replace_schema_metadata({b"safelink.person_index": json.dumps(meta)}), newer
    )
    with pytest.raises(InputError, match=f"this safelink reads '{INDEX_FORMAT}'"):
        read_index(newer)
    plain = tmp_path / "plain.parquet"
    pl.DataFrame({"a": [1]}).write_parquet(plain)
    with pytest.raises(InputError, match="not a safelink person index"):
        read_index(plain)


def test_index_under_another_key_is_refused_and_left_unchanged(
    linked_inputs, demo_config, tmp_path
):
    from dataclasses import replace

    index = tmp_path / "persons.parquet"
    files = [linked_inputs["hospital"], linked_inputs["social_care"]]
    link_files(files, demo_config, tmp_path / "m1", index=index)
    made = read_index(index)
    assert made.key_id and made.persons > 0
    stranger = replace(made, key_id="k-0000000000000000")
    write_index(stranger, index)
    before = index.read_bytes()
    with pytest.raises(LinkageError, match="person index was made under link key"):
        link_files(files, demo_config, tmp_path / "m2", index=index)
    assert index.read_bytes() == before
    assert not (tmp_path / "m2" / "links.parquet").exists()


def test_refresh_of_a_whole_population_keeps_every_id(linked_inputs, demo_config, tmp_path):
    index = tmp_path / "persons.parquet"
    files = [linked_inputs["hospital"], linked_inputs["social_care"]]
    first = link_files(files, demo_config, tmp_path / "m1", index=index)
    second = link_files(files, demo_config, tmp_path / "m2", index=index)
    assert second.links.select("source", "record_id", "person_id").equals(
        first.links.select("source", "record_id", "person_id")
    )
    assert second.report.index["persons_new"] == 0
    assert read_index(index).deliveries == 2


def test_cli_link_with_index_twice_audits_the_index(linked_inputs, run_cli, tmp_path: Path):
    import yaml

    from safelink.infra.audit import verify_audit_log

    root = Path(__file__).resolve().parents[2]
    raw = yaml.safe_load((root / "configs" / "demo.yaml").read_text(encoding="utf-8"))
    raw["key_file"] = str((root / "configs" / raw["key_file"]).resolve())
    raw["audit_log"] = str(tmp_path / "audit" / "link.audit.jsonl")
    raw.pop("release", None)
    for source in raw["sources"].values():
        source.pop("path", None)
    config = tmp_path / "job.yaml"
    config.write_text(yaml.safe_dump(raw), encoding="utf-8")
    (tmp_path / "audit").mkdir()
    index = tmp_path / "persons.parquet"
    tokens = [str(linked_inputs["hospital"]), str(linked_inputs["social_care"])]
    for month in ("m1", "m2"):
        args = ["link", *tokens, "--config", str(config), "-o", str(tmp_path / month)]
        result = run_cli(*args, "--index", str(index))
        assert result.code == 0, result.stderr
    assert "persons kept" in result.stdout
    first = pl.read_parquet(tmp_path / "m1" / "links.parquet")
    second = pl.read_parquet(tmp_path / "m2" / "links.parquet")
    assert first["person_id"].equals(second["person_id"])
    log = tmp_path / "audit" / "link.audit.jsonl"
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert [e["command"] for e in entries] == ["link", "link"]
    assert "persons.parquet" not in entries[0]["inputs"]  # no index before the first delivery
    assert entries[1]["inputs"]["persons.parquet"] == entries[0]["outputs"]["persons.parquet"]
    assert verify_audit_log(log).ok


def test_index_of_names_keyed_alone_refuses_a_delivery_keyed_with_the_year(
    linked_inputs, demo_config, tmp_path
):
    index = tmp_path / "persons.parquet"
    files = [linked_inputs["hospital"], linked_inputs["social_care"]]
    link_files(files, demo_config, tmp_path / "m1", index=index)
    made = read_index(index)
    assert made.names_keyed == "with the year of birth"
    # An index written before names could be keyed with the year: no field, names alone.
    table = pq.read_table(index)
    meta = json.loads(table.schema.metadata[b"safelink.person_index"])
    del meta["names_keyed"]
    pq.write_table(
        table.replace_schema_metadata({b"safelink.person_index": json.dumps(meta)}), index
    )
    assert read_index(index).names_keyed == "alone"
    before = index.read_bytes()
    with pytest.raises(LinkageError, match="names_with_birth_year set as the index was made"):
        link_files(files, demo_config, tmp_path / "m2", index=index)
    assert index.read_bytes() == before
