"""The Spark engine refuses to start, with a fix in the message, when it cannot work."""

from __future__ import annotations

import logging
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


def test_executor_with_another_safelink_version_or_code_is_refused() -> None:
    from safelink.engines.spark_env import PythonEnvironment, compare, driver_environment

    driver = driver_environment()
    assert driver.missing == {} and driver.fingerprint is not None
    assert compare(driver, driver) == []
    older = PythonEnvironment(
        "/opt/python3", "3.11.7", versions={**driver.versions, "safelink": "0.0.9"}
    )
    assert compare(driver, older) == [
        f"has safelink 0.0.9 where the driver has {safelink_version()}"
    ]
    edited = PythonEnvironment(
        "/opt/python3", "3.11.7", versions=driver.versions, fingerprint="0" * 64
    )
    assert "different code" in compare(driver, edited)[0]
    bare = PythonEnvironment(
        "/usr/bin/python3", "3.11.2", missing={"pyarrow": "ModuleNotFoundError"}
    )
    assert compare(driver, bare) == ["cannot import pyarrow (ModuleNotFoundError)"]


def safelink_version() -> str:
    import safelink

    return safelink.__version__


def test_executor_failures_are_named_by_their_python_problem_not_as_a_path() -> None:
    from safelink.engines.spark_env import python_problem
    from safelink.engines.spark_pseudonymise import _write_failure
    from safelink.errors import OutputError, SparkEngineError

    worker = RuntimeError(
        "Job aborted ... PythonException: Traceback ...\n"
        "ModuleNotFoundError: No module named 'pyarrow'\n  at org.apache.spark..."
    )
    assert python_problem(worker) == "ModuleNotFoundError: No module named 'pyarrow'"
    failure = _write_failure("/out", worker)
    assert isinstance(failure, SparkEngineError) and "safelink spark pack" in str(failure)
    denied = _write_failure("/out", RuntimeError("java.io.IOException: Permission denied"))
    assert isinstance(denied, OutputError) and "permission" in str(denied)
    other = _write_failure("/out", RuntimeError("an executor was lost"))
    assert isinstance(other, OutputError) and "permission" not in str(other)
    assert python_problem(RuntimeError("an executor was lost")) is None


def test_spark_conf_option_takes_spark_settings_only(run_cli) -> None:
    result = run_cli("spark", "check", "--spark-conf", "executor.memory=4g")
    assert result.code == 2
    assert "'executor.memory' is not a Spark setting" in result.stderr


def test_pack_refuses_an_archive_name_spark_cannot_unpack(tmp_path: Path) -> None:
    from safelink.engines.spark_env import pack_environment
    from safelink.errors import InputError

    with pytest.raises(InputError, match=r"must be a \.tar\.gz"):
        pack_environment(tmp_path / "env.zip")
    assert not (tmp_path / "env.zip").exists()


def test_spark_check_warns_when_broadcast_key_material_can_reach_disk_unencrypted() -> None:
    from safelink.engines.spark_env import IO_ENCRYPTION, at_rest_warnings

    (warning,) = at_rest_warnings({})
    assert IO_ENCRYPTION in warning and f"--spark-conf {IO_ENCRYPTION}=true" in warning
    assert at_rest_warnings({IO_ENCRYPTION: "false"}) == [warning]
    assert at_rest_warnings({IO_ENCRYPTION: "true"}) == []
    assert at_rest_warnings({IO_ENCRYPTION: " TRUE "}) == []


def test_every_command_starting_spark_warns_when_key_material_can_reach_disk(
    spark: object, caplog: pytest.LogCaptureFixture
) -> None:
    from safelink.engines.spark import spark_session
    from safelink.engines.spark_env import IO_ENCRYPTION

    with caplog.at_level(logging.WARNING, logger="safelink.engines.spark"):
        assert spark_session() is spark  # the active session, as pseudonymise --engine spark
    assert f"--spark-conf {IO_ENCRYPTION}=true" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="safelink.engines.spark"):
        spark_session(warn_at_rest=False)  # spark check reports it in its own table
    assert IO_ENCRYPTION not in caplog.text
