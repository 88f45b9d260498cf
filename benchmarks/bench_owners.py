"""Time the returns to data owners: a return file, a discrepancy report, a subject lookup.

Usage: ``python benchmarks/bench_owners.py [PEOPLE ...]`` (default 20000 100000). Builds the
linked inputs with the demo pipeline first (not timed: ``bench_release``'s builder), then
times, each against the whole linkage:

* ``return hospital`` with two flags (``linked(social_care)``, and a ``where`` condition over
  social care's content combined with a condition on the hospital's own column);
* ``discrepancies social_care`` with the keyring (every source's tokens read);
* ``subject`` for one NHS number (every tokens file scanned for its token).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

import polars as pl
from bench_release import _linked_inputs

from safelink.identifiers import Identifier
from safelink.normalise import normalise
from safelink.owners import discrepancy_report, return_file, subject_lookup

FLAGS = [
    "known_to_social_care=linked(social_care)",
    "older_home_care=age_on_admission >= 65 and "
    "linked(social_care where care_package == 'Home care')",
]


def bench(people: int) -> dict[str, float]:
    """Build linked inputs for ``people`` synthetic people, then time the three requests."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ring, config = _linked_inputs(root, people)
        log = root / "audit" / "owners.audit.jsonl"
        pseudonymised = root / "pseudonymised"
        links = root / "linked" / "links.parquet"
        tokens = sorted(pseudonymised.glob("*.tokens.parquet"))
        tick = time.perf_counter()
        returned = return_file(
            config, "hospital", root / "hospital.return.parquet", links=links,
            content=[pseudonymised], record_key="hospital_ref", flags=FLAGS, audit_log=log,
        )  # fmt: skip
        return_seconds = time.perf_counter() - tick
        tick = time.perf_counter()
        discrepancy_report(
            config, "social_care", root / "social_care.discrepancies.parquet", links=links,
            tokens=tokens, content=[pseudonymised], record_key="case_id", keys=ring,
            audit_log=log,
        )  # fmt: skip
        discrepancy_seconds = time.perf_counter() - tick
        raw = pl.read_csv(root / "extracts" / "social_care.csv", infer_schema=False)["nhs_no"]
        valid = normalise(Identifier.NHS_NUMBER, raw).values
        nhs = raw.filter(valid.is_not_null())[0]
        tick = time.perf_counter()
        found = subject_lookup(config, nhs, keys=ring, tokens=tokens, links=links, audit_log=log)
        subject_seconds = time.perf_counter() - tick
        return {
            "people": people,
            "hospital_records": returned.summary["records"],
            "return_seconds": round(return_seconds, 3),
            "discrepancies_seconds": round(discrepancy_seconds, 3),
            "subject_seconds": round(subject_seconds, 3),
            "subject_found": len(found.persons),
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [20_000, 100_000]:
        print(bench(size), flush=True)
