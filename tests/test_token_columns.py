"""Only the tokens a job's link section reads are made; enumerable columns are warned about."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import polars as pl
import pytest

from safelink.cli.scan import draft_warning
from safelink.config import TokenSettings, parse_config
from safelink.config._link import ENUMERABLE_COLUMNS, enumerable_warning
from safelink.errors import LinkageError
from safelink.keys import Keyring
from safelink.link import link_files
from safelink.pseudonymise import output_paths, pseudonymise, pseudonymise_file

COLUMNS = {
    "nhs": {"role": "identifier", "kind": "nhs_number"},
    "first": {"role": "identifier", "kind": "forename"},
    "last": {"role": "identifier", "kind": "surname"},
    "dob": {"role": "identifier", "kind": "date_of_birth"},
    "pc": {"role": "identifier", "kind": "postcode"},
    "sex": {"role": "identifier", "kind": "sex"},
}
FRAME = pl.DataFrame(
    {
        "nhs": ["9434765919"],
        "first": ["Ann"],
        "last": ["Smith"],
        "dob": ["1975-03-04"],
        "pc": ["SW1A 1AA"],
        "sex": ["F"],
    }
)
NARROW_LINK = {
    "cascade": {
        "nhs_number_partner": ["date_of_birth"],
        "match_keys": [{"name": "k", "columns": ["forename", "surname", "date_of_birth"]}],
    },
    "probabilistic": {
        "comparisons": ["nhs_number", "forename", "date_of_birth"],
        "term_frequency": ["forename"],
        "blocking": [["date_of_birth"]],
        "training_blocking": [["date_of_birth"]],
    },
}


def _job(link: dict[str, object] | None) -> object:
    document: dict[str, object] = {"project": "test", "sources": {"h": {"columns": COLUMNS}}}
    if link is not None:
        document["link"] = link
    return parse_config(document)


def test_pseudonymise_job_makes_only_the_tokens_its_link_section_reads(keyring: Keyring) -> None:
    tokens = pseudonymise(FRAME, _job(NARROW_LINK), keyring, source="h").tokens  # type: ignore[arg-type]
    made = set(tokens.columns)
    # Every identifier's full-value token is made, but sex's: enumerable, and nothing reads it.
    assert {"nhs_number", "forename", "surname", "date_of_birth", "postcode"} <= made
    # What the forename and date-of-birth comparisons read is made, as keyed composites, and
    # what the owners' discrepancy report reads (sex keyed with the date of birth) ...
    assert {"forename_nysiis", "date_of_birth_year_month", "forename_initial_postcode"} <= made
    assert "date_of_birth_sex" in made
    # ... and nothing else, nor any enumerable part alone.
    assert not made & {"postcode_sector_date_of_birth_year", "surname_nysiis", "postcode_sex"}
    assert not made & ENUMERABLE_COLUMNS


def test_pseudonymise_lone_source_makes_every_derived_token(keyring: Keyring) -> None:
    source = _job(None).sources["h"]  # type: ignore[attr-defined]
    tokens = pseudonymise(FRAME, source, keyring).tokens
    assert {"postcode_district", "surname_initial", "date_of_birth_day"} <= set(tokens.columns)


def test_link_config_enumerable_columns_named_in_warning() -> None:
    link = {
        **NARROW_LINK,
        "probabilistic": {**NARROW_LINK["probabilistic"], "blocking": [["date_of_birth_year"]]},  # type: ignore[dict-item]
    }
    columns = _job(link).link.enumerable_columns()  # type: ignore[attr-defined]
    assert columns == ["date_of_birth_year"]
    warning = enumerable_warning(columns)
    assert warning is not None
    assert "date_of_birth_year" in warning and "composite" in warning


def test_default_link_section_reads_no_enumerable_column() -> None:
    assert _job(None).link.enumerable_columns() == []  # type: ignore[attr-defined]
    assert _job(NARROW_LINK).link.enumerable_columns() == []  # type: ignore[attr-defined]


def test_enumerable_warning_none_without_enumerable_columns() -> None:
    assert enumerable_warning([]) is None


def test_draft_warning_names_enumerable_columns_of_a_drafted_link(tmp_path: Path) -> None:
    draft = tmp_path / "job.yaml"
    draft.write_text(
        "link:\n  probabilistic:\n    comparisons: [forename, sex]\n"
        "    blocking: [[postcode_district], [sex]]\n",
        encoding="utf-8",
    )
    warning = draft_warning(draft)
    assert warning is not None and "sex" in warning and "postcode_district" in warning


@pytest.mark.parametrize("text", ["project: x\n", "link:\n  probabilistic: {enabled: false}\n"])
def test_draft_warning_none_for_draft_without_enumerable_link(tmp_path: Path, text: str) -> None:
    draft = tmp_path / "job.yaml"
    draft.write_text(text + "  cascade: {enabled: false}\n" if "link" in text else text)
    assert draft_warning(draft) is None


def test_link_refuses_files_whose_names_were_keyed_differently(
    keyring: Keyring, tmp_path: Path
) -> None:
    document: dict[str, object] = {
        "project": "test",
        "sources": {"a": {"columns": COLUMNS}, "b": {"columns": COLUMNS}},
        "link": NARROW_LINK,
    }
    job = parse_config(document)
    alone = dataclasses.replace(job, tokens=TokenSettings(names_with_birth_year=False))
    path = tmp_path / "x.csv"
    FRAME.write_csv(path)
    pseudonymise_file(path, job, keyring, tmp_path / "out", source="a")
    pseudonymise_file(path, alone, keyring, tmp_path / "out", source="b")
    files = [output_paths(tmp_path / "out", s)["tokens"] for s in ("a", "b")]
    with pytest.raises(LinkageError, match="keyed differently") as caught:
        link_files(files, job, tmp_path / "linked")
    assert "with the year of birth" in str(caught.value) and "alone" in str(caught.value)
