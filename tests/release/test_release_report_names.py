"""The release report labels generalised columns by the names the release gives them."""

from __future__ import annotations

from safelink.report.html import render_release_report


def test_generalisation_chart_uses_the_released_column_names() -> None:
    manifest = {
        "project": "p",
        "recipient": "r",
        "transformations": [{"action": "rename", "columns": {"age": "age_band"}}],
        "disclosure": {
            "report": {"report": {"profile": {"name": "tre"}, "passed": True}},
            "information_loss": {"cells_changed_share": {"age": 0.4, "sex": 0.0}},
        },
    }
    html = render_release_report(manifest)
    chart = html[html.index("Share of cells generalised per column") :]
    assert "age_band" in chart and ">age<" not in chart
