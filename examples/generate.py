"""Write a synthetic hospital extract, social-care extract and truth file as CSV.

Usage::

    python examples/generate.py --people 10000 --seed 1 --out examples/data
    python examples/generate.py --profile addresses   # with addresses and gazetteer.csv

The people are synthetic (names from bundled lists, NHS numbers from the never-issued 999 test
range). Corruption rates are documented in ``safelink.synthetic.extracts``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from safelink.synthetic.corruption import PROFILES
from safelink.synthetic.extracts import generate


def main() -> None:
    """Parse the arguments, generate the extracts and write them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000, help="population size")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    parser.add_argument("--duplicates", type=float, default=None, help="within-source duplicates")
    parser.add_argument(
        "--profile",
        choices=sorted(PROFILES),
        default="standard",
        help="generator settings (addresses: an address column and a gazetteer, as the demo)",
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()
    started = time.perf_counter()
    settings = PROFILES[args.profile]
    data = generate(args.people, seed=args.seed, duplicates=args.duplicates, **settings)  # type: ignore[arg-type]
    written = data.write_csv(args.out)
    took = time.perf_counter() - started
    for name, path in written.items():
        print(f"{name}: {path}")
    print(
        f"{data.hospital.height:,} hospital and {data.social_care.height:,} social-care records "
        f"for {args.people:,} people in {took:.1f}s"
    )


if __name__ == "__main__":
    main()
