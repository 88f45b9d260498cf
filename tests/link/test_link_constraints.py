"""Constrained clustering: sources that hold one record per person, different NHS numbers."""

from __future__ import annotations

import dataclasses
from typing import Any

import polars as pl
import pytest

from safelink.config import JobConfig, TokenSettings
from safelink.errors import LinkageError
from safelink.keys import Keyring
from safelink.link import LinkageResult, link
from safelink.normalise.composite import COMPOSITES
from safelink.pseudonymise import Pseudonymised, pseudonymise
from safelink.pseudonymise.api import _local_tokeniser
from safelink.synthetic.corruption import PROFILES
from safelink.synthetic.extracts import generate, record_truth

COLUMNS = ("record_id", "nhs_number", "forename", "surname", "date_of_birth")
KEYS = [
    {"name": "name_dob", "columns": ["forename", "surname", "date_of_birth"]},
    {"name": "surname_dob", "columns": ["surname", "date_of_birth"]},
]


def tokens(*rows: tuple[str | None, ...]) -> pl.DataFrame:
    """A tokens frame of ``rows`` (record id, NHS number, forename, surname, date of birth)."""
    return pl.DataFrame(list(rows), schema=dict.fromkeys(COLUMNS, pl.String), orient="row")


def section(**settings: Any) -> dict[str, Any]:
    """A link section with the two match keys above and no probabilistic step."""
    return {
        "cascade": {"nhs_number_partner": [], "match_keys": KEYS},
        "probabilistic": {"enabled": False},
        **settings,
    }


def persons(result: LinkageResult) -> set[frozenset[str]]:
    """The persons of more than one record, as sets of ``source:record_id``."""
    grouped = result.links.group_by("person_id").agg(
        (pl.col("source") + ":" + pl.col("record_id")).alias("members")
    )
    return {frozenset(m) for m in grouped["members"].to_list() if len(m) > 1}


# Twins in hospital (one record each, different NHS numbers); social care holds one record of
# each without an NHS number. The within-social-care pass links the twins' records by surname
# and date of birth, which would chain the two hospital patients into one person.
HOSPITAL = tokens(("h1", "nA", "ANNA", "LEE", "d1"), ("h2", "nB", "ZOE", "LEE", "d1"))
SOCIAL_CARE = tokens(("s1", None, "ANNA", "LEE", "d1"), ("s2", None, "ZOE", "LEE", "d1"))
SOURCES = ["hospital", "social_care"]


def test_components_chain_two_hospital_patients_without_constraints():
    settings = section(one_record_per_person=False, keep_apart_different_nhs_numbers=False)
    result = link([HOSPITAL, SOCIAL_CARE], settings, sources=SOURCES)
    assert persons(result) == {
        frozenset({"hospital:h1", "hospital:h2", "social_care:s1", "social_care:s2"})
    }
    assert result.report.constraints["refused_links"] == {
        "one_record_per_person": 0,
        "different_nhs_numbers": 0,
    }


def test_one_record_per_person_source_never_shares_a_person_strongest_links_win():
    settings = section(
        one_record_per_person={"hospital": True, "social_care": False},
        keep_apart_different_nhs_numbers=False,
    )
    result = link([HOSPITAL, SOCIAL_CARE], settings, sources=SOURCES)
    # name_dob (the stronger step) joins each twin's records; surname_dob's links that would
    # merge the twins are refused and counted.
    assert persons(result) == {
        frozenset({"hospital:h1", "social_care:s1"}),
        frozenset({"hospital:h2", "social_care:s2"}),
    }
    constraints = result.report.constraints
    assert constraints["one_record_per_person"] == ["hospital"]
    assert constraints["refused_links"] == {"one_record_per_person": 1, "different_nhs_numbers": 0}
    assert constraints["refused_by_step"] == [
        {"step": "surname_dob", "one_record_per_person": 1, "different_nhs_numbers": 0}
    ]
    steps = {row["step"]: row["links"] for row in result.report.steps}
    assert steps == {"name_dob": 2, "surname_dob": 0, "probabilistic": 0}


def test_different_nhs_numbers_kept_apart_within_a_source_and_along_chains():
    settings = section(one_record_per_person=False, keep_apart_different_nhs_numbers=True)
    # Within one provider, two registrations with different NHS numbers are two people.
    within = tokens(("s1", "nA", "ANNA", "LEE", "d1"), ("s2", "nB", "ANNA", "LEE", "d1"))
    result = link([tokens(("h1", None, "OMAR", "KHAN", "d2")), within], settings, sources=SOURCES)
    assert persons(result) == set()
    assert result.report.constraints["refused_links"]["different_nhs_numbers"] == 1
    # A chain: s1 (no number) joins h1 (nA) by name and h2 (nB) by surname and date of birth
    # only, which would put nA and nB in one person; the weaker link is refused, and so is the
    # within-hospital link between h1 and h2.
    hospital = tokens(("h1", "nA", "ANNA", "LEE", "d1"), ("h2", "nB", "ZOE", "LEE", "d1"))
    social_care = tokens(("s1", None, "ANNA", "LEE", "d1"))
    result = link([hospital, social_care], settings, sources=SOURCES)
    assert persons(result) == {frozenset({"hospital:h1", "social_care:s1"})}
    assert result.report.constraints["refused_by_step"] == [
        {"step": "surname_dob", "one_record_per_person": 0, "different_nhs_numbers": 2}
    ]


def test_two_providers_disagreeing_on_the_nhs_number_are_judged_by_the_link():
    settings = section(one_record_per_person=False, keep_apart_different_nhs_numbers=True)
    left = tokens(("a1", "nA", "ANNA", "LEE", "d1"))
    right = tokens(("b1", "nB", "ANNA", "LEE", "d1"))
    result = link([left, right], settings, sources=SOURCES)
    assert persons(result) == {frozenset({"hospital:a1", "social_care:b1"})}
    assert result.report.constraints["refused_links"]["different_nhs_numbers"] == 0


def test_nhs_number_seen_with_two_dates_of_birth_keeps_no_one_apart():
    settings = section(one_record_per_person=False, keep_apart_different_nhs_numbers=True)
    hospital = tokens(("h1", None, "OMAR", "KHAN", "d2"), ("h2", "nB", "RUTH", "COLE", "d9"))
    within = tokens(("s1", "nA", "ANNA", "LEE", "d1"), ("s2", "nB", "ANNA", "LEE", "d1"))
    result = link([hospital, within], settings, sources=SOURCES)
    # nB comes with two dates of birth (h2 and s2): wrong on one record, so s1 and s2 join.
    assert frozenset({"social_care:s1", "social_care:s2"}) in persons(result)
    assert result.report.constraints["refused_links"]["different_nhs_numbers"] == 0


def test_record_links_to_every_duplicate_but_only_one_record_of_a_one_per_person_source():
    settings = section(
        one_record_per_person={"hospital": True, "social_care": False},
        keep_apart_different_nhs_numbers=False,
    )
    hospital = tokens(("h1", None, "ANNA", "LEE", "d1"), ("h2", None, "OMAR", "KHAN", "d2"))
    hospital = pl.concat([hospital, tokens(("h3", None, "OMAR", "KHAN", "d2"))])
    social_care = tokens(
        ("s1", None, "ANNA", "LEE", "d1"),  # twice: social care holds duplicates
        ("s2", None, "ANNA", "LEE", "d1"),
        ("s3", None, "OMAR", "KHAN", "d2"),  # matches two hospital records: ambiguous
    )
    result = link([hospital, social_care], settings, sources=SOURCES)
    assert persons(result) == {
        frozenset({"hospital:h1", "social_care:s1", "social_care:s2"}),
    }


def test_per_source_setting_must_name_every_source():
    settings = section(one_record_per_person={"hospital": True})
    with pytest.raises(LinkageError, match=r"does not say whether source\(s\) \['social_care'\]"):
        link([HOSPITAL, SOCIAL_CARE], settings, sources=SOURCES)


def _measured(result: LinkageResult) -> dict[str, Any]:
    hospital_twice = (
        result.links.filter(pl.col("source") == "hospital")
        .group_by("person_id")
        .len()
        .filter(pl.col("len") > 1)
        .height
    )
    return {**(result.report.truth or {}), "hospital_twice": hospital_twice}


def test_hard_profile_constraints_raise_precision_without_losing_recall(
    demo_config: JobConfig, tmp_path
):
    """Twins and siblings at one address, duplicate social-care records, NHS numbers missing."""
    data = generate(3_000, seed=5, **PROFILES["hard"])  # type: ignore[arg-type]
    keys = Keyring.create(
        tmp_path / "k.key",
        project="demo",
        passphrase="correct horse battery staple",
        scrypt_n=2**14,
    )
    done = [pseudonymise(f, demo_config, keys, source=s) for s, f in data.frames().items()]
    truth = record_truth(data.truth, {p.summary.source: p.content for p in done})

    def run(**changes: Any) -> dict[str, Any]:
        job = dataclasses.replace(
            demo_config, link=dataclasses.replace(demo_config.link, **changes)
        )
        return _measured(link(done, job, truth=truth))

    before = run(one_record_per_person=False, keep_apart_different_nhs_numbers=False)
    after = run(
        one_record_per_person={"hospital": True, "social_care": False},
        keep_apart_different_nhs_numbers=True,
    )
    assert before["hospital_twice"] > 10 and after["hospital_twice"] == 0
    assert after["precision"] > before["precision"] + 0.03
    assert after["recall"] > before["recall"] - 0.005
    assert after["f1"] > before["f1"]


def _alone(frame: pl.DataFrame, job: JobConfig, source: str, keys: Keyring) -> Pseudonymised:
    """Every derived token of a source (as a lone source config), names keyed alone."""
    settings = TokenSettings(names_with_birth_year=False)
    tokeniser = _local_tokeniser(job.sources[source], keys, settings, None, None)
    columns = job.sources[source].columns
    tokens, content = tokeniser.batch(frame.select(pl.col(c.name).cast(pl.String) for c in columns))
    return Pseudonymised(tokens=tokens, content=content, summary=tokeniser.summary({}, {}))


def test_hard_profile_shuffled_rows_give_the_same_persons_and_em_underflow_is_survived(
    demo_config: JobConfig, tmp_path
):
    """Row order and record ids change nothing, constraints and all; and a training rule whose
    EM underflows (Splink refuses an m probability under 1e-300) is skipped and reported."""
    data = generate(1_000, seed=9, **PROFILES["hard"])  # type: ignore[arg-type]
    keys = Keyring.create(tmp_path / "k.key", project="demo", passphrase="x" * 12, scrypt_n=2**14)
    settings = dataclasses.replace(
        demo_config.link, one_record_per_person={"hospital": True, "social_care": False}
    )
    job = dataclasses.replace(demo_config, link=settings)
    refs = {"hospital": "hospital_ref", "social_care": "case_id"}
    runs, reports = [], []
    for seed in (1, 2):
        # Each source alone makes every derived token; without the composites (and with names
        # keyed alone) the comparisons read the standalone date-of-birth parts and sex, whose
        # EM underflows on the postcode rule here.
        done = [
            _alone(f.sample(fraction=1.0, shuffle=True, seed=seed), job, s, keys)
            for s, f in data.frames().items()
        ]
        standalone = [c for c in COMPOSITES if c not in settings.required_columns()]
        done = [dataclasses.replace(p, tokens=p.tokens.drop(standalone)) for p in done]
        result = link(done, job)
        ids = pl.concat(
            [
                p.content.select("record_id", pl.col(refs[p.summary.source]).alias("ref"))
                for p in done
            ]
        )
        runs.append(result.links.join(ids, on="record_id").drop("record_id").sort("source", "ref"))
        reports.append(result.report)
    assert runs[0].equals(runs[1])
    assert reports[0].model["em_rules_skipped"] == [["postcode"]]
    for part in ("sources", "steps", "constraints", "estimates", "model"):
        assert getattr(reports[0], part) == getattr(reports[1], part), part
