"""The executors' Python for the Spark engine: proved before any work, and packed for a cluster.

In ``local[N]`` mode the driver and the executors share one Python, so whatever imports on the
driver imports on the executors. On a cluster each executor starts the Python that
``PYSPARK_PYTHON`` names on its own node (``python3`` by default), which may lack safelink,
pyarrow or jellyfish, or hold another safelink version. Tokens must not depend on which node
ran, so :func:`check_executors` runs one tiny task on the cluster when a session starts, before
any work: it imports what executors run and fingerprints safelink's code there, and compares
both with the driver. Any difference is one :class:`~safelink.errors.SparkEngineError` naming
the executor Python, what is missing or different, and the fix.

The fix this module supports is :func:`pack_environment` (``safelink spark pack``): the driver's
virtualenv as an archive for ``spark.archives``, as PySpark documents for ``venv-pack``, with
safelink's own code inside even when it is installed in editable mode, and without PySpark and
py4j (every Spark node has its own, matching its JVM). The archive is not a Python: it runs with
the base interpreter the virtualenv was made from, which must exist at the same path on every
node (true of nodes built from one image; otherwise use ``conda-pack``).
"""

from __future__ import annotations

import io
import json
import re
import sys
import tarfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safelink.errors import InputError, SparkEngineError
from safelink.infra.atomic import atomic_path

EXECUTOR_MODULES = (
    "pyarrow",
    "polars",
    "jellyfish",
    "phonenumbers",
    "safelink.pseudonymise.tokenise",
    "safelink.engines.spark_pseudonymise",
)
"""What executors import: Arrow batches, polars, NYSIIS and phone numbers, and the token flow."""

NATIVE_HMAC_MODULE = "safelink.keys._native"
"""The C HMAC: reported when present (the tokeniser on the executors uses it when built, and
the identical pure-Python HMAC otherwise, several times slower)."""

ARCHIVE_ALIAS = "environment"
"""The directory name executors unpack the archive to (``spark.archives=FILE#environment``)."""

ALWAYS_EXCLUDED = ("pyspark", "py4j")
"""Never packed: every Spark node has its own PySpark and py4j, matching its JVM."""

_PACK_MANIFEST = "safelink-env.json"
_CHECKED: dict[str, PythonEnvironment] = {}


@dataclass(frozen=True, slots=True)
class PythonEnvironment:
    """What one Python (the driver's, or an executor's) can run of safelink.

    Attributes:
        python: the interpreter's path.
        python_version: ``major.minor.micro``.
        versions: importable module -> its ``__version__`` (empty when it has none).
        missing: module that failed to import -> the import error (its type and message).
        fingerprint: SHA-256 over safelink's code and data files (None without safelink).
        native_hmac: whether the C HMAC extension imports.

    """

    python: str
    python_version: str
    versions: dict[str, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    fingerprint: str | None = None
    native_hmac: bool = False


def _make_probe(modules: Sequence[str]) -> Callable[[Iterable[Any]], Iterator[dict[str, Any]]]:
    """A function of one partition that describes the Python it runs in.

    It is defined inside this function so that Spark pickles it by value: an executor without
    safelink can still run it and say so (a module-level function would need safelink to be
    unpickled). It imports only the standard library before trying ``modules``.
    """

    def probe(_rows: Iterable[Any]) -> Iterator[dict[str, Any]]:
        import hashlib
        import importlib
        import platform
        import sys
        from pathlib import Path

        found: dict[str, Any] = {
            "python": sys.executable,
            "python_version": platform.python_version(),
            "versions": {},
            "missing": {},
            "fingerprint": None,
            "native_hmac": False,
        }
        for name in modules:
            try:
                module = importlib.import_module(name)
            except Exception as exc:  # any import failure is what the check reports
                found["missing"][name] = f"{type(exc).__name__}: {exc}"
                continue
            found["versions"][name] = str(getattr(module, "__version__", ""))
        try:
            import safelink
        except Exception:  # noqa: S110 - reported above as a missing module
            pass
        else:
            found["versions"]["safelink"] = str(safelink.__version__)
            root = Path(safelink.__file__).parent
            digest = hashlib.sha256()
            files = [p for p in root.rglob("*") if p.suffix in {".py", ".csv", ".yaml", ".json"}]
            for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            found["fingerprint"] = digest.hexdigest()
        try:
            importlib.import_module("safelink.keys._native")
            found["native_hmac"] = True
        except Exception:  # noqa: S110 - optional: the pure-Python HMAC gives the same tokens
            pass
        yield found

    return probe


def _environment(found: dict[str, Any]) -> PythonEnvironment:
    return PythonEnvironment(
        python=str(found["python"]),
        python_version=str(found["python_version"]),
        versions=dict(found["versions"]),
        missing=dict(found["missing"]),
        fingerprint=found["fingerprint"],
        native_hmac=bool(found["native_hmac"]),
    )


def driver_environment() -> PythonEnvironment:
    """The driver's own environment, described by the same probe the executors run."""
    (found,) = _make_probe(EXECUTOR_MODULES)(iter([0]))
    return _environment(found)


def executor_environment(session: Any) -> PythonEnvironment:
    """Run the probe as one task on the cluster and describe the executor Python it met.

    Raises:
        SparkEngineError: the executors could not run Python at all (the task failed).

    """
    context = session.sparkContext
    python = str(getattr(context, "pythonExec", "python3"))
    try:
        rows = context.parallelize([0], 1).mapPartitions(_make_probe(EXECUTOR_MODULES)).collect()
    except Exception as exc:  # py4j and PySpark raise many types for a failed task
        problem = python_problem(exc) or type(exc).__name__
        raise SparkEngineError(
            f"the Spark executors could not run Python ({problem}; executor Python: "
            f"{python}). {fix_hint()}"
        ) from exc
    return _environment(rows[0])


_PYTHON_PROBLEMS = (
    r"(?:ModuleNotFoundError|ImportError): [^\n]{1,200}",
    r"Python in worker has different version[^\n]{0,200}",
    r"Cannot run program \"[^\"]{1,300}\"[^\n]{0,100}",
)


def python_problem(exc: BaseException) -> str | None:
    """The executor-environment problem in a failed Spark job's error, if that is its cause.

    Only the matching line is returned (an import error, a Python version mismatch, a Python
    that cannot be started), never the rest of the error's text, which may quote data.
    """
    text = str(exc)
    for pattern in _PYTHON_PROBLEMS:
        match = re.search(pattern, text)
        if match is not None:
            return match.group(0).strip()
    return None


def fix_hint() -> str:
    """How to give the executors safelink's environment (printed with every failed check)."""
    return (
        "Give every executor safelink's environment: run `safelink spark pack -o "
        "safelink-env.tar.gz` and pass `--spark-conf spark.archives=safelink-env.tar.gz#"
        f"{ARCHIVE_ALIAS} --spark-conf spark.pyspark.python=./{ARCHIVE_ALIAS}/bin/python`, or "
        "set PYSPARK_PYTHON to a Python with this safelink version installed on every node."
    )


def compare(driver: PythonEnvironment, executor: PythonEnvironment) -> list[str]:
    """What the executor lacks or has differently from the driver (empty when it matches)."""
    problems = [f"cannot import {name} ({error})" for name, error in executor.missing.items()]
    if problems:
        return problems
    ours, theirs = driver.versions.get("safelink"), executor.versions.get("safelink")
    if ours != theirs:
        problems.append(f"has safelink {theirs} where the driver has {ours}")
    elif driver.fingerprint != executor.fingerprint:
        problems.append(
            f"has safelink {theirs} with different code from the driver's (a modified or "
            "other build of the same version)"
        )
    return problems


IO_ENCRYPTION = "spark.io.encryption.enabled"


def at_rest_warnings(conf: Mapping[str, str]) -> list[str]:
    """What a session's settings leave unencrypted on disk while a run lasts (empty: nothing).

    Subkeys and keyed steps' key blocks travel as broadcasts, which Spark may spill to
    ``spark.local.dir`` and PySpark hands to the JVM through a driver file; with
    ``spark.io.encryption.enabled`` Spark encrypts both (SECURITY.md, "In memory").

    Args:
        conf: the session's Spark settings (name -> value).

    Returns:
        One line per problem, each saying how to fix it.
    """
    if str(conf.get(IO_ENCRYPTION, "false")).strip().lower() == "true":
        return []
    return [
        f"{IO_ENCRYPTION} is off: broadcast key material and spilled blocks are written "
        "unencrypted to spark.local.dir while a run lasts; add "
        f"--spark-conf {IO_ENCRYPTION}=true (and keep spark.local.dir on an owner-only volume)."
    ]


def check_executors(session: Any) -> PythonEnvironment:
    """Prove, once per Spark application, that the executors can run this safelink.

    Args:
        session: a started Spark session.

    Returns:
        The executors' environment.

    Raises:
        SparkEngineError: an executor cannot import what it runs, or runs another safelink
            (version or code) than the driver; the message names the executor Python and the fix.

    """
    application = str(session.sparkContext.applicationId)
    if application in _CHECKED:
        return _CHECKED[application]
    executor = executor_environment(session)
    problems = compare(driver_environment(), executor)
    if problems:
        named = str(getattr(session.sparkContext, "pythonExec", executor.python))
        running = "" if named == executor.python else f" running {executor.python}"
        raise SparkEngineError(
            f"the Spark executors cannot run this safelink: their Python ({named}{running}, "
            f"Python {executor.python_version}) {'; '.join(problems)}. {fix_hint()}"
        )
    _CHECKED[application] = executor
    return executor


# -- packing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PackSummary:
    """What ``safelink spark pack`` wrote.

    Attributes:
        path: the archive.
        files: files (and links) in it.
        size_bytes: its size.
        excluded: the top-level packages left out.
        settings: the Spark settings that make executors use it (``--spark-conf`` values).

    """

    path: Path
    files: int
    size_bytes: int
    excluded: tuple[str, ...]
    settings: dict[str, str]


def spark_settings(archive: Path) -> dict[str, str]:
    """The ``--spark-conf`` settings that make executors unpack and run ``archive``."""
    return {
        "spark.archives": f"{archive}#{ARCHIVE_ALIAS}",
        "spark.pyspark.python": f"./{ARCHIVE_ALIAS}/bin/python",
    }


def _site_packages(prefix: Path) -> Path:
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    return prefix / "lib" / version / "site-packages"


def _is_excluded(relative: Path, site: Path, excluded: Sequence[str]) -> bool:
    """Whether a path of the virtualenv is left out of the archive."""
    if "__pycache__" in relative.parts:
        return True
    try:
        inside = relative.relative_to(site)
    except ValueError:
        return False
    top = inside.parts[0] if inside.parts else ""
    name = re.split(r"[-.]", top, maxsplit=1)[0].lower().replace("-", "_")
    if top.startswith("__editable__") or top == "safelink":
        return True  # an editable install points outside the archive; safelink is added below
    return name in excluded


def pack_environment(out: Path, *, exclude: Sequence[str] = ()) -> PackSummary:
    """Write the running virtualenv, with safelink's code inside, as a ``.tar.gz`` for Spark.

    Args:
        out: the archive to write (``.tar.gz``); written to a temporary file, then renamed.
        exclude: more top-level packages to leave out (e.g. ``spacy``: executors never run
            detection), besides PySpark and py4j.

    Returns:
        What was written and the Spark settings that use it.

    Raises:
        InputError: not running in a virtualenv, or ``out`` is not a ``.tar.gz`` path.
        OutputError: the archive cannot be written.

    """
    prefix = Path(sys.prefix)
    if sys.prefix == sys.base_prefix:
        raise InputError(
            "safelink spark pack packs the virtualenv safelink runs in, but this Python is not "
            "a virtualenv; run it with the virtualenv's safelink (e.g. .venv/bin/safelink)."
        )
    if not out.name.endswith(".tar.gz"):
        raise InputError(f"{out}: the archive must be a .tar.gz file (e.g. safelink-env.tar.gz).")
    wanted = [*ALWAYS_EXCLUDED, *(name.lower().replace("-", "_") for name in exclude)]
    excluded = tuple(dict.fromkeys(wanted))
    site = _site_packages(Path(""))
    import safelink

    package = Path(safelink.__file__).parent
    manifest = {
        "safelink": safelink.__version__,
        "python": sys.version.split()[0],
        "base_python": sys.base_prefix,
        "excluded": list(excluded),
    }
    files = 0
    with atomic_path(out) as temporary, tarfile.open(temporary, "w:gz", compresslevel=1) as tar:
        for path in sorted(prefix.rglob("*")):
            relative = path.relative_to(prefix)
            if path.is_dir() and not path.is_symlink():
                continue
            if _is_excluded(relative, site, excluded):
                continue
            tar.add(path, arcname=relative.as_posix(), recursive=False)
            files += 1
        for path in sorted(package.rglob("*")):
            if path.is_dir() or "__pycache__" in path.parts:
                continue
            tar.add(path, arcname=(site / "safelink" / path.relative_to(package)).as_posix())
            files += 1
        data = json.dumps(manifest, indent=2, sort_keys=True).encode()
        info = tarfile.TarInfo(_PACK_MANIFEST)
        info.size = len(data)
        info.mode = 0o644
        tar.addfile(info, io.BytesIO(data))
    return PackSummary(
        path=out,
        files=files,
        size_bytes=out.stat().st_size,
        excluded=excluded,
        settings=spark_settings(out),
    )
