"""Linkage benchmark: quality on tokens vs cleartext Splink, and speed at scale.

Usage::

    python benchmarks/bench_link.py quality --people 10000 --profile hard --profile standard
    python benchmarks/bench_link.py speed --people 1250000   # ~1M hospital vs ~1M social care

``quality`` links pseudonymised tokens with the safelink cascade + Splink and, on the same data
in the same run, runs Splink on cleartext (Jaro-Winkler names, Splink's date-of-birth and
postcode levels, the job's blocking rules on cleartext columns, de-duplicating a source that
holds duplicates and the same one-record-per-person constraints); it prints P/R/F1 of both, the
gap and the ratio of their link times, per generator profile (``standard``, ``hard``). Where
the extracts have addresses (the hard profile), both compare them (``--addresses on``, the
default): safelink its address tokens, cleartext Splink the raw address by Jaro-Winkler;
``--addresses both`` runs each profile without and with them.
``speed`` times every step and records the peak memory (RSS high-water mark)
after each. Sizes are arguments so you can iterate small first.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import resource
import tempfile
import time
import warnings
from dataclasses import replace
from pathlib import Path

import polars as pl
from _fixed_key import fixed_keyring

from safelink.config import ColumnRole, ColumnSpec, load_config
from safelink.engines.backend import DuckDBBackend
from safelink.identifiers import Identifier
from safelink.keys import Keyring
from safelink.link import link
from safelink.link.cluster import constrain, per_record
from safelink.link.quality import truth_table
from safelink.normalise import normalise
from safelink.normalise.composite import COMPOSITES
from safelink.pseudonymise import pseudonymise
from safelink.synthetic.corruption import HOSPITAL_RATES, PROFILES, SOCIAL_CARE_RATES
from safelink.synthetic.extracts import generate, record_truth

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


def _clear_frames(data, addresses: bool = False) -> list[tuple[str, pl.DataFrame]]:
    """Normalised cleartext per source, with the cleartext twins of the blocking columns."""
    import jellyfish

    def nysiis(column: str) -> pl.Expr:
        first = pl.col(column).str.split(" ").list.first().str.replace_all("[^A-Z]", "")
        return first.map_elements(
            lambda v: jellyfish.nysiis(v) if v else None, return_dtype=pl.String
        )

    frames = []
    for source, frame in data.frames().items():
        ref = "hospital_ref" if source == "hospital" else "case_id"
        cols = {"record_id": frame[ref].cast(pl.String)}
        for raw, kind in CLEAR_COLUMNS[source].items():
            cols[kind] = normalise(Identifier(kind), frame[raw].cast(pl.String)).values
        if addresses and "address" in frame.columns:
            # Cleartext tools compare the address as written, trimmed and in one case.
            cols["address"] = frame["address"].str.to_uppercase().str.strip_chars()
        out = pl.DataFrame(cols).with_columns(
            # Splink's date comparisons read full dates only.
            pl.when(pl.col("date_of_birth").str.len_chars() == 10)
            .then(pl.col("date_of_birth"))
            .alias("date_of_birth"),
            pl.col("postcode").str.split(" ").list.first().alias("postcode_district"),
            pl.col("forename").str.slice(0, 1).alias("forename_initial"),
            nysiis("forename").alias("forename_nysiis"),
            nysiis("surname").alias("surname_nysiis"),
        )
        # The cleartext twin of each keyed composite a blocking rule may name (its parts joined).
        twins = [c for c in COMPOSITES.values() if set(c.parts) <= set(out.columns)]
        out = out.with_columns(
            pl.concat_str([pl.col(p) for p in c.parts], separator="|").alias(c.column)
            for c in twins
        )
        frames.append((source, out))
    return frames


def cleartext_baseline(data, job, addresses: bool = False) -> dict:
    """Splink on normalised cleartext, with the job's blocking and constraints; F1 vs truth.

    With ``addresses``, the raw address is compared too (Jaro-Winkler at 0.95 and 0.88).
    """
    import duckdb
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    link_config = job.link
    frames = _clear_frames(data, addresses)
    address = (
        [cl.JaroWinklerAtThresholds("address", [0.95, 0.88])]
        if addresses and all("address" in f.columns for _, f in frames)
        else []
    )
    started = time.perf_counter()
    con = duckdb.connect()
    api = DuckDBAPI(con)
    tables = [
        api.register(f.rename({"record_id": "unique_id"}).to_arrow(), table_name=s)
        for s, f in frames
    ]
    dedupe = not all(link_config.one_per_person(s) for s, _ in frames)
    settings = SettingsCreator(
        link_type="link_and_dedupe" if dedupe else "link_only",
        comparisons=[
            cl.ExactMatch("nhs_number"),
            cl.JaroWinklerAtThresholds("forename", [0.92, 0.8]).configure(
                term_frequency_adjustments=True
            ),
            cl.JaroWinklerAtThresholds("surname", [0.92, 0.8]).configure(
                term_frequency_adjustments=True
            ),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True),
            cl.PostcodeComparison("postcode").configure(term_frequency_adjustments=True),
            cl.ExactMatch("sex"),
            *address,
        ],
        blocking_rules_to_generate_predictions=[
            block_on(*rule) for rule in link_config.probabilistic.blocking
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
    threshold = link_config.probabilistic.threshold
    pred = linker.inference.predict(threshold_match_probability=threshold)
    pairs = pl.from_arrow(
        con.sql(
            "select unique_id_l, unique_id_r, source_dataset_l, source_dataset_r, match_weight, "
            f"match_probability from {pred.physical_name}"
        ).to_arrow_table()
    )
    nodes = pl.concat([f.select(pl.lit(s).alias("source"), "record_id") for s, f in frames]).sort(
        "source", "record_id"
    )
    nodes = nodes.with_row_index("node").with_columns(pl.col("node").cast(pl.Int64))
    key = nodes.select("node", (pl.col("source") + ":" + pl.col("record_id")).alias("k"))
    pairs = (
        pairs.with_columns(
            (pl.col("source_dataset_l") + ":" + pl.col("unique_id_l").cast(pl.String)).alias("kl"),
            (pl.col("source_dataset_r") + ":" + pl.col("unique_id_r").cast(pl.String)).alias("kr"),
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
        one_per_person=[s for s, _ in frames if link_config.one_per_person(s)],
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


#: Per profile, the job's one_record_per_person (the hard profile's social care has duplicates).
ONE_PER_PERSON = {"standard": True, "hard": {"hospital": True, "social_care": False}}


def _with_addresses(job):
    """The demo job with each source's ``address`` column tokenised and compared."""
    address = ColumnSpec(name="address", role=ColumnRole.IDENTIFIER, kind=Identifier.ADDRESS)
    sources = {
        name: dataclasses.replace(source, columns=(*source.columns, address))
        for name, source in job.sources.items()
    }
    probabilistic = job.link.probabilistic
    compared = dataclasses.replace(
        probabilistic, comparisons=(*probabilistic.comparisons, "address")
    )
    return dataclasses.replace(
        job, sources=sources, link=dataclasses.replace(job.link, probabilistic=compared)
    )


def run_quality(people: int, seed: int, profile: str = "standard", addresses: bool = True) -> dict:
    data = generate(people, seed=seed, **PROFILES[profile])  # type: ignore[arg-type]
    job = load_config(ROOT / "configs" / "demo.yaml")
    job = dataclasses.replace(
        job, link=dataclasses.replace(job.link, one_record_per_person=ONE_PER_PERSON[profile])
    )
    addresses = addresses and all("address" in f.columns for f in data.frames().values())
    if addresses:
        job = _with_addresses(job)
    keys = fixed_keyring()
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
    clear = cleartext_baseline(data, job, addresses)
    return {
        "profile": profile,
        "addresses_compared": addresses,
        "people": people,
        "records": {s: f.height for s, f in data.frames().items()},
        "pseudonymise_seconds": round(pseudo_s, 2),
        "link_seconds": round(link_s, 2),
        "tokens": {k: tokens[k] for k in ("precision", "recall", "f1")},
        "tokens_steps": result.report.steps,
        "cleartext_splink": {k: clear[k] for k in ("precision", "recall", "f1", "seconds")},
        "f1_gap_tokens_minus_cleartext": round(tokens["f1"] - clear["f1"], 5),
        "link_time_ratio_tokens_over_cleartext": round(link_s / clear["seconds"], 2),
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
    """Print the figures as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", nargs="?", default="quality", choices=["quality", "speed"])
    parser.add_argument("--people", type=int, default=None)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--coverage", type=float, default=0.8, help="speed: share of people in each source"
    )
    parser.add_argument(
        "--profile",
        action="append",
        choices=sorted(PROFILES),
        help="quality: generator profile(s), repeatable (default: standard and hard)",
    )
    parser.add_argument(
        "--addresses",
        choices=["on", "off", "both"],
        default="on",
        help="quality: compare addresses where the extracts have them (both: each way)",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    warnings.simplefilter("ignore", DeprecationWarning)
    if args.mode == "quality":
        profiles = args.profile or ["standard", "hard"]
        ways = {"on": [True], "off": [False], "both": [False, True]}[args.addresses]
        figures = [
            run_quality(args.people or 100_000, args.seed, p, a) for p in profiles for a in ways
        ]
    else:
        figures = run_speed(args.people or 1_250_000, args.seed, args.coverage)
    text = json.dumps(figures, indent=2, default=str)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
