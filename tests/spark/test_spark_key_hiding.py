"""Key material never reaches Spark's plan strings, event log or logs."""

from __future__ import annotations

import base64
import os
import time
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from safelink.config import JobConfig
from safelink.engines.spark_pseudonymise import pseudonymise_spark
from safelink.keys import Keyring
from safelink.keys._hmac import key_blocks
from safelink.synthetic.extracts import SyntheticExtracts

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


def _found(secret: bytes, text: str) -> bool:
    return any(form in text for form in _forms(secret))


def _canary_query(spark: Any, ipad: bytes, opad: bytes) -> None:
    """Run an HMAC the naive way, with the key blocks as literals, and print its plan."""
    from pyspark.sql import functions as F  # noqa: N812

    # A range, not a local frame: Spark folds a query over local rows into its result, which
    # would leave no literal in the plan to find.
    message = F.encode(F.col("id").cast("string"), "UTF-8")
    inner = F.unhex(F.sha2(F.concat(F.lit(bytearray(ipad)), message), 256))
    naive = spark.range(50).select(F.sha2(F.concat(F.lit(bytearray(opad)), inner), 256))
    naive.explain(True)
    naive.collect()


def _event_text(spark_events: Path, canary: bytes) -> str:
    """The event log, once it holds the canary query (so every earlier event is flushed too)."""
    deadline = time.monotonic() + 30
    while True:
        text = "".join(
            p.read_text(errors="replace") for p in spark_events.rglob("*") if p.is_file()
        )
        if _found(canary, text) or time.monotonic() > deadline:
            return text
        time.sleep(0.2)


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
        result.content.unpersist()
        # Negative control and flush barrier: a throwaway canary key passed the naive way (as
        # literals) must be found by the same search, in the plans and in the event log.
        canary_ipad, canary_opad = key_blocks(os.urandom(32))
        _canary_query(spark, canary_ipad, canary_opad)
        canary_plans = capsys.readouterr().out
    finally:
        spark.sparkContext.setLogLevel("WARN")
    secrets: list[bytes] = []
    namespace = session_keyring.namespace_key("link")
    for purpose in result.purposes.values():
        subkey = namespace.subkey(purpose)
        secrets += [*subkey.hmac_blocks(), getattr(subkey, "_SubKey__material")]  # noqa: B009
    event_text = _event_text(spark_events, canary_ipad)
    log_text = spark_log.read_text(errors="replace")
    assert _found(canary_ipad, canary_plans)
    assert _found(canary_opad, canary_plans)
    assert _found(canary_ipad, event_text)
    assert not _found(canary_ipad, plans)  # the real run's plans were captured before it
    # The searches must have something to search: a plan, events of this query, logs.
    # The run's Arrow map is in the event log (the returned frames are checkpoints of it).
    assert "MapInArrow" in event_text
    assert "SparkListenerSQLExecutionStart" in event_text
    assert "INFO" in log_text
    for secret in secrets:
        assert not _found(secret, plans)
        assert not _found(secret, event_text)
        assert not _found(secret, log_text)
