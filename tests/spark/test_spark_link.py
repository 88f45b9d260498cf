"""Linking with the model on Spark gives the local engine's links."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from safelink.config import JobConfig
from safelink.engines.spark_link import link_spark
from safelink.keys import Keyring
from safelink.link import link
from safelink.pseudonymise import pseudonymise
from safelink.synthetic import SyntheticExtracts

pytestmark = [
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]


def test_link_spark_synthetic_links_equal_local(
    spark: Any, demo_config: JobConfig, session_keyring: Keyring, extracts: SyntheticExtracts
) -> None:
    tokens = [
        pseudonymise(frame, demo_config, session_keyring, source=name)
        for name, frame in extracts.frames().items()
    ]
    local = link(tokens, demo_config)
    remote = link_spark(tokens, demo_config, spark=spark)
    assert local.report.model is not None
    probabilistic = local.links.filter(pl.col("step") == "probabilistic").height
    assert probabilistic > 0  # the model step did link records, so the comparison bites
    columns = ["source", "record_id", "person_id", "step"]
    assert (
        remote.links.select(columns)
        .sort("source", "record_id")
        .equals(local.links.select(columns).sort("source", "record_id"))
    )
