"""Spark sessions for safelink's Spark engine, checked before any work starts.

:func:`spark_session` returns the active session (when called from Python inside an existing
Spark application, e.g. Databricks) or builds one for ``master``. Before building, it checks
what commonly goes wrong and says how to fix it: PySpark missing or outside the supported
versions, no Java (or too old a Java for the PySpark version), an unreachable master. Once
started, the executors' Python is proved (:func:`~safelink.engines.spark_env.check_executors`)
before any work.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import socket
import subprocess  # runs `java -version` only, never a shell
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from safelink.engines.spark_env import at_rest_warnings, check_executors
from safelink.errors import SparkEngineError

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

SUPPORTED_PYSPARK = ((3, 5), (5, 0))  # [lowest, highest) major.minor; Splink 5 needs >= 3.5
PYSPARK_REQUIREMENT = "pyspark>=3.5,<5"
_DEFAULT_MASTER = "local[*]"
_CONNECT_TIMEOUT_SECONDS = 5.0


def _version_tuple(text: str) -> tuple[int, int]:
    match = re.match(r"(\d+)\.(\d+)", text)
    if match is None:
        return (0, 0)
    return int(match.group(1)), int(match.group(2))


def check_pyspark() -> str:
    """Check that PySpark is installed in a supported version.

    Returns:
        The installed PySpark version.

    Raises:
        SparkEngineError: PySpark is missing or outside the supported range.

    """
    try:
        import pyspark
    except ImportError as exc:
        raise SparkEngineError(
            "the Spark engine needs PySpark, which is not installed; install it with "
            f"`pip install 'safelink[spark]'` (or `pip install '{PYSPARK_REQUIREMENT}'`)."
        ) from exc
    version = str(pyspark.__version__)
    lowest, highest = SUPPORTED_PYSPARK
    if not lowest <= _version_tuple(version) < highest:
        raise SparkEngineError(
            f"PySpark {version} is not supported by safelink's Spark engine; install a "
            f"supported version with `pip install '{PYSPARK_REQUIREMENT}'`."
        )
    return version


def _java_executable() -> str | None:
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        return str(candidate) if candidate.is_file() else None
    return shutil.which("java")


def check_java(pyspark_version: str) -> int:
    """Check that a Java runtime Spark can use is installed.

    Args:
        pyspark_version: the installed PySpark version (Spark 4 needs Java 17 or later).

    Returns:
        The Java major version.

    Raises:
        SparkEngineError: no Java, ``JAVA_HOME`` points nowhere, or the Java is too old.

    """
    needed = 17 if _version_tuple(pyspark_version) >= (4, 0) else 8
    java = _java_executable()
    if java is None:
        where = (
            "JAVA_HOME does not contain bin/java"
            if os.environ.get("JAVA_HOME")
            else ("no `java` on PATH and JAVA_HOME is not set")
        )
        raise SparkEngineError(
            f"the Spark engine needs a Java runtime ({where}); install Java {needed} or later "
            "(e.g. `apt-get install openjdk-17-jre-headless`) and set JAVA_HOME to it."
        )
    try:
        completed = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            [java, "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SparkEngineError(
            f"cannot run `{java} -version`; check the Java installation or set JAVA_HOME."
        ) from exc
    match = re.search(r'version "(\d+)(?:\.(\d+))?', completed.stderr + completed.stdout)
    if completed.returncode != 0 or match is None:
        raise SparkEngineError(
            f"`{java} -version` failed; check the Java installation or set JAVA_HOME."
        )
    major = int(match.group(1))
    if major == 1 and match.group(2):  # "1.8.0_392" is Java 8
        major = int(match.group(2))
    if major < needed:
        raise SparkEngineError(
            f"PySpark {pyspark_version} needs Java {needed} or later but found Java {major}; "
            "install a newer Java and set JAVA_HOME to it."
        )
    return major


def check_master(master: str) -> None:
    """Check that a cluster master is reachable (local masters always are).

    Args:
        master: a Spark master URL (``local[2]``, ``spark://host:7077``, ``k8s://https://...``,
            ``yarn``).

    Raises:
        SparkEngineError: the master URL is malformed or nothing answers at its address.

    """
    if master.startswith("local") or master == "yarn":
        return
    url = master[len("k8s://") :] if master.startswith("k8s://") else master
    parsed = urlparse(url)
    if parsed.scheme not in {"spark", "https", "http", "sc"} or not parsed.hostname:
        raise SparkEngineError(
            f"Spark master {master!r} is not a URL Spark understands; use local[N], "
            "spark://HOST:PORT, k8s://https://HOST:PORT or yarn."
        )
    default_port = {"spark": 7077, "https": 443, "http": 80, "sc": 15002}[parsed.scheme]
    port = parsed.port or default_port
    try:
        with socket.create_connection((parsed.hostname, port), _CONNECT_TIMEOUT_SECONDS):
            pass
    except OSError as exc:
        raise SparkEngineError(
            f"cannot reach the Spark master {master!r} (nothing answered at "
            f"{parsed.hostname}:{port}); check --spark-master, the network and that the "
            "cluster is running."
        ) from exc


def spark_session(
    master: str | None = None,
    *,
    app_name: str = "safelink",
    config: Mapping[str, str] | None = None,
    warn_at_rest: bool = True,
) -> SparkSession:
    """Return a Spark session, checking PySpark, Java and the master first.

    With ``master=None`` an already active session is reused (the usual case inside a
    Databricks notebook or a job submitted with ``spark-submit``); otherwise a session is
    built for ``master`` (default ``local[*]``).

    Args:
        master: the Spark master URL, or None for the active session / ``local[*]``.
        app_name: the application name shown by the cluster manager.
        config: extra Spark settings (``spark.executor.memory``, ...).
        warn_at_rest: log a warning for each way the session's settings leave key material
            unencrypted on disk while a run lasts
            (:func:`~safelink.engines.spark_env.at_rest_warnings`); ``spark check`` reports
            them itself.

    Returns:
        The session.

    Raises:
        SparkEngineError: PySpark, Java or the master is missing or unsuitable, or Spark
            fails to start.

    """
    version = check_pyspark()
    from pyspark.sql import SparkSession

    if master is None:
        active = SparkSession.getActiveSession()
        if active is not None:
            check_executors(active)
            return _warned(active, warn_at_rest)
    check_java(version)
    chosen = master or _DEFAULT_MASTER
    check_master(chosen)
    settings = dict(config or {})
    builder: Any = SparkSession.builder.master(chosen).appName(app_name)
    for name, value in settings.items():
        builder = builder.config(name, value)
    try:
        with _executor_python(chosen, settings.get("spark.pyspark.python")):
            session: SparkSession = builder.getOrCreate()
    except Exception as exc:  # py4j and Spark raise many unrelated types at start-up
        raise SparkEngineError(
            f"Spark failed to start with master {chosen!r} ({type(exc).__name__}); check "
            "JAVA_HOME, the master URL and the Spark settings."
        ) from exc
    check_executors(session)
    return _warned(session, warn_at_rest)


def _warned(session: SparkSession, warn: bool) -> SparkSession:
    """``session``, once its at-rest warnings are logged (when ``warn``)."""
    if warn:
        conf = dict(session.sparkContext.getConf().getAll())
        for line in at_rest_warnings(conf):
            logger.warning(line)
    return session


@contextmanager
def _executor_python(master: str, python: str | None) -> Iterator[None]:
    """Set ``PYSPARK_PYTHON`` while a context starts (PySpark reads it then, and only then).

    ``spark.pyspark.python`` (``--spark-conf``) names the executors' Python, as it does for
    ``spark-submit``; otherwise local workers run this interpreter (the one with safelink's
    dependencies) unless ``PYSPARK_PYTHON`` says another, and cluster executors run what
    ``PYSPARK_PYTHON`` says (``python3`` on each node when unset), proved by
    :func:`~safelink.engines.spark_env.check_executors`.
    """
    saved = os.environ.get("PYSPARK_PYTHON")
    if python is not None:
        os.environ["PYSPARK_PYTHON"] = python
    elif master.startswith("local") and saved is None:
        os.environ["PYSPARK_PYTHON"] = sys.executable
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("PYSPARK_PYTHON", None)
        else:
            os.environ["PYSPARK_PYTHON"] = saved
