"""Time the release step (join, pseudonymise, protect, gate, sign, write) and verify.

Usage: ``python benchmarks/bench_release.py [PEOPLE ...] [--value-gate ROWS]`` (default
2000 20000, then the value gate at 1,000,000 rows). Builds the linked inputs with the demo
pipeline first (not timed), then times release and verify.

The value-gate figure times the identifier gate's per-value scan (NHS, CHI and NI numbers,
emails, phones in every value) on a release of ROWS rows and sets it against that release's
own time, in the same run: the demo pipeline's linked files for 10,000 people are tiled (fresh
record and person ids per copy, not timed) until the release has ROWS rows, then release,
verify and the scan are timed. The scan is also timed on the same data with one content
column 60% NHS numbers (half bare, half inside text), the case the gate refuses.
"""

from __future__ import annotations

import math
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl

from safelink.config import JobConfig, load_config
from safelink.detect.values import scan_values
from safelink.keys import Keyring
from safelink.link import link_files
from safelink.pseudonymise import RECORD_ID, output_paths, pseudonymise_file
from safelink.release import identifier_gate, release_demo, verify
from safelink.synthetic.extracts import generate
from safelink.synthetic.testing import synthetic_nhs_numbers

BASE_PEOPLE = 10_000


def bench(people: int) -> dict[str, float]:
    """Build inputs for ``people`` synthetic people, then time release and verify."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ring, config = _linked_inputs(root, people)
        tick = time.perf_counter()
        result = release_demo(root, keyring=ring, config=config, signing_passphrase="s" * 16)
        release_seconds = time.perf_counter() - tick
        tick = time.perf_counter()
        ok = verify(result.out_dir, (root / "keys" / "demo.signing.pub").read_bytes()).ok
        verify_seconds = time.perf_counter() - tick
        return {
            "people": people,
            "rows_out": result.rows_out,
            "release_seconds": round(release_seconds, 3),
            "verify_seconds": round(verify_seconds, 3),
            "verified": ok,
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }


def _linked_inputs(root: Path, people: int) -> tuple[Keyring, JobConfig]:
    """Raw extracts -> pseudonymised -> linked under ``root`` (the demo layout)."""
    extracts = generate(people, seed=5).write_csv(root / "extracts")
    (root / "keys").mkdir(mode=0o700)
    ring = Keyring.create(
        root / "keys" / "demo.key", project="demo", passphrase="b" * 16, scrypt_n=2**14
    )
    # configs/demo.yaml: the demo job without address resolution (these extracts have none).
    config = load_config(Path(__file__).resolve().parents[1] / "configs" / "demo.yaml")
    for name in config.sources:
        pseudonymise_file(extracts[name], config, ring, root / "pseudonymised", source=name)
    paths = {n: output_paths(root / "pseudonymised", n) for n in config.sources}
    link_files([paths[n]["tokens"] for n in config.sources], config, root / "linked")
    return ring, config


def _prefixed(column: str, copy: pl.Expr, keep: int = 0) -> pl.Expr:
    """Ids made unique per copy: the copy number after the first ``keep`` characters."""
    value = pl.col(column)
    return value.str.slice(0, keep) + copy + value.str.slice(keep)


def _tile(source: Path, target: Path, copies: int, sources: list[str]) -> None:
    """Write ``copies`` copies of the linked files with fresh record and person ids."""
    (target / "linked").mkdir(parents=True)
    (target / "pseudonymised").mkdir()
    report = source / "linked" / "linkage_report.json"
    if report.exists():
        shutil.copy(report, target / "linked" / report.name)
    (target / "keys").mkdir(mode=0o700)  # release_demo writes its signing key here
    tag = pl.col("copy").cast(pl.String).str.zfill(6)

    def tiled(frame: pl.DataFrame, ids: list[tuple[str, int]]) -> pl.DataFrame:
        many = frame.join(pl.DataFrame({"copy": range(copies)}), how="cross")
        return many.with_columns(_prefixed(c, tag, keep) for c, keep in ids).drop("copy")

    links = pl.read_parquet(source / "linked" / "links.parquet")
    tiled(links, [(RECORD_ID, 0), ("person_id", 4)]).write_parquet(
        target / "linked" / "links.parquet"
    )
    for name in sources:
        path = output_paths(source / "pseudonymised", name)["content"]
        content = pl.read_parquet(path)
        tiled(content, [(RECORD_ID, 0)]).write_parquet(target / "pseudonymised" / path.name)


def _best(seconds: Callable[[], float], repeat: int = 3) -> float:
    return min(seconds() for _ in range(repeat))


def _timed(work: Callable[[], object]) -> float:
    tick = time.perf_counter()
    work()
    return time.perf_counter() - tick


def _planted(data: pl.DataFrame, column: str, share: float = 0.6) -> pl.DataFrame:
    """``data`` with ``share`` of ``column`` synthetic NHS numbers, half bare, half in text."""
    count = int(data.height * share)
    numbers = synthetic_nhs_numbers(min(count, 400_000), seed=11)
    numbers = (numbers * math.ceil(count / len(numbers)))[:count]
    written = [n if i % 2 else f"NHS no {n[:3]} {n[3:6]} {n[6:]}" for i, n in enumerate(numbers)]
    rest = data[column].cast(pl.String).slice(count).to_list()
    return data.with_columns(pl.Series(column, written + rest, dtype=pl.String))


def bench_value_gate(rows: int = 1_000_000) -> dict[str, object]:
    """Time the per-value identifier scan against a whole release of about ``rows`` rows."""
    with tempfile.TemporaryDirectory() as tmp:
        base, root = Path(tmp) / "base", Path(tmp) / "tiled"
        base.mkdir()
        ring, config = _linked_inputs(base, BASE_PEOPLE)
        probe = release_demo(base, keyring=ring, config=config, signing_passphrase="s" * 16)
        copies = math.ceil(rows / probe.rows_out)
        _tile(base, root, copies, list(config.sources))
        tick = time.perf_counter()
        result = release_demo(root, keyring=ring, config=config, signing_passphrase="s" * 16)
        release_seconds = time.perf_counter() - tick
        public = (root / "keys" / "demo.signing.pub").read_bytes()
        tick = time.perf_counter()
        verified = verify(result.out_dir, public).ok
        verify_seconds = time.perf_counter() - tick
        data = pl.read_parquet(result.out_dir / "data.parquet")
        value_seconds = _best(lambda: _timed(lambda: scan_values(data)))
        gate_seconds = _best(lambda: _timed(lambda: identifier_gate(data, skip=["person"])))
        planted = _planted(data, "diagnosis")
        planted_seconds = _best(lambda: _timed(lambda: scan_values(planted)))
        found = {f"{f.column}:{f.kind.value}": f.values for f in scan_values(planted)}
        return {
            "rows_out": result.rows_out,
            "columns": data.width,
            "release_seconds": round(release_seconds, 3),
            "verify_seconds": round(verify_seconds, 3),
            "verified": verified,
            "value_scan_seconds": round(value_seconds, 3),
            "value_scan_share_of_release": round(value_seconds / release_seconds, 4),
            "whole_identifier_gate_seconds": round(gate_seconds, 3),
            "value_scan_seconds_60pct_nhs_column": round(planted_seconds, 3),
            "planted_found": found,
        }


if __name__ == "__main__":
    args = sys.argv[1:]
    value_rows = 1_000_000
    if "--value-gate" in args:
        at = args.index("--value-gate")
        value_rows = int(args[at + 1])
        del args[at : at + 2]
    for count in [int(a) for a in args] or [2_000, 20_000]:
        print(bench(count), flush=True)
    print(bench_value_gate(value_rows), flush=True)
