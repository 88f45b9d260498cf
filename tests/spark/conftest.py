"""One local Spark session for the whole directory, and the synthetic data the tests share."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from safelink.config import JobConfig, load_config
from safelink.keys import Keyring
from safelink.synthetic.extracts import SyntheticExtracts, generate

pyspark = pytest.importorskip("pyspark")

CONFIG_PATH = Path(__file__).resolve().parents[2] / "configs" / "demo.yaml"
TODAY = dt.date(2026, 1, 1)
PASSPHRASE = "correct horse battery staple"  # synthetic, for tests only


@pytest.fixture(scope="session")
def spark_events(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The event-log directory of the shared session."""
    return tmp_path_factory.mktemp("spark-events")


@pytest.fixture(scope="session")
def spark_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The file that receives the JVM's stdout and stderr (its logs) for the whole session."""
    return tmp_path_factory.mktemp("spark-log") / "jvm.log"


@pytest.fixture(scope="session")
def spark(spark_events: Path, spark_log: Path) -> Iterator[object]:
    """A small ``local[2]`` session: 4 shuffle partitions, no UI, event log on."""
    # The JVM inherits file descriptors 1 and 2 when it starts: point them at a file for the
    # launch so that every JVM log line lands there (the key-hiding test reads it).
    saved = os.dup(1), os.dup(2)
    with spark_log.open("wb") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            session = _start(spark_events)
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
    session.sparkContext.setLogLevel("WARN")
    yield session
    session.stop()


def _start(spark_events: Path) -> Any:
    from safelink.engines.spark import spark_session

    return spark_session(
        "local[2]",
        app_name="safelink-tests",
        config={
            "spark.sql.shuffle.partitions": "4",
            "spark.default.parallelism": "4",
            "spark.ui.enabled": "false",
            "spark.ui.showConsoleProgress": "false",
            "spark.eventLog.enabled": "true",
            "spark.eventLog.dir": spark_events.as_uri(),
            "spark.eventLog.compress": "false",
            "spark.sql.session.timeZone": "UTC",
            "spark.driver.memory": "1g",
        },
    )


@pytest.fixture(scope="session")
def session_keyring(tmp_path_factory: pytest.TempPathFactory) -> Keyring:
    """A project keyring shared by the directory (cheap KDF, tests only)."""
    keys_dir = tmp_path_factory.mktemp("keys")
    keys_dir.chmod(0o700)
    return Keyring.create(
        keys_dir / "test.key", project="demo", passphrase=PASSPHRASE, scrypt_n=2**14
    )


@pytest.fixture(scope="session")
def demo_config() -> JobConfig:
    """The demo job config (hospital and social-care sources)."""
    return load_config(CONFIG_PATH)


@pytest.fixture(scope="session")
def extracts() -> SyntheticExtracts:
    """Synthetic extracts of 3,000 people."""
    return generate(3_000, seed=7)
