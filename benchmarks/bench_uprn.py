"""Accuracy and speed of address-to-UPRN resolution (:mod:`safelink.uprn`) on messy addresses.

Usage: python benchmarks/bench_uprn.py [--buildings 20000] [--prevalence 2] [--noise 0.1]

A synthetic gazetteer (houses, converted houses of two or three flats under a parent UPRN,
a few named cottages without a number, and named blocks of 6 to 24 flats, ``FLAT 12, BEECH
COURT, 204 MILL LANE``, under the block's UPRN; streets from
:mod:`safelink.synthetic.addresses`) is corrupted with the ``address-errors`` package (UK
recording errors learnt from council data, with a labelled truth table; ``pip install
address-errors``, the ``bench`` extra): its bundled profile at ``--prevalence`` times its touch
rates, plus ``--noise`` extra typos, abbreviations and dropped or swapped words. Each recorded
address (and its recorded postcode) is resolved back against the gazetteer. The package's own
invented town (261 addresses) is scored the same way.

Reported per threshold: precision (resolved records whose UPRN is the source's), recall
(records resolved to the source's UPRN, of all), the household's precision (the parent UPRN
of a flat, else the UPRN), the unresolved records by reason; the same scores without the
records whose corruption collided with another address (``collision`` in the truth table:
the string no longer names its source), and for the flats in named blocks alone
(``flats_in_named_blocks``: a flat with a building name; the package's town has 48). Speed:
addresses resolved per second (one core's DuckDB, the gazetteer loaded once). Prints JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
from address_errors import Controls, Corruptor, Noise, Profile, example_path, load_components

from safelink.synthetic.addresses import BLOCK_TYPES, STREET_NAMES, STREET_TYPES, TOWNS
from safelink.uprn import Gazetteer, gazetteer_from_frame, resolve_uprns

COMPONENTS = ("uprn", "parentuprn", "subname", "name", "number", "streetname", "townname")
THRESHOLDS = (0.5, 0.9, 0.99)
_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # inward-code letters (no C, I, K, M, O, V)


def _row(
    base: dict[str, str],
    uprn: int,
    parent: str = "",
    sub: str = "",
    name: str = "",
    number: str = "",
) -> dict[str, str]:
    """One component row: ``base`` (street, town, postcode) and the property's own fields."""
    own = {"uprn": str(uprn), "parentuprn": parent, "subname": sub, "name": name}
    return base | own | {"number": number}


def synthetic_components(buildings: int, seed: int) -> list[dict[str, str]]:
    """An invented gazetteer as address-errors components (one row per address)."""
    rng = np.random.default_rng(seed)
    streets = [f"{n} {t}".upper() for n in STREET_NAMES for t in STREET_TYPES]
    rows: list[dict[str, str]] = []
    uprn = 100_000_000_000
    street_count = max(1, buildings // 30)
    for s in range(street_count):
        street = streets[s % len(streets)]
        town = TOWNS[(s // len(streets)) % len(TOWNS)].upper()
        district = f"{'LS' if s % 2 else 'NW'}{s % 29 + 1}"
        houses = int(rng.integers(10, 50))
        postcode = ""
        for number in range(1, houses + 1):
            if number % 15 == 1:  # a postcode unit of about 15 houses
                inward = (
                    f"{rng.integers(1, 10)}{rng.choice(list(_LETTERS))}{rng.choice(list(_LETTERS))}"
                )
                postcode = f"{district} {inward}"
            uprn += 1

            base = {"streetname": street, "townname": town, "postcode": postcode}
            draw = rng.random()
            if draw < 0.03:  # a named cottage without a number
                rows.append(_row(base, uprn, name=f"{street.split()[0]} COTTAGE"))
                continue
            rows.append(_row(base, uprn, number=str(number)))
            if draw < 0.25:  # converted into flats under the house's UPRN
                parent = uprn
                for flat in range(1, int(rng.integers(2, 4)) + 1):
                    uprn += 1
                    rows.append(_row(base, uprn, str(parent), f"FLAT {flat}", number=str(number)))
    return rows + named_blocks(max(1, buildings // 100), uprn, seed)


def named_blocks(count: int, last_uprn: int, seed: int) -> list[dict[str, str]]:
    """Named blocks of 6 to 24 flats (their own generator: the other rows stay as they were)."""
    rng = np.random.default_rng([seed, 2])
    streets = [f"{n} {t}".upper() for n in STREET_NAMES for t in STREET_TYPES]
    kinds = [kind.upper() for kind in BLOCK_TYPES]
    rows: list[dict[str, str]] = []
    uprn = last_uprn
    for b in range(count):
        street = streets[int(rng.integers(0, len(streets)))]
        town = TOWNS[int(rng.integers(0, len(TOWNS)))].upper()
        letters = rng.choice(list(_LETTERS), 2)
        postcode = f"BK{b % 29 + 1} {rng.integers(1, 10)}{letters[0]}{letters[1]}"
        name = f"{STREET_NAMES[int(rng.integers(0, len(STREET_NAMES)))].upper()} "
        name += kinds[int(rng.integers(0, len(kinds)))]
        number = str(200 + b)
        base = {"streetname": street, "townname": town, "postcode": postcode}
        uprn += 1
        parent = uprn
        rows.append(_row(base, uprn, name=name, number=number))
        for flat in range(1, int(rng.integers(6, 25)) + 1):
            uprn += 1
            rows.append(_row(base, uprn, str(parent), f"FLAT {flat}", name, number))
    return rows


def gazetteer_of(components: list[dict[str, str]]) -> Gazetteer:
    """The gazetteer of components: ``uprn, parent_uprn, address, postcode``."""

    def address(row: dict[str, str]) -> str:
        building = " ".join(p for p in (row.get("number", ""), row["streetname"]) if p)
        parts = (
            row.get("subname", ""),
            row.get("name", ""),
            building,
            row.get("locality", ""),
            row["townname"],
        )
        return ", ".join(p for p in parts if p)

    frame = pl.DataFrame(
        {
            "uprn": [r["uprn"] for r in components],
            "parent_uprn": [r.get("parentuprn") or None for r in components],
            "address": [address(r) for r in components],
            "postcode": [r.get("postcode") or None for r in components],
        }
    )
    return gazetteer_from_frame(frame)


def corrupt(
    components_csv: Path, ids: list[str], prevalence: float, noise: float
) -> list[dict[str, Any]]:
    """Recorded addresses with their truth (address-errors' bundled profile)."""
    records = load_components(str(components_csv))
    controls = Controls(prevalence=prevalence, noise=Noise(rate=noise) if noise else None)
    corruptor = Corruptor(Profile.load(), seed=1, controls=controls)
    corruptor.index(records)
    rows: list[dict[str, Any]] = corruptor.generate(ids)
    return rows


def rates(
    resolved: pl.Series, right: pl.Series, home_right: pl.Series, mask: pl.Series
) -> dict[str, float]:
    """Precision, recall and household precision over the records of ``mask``."""
    n_resolved = int((resolved & mask).sum())
    n_right = int((right.fill_null(False) & mask).sum())
    n_home = int((home_right.fill_null(False) & mask).sum())
    return {
        "records": int(mask.sum()),
        "precision": round(n_right / n_resolved, 4) if n_resolved else 0.0,
        "recall": round(n_right / int(mask.sum()), 4) if mask.any() else 0.0,
        "household_precision": round(n_home / n_resolved, 4) if n_resolved else 0.0,
    }


def score(
    rows: list[dict[str, Any]], gazetteer: Gazetteer, block_flats: set[str]
) -> dict[str, Any]:
    """Precision, recall and speed of resolution at each threshold (``block_flats``: UPRNs)."""
    truth = pl.DataFrame(
        {
            "uprn": [r["source_uprn"] for r in rows],
            "collision": [r["collision"] or "" for r in rows],
        }
    )
    households = dict(gazetteer.entries.select("uprn", "household").unique().iter_rows())
    truth = truth.with_columns(household=pl.col("uprn").replace_strict(households, default=None))
    addresses = pl.Series([r["recorded_address"] for r in rows], dtype=pl.String)
    postcodes = pl.Series([r["recorded_postcode"] or None for r in rows], dtype=pl.String)
    # The corrupted string equals another address: it no longer names its source.
    clean = ~truth["collision"].is_in(["matches_other_only", "matches_label_and_other"])
    in_block = truth["uprn"].is_in(sorted(block_flats))
    out: dict[str, Any] = {
        "addresses": len(rows),
        "collision_values": truth["collision"].value_counts().sort("collision").rows(),
    }
    for threshold in THRESHOLDS:
        tick = time.perf_counter()
        resolution = resolve_uprns(addresses, gazetteer, postcodes=postcodes, threshold=threshold)
        seconds = time.perf_counter() - tick
        right = resolution.uprn == truth["uprn"]
        resolved = resolution.uprn.is_not_null()
        home_right = resolution.household == truth["household"]

        out[str(threshold)] = {
            "all": rates(resolved, right, home_right, pl.Series([True] * len(rows))),
            "without_collisions": rates(resolved, right, home_right, clean),
            "flats_in_named_blocks": rates(resolved, right, home_right, in_block),
            "unresolved": {k: v for k, v in resolution.counts().items() if k != "resolved"},
            "addresses_per_second": round(len(rows) / seconds),
        }
    return out


def block_flats(components: list[dict[str, str]]) -> set[str]:
    """The UPRNs of flats in named blocks (a flat with a building name)."""
    return {r["uprn"] for r in components if r.get("subname") and r.get("name")}


def main() -> None:
    """Print the figures as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--buildings", type=int, default=20_000)
    parser.add_argument("--prevalence", type=float, default=2.0)
    parser.add_argument("--noise", type=float, default=0.1)
    args = parser.parse_args()
    components = synthetic_components(args.buildings, seed=25)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "components.csv"
        with path.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=[*COMPONENTS, "postcode"])
            writer.writeheader()
            writer.writerows(components)
        parents = {r["parentuprn"] for r in components if r["parentuprn"]}
        homes = [r["uprn"] for r in components if r["uprn"] not in parents]
        tick = time.perf_counter()
        gazetteer = gazetteer_of(components)
        load_seconds = time.perf_counter() - tick
        rows = corrupt(path, homes, args.prevalence, args.noise)
        synthetic = score(rows, gazetteer, block_flats(components))
    town = load_components(example_path())
    town_homes = [r["uprn"] for r in town if not int(r.get("n_children") or 0)]
    town_rows = corrupt(Path(example_path()), town_homes, args.prevalence, args.noise)
    figures = {
        "gazetteer_rows": gazetteer.rows,
        "gazetteer_seconds": round(load_seconds, 2),
        "prevalence": args.prevalence,
        "noise": args.noise,
        "synthetic": synthetic,
        "example_town": score(town_rows, gazetteer_of(town), block_flats(town)),
    }
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
