"""Build a release bundle: join content through the links, pseudonymise, protect, gate, sign.

``release`` writes, inside :func:`safelink.infra.io.atomic_directory` (so a reader sees no bundle
or a complete one, never part of one):

* ``data.parquet`` and ``data.csv`` (spreadsheet-safe): one row per record with ``person``
  (the recipient's pseudonym), ``source`` and the released columns;
* ``report.html``: the offline report for operators and IG leads;
* ``manifest.json`` and ``manifest.sig`` (Ed25519 over the manifest's exact bytes).

It refuses (:class:`~safelink.errors.DisclosureRiskError`, nothing written) a release that
fails its disclosure profile, or in which the identifier gate finds a direct identifier or a
linkage-unit artefact; and (:class:`~safelink.errors.GovernanceError`, nothing written) one the
job's ``governance:`` section does not cover (:mod:`safelink.release.governance`), whose record
the manifest signs. Each attempt, written or refused, is appended to the audit log.

With an audit log, a written release is published only once its entry is in the log: under the
log's lock (:func:`safelink.infra.audit.reserve_audit`) the entry (recipient, inputs, key ids and
the
data files' hashes) is prepared, the manifest records the head it follows and the entry's own
hash, the manifest is signed, the entry is appended durably, and only then is the bundle renamed
into place. If the append fails (a full disk, a read-only log) the bundle is never published.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from safelink._version import __version__
from safelink.config import JobConfig, load_config, load_yaml
from safelink.disclosure import Anonymised, anonymise
from safelink.errors import (
    ConfigError,
    DisclosureRiskError,
    GovernanceError,
    InputError,
    OutputError,
    SafelinkError,
)
from safelink.infra import io
from safelink.infra.atomic import refuse_existing
from safelink.infra.audit import AuditEntry, append_audit, require_intact
from safelink.infra.progress import stage
from safelink.keys import Keyring, SigningKey, require_project
from safelink.pseudonymise import RECORD_ID
from safelink.release.assessment import (
    assessment,
    class_sizes,
    codebook,
    data_quality,
    generalised_renames,
    information_loss,
    renamed_check_config,
)
from safelink.release.gate import (
    IdentifierGate,
    check_config_document,
    disclosure_gate,
    identifier_gate,
)
from safelink.release.gather import (
    SOURCE,
    exact_id_leaks,
    gather_content,
    tokens_paths,
    without_erased,
)
from safelink.release.governance import (
    governance_record,
    opt_out_record,
    require_governance,
    require_permitted,
)
from safelink.release.households import (
    HOUSEHOLD,
    HOUSEHOLD_SIZE,
    household_key,
    household_pseudonym_scheme,
    record_households,
    with_households,
)
from safelink.release.manifest import MANIFEST_FORMAT, canonical_json, jsonable, linkage_summary
from safelink.release.pseudonyms import (
    per_release_key,
    person_pseudonym_scheme,
    pseudonymise_persons,
    recipient_key,
)
from safelink.release.settings import PERSON, ReleaseSettings, release_disclosure, release_settings
from safelink.release.writer import REPORT_HTML, write_bundle

_LINK_COLUMNS = ("source", RECORD_ID, "person_id", "step")


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseResult:
    """What :func:`release` wrote.

    Attributes:
        out_dir: the release directory.
        recipient: who it is for.
        rows_in: records joined from the content files.
        rows_out: records released.
        manifest: the manifest as written (JSON-ready).
        files: file name -> SHA-256 of every file in the bundle except the signature.
    """

    out_dir: Path
    recipient: str
    rows_in: int
    rows_out: int
    manifest: Mapping[str, Any]
    files: Mapping[str, str]

    @property
    def report_path(self) -> Path | None:
        """The bundle's report.html, when one was written."""
        path = self.out_dir / REPORT_HTML
        return path if REPORT_HTML in self.files else None


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid:{os.getuid()}"


def _load_job(config: JobConfig | Path | str) -> tuple[JobConfig, dict[str, Any]]:
    """Return the job config and the manifest's record of it (hash and content)."""
    if isinstance(config, JobConfig):
        content = jsonable({"project": config.project, "sections": dict(config.sections)})
        return config, {
            "origin": config.origin,
            "sha256": io.sha256_bytes(canonical_json(content)),
            "content": content,
        }
    path = Path(config)
    job = load_config(path)
    content = jsonable(load_yaml(path))
    return job, {"origin": path.name, "sha256": io.sha256_file(path), "content": content}


def _read_linkage_report(path: Path | None) -> dict[str, Any] | None:
    if path is None or not path.is_file():
        return None
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a readable linkage report (JSON).") from exc
    return linkage_summary(document) if isinstance(document, dict) else None


def release(
    config: JobConfig | Path | str,
    out_dir: Path | str,
    *,
    keys: Keyring,
    signing_key: SigningKey,
    recipient: str | None = None,
    links: Path | str | None = None,
    content: Mapping[str, Path | str] | Path | str | None = None,
    linkage_report: Path | str | None = None,
    audit_log: Path | str | None = None,
    detection: Sequence[Any] = (),
    base_dir: Path | None = None,
    erasures: Path | str | None = None,
) -> ReleaseResult:
    """Build, check, sign and write a release bundle for one recipient.

    Keyword arguments override the config's ``release:`` section.

    Args:
        config: the job config (or its YAML path).
        out_dir: the release directory to create (must not exist).
        keys: the project keyring (derives the recipient's pseudonym key).
        signing_key: the TTP's signing key.
        recipient: who the release is for (``release.recipient`` by default).
        links: ``links.parquet`` from the linkage step.
        content: a folder of ``SOURCE.content.parquet`` files, or source -> file.
        linkage_report: ``linkage_report.json`` (default: beside the links file).
        audit_log: the project's audit log (appended to; none when not given or configured).
        detection: scan reports of the raw extracts, recorded in the manifest (no examples).
        base_dir: folder for relative paths in the config (default: the config's folder).
        erasures: the erasure register (:mod:`safelink.governance.erasures`): every record of
            an erased person is left out (default: ``release.erasures``, else none).

    Returns:
        A :class:`ReleaseResult`.

    Raises:
        ConfigError: the release or disclosure settings are invalid or incomplete.
        InputError: an input file is missing or unreadable.
        LinkageError: the content and links files do not belong together.
        DisclosureRiskError: the data fail the disclosure profile, or the identifier gate.
        GovernanceError: the job has no governance section, its agreement has ended, it names
            another recipient, or a released column is not permitted.
        OutputError: ``out_dir`` exists or cannot be written, or the audit log cannot be
            written (then no bundle is published).
        VerificationError: the audit log's chain is broken.
        WrongProject: the keyring or the signing key belongs to another project.
    """
    refuse_existing(out_dir, choose="a new release directory")  # before any work
    job, config_record = _load_job(config)
    require_project(keys, job.project)
    require_project(signing_key, job.project)
    settings = release_settings(job, base_dir=base_dir)
    settings = _override(settings, recipient, links, content, linkage_report, audit_log)
    if erasures is not None:
        settings = replace(settings, erasures=Path(erasures))
    who = settings.recipient
    if not who:
        raise ConfigError(["no recipient: set release.recipient or pass --recipient"], job.origin)
    if settings.links is None:
        raise ConfigError(["no links file: set release.links or pass --links"], job.origin)
    if settings.audit_log is not None:
        require_intact(settings.audit_log)
    subkey = recipient_key(keys, who)
    key_ids = {
        "project": keys.key_id,
        f"release:{who}": subkey.key_id,
        "signing": signing_key.key_id,
    }
    inputs: dict[str, Any] = {}
    arguments: dict[str, Any] = {"recipient": who, "out_dir": str(out_dir)}
    try:
        governance = require_governance(job, who)
        governed = governance_record(governance)
        # The log names the agreement and the exact governance record the manifest signs.
        arguments["agreement"] = governance.agreement.id
        arguments["governance_sha256"] = io.sha256_bytes(canonical_json(governed))
        # links.parquet and linkage_report.json are one group commit: finish one a killed link
        # run left, so the two files read here always belong together.
        io.complete_interrupted_commits(settings.links.parent)
        links_frame = io.read_frame(settings.links, columns=list(_LINK_COLUMNS))
        inputs["links"] = {
            "file": settings.links.name,
            "sha256": io.sha256_file(settings.links),
            "rows": links_frame.height,
        }
        if settings.person_pseudonyms == "per_release":
            subkey = per_release_key(keys, who, inputs["links"]["sha256"])
            key_ids[f"release:{who}"] = subkey.key_id
        report_path = settings.linkage_report or settings.links.with_name("linkage_report.json")
        linkage = _read_linkage_report(report_path)
        if linkage is not None:
            inputs["linkage_report"] = {
                "file": report_path.name,
                "sha256": io.sha256_file(report_path),
            }
            if linkage.get("key_id"):
                key_ids["link"] = str(linkage["key_id"])
        sources = [s for s in job.sources if any(s in c.sources for c in settings.columns)]
        stage("release: content joined to persons")
        homes = None
        if settings.households:
            tokens = tokens_paths(settings, sources)
            homes = {s: record_households(s, tokens[s]) for s in sources}
            for source in sources:
                inputs[f"tokens:{source}"] = {
                    "file": tokens[source].name,
                    "sha256": io.sha256_file(tokens[source]),
                }
        joined, content_inputs, harmonised = gather_content(
            links_frame, settings, settings.columns, sources, homes
        )
        inputs.update(content_inputs)
        if settings.erasures is not None:
            joined = without_erased(joined, links_frame, settings, job)
            inputs["erasures"] = {
                "file": settings.erasures.name,
                "sha256": io.sha256_file(settings.erasures),
            }
        content_paths = {s: p for s in sources if (p := settings.content_path(s)) is not None}
        opt_outs = opt_out_record(governance, content_paths, job.origin)
        disclosure_config = release_disclosure(settings, job.origin)
        if settings.households:
            per_release = settings.person_pseudonyms == "per_release"
            home_key = household_key(keys, who, inputs["links"]["sha256"] if per_release else None)
            key_ids[f"release:{who}:household"] = home_key.key_id
            joined = with_households(joined, home_key, person_id="person_id")
        data = joined.with_columns(pseudonymise_persons(joined["person_id"], subkey)).drop(
            "person_id"
        )
        data = data.select(PERSON, *[c for c in data.columns if c != PERSON])
        stage("release: disclosure control")
        anonymised = anonymise(data, disclosure_config, keyring=keys)
        released = anonymised.data.sort(PERSON, SOURCE, maintain_order=True)
        require_permitted(governance, released.columns, job.origin)
        _refuse_on_disclosure(anonymised)
        recorded = jsonable([t.to_dict() for t in anonymised.report.transformations])
        # Generalised columns are named for what they hold (age -> age_band), before the
        # re-check, which then measures the released names.
        renames = generalised_renames(recorded, released.columns)
        released = released.rename(renames)
        check_document = renamed_check_config(check_config_document(disclosure_config), renames)
        recheck = disclosure_gate(released, check_document)
        if not recheck.passed:
            raise DisclosureRiskError(
                "release refused: the released data fail the disclosure re-check: "
                + "; ".join(recheck.failures)
            )
        stage("release: identifier gate")
        skip = [PERSON, HOUSEHOLD] if settings.households else [PERSON]
        gate = identifier_gate(
            released, sample=settings.scan_sample, skip=skip, reviewed=settings.reviewed
        )
        leaks = exact_id_leaks(released, links_frame)
        _refuse_on_identifiers(gate, leaks)
        transformations = [
            {"action": "join", "detail": "content joined to persons through the links file"},
            {"action": "pseudonymise", "column": PERSON, "key": f"release:{who}"},
            *(
                [
                    {
                        "action": "pseudonymise",
                        "column": HOUSEHOLD,
                        "key": f"release:{who}:household",
                    },
                    {"action": "derive", "column": HOUSEHOLD_SIZE, "from": HOUSEHOLD},
                ]
                if settings.households
                else []
            ),
            {"action": "drop", "columns": [RECORD_ID, "person_id"]},
            *harmonised,
            *recorded,
            *([{"action": "rename", "columns": renames}] if renames else []),
        ]
        content_paths = {s: p for s in sources if (p := settings.content_path(s)) is not None}
        manifest = {
            "format": MANIFEST_FORMAT,
            "tool": {"name": "safelink", "version": __version__},
            "project": job.project,
            "recipient": who,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "created_by": _user(),
            "config": config_record,
            "governance": governed,
            "opt_outs": opt_outs,
            "inputs": inputs,
            "key_ids": key_ids,
            "person_pseudonyms": person_pseudonym_scheme(settings.person_pseudonyms),
            **(
                {
                    "household_pseudonyms": household_pseudonym_scheme(
                        settings.person_pseudonyms == "per_release"
                    )
                }
                if settings.households
                else {}
            ),
            "rows": {
                "in": joined.height,
                "out": released.height,
                "persons_out": int(released[PERSON].n_unique()),
                "by_source_in": {s: v["rows"] for s, v in content_inputs.items()},
            },
            "columns": released.columns,
            "detection": {
                "release_gate": gate.to_dict() | {"exact_id_matches": leaks},
                "extracts": [_finding(r) for r in detection],
            },
            "linkage": linkage,
            "disclosure": {
                "report": jsonable(anonymised.record()),
                "check_config": check_document,
                "class_sizes": class_sizes(released, check_document["quasi_identifiers"]),
                "information_loss": information_loss(anonymised, joined.height, released.columns),
                "assessment": assessment(
                    disclosure_config,
                    released,
                    passed=recheck.passed,
                    person=PERSON,
                    transformations=transformations,
                    renames=renames,
                ),
            },
            "codebook": codebook(
                released,
                disclosure_config,
                transformations,
                person=PERSON,
                source=SOURCE,
                renames=renames,
            ),
            "data_quality": data_quality(content_paths),
            "surrogate_columns": sorted(
                {
                    str(t.column)
                    for t in anonymised.report.transformations
                    if t.action == "surrogate"
                }
            ),
            "shifted_date_columns": sorted(
                str(column)
                for t in anonymised.report.transformations
                if t.action == "shift_dates"
                for column in (t.parameters or {}).get("columns", ())
            ),
            "transformations": transformations,
        }
        audit = AuditEntry(
            command="release",
            outcome="ok",
            arguments=arguments,
            inputs={k: v["sha256"] for k, v in inputs.items()},
            key_ids=key_ids,
        )
        stage("release: sign, audit and write")
        result = write_bundle(
            Path(out_dir),
            released,
            manifest,
            signing_key,
            settings.report,
            audit_log=settings.audit_log,
            audit=audit,
        )
    except SafelinkError as exc:
        if settings.audit_log is not None:
            refused = isinstance(exc, DisclosureRiskError | GovernanceError)
            outcome = "refused" if refused else "failed"
            entry = AuditEntry(
                command="release",
                outcome=f"{outcome}: {type(exc).__name__}",
                arguments=arguments,
                inputs={k: v["sha256"] for k, v in inputs.items()},
                key_ids=key_ids,
            )
            try:
                append_audit(settings.audit_log, entry)
            except OutputError:
                # The log cannot be written: when that is what failed, say it once.
                if not isinstance(exc, OutputError):
                    raise
        raise
    return ReleaseResult(
        out_dir=Path(out_dir),
        recipient=who,
        rows_in=joined.height,
        rows_out=released.height,
        manifest=manifest,
        files=result,
    )


def _finding(report: Any) -> Any:
    from safelink.release.manifest import finding_summary

    return finding_summary(report) if hasattr(report, "to_dict") else jsonable(report)


def _override(
    settings: ReleaseSettings,
    recipient: str | None,
    links: Path | str | None,
    content: Mapping[str, Path | str] | Path | str | None,
    linkage_report: Path | str | None,
    audit_log: Path | str | None,
) -> ReleaseSettings:
    changes: dict[str, Any] = {}
    if recipient is not None:
        from safelink.release.pseudonyms import check_recipient

        changes["recipient"] = check_recipient(recipient)
    if links is not None:
        changes["links"] = Path(links)
    if content is not None:
        changes["content"] = (
            {k: Path(v) for k, v in content.items()}
            if isinstance(content, Mapping)
            else Path(content)
        )
    if linkage_report is not None:
        changes["linkage_report"] = Path(linkage_report)
    if audit_log is not None:
        changes["audit_log"] = Path(audit_log)
    return replace(settings, **changes)


def _refuse_on_disclosure(result: Anonymised) -> None:
    if not result.report.passed:
        raise DisclosureRiskError(
            f"release refused: the data do not meet the {result.report.profile.name!r} "
            f"profile: {'; '.join(result.report.failures)}. Generalise more in the "
            "disclosure config, or release fewer columns."
        )


def _refuse_on_identifiers(gate: IdentifierGate, leaks: Mapping[str, int]) -> None:
    failures = gate.failures() + [
        f"{n} value(s) in column {c!r} are linkage-unit record or person ids"
        for c, n in leaks.items()
    ]
    if failures:
        review = (
            " A column the detector flags that the IG lead has reviewed and judged to identify "
            "no one may be listed under release.reviewed with the reason (the value scan still "
            "reads it)."
            if gate.direct_columns
            else ""
        )
        raise DisclosureRiskError(
            "release refused by the identifier gate: " + "; ".join(failures) + ". Remove "
            "these columns from release.columns (or recode them) and release again." + review
        )
