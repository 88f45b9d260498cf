"""Runs killed at any point leave the previous outputs intact or the complete new ones.

``pseudonymise_file`` and ``link_files`` commit their files as one group
(:func:`safelink.infra.io.atomic_files`). Each test first writes a previous set from other input,
then
SIGKILLs runs over new input: at random moments across a run (timed from a measured clean run,
a few of them around its end, where the write happens), and at each step of the commit itself
(the child kills itself just before or after a chosen rename into the output directory). After
every kill, once the interrupted commit is completed (as the next read or write does), the
directory holds exactly the previous set or exactly the new one, byte for byte as a clean run
writes it; re-running then gives a clean run's result.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml

from safelink.config import load_config, parse_config
from safelink.infra.io import JOURNAL_SUFFIX, complete_interrupted_commits
from safelink.keys import Keyring
from safelink.link import link_files
from safelink.pseudonymise import pseudonymise_file, verify_outputs
from safelink.synthetic.extracts import generate
from safelink.synthetic.testing import synthetic_nhs_numbers

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "a long synthetic test passphrase"

# Prepended to each child: with argv[2] = "before:NAME" or "after:NAME" the child SIGKILLs itself
# just before or after its rename onto NAME in the output directory ("journal" for the group's
# journal); with "none" it runs to the end.
FAULT = """
import os, signal, sys
from pathlib import Path
from safelink.infra.io import JOURNAL_SUFFIX, complete_interrupted_commits
OUT, POINT = Path(sys.argv[1]).resolve(), sys.argv[2]
_replace = os.replace
def _renamed(source, destination):
    target = Path(destination)
    name = "journal" if target.name.endswith(JOURNAL_SUFFIX) else target.name
    ours = target.parent.resolve() == OUT
    if ours and POINT == "before:" + name:
        os.kill(os.getpid(), signal.SIGKILL)
    _replace(source, destination)
    if ours and POINT == "after:" + name:
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = _renamed
"""
PSEUDONYMISE = """
from safelink.config import parse_config
from safelink.keys import Keyring
from safelink.pseudonymise import pseudonymise_file
config = parse_config({"project": "f", "sources": {"s": {"columns": {
    "nhs": {"role": "identifier", "kind": "nhs_number"},
    "name": {"role": "identifier", "kind": "surname"},
    "v": {"role": "content"}}}}})
ring = Keyring.open(sys.argv[3], passphrase=sys.stdin.readline().strip())
pseudonymise_file(sys.argv[4], config, ring, OUT, batch_rows=20_000)
"""
LINK = """
import json
from safelink.link import link_files
link_files(sys.argv[4:], json.loads(Path(sys.argv[3]).read_text()), OUT)
"""
PSEUDONYMISED = ("s.content.parquet", "s.summary.json", "s.tokens.parquet")
LINKED = ("linkage_report.json", "links.parquet")
SOURCES = ("hospital", "social_care")


def _config() -> Any:
    columns = {
        "nhs": {"role": "identifier", "kind": "nhs_number"},
        "name": {"role": "identifier", "kind": "surname"},
        "v": {"role": "content"},
    }
    return parse_config({"project": "f", "sources": {"s": {"columns": columns}}})


def _start(script: str, out: Path, point: str, *args: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", FAULT + script, str(out), point, *map(str, args)]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, text=True)
    assert process.stdin is not None
    process.stdin.write(PASSPHRASE + "\n")
    process.stdin.close()
    return process


def _time_commit(script: str, out: Path, names: tuple[str, ...], *args: Path) -> float:
    """Run a child without faults; return when its outputs were written (seconds from start)."""
    started = time.time()
    process = _start(script, out, "none", *args)
    assert process.wait(timeout=300) == 0
    return max((out / name).stat().st_mtime for name in names) - started


def _kill_moments(seed: int, commit_at: float, spread: int, late: int) -> list[float]:
    """Random moments across a run up to its write, and a few right around the write."""
    rng = random.Random(seed)
    across = [rng.uniform(0.1, 0.95) * commit_at for _ in range(spread)]
    return across + [rng.uniform(0.95, 1.02) * commit_at for _ in range(late)]


def _kill_at(script: str, out: Path, point: str, *args: Path) -> None:
    """Run a child that kills itself at a commit step; check that it got there."""
    process = _start(script, out, point, *args)
    assert process.wait(timeout=300) == -signal.SIGKILL, f"the child never reached {point}"


def _kill_after(script: str, out: Path, seconds: float, *args: Path) -> None:
    process = _start(script, out, "none", *args)
    time.sleep(seconds)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)


def _snapshot(out: Path, names: tuple[str, ...]) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in names}


def _restore(out: Path, files: dict[str, bytes]) -> None:
    """Put the previous set back (a test step: each kill starts from the same previous set)."""
    for name, data in files.items():
        (out / name).write_bytes(data)


def _visible(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if not p.name.startswith("."))


def _without(document: bytes, *fields: str) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(document)
    return {k: v for k, v in parsed.items() if k not in fields}


def _frame(data: bytes) -> pl.DataFrame:
    import io

    return pl.read_parquet(io.BytesIO(data)).drop("record_id")


def _pseudonymised_state(out: Path, previous: dict[str, bytes], clean: dict[str, bytes]) -> str:
    """'old' or 'new' after completing any interrupted commit; fails on a mix or a partial file.

    Record ids are random, so a new set is recognised by its tokens and content (without
    record_id) equalling a clean run's, a summary equal to the clean one but for timings and
    hashes, hashes matching its own files, and all three files differing from the previous set.
    A commit left pending (a journal) must complete to the new set.
    """
    assert _visible(out) == sorted(PSEUDONYMISED), "a visible output is missing"
    pending = bool(list(out.glob(f".*{JOURNAL_SUFFIX}")))
    verify_outputs(out / "s.tokens.parquet")  # completes an interrupted commit first
    assert not list(out.glob(f".*{JOURNAL_SUFFIX}")), "an interrupted commit was not completed"
    verify_outputs(out / "s.content.parquet")
    now = _snapshot(out, PSEUDONYMISED)
    if now == previous and not pending:
        return "old"
    assert all(now[name] != previous[name] for name in PSEUDONYMISED), "previous and new mixed"
    for name in ("s.tokens.parquet", "s.content.parquet"):
        assert _frame(now[name]).equals(_frame(clean[name])), f"{name} is not a clean run's"
    summary = "s.summary.json"
    ignore = ("timings", "outputs")
    assert _without(now[summary], *ignore) == _without(clean[summary], *ignore)
    return "new"


@pytest.fixture
def ring(tmp_path: Path) -> Keyring:
    return Keyring.create(tmp_path / "k.key", project="f", passphrase=PASSPHRASE, scrypt_n=2**14)


def _extract(path: Path, rows: int, seed: int) -> Path:
    names = ["Smith", "Okafor", "Nguyen", "Kowalski"]
    pl.DataFrame(
        {
            "nhs": synthetic_nhs_numbers(rows, seed=seed),
            "name": [names[(i + seed) % 4] for i in range(rows)],
            "v": ["x"] * rows,
        }
    ).write_csv(path)
    return path


def _pseudonymise_setup(
    tmp_path: Path, ring: Keyring, rows: int
) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes], float]:
    """Previous outputs (from another extract) in ``out``; a timed clean run of the new one."""
    previous_extract = _extract(tmp_path / "previous.csv", rows, seed=1)
    extract = _extract(tmp_path / "s.csv", rows, seed=2)
    out, clean_out = tmp_path / "out", tmp_path / "clean"
    pseudonymise_file(previous_extract, _config(), ring, out, batch_rows=20_000)
    previous = _snapshot(out, PSEUDONYMISED)
    commit_at = _time_commit(PSEUDONYMISE, clean_out, PSEUDONYMISED, ring.path, extract)
    return extract, out, previous, _snapshot(clean_out, PSEUDONYMISED), commit_at


def _check_rerun_pseudonymise(
    extract: Path, ring: Keyring, out: Path, clean: dict[str, bytes], rows: int
) -> None:
    summary = pseudonymise_file(extract, _config(), ring, out, batch_rows=20_000)
    assert summary.rows == rows
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], "stale temporaries"
    now = _snapshot(out, PSEUDONYMISED)
    for name in ("s.tokens.parquet", "s.content.parquet"):
        assert _frame(now[name]).equals(_frame(clean[name]))


@pytest.mark.slow
def test_pseudonymise_file_killed_at_random_moments_leaves_previous_or_new_set(
    tmp_path: Path, ring: Keyring
):
    rows = 100_000
    extract, out, previous, clean, commit_at = _pseudonymise_setup(tmp_path, ring, rows)
    outcomes = []
    for moment in _kill_moments(7, commit_at, spread=4, late=2):
        _restore(out, previous)
        _kill_after(PSEUDONYMISE, out, moment, ring.path, extract)
        outcomes.append(_pseudonymised_state(out, previous, clean))
    print(f"pseudonymise random kills: {dict(Counter(outcomes))} (write at {commit_at:.1f} s)")
    _check_rerun_pseudonymise(extract, ring, out, clean, rows)


@pytest.mark.slow
def test_pseudonymise_file_killed_at_each_commit_step_leaves_previous_or_new_set(
    tmp_path: Path, ring: Keyring
):
    rows = 20_000
    extract, out, previous, clean, _ = _pseudonymise_setup(tmp_path, ring, rows)
    expected = {
        "before:journal": "old",
        "after:journal": "new",
        "after:s.tokens.parquet": "new",
        "after:s.content.parquet": "new",
        "after:s.summary.json": "new",
    }
    outcomes = {}
    for point in expected:
        _restore(out, previous)
        _kill_at(PSEUDONYMISE, out, point, ring.path, extract)
        outcomes[point] = _pseudonymised_state(out, previous, clean)
    assert outcomes == expected
    _check_rerun_pseudonymise(extract, ring, out, clean, rows)


# -- link ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def linkage(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Tokens of two synthetic populations; the previous pair (first) and a clean pair (second)."""
    base = tmp_path_factory.mktemp("faults_link")
    job = load_config(ROOT / "configs" / "demo.yaml")
    (base / "keys").mkdir(mode=0o700)
    keys = Keyring.create(
        base / "keys" / "demo.key", project="demo", passphrase=PASSPHRASE, scrypt_n=2**14
    )
    tokens = {}
    for seed in (1, 2):
        csvs = generate(3_000, seed=seed).write_csv(base / f"csv{seed}")
        for source in SOURCES:
            pseudonymise_file(csvs[source], job, keys, base / f"tokens{seed}", source=source)
        tokens[seed] = [base / f"tokens{seed}" / f"{s}.tokens.parquet" for s in SOURCES]
    section = yaml.safe_load((ROOT / "configs" / "demo.yaml").read_text())["link"]
    section["probabilistic"]["max_pairs_for_u"] = 200_000  # keeps each run short
    section.pop("bias")
    config = base / "link.json"
    config.write_text(json.dumps(section))
    link_files(tokens[1], section, base / "previous")
    link_files(tokens[2], section, base / "clean")
    return {
        "tokens": tokens[2],
        "config": config,
        "section": section,
        "previous": _snapshot(base / "previous", LINKED),
        "clean": _snapshot(base / "clean", LINKED),
    }


def _linked_state(out: Path, previous: dict[str, bytes], clean: dict[str, bytes]) -> str:
    """'old' or 'new' after completing any interrupted commit; fails on a mix.

    New means links.parquet byte-identical to a clean run's and the report equal to its report
    but for timings. A commit left pending (a journal) must complete to the new pair.
    """
    assert _visible(out) == sorted(LINKED), "a visible output is missing"
    pending = bool(list(out.glob(f".*{JOURNAL_SUFFIX}")))
    complete_interrupted_commits(out)
    assert not list(out.glob(f".*{JOURNAL_SUFFIX}")), "an interrupted commit was not completed"
    now = _snapshot(out, LINKED)
    if now == previous and not pending:
        return "old"
    assert now["links.parquet"] == clean["links.parquet"], "links.parquet is not a clean run's"
    report = "linkage_report.json"
    assert _without(now[report], "timings") == _without(clean[report], "timings"), "mixed pair"
    return "new"


@pytest.mark.slow
def test_link_files_killed_at_random_moments_leaves_previous_or_new_pair(
    linkage: dict[str, Any], tmp_path: Path
):
    clean_out, out = tmp_path / "clean", tmp_path / "out"
    config, tokens = linkage["config"], linkage["tokens"]
    commit_at = _time_commit(LINK, clean_out, LINKED, config, *tokens)
    assert _snapshot(clean_out, LINKED)["links.parquet"] == linkage["clean"]["links.parquet"]
    out.mkdir()
    outcomes = []
    for moment in _kill_moments(8, commit_at, spread=3, late=2):
        _restore(out, linkage["previous"])
        _kill_after(LINK, out, moment, config, *tokens)
        outcomes.append(_linked_state(out, linkage["previous"], linkage["clean"]))
    print(f"link random kills: {dict(Counter(outcomes))} (write at {commit_at:.1f} s)")
    link_files(tokens, linkage["section"], out)
    assert _snapshot(out, LINKED)["links.parquet"] == linkage["clean"]["links.parquet"]
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], "stale temporaries"


@pytest.mark.slow
def test_link_files_killed_at_each_commit_step_leaves_previous_or_new_pair(
    linkage: dict[str, Any], tmp_path: Path
):
    out = tmp_path / "out"
    out.mkdir()
    config, tokens = linkage["config"], linkage["tokens"]
    expected = {
        "before:journal": "old",
        "after:journal": "new",
        "after:links.parquet": "new",
        "after:linkage_report.json": "new",
    }
    outcomes = {}
    for point in expected:
        _restore(out, linkage["previous"])
        _kill_at(LINK, out, point, config, *tokens)
        outcomes[point] = _linked_state(out, linkage["previous"], linkage["clean"])
    assert outcomes == expected
