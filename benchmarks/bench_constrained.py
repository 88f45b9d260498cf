"""Constrained clustering on the hard synthetic profile: P/R/F1 against the truth, before/after.

Usage::

    python benchmarks/bench_constrained.py --people 20000 [--profile standard]

The hard profile (:data:`safelink.synthetic.PROFILES`) has twins and siblings at one address,
80% of social-care NHS numbers missing and 15% duplicate social-care records; the hospital
holds one record per person. The same tokens are linked, in the same run, three ways:

* ``components``: every source may hold duplicates, persons are the connected components of
  the links (the old ``deduplicated: false``);
* ``different_nhs_numbers_apart``: as ``components``, but records with different NHS numbers
  kept apart;
* ``one_record_per_person``: the hospital declared one record per person;
* ``constrained``: that, and records with different NHS numbers kept apart (the default).

For each it prints pairwise precision, recall and F1 against the truth, the persons holding two
hospital records, the links each constraint refused, and the report's own estimates of precision
and recall over every step (made without the truth), to compare with the measured ones.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import time
import warnings
from pathlib import Path

import polars as pl
from _fixed_key import fixed_keyring

from safelink.config import load_config
from safelink.link import link
from safelink.pseudonymise import pseudonymise
from safelink.synthetic.corruption import PROFILES
from safelink.synthetic.extracts import generate, record_truth

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = {
    "components": {"one_record_per_person": False, "keep_apart_different_nhs_numbers": False},
    "different_nhs_numbers_apart": {
        "one_record_per_person": False,
        "keep_apart_different_nhs_numbers": True,
    },
    "one_record_per_person": {
        "one_record_per_person": {"hospital": True, "social_care": False},
        "keep_apart_different_nhs_numbers": False,
    },
    "constrained": {
        "one_record_per_person": {"hospital": True, "social_care": False},
        "keep_apart_different_nhs_numbers": True,
    },
}


def run(people: int, seed: int, profile: str = "hard") -> dict[str, object]:
    """Link a profile's extracts each way and measure it against the truth."""
    data = generate(people, seed=seed, **PROFILES[profile])  # type: ignore[arg-type]
    job = load_config(ROOT / "configs" / "demo.yaml")
    keys = fixed_keyring()
    done = {s: pseudonymise(f, job, keys, source=s) for s, f in data.frames().items()}
    truth = record_truth(data.truth, {s: p.content for s, p in done.items()})
    results: dict[str, object] = {
        "profile": profile,
        "people": people,
        "records": {s: f.height for s, f in data.frames().items()},
    }
    for name, changes in SETTINGS.items():
        settings = dataclasses.replace(job.link, **changes)  # type: ignore[arg-type]
        tick = time.perf_counter()
        result = link(list(done.values()), dataclasses.replace(job, link=settings), truth=truth)
        seconds = time.perf_counter() - tick
        measured = result.report.truth or {}
        hospital_twice = (
            result.links.filter(pl.col("source") == "hospital")
            .group_by("person_id")
            .len()
            .filter(pl.col("len") > 1)
            .height
        )
        results[name] = {
            **{k: measured.get(k) for k in ("precision", "recall", "f1")},
            "persons_with_two_hospital_records": hospital_twice,
            "refused_links": result.report.constraints["refused_links"],
            "estimated_every_step": {
                k: result.report.estimates.get(k)
                for k in ("estimated_precision", "estimated_recall", "expected_missed_links")
            },
            "link_seconds": round(seconds, 2),
        }
    before, after = results["components"], results["constrained"]
    assert isinstance(before, dict) and isinstance(after, dict)
    results["constrained_minus_components"] = {
        k: round(after[k] - before[k], 4) for k in ("precision", "recall", "f1")
    }
    return results


def main() -> None:
    """Print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="hard")
    args = parser.parse_args()
    logging.getLogger("splink").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")
    print(json.dumps(run(args.people, args.seed, args.profile), indent=2))


if __name__ == "__main__":
    main()
