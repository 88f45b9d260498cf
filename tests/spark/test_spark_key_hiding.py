"""Key material never reaches Spark's plan strings, event log or logs."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from safelink.config import JobConfig
from safelink.engines._spark_keys import hmac_pads
from safelink.engines.spark_pseudonymise import pseudonymise_spark
from safelink.keys import Keyring
from safelink.synthetic import SyntheticExtracts

pytestmark = [
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]


def _forms(secret: bytes) -> list[str]:
    """Printable forms a secret could take in a plan or a log."""
    hexed = secret.hex()
    spaced = " ".join(f"{b:02X}" for b in secret[:12])
    return [
        hexed[:24],
        hexed.upper()[:24],
        spaced,
        base64.b64encode(secret).decode()[:24],
        base64.b64encode(secret[1:]).decode()[:24],
        base64.b64encode(secret[2:]).decode()[:24],
        ", ".join(str(b if b < 128 else b - 256) for b in secret[:12]),  # Java byte[] dump
    ]


def test_pseudonymise_spark_key_material_absent_from_plans_event_log_and_logs(
    spark: Any,
    spark_events: Path,
    spark_log: Path,
    demo_config: JobConfig,
    session_keyring: Keyring,
    extracts: SyntheticExtracts,
    capsys: pytest.CaptureFixture[str],
) -> None:
    frame = extracts.hospital.head(300).select(pl.all().cast(pl.String))
    spark.sparkContext.setLogLevel("INFO")
    try:
        result = pseudonymise_spark(
            spark.createDataFrame(frame.to_arrow()), demo_config, session_keyring, source="hospital"
        )
        result.tokens.explain(True)
        result.content.explain("formatted")
        result.tokens.collect()
        plans = capsys.readouterr().out
        plans += str(result.tokens._jdf.queryExecution().toString())
        plans += str(result.tokens._jdf.queryExecution().executedPlan().toString())
        result.tokens.unpersist()
    finally:
        spark.sparkContext.setLogLevel("WARN")
    secrets: list[bytes] = []
    namespace = session_keyring.namespace_key("link")
    for purpose in result.purposes.values():
        subkey = namespace.subkey(purpose)
        secrets += [*hmac_pads(subkey), getattr(subkey, "_SubKey__material")]  # noqa: B009
    event_text = "".join(
        p.read_text(errors="replace") for p in spark_events.rglob("*") if p.is_file()
    )
    log_text = spark_log.read_text(errors="replace")
    # The searches must have something to search: a plan, events of this query, logs.
    assert "BroadcastNestedLoopJoin" in plans or "CartesianProduct" in plans
    assert "SparkListenerSQLExecutionStart" in event_text
    assert "INFO" in log_text
    for secret in secrets:
        for form in _forms(secret):
            assert form not in plans
            assert form not in event_text
            assert form not in log_text
