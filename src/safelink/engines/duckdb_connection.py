"""Every DuckDB connection safelink opens: spilling to a private folder, within a memory limit.

DuckDB keeps its tables in memory and, past its memory limit (80% of the machine's by
default), spills them to its temporary directory, which for an in-memory database is ``.tmp``
under whatever folder the command was started in. Tokens and scored pairs spilled there would
outlive the run in a place nobody chose. Every connection safelink opens instead spills to one
private folder per process (mode 0700, made only when first needed, deleted at exit), under
``SAFELINK_SPILL_DIR`` when set (put it on an encrypted volume, as SECURITY.md says) or the
system's temporary folder. A folder's name holds its process id and host, so a folder left by a
process that was killed (no exit handler ran) is removed by the next run on that host that
spills beside it.
``SAFELINK_MEMORY_LIMIT`` (``8GB``, ``512MB``) caps each
connection's memory, so a large link spills to that folder rather than running out.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import os
import re
import shutil
import socket
import tempfile
from pathlib import Path
from typing import Any

from safelink.engines.sql import literal
from safelink.errors import ConfigError

SPILL_DIR_VARIABLE = "SAFELINK_SPILL_DIR"
"""Where the private spill folder is made (default: the system's temporary folder)."""
MEMORY_LIMIT_VARIABLE = "SAFELINK_MEMORY_LIMIT"
"""Each DuckDB connection's memory limit (default: DuckDB's, 80% of the machine's memory)."""
_LIMIT = re.compile(r"\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)


def connect() -> Any:
    """A new in-memory DuckDB connection spilling to :func:`spill_directory`.

    Raises:
        ConfigError: ``SAFELINK_MEMORY_LIMIT`` is not a size such as ``8GB``.
    """
    import duckdb

    limit = memory_limit()
    connection = duckdb.connect(":memory:")
    connection.execute("SET enable_progress_bar = false")
    connection.execute(f"SET temp_directory = {literal(str(spill_directory()))}")
    if limit is not None:
        connection.execute(f"SET memory_limit = {literal(limit)}")
    return connection


def memory_limit() -> str | None:
    """The memory limit ``SAFELINK_MEMORY_LIMIT`` gives, or None for DuckDB's own.

    Raises:
        ConfigError: it is set but is not a size such as ``8GB``.
    """
    limit = os.environ.get(MEMORY_LIMIT_VARIABLE, "").strip()
    if not limit:
        return None
    if not _LIMIT.fullmatch(limit):
        raise ConfigError(
            [
                f"{MEMORY_LIMIT_VARIABLE}={limit!r} is not a memory size; give a number and a "
                "unit such as 8GB or 512MB (or unset it for DuckDB's default, 80% of memory)."
            ],
            source="(the environment)",
        )
    return limit


@functools.cache
def spill_directory() -> Path:
    """This process's private spill folder path (made with mode 0700 when first asked for).

    Raises:
        ConfigError: ``SAFELINK_SPILL_DIR`` names a folder that does not exist.
    """
    parent = os.environ.get(SPILL_DIR_VARIABLE) or tempfile.gettempdir()
    if not Path(parent).is_dir():
        raise ConfigError(
            [
                f"{SPILL_DIR_VARIABLE}={parent!r} is not a folder; create it (on an encrypted "
                "volume) or unset the variable to use the system's temporary folder."
            ],
            source="(the environment)",
        )
    sweep_abandoned(Path(parent))
    folder = Path(tempfile.mkdtemp(prefix=folder_prefix(os.getpid()), dir=parent))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


_SPILL_PREFIX = "safelink-spill-"
_SPILL_NAME = re.compile(rf"{_SPILL_PREFIX}(\d+)-([0-9a-f]{{8}})-\w+")
# Which machine (or container) made a folder: process ids mean nothing on another one, and a
# shared temporary folder may be seen by several.
_HOST = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]


def folder_prefix(pid: int) -> str:
    """The name a spill folder of process ``pid`` on this host starts with."""
    return f"{_SPILL_PREFIX}{pid}-{_HOST}-"


def sweep_abandoned(parent: Path) -> list[Path]:
    """Remove this user's spill folders in ``parent`` whose process is no longer running.

    A process killed outright (``SIGKILL``, a power cut) never runs its exit handler, so its
    spill folder (maybe holding spilled tokens) would stay. A folder is removed only when this
    user owns it and its name carries this host's tag and a process id that no running process
    has; a folder from another host or container sharing the folder, or whose id was reused by
    another process, is left.

    Returns:
        The folders removed.
    """
    removed = []
    for folder in parent.glob(f"{_SPILL_PREFIX}*"):
        match = _SPILL_NAME.fullmatch(folder.name)
        if match is None or match.group(2) != _HOST or not folder.is_dir() or folder.is_symlink():
            continue
        if folder.stat().st_uid != os.getuid() or _running(int(match.group(1))):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


__all__ = [
    "MEMORY_LIMIT_VARIABLE",
    "SPILL_DIR_VARIABLE",
    "connect",
    "folder_prefix",
    "memory_limit",
    "spill_directory",
    "sweep_abandoned",
]
