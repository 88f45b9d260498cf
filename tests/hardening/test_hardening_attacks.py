"""The token-file attack self-test reports exposures and scores a frequency attack."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import polars as pl
import pytest

from safelink.attacks import audit_tokens
from safelink.config import load_config
from safelink.errors import InputError
from safelink.keys import Keyring
from safelink.pseudonymise import pseudonymise
from safelink.synthetic.extracts import generate


@pytest.fixture(scope="module")
def tokens_and_ring(tmp_path_factory: pytest.TempPathFactory) -> tuple[pl.DataFrame, Keyring]:
    base = tmp_path_factory.mktemp("attack")
    ring = Keyring.create(
        base / "k.key", project="demo", passphrase="a long passphrase here", scrypt_n=2**14
    )
    # The shared demo job (the packaged demo's also resolves addresses, which these lack).
    config = load_config(Path(__file__).resolve().parents[2] / "configs" / "demo.yaml")
    # Sex's own token asked for (a default job makes none), for the audit to flag; names keyed
    # alone, for its rank-matching attack on names to score.
    tokens = replace(
        config.tokens, bloom=True, enumerable_tokens=("sex",), names_with_birth_year=False
    )
    config = replace(config, tokens=tokens)
    extract = generate(5_000, seed=3).hospital
    return pseudonymise(extract, config, ring, source="hospital").tokens, ring


def test_audit_tokens_flags_enumerable_columns(tokens_and_ring):
    tokens, _ = tokens_and_ring
    audit = audit_tokens(tokens, hmac_sample=20_000)
    by_column = {c.column: c for c in audit.columns}
    assert by_column["sex"].enumerable and by_column["sex"].distinct <= 4
    # The demo job keys the date's parts only in composites (issue 29).
    assert "date_of_birth_month" not in by_column
    assert by_column["date_of_birth_year_month"].distinct > 12
    assert not by_column["nhs_number"].enumerable
    assert all(not a.scored for a in audit.frequency_attacks)


def test_audit_tokens_scores_frequency_attack_with_the_key(tokens_and_ring):
    tokens, ring = tokens_and_ring
    audit = audit_tokens(tokens, keys=ring, hmac_sample=20_000, attacks=False)
    attacks = {a.column: a for a in audit.frequency_attacks}
    surname = attacks["surname"]
    assert surname.scored and surname.records_correct_share is not None
    # Synthetic names come from the same list the attacker uses: the commonest surnames fall.
    assert 0.02 < surname.records_correct_share < 0.9
    # Deterministic Bloom encodings fall to the same frequency attack as plain tokens.
    assert attacks["surname_bloom"].records_correct_share == surname.records_correct_share


def test_audit_tokens_dictionary_cost_uses_measured_rate(tokens_and_ring):
    tokens, _ = tokens_and_ring
    audit = audit_tokens(tokens, hmac_sample=20_000)
    costs = {c.identifier: c for c in audit.dictionary_costs}
    expected = costs["nhs_number"].candidates / audit.hmac_per_second
    assert costs["nhs_number"].seconds_one_core == pytest.approx(expected, rel=0.01)
    assert costs["date_of_birth"].seconds_one_core < 1


def test_audit_tokens_holds_no_token_values(tokens_and_ring):
    tokens, _ = tokens_and_ring
    text = str(audit_tokens(tokens, hmac_sample=20_000).to_dict())
    for token in tokens["surname"].drop_nulls().head(50).to_list():
        assert token not in text


def test_audit_tokens_refuses_non_token_file(tmp_path: Path):
    path = tmp_path / "x.parquet"
    pl.DataFrame({"a": [1]}).write_parquet(path)
    with pytest.raises(InputError, match="not a safelink tokens file"):
        audit_tokens(path)


def test_audit_tokens_reports_the_coarser_canonical_forename(tokens_and_ring):
    tokens, ring = tokens_and_ring
    audit = audit_tokens(tokens, keys=ring, hmac_sample=20_000, attacks=False)
    by_column = {c.column: c for c in audit.columns}
    canonical, forename = by_column["forename_canonical"], by_column["forename"]
    assert canonical.distinct < forename.distinct
    assert canonical.top_share >= forename.top_share
    attack = {a.column: a for a in audit.frequency_attacks}["forename_canonical"]
    assert attack.scored and attack.records_correct_share is not None
    assert attack.records_correct_share > 0.0
    assert "forename_canonical" in {c.identifier for c in audit.dictionary_costs}
    assert any("forename_canonical is coarser" in note for note in audit.notes)


def test_audit_tokens_reports_address_tokens_households_and_streets(keyring: Keyring) -> None:
    from safelink.config import parse_config

    config = parse_config(
        {
            "project": keyring.project,
            "sources": {"s": {"columns": {"addr": {"role": "identifier", "kind": "address"}}}},
        }
    )
    # Two households of two (one written two ways), a lone house, and a corner.
    written = [
        "Flat 1, 21 Ash Grove London NW2 3LN",
        "21A Ash Grove, London",
        "4 Elm Road",
        "4 Elm Rd.",
        "23 Ash Grove",
        "Cnr Elm Road & Ash Grove",
    ]
    tokens = pseudonymise(pl.DataFrame({"addr": written}), config, keyring).tokens
    audit = audit_tokens(tokens, hmac_sample=20_000)
    exposures = {e.column: e for e in audit.address_exposures}
    building = exposures["address_number_street"]
    assert (building.non_null, building.distinct, building.largest_group) == (5, 3, 2)
    assert building.shared_share == 0.8
    street = exposures["address_street"]
    assert (street.distinct, street.largest_group) == (2, 3)
    assert exposures["address"].distinct == 5  # 4 Elm Road and 4 Elm Rd. are one address
    assert {c.identifier for c in audit.dictionary_costs} >= {"address", "address_street"}
    assert any("household" in note for note in audit.notes)
    assert "Ash" not in str(audit.to_dict()) and "ASH" not in str(audit.to_dict())
