"""The Spark engine refuses to start, with a fix in the message, when it cannot work."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from safelink.engines import spark as engine
from safelink.errors import SafelinkError

pytestmark = pytest.mark.spark


def test_check_java_no_java_home_binary_raises_with_install_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(engine.SparkEngineError, match="JAVA_HOME") as caught:
        engine.check_java("4.0.0")
    assert "install Java 17" in str(caught.value)
    assert isinstance(caught.value, SafelinkError)


def test_check_java_no_java_on_path_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(engine.SparkEngineError, match="no `java` on PATH"):
        engine.check_java("3.5.1")


def test_check_java_old_java_raises_with_version(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text("#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n")
    java.chmod(0o755)
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(engine.SparkEngineError, match="needs Java 17 or later but found Java 11"):
        engine.check_java("4.1.0")
    assert engine.check_java("3.5.0") == 11


@pytest.mark.parametrize("version", ["3.4.1", "5.0.0", "2.4.8"])
def test_check_pyspark_unsupported_version_raises_with_requirement(
    monkeypatch: pytest.MonkeyPatch, version: str
) -> None:
    import pyspark

    monkeypatch.setattr(pyspark, "__version__", version)
    with pytest.raises(engine.SparkEngineError, match=r"pyspark>=3\.5,<5"):
        engine.check_pyspark()


def test_check_pyspark_missing_raises_with_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(engine.SparkEngineError, match=r"safelink\[spark\]"):
        engine.check_pyspark()


def test_spark_session_unreachable_master_raises_before_starting() -> None:
    with socket.socket() as probe:  # a local port with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(engine.SparkEngineError, match="cannot reach the Spark master"):
        engine.spark_session(f"spark://127.0.0.1:{port}")


@pytest.mark.parametrize("master", ["spark//nohost", "mesos://x:5050", "spark://"])
def test_check_master_malformed_url_raises(master: str) -> None:
    with pytest.raises(engine.SparkEngineError, match="not a URL Spark understands"):
        engine.check_master(master)
