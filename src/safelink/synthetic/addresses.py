"""Synthetic addresses for the generator: one home per household, written the ways people write it.

A household is everyone with one surname at one postcode (twins and siblings share both, so
they share a home); its street, house number and flat follow from the postcode and surname
by a keyed-free, stable hash, so a postcode unit lies on one street, as real ones do, and the
same household gets the same home in every extract. Each extract then writes the home its own
way, at the rates of :class:`~safelink.synthetic.SourceRates`:

==========================  ======================================================================
variation                   what is written
==========================  ======================================================================
always                      ``Flat 2, 21 Ash Grove, Leeds`` (a quarter of homes are flats; 30%
                            of flats are in a named block: ``Flat 12, Beech Court, 4 Mill Lane``)
upper case (30%)            ``FLAT 2, 21 ASH GROVE, LEEDS``; commas dropped in half of these
``address_abbreviated``     the street type abbreviated (``Rd``, ``St``, ``Ave``, ``Gr.``,
                            ``Gdns``, ``Cres``, ...), and the town left off half the time
``address_flat_form``       a flat written another way: ``FL 2``, ``Apt 2``, ``Unit 2``,
                            ``Ground Floor Flat`` (flat 1), ``21B`` (flat 2 as a letter), or no
                            flat at all; in a named block ``Apt 12, Beech Court, 4 Mill Lane``,
                            ``12 Beech Court, Mill Lane`` or ``Beech Ct Flat 12, Mill Lane``
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
"""Share of homes that are flats (flat 1 to 6, or 1 to 24 in a named block)."""
BLOCK_SHARE = 0.3
"""Share of flats whose building is a named block (``Beech Court``)."""
BLOCK_TYPES = {"Court": "Ct", "House": "House", "Lodge": "Lodge", "Mansions": "Mansions"}
"""The last word of a block's name and what is written for it abbreviated."""
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
    """The home of each household (``street``, ``number``, ``flat``, ``town``, ``block``).

    Args:
        postcodes: each person's canonical postcode.
        surnames: each person's (birth) surname.

    Returns:
        One row per person; ``flat`` is null for a house, ``block`` (the named block,
        ``Beech Court``) null unless the flat's building is one. Whether a building is a block,
        and its name, follow from its postcode and number, so its flats share them.

    """
    street = _stable(postcodes.cast(pl.String))
    house = _stable(postcodes.cast(pl.String) + "|" + surnames.cast(pl.String))
    district = _stable(postcodes.cast(pl.String).str.split(" ").list.first())
    names = np.asarray(STREET_NAMES, dtype=object)[street % len(STREET_NAMES)]
    types = np.asarray(list(STREET_TYPES), dtype=object)[(street // 64) % len(STREET_TYPES)]
    number = house % 120 + 1
    building = _stable(postcodes.cast(pl.String) + "#" + pl.Series(number).cast(pl.String))
    is_flat = (house // 1024) % 1000 < FLAT_SHARE * 1000
    in_block = is_flat & (building % 1000 < BLOCK_SHARE * 1000)
    flat = np.where(in_block, (house // 7) % 24 + 1, np.where(is_flat, (house // 7) % 6 + 1, 0))
    block_names = np.asarray(STREET_NAMES, dtype=object)[(building // 1000) % len(STREET_NAMES)]
    block_types = np.asarray(list(BLOCK_TYPES), dtype=object)[
        (building // 64_000) % len(BLOCK_TYPES)
    ]
    return pl.DataFrame(
        {
            "street": pl.Series(names + " " + types, dtype=pl.String),
            "number": pl.Series(number, dtype=pl.Int64),
            "flat": pl.Series(flat, dtype=pl.Int64).replace(0, None),
            "town": pl.Series(
                np.asarray(TOWNS, dtype=object)[district % len(TOWNS)], dtype=pl.String
            ),
            "block": pl.Series(
                (block_names + " " + block_types).tolist(), dtype=pl.String
            ).zip_with(pl.Series(in_block), pl.Series([None] * len(number), dtype=pl.String)),
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
    columns = ("street", "number", "flat", "town", "block")
    for i, (street, number, flat, town, block) in enumerate(home.select(columns).iter_rows()):
        if draws[i, 0] >= written:
            out.append(None)
            continue
        if draws[i, 1] < abbreviated:
            name, kind = street.rsplit(" ", 1)
            street = f"{name} {STREET_TYPES[kind]}"
            town = town if draws[i, 2] < 0.5 else None
        form = _FLAT_FORMS[forms[i]] if flat and draws[i, 3] < flat_form else None
        if block:
            parts = _block_parts(form, flat, block, f"{number} {street}", street, town)
        else:
            house = str(number)
            flat_text = f"Flat {flat}" if flat else None
            if form == "floor":
                flat_text = "Ground Floor Flat" if flat == 1 else f"Flat {flat}"
            elif form == "letter":
                flat_text, house = None, f"{number}{'ABCDEF'[flat - 1]}"
            elif form == "none":
                flat_text = None
            elif form is not None:
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


def _block_parts(
    form: str | None, flat: int, block: str, building: str, street: str, town: str | None
) -> list[str | None]:
    """A flat in a named block as written: the form decides (see the module docstring)."""
    if form == "letter":  # the flat's number before the block, without the block's
        return [f"{flat} {block}", street, town]
    if form == "none":  # the block first, abbreviated, then the flat
        name, kind = block.rsplit(" ", 1)
        return [f"{name} {BLOCK_TYPES[kind]} Flat {flat}", street, town]
    flat_text = form.format(f=flat) if form and "{f}" in form else f"Flat {flat}"
    return [flat_text, block, building, town]
