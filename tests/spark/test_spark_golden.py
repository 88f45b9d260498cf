"""Spark gives the golden outputs: the links, the linkage report and the disclosure report.

The golden pipeline's tokens (local pseudonymisation under the committed test key, record ids
from a counter) are linked on Spark, and the golden disclosure data are checked on Spark; the
fingerprints must equal those in ``tests/golden/golden.json``, captured on the local engine.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.golden.capture import (
    GOLDEN,
    ROOT,
    _disclosure_data,
    fingerprint_json,
    fingerprint_parquet,
    run_pipeline,
)

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def golden() -> dict[str, str]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_spark_links_and_report_are_golden(
    spark: Any, tmp_path: Path, golden: dict[str, str]
) -> None:
    from safelink.config import load_config
    from safelink.link import link_files

    outputs = run_pipeline(tmp_path / "local")
    config = load_config(ROOT / "configs" / "demo.yaml")
    sources = list(config.sources)
    link_files(
        [outputs[f"{s}.tokens"] for s in sources],
        config,
        tmp_path / "spark",
        content={s: outputs[f"{s}.content"] for s in sources},
        engine="spark",
        spark=spark,
    )
    assert fingerprint_parquet(tmp_path / "spark" / "links.parquet") == golden["links"]
    report = tmp_path / "spark" / "linkage_report.json"
    assert fingerprint_json(report) == golden["linkage_report"]


def test_spark_disclosure_report_is_golden(
    spark: Any, tmp_path: Path, golden: dict[str, str]
) -> None:
    # The tre profile; a publication (tables) check takes a local table (its counts come
    # from protect_counts, which takes a Spark DataFrame).
    profile = "tre"
    from safelink.disclosure import check
    from safelink.disclosure.profiles import load_disclosure_config

    loaded = load_disclosure_config(ROOT / "configs" / f"disclosure-{profile}.yaml")
    data = spark.createDataFrame(_disclosure_data().to_arrow())
    report = check(data, loaded)
    path = tmp_path / f"disclosure-{profile}.json"
    path.write_text(json.dumps(report.to_dict(), sort_keys=True, default=str))
    assert fingerprint_json(path) == golden[f"disclosure.{profile}"]
