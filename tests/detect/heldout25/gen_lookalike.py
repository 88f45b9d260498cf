"""Category g: look-alikes that identify nobody."""

from __future__ import annotations

import random

from . import pools
from . import values as v


def _col(make, blank: float = 0.03):
    def gen(r: random.Random, rows: int) -> list[str | None]:
        return [None if r.random() < blank else make(r) for _ in range(rows)]

    return gen


def _flood_area(r: random.Random) -> str:
    return (
        f"{r.choice(pools.FLOOD_AREAS_PREFIX)}{r.choice(['FWF', 'WAF', 'FWT'])}"
        f"{r.randrange(1, 99):02d}{r.choice(pools.FLOOD_AREAS_SUFFIX)}"
    )


def _nsn(r: random.Random) -> str:
    return (
        f"{r.choice(['8465', '8340', '7210', '6530', '6115', '8970'])}-99-"
        f"{r.randrange(1000):03d}-{r.randrange(10000):04d}"
    )


def _stock(r: random.Random) -> str:
    item = r.choice(pools.PRODUCTS)
    return r.choice([item, item, item.upper(), f"{item} x{r.randrange(1, 48)}"])


def _drug(r: random.Random) -> str:
    d = r.choice(pools.DRUGS)
    return r.choice([d, f"{d} {r.choice(['5mg', '10mg', '500mg', '100mcg', '2.5mg'])}", d.lower()])


def _site(r: random.Random) -> str:
    return r.choice(pools.VENUES)


def _org(r: random.Random) -> str:
    return r.choice(
        [
            *pools.AGENCIES,
            f"Rotary Club of {r.choice(pools.TOWNS)}",
            f"{r.choice(pools.TOWNS)} Mountain Rescue Team",
            f"{r.choice(pools.TOWNS)} Community Flood Group",
        ]
    )


def _storm(r: random.Random) -> str:
    s = r.choice(pools.STORMS)
    return r.choice([s, f"Storm {s}", s.upper()])


def _tray(r: random.Random) -> str:
    return r.choice(
        [
            f"T-{r.randrange(1, 20):02d}-{r.choice('ABCD')}",
            f"BAY{r.randrange(1, 9)}/SHELF{r.randrange(1, 5)}",
            f"TMU {r.choice('ABC')}{r.randrange(1, 60)}",
            f"Fridge {r.randrange(1, 12)} tray {r.randrange(1, 4)}",
        ]
    )


def _w3w(r: random.Random) -> str:
    words = r.sample(pools.W3W, 3)
    return r.choice(["///" + ".".join(words), ".".join(words), "w3w: " + ".".join(words)])


def _grid(r: random.Random) -> str:
    sq = r.choice(
        ["SD", "NY", "SJ", "SO", "SE", "NT", "NN", "NH", "SK", "SU", "TQ", "SH", "SN", "NZ"]
    )
    return r.choice(
        [
            f"{sq} {r.randrange(10**5):05d} {r.randrange(10**5):05d}",
            f"{sq}{r.randrange(10**3):03d}{r.randrange(10**3):03d}",
            f"{sq} {r.randrange(10**3):03d} {r.randrange(10**3):03d}",
            f"{sq}{r.randrange(10**4):04d}{r.randrange(10**4):04d}",
        ]
    )


def _seal(r: random.Random) -> str:
    d = v.event_date(r)
    while True:
        s = d.strftime("%d%m%y") + f"{r.randrange(10**4):04d}"
        if not v.mod11_valid(s):
            return s


flood_warning_area = _col(_flood_area)
nsn_stock_no = _col(_nsn)
welfare_stock_item = _col(_stock)
meds_brought = _col(_drug, 0.2)
rest_centre_site = _col(_site)
responding_org = _col(_org)
storm_name = _col(_storm)
lifeboat_name = _col(lambda q: q.choice(pools.LIFEBOATS))
mortuary_tray_code = _col(_tray)
oblast_of_origin = _col(lambda q: q.choice(pools.OBLASTS), 0.05)
w3w_location = _col(_w3w)
icd10_cause = _col(lambda q: q.choice(pools.ICD10), 0.05)
os_grid_ref = _col(_grid)
incident_callsign = _col(lambda q: q.choice(pools.CALLSIGNS))
body_bag_seal_no = _col(_seal, 0.02)
