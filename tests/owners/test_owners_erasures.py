from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from safelink.errors import InputError, LinkageError
from safelink.governance.erasures import (
    Erasure,
    ErasureRegister,
    erased_persons,
    read_erasures,
    write_erasures,
)
from safelink.pseudonymise import RECORD_ID
from safelink.pseudonymise.tokens_format import read_tokens
from tests.owners.conftest import Linked


def _register(linked: Linked, key_id: str | None = None) -> ErasureRegister:
    """An erasure of the first social-care record's NHS-number token (no person id)."""
    tokens = read_tokens(linked.tokens["social_care"]).drop_nulls("nhs_number")
    entry = Erasure(person_ids=(), nhs_number_token=tokens["nhs_number"][0], date="2026-12-05")
    meta_key = key_id if key_id is not None else linked.keys.namespace_key("link").key_id
    return ErasureRegister(key_id=meta_key, entries=(entry,))


def test_erasures_round_trip_and_bad_register_refused(linked: Linked, tmp_path: Path):
    register = _register(linked)
    path = write_erasures(register, tmp_path / "erasures.json")
    assert read_erasures(path) == register
    assert read_erasures(tmp_path / "none.json", missing_ok=True) == ErasureRegister()
    with pytest.raises(InputError, match="cannot read the erasure register"):
        read_erasures(tmp_path / "none.json")
    (tmp_path / "bad.json").write_text('{"format": "other"}')
    with pytest.raises(InputError, match="not a safelink erasure register"):
        read_erasures(tmp_path / "bad.json")


def test_erasures_token_finds_the_person_in_every_source(linked: Linked):
    register = _register(linked)
    links = linked.links_frame()
    erased = erased_persons(register, links, linked.tokens, linked.config)
    tokens = read_tokens(linked.tokens["social_care"])
    record = tokens.filter(pl.col("nhs_number") == register.entries[0].nhs_number_token)
    expected = set(links.join(record.select(RECORD_ID), on=RECORD_ID)["person_id"])
    assert erased == expected and len(erased) == 1


def test_erasures_missing_tokens_or_other_key_refused(linked: Linked, tmp_path: Path):
    links = linked.links_frame()
    with pytest.raises(InputError, match="needs the tokens file of source 'hospital'"):
        erased_persons(
            _register(linked), links, {"social_care": linked.tokens["social_care"]}, linked.config
        )
    with pytest.raises(LinkageError, match="erased persons could not be found"):
        erased_persons(_register(linked, "kid_other"), links, linked.tokens, linked.config)
    # Only registered person ids, no token: no tokens file is needed.
    person = links["person_id"][0]
    ids = ErasureRegister(
        entries=(Erasure(person_ids=(person,), nhs_number_token="", date="2026-12-05"),)
    )
    assert erased_persons(ids, links, {}, linked.config) == {person}
