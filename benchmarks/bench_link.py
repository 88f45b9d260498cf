"""Linkage benchmark: quality on tokens vs cleartext Splink, and speed at scale.

Usage::

    python benchmarks/bench_link.py quality --people 100000
    python benchmarks/bench_link.py speed --people 1250000   # ~1M hospital vs ~1M social care

``quality`` links pseudonymised tokens with the safelink cascade + Splink and, on the same data
in the same run, runs Splink on cleartext with Jaro-Winkler name comparisons; it prints F1 of
both and the gap. ``speed`` times every step and records the peak memory (RSS high-water mark)
after each. Sizes are arguments so you can iterate small first.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import tempfile
import time
import warnings
from dataclasses import replace
from pathlib import Path

import polars as pl

from safelink.config import load_config
from safelink.engines.backend import DuckDBBackend
from safelink.identifiers import Identifier
from safelink.keys import Keyring
from safelink.link import link
from safelink.link.cluster import constrain, per_record
from safelink.link.quality import truth_table
from safelink.normalise import normalise
from safelink.pseudonymise import pseudonymise
from safelink.synthetic import HOSPITAL_RATES, SOCIAL_CARE_RATES, generate, record_truth

ROOT = Path(__file__).resolve().parents[1]
CLEAR_COLUMNS = {
    "hospital": {
        "nhs_number": "nhs_number",
        "forename": "forename",
        "surname": "surname",
        "date_of_birth": "date_of_birth",
        "sex": "sex",
        "postcode": "postcode",
    },
    "social_care": {
        "nhs_no": "nhs_number",
        "first_name": "forename",
        "last_name": "surname",
        "dob": "date_of_birth",
        "gender": "sex",
        "postcode": "postcode",
    },
}


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cleartext_baseline(data, threshold: float) -> dict:
    """Splink on normalised cleartext with Jaro-Winkler names; one-to-one; F1 against truth."""
    import duckdb
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frames = []
    for source, frame in data.frames().items():
        ref = "hospital_ref" if source == "hospital" else "case_id"
        cols = {"record_id": frame[ref].cast(pl.String)}
        for raw, kind in CLEAR_COLUMNS[source].items():
            cols[kind] = normalise(Identifier(kind), frame[raw].cast(pl.String)).values
        out = pl.DataFrame(cols).with_columns(
            pl.col("postcode").str.split(" ").list.first().alias("postcode_district"),
            pl.col("surname").str.slice(0, 1).alias("surname_initial"),
            pl.col("forename").str.slice(0, 1).alias("forename_initial"),
        )
        frames.append((source, out))
    started = time.perf_counter()
    con = duckdb.connect()
    api = DuckDBAPI(con)
    tables = [
        api.register(f.rename({"record_id": "unique_id"}).to_arrow(), table_name=s)
        for s, f in frames
    ]
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            cl.ExactMatch("nhs_number"),
            cl.JaroWinklerAtThresholds("forename", [0.92, 0.8]).configure(
                term_frequency_adjustments=True
            ),
            cl.JaroWinklerAtThresholds("surname", [0.92, 0.8]).configure(
                term_frequency_adjustments=True
            ),
            cl.LevenshteinAtThresholds("date_of_birth", [1, 2]),
            cl.LevenshteinAtThresholds("postcode", [1, 2]).configure(
                term_frequency_adjustments=True
            ),
            cl.ExactMatch("sex"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("date_of_birth"),
            block_on("surname", "forename_initial"),
            block_on("postcode", "forename_initial"),
            block_on("nhs_number"),
        ],
        retain_matching_columns=False,
    )
    logging.getLogger("splink").setLevel(logging.ERROR)
    linker = Linker(tables, settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("nhs_number", "date_of_birth"), block_on("forename", "surname", "date_of_birth")],
        recall=0.8,
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    for rule in (block_on("date_of_birth"), block_on("surname", "forename"), block_on("postcode")):
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=True
        )
    pred = linker.inference.predict(threshold_match_probability=threshold)
    pairs = pl.from_arrow(
        con.sql(
            "select unique_id_l, unique_id_r, source_dataset_l, match_weight, match_probability "
            f"from {pred.physical_name}"
        ).to_arrow_table()
    )
    nodes = pl.concat([f.select(pl.lit(s).alias("source"), "record_id") for s, f in frames]).sort(
        "source", "record_id"
    )
    nodes = nodes.with_row_index("node").with_columns(pl.col("node").cast(pl.Int64))
    key = nodes.select("node", (pl.col("source") + ":" + pl.col("record_id")).alias("k"))
    pairs = (
        pairs.with_columns(
            pl.when(pl.col("source_dataset_l") == "hospital")
            .then(pl.lit("hospital:"))
            .otherwise(pl.lit("social_care:"))
            .alias("pl"),
        )
        .with_columns(
            (pl.col("pl") + pl.col("unique_id_l").cast(pl.String)).alias("kl"),
            (
                pl.when(pl.col("pl") == "hospital:")
                .then(pl.lit("social_care:"))
                .otherwise(pl.lit("hospital:"))
                + pl.col("unique_id_r").cast(pl.String)
            ).alias("kr"),
        )
        .join(key.rename({"k": "kl", "node": "node_l"}), on="kl")
        .join(key.rename({"k": "kr", "node": "node_r"}), on="kr")
    )
    pairs = pairs.select(
        pl.min_horizontal("node_l", "node_r").alias("node_l"),
        pl.max_horizontal("node_l", "node_r").alias("node_r"),
        "match_weight",
        "match_probability",
    )
    links = pairs.select(
        "node_l",
        "node_r",
        pl.lit("cleartext").alias("step"),
        "match_weight",
        "match_probability",
        pl.lit(None, dtype=pl.Int32).alias("seq"),
    )
    backend = DuckDBBackend()
    persons = constrain(
        backend,
        nodes,
        links,
        ["cleartext"],
        one_per_person=["hospital", "social_care"],
        keep_apart_nhs=False,
    )
    accepted = links.join(persons.refused, on=["node_l", "node_r", "step"], how="anti")
    assigned = per_record(backend, nodes, accepted, persons.labels, ["cleartext"]).select(
        "source", "record_id", "person_id"
    )
    truth = data.truth.rename({"ref": "record_id"})
    measured = truth_table(assigned, truth, accepted, nodes)
    measured["seconds"] = round(time.perf_counter() - started, 2)
    measured.pop("steps", None)
    return measured


def run_quality(people: int, seed: int) -> dict:
    data = generate(people, seed=seed)
    job = load_config(ROOT / "configs" / "demo.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        keys = Keyring.create(
            Path(tmp) / "bench.key",
            project="demo",
            passphrase="benchmark passphrase only",
            scrypt_n=2**14,
        )
        tick = time.perf_counter()
        done = {s: pseudonymise(f, job, keys, source=s) for s, f in data.frames().items()}
        pseudo_s = time.perf_counter() - tick
    truth = record_truth(data.truth, {s: p.content for s, p in done.items()})
    tick = time.perf_counter()
    result = link(
        list(done.values()), job, truth=truth, content={s: p.content for s, p in done.items()}
    )
    link_s = time.perf_counter() - tick
    tokens = result.report.truth
    clear = cleartext_baseline(data, job.sections["link"]["probabilistic"]["threshold"])
    return {
        "people": people,
        "records": {s: f.height for s, f in data.frames().items()},
        "pseudonymise_seconds": round(pseudo_s, 2),
        "link_seconds": round(link_s, 2),
        "tokens": {k: tokens[k] for k in ("precision", "recall", "f1")},
        "tokens_steps": result.report.steps,
        "tokens_model": result.report.model,
        "cleartext_jaro_winkler": {k: clear[k] for k in ("precision", "recall", "f1", "seconds")},
        "f1_gap_tokens_minus_cleartext": round(tokens["f1"] - clear["f1"], 5),
        "peak_memory_mib": round(peak_mib(), 1),
    }


def run_speed(people: int, seed: int, coverage: float) -> dict:
    timings: dict[str, dict[str, float]] = {}

    def mark(name: str, since: float) -> float:
        now = time.perf_counter()
        timings[name] = {
            "seconds": round(now - since, 2),
            "peak_memory_mib_so_far": round(peak_mib(), 1),
        }
        return now

    tick = time.perf_counter()
    data = generate(
        people,
        seed=seed,
        hospital=replace(HOSPITAL_RATES, coverage=coverage),
        social_care=replace(SOCIAL_CARE_RATES, coverage=coverage),
    )
    tick = mark("generate", tick)
    job = load_config(ROOT / "configs" / "demo.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        keys = Keyring.create(
            Path(tmp) / "bench.key",
            project="demo",
            passphrase="benchmark passphrase only",
            scrypt_n=2**14,
        )
        tick = time.perf_counter()
        done = {s: pseudonymise(f, job, keys, source=s) for s, f in data.frames().items()}
        tick = mark("pseudonymise", tick)
    truth = record_truth(data.truth, {s: p.content for s, p in done.items()})
    records = {s: p.tokens.height for s, p in done.items()}
    del data
    tick = time.perf_counter()
    result = link(list(done.values()), job, truth=truth)
    mark("link_total", tick)
    return {
        "people": people,
        "records": records,
        "timings": timings,
        "link_steps_seconds": result.report.timings,
        "truth": {k: result.report.truth[k] for k in ("precision", "recall", "f1")},
        "steps": result.report.steps,
        "peak_memory_mib": round(peak_mib(), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", nargs="?", default="quality", choices=["quality", "speed"])
    parser.add_argument("--people", type=int, default=None)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--coverage", type=float, default=0.8, help="speed: share of people in each source"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    warnings.simplefilter("ignore", DeprecationWarning)
    if args.mode == "quality":
        figures = run_quality(args.people or 100_000, args.seed)
    else:
        figures = run_speed(args.people or 1_250_000, args.seed, args.coverage)
    text = json.dumps(figures, indent=2, default=str)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
