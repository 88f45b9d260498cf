"""What addresses cost pseudonymise: the normaliser, its parts, and a source with and without.

Usage: python benchmarks/bench_address.py [--people 100000] [--repeat 3]

On the hard profile's hospital extract (its ``address`` column,
:mod:`safelink.synthetic.addresses`):
best-of seconds of ``normalise(ADDRESS)``, of :func:`safelink.normalise.address_parts` on the
canonical values, and of ``pseudonymise`` of the demo job's hospital source without and with the
address column (4 more token columns). Prints JSON.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _fixed_key import fixed_keyring

from safelink.config import ColumnRole, ColumnSpec, load_config
from safelink.identifiers import Identifier
from safelink.normalise import address_parts, normalise
from safelink.pseudonymise import pseudonymise
from safelink.synthetic.corruption import PROFILES
from safelink.synthetic.extracts import generate

ROOT = Path(__file__).resolve().parents[1]


def best(repeat: int, run: Callable[[], Any]) -> float:
    """The best of ``repeat`` timings of ``run``, in seconds."""
    times = []
    for _ in range(repeat):
        tick = time.perf_counter()
        run()
        times.append(time.perf_counter() - tick)
    return round(min(times), 3)


def main() -> None:
    """Print the figures as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    hospital = generate(args.people, seed=2024, **PROFILES["hard"]).hospital  # type: ignore[arg-type]
    raw = hospital["address"]
    canonical = normalise(Identifier.ADDRESS, raw).values
    job = load_config(ROOT / "configs" / "demo.yaml")
    source = job.sources["hospital"]
    address = ColumnSpec(name="address", role=ColumnRole.IDENTIFIER, kind=Identifier.ADDRESS)
    with_address = dataclasses.replace(
        job,
        sources={"hospital": dataclasses.replace(source, columns=(*source.columns, address))},
    )
    keys = fixed_keyring()
    without_s = best(args.repeat, lambda: pseudonymise(hospital, job, keys, source="hospital"))
    with_s = best(
        args.repeat, lambda: pseudonymise(hospital, with_address, keys, source="hospital")
    )
    figures = {
        "records": hospital.height,
        "distinct_addresses": raw.n_unique(),
        "normalise_address_seconds": best(args.repeat, lambda: normalise(Identifier.ADDRESS, raw)),
        "address_parts_seconds": best(args.repeat, lambda: address_parts(canonical)),
        "pseudonymise_without_address_seconds": without_s,
        "pseudonymise_with_address_seconds": with_s,
        "with_over_without": round(with_s / without_s, 2),
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
