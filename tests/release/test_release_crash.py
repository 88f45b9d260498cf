"""Crash safety: a release killed at any moment leaves no bundle or a complete, verifying one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from safelink.release import verify

from .conftest import CHILD_PREAMBLE, PASSPHRASE, Pipeline

CHILD = (
    CHILD_PREAMBLE
    + r"""
import time
if os.environ.get("T_SLOW"):
    import safelink.infra.io as sio
    original = sio.write_csv_safe
    def slow(frame, destination):
        out = original(frame, destination)
        print("writing", flush=True)
        time.sleep(60)
        return out
    sio.write_csv_safe = slow
print("ready", flush=True)
started = time.perf_counter()
release(job, os.environ["T_OUT"], keys=keys, signing_key=signer, recipient="crash",
        links=root / "linked" / "links.parquet", content=root / "pseudonymised", base_dir=root)
print(f"done {time.perf_counter() - started:.3f}", flush=True)
"""
)


def _start(pipeline: Pipeline, out: Path, *, slow: bool = False) -> subprocess.Popen[str]:
    from .conftest import ROOT

    env = {
        **os.environ,
        "T_ROOT": str(pipeline.root),
        "T_CONFIG": str(ROOT / "configs" / "demo.yaml"),
        "T_PASS": PASSPHRASE,
        "T_OUT": str(out),
        **({"T_SLOW": "1"} if slow else {}),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD], env=env, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait()
    if process.stdout is not None:
        process.stdout.close()


def _assert_none_or_complete(out: Path, public_key: bytes) -> str:
    if not out.exists():
        return "absent"
    report = verify(out, public_key)
    assert report.ok, [c for c in report.checks if not c.passed]
    return "complete"


def test_release_killed_mid_write_leaves_no_bundle(pipeline: Pipeline, tmp_path: Path) -> None:
    out = tmp_path / "slow"
    process = _start(pipeline, out, slow=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "writing"
    partial = [p for p in tmp_path.iterdir() if p.name.startswith(".slow.tmp-")]
    assert partial and (partial[0] / "data.parquet").exists()
    _kill(process)
    assert not out.exists()
    assert not verify(partial[0], pipeline.public_key).ok  # the half bundle never verifies


def test_release_killed_at_random_moments_none_or_complete(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    baseline = _start(pipeline, tmp_path / "baseline")
    out, _ = baseline.communicate(timeout=120)
    duration = float(out.split()[-1])
    assert _assert_none_or_complete(tmp_path / "baseline", pipeline.public_key) == "complete"
    rng = random.Random(1234)
    outcomes = []
    for trial in range(4):
        target = tmp_path / f"trial{trial}"
        process = _start(pipeline, target)
        time.sleep(rng.uniform(0.1, 1.1) * duration)
        _kill(process)
        outcomes.append(_assert_none_or_complete(target, pipeline.public_key))
    print("kill outcomes:", outcomes, f"release took {duration:.2f}s")
    assert len(outcomes) == 4


# A link run's commit of links.parquet + linkage_report.json, killed right after its journal
# went into place (its first os.replace): the new set waits in temporaries.
KILLED_LINK_COMMIT = """
import os, shutil, signal, sys
from pathlib import Path
real_replace = os.replace
def replace(source, destination):
    real_replace(source, destination)
    os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
from safelink.infra.io import atomic_files
source, out = Path(sys.argv[1]), Path(sys.argv[2])
names = ["links.parquet", "linkage_report.json"]
with atomic_files([out / n for n in names]) as temporaries:
    for name, temporary in zip(names, temporaries):
        shutil.copyfile(source / name, temporary)
"""


def test_release_after_interrupted_link_commit_reads_the_committed_links(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    linked = tmp_path / "linked"
    linked.mkdir()
    # What the visible files held before the killed commit: not a readable links set.
    (linked / "links.parquet").write_bytes(b"previous run, overwritten by the commit")
    (linked / "linkage_report.json").write_text("{}")
    child = subprocess.run(
        [sys.executable, "-c", KILLED_LINK_COMMIT, str(pipeline.links.parent), str(linked)],
        check=False,
    )
    assert child.returncode == -signal.SIGKILL
    assert (linked / "links.parquet").read_bytes().startswith(b"previous")
    result = pipeline.release(tmp_path / "bundle", links=linked / "links.parquet")
    assert (linked / "links.parquet").read_bytes() == pipeline.links.read_bytes()
    assert verify(result.out_dir, pipeline.public_key).ok
