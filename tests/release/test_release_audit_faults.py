"""A release whose audit entry cannot be written is never published.

The bundle is renamed into place only after its entry is durably in the log; if the append fails,
the bundle is removed and the log is left exactly as it was (a partly written line is cut off).
Tests run as root, where chmod does not stop writes, so the log's folder is a real tmpfs in a
private mount namespace (``unshare -m``): filled to the last byte for the full disk, remounted
read-only for the other. Skipped only where the machine does not allow mount namespaces.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from safelink.release import AuditEntry, append_audit, verify, verify_audit_log
from tests.conftest import needs_mount_namespace

from .conftest import CHILD_PREAMBLE, PASSPHRASE, ROOT, Pipeline

PAGE = 4096
ROOM = 64  # bytes left in the log's last tmpfs page: the next entry needs a new page

CHILD = (
    CHILD_PREAMBLE
    + r"""
from safelink.errors import SafelinkError
try:
    release(job, sys.argv[1], keys=keys, signing_key=signer, recipient="faults",
            links=root / "linked" / "links.parquet", content=root / "pseudonymised",
            audit_log=sys.argv[2], base_dir=root)
except SafelinkError as exc:
    print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
    sys.exit(exc.exit_code)
"""
)


pytestmark = needs_mount_namespace


def _log_ending_near_page_end(path: Path) -> bytes:
    """Write a valid log whose last page has ROOM bytes left; return its bytes."""
    append_audit(path, AuditEntry(command="keys init", outcome="ok"))
    probe = path.with_name("probe.jsonl")
    shutil.copyfile(path, probe)
    append_audit(probe, AuditEntry(command="note", outcome="ok", arguments={"pad": ""}))
    line = probe.stat().st_size - path.stat().st_size  # seq, time and user have fixed widths
    pad = (PAGE - ROOM - path.stat().st_size - line) % PAGE
    append_audit(path, AuditEntry(command="note", outcome="ok", arguments={"pad": "x" * pad}))
    assert path.stat().st_size % PAGE == PAGE - ROOM
    return path.read_bytes()


def _in_namespace(
    pipeline: Pipeline, tmp_path: Path, prepared: Path, setup: str, then: str = ""
) -> subprocess.CompletedProcess[str]:
    """Mount a tmpfs for the log, run ``setup``, release to tmp_path/bundle, copy the log out.

    Prints ``avail=N`` (free blocks on the tmpfs just before the release); the log as it was
    after the release is copied to tmp_path/after.jsonl; ``then`` runs after the copy.
    """
    audit = tmp_path / "audit"
    audit.mkdir()
    child = tmp_path / "child.py"
    child.write_text(CHILD)
    log = audit / "audit.jsonl"
    release = f"{sys.executable} {child} {tmp_path / 'bundle'} {log}"
    command = (
        f"mount -t tmpfs -o size=256k tmpfs {audit} && cp {prepared} {log} && {setup} && "
        f"echo avail=$(stat -f -c %a {audit}) && {release}; status=$?; "
        f"cp {log} {tmp_path / 'after.jsonl'}; {then or 'true'}; exit $status"
    )
    env = {
        **os.environ,
        "T_ROOT": str(pipeline.root),
        "T_CONFIG": str(ROOT / "configs" / "demo.yaml"),
        "T_PASS": PASSPHRASE,
    }
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", command],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def _no_bundle(tmp_path: Path) -> None:
    assert not (tmp_path / "bundle").exists(), "a bundle was published without its audit entry"
    assert not list(tmp_path.glob(".bundle.tmp-*")), "the unpublished bundle was left behind"


def test_release_audit_append_on_full_disk_publishes_no_bundle(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    prepared = tmp_path / "prepared.jsonl"
    before = _log_ending_near_page_end(prepared)
    fill = f"{{ dd if=/dev/zero of={tmp_path / 'audit' / 'filler'} bs={PAGE} 2>/dev/null; true; }}"
    # Then free the space and release again: the log the failure left takes the next entry.
    again = (
        f"rm {tmp_path / 'audit' / 'filler'} && {sys.executable} {tmp_path / 'child.py'} "
        f"{tmp_path / 'again'} {tmp_path / 'audit' / 'audit.jsonl'} && "
        f"cp {tmp_path / 'audit' / 'audit.jsonl'} {tmp_path / 'again.jsonl'}"
    )
    result = _in_namespace(pipeline, tmp_path, prepared, fill, then=again)
    assert "avail=0" in result.stdout, "the tmpfs was not full at the release"
    _no_bundle(tmp_path)
    assert (tmp_path / "after.jsonl").read_bytes() == before, "the failed append left a trace"
    assert result.returncode == 2, result.stderr
    assert "OutputError" in result.stderr and "audit log" in result.stderr
    assert "disk is full" in result.stderr and "Traceback" not in result.stderr
    log = tmp_path / "again.jsonl"
    assert log.is_file(), "the release after freeing space failed"
    assert verify_audit_log(log).ok and log.read_bytes().startswith(before)
    report = verify(tmp_path / "again", pipeline.public_key, audit_log=log)
    assert report.ok, [c for c in report.checks if not c.passed]


def test_release_audit_log_read_only_publishes_no_bundle(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    prepared = tmp_path / "prepared.jsonl"
    append_audit(prepared, AuditEntry(command="keys init", outcome="ok"))
    before = prepared.read_bytes()
    log = tmp_path / "audit" / "audit.jsonl"
    # The lock file exists from earlier commands; the folder then turned read-only.
    setup = f"touch {log}.lock && mount -o remount,ro {tmp_path / 'audit'}"
    result = _in_namespace(pipeline, tmp_path, prepared, setup)
    _no_bundle(tmp_path)
    assert (tmp_path / "after.jsonl").read_bytes() == before
    assert result.returncode == 2, result.stderr
    assert "OutputError" in result.stderr and "audit log" in result.stderr
    assert "read-only" in result.stderr and "Traceback" not in result.stderr
