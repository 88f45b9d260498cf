"""Local (polars/DuckDB) against Spark engines: pseudonymise, disclosure k/l/t/risk/check, link.

Usage::

    python benchmarks/bench_spark.py 1000000 [10000000 ...] [--master local[2]]
        [--steps pseudonymise,disclosure,check,link] [--driver-memory 6g]
        [--driver-max-result-size 2g] [--max-training-records N]
        [--blocking date_of_birth+surname_nysiis,postcode+forename_initial,...]
        [--conf spark.io.compression.codec=zstd ...]

Each size is the number of hospital-extract rows (synthetic people are drawn so that the
extract has about that many rows). Pseudonymisation streams the extract from Parquet and
writes tokens and content files on both engines; the disclosure models read the release from
Parquet on Spark and get it in memory locally; linkage links in-memory tokens of both
extracts and checks that both engines give the same persons. Spark timings include planning
and all jobs of a step but not session start-up (printed separately). Prints one line per step
and engine, and the ratio.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import polars as pl

from safelink.config import load_config
from safelink.disclosure import (
    check,
    k_anonymity,
    l_diversity,
    parse_disclosure_config,
    risk,
    t_closeness,
)
from safelink.engines.spark import spark_session
from safelink.engines.spark_disclosure_check import check_spark
from safelink.engines.spark_pseudonymise import pseudonymise_parquet_spark
from safelink.keys import Keyring
from safelink.link import link, link_config, link_files
from safelink.pseudonymise import pseudonymise, pseudonymise_file
from safelink.synthetic.extracts import generate

CONFIG = Path(__file__).resolve().parents[1] / "configs" / "demo.yaml"
QUASI = ["age_band", "sex", "area"]
SENSITIVE = ["diagnosis", "ethnicity", "age"]


def _timed(label: str, results: dict[str, float], fn: Any) -> Any:
    tick = time.perf_counter()
    value = fn()
    results[label] = time.perf_counter() - tick
    print(f"  {label:<34} {results[label]:8.1f} s", flush=True)
    return value


def _release(hospital: pl.DataFrame) -> pl.DataFrame:
    return hospital.select(
        ((pl.col("age_on_admission") // 20) * 20).alias("age_band"),
        pl.col("sex"),
        pl.col("postcode").str.slice(0, 1).alias("area"),
        pl.col("diagnosis"),
        pl.col("ethnicity"),
        pl.col("age_on_admission").cast(pl.Int64).alias("age"),
        pl.col("nhs_number").fill_null("none").alias("person"),
    )


def run(
    size: int,
    spark: Any,
    keys: Keyring,
    work: Path,
    steps: set[str],
    max_training_records: int | None = None,
    blocking: tuple[tuple[str, ...], ...] | None = None,
) -> dict[str, float]:
    """Time the chosen steps at one size; return seconds by label."""
    config = load_config(CONFIG)
    results: dict[str, float] = {}
    print(f"\n== {size:,} hospital rows", flush=True)
    data = _timed("generate", results, lambda: generate(max(1, int(size / 0.8)), seed=1))
    path = work / f"hospital_{size}.parquet"
    data.hospital.select(pl.all().cast(pl.String)).write_parquet(path)
    print(f"  rows: {data.hospital.height:,}", flush=True)
    release = _release(data.hospital)
    release_path = work / f"release_{size}.parquet"
    release.write_parquet(release_path)
    if "link" in steps:
        _link(data, config, keys, spark, results)
    extracts = {}
    if "link_files_spark" in steps:
        for name, frame in data.frames().items():
            extracts[name] = work / f"{name}_{size}.parquet"
            frame.select(pl.all().cast(pl.String)).write_parquet(extracts[name])
    del data  # both engines read the extract from Parquet from here on
    if extracts:
        _link_files_spark(
            extracts,
            config,
            keys,
            spark,
            work / f"link_{size}",
            results,
            max_training_records,
            blocking,
        )
    if "pseudonymise" in steps:
        # Both engines stream the extract from Parquet and write tokens and content files.
        _timed(
            "pseudonymise local",
            results,
            lambda: pseudonymise_file(
                path, config, keys, work / f"local_{size}", source="hospital"
            ),
        )
        _timed(
            "pseudonymise spark",
            results,
            lambda: pseudonymise_parquet_spark(
                path, config, keys, work / f"spark_{size}", source="hospital"
            ),
        )
    if "disclosure" in steps:
        _disclosure(release, release_path, spark, results, with_check="check" in steps)
    for step in ("pseudonymise", "k", "k (persons)", "l", "t", "risk", "check", "link"):
        local_key = f"{step} local" if "(" not in step else "k local (persons)"
        spark_key = f"{step} spark" if "(" not in step else "k spark (persons)"
        if local_key in results and spark_key in results:
            ratio = results[spark_key] / max(results[local_key], 1e-9)
            print(f"  ratio spark/local {step:<16} {ratio:6.2f}x", flush=True)
    return results


def _link(data: Any, config: Any, keys: Keyring, spark: Any, results: dict[str, float]) -> None:
    tokens = [
        pseudonymise(frame, config, keys, source=name) for name, frame in data.frames().items()
    ]
    local = _timed("link local", results, lambda: link(tokens, config))
    remote = _timed(
        "link spark", results, lambda: link(tokens, config, engine="spark", spark=spark)
    )
    same = remote.links.select("source", "record_id", "person_id", "step").equals(
        local.links.select("source", "record_id", "person_id", "step")
    )
    print(f"  links identical (spark vs local): {same}", flush=True)
    for name, value in sorted(remote.report.timings.items()):
        print(f"    spark {name:<40} {value}", flush=True)


def _link_files_spark(
    extracts: dict[str, Path],
    config: Any,
    keys: Keyring,
    spark: Any,
    work: Path,
    results: dict[str, float],
    max_training_records: int | None,
    blocking: tuple[tuple[str, ...], ...] | None,
) -> None:
    """Spark only, from files, as on a cluster: for sizes the local engine cannot hold."""
    settings = link_config(config)
    changes: dict[str, Any] = {}
    if max_training_records:
        changes["max_training_records"] = max_training_records
    if blocking:
        changes["blocking"] = blocking
    settings = dataclasses.replace(
        settings, probabilistic=dataclasses.replace(settings.probabilistic, **changes)
    )
    tokens = []
    for name, extract in extracts.items():
        pseudonymise_file(extract, config, keys, work / "tokens", source=name)
        tokens.append(work / "tokens" / f"{name}.tokens.parquet")
    result = _timed(
        "link spark (files)",
        results,
        lambda: link_files(tokens, settings, work / "linked", engine="spark", spark=spark),
    )
    model = result.report.model
    print(
        f"  records: {result.links.height:,}; residual {model['residual_records']:,}, "
        f"trained on {model['training_records']:,}; probabilistic links "
        f"{model['accepted_links']:,}; scored pairs {model['scored_pairs']:,}",
        flush=True,
    )
    for row in model["blocked_pairs"]:
        print(f"    blocking {'+'.join(row['rule']):<40} {row['pairs']:,} pairs", flush=True)
    for name, value in sorted(result.report.timings.items()):
        print(f"    spark {name:<40} {value}", flush=True)


def _disclosure(
    release: pl.DataFrame,
    release_path: Path,
    spark: Any,
    results: dict[str, float],
    *,
    with_check: bool,
) -> None:
    for person in (None, "person"):
        tag = "" if person is None else " (persons)"
        _timed(f"k local{tag}", results, lambda p=person: k_anonymity(release, QUASI, person=p))
        _timed(
            f"k spark{tag}",
            results,
            lambda p=person: k_anonymity(spark.read.parquet(str(release_path)), QUASI, person=p),
        )
    _timed("l local", results, lambda: l_diversity(release, QUASI, SENSITIVE))
    _timed(
        "l spark",
        results,
        lambda: l_diversity(spark.read.parquet(str(release_path)), QUASI, SENSITIVE),
    )
    _timed("t local", results, lambda: t_closeness(release, QUASI, SENSITIVE))
    _timed(
        "t spark",
        results,
        lambda: t_closeness(spark.read.parquet(str(release_path)), QUASI, SENSITIVE),
    )
    _timed("risk local", results, lambda: risk(release, QUASI, person="person"))
    _timed(
        "risk spark",
        results,
        lambda: risk(spark.read.parquet(str(release_path)), QUASI, person="person"),
    )
    # A whole check: k, l and t of every sensitive attribute, risk, failures.
    check_config = parse_disclosure_config(
        {
            "profile": {"name": "tre", "k": 5, "l": 2, "t": 0.5},
            "quasi_identifiers": QUASI,
            "sensitive": SENSITIVE,
            "person": "person",
        }
    )
    if with_check:
        _timed("check local", results, lambda: check(release, check_config))
        _timed("check spark", results, lambda: check_spark(release_path, check_config, spark=spark))


def main() -> None:
    """Parse the arguments and run the benchmark at each size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[200_000])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--driver-memory", default="6g")
    parser.add_argument(
        "--driver-max-result-size",
        default="2g",
        help="spark.driver.maxResultSize: the link collects one row per record to the driver",
    )
    parser.add_argument(
        "--steps",
        default="pseudonymise,disclosure,check",
        help="comma-separated: pseudonymise, disclosure (k/l/t/risk), check, link, "
        "link_files_spark (Spark only, from tokens files)",
    )
    parser.add_argument(
        "--max-training-records",
        type=int,
        help="link.probabilistic.max_training_records for link_files_spark (driver memory)",
    )
    parser.add_argument(
        "--blocking",
        help="prediction blocking rules for link_files_spark, comma-separated, columns joined "
        "by +, e.g. date_of_birth+forename_initial,nhs_number (default: the demo config's)",
    )
    parser.add_argument(
        "--conf",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="another Spark setting, e.g. spark.io.compression.codec=zstd (repeatable)",
    )
    parser.add_argument("--json", type=Path, help="write the timings here")
    args = parser.parse_args()
    blocking = (
        tuple(tuple(rule.split("+")) for rule in args.blocking.split(","))
        if args.blocking
        else None
    )
    tick = time.perf_counter()
    spark = spark_session(
        args.master,
        config={
            "spark.driver.memory": args.driver_memory,
            "spark.driver.maxResultSize": args.driver_max_result_size,
            "spark.ui.enabled": "false",
            "spark.ui.showConsoleProgress": "false",
            "spark.sql.shuffle.partitions": "16",
            **dict(item.split("=", 1) for item in args.conf),
        },
    )
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark {spark.version} session start: {time.perf_counter() - tick:.1f} s", flush=True)
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}", flush=True)
    everything: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        keys_dir = work / "keys"
        keys_dir.mkdir(mode=0o700)
        keys = Keyring.create(
            keys_dir / "bench.key",
            project=load_config(CONFIG).project,
            passphrase="benchmark passphrase",
            scrypt_n=2**14,
        )
        for size in args.sizes:
            everything[str(size)] = run(
                size,
                spark,
                keys,
                work,
                set(args.steps.split(",")),
                args.max_training_records,
                blocking,
            )
    if args.json:
        args.json.write_text(json.dumps(everything, indent=2))
    spark.stop()


if __name__ == "__main__":
    main()
