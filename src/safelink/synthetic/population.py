"""Synthetic people: the population both synthetic extracts are drawn from.

Names by community and sex from the bundled lists in ``safelink/data`` (with rough frequency
weights), NHS ethnic categories by community, ages (half over the life course, half the older
people who use both services), NHS numbers only from the never-issued 999 test range with a
valid modulus-11 check digit, postcodes in real areas with made-up districts and units, and the
person-level events both extracts share: marriage (a married surname) and house moves.
:mod:`safelink.synthetic.extracts` writes and corrupts the extracts.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources

import numpy as np
import polars as pl

REFERENCE_DATE = dt.date(2024, 3, 31)
NONE = np.array(None, dtype=object)
"""A missing value in the object arrays the generator builds."""
UNIT_LETTERS = np.array(list("ABDEFGHJLNPQRSTUWXYZ"))
"""The letters a postcode's unit may use."""

# Postcode areas with rough population weights (large English and Welsh towns and cities).
_AREAS = {
    "B": 60, "M": 50, "LS": 45, "L": 35, "S": 35, "BD": 25, "NE": 35, "NG": 30, "LE": 30,
    "CV": 25, "BS": 30, "CF": 25, "SA": 20, "LL": 12, "NP": 12, "E": 40, "N": 35, "SE": 45,
    "SW": 45, "W": 25, "NW": 30, "EC": 3, "HU": 15, "YO": 12, "DN": 15, "WF": 15, "HD": 12,
    "HX": 8, "OL": 12, "BL": 10, "PR": 15, "BB": 12, "CA": 8, "DH": 10, "SR": 10, "TS": 15,
    "DE": 15, "ST": 15, "WV": 12, "WS": 12, "DY": 12, "OX": 12, "RG": 15, "PO": 15, "SO": 15,
    "BN": 20, "CT": 10, "ME": 15, "NR": 15, "IP": 12, "CB": 10, "PE": 15, "MK": 10, "LU": 10,
    "EX": 12, "PL": 10, "TR": 6, "GL": 12, "HR": 5, "SY": 6,
}  # fmt: skip
_ETHNICITY = {
    # community -> (NHS ethnic category codes, weights)
    "british": (("A", "B", "C", "D", "E", "F", "G", "Z"), (86, 2, 4, 1, 1, 1, 1, 4)),
    "south_asian": (("H", "J", "K", "L", "Z"), (38, 33, 14, 10, 5)),
    "black": (("M", "N", "P", "E", "Z"), (30, 55, 6, 4, 5)),
    "eastern_european": (("C", "Z"), (95, 5)),
    "east_asian": (("R", "L", "S", "Z"), (60, 25, 10, 5)),
    "middle_eastern": (("S", "C", "L", "Z"), (60, 20, 15, 5)),
}

# Community shares, roughly England and Wales 2021 by the origin of names.
_COMMUNITIES = {
    "british": 0.80,
    "south_asian": 0.08,
    "black": 0.045,
    "eastern_european": 0.045,
    "east_asian": 0.012,
    "middle_eastern": 0.018,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class PopulationRates:
    """Person-level events shared by every extract.

    Attributes:
        marriage: share of women aged 20 or more with a married surname.
        double_barrelled: share of those whose married name is double-barrelled.
        moved: share of people who moved house between the two extracts.
        moved_within_district: share of moves within the same postcode district.
        twins: share of people who are one of a pair of twins: the same surname, date of
            birth, sex and addresses, another forename and NHS number.
        siblings: share of people who live with a sibling: the same surname and addresses,
            another forename, date of birth and NHS number.

    """

    marriage: float = 0.12
    double_barrelled: float = 0.2
    moved: float = 0.15
    moved_within_district: float = 0.6
    twins: float = 0.0
    siblings: float = 0.0


@functools.cache
def name_lists() -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Return the bundled forenames, surnames (with weights) and nicknames, read once."""
    data = resources.files("safelink") / "data"
    frames = []
    for name in ("forenames.csv", "surnames.csv", "nicknames.csv"):
        text = (data / name).read_bytes()
        frames.append(pl.read_csv(text, infer_schema_length=0))
    forenames, surnames, nicknames = frames
    forenames = forenames.with_columns(pl.col("weight").cast(pl.Float64))
    surnames = surnames.with_columns(pl.col("weight").cast(pl.Float64))
    return forenames, surnames, nicknames.unique(["name", "variant"], maintain_order=True)


def _draw(rng: np.random.Generator, values: list[str], weights: np.ndarray, n: int) -> np.ndarray:
    p = weights / weights.sum()
    return np.asarray(values, dtype=object)[rng.choice(len(values), size=n, p=p)]


def valid_test_nhs_numbers() -> np.ndarray:
    """Every valid NHS number in the 999 test range (ten repeated digits excluded), sorted."""
    n = np.arange(1_000_000, dtype=np.int64)
    total = np.full(n.shape, 9 * 10 + 9 * 9 + 9 * 8, dtype=np.int64)
    for position, weight in enumerate(range(7, 1, -1)):
        digit = (n // 10 ** (5 - position)) % 10
        total += digit * weight
    check = 11 - total % 11
    check = np.where(check == 11, 0, check)
    keep = check != 10
    numbers = 9_990_000_000 + n[keep] * 10 + check[keep]
    result: np.ndarray = numbers[numbers != 9_999_999_999]
    return result


def _nhs_numbers(rng: np.random.Generator, people: int) -> np.ndarray:
    valid = valid_test_nhs_numbers()
    if people <= valid.size:
        chosen = rng.choice(valid, size=people, replace=False)
    else:
        # The test range holds ~909,000 numbers; past that, some synthetic people share one
        # (the cascade's DOB partner guards against it, as it does against real errors).
        extra = rng.choice(valid, size=people - valid.size, replace=True)
        chosen = np.concatenate([rng.permutation(valid), extra])
    return chosen.astype(str)


def draw_population(rng: np.random.Generator, people: int, rates: PopulationRates) -> pl.DataFrame:
    """Draw ``people`` synthetic people, one row each, with the events both extracts share.

    Returns:
        ``person_id``, ``community``, ``sex``, ``forename``, ``surname``, ``married_surname``,
        ``date_of_birth``, ``age``, ``nhs_number``, ``postcode_old``, ``postcode_new`` and
        ``ethnicity``.
    """
    forenames, surnames, _ = name_lists()
    communities = list(_COMMUNITIES)
    shares = np.array([_COMMUNITIES[c] for c in communities])
    community = np.asarray(communities, dtype=object)[
        rng.choice(len(communities), size=people, p=shares / shares.sum())
    ]
    sex = np.where(rng.random(people) < 0.51, "F", "M").astype(object)
    forename = np.empty(people, dtype=object)
    surname = np.empty(people, dtype=object)
    married = np.empty(people, dtype=object)
    ethnicity = np.empty(people, dtype=object)
    for name in communities:
        in_community = community == name
        pool = surnames.filter(pl.col("community") == name)
        surname[in_community] = _draw(
            rng, pool["name"].to_list(), pool["weight"].to_numpy(), int(in_community.sum())
        )
        married[in_community] = _draw(
            rng, pool["name"].to_list(), pool["weight"].to_numpy(), int(in_community.sum())
        )
        codes, weights = _ETHNICITY[name]
        ethnicity[in_community] = _draw(
            rng, list(codes), np.array(weights, dtype=float), int(in_community.sum())
        )
        for s in ("F", "M"):
            mask = in_community & (sex == s)
            pool = forenames.filter((pl.col("community") == name) & (pl.col("sex") == s))
            forename[mask] = _draw(
                rng, pool["name"].to_list(), pool["weight"].to_numpy(), int(mask.sum())
            )
    # Ages: half spread over the life course, half the older people who use both services.
    young = rng.uniform(0, 95, people)
    old = np.clip(rng.normal(76, 11, people), 18, 104)
    age_days = (np.where(rng.random(people) < 0.5, young, old) * 365.25).astype(np.int64)
    dob = np.datetime64(REFERENCE_DATE) - age_days.astype("timedelta64[D]")
    age = np.floor(age_days / 365.25).astype(np.int64)
    has_married = (sex == "F") & (age >= 20) & (rng.random(people) < rates.marriage)
    barrelled = has_married & (rng.random(people) < rates.double_barrelled)
    married_name = np.where(barrelled, surname + "-" + married, married)
    married_name = np.where(has_married, married_name, NONE)
    postcode_old = _postcodes(rng, people)
    moved = rng.random(people) < rates.moved
    nearby = rng.random(people) < rates.moved_within_district
    fresh = _postcodes(rng, people)
    district = (
        np.array([p.split(" ")[0] for p in postcode_old], dtype=object)
        if people
        else (np.empty(0, dtype=object))
    )
    inward = (
        np.array([p.split(" ")[1] for p in fresh], dtype=object)
        if people
        else (np.empty(0, dtype=object))
    )
    near = district + " " + inward
    postcode_new = np.where(moved, np.where(nearby, near, fresh), postcode_old)
    if rates.twins or rates.siblings:
        _families(
            rng,
            rates,
            shared=(surname, community, ethnicity, postcode_old, postcode_new),
            twins_share=(dob, age, sex),
            forename=forename,
        )
    return pl.DataFrame(
        {
            "person_id": pl.Series(np.arange(people)).cast(pl.String).str.zfill(8),
            "community": community,
            "sex": sex,
            "forename": forename,
            "surname": surname,
            "married_surname": pl.Series(married_name.tolist(), dtype=pl.String),
            "date_of_birth": dob,
            "age": age,
            "nhs_number": _nhs_numbers(rng, people),
            "postcode_old": postcode_old,
            "postcode_new": postcode_new,
            "ethnicity": ethnicity,
        },
    ).with_columns((pl.lit("P") + pl.col("person_id")).alias("person_id"))


def _families(
    rng: np.random.Generator,
    rates: PopulationRates,
    *,
    shared: tuple[np.ndarray, ...],
    twins_share: tuple[np.ndarray, ...],
    forename: np.ndarray,
) -> None:
    """Make pairs of twins and of siblings, in place.

    The second of each pair takes the first's ``shared`` values (and, for twins,
    ``twins_share``); a twin's forename differs from the other's.
    """
    people = forename.shape[0]
    twins = 2 * round(people * rates.twins / 2)
    siblings = 2 * round(people * rates.siblings / 2)
    chosen = rng.permutation(people)[: min(people - people % 2, twins + siblings)]
    first, second = chosen[0::2], chosen[1::2]
    for column in shared:
        column[second] = column[first]
    twin_first, twin_second = first[: twins // 2], second[: twins // 2]
    for column in twins_share:
        column[twin_second] = column[twin_first]
    same = twin_second[forename[twin_second] == forename[twin_first]]
    pool = np.unique(forename)
    for index in same:  # few: a twin pair drawn the same forename
        forename[index] = pool[(np.searchsorted(pool, forename[index]) + 1) % pool.shape[0]]


def _postcodes(rng: np.random.Generator, n: int) -> np.ndarray:
    areas = list(_AREAS)
    weights = np.array([_AREAS[a] for a in areas], dtype=float)
    picks = rng.choice(len(areas), size=n, p=weights / weights.sum())
    area = np.asarray(areas, dtype=object)[picks]
    district = rng.integers(1, 30, n).astype(str).astype(object)
    sector = rng.integers(0, 10, n).astype(str).astype(object)
    unit = UNIT_LETTERS[rng.integers(0, 20, n)].astype(object) + UNIT_LETTERS[
        rng.integers(0, 20, n)
    ].astype(object)
    postcodes: np.ndarray = area + district + " " + sector + unit
    return postcodes
