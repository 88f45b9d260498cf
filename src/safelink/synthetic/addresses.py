"""Synthetic addresses for the generator: one home per household, written the ways people write it.

A household is everyone with one surname at one postcode (twins and siblings share both, so
they share a home); its street, house number and flat follow from the postcode and surname
by a keyed-free, stable hash, so a postcode unit lies on one street, as real ones do, and the
same household gets the same home in every extract. Each extract then writes the home its own
way, at the rates of :class:`~safelink.synthetic.SourceRates`:

==========================  ======================================================================
variation                   what is written
==========================  ======================================================================
always                      ``Flat 2, 21 Ash Grove, Leeds`` (a quarter of homes are flats)
upper case (30%)            ``FLAT 2, 21 ASH GROVE, LEEDS``; commas dropped in half of these
``address_abbreviated``     the street type abbreviated (``Rd``, ``St``, ``Ave``, ``Gr.``,
                            ``Gdns``, ``Cres``, ...), and the town left off half the time
``address_flat_form``       a flat written another way: ``FL 2``, ``Apt 2``, ``Unit 2``,
                            ``Ground Floor Flat`` (flat 1), ``21B`` (flat 2 as a letter), or no
                            flat at all
``address_number_missing``  no house number (nor flat): ``Ash Grove, Leeds``
``1 - address_written``     no address
==========================  ======================================================================

Only synthetic values: the street names are common English street names joined at random to
street types, and no home is a real address.
"""

from __future__ import annotations

import hashlib

import numpy as np
import polars as pl

STREET_NAMES = (
    "Ash", "Oak", "Elm", "Beech", "Church", "Mill", "Station", "Park", "High", "Victoria",
    "Albert", "Queens", "Kings", "Manor", "Grange", "Windsor", "York", "George", "Green",
    "School", "Cedar", "Willow", "Chestnut", "Maple", "Holly", "Rose", "Meadow", "Orchard",
    "Bridge", "Castle", "Cherry", "Hawthorn", "Lime", "Poplar", "Rowan", "Spring", "Abbey",
    "Priory", "Vicarage", "Brook",
)  # fmt: skip
STREET_TYPES = {
    "Road": "Rd", "Street": "St", "Avenue": "Ave", "Grove": "Gr.", "Gardens": "Gdns",
    "Crescent": "Cres", "Lane": "Ln", "Drive": "Dr", "Close": "Cl", "Court": "Ct",
    "Place": "Pl", "Square": "Sq", "Terrace": "Ter", "Way": "Way",
}  # fmt: skip
"""Street types and the abbreviation written for each."""
TOWNS = (
    "London", "Leeds", "Bristol", "Cardiff", "Manchester", "Leicester", "Bradford", "Luton",
    "Sheffield", "Coventry", "Swansea", "Norwich",
)  # fmt: skip
FLAT_SHARE = 0.25
"""Share of homes that are flats (flat 1 to 6)."""
_FLAT_FORMS = ("FL {f}", "Apt {f}", "Unit {f}", "floor", "letter", "none")


def _stable(values: pl.Series) -> np.ndarray:
    """A stable 64-bit number per value (the same on every run and machine)."""
    distinct = values.unique().to_list()
    numbers = [
        int.from_bytes(hashlib.blake2b(str(v).encode(), digest_size=8).digest(), "big")
        for v in distinct
    ]
    table = pl.DataFrame({"k": distinct, "h": pl.Series(numbers, dtype=pl.UInt64)})
    joined = pl.DataFrame({"k": values}).join(table, on="k", how="left", maintain_order="left")
    return joined.get_column("h").to_numpy()


def homes(postcodes: pl.Series, surnames: pl.Series) -> pl.DataFrame:
    """The home of each household (``street``, ``number``, ``flat``, ``town``).

    Args:
        postcodes: each person's canonical postcode.
        surnames: each person's (birth) surname.

    Returns:
        One row per person; ``flat`` is null for a house.

    """
    street = _stable(postcodes.cast(pl.String))
    house = _stable(postcodes.cast(pl.String) + "|" + surnames.cast(pl.String))
    district = _stable(postcodes.cast(pl.String).str.split(" ").list.first())
    names = np.asarray(STREET_NAMES, dtype=object)[street % len(STREET_NAMES)]
    types = np.asarray(list(STREET_TYPES), dtype=object)[(street // 64) % len(STREET_TYPES)]
    flat = np.where((house // 1024) % 1000 < FLAT_SHARE * 1000, (house // 7) % 6 + 1, 0)
    return pl.DataFrame(
        {
            "street": pl.Series(names + " " + types, dtype=pl.String),
            "number": pl.Series(house % 120 + 1, dtype=pl.Int64),
            "flat": pl.Series(flat, dtype=pl.Int64).replace(0, None),
            "town": pl.Series(
                np.asarray(TOWNS, dtype=object)[district % len(TOWNS)], dtype=pl.String
            ),
        }
    )


def write_addresses(
    rng: np.random.Generator,
    home: pl.DataFrame,
    *,
    written: float,
    abbreviated: float,
    flat_form: float,
    number_missing: float,
) -> pl.Series:
    """Write each home as one extract would (see the module docstring for the variations).

    Args:
        rng: the extract's address generator (drawn from only here).
        home: :func:`homes` of the extract's records.
        written: share of records with an address.
        abbreviated: share with the street type abbreviated.
        flat_form: share of flats written another way.
        number_missing: share without a house number.

    Returns:
        The written addresses (null where none is written).

    """
    out: list[str | None] = []
    n = home.height
    draws = rng.random((n, 6))
    forms = rng.integers(0, len(_FLAT_FORMS), n)
    for i, (street, number, flat, town) in enumerate(home.iter_rows()):
        if draws[i, 0] >= written:
            out.append(None)
            continue
        if draws[i, 1] < abbreviated:
            name, kind = street.rsplit(" ", 1)
            street = f"{name} {STREET_TYPES[kind]}"
            town = town if draws[i, 2] < 0.5 else None
        house = str(number)
        flat_text = f"Flat {flat}" if flat else None
        if flat and draws[i, 3] < flat_form:
            form = _FLAT_FORMS[forms[i]]
            if form == "floor":
                flat_text = "Ground Floor Flat" if flat == 1 else f"Flat {flat}"
            elif form == "letter":
                flat_text, house = None, f"{number}{'ABCDEF'[flat - 1]}"
            elif form == "none":
                flat_text = None
            else:
                flat_text = form.format(f=flat)
        parts = [flat_text, f"{house} {street}", town]
        if draws[i, 4] < number_missing:
            parts = [street, town]
        text = ", ".join(p for p in parts if p)
        if draws[i, 5] < 0.3:
            text = text.upper()
            if draws[i, 5] < 0.15:
                text = text.replace(",", "")
        out.append(text)
    return pl.Series(out, dtype=pl.String)
