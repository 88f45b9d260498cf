"""The synthetic gazetteer of the population's homes, named blocks, and the matcher on them."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from safelink.synthetic.addresses import homes
from safelink.synthetic.corruption import PROFILES
from safelink.synthetic.extracts import SyntheticExtracts, generate
from safelink.synthetic.gazetteer import home_uprns, synthetic_gazetteer
from safelink.synthetic.population import PopulationRates, draw_population
from safelink.uprn import gazetteer_from_frame, resolve_uprns

PEOPLE, SEED = 2_500, 7


@pytest.fixture(scope="module")
def population() -> pl.DataFrame:
    rates = PROFILES["hard"]["population"]
    assert isinstance(rates, PopulationRates)
    return draw_population(np.random.default_rng(SEED), PEOPLE, rates)


@pytest.fixture(scope="module")
def data() -> SyntheticExtracts:
    return generate(PEOPLE, seed=SEED, **PROFILES["hard"])  # type: ignore[arg-type]


def test_gazetteer_holds_blocks_as_parents_of_their_flats(population: pl.DataFrame) -> None:
    frame = synthetic_gazetteer(population)
    assert frame.columns == ["uprn", "parent_uprn", "address", "postcode"]
    block_flats = frame.filter(
        pl.col("address").str.contains(r"^Flat [0-9]+, [A-Za-z]+ (Court|House|Lodge|Mansions), ")
    )
    assert block_flats.height > 20
    parents = frame.filter(pl.col("uprn").is_in(block_flats["parent_uprn"].implode()))
    # A block's own row is named by the block, and has no parent.
    assert parents["parent_uprn"].null_count() == parents.height
    assert parents["address"].str.contains(r"^[A-Za-z]+ (Court|House|Lodge|Mansions), ").all()
    # Flats of a named block go past a converted house's six.
    assert block_flats["address"].str.extract(r"^Flat ([0-9]+)", 1).cast(int).max() > 6
    # gazetteer_from_frame accepts it (every UPRN has one parent): every home and building.
    truth = home_uprns(population)
    expected = set(truth["uprn"].to_list()) | set(truth["household"].to_list())
    assert gazetteer_from_frame(frame).uprns == len(expected)


def test_extracts_write_block_flats_the_ways_people_do(data: SyntheticExtracts) -> None:
    written = pl.concat([f["address"] for f in data.frames().values()]).drop_nulls()
    assert written.str.contains(r"(?i)^flat [0-9]+,? [a-z]+ (court|house|lodge|mansions)").any()
    assert written.str.contains(r"(?i)^[0-9]+ [a-z]+ (court|house|lodge|mansions),? ").any()
    assert written.str.contains(r"(?i)^[a-z]+ (ct|house|lodge|mansions) flat [0-9]+").any()


def test_synthetic_block_flats_resolve_to_their_own_flat(
    population: pl.DataFrame, data: SyntheticExtracts
) -> None:
    assert data.gazetteer is not None
    gazetteer = gazetteer_from_frame(data.gazetteer)
    truth = home_uprns(population)
    people = population.select(
        pl.col("person_id").cast(pl.String), "surname", "postcode_old", "postcode_new"
    )
    for source, frame in data.frames().items():
        postcode = "postcode_new" if source == "social_care" else "postcode_old"
        persons = (
            data.truth.filter(pl.col("source") == source)
            .select("person_id")
            .join(people, on="person_id", how="left", maintain_order="left")
        )
        home = homes(persons[postcode], persons["surname"]).with_columns(postcode=persons[postcode])
        home = home.join(
            truth.select("postcode", "street", "number", "flat", "uprn", "household"),
            on=["postcode", "street", "number", "flat"],
            how="left",
            maintain_order="left",
            nulls_equal=True,
        )
        got = resolve_uprns(frame["address"], gazetteer, postcodes=frame["postcode"])
        in_block = home["block"].is_not_null()
        resolved = got.uprn.is_not_null() & in_block
        right = (got.uprn == home["uprn"]).fill_null(False) & in_block
        assert int(in_block.sum()) > 50
        assert int(right.sum()) >= 0.99 * int(resolved.sum())
        assert int(right.sum()) >= 0.9 * int(in_block.sum())
        # Their household is the block (the parent UPRN of a flat).
        assert (got.household.filter(right) == home["household"].filter(right)).all()
