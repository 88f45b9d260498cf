"""The bundle's files: written atomically, signed, published once its audit entry is logged."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import polars as pl

from safelink.infra import io
from safelink.infra.audit import AuditEntry, PendingEntry, reserve_audit
from safelink.keys import SigningKey
from safelink.release.manifest import (
    MANIFEST_FILE,
    SIGNATURE_FILE,
    canonical_json,
    jsonable,
    sign_manifest,
)

DATA_PARQUET = "data.parquet"


DATA_CSV = "data.csv"


REPORT_HTML = "report.html"


def write_bundle(
    out_dir: Path,
    data: pl.DataFrame,
    manifest: dict[str, Any],
    signing_key: SigningKey,
    with_report: bool,
    *,
    audit_log: Path | None,
    audit: AuditEntry,
) -> dict[str, str]:
    """Write the bundle atomically; return file name -> SHA-256 (signature excluded).

    The audit entry is appended after the manifest is signed and before the bundle is renamed
    into place, all under the log's lock: a failed append leaves no bundle, and a bundle in
    place always has its entry in the log, right after the head its manifest records.
    """
    files: dict[str, str] = {}
    with io.atomic_directory(out_dir) as temporary:
        io.write_parquet(data, temporary / DATA_PARQUET)
        io.write_csv_safe(data, temporary / DATA_CSV)
        if with_report:
            from safelink.report import render_release_report

            html = render_release_report(manifest)
            with io.atomic_path(temporary / REPORT_HTML) as path:
                path.write_text(html, encoding="utf-8")
        for name in sorted(p.name for p in temporary.iterdir()):
            path = temporary / name
            files[name] = io.sha256_file(path)
        manifest["outputs"] = {
            name: {"sha256": digest, "bytes": (temporary / name).stat().st_size}
            for name, digest in files.items()
        }
        manifest["outputs"][DATA_PARQUET]["rows"] = data.height
        manifest["outputs"][DATA_CSV]["rows"] = data.height
        # The entry names the data files; the signed manifest names the entry (it cannot name
        # the manifest: the manifest holds the entry's hash).
        reservation: contextlib.AbstractContextManager[PendingEntry | None] = (
            contextlib.nullcontext()
            if audit_log is None
            else reserve_audit(audit_log, replace(audit, outputs=dict(files)))
        )
        with reservation as pending:
            manifest["audit"] = {
                "log": audit_log.name if audit_log is not None else None,
                "previous_head": pending.prev if pending is not None else None,
                "entry": pending.hash if pending is not None else None,
            }
            document = canonical_json(jsonable(manifest))
            with io.atomic_path(temporary / MANIFEST_FILE) as path:
                path.write_bytes(document)
            with io.atomic_path(temporary / SIGNATURE_FILE) as path:
                path.write_bytes(sign_manifest(document, signing_key))
        files[MANIFEST_FILE] = io.sha256_bytes(document)
    return files
