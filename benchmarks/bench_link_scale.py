"""Linkage at national scale on one machine: time and peak memory at 1M, 3M and 10M records.

Usage::

    python benchmarks/bench_link_scale.py                       # 1M, 3M and 10M hospital records
    python benchmarks/bench_link_scale.py --sizes 200000 600000 # quicker
    python benchmarks/bench_link_scale.py --src /path/to/old/src  # the same links, older code

For each size N it makes, once (cached in ``--work``), N synthetic hospital records and about
N/2 social-care records (the generator's default coverage; N with ``--equal``), and
pseudonymises both to tokens files with the demo job. Then it links the two tokens files in a
fresh process (``safelink.link.link_files``, as ``safelink link`` does), so the figure is the
link's own peak resident memory (RSS high-water mark), not the generator's. It prints each
size's wall time and peak memory, and the growth exponent between sizes
(``log(t2/t1) / log(n2/n1)``: 1 is linear).

The blocking rules are the ones the 10M Spark run used (README, "Running on Spark"), the same
at every size, so the growth is the engine's: the demo's county-sized rules would put forward
~960M candidate pairs at 10M. ``--demo-rules`` uses the demo job's own rules instead.
``--src`` links with another checkout's code (its ``src`` folder) on the same files, for a
before/after in one run; ``--same-as`` then checks both runs gave identical person ids.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "configs" / "demo.yaml"
SCALE_RULES = (
    ("date_of_birth", "surname_nysiis"),
    ("date_of_birth", "forename_nysiis"),
    ("surname_nysiis", "forename_nysiis", "postcode_district_date_of_birth_year"),
    ("forename_initial_postcode",),
    ("nhs_number",),
)


def prepare(size: int, work: Path, seed: int, equal: bool) -> list[Path]:
    """Tokens files for ``size`` hospital records (made once, reused)."""
    folder = work / f"tokens_{size}_{seed}{'_equal' if equal else ''}"
    tokens = [folder / f"{s}.tokens.parquet" for s in ("hospital", "social_care")]
    if all(t.exists() for t in tokens):
        return tokens
    code = (
        "import sys, tempfile; from pathlib import Path\n"
        "sys.path.insert(0, sys.argv[4])\n"
        "import polars as pl\n"
        "from _fixed_key import fixed_keyring\n"
        "from safelink.config import load_config\n"
        "from safelink.pseudonymise import pseudonymise_file\n"
        "from dataclasses import replace\n"
        "from safelink.synthetic.corruption import SOCIAL_CARE_RATES\n"
        "from safelink.synthetic.extracts import generate\n"
        "size, seed, folder = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])\n"
        "social = SOCIAL_CARE_RATES\n"
        "if sys.argv[6] == '1':\n"
        "    social = replace(SOCIAL_CARE_RATES, coverage=0.8)\n"
        "data = generate(max(1, int(size / 0.8)), seed=seed, social_care=social)\n"
        "job, keys = load_config(sys.argv[5]), fixed_keyring()\n"
        "with tempfile.TemporaryDirectory(dir=folder.parent) as tmp:\n"
        "    for name, frame in data.frames().items():\n"
        "        extract = Path(tmp) / f'{name}.parquet'\n"
        "        frame.select(pl.all().cast(pl.String)).write_parquet(extract)\n"
        "        pseudonymise_file(extract, job, keys, folder, source=name)\n"
    )
    folder.parent.mkdir(parents=True, exist_ok=True)
    tick = time.perf_counter()
    argv = [str(size), str(seed), str(folder), str(ROOT / "benchmarks"), str(CONFIG)]
    argv.append(str(int(equal)))
    subprocess.run([sys.executable, "-c", code, *argv], check=True)
    print(f"  prepared {size:,} in {time.perf_counter() - tick:.0f} s", flush=True)
    return tokens


_LINK = """
import json, resource, sys, time
from pathlib import Path
from safelink.config import load_config
from safelink.link import link_config, link_files
import dataclasses
args = json.loads(sys.argv[1])
settings = link_config(load_config(args["config"]))
prob = settings.probabilistic
changes = {"max_training_records": 1_000_000, "max_blocked_pairs": 2_000_000_000}
if args["rules"]:
    changes["blocking"] = tuple(tuple(r) for r in args["rules"])
settings = dataclasses.replace(settings, probabilistic=dataclasses.replace(prob, **changes))
tick = time.perf_counter()
result = link_files(args["tokens"], settings, args["out"])
seconds = time.perf_counter() - tick
model = result.report.model
print(json.dumps({
    "seconds": seconds,
    "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "records": result.links.height,
    "scored_pairs": model.get("scored_pairs"),
    "timings": {k: round(v, 2) for k, v in result.report.timings.items()
                if k.endswith("seconds") or k.startswith("probabilistic_")},
}))
"""


def link_once(tokens: list[Path], out: Path, src: Path | None, rules: object) -> dict:
    """Link in a fresh process; return its figures."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")])
    args = {"config": str(CONFIG), "tokens": [str(t) for t in tokens], "out": str(out)}
    args["rules"] = rules
    done = subprocess.run(
        [sys.executable, "-c", _LINK, json.dumps(args)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def same_people(a: Path, b: Path) -> bool:
    """Whether two link outputs give every record the same person id and step."""
    import polars as pl

    keys = ["source", "record_id", "person_id", "step"]
    left = pl.read_parquet(a / "links.parquet").select(keys).sort("source", "record_id")
    right = pl.read_parquet(b / "links.parquet").select(keys).sort("source", "record_id")
    return left.equals(right)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 3_000_000, 10_000_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "link_scale")
    parser.add_argument("--src", type=Path, default=None, help="also link with this src folder")
    parser.add_argument("--demo-rules", action="store_true", help="the demo job's blocking")
    parser.add_argument(
        "--equal", action="store_true", help="as many social-care records as hospital ones"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    rules = None if args.demo_rules else [list(r) for r in SCALE_RULES]
    rows = []
    for size in args.sizes:
        tokens = prepare(size, args.work, args.seed, args.equal)
        runs = {"this": None, "other": args.src} if args.src else {"this": None}
        row: dict = {"size": size}
        for label, src in runs.items():
            out = args.work / f"linked_{size}_{label}"
            row[label] = link_once(tokens, out, src, rules)
            figures = row[label]
            print(
                f"{size:>11,} {label:<6} {figures['seconds']:8.1f} s  "
                f"peak {figures['peak_mib'] / 1024:6.2f} GiB  records {figures['records']:,}  "
                f"scored pairs {figures['scored_pairs']:,}",
                flush=True,
            )
        if args.src:
            this, other = row["this"], row["other"]
            row["same_person_ids"] = same_people(
                args.work / f"linked_{size}_this", args.work / f"linked_{size}_other"
            )
            print(
                f"{'':>11} this/other: time {this['seconds'] / other['seconds']:.2f}x, "
                f"memory {this['peak_mib'] / other['peak_mib']:.2f}x; "
                f"same person ids: {row['same_person_ids']}",
                flush=True,
            )
        rows.append(row)
    for first, second in itertools.pairwise(rows):
        ratio = math.log(second["size"] / first["size"])
        grow_t = math.log(second["this"]["seconds"] / first["this"]["seconds"]) / ratio
        grow_m = math.log(second["this"]["peak_mib"] / first["this"]["peak_mib"]) / ratio
        print(
            f"growth {first['size']:,} -> {second['size']:,}: time n^{grow_t:.2f}, "
            f"memory n^{grow_m:.2f}",
            flush=True,
        )
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
