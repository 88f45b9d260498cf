"""Identifiers of kind ``other``: declared normalisation, tokens per comparison, the model."""

from __future__ import annotations

import random
from typing import Any

import polars as pl
import pytest

from safelink.config import ColumnSpec, GenericNormalise, parse_config
from safelink.engines.backend import DuckDBBackend, PolarsBackend
from safelink.engines.sql import quote
from safelink.errors import ConfigError
from safelink.identifiers import Identifier
from safelink.keys import Keyring
from safelink.link import link
from safelink.normalise import normalise
from safelink.normalise.rules import apply_rule, rule_for
from safelink.pseudonymise import output_paths, pseudonymise, pseudonymise_file
from safelink.pseudonymise.bloom import dice
from tests.normalise_cases import TODAY

COLUMNS: dict[str, Any] = {
    "client": {
        "role": "identifier",
        "kind": "other",
        "normalise": {"punctuation": True, "pattern": "^[A-Z0-9]{6}$"},
    },
    "suburb": {"role": "identifier", "kind": "other", "compare": "bloom"},
    "born": {
        "role": "identifier",
        "kind": "other",
        "normalise": {"digits_only": True},
        "compare": "date",
    },
    "age": {
        "role": "identifier",
        "kind": "other",
        "compare": {"method": "numeric", "tolerance": 2},
    },
    "zip": {
        "role": "identifier",
        "kind": "other",
        "token_name": "post_code",
        "compare": {"method": "prefix", "length": 2},
    },
}


def config(**columns: Any) -> Any:
    """A job with sources ``a`` and ``b`` holding ``columns``."""
    source = {"columns": columns or COLUMNS}
    return parse_config({"project": "test", "sources": {"a": source, "b": source}})


def test_generic_settings_validated_at_load():
    bad = {
        "n": {"role": "identifier", "kind": "nhs_number", "compare": "exact"},
        "x": {"role": "identifier", "kind": "other", "compare": "numeric"},
        "y": {"role": "identifier", "kind": "other", "normalise": {"pattern": r"^\d+$"}},
        "z": {"role": "identifier", "kind": "other", "compare": {"method": "date", "length": 2}},
    }
    with pytest.raises(ConfigError) as info:
        config(**bad)
    problems = "\n".join(info.value.problems)
    assert "columns.n.compare: is only for kind: other" in problems
    assert "columns.x.compare.tolerance: compare: numeric needs a tolerance" in problems
    assert "columns.y.normalise.pattern: is not a portable regular expression" in problems
    assert "columns.z.compare.length: is only for method: prefix" in problems


def test_generic_token_column_is_the_column_name_unless_named():
    spec = config().sources["a"].columns
    named = {s.name: s for s in spec}
    assert named["client"].token_column == "client"
    assert named["zip"].token_column == "post_code"
    assert ColumnSpec(name="a b", role="identifier", kind=Identifier.OTHER, token_name="ab")


VALUES = ["  ab-12cd ", "AB12CD", "ab 12 c", None, "   ", "x1-2.3/4 5"]


@pytest.mark.parametrize("backend", [PolarsBackend(), DuckDBBackend()], ids=["polars", "duckdb"])
def test_generic_rule_same_on_every_local_engine(backend: Any):
    settings = config().sources["a"].columns[0].generic_normalise
    rule = rule_for(Identifier.OTHER, quote("raw"), "__g_", today=TODAY, generic=settings)
    table = pl.DataFrame({"i": range(len(VALUES)), "raw": VALUES})
    added = backend.collect(apply_rule(backend, backend.table(table), rule)).sort("i")
    assert list(added.select(rule.value, rule.reason).iter_rows()) == [
        ("AB12CD", None),
        ("AB12CD", None),
        (None, "invalid_format"),  # AB12 C: spaces are kept
        (None, None),
        (None, None),
        (None, "invalid_format"),
    ]


def test_generic_normalise_steps():
    spec = config().sources["a"].columns[2]  # born: digits only
    result = normalise(
        Identifier.OTHER, pl.Series(["1956-04-09", "09/04/56 "]), generic=spec.normalise
    )
    assert result.values.to_list() == ["19560409", "090456"]
    lower = parse_config(
        {
            "project": "p",
            "sources": {"a": {"columns": {"s": {"role": "identifier", "kind": "other",
                                                "normalise": {"case": "lower", "trim": False}}}}},
        }
    ).sources["a"].columns[0]  # fmt: skip
    kept = normalise(Identifier.OTHER, pl.Series([" Ab  C "]), generic=lower.normalise)
    assert kept.values.to_list() == [" ab  c "]
    joined = GenericNormalise(spaces=False)
    squeezed = normalise(Identifier.OTHER, pl.Series(["dowling s  treet"]), generic=joined)
    assert squeezed.values.to_list() == ["DOWLINGSTREET"]


def rows() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "client": ["AB-12CD", "ZZ9999", None],
            "suburb": ["North Sydney", "Bondi", "Manly"],
            "born": ["19560409", "1956-09-04", "1980-13-01"],
            "age": ["41", "40.5", "n/a"],
            "zip": ["2060", "2026", "2095"],
        }
    )


def test_generic_tokens_one_column_per_comparison(keyring: Keyring):
    tokens = pseudonymise(rows(), config(), keyring, source="a").tokens
    expected = {
        "record_id", "client", "suburb", "suburb_bloom", "born", "born_ymd", "born_swapped",
        "born_year", "born_month", "born_day", "age", "age_band", "age_band_next",
        "post_code", "post_code_prefix",
    }  # fmt: skip
    assert set(tokens.columns) == expected
    # Day and month swapped: 1956-09-04's swapped token is 1956-04-09's date token.
    assert tokens["born_swapped"][1] == tokens["born_ymd"][0]
    assert tokens["born_year"][0] == tokens["born_year"][1]
    assert tokens["born"][2] is not None and tokens["born_ymd"][2] is None  # month 13
    # 41 and 40.5 are within the tolerance (2): bands 20 and 20.
    assert tokens["age_band"][0] == tokens["age_band"][1]
    assert tokens["age_band"][2] is None
    assert tokens["post_code_prefix"][0] == tokens["post_code_prefix"][1]
    # One key per token column: equal texts in different identifiers never share a token.
    same = pseudonymise(
        pl.DataFrame({"client": ["2060"], "suburb": ["2060"], "born": ["2060"], "age": ["1"],
                      "zip": ["2060"]}),
        config(), keyring, source="a",
    ).tokens  # fmt: skip
    assert len({same["client"][0], same["suburb"][0], same["post_code"][0]}) == 3


def test_generic_bloom_encodings_keyed_and_similar_for_similar_text(keyring: Keyring):
    frame = pl.DataFrame({"client": None, "suburb": ["NORTH SYDNEY", "NORTH SYDNY", "PERTH"],
                          "born": None, "age": None, "zip": None}, schema_overrides={
                          c: pl.String for c in ("client", "born", "age", "zip")})  # fmt: skip
    blooms = pseudonymise(frame, config(), keyring, source="a").tokens["suburb_bloom"].to_list()
    assert dice(blooms[0], blooms[1]) > 0.8 > dice(blooms[0], blooms[2])


def people(seed: int, count: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Two extracts of ``count`` people with generic identifiers; the second with errors."""
    rng = random.Random(seed)
    places = ["NORTH SYDNEY", "BONDI", "MANLY", "PARRAMATTA", "CHATSWOOD", "RYDE", "MOSMAN"]
    left = {"client": [], "suburb": [], "born": [], "age": [], "zip": []}
    right = {k: [] for k in left}
    for i in range(count):
        client = f"C{i:05d}"
        suburb = rng.choice(places) + f" {rng.randrange(30)}"
        year, month, day = rng.randrange(1930, 2005), rng.randrange(1, 13), rng.randrange(1, 29)
        zip_code = str(rng.randrange(2000, 2999))
        age = 2020 - year
        for side, text in ((left, suburb), (right, suburb)):
            side["client"].append(client if side is left or i % 3 else None)
            side["suburb"].append(text)
            side["born"].append(f"{year}{month:02d}{day:02d}")
            side["age"].append(str(age))
            side["zip"].append(zip_code)
        if i % 4 == 0:  # a typo in the suburb, day and month swapped, the age one out
            right["suburb"][-1] = suburb[:2] + suburb[3:]
            right["born"][-1] = f"{year}{day:02d}{month:02d}" if day <= 12 else right["born"][-1]
            right["age"][-1] = str(age + 1)
    return pl.DataFrame(left), pl.DataFrame(right)


def test_generic_identifiers_link_by_key_and_model_without_uk_kinds(keyring: Keyring):
    left, right = people(7, 400)
    job = config()
    tokens = [
        pseudonymise(f, job, keyring, source=s).tokens for f, s in ((left, "a"), (right, "b"))
    ]
    settings = {
        "cascade": {"match_keys": [{"name": "client", "columns": ["client"]}]},
        "probabilistic": {
            "comparisons": ["suburb", "born", "age", "post_code"],
            "term_frequency": [],
            "blocking": [["born_year", "post_code_prefix"], ["suburb"], ["born_ymd"]],
            "training_blocking": [["born_year"], ["post_code"]],
            "threshold": 0.9,
        },
    }
    result = link(tokens, settings, sources=["a", "b"])
    steps = {k for k in result.report.timings if k.startswith("step_")}
    assert steps == {"step_client_seconds", "step_probabilistic_seconds"}
    # Tokens keep the input's row order: a record's row is its person.
    person = {r: i for t in tokens for i, r in enumerate(t["record_id"].to_list())}
    found = result.links.group_by("person_id").agg(pl.col("record_id"))
    pairs = [ids for ids in found["record_id"].to_list() if len(ids) > 1]
    assert all(len(ids) == 2 and person[ids[0]] == person[ids[1]] for ids in pairs)
    # Every person is found, by the shared client id (two in three) or by the model.
    assert len(pairs) >= 390
    labels = {f"{p.get('comparison')}: {p.get('level')}" for p in result.report.model["parameters"]}
    assert {"suburb: bloom dice >= 0.9", "born: day and month swapped",
            "age: within the tolerance band", "post_code: prefix agrees"} <= labels  # fmt: skip


@pytest.mark.parametrize("name", ["febrl4", "febrl3"])
def test_febrl_configs_link_only_on_token_columns_they_make(name: str):
    from pathlib import Path

    from safelink.config import load_config
    from safelink.pseudonymise import bloom_purpose, token_plan

    job = load_config(Path(__file__).resolve().parents[1] / "configs" / f"{name}.yaml")
    for source in job.sources.values():
        made = {c for s in source.identifiers for c, _, _ in token_plan(s, job.tokens)}
        made |= {
            f"{s.token_column}_bloom" for s in source.identifiers if bloom_purpose(s, job.tokens)
        }
        assert set(job.link.for_columns(made).required_columns()) <= made
        assert {"address_1_bloom", "suburb_bloom", "dob_swapped", "postcode_au_prefix"} <= made


def test_audit_tokens_covers_generic_bloom_encodings(keyring: Keyring):
    from safelink.attacks import audit_tokens

    left, _ = people(3, 200)
    tokens = pseudonymise(left, config(), keyring, source="a").tokens
    audit = audit_tokens(tokens, hmac_sample=20_000)
    (bloom,) = audit.bloom_exposures
    assert bloom.column == "suburb_bloom" and bloom.non_null == 200
    assert bloom.distinct == left["suburb"].n_unique() and 0 < bloom.mean_fill < 0.5
    assert any("suburb_bloom" in note and "kind: other" in note for note in audit.notes)
    text = str(audit.to_dict())
    assert not any(value in text for value in tokens["suburb_bloom"].to_list())


def test_cli_audit_tokens_shows_bloom_encodings(keyring: Keyring, tmp_path, run_cli):
    left, _ = people(3, 200)
    left.write_csv(tmp_path / "a.csv")
    pseudonymise_file(tmp_path / "a.csv", config(), keyring, tmp_path / "out", source="a")
    result = run_cli("audit", "tokens", str(output_paths(tmp_path / "out", "a")["tokens"]))
    assert result.code == 0, result.stderr
    assert "Bloom encodings" in result.stdout and "suburb_bloom" in result.stdout


def test_key_group_shares_the_key_across_columns(keyring: Keyring):
    line = {"role": "identifier", "kind": "other", "key_group": "address"}
    job = config(line_1=line, line_2=line, town={"role": "identifier", "kind": "other"})
    frame = pl.DataFrame({"line_1": ["1 HIGH ST"], "line_2": ["1 HIGH ST"], "town": ["1 HIGH ST"]})
    tokens = pseudonymise(frame, job, keyring, source="a").tokens
    assert tokens["line_1"][0] == tokens["line_2"][0] != tokens["town"][0]
    with pytest.raises(ConfigError, match="key_group: is only for kind: other"):
        config(n={"role": "identifier", "kind": "surname", "key_group": "x"})
