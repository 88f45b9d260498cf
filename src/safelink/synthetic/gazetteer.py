"""A synthetic gazetteer of the synthetic population's homes, for the demo, tests and benchmarks.

:func:`synthetic_gazetteer` lists every home :func:`safelink.synthetic.addresses.homes` gives the
people of a population, at their old and their new postcode, as a gazetteer
(``uprn, parent_uprn, address, postcode``; :mod:`safelink.uprn`):

* a building is a house, a converted house of flats or a named block: one UPRN
  (``100000000`` up), ``21 Ash Grove, Leeds`` or ``Beech Court, 4 Mill Lane, Leeds``;
* a flat has its own UPRN (``200000000`` up) with its building as ``parent_uprn``. A converted
  house's flat is spelt three ways, as AddressBase holds a property's delivery-point and
  local-authority spellings (``Flat 2, 21 Ash Grove, Leeds``, ``21B Ash Grove, Leeds``, and
  ``Ground Floor Flat, ...`` for flat 1); a flat in a named block one way
  (``Flat 12, Beech Court, 4 Mill Lane, Leeds``), so the matcher has to read the other
  writings of it.

The same population gives the same gazetteer (UPRNs are numbered in sorted order of the
homes). Synthetic: no row is a real address or a real UPRN.
"""

from __future__ import annotations

import polars as pl

from safelink.synthetic.addresses import homes

GAZETTEER_COLUMNS = ["uprn", "parent_uprn", "address", "postcode"]
_BUILDING_BASE = 100_000_000
_FLAT_BASE = 200_000_000


def home_uprns(population: pl.DataFrame) -> pl.DataFrame:
    """Every home of a population with its UPRN and household (the truth of the gazetteer).

    Args:
        population: as for :func:`synthetic_gazetteer`.

    Returns:
        ``postcode, street, number, flat, town, block, uprn, household``: one row per home
        (``household`` is the building's UPRN for a flat, as :mod:`safelink.uprn` gives it).

    """
    parts = [
        homes(population[column], population["surname"]).with_columns(postcode=population[column])
        for column in ("postcode_old", "postcode_new")
    ]
    found = (
        pl.concat(parts)
        .drop_nulls("postcode")
        .unique(["postcode", "street", "number", "flat", "block"])
        .sort(pl.all(), nulls_last=True)
    )
    place = ["postcode", "street", "number"]
    # A building is named by its block if any flat in it is in one.
    buildings = (
        found.group_by(place, maintain_order=True)
        .agg(pl.col("block").drop_nulls().first())
        .with_row_index("b")
        .with_columns(household=(pl.col("b") + _BUILDING_BASE).cast(pl.String))
    )
    numbered = (
        found.drop("block")
        .join(buildings.select(*place, "block", "household"), on=place)
        .sort(["household", "flat"], nulls_last=True)
        .with_row_index("f")
    )
    flat_uprn = (pl.col("f") + _FLAT_BASE).cast(pl.String)
    return numbered.select(
        *place,
        "flat",
        "town",
        "block",
        uprn=pl.when(pl.col("flat").is_null()).then(pl.col("household")).otherwise(flat_uprn),
        household="household",
    )


def synthetic_gazetteer(population: pl.DataFrame) -> pl.DataFrame:
    """Every home of a synthetic population, as a gazetteer (see the module docstring).

    Args:
        population: people with ``surname``, ``postcode_old`` and ``postcode_new`` (as
            :func:`safelink.synthetic.population.draw_population` draws them).

    Returns:
        ``uprn, parent_uprn, address, postcode`` (strings; ``parent_uprn`` null for a
        building), one row per spelling.

    """
    found = home_uprns(population)
    house = pl.format("{} {}, {}", "number", "street", "town")
    named = pl.format("{}, {} {}, {}", "block", "number", "street", "town")
    building_address = pl.when(pl.col("block").is_null()).then(house).otherwise(named)
    buildings = found.unique("household", keep="first", maintain_order=True).with_columns(
        uprn=pl.col("household"), parent_uprn=pl.lit(None, pl.String), address=building_address
    )
    flats = found.filter(pl.col("flat").is_not_null()).with_columns(parent_uprn=pl.col("household"))
    converted = flats.filter(pl.col("block").is_null())
    letter = pl.col("flat").cast(pl.Int64).map_elements(lambda f: "ABCDEF"[f - 1], pl.String)
    spellings = [
        flats.with_columns(address=pl.format("Flat {}, ", "flat") + building_address),
        converted.filter(pl.col("flat") == 1).with_columns(address="Ground Floor Flat, " + house),
        converted.with_columns(
            address=pl.format("{}{} {}, {}", "number", letter, "street", "town")
        ),
    ]
    return pl.concat(
        [buildings.select(GAZETTEER_COLUMNS)] + [s.select(GAZETTEER_COLUMNS) for s in spellings]
    )
