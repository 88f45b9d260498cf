"""Household pseudonyms and household size in releases (``release.households``, issue 25)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from safelink.errors import DisclosureRiskError, InputError
from safelink.infra import io
from safelink.pseudonymise import METADATA_PREFIX, RECORD_ID
from safelink.release import DEMO_RELEASE, pseudonymise_persons, recipient_key, verify
from safelink.release.households import (
    HOUSEHOLD,
    HOUSEHOLD_SIZE,
    household_key,
    with_households,
)

from .conftest import Pipeline

# Synthetic homes: persons in order of their linkage person id, three to a household; the
# first four persons share one household of four; every 20th person's address is unresolved.
PLANTED = 4


def _household_of(rank: int) -> str | None:
    if rank % 20 == 19:
        return None
    if rank < PLANTED:
        return "100000000"
    return str(200000000 + (rank - PLANTED) // 3)


@pytest.fixture(scope="module")
def homes(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Content and tokens files whose tokens carry ``uprn`` and ``household`` tokens."""
    folder = tmp_path_factory.mktemp("households")
    links = pl.read_parquet(pipeline.links, columns=["source", RECORD_ID, "person_id"])
    persons = links["person_id"].cast(pl.String).unique().sort().to_list()
    uprns = {p: _household_of(i) for i, p in enumerate(persons)}
    planted: set[str] = set()
    for source, content in pipeline.content.items():
        shutil.copy(content, folder / content.name)
        tokens_path = content.with_name(f"{source}.tokens.parquet")
        table = pq.read_table(tokens_path)
        frame = pl.from_arrow(table)
        assert isinstance(frame, pl.DataFrame)
        ids = links.filter(pl.col("source") == source).select(RECORD_ID, "person_id")
        homes = frame.select(RECORD_ID).join(ids, on=RECORD_ID, how="left")
        cleartext = pl.Series([uprns[str(p)] for p in homes["person_id"]], dtype=pl.String)
        tokens = {
            name: pl.Series(
                name,
                pipeline.keys.subkey(f"link:{name}").tokens(cleartext.to_arrow()),
                dtype=pl.String,
            )
            for name in ("uprn", "household")
        }
        planted |= {v for t in tokens.values() for v in t.drop_nulls().to_list()}
        metadata = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
        purposes = json.loads(metadata[f"{METADATA_PREFIX}purposes"])
        purposes |= {"uprn": "link:uprn", "household": "link:household"}
        metadata[f"{METADATA_PREFIX}purposes"] = json.dumps(purposes)
        io.write_parquet(
            frame.with_columns(*tokens.values()),
            folder / tokens_path.name,
            metadata=metadata,
        )
    content_paths = {s: folder / p.name for s, p in pipeline.content.items()}
    return {"content": content_paths, "planted": planted, "uprns": uprns}


def _job(pipeline: Pipeline, **disclosure: object):
    changes: dict[str, object] = {"households": True}
    if disclosure:
        changes["disclosure"] = {**DEMO_RELEASE["disclosure"], **disclosure}
    job = pipeline.job(**changes)
    assert job.governance is not None
    permitted = (*job.governance.permitted_columns, HOUSEHOLD, HOUSEHOLD_SIZE)
    governance = dataclasses.replace(job.governance, permitted_columns=permitted)
    return dataclasses.replace(job, governance=governance)


@pytest.fixture(scope="module")
def two(pipeline: Pipeline, homes: dict, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The same households released to two recipients."""
    out = tmp_path_factory.mktemp("household-releases")
    return {
        who: pipeline.release(
            out / who, recipient=who, job=_job(pipeline), content=homes["content"]
        )
        for who in ("uni_research", "council_analysts")
    }


def test_two_recipients_household_ids_never_join(two: dict, pipeline: Pipeline):
    ids = [
        set(pl.read_parquet(r.out_dir / "data.parquet")[HOUSEHOLD].drop_nulls().to_list())
        for r in two.values()
    ]
    assert all(len(i) > 100 for i in ids)
    assert all(h.startswith("h_") and len(h) == 26 for h in ids[0])
    assert not ids[0] & ids[1]
    for result in two.values():
        assert verify(result.out_dir, pipeline.public_key).ok
        manifest = result.manifest
        assert manifest["household_pseudonyms"]["column"] == HOUSEHOLD
        assert f"release:{result.recipient}:household" in manifest["key_ids"]


def test_persons_in_one_household_share_one_id_and_size_is_counted(
    two: dict, homes: dict, pipeline: Pipeline
):
    data = pl.read_parquet(two["uni_research"].out_dir / "data.parquet")
    known = data.filter(pl.col(HOUSEHOLD).is_not_null())
    # One household id per person, and one per synthetic home.
    assert known.group_by("person").agg(pl.col(HOUSEHOLD).n_unique())[HOUSEHOLD].max() == 1
    uprns = homes["uprns"]
    expected_size = pl.DataFrame(
        {"person_id": list(uprns), "uprn": list(uprns.values())},
        schema=[("person_id", pl.String), ("uprn", pl.String)],
    ).with_columns(
        pl.when(pl.col("uprn").is_not_null()).then(pl.len().over("uprn")).alias("expected"),
    )
    key = recipient_key(pipeline.keys, "uni_research")
    expected_size = expected_size.with_columns(
        pseudonymise_persons(expected_size["person_id"], key)
    )
    checked = data.join(expected_size, on="person", how="left")
    assert checked["uprn"].null_count() == checked[HOUSEHOLD].null_count() > 0
    homes_per_id = checked.drop_nulls("uprn").group_by(HOUSEHOLD).agg(pl.col("uprn").n_unique())
    assert homes_per_id["uprn"].max() == 1
    # The size is the home's persons in the linked data (before disclosure control).
    assert (
        checked[HOUSEHOLD_SIZE]
        .cast(pl.Int64)
        .equals(checked["expected"].cast(pl.Int64).alias(HOUSEHOLD_SIZE))
    )
    assert set(checked[HOUSEHOLD_SIZE].drop_nulls().to_list()) >= {3, PLANTED}


def test_no_household_or_uprn_token_leaves(two: dict, homes: dict):
    planted = homes["planted"]
    assert len(planted) > 100
    for result in two.values():
        for path in sorted(result.out_dir.iterdir()):
            text = path.read_bytes()
            assert not [t for t in planted if t.encode() in text], path.name


def test_household_size_breaking_k_refuses_the_release(
    pipeline: Pipeline, homes: dict, tmp_path: Path
):
    def job(*quasi: str):
        profile = {"name": "tre", "k": 5, "max_suppression": 0.0}
        return _job(pipeline, quasi_identifiers=list(quasi), numeric=[], transformations=[],
                    profile=profile)  # fmt: skip

    # Sex alone meets k = 5; with household size, the planted household of four does not.
    passed = pipeline.release(tmp_path / "sex", job=job("sex"), content=homes["content"])
    assert passed.manifest["disclosure"]["check_config"]["quasi_identifiers"] == ["sex"]
    with pytest.raises(DisclosureRiskError, match="suppression"):
        pipeline.release(
            tmp_path / "refused", job=job("sex", HOUSEHOLD_SIZE), content=homes["content"]
        )
    assert not (tmp_path / "refused").exists()


def test_households_need_household_tokens(pipeline: Pipeline, tmp_path: Path):
    with pytest.raises(InputError, match="no household tokens"):
        pipeline.release(tmp_path / "no-homes", job=_job(pipeline))
    assert not (tmp_path / "no-homes").exists()


def test_household_size_counts_distinct_persons(pipeline: Pipeline):
    data = pl.DataFrame(
        {
            "person_id": ["1", "1", "2", "3", "4"],
            HOUSEHOLD: ["a", "a", "a", "b", None],
        }
    )
    key = pipeline.keys.subkey("release:test:household")
    out = with_households(data, key, person_id="person_id")
    assert out[HOUSEHOLD_SIZE].to_list() == [2, 2, 2, 1, None]
    assert out[HOUSEHOLD][0] == out[HOUSEHOLD][2] != out[HOUSEHOLD][3]
    assert out[HOUSEHOLD][4] is None


def test_household_keys_are_the_recipients_own(pipeline: Pipeline):
    stable = household_key(pipeline.keys, "uni_research")
    per_release = household_key(pipeline.keys, "uni_research", "ab" * 32)
    other = household_key(pipeline.keys, "council_analysts")
    person = recipient_key(pipeline.keys, "uni_research")
    ids = {k.key_id for k in (stable, per_release, other, person)}
    assert len(ids) == 4
    assert household_key(pipeline.keys, "uni_research").key_id == stable.key_id
