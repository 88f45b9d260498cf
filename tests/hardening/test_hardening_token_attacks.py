"""Frequency alignment and graph matching recover standalone enumerable tokens (CI).

The attacks of :mod:`safelink.token_attacks` run on a synthetic extract pseudonymised with
standalone low-cardinality tokens (sex, initials, date-of-birth parts), scored with the key.
They must recover a lot from those columns: if they did not, the attacks (not the tokens)
would be broken, and the figures in SECURITY.md would mean nothing.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest

from safelink.attacks import audit_tokens
from safelink.config import SourceConfig, TokenSettings, load_config
from safelink.keys import Keyring
from safelink.pseudonymise import pseudonymise
from safelink.pseudonymise.tokenise import Tokeniser, derive_subkeys
from safelink.synthetic.corruption import PROFILES
from safelink.synthetic.extracts import generate
from safelink.token_attacks import ColumnAttack, attack_columns, public_population

STANDALONE = TokenSettings(names_with_birth_year=False)


@pytest.fixture(scope="module")
def standalone(tmp_path_factory: pytest.TempPathFactory) -> tuple[pl.DataFrame, Keyring]:
    base = tmp_path_factory.mktemp("token-attacks")
    ring = Keyring.create(
        base / "k.key", project="demo", passphrase="a long passphrase here", scrypt_n=2**14
    )
    # The demo job without addresses (the packaged demo resolves them against its gazetteer).
    config = load_config(Path(__file__).resolve().parents[2] / "configs" / "demo.yaml")
    source: SourceConfig = config.sources["social_care"]
    data = generate(4_000, seed=11, **PROFILES["hard"])  # type: ignore[arg-type]
    # Every derived token (no link section chooses), names keyed alone: the standalone
    # columns of before issue 29.
    subkeys = derive_subkeys(source, STANDALONE, ring.namespace_key("link"))
    tokeniser = Tokeniser(source, subkeys, "kid", STANDALONE, lambda n: pa.nulls(n, pa.string()))
    text = data.social_care.select(pl.col(c.name).cast(pl.String) for c in source.columns)
    return tokeniser.batch(text)[0], ring


@pytest.fixture(scope="module")
def population() -> pl.DataFrame:
    return public_population(30_000)


@pytest.fixture(scope="module")
def results(standalone, population) -> dict[str, ColumnAttack]:
    tokens, ring = standalone
    attacks = attack_columns(tokens, ring, population=population, settings=STANDALONE)
    return {a.column: a for a in attacks}


def test_attacks_recover_sex_from_its_standalone_token(results) -> None:
    assert results["sex"].distinct <= 3
    assert results["sex"].frequency_recovered == pytest.approx(1.0, abs=0.05)
    assert results["sex"].graph_recovered == pytest.approx(1.0, abs=0.05)


@pytest.mark.parametrize("column", ["forename_initial", "surname_initial"])
def test_attacks_recover_initials_from_standalone_tokens(results, column: str) -> None:
    attack = results[column]
    assert attack.frequency_recovered is not None and attack.graph_recovered is not None
    assert max(attack.frequency_recovered, attack.graph_recovered) > 0.2  # chance: ~0.04


def test_graph_matching_recovers_more_forenames_than_frequency_alone(results) -> None:
    forename = results["forename"]
    assert forename.frequency_recovered is not None and forename.graph_recovered is not None
    # The neighbourhood (sex, surname's community, initials) singles names out.
    assert forename.graph_recovered > forename.frequency_recovered
    assert forename.graph_recovered > 0.02


def test_attacks_recover_date_of_birth_parts(results) -> None:
    for column in ("date_of_birth_year", "date_of_birth_month", "date_of_birth_day"):
        attack = results[column]
        assert attack.frequency_recovered is not None and attack.graph_recovered is not None
        # Near-uniform parts (days, months) fall to the neighbourhood more than to rank.
        assert max(attack.frequency_recovered, attack.graph_recovered) > 0.03


def test_attacks_recover_nothing_from_unique_tokens(results) -> None:
    # NHS numbers and full postcodes are all but unique: their frequencies say nothing.
    for column in ("nhs_number", "postcode"):
        assert results[column].frequency_recovered is not None
        assert results[column].frequency_recovered < 0.01
        assert results[column].graph_recovered is not None
        assert results[column].graph_recovered < 0.01


def test_attacks_unscored_without_the_key(standalone, population) -> None:
    tokens, _ = standalone
    attacks = attack_columns(tokens, None, population=population)
    assert attacks and all(
        a.frequency_recovered is None and a.graph_recovered is None for a in attacks
    )


def test_audit_tokens_reports_column_attacks(standalone, tmp_path: Path) -> None:
    tokens, ring = standalone
    audit = audit_tokens(tokens.head(1_000), keys=ring, hmac_sample=10_000)
    columns = {a.column for a in audit.column_attacks}
    assert {"sex", "forename", "date_of_birth_year"} <= columns
    assert all(a.graph_recovered is not None for a in audit.column_attacks)
    assert "column_attacks" in audit.to_dict()
    skipped = audit_tokens(tokens.head(100), keys=ring, hmac_sample=1_000, attacks=False)
    assert skipped.column_attacks == ()


def test_default_job_names_keyed_with_birth_year_resist_both_attacks(standalone, population):
    # The same extract through the demo job (names keyed with the year of birth, issue 29):
    # what the attacks recover from the standalone names falls to about nothing.
    _, ring = standalone
    config = load_config(Path(__file__).resolve().parents[2] / "configs" / "demo.yaml")
    data = generate(4_000, seed=11, **PROFILES["hard"])  # type: ignore[arg-type]
    tokens = pseudonymise(data.social_care, config, ring, source="social_care").tokens
    attacks = {a.column: a for a in attack_columns(tokens, ring, population=population)}
    names = [c for c in attacks if c.startswith(("forename", "surname"))]
    assert {"forename", "surname", "surname_nysiis", "forename_canonical"} <= set(names)
    for column in names:
        recovered = max(
            attacks[column].frequency_recovered or 0, attacks[column].graph_recovered or 0
        )
        assert recovered < 0.02, column
