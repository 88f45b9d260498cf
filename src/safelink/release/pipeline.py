"""``safelink run``: the whole flow from a job config: scan, pseudonymise, link, release.

Outputs go under one work directory: ``pseudonymised/``, ``linked/``, ``scans/`` (scan
reports without examples), ``release/RECIPIENT/`` and ``report.html`` files; every step is
recorded in the project's audit log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safelink import io
from safelink.atomic import refuse_existing
from safelink.audit import AuditEntry, append_audit, require_intact
from safelink.config import JobConfig, load_config
from safelink.errors import ConfigError, SafelinkError
from safelink.keys import Keyring, SigningKey, require_project
from safelink.release.bundle import ReleaseResult, release
from safelink.release.manifest import finding_summary
from safelink.release.settings import release_settings


@dataclass(frozen=True, slots=True, kw_only=True)
class RunResult:
    """What :func:`run_job` made.

    Attributes:
        work_dir: the work directory.
        scans: source -> detection summary (no examples).
        release: the release bundle.
    """

    work_dir: Path
    scans: Mapping[str, Any]
    release: ReleaseResult


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
) -> RunResult:
    """Run scan, pseudonymise, link and release for every source of a job config.

    Args:
        config: the job config's YAML path (sources with paths, ``link:``, ``release:``).
        work_dir: where the outputs go (created; the release directory must not exist yet).
        keys: the project keyring.
        signing_key: the TTP's signing key.
        recipient: overrides ``release.recipient``.
        scan_sample: values sampled per column by the detection scan.

    Returns:
        A :class:`RunResult`.

    Raises:
        ConfigError: a source has no path, or a section is invalid.
        SafelinkError: as each step raises (the failure is audited first).
    """
    from safelink.detect import scan
    from safelink.link import link_files
    from safelink.pseudonymise import output_paths, pseudonymise_file

    job: JobConfig = load_config(config)
    require_project(keys, job.project)
    require_project(signing_key, job.project)
    settings = release_settings(job)
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
    scans: dict[str, Any] = {}
    reports = []
    step = "scan"
    try:
        (work / "scans").mkdir(parents=True, exist_ok=True)
        for name, source in job.sources.items():
            assert source.path is not None
            report = scan(
                source.path, sample=scan_sample, encoding=source.encoding,
                delimiter=source.delimiter,
            )  # fmt: skip
            reports.append(report)
            scans[name] = finding_summary(report)
            io.write_json(scans[name], work / "scans" / f"{name}.scan.json")
        _audit(log, "scan", "ok", inputs=_hashes(job), key_ids={})
        step = "pseudonymise"
        for name, source in job.sources.items():
            assert source.path is not None
            pseudonymise_file(source.path, job, keys, work / "pseudonymised", source=name)
        paths = {n: output_paths(work / "pseudonymised", n) for n in job.sources}
        _audit(
            log, "pseudonymise", "ok", inputs=_hashes(job), key_ids=key_ids,
            outputs={f"{n}.tokens": io.sha256_file(p["tokens"]) for n, p in paths.items()},
        )  # fmt: skip
        step = "link"
        linked = link_files(
            [paths[n]["tokens"] for n in job.sources],
            job,
            work / "linked",
            content={n: paths[n]["content"] for n in job.sources},
        )
        _audit(
            log, "link", "ok", key_ids=key_ids,
            inputs={f"{n}.tokens": io.sha256_file(p["tokens"]) for n, p in paths.items()},
            outputs={"links.parquet": io.sha256_file(work / "linked" / "links.parquet")},
        )  # fmt: skip
        del linked
    except SafelinkError as exc:
        _audit(log, step, f"failed: {type(exc).__name__}", key_ids=key_ids)
        raise
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
    return RunResult(work_dir=work, scans=scans, release=result)


def _hashes(job: JobConfig) -> dict[str, str]:
    return {
        f"extract:{name}": io.sha256_file(source.path)
        for name, source in job.sources.items()
        if source.path is not None
    }
