"""Every step at national scale on one machine: time and peak memory at 1M, 3M and 10M records.

Usage::

    python benchmarks/bench_link_scale.py   # 1M, 3M and 10M hospital records: ~60 min, 13 GiB
    python benchmarks/bench_link_scale.py --sizes 200000 600000 # quicker
    python benchmarks/bench_link_scale.py --steps release verify  # only these (cached inputs)
    python benchmarks/bench_link_scale.py --src /path/to/old/src  # the same links, older code

For each size N it makes, once (cached in ``--work``), N synthetic hospital records and about
N/2 social-care records (the generator's default coverage; N with ``--equal``), and
pseudonymises each to a tokens file with the demo job in a fresh process (timed, with its peak
memory). Then it links the two tokens files in a
fresh process (``safelink.link.link_files``, as ``safelink link`` does), so the figure is the
link's own peak resident memory (RSS high-water mark), not the generator's. Then each step
after the link runs in its own fresh process too (``_scale_steps.py``: the library call its
command makes, on the cached outputs, with the demo job's settings), in the order
``safelink demo`` runs them and then the owners' steps: ``scan`` of the hospital extract,
``release`` (the demo's: the linked content joined to persons, disclosure control to the
profile, the identifier gate, sign, manifest; its stages timed too), ``approve`` (each owner),
``seal`` (encrypt to the recipient), ``verify`` (``--require-approvals --audit-log``),
``check`` (the released data against the profile), ``return`` and ``discrepancies`` for the
hospital, and one ``subject`` lookup. It prints one table: each step's wall time and peak memory
per size, and the growth exponent from the smallest to the largest size
(``log(t2/t1) / log(n2/n1)``: 1 is linear). A step that fails says so in the table; the others
still run.

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
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "configs" / "demo.yaml"
SOURCES = ("hospital", "social_care")
SCALE_RULES = (
    ("date_of_birth", "surname_nysiis"),
    ("date_of_birth", "forename_nysiis"),
    ("surname_nysiis", "forename_nysiis", "postcode_district_date_of_birth_year"),
    ("forename_initial_postcode",),
    ("nhs_number",),
)


_GENERATE = """
import sys
from dataclasses import replace
from pathlib import Path
import polars as pl
from safelink.synthetic.corruption import SOCIAL_CARE_RATES
from safelink.synthetic.extracts import generate
size, seed, folder, equal = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
social = replace(SOCIAL_CARE_RATES, coverage=0.8) if equal == "1" else SOCIAL_CARE_RATES
data = generate(max(1, int(size / 0.8)), seed=seed, social_care=social)
folder.mkdir(parents=True, exist_ok=True)
for name, frame in data.frames().items():
    frame.select(pl.all().cast(pl.String)).write_parquet(folder / f"{name}.parquet")
"""

_PSEUDONYMISE = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from _fixed_key import fixed_keyring
from safelink.config import load_config
from safelink.pseudonymise import pseudonymise_file
job, keys = load_config(sys.argv[2]), fixed_keyring()
tick = time.perf_counter()
pseudonymise_file(Path(sys.argv[3]), job, keys, Path(sys.argv[4]), source=sys.argv[5])
print(json.dumps({
    "seconds": time.perf_counter() - tick,
    "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def prepare(size: int, work: Path, seed: int, equal: bool) -> tuple[list[Path], dict]:
    """Tokens files for ``size`` hospital records, and how long pseudonymising each took.

    The extracts and tokens are made once and reused; each extract is pseudonymised in a fresh
    process (``pseudonymise_file``, as ``safelink pseudonymise`` does), timed with its peak RSS.
    """
    tag = f"{size}_{seed}{'_equal' if equal else ''}"
    extracts, folder = work / f"extracts_{tag}", work / f"tokens_{tag}"
    tokens = [folder / f"{s}.tokens.parquet" for s in SOURCES]
    record = folder / "pseudonymise.json"
    if all(t.exists() for t in tokens):
        return tokens, json.loads(record.read_text()) if record.exists() else {}
    if not all((extracts / f"{s}.parquet").exists() for s in SOURCES):
        tick = time.perf_counter()
        argv = [str(size), str(seed), str(extracts), str(int(equal))]
        subprocess.run([sys.executable, "-c", _GENERATE, *argv], check=True)
        print(f"  generated {size:,} in {time.perf_counter() - tick:.0f} s", flush=True)
    figures = {}
    for source in SOURCES:
        argv = [str(ROOT / "benchmarks"), str(CONFIG), str(extracts / f"{source}.parquet")]
        done = subprocess.run(
            [sys.executable, "-c", _PSEUDONYMISE, *argv, str(folder), source],
            check=True,
            capture_output=True,
            text=True,
        )
        figures[source] = json.loads(done.stdout.strip().splitlines()[-1])
    record.write_text(json.dumps(figures))
    return tokens, figures


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


#: The steps after the link, in the order they run (``_scale_steps.py``: one process each).
AFTER_LINK = (
    "scan",
    "release",
    "approve",
    "seal",
    "verify",
    "check",
    "return",
    "discrepancies",
    "subject",
)
STEPS = ("pseudonymise", "link", *AFTER_LINK)
LABELS = {
    "pseudonymise hospital": "pseudonymise the hospital extract",
    "pseudonymise social_care": "pseudonymise the social-care extract",
    "link": "link both (links, person ids, linkage report)",
    "scan": "scan the hospital extract (detect: 5,000 values a column)",
    "release": "release: linked extract, disclosure control, gate, sign, manifest",
    "approve": "approve (each owner checks and signs)",
    "seal": "seal the bundle for the recipient (encrypt)",
    "verify": "verify the bundle (signature, hashes, profile and gate re-run, audit)",
    "check": "check the released data against the profile",
    "return": "return file to the hospital (known to social care)",
    "discrepancies": "discrepancy report for the hospital",
    "subject": "subject lookup (one NHS number, the release checked)",
}


def release_folder(work: Path, tag: str, tokens: Path, linked: Path, fresh: bool) -> Path:
    """A folder in the demo's layout over the cached tokens and links, for a release.

    ``fresh``: emptied of an earlier release, its keys, audit log and owners' files (before
    the release step); otherwise the steps after it read what the last release left.
    """
    root = work / f"release_{tag}"
    if not fresh and (root / "release").is_dir():
        return root
    for made in ("release", "keys", "audit", "owners", "check.yaml"):
        target = root / made
        if target.is_dir():
            shutil.rmtree(target)
        target.unlink(missing_ok=True)
    root.mkdir(parents=True, exist_ok=True)
    (root / "keys").mkdir(mode=0o700)
    (root / "audit").mkdir()
    for name, target in (("pseudonymised", tokens), ("linked", linked)):
        (root / name).unlink(missing_ok=True)
        (root / name).symlink_to(target.resolve(), target_is_directory=True)
    return root


def run_step(step: str, root: Path, extract: Path) -> dict:
    """Run one step after the link in a fresh process; return its figures."""
    args = {"config": str(CONFIG), "root": str(root), "extract": str(extract)}
    script = ROOT / "benchmarks" / "_scale_steps.py"
    done = subprocess.run(
        [sys.executable, str(script), step, json.dumps(args)],
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:  # the table says so; the later steps still run
        # The error's type only: a library's message may quote a value from the data.
        said = done.stderr.strip().splitlines()
        kind = said[-1].partition(":")[0] if said else f"exit status {done.returncode}"
        print(f"  {step} failed ({kind}); run it alone to see why", flush=True)
        return {"failed": kind}
    return json.loads(done.stdout.strip().splitlines()[-1])


def step_figures(row: dict) -> dict[str, dict]:
    """Every step's figures in one size's row, by table label key."""
    figures = {f"pseudonymise {s}": f for s, f in row["pseudonymise"].items()}
    if "this" in row:
        figures["link"] = row["this"]
    figures.update(row.get("steps", {}))
    return figures


def _cell(figures: dict) -> str:
    """A step's time and peak memory (or that it failed), for the table."""
    if "failed" in figures:
        return "failed"
    seconds = figures["seconds"]
    shown = f"{seconds:.2f}" if seconds < 10 else f"{seconds:.1f}"
    return f"{shown} s {figures['peak_mib'] / 1024:5.2f} GiB"


def print_table(rows: list[dict]) -> None:
    """One table: each step's time and peak memory per size, growth from first to last size."""
    first, last = rows[0], rows[-1]
    ratio = math.log(last["size"] / first["size"]) if len(rows) > 1 else 0.0
    heads = "".join(f" | {row['size']:>17,}" for row in rows)
    print(f"\n{'step':<70}{heads} | growth (time, memory)", flush=True)
    order = [k for k in LABELS if any(k in step_figures(r) for r in rows)]
    for key in order:
        cells = ""
        for row in rows:
            f = step_figures(row).get(key)
            shown = _cell(f) if f else "-"
            cells += f" | {shown:>17}"
        one, two = step_figures(first).get(key), step_figures(last).get(key)
        growth = ""
        if ratio and one and two and "failed" not in one and "failed" not in two:
            growth = (
                f"n^{math.log(two['seconds'] / one['seconds']) / ratio:.2f}, "
                f"n^{math.log(two['peak_mib'] / one['peak_mib']) / ratio:.2f}"
            )
        print(f"{LABELS[key]:<70}{cells} | {growth}", flush=True)
        for stage in _stages(rows, key):
            times = [step_figures(r).get(key, {}).get("stages", {}).get(stage) for r in rows]
            cells = "".join(f" | {f'{t:.1f} s' if t is not None else '-':>17}" for t in times)
            growth = ""
            if ratio and times[0] and times[-1]:
                growth = f"n^{math.log(times[-1] / times[0]) / ratio:.2f}"
            print(f"{'  ' + stage:<70}{cells} | {growth}", flush=True)


def _stages(rows: list[dict], key: str) -> list[str]:
    """The stages a step reported at any size, in the order it ran them."""
    named = (step_figures(r).get(key, {}).get("stages", {}) for r in rows)
    return list(dict.fromkeys(stage for stages in named for stage in stages))


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
    parser.add_argument(
        "--steps",
        nargs="+",
        choices=STEPS,
        default=list(STEPS),
        help="the steps to time (default all; pseudonymise is cached, a step after the link "
        "reads the last link's output)",
    )
    args = parser.parse_args()
    rules = None if args.demo_rules else [list(r) for r in SCALE_RULES]
    rows = []
    for size in args.sizes:
        tokens, pseudonymised = prepare(size, args.work, args.seed, args.equal)
        runs = {"this": None, "other": args.src} if args.src else {"this": None}
        row: dict = {"size": size, "pseudonymise": pseudonymised}
        for source, figures in pseudonymised.items():
            print(
                f"{size:>11,} pseudonymise {source:<12} {figures['seconds']:8.1f} s  "
                f"peak {figures['peak_mib'] / 1024:6.2f} GiB",
                flush=True,
            )
        for label, src in runs.items():
            out = args.work / f"linked_{size}_{label}"
            if "link" not in args.steps and (out / "links.parquet").exists():
                continue
            row[label] = link_once(tokens, out, src, rules)
            figures = row[label]
            print(
                f"{size:>11,} link {label:<17} {figures['seconds']:8.1f} s  "
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
        chosen = [s for s in AFTER_LINK if s in args.steps]
        if chosen:
            tag = tokens[0].parent.name.removeprefix("tokens_")
            linked = args.work / f"linked_{size}_this"
            fresh = "release" in chosen
            root = release_folder(args.work, tag, tokens[0].parent, linked, fresh)
            extract = args.work / f"extracts_{tag}" / f"{SOURCES[0]}.parquet"
            row["steps"] = {}
            for step in chosen:
                row["steps"][step] = figures = run_step(step, root, extract)
                stages = figures.get("stages") or ""
                print(f"{size:>11,} {step:<22} {_cell(figures)}  {stages}", flush=True)
        rows.append(row)
        if args.json:  # after each size, so a later failure keeps the figures so far
            args.json.write_text(json.dumps(rows, indent=2))
    print_table(rows)
    for first, second in itertools.pairwise(r for r in rows if "this" in r):
        ratio = math.log(second["size"] / first["size"])
        grow_t = math.log(second["this"]["seconds"] / first["this"]["seconds"]) / ratio
        grow_m = math.log(second["this"]["peak_mib"] / first["this"]["peak_mib"]) / ratio
        print(
            f"growth {first['size']:,} -> {second['size']:,}: link time n^{grow_t:.2f}, "
            f"memory n^{grow_m:.2f}",
            flush=True,
        )
        for source in SOURCES:
            if source in first["pseudonymise"] and source in second["pseudonymise"]:
                one, two = first["pseudonymise"][source], second["pseudonymise"][source]
                print(
                    f"  pseudonymise {source}: time "
                    f"n^{math.log(two['seconds'] / one['seconds']) / ratio:.2f}, memory "
                    f"n^{math.log(two['peak_mib'] / one['peak_mib']) / ratio:.2f}",
                    flush=True,
                )
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
