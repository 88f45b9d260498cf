"""``safelink run``: the whole flow from a job config: scan, pseudonymise, link, release.

Outputs go under one work directory: ``pseudonymised/``, ``linked/``, ``scans/`` (scan
reports without examples), ``release/RECIPIENT/`` and ``report.html`` files; every step is
recorded in the project's audit log.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safelink.config import JobConfig, load_config
from safelink.errors import ConfigError, SafelinkError
from safelink.infra import io
from safelink.infra.atomic import refuse_existing
from safelink.infra.audit import AuditEntry, append_audit, require_intact
from safelink.infra.progress import Progress
from safelink.keys import Keyring, SigningKey, public_key_path, require_project
from safelink.release.bundle import ReleaseResult, release
from safelink.release.governance import require_governance
from safelink.release.manifest import finding_summary
from safelink.release.settings import release_settings


@dataclass(frozen=True, slots=True, kw_only=True)
class RunResult:
    """What :func:`run_job` made.

    Attributes:
        work_dir: the work directory.
        scans: source -> detection summary (no examples).
        release: the release bundle.
        persons: persons the linkage found (every record, before the release's suppression).
        verify_command: the command that verifies the bundle (for the IG lead).
    """

    work_dir: Path
    scans: Mapping[str, Any]
    release: ReleaseResult
    persons: int = 0
    verify_command: str = ""

    def summary(self) -> dict[str, Any]:
        """The run at a glance: records per source, links by step, persons, k, suppression.

        Counts and paths only, from the release manifest (which holds the linkage report).
        """
        manifest = self.release.manifest
        linkage = manifest.get("linkage") or {}
        disclosure = manifest.get("disclosure") or {}
        checked = (disclosure.get("report") or {}).get("report") or {}
        loss = disclosure.get("information_loss") or {}
        return {
            "records_by_source": {
                row["source"]: {"records": row["records"], "linked": row["linked"]}
                for row in linkage.get("sources", [])
            },
            "links_by_step": {row["step"]: row["links"] for row in linkage.get("steps", [])},
            "persons": self.persons,
            "persons_released": manifest["rows"]["persons_out"],
            "k_reached": (checked.get("k_anonymity") or {}).get("k"),
            "rows_released": manifest["rows"]["out"],
            "rows_suppressed": loss.get("rows_suppressed"),
            "release": str(self.release.out_dir),
            "report": str(self.release.report_path),
            "verify_command": self.verify_command,
        }

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the summary, the scans and the release's files."""
        return {
            "summary": self.summary(),
            "scans": dict(self.scans),
            "out_dir": str(self.release.out_dir),
            "files": dict(self.release.files),
        }


def _audit(log: Path | None, command: str, outcome: str, **parts: Any) -> None:
    if log is not None:
        append_audit(log, AuditEntry(command=command, outcome=outcome, **parts))


def run_job(
    config: Path | str,
    work_dir: Path | str,
    *,
    keys: Keyring,
    signing_key: SigningKey,
    recipient: str | None = None,
    scan_sample: int = 5_000,
    progress: bool = False,
) -> RunResult:
    """Run scan, pseudonymise, link and release for every source of a job config.

    Args:
        config: the job config's YAML path (sources with paths, ``link:``, ``release:``).
        work_dir: where the outputs go (created; the release directory must not exist yet).
        keys: the project keyring.
        signing_key: the TTP's signing key.
        recipient: overrides ``release.recipient``.
        scan_sample: values sampled per column by the detection scan.
        progress: show the step under way and steps done on standard error (a bar on a
            terminal, a line every 30 s otherwise).

    Returns:
        A :class:`RunResult`.

    Raises:
        ConfigError: a source has no path, or a section is invalid.
        GovernanceError: the job's governance does not cover the release (before any work).
        SafelinkError: as each step raises (the failure is audited first).
    """
    job: JobConfig = load_config(config)
    require_project(keys, job.project)
    require_project(signing_key, job.project)
    settings = release_settings(job)
    # Refused before any work, not after the linkage.
    require_governance(job, recipient or settings.recipient)
    missing = [name for name, source in job.sources.items() if source.path is None]
    if missing:
        raise ConfigError([f"sources.{m}.path is needed by 'run'" for m in missing], job.origin)
    work = Path(work_dir)
    bundle_dir = work / "release" / (recipient or settings.recipient or "recipient")
    refuse_existing(bundle_dir, choose="a new work directory (-o)")
    log = settings.audit_log
    if log is not None:
        require_intact(log)
    key_ids = {"project": keys.key_id}
    steps = 2 * len(job.sources) + 2
    with Progress(steps, "run: scan") if progress else contextlib.nullcontext() as shown:
        scans, reports, persons = _run_steps(job, work, keys, log, key_ids, scan_sample, shown)
        if shown is not None:
            shown.describe("run: release")
        (work / "release").mkdir(exist_ok=True)
        result = release(
            config,
            bundle_dir,
            keys=keys,
            signing_key=signing_key,
            recipient=recipient,
            links=work / "linked" / "links.parquet",
            content=work / "pseudonymised",
            linkage_report=work / "linked" / "linkage_report.json",
            detection=reports,
        )
        if shown is not None:
            shown.advance(1)
    verify = f"safelink verify {result.out_dir}"
    if settings.signing_key is not None:
        verify += f" --public-key {public_key_path(settings.signing_key)}"
    if log is not None:
        verify += f" --audit-log {log}"
    return RunResult(
        work_dir=work, scans=scans, release=result, persons=persons, verify_command=verify
    )


def _run_steps(
    job: JobConfig,
    work: Path,
    keys: Keyring,
    log: Path | None,
    key_ids: dict[str, str],
    scan_sample: int,
    shown: Progress | None,
) -> tuple[dict[str, Any], list[Any], int]:
    """Scan, pseudonymise and link every source, auditing each step.

    Returns:
        The scans' summaries, the scan reports, and the number of persons linked.
    """
    from safelink.detect import scan
    from safelink.link import link_files
    from safelink.pseudonymise import output_paths, pseudonymise_file

    def begin(label: str) -> None:
        if shown is not None:
            shown.describe(f"run: {label}")

    def done() -> None:
        if shown is not None:
            shown.advance(1)

    scans: dict[str, Any] = {}
    reports = []
    step = "scan"
    try:
        (work / "scans").mkdir(parents=True, exist_ok=True)
        for name, source in job.sources.items():
            assert source.path is not None
            begin(f"scan {name}")
            report = scan(
                source.path, sample=scan_sample, encoding=source.encoding,
                delimiter=source.delimiter,
            )  # fmt: skip
            reports.append(report)
            scans[name] = finding_summary(report)
            io.write_json(scans[name], work / "scans" / f"{name}.scan.json")
            done()
        _audit(log, "scan", "ok", inputs=_hashes(job), key_ids={})
        step = "pseudonymise"
        for name, source in job.sources.items():
            assert source.path is not None
            begin(f"pseudonymise {name}")
            pseudonymise_file(source.path, job, keys, work / "pseudonymised", source=name)
            done()
        paths = {n: output_paths(work / "pseudonymised", n) for n in job.sources}
        _audit(
            log, "pseudonymise", "ok", inputs=_hashes(job), key_ids=key_ids,
            outputs={f"{n}.tokens": io.sha256_file(p["tokens"]) for n, p in paths.items()},
        )  # fmt: skip
        step = "link"
        begin("link")
        linked = link_files(
            [paths[n]["tokens"] for n in job.sources],
            job,
            work / "linked",
            content={n: paths[n]["content"] for n in job.sources},
        )
        done()
        _audit(
            log, "link", "ok", key_ids=key_ids,
            inputs={f"{n}.tokens": io.sha256_file(p["tokens"]) for n, p in paths.items()},
            outputs={"links.parquet": io.sha256_file(work / "linked" / "links.parquet")},
        )  # fmt: skip
    except SafelinkError as exc:
        _audit(log, step, f"failed: {type(exc).__name__}", key_ids=key_ids)
        raise
    return scans, reports, int(linked.links["person_id"].n_unique())


def _hashes(job: JobConfig) -> dict[str, str]:
    return {
        f"extract:{name}": io.sha256_file(source.path)
        for name, source in job.sources.items()
        if source.path is not None
    }
