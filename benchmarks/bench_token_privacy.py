"""Token privacy (issue 29): standalone enumerable tokens vs keyed composites, in one run.

Usage::

    python benchmarks/bench_token_privacy.py --people 100000    # hard profile, 100k a side
    python benchmarks/bench_token_privacy.py --people 20000 --no-attacks

On the hard synthetic profile (addresses compared, as ``bench_link.py quality`` does), the
same extracts are pseudonymised and linked twice:

- **before**: every derived token standalone (sex, initials, date-of-birth year, month and day,
  postcode sector and district), names keyed alone (``tokens.names_with_birth_year: false``)
  and the link section safelink shipped before composites;
- **after**: the demo job as it is (only the tokens its link section reads, enumerable values
  only inside keyed composites).

It prints, per side: linkage precision, recall and F1 against the truth (and the F1
difference), the token columns of each tokens file with their distinct counts (the fewest, and
every column under 1,000), and, for the social-care file, the share of records whose value
frequency alignment and graph matching recover per column (:mod:`safelink.token_attacks`,
scored with the key), with the largest.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
import warnings
from pathlib import Path
from typing import Any

import polars as pl
from _fixed_key import fixed_keyring
from bench_link import ONE_PER_PERSON, _with_addresses

from safelink.config import JobConfig, TokenSettings, load_config, parse_link_config
from safelink.link import link
from safelink.normalise.composite import COMPOSITES
from safelink.pseudonymise import RECORD_ID, Pseudonymised, pseudonymise
from safelink.pseudonymise.api import _local_tokeniser
from safelink.synthetic.corruption import PROFILES
from safelink.synthetic.extracts import generate, record_truth
from safelink.token_attacks import attack_columns

ROOT = Path(__file__).resolve().parents[1]
ENUMERABLE = 1_000
#: The link section of configs/demo.yaml before composites (standalone initials, districts;
#: the comparisons then read sex, the date-of-birth parts, sector and district alone).
BEFORE_LINK: dict[str, Any] = {
    "keep_apart_different_nhs_numbers": True,
    "cascade": {
        "nhs_number_partner": ["date_of_birth"],
        "match_keys": [
            {"name": "name_dob_postcode",
             "columns": ["forename", "surname", "date_of_birth", "postcode"]},
            {"name": "name_dob_district",
             "columns": ["forename", "surname", "date_of_birth", "postcode_district"]},
            {"name": "phonetic_dob_district",
             "columns": ["surname_nysiis", "forename_initial", "date_of_birth",
                         "postcode_district"]},
            {"name": "name_swapped_dob",
             "columns": ["forename", "surname", {"date_of_birth_swapped": "date_of_birth"}]},
            {"name": "name_reversed_dob",
             "columns": [{"forename": "surname"}, {"surname": "forename"}, "date_of_birth"]},
        ],
    },
    "probabilistic": {
        "threshold": 0.95,
        "comparisons": ["nhs_number", "forename", "surname", "date_of_birth", "postcode", "sex"],
        "term_frequency": ["forename", "surname", "postcode"],
        "blocking": [["date_of_birth"], ["surname_nysiis", "forename_nysiis"],
                     ["postcode", "forename_initial"], ["nhs_number"]],
        "max_blocked_pairs": 100_000_000,
        "max_training_records": 1_000_000,
    },
}  # fmt: skip


def _distinct(tokens: pl.DataFrame) -> dict[str, int]:
    return {
        c: tokens.get_column(c).drop_nulls().n_unique() for c in tokens.columns if c != RECORD_ID
    }


def _before(frame: pl.DataFrame, job: JobConfig, source: str, keys: Any) -> Pseudonymised:
    """The tokens of before issue 29: every derived token standalone, names keyed alone."""
    settings = TokenSettings(names_with_birth_year=False)
    tokeniser = _local_tokeniser(job.sources[source], keys, settings, None, None)
    config = job.sources[source]
    tokens, content = tokeniser.batch(
        frame.select(pl.col(c.name).cast(pl.String) for c in config.columns)
    )
    summary = tokeniser.summary({}, {})
    return Pseudonymised(
        tokens=tokens.drop(list(COMPOSITES), strict=False), content=content, summary=summary
    )


def run_side(name: str, data: Any, job: JobConfig, *, lone: bool, attacks: bool) -> dict[str, Any]:
    """Pseudonymise and link one way; measure quality, cardinalities and attacks."""
    keys = fixed_keyring()
    tick = time.perf_counter()
    done = {
        s: _before(f, job, s, keys) if lone else pseudonymise(f, job, keys, source=s)
        for s, f in data.frames().items()
    }
    pseudo_s = time.perf_counter() - tick
    truth = record_truth(data.truth, {s: p.content for s, p in done.items()})
    tick = time.perf_counter()
    result = link(list(done.values()), job, truth=truth)
    link_s = time.perf_counter() - tick
    distinct = {s: _distinct(p.tokens) for s, p in done.items()}
    fewest = min((n, f"{s}.{c}") for s, cols in distinct.items() for c, n in cols.items())
    figures: dict[str, Any] = {
        "side": name,
        "linkage": {k: result.report.truth[k] for k in ("precision", "recall", "f1")},
        "pseudonymise_seconds": round(pseudo_s, 1),
        "link_seconds": round(link_s, 1),
        "token_columns": {s: len(cols) for s, cols in distinct.items()},
        "fewest_distinct": {"column": fewest[1], "distinct": fewest[0]},
        "columns_under_1000": {
            f"{s}.{c}": n for s, cols in distinct.items() for c, n in cols.items() if n < ENUMERABLE
        },
        "distinct": distinct,
    }
    if attacks:
        tick = time.perf_counter()
        settings = TokenSettings(names_with_birth_year=not lone)
        results = attack_columns(done["social_care"].tokens, keys, settings=settings)
        figures["attack_seconds"] = round(time.perf_counter() - tick, 1)
        figures["attacks_social_care"] = {
            a.column: {
                "distinct": a.distinct,
                "frequency": a.frequency_recovered,
                "graph": a.graph_recovered,
            }
            for a in results
        }
        worst = max(
            (max(a.frequency_recovered or 0.0, a.graph_recovered or 0.0), a.column) for a in results
        )
        figures["largest_recovery"] = {"column": worst[1], "share": worst[0]}
    return figures


def main() -> None:
    """Print the before/after figures as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--no-attacks", action="store_true")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    warnings.simplefilter("ignore", DeprecationWarning)
    data = generate(args.people, seed=args.seed, **PROFILES["hard"])  # type: ignore[arg-type]
    after = load_config(ROOT / "configs" / "demo.yaml")
    after = dataclasses.replace(
        after, link=dataclasses.replace(after.link, one_record_per_person=ONE_PER_PERSON["hard"])
    )
    after = _with_addresses(after)
    before_link = parse_link_config(
        {**BEFORE_LINK, "one_record_per_person": ONE_PER_PERSON["hard"]}
    )
    before_link = dataclasses.replace(
        before_link,
        probabilistic=dataclasses.replace(
            before_link.probabilistic,
            comparisons=(*before_link.probabilistic.comparisons, "address"),
        ),
    )
    before = dataclasses.replace(after, link=before_link)
    sides = [
        run_side("before", data, before, lone=True, attacks=not args.no_attacks),
        run_side("after", data, after, lone=False, attacks=not args.no_attacks),
    ]
    summary = {
        "people": args.people,
        "records": {s: f.height for s, f in data.frames().items()},
        "f1_before": sides[0]["linkage"]["f1"],
        "f1_after": sides[1]["linkage"]["f1"],
        "f1_after_minus_before": round(sides[1]["linkage"]["f1"] - sides[0]["linkage"]["f1"], 5),
        "fewest_distinct_before": sides[0]["fewest_distinct"],
        "fewest_distinct_after": sides[1]["fewest_distinct"],
        "largest_recovery_before": sides[0].get("largest_recovery"),
        "largest_recovery_after": sides[1].get("largest_recovery"),
    }
    text = json.dumps({"summary": summary, "sides": sides}, indent=2, default=str)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
