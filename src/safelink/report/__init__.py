"""Reports for operators and IG leads: one self-contained offline HTML page per need."""

from safelink.report.charts import bar_chart, histogram
from safelink.report.html import (
    page,
    render_disclosure_report,
    render_linkage_report,
    render_release_report,
    render_scan_report,
    table,
    write_report,
)

__all__ = [
    "bar_chart",
    "histogram",
    "page",
    "render_disclosure_report",
    "render_linkage_report",
    "render_release_report",
    "render_scan_report",
    "table",
    "write_report",
]
