"""Reproducibility at scale: the same extracts, shuffled and re-pseudonymised, linked twice.

Usage::

    python benchmarks/bench_repeat.py --people 125000   # ~100,000 x ~100,000 records

Each run shuffles both extracts' rows (another seed), pseudonymises them (fresh record ids)
under the same key and config, and links them; the links are then keyed by the providers' own
references. It prints whether the two runs' links, person ids, steps and weights are identical,
how many records differ, and each run's seconds.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
import warnings
from dataclasses import replace
from pathlib import Path

import polars as pl
from _fixed_key import fixed_keyring

from safelink.config import load_config
from safelink.link import link
from safelink.pseudonymise import pseudonymise
from safelink.synthetic.corruption import HOSPITAL_RATES, SOCIAL_CARE_RATES
from safelink.synthetic.extracts import generate

ROOT = Path(__file__).resolve().parents[1]
REFS = {"hospital": "hospital_ref", "social_care": "case_id"}


def run(people: int, seed: int) -> dict[str, object]:
    """Link the same extracts twice in other row orders; compare."""
    data = generate(
        people,
        seed=seed,
        hospital=replace(HOSPITAL_RATES, coverage=0.8),
        social_care=replace(SOCIAL_CARE_RATES, coverage=0.8),
    )
    job = load_config(ROOT / "configs" / "demo.yaml")
    keys = fixed_keyring()
    runs, seconds, reports = [], [], []
    for shuffle in (1, 2):
        tick = time.perf_counter()
        done = [
            pseudonymise(
                frame.sample(fraction=1.0, shuffle=True, seed=shuffle), job, keys, source=s
            )
            for s, frame in data.frames().items()
        ]
        result = link(done, job)
        seconds.append(round(time.perf_counter() - tick, 1))
        refs = pl.concat(
            [
                p.content.select("record_id", pl.col(REFS[p.summary.source]).alias("ref"))
                for p in done
            ]
        )
        runs.append(result.links.join(refs, on="record_id").drop("record_id").sort("source", "ref"))
        reports.append(result.report)
    first, second = runs
    differing = first.join(second, on=["source", "ref"], suffix="_2").filter(
        (pl.col("person_id") != pl.col("person_id_2"))
        | (pl.col("step").fill_null("") != pl.col("step_2").fill_null(""))
    )
    same_parts = [
        part
        for part in ("sources", "steps", "constraints", "estimates", "model")
        if getattr(reports[0], part) == getattr(reports[1], part)
    ]
    return {
        "records": {s: f.height for s, f in data.frames().items()},
        "links_identical": first.equals(second),
        "records_differing": differing.height,
        "report_parts_identical": same_parts,
        "linked_records": int(first["step"].drop_nulls().len()),
        "seconds_per_run_pseudonymise_and_link": seconds,
    }


def main() -> None:
    """Print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=125_000)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    logging.getLogger("splink").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")
    print(json.dumps(run(args.people, args.seed), indent=2))


if __name__ == "__main__":
    main()
