"""DuckDB connections spill to a private per-process folder, within the configured memory."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from safelink.engines import duckdb_connection
from safelink.errors import ConfigError


@pytest.fixture
def fresh_spill(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A spill parent of this test's own, and no cached spill folder."""
    parent = tmp_path / "spill"
    parent.mkdir()
    monkeypatch.setenv(duckdb_connection.SPILL_DIR_VARIABLE, str(parent))
    duckdb_connection.spill_directory.cache_clear()
    yield parent
    duckdb_connection.spill_directory.cache_clear()


def test_a_table_past_the_limit_spills_to_the_private_folder_not_the_working_one(
    fresh_spill: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(duckdb_connection.MEMORY_LIMIT_VARIABLE, "40MB")
    connection = duckdb_connection.connect()
    folder = duckdb_connection.spill_directory()
    assert folder.parent == fresh_spill
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert (
        connection.sql("SELECT current_setting('memory_limit')").fetchall()[0][0].startswith("38")
    )
    connection.execute(
        "CREATE TABLE t AS SELECT md5(i::VARCHAR) || md5((i * 7)::VARCHAR) AS s "
        "FROM range(2000000) AS r(i)"
    )
    spilled = [Path(row[0]) for row in connection.sql("FROM duckdb_temporary_files()").fetchall()]
    assert spilled and all(path.parent == folder for path in spilled)
    assert connection.sql("SELECT count(*) FROM t").fetchall()[0][0] == 2_000_000
    assert not (tmp_path / ".tmp").exists()


@pytest.mark.parametrize("limit", ["lots", "8", "-1GB", "8 parsecs"])
def test_a_memory_limit_that_is_not_a_size_is_refused_with_the_fix(
    limit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(duckdb_connection.MEMORY_LIMIT_VARIABLE, limit)
    with pytest.raises(ConfigError, match="8GB or 512MB"):
        duckdb_connection.connect()


def test_a_spill_parent_that_is_not_a_folder_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(duckdb_connection.SPILL_DIR_VARIABLE, str(tmp_path / "absent"))
    duckdb_connection.spill_directory.cache_clear()
    try:
        with pytest.raises(ConfigError, match="is not a folder"):
            duckdb_connection.connect()
    finally:
        duckdb_connection.spill_directory.cache_clear()


def test_a_folder_left_by_a_killed_process_is_swept_and_a_running_ones_kept(
    fresh_spill: Path,
) -> None:
    import subprocess
    import sys

    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    dead_pid = int(ended.stdout)
    dead = fresh_spill / f"{duckdb_connection.folder_prefix(dead_pid)}abc123"
    dead.mkdir(mode=0o700)
    (dead / "duckdb_temp_block-1.block").write_bytes(b"spilled")
    running = fresh_spill / f"{duckdb_connection.folder_prefix(os.getppid())}def456"
    running.mkdir(mode=0o700)
    other_host = fresh_spill / f"safelink-spill-{dead_pid}-0000abcd-ghi789"  # its pids not ours
    other_host.mkdir(mode=0o700)
    unrelated = fresh_spill / "safelink-spill-notes"
    unrelated.mkdir()
    folder = duckdb_connection.spill_directory()
    assert folder.name.startswith(duckdb_connection.folder_prefix(os.getpid()))
    assert not dead.exists()
    assert running.exists() and other_host.exists() and unrelated.exists() and folder.exists()
