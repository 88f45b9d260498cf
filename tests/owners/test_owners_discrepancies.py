from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from safelink.config import JobConfig, load_config
from safelink.errors import ConfigError, InputError
from safelink.infra.audit import read_audit_entries
from safelink.link import link_config
from safelink.owners import discrepancy_report
from safelink.pseudonymise.tokens_format import read_tokens
from safelink.synthetic.corruption import HOSPITAL_RATES, SOCIAL_CARE_RATES
from safelink.synthetic.extracts import generate, valid_test_nhs_numbers
from tests.owners.conftest import ROOT, Linked, build

CLEAN = {
    "nhs_missing": 0.0, "nhs_wrong": 0.0, "forename_typo": 0.0, "surname_typo": 0.0,
    "nickname": 0.0, "name_swap": 0.0, "dob_swap": 0.0, "dob_error": 0.0, "dob_missing": 0.0,
    "postcode_missing": 0.0, "postcode_typo": 0.0, "sex_missing": 0.0,
}  # fmt: skip
DOB = "nhs_number_with_two_dates_of_birth"
NHS = "person_with_two_nhs_numbers"
SEX = "sex_mismatch"


@dataclasses.dataclass(frozen=True)
class Planted:
    linked: Linked
    expected: dict[str, set[tuple[str, str]]]
    values: set[str]


def _set(frame: pl.DataFrame, key: str, ref: str, column: str, value: str) -> pl.DataFrame:
    return frame.with_columns(
        pl.when(pl.col(key) == ref).then(pl.lit(value)).otherwise(pl.col(column)).alias(column)
    )


def _clean_config() -> JobConfig:
    """The demo job for error-free extracts: deterministic steps only (nothing is left for a
    model to learn from), and without the keep-apart constraint, so the linkage joins the
    person with two NHS numbers (names, date of birth and postcode agree), as a TTP that does
    not set it would."""
    config = load_config(ROOT / "configs" / "demo.yaml")
    link = dict(config.sections["link"])
    link["keep_apart_different_nhs_numbers"] = False
    link["probabilistic"] = {**link["probabilistic"], "enabled": False}
    return dataclasses.replace(
        config, link=link_config(link), sections={**config.sections, "link": link}
    )


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Planted:
    """Error-free extracts with three planted disagreements, each on a person in both sources."""
    data = generate(
        800,
        seed=41,
        hospital=dataclasses.replace(HOSPITAL_RATES, **CLEAN),
        social_care=dataclasses.replace(SOCIAL_CARE_RATES, **CLEAN),
    )
    truth = data.truth
    both = (
        truth.group_by("person_id").agg(pl.col("source").n_unique().alias("n"))
        .filter(pl.col("n") == 2).sort("person_id")["person_id"].to_list()
    )  # fmt: skip
    refs = {
        person: {
            s: truth.filter((pl.col("person_id") == person) & (pl.col("source") == s))["ref"][0]
            for s in ("hospital", "social_care")
        }
        for person in both[:3]
    }
    p_dob, p_sex, p_nhs = both[:3]
    hospital, care = data.hospital, data.social_care
    old_dob = care.filter(pl.col("case_id") == refs[p_dob]["social_care"])["dob"][0]
    day, month, year = old_dob.split("/")
    new_dob = f"{day}/{month}/{int(year) - 7}"
    care = _set(care, "case_id", refs[p_dob]["social_care"], "dob", new_dob)
    old_sex = hospital.filter(pl.col("hospital_ref") == refs[p_sex]["hospital"])["sex"][0]
    flipped = "Female" if old_sex == "Male" else "Male"
    hospital = _set(hospital, "hospital_ref", refs[p_sex]["hospital"], "sex", flipped)
    used = set(hospital["nhs_number"].str.replace_all(" ", "")) | set(care["nhs_no"])
    new_nhs = next(str(n) for n in valid_test_nhs_numbers() if str(n) not in used)
    care = _set(care, "case_id", refs[p_nhs]["social_care"], "nhs_no", new_nhs)
    linked = build(
        tmp_path_factory.mktemp("planted"),
        {"hospital": hospital, "social_care": care},
        _clean_config(),
    )
    expected = {
        source: {
            (refs[p_dob][source], DOB),
            (refs[p_sex][source], SEX),
            (refs[p_nhs][source], NHS),
        }
        for source in ("hospital", "social_care")
    }
    return Planted(linked=linked, expected=expected, values={new_dob, new_nhs, *care["case_id"]})


def _report(linked: Linked, source: str, out: Path, **kw: object):
    key = {"hospital": "hospital_ref", "social_care": "case_id"}[source]
    arguments: dict[str, object] = {
        "links": linked.links, "tokens": list(linked.tokens.values()),
        "content": linked.content, "record_key": key, "audit_log": linked.audit_log,
    }  # fmt: skip
    return discrepancy_report(linked.config, source, out, **{**arguments, **kw})  # type: ignore[arg-type]


@pytest.mark.parametrize("source", ["hospital", "social_care"])
def test_discrepancies_find_planted_and_nothing_else(planted: Planted, source: str, tmp_path):
    out = tmp_path / f"{source}.discrepancies.csv"
    report = _report(planted.linked, source, out, keys=planted.linked.keys)
    found = pl.read_csv(out, infer_schema=False)
    assert found.columns[1] == "kind"
    assert set(found.iter_rows()) == planted.expected[source]
    assert report.summary["kinds"] == {DOB: "<10", NHS: "<10", SEX: "<10"}


def test_discrepancies_hold_no_value_of_another_source(planted: Planted, tmp_path):
    out = tmp_path / "hospital.discrepancies.csv"
    report = _report(planted.linked, "hospital", out)
    data = out.read_bytes().decode("utf-8") + json.dumps(report.summary)
    tokens = pl.concat(
        [read_tokens(p).select("nhs_number", "date_of_birth", "date_of_birth_sex")
         for p in planted.linked.tokens.values()]
    )  # fmt: skip
    links = planted.linked.links_frame()
    values = planted.values | set(links["record_id"]) | set(links["person_id"])
    values |= {str(v) for c in tokens.columns for v in tokens[c].drop_nulls()}
    assert [v for v in values if v in data] == []


def test_discrepancies_compare_sex_by_its_composite_and_count_pairs(planted: Planted, tmp_path):
    tokens = [read_tokens(p) for p in planted.linked.tokens.values()]
    assert all("sex" not in t.columns and "date_of_birth_sex" in t.columns for t in tokens)
    report = _report(planted.linked, "hospital", tmp_path / "h.csv")
    assert report.summary["sex_compared_by"] == "date_of_birth_sex"
    # Every person of the error-free extracts holds at most one record per source: one pair
    # per person linked across the two, compared unless the dates of birth differ or a sex
    # is missing (none: the planted date of birth keeps its person unlinked).
    links = planted.linked.links_frame()
    persons = links.group_by("person_id").agg(pl.len().alias("n"))
    assert persons["n"].max() == 2
    both = persons.filter(pl.col("n") == 2).height
    assert report.summary["sex_pairs"] == {"compared": both, "not_compared": 0}


def _unknown_sex(tmp_path: Path, **tokens: object) -> tuple[Linked, str]:
    data = generate(
        300,
        seed=43,
        hospital=dataclasses.replace(HOSPITAL_RATES, **CLEAN),
        social_care=dataclasses.replace(SOCIAL_CARE_RATES, **CLEAN),
    )
    both = data.truth.filter(pl.col("source") == "social_care")["person_id"]
    ref = data.truth.filter(
        (pl.col("source") == "hospital") & pl.col("person_id").is_in(both.implode())
    )["ref"][0]
    hospital = _set(data.hospital, "hospital_ref", ref, "sex", "Not known")
    config = _clean_config()
    config = dataclasses.replace(config, tokens=dataclasses.replace(config.tokens, **tokens))
    linked = build(tmp_path / "p", {"hospital": hospital, "social_care": data.social_care}, config)
    return linked, ref


def test_discrepancies_unknown_sex_code_never_disagrees_in_the_composite(tmp_path: Path):
    linked, _ = _unknown_sex(tmp_path)
    with_keys = _report(linked, "hospital", tmp_path / "a.csv", keys=linked.keys)
    without = _report(linked, "hospital", tmp_path / "b.csv")
    assert pl.read_csv(tmp_path / "a.csv").height == pl.read_csv(tmp_path / "b.csv").height == 0
    assert with_keys.summary["kinds"][SEX] == without.summary["kinds"][SEX] == 0
    assert without.summary["sex_pairs"]["not_compared"] == "<10"


def test_discrepancies_standalone_sex_unknown_code_counts_only_without_keys(tmp_path: Path):
    linked, ref = _unknown_sex(tmp_path, enumerable_tokens=("sex",))
    with_keys = _report(linked, "hospital", tmp_path / "a.csv", keys=linked.keys)
    without = _report(linked, "hospital", tmp_path / "b.csv")
    assert with_keys.summary["sex_compared_by"] == "sex"
    assert pl.read_csv(tmp_path / "a.csv").height == 0
    assert pl.read_csv(tmp_path / "b.csv", infer_schema=False).rows() == [(ref, SEX)]
    assert with_keys.summary["kinds"][SEX] == 0 and without.summary["kinds"][SEX] == "<10"


def test_discrepancies_audited(planted: Planted, tmp_path):
    out = tmp_path / "d.parquet"
    report = _report(planted.linked, "social_care", out)
    entry = read_audit_entries(planted.linked.audit_log)[-1]
    assert entry is not None and entry["command"] == "discrepancies" and entry["outcome"] == "ok"
    assert entry["outputs"] == {"d.parquet": report.sha256}


def test_discrepancies_bad_requests_refused(planted: Planted, tmp_path):
    with pytest.raises(ConfigError, match="not a content column"):
        _report(planted.linked, "hospital", tmp_path / "x.csv", record_key="nhs_number")
    with pytest.raises(InputError, match="no tokens file for source 'hospital'"):
        _report(
            planted.linked, "hospital", tmp_path / "x.csv",
            tokens=[planted.linked.tokens["social_care"]],
        )  # fmt: skip
    assert not (tmp_path / "x.csv").exists()


def _rewritten(
    linked: Linked,
    folder: Path,
    change: Callable[[str, pl.DataFrame], pl.DataFrame],
    tokens_format: str,
) -> list[Path]:
    """Every tokens file with its token columns changed by ``change(source, frame)``."""
    folder.mkdir()
    paths = []
    for source, path in linked.tokens.items():
        table = pq.read_table(path)
        frame = change(source, pl.from_arrow(table))  # type: ignore[arg-type]
        metadata = {**table.schema.metadata, b"safelink.tokens_format": tokens_format.encode()}
        out = folder / path.name
        pq.write_table(frame.to_arrow().replace_schema_metadata(metadata), out)
        paths.append(out)
    return paths


def test_discrepancies_same_report_from_hex_tokens_format_1(planted: Planted, tmp_path):
    def hexed(source: str, frame: pl.DataFrame) -> pl.DataFrame:
        binary = [c for c, dtype in frame.schema.items() if dtype == pl.Binary]
        return frame.with_columns(pl.col(binary).bin.encode("hex"))

    tokens = _rewritten(planted.linked, tmp_path / "hex", hexed, "1")
    assert pl.read_parquet(tokens[0]).schema["nhs_number"] == pl.String
    raw = _report(planted.linked, "hospital", tmp_path / "raw.csv", keys=planted.linked.keys)
    hex_ = _report(
        planted.linked, "hospital", tmp_path / "hex.csv", keys=planted.linked.keys, tokens=tokens
    )
    assert hex_.sha256 == raw.sha256 and hex_.summary == raw.summary
    found = pl.read_csv(tmp_path / "hex.csv", infer_schema=False)
    assert set(found.iter_rows()) == planted.expected["hospital"]


def test_discrepancies_token_of_another_length_refused_without_its_value(
    planted: Planted, tmp_path
):
    stored = read_tokens(planted.linked.tokens["hospital"])["date_of_birth"].drop_nulls()

    def cut(source: str, frame: pl.DataFrame) -> pl.DataFrame:
        if source != "hospital":
            return frame
        return frame.with_columns(pl.col("date_of_birth").bin.slice(0, 15))

    tokens = _rewritten(planted.linked, tmp_path / "cut", cut, "2")
    with pytest.raises(InputError, match="'date_of_birth' holds tokens that are not 16-byte") as e:
        _report(planted.linked, "hospital", tmp_path / "d.csv", tokens=tokens)
    assert not [t for t in stored.head(50) if t[:30] in str(e.value)]
