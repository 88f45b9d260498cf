"""The steps after the link, as ``safelink demo`` and the CLI run them, one per process.

``bench_link_scale.py`` runs ``python benchmarks/_scale_steps.py STEP ARGS_JSON`` in a fresh
process for each step and reads the last line it prints: the step's wall time (``seconds``,
the library call alone, not the imports) and the process's peak resident memory
(``peak_mib``), with any sub-stage times the step reports. Each step calls the library
function its command calls, on the cached outputs of the earlier steps in the release folder
(``ARGS_JSON["root"]``, the demo's layout: ``pseudonymised/``, ``linked/``, ``keys/``,
``audit/``, ``release/``).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import yaml
from _fixed_key import PASSPHRASE, fixed_keyring  # beside this script, on its path

from safelink.config import JobConfig, load_config
from safelink.infra import progress

RECIPIENT = "demo_research"
SIGNING_PUB = "keys/demo.signing.pub"
AUDIT_LOG = "audit/demo.audit.jsonl"
RECORD_KEY = {"hospital": "hospital_ref", "social_care": "case_id"}


class _StageClock(progress.Progress):
    """Records when each stage a step announces (``progress.stage``) begins; shows nothing."""

    def __init__(self) -> None:
        super().__init__(None, "bench", stream=_Silent(), interval=1e9)
        self.marks: list[tuple[str, float]] = []

    def describe(self, label: str) -> None:
        """Note the stage's start time."""
        self.marks.append((label, time.perf_counter()))

    def seconds(self, start: float, end: float) -> dict[str, float]:
        """Each stage's seconds from its start to the next stage's (the last: to ``end``).

        The time before the first stage, if any was announced, is ``before the stages``.
        """
        if not self.marks:
            return {}
        marks = [("before the stages", start), *self.marks]
        ends = [tick for _, tick in marks[1:]] + [end]
        spans = zip(marks, ends, strict=True)
        return {label: round(stop - tick, 2) for (label, tick), stop in spans}


class _Silent:
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False


def _paths(root: Path, config: JobConfig) -> tuple[Path, list[Path], Path]:
    from safelink.pseudonymise import output_paths

    folder = root / "pseudonymised"
    tokens = [output_paths(folder, name)["tokens"] for name in config.sources]
    return root / "linked" / "links.parquet", tokens, folder


def _owner_output(root: Path, name: str) -> Path:
    """Where an owner's file goes (``owners/NAME``), any earlier one removed."""
    out = root / "owners" / name
    out.parent.mkdir(exist_ok=True)
    out.unlink(missing_ok=True)
    return out


def _owners(root: Path, config: JobConfig) -> tuple[JobConfig, dict[str, Any]]:
    """The demo's owner signing keys (made once, in the release step) and the config naming them."""
    from safelink.demo import _owner_keys, _with_approval_keys
    from safelink.keys import SigningKey

    assert config.governance is not None
    keys_dir = root / "keys"
    if all((keys_dir / f"{o}.signing.key").exists() for o in config.governance.owners):
        owners = {
            o: SigningKey.open(keys_dir / f"{o}.signing.key", passphrase=PASSPHRASE)
            for o in config.governance.owners
        }
    else:
        owners = _owner_keys(keys_dir, config, PASSPHRASE)
    return _with_approval_keys(config, owners), owners


def scan_step(args: dict[str, Any], config: JobConfig) -> Callable[[], object]:
    """``safelink scan`` of the raw hospital extract (its defaults: 5,000 values a column)."""
    from safelink.detect import scan

    return lambda: scan(Path(args["extract"]))


def release_step(args: dict[str, Any], config: JobConfig) -> Callable[[], object]:
    """The demo's release: the linked content joined to persons, anonymised, gated, signed."""
    from safelink.release import release_demo

    root = Path(args["root"])
    job, _ = _owners(root, config)
    ring = fixed_keyring()
    return lambda: release_demo(root, keyring=ring, config=job, signing_passphrase=PASSPHRASE)


def approve_step(args: dict[str, Any], config: JobConfig) -> Callable[[], object]:
    """Each owner checks the TTP's signature and signs its approval (the demo's next step)."""
    from safelink.release import approve

    root = Path(args["root"])
    _, owners = _owners(root, config)
    bundle, ttp = root / "release" / RECIPIENT, (root / SIGNING_PUB).read_bytes()
    return lambda: [
        approve(bundle, o, key, ttp_public_key=ttp, audit_log=root / AUDIT_LOG)
        for o, key in owners.items()
    ]


def seal_step(args: dict[str, Any], config: JobConfig) -> Callable[[], object]:
    """The bundle encrypted to the recipient's delivery key (the demo's last step)."""
    from safelink.keys import DeliveryKey
    from safelink.release import encrypt_bundle

    root = Path(args["root"])
    key_path = root / "keys" / f"{RECIPIENT}.delivery.key"
    if key_path.exists():
        key = DeliveryKey.open(key_path, passphrase=PASSPHRASE)
    else:
        key = DeliveryKey.create(key_path, project="demo", passphrase=PASSPHRASE, scrypt_n=2**14)
    sealed = root / "release" / f"{RECIPIENT}.tar.sealed"
    sealed.unlink(missing_ok=True)
    bundle, public = root / "release" / RECIPIENT, key.public_key_pem()
    return lambda: encrypt_bundle(bundle, sealed, public)


def verify_step(args: dict[str, Any], config: JobConfig) -> Callable[[], object]:
    """``safelink verify BUNDLE --require-approvals --audit-log LOG``, as the demo suggests."""
    from safelink.errors import VerificationError
    from safelink.release import verify

    root = Path(args["root"])
    public = (root / SIGNING_PUB).read_bytes()

    def run() -> object:
        report = verify(
            root / "release" / RECIPIENT, public, audit_log=root / AUDIT_LOG, require_approvals=True
        )
        if not report.ok:
            raise VerificationError("the benchmark's release bundle does not verify")
        return report

    return run


def check_step(args: dict[str, Any], config: JobConfig) -> Callable[[], object]:
    """``safelink check`` of the released data against the profile its manifest records."""
    from safelink.disclosure import check_file

    bundle = Path(args["root"]) / "release" / RECIPIENT
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    check_config = Path(args["root"]) / "check.yaml"
    check_config.write_text(yaml.safe_dump(manifest["disclosure"]["check_config"]))
    return lambda: check_file(bundle / "data.parquet", config=check_config)


def return_step(args: dict[str, Any], config: JobConfig) -> Callable[[], object]:
    """``safelink return hospital``: its record keys and whether social care knows each."""
    from safelink.owners import return_file

    root = Path(args["root"])
    links, _, content = _paths(root, config)
    out = _owner_output(root, "hospital.return.parquet")
    return lambda: return_file(
        config,
        "hospital",
        out,
        links=links,
        content=[content],
        record_key=RECORD_KEY["hospital"],
        flags=["known=linked(social_care)"],
        audit_log=root / AUDIT_LOG,
    )


def discrepancies_step(args: dict[str, Any], config: JobConfig) -> Callable[[], object]:
    """``safelink discrepancies hospital --key-file``: records whose partners disagree."""
    from safelink.owners import discrepancy_report

    root = Path(args["root"])
    links, tokens, content = _paths(root, config)
    out = _owner_output(root, "hospital.discrepancies.parquet")
    ring = fixed_keyring()
    return lambda: discrepancy_report(
        config,
        "hospital",
        out,
        links=links,
        tokens=tokens,
        content=[content],
        record_key=RECORD_KEY["hospital"],
        keys=ring,
        audit_log=root / AUDIT_LOG,
    )


def subject_step(args: dict[str, Any], config: JobConfig) -> Callable[[], object]:
    """``safelink subject``: one person's records, sources and releases (the release checked)."""
    from safelink.owners import subject_lookup

    root = Path(args["root"])
    links, tokens, _ = _paths(root, config)
    column = config.sources["hospital"].columns
    nhs = next(c.name for c in column if c.kind is not None and c.kind.value == "nhs_number")
    # A synthetic person's number, read before the clock starts and never printed.
    number = pl.scan_parquet(args["extract"]).select(nhs).drop_nulls().head(1).collect().item()
    ring = fixed_keyring()
    return lambda: subject_lookup(
        config,
        number,
        keys=ring,
        tokens=tokens,
        links=links,
        releases=[root / "release" / RECIPIENT],
        audit_log=root / AUDIT_LOG,
    )


STEPS: dict[str, Callable[[dict[str, Any], JobConfig], Callable[[], object]]] = {
    "scan": scan_step,
    "release": release_step,
    "approve": approve_step,
    "seal": seal_step,
    "verify": verify_step,
    "check": check_step,
    "return": return_step,
    "discrepancies": discrepancies_step,
    "subject": subject_step,
}


def main() -> None:
    """Run one step; print its seconds, peak memory and stage times as one JSON line."""
    step, args = sys.argv[1], json.loads(sys.argv[2])
    config = load_config(args["config"])
    work = STEPS[step](args, config)
    clock = _StageClock()
    with clock:
        tick = time.perf_counter()
        work()
        end = time.perf_counter()
    figures = {
        "seconds": end - tick,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "stages": clock.seconds(tick, end),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
