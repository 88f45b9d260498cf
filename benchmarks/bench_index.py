"""Person index over three monthly deliveries: do persons keep their ids, and what does it cost?

Usage::

    python benchmarks/bench_index.py --people 30000

One synthetic population (hospital and social-care extracts with the generator's changes of
address and name between records) is delivered in three monthly slices: each record goes to
one month at random. Each month is linked against the person index of the months before
(``link_with_index``). In the same run, everything is also linked at once without an index,
the best a linkage of these records can do. For every true person with records in more than
one month it counts those whose records carry more than one person id at the end (ids
changed), for the index and for the one-shot link, and it times each monthly delivery against
the size of the index it was linked with.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
import warnings
from pathlib import Path

import numpy as np
import polars as pl
from _fixed_key import fixed_keyring

from safelink.config import load_config
from safelink.engines.backend import PolarsBackend
from safelink.link import link
from safelink.link.index import empty_index, link_with_index
from safelink.link.quality import truth_table
from safelink.pseudonymise import pseudonymise
from safelink.synthetic.extracts import generate, record_truth

ROOT = Path(__file__).resolve().parents[1]
MONTHS = 3


def _split_persons(assigned: pl.DataFrame, truth: pl.DataFrame, months: pl.DataFrame) -> dict:
    """True persons seen in 2+ months, and those whose records carry 2+ person ids."""
    joined = assigned.join(truth, on=["source", "record_id"]).join(
        months, on=["source", "record_id"]
    )
    per_person = joined.group_by("true_person").agg(
        pl.col("month").n_unique().alias("months"), pl.col("person_id").n_unique().alias("ids")
    )
    seen = per_person.filter(pl.col("months") > 1)
    changed = seen.filter(pl.col("ids") > 1).height
    return {
        "persons_in_2plus_months": seen.height,
        "with_more_than_one_id": changed,
        "share": round(changed / seen.height, 5) if seen.height else None,
    }


def _pairwise(assigned: pl.DataFrame, truth: pl.DataFrame) -> dict[str, float | None]:
    """Pairwise precision, recall and F1 of ``assigned`` against the truth."""
    measured = truth_table(
        assigned,
        truth.rename({"true_person": "person_id"}),
        pl.DataFrame(schema={"node_l": pl.Int64, "node_r": pl.Int64, "step": pl.String}),
        pl.DataFrame(schema={"node": pl.Int64, "source": pl.String, "record_id": pl.String}),
    )
    return {k: measured[k] for k in ("precision", "recall", "f1")}


def run(people: int, seed: int) -> dict[str, object]:
    """Deliver the extracts in monthly slices and measure id stability and time."""
    data = generate(people, seed=seed)
    job = load_config(ROOT / "configs" / "demo.yaml")
    settings = job.link
    keys = fixed_keyring()
    done = {s: pseudonymise(f, job, keys, source=s) for s, f in data.frames().items()}
    truth = record_truth(data.truth, {s: p.content for s, p in done.items()}).select(
        "source", "record_id", pl.col("person_id").alias("true_person")
    )
    rng = np.random.default_rng(seed)
    tokens = {s: p.tokens for s, p in done.items()}
    month_of = {s: rng.integers(1, MONTHS + 1, t.height) for s, t in tokens.items()}
    months = pl.concat(
        [
            pl.DataFrame({"source": s, "record_id": t["record_id"], "month": month_of[s]})
            for s, t in tokens.items()
        ]
    )
    index = empty_index()
    deliveries = []
    assigned = []
    for month in range(1, MONTHS + 1):
        slices = [t.filter(pl.Series(month_of[s] == month)) for s, t in tokens.items()]
        before = index.records.height
        tick = time.perf_counter()
        result, index = link_with_index(
            PolarsBackend(), slices, settings, index, sources=list(tokens)
        )
        seconds = time.perf_counter() - tick
        deliveries.append(
            {
                "month": month,
                "delivery_records": sum(s.height for s in slices),
                "index_records_before": before,
                "link_seconds": round(seconds, 2),
                **{k: result.report.index[k] for k in ("persons_kept", "persons_new", "merged")},
            }
        )
        assigned.append(result.links.select("source", "record_id", "person_id"))
    # Ids at the end: a person merged later carries the id it was merged into.
    final = {h["old"]: h["new"] for h in index.history if h["why"] == "merged"}
    incremental = pl.concat(assigned).with_columns(pl.col("person_id").replace(final))
    tick = time.perf_counter()
    whole = link(list(tokens.values()), settings, sources=list(tokens))
    whole_seconds = time.perf_counter() - tick
    return {
        "people": people,
        "records": {s: t.height for s, t in tokens.items()},
        "deliveries": deliveries,
        "ids_changed_with_index": _split_persons(incremental, truth, months),
        "pairwise_with_index": _pairwise(incremental, truth),
        "pairwise_linking_everything_at_once": _pairwise(
            whole.links.select("source", "record_id", "person_id"), truth
        ),
        "ids_split_linking_everything_at_once": _split_persons(
            whole.links.select("source", "record_id", "person_id"), truth, months
        ),
        "one_shot_link_seconds": round(whole_seconds, 2),
        "month3_over_month1_seconds": round(
            deliveries[-1]["link_seconds"] / deliveries[0]["link_seconds"], 2
        ),
    }


def main() -> None:
    """Print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("splink").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")
    print(json.dumps(run(args.people, args.seed), indent=2))


if __name__ == "__main__":
    main()
