"""Linkage with households: the hard profile linked with and without UPRN resolution.

Usage: python benchmarks/bench_households.py [--people 10000] [--seed 7]

The hard profile has twins (4% of people) and siblings (15%) at one address. A gazetteer of
every synthetic home comes with the extracts (``SyntheticExtracts.gazetteer``, from
:mod:`safelink.synthetic.gazetteer`: a flat's parent is its building or named block). The demo
job with address tokens compared (as ``bench_link.py --addresses on``) is linked, then the same
job with the address column resolved to UPRNs (``resolve_uprn``) and the ``household``
comparison. Prints JSON: pairwise precision, recall and F1 of each run against the truth, the
unresolved addresses by reason, and the link times.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from _fixed_key import fixed_keyring
from bench_link import ONE_PER_PERSON, ROOT, _with_addresses

from safelink.config import JobConfig, load_config
from safelink.keys import Keyring
from safelink.link import link
from safelink.pseudonymise import pseudonymise
from safelink.synthetic.corruption import PROFILES
from safelink.synthetic.extracts import SyntheticExtracts, generate, record_truth


def _resolving(job: JobConfig, gazetteer: Path) -> JobConfig:
    """The job with each source's address column resolved and households compared."""
    sources = {}
    for name, source in job.sources.items():
        columns = tuple(
            dataclasses.replace(c, resolve_uprn=True, gazetteer=gazetteer)
            if c.name == "address"
            else c
            for c in source.columns
        )
        sources[name] = dataclasses.replace(source, columns=columns)
    probabilistic = job.link.probabilistic
    compared = dataclasses.replace(
        probabilistic, comparisons=(*probabilistic.comparisons, "household")
    )
    return dataclasses.replace(
        job, sources=sources, link=dataclasses.replace(job.link, probabilistic=compared)
    )


def run(job: JobConfig, data: SyntheticExtracts, keys: Keyring) -> dict[str, Any]:
    """Pseudonymise and link; pairwise quality against the truth."""
    done = {s: pseudonymise(f, job, keys, source=s) for s, f in data.frames().items()}
    truth = record_truth(data.truth, {s: p.content for s, p in done.items()})
    tick = time.perf_counter()
    result = link(list(done.values()), job, truth=truth)
    seconds = time.perf_counter() - tick
    quality = result.report.truth
    unresolved: dict[str, int] = {}
    for p in done.values():
        for column in p.summary.columns:
            for reason, count in column.warnings.items():
                if reason.startswith("uprn_"):
                    unresolved[reason] = unresolved.get(reason, 0) + count
    return {
        **{k: quality[k] for k in ("precision", "recall", "f1")},
        "link_seconds": round(seconds, 2),
        "unresolved_addresses": unresolved,
    }


def main() -> None:
    """Print the figures as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    data = generate(args.people, seed=args.seed, **PROFILES["hard"])  # type: ignore[arg-type]
    job = load_config(ROOT / "configs" / "demo.yaml")
    job = dataclasses.replace(
        job, link=dataclasses.replace(job.link, one_record_per_person=ONE_PER_PERSON["hard"])
    )
    job = _with_addresses(job)
    keys = fixed_keyring()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gazetteer.parquet"
        gazetteer = data.gazetteer
        assert gazetteer is not None
        gazetteer.write_parquet(path)
        figures = {
            "people": args.people,
            "gazetteer_rows": gazetteer.height,
            "addresses_compared": run(job, data, keys),
            "households_compared": run(_resolving(job, path), data, keys),
        }
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
