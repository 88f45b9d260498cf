"""Identifier detection with Presidio: offline, UK-aware, column and free-text scanning.

Example:
    >>> report = scan("extract.csv", sample=5_000)  # doctest: +SKIP
    >>> report.direct_columns  # doctest: +SKIP
"""

from safelink.detect.columns import ClassifySettings, ColumnFinding, ColumnProfile, mask
from safelink.detect.draft import draft_config_text, write_draft_config
from safelink.detect.engine import build_engine
from safelink.detect.findings import ScanReport, render_table
from safelink.detect.freetext import FreeTextFinding, redact, scan_text
from safelink.detect.model import load_pipeline, pipeline_available, write_manifest
from safelink.detect.scan import scan

__all__ = [
    "ClassifySettings",
    "ColumnFinding",
    "ColumnProfile",
    "FreeTextFinding",
    "ScanReport",
    "build_engine",
    "draft_config_text",
    "load_pipeline",
    "mask",
    "pipeline_available",
    "redact",
    "render_table",
    "scan",
    "scan_text",
    "write_draft_config",
    "write_manifest",
]
