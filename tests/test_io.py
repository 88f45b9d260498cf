from __future__ import annotations

import os
import stat
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from safelink.errors import InputError, OutputError
from safelink.infra.io import (
    JOURNAL_SUFFIX,
    atomic_directory,
    atomic_files,
    atomic_path,
    complete_interrupted_commits,
    ensure_output_directory,
    iter_batches,
    read_frame,
    read_rows,
    sha256_tree,
    to_polars,
    write_csv_safe,
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_read_frame_csv_keeps_leading_zeros_as_text(tmp_path: Path):
    path = write(tmp_path, "a.csv", b"id,chi\n1,0101011234\n")
    frame = read_frame(path)
    assert frame.schema == {"id": pl.String, "chi": pl.String}
    assert frame["chi"].to_list() == ["0101011234"]


def test_read_rows_keeps_matching_rows_across_batches(tmp_path: Path):
    frame = pl.DataFrame({"id": [f"r{i}" for i in range(25)], "key": [i % 7 for i in range(25)]})
    parquet = tmp_path / "t.parquet"
    frame.write_parquet(parquet)
    wanted = frame.filter(pl.col("key") == 3)
    kept = read_rows(parquet, columns=["id", "key"], where=pl.col("key") == 3, batch_rows=4)
    assert kept.equals(wanted)
    assert kept.height == 4  # 3, 10, 17, 24: from four different batches
    csv = tmp_path / "t.csv"
    frame.write_csv(csv)
    kept = read_rows(csv, columns=["id"], where=pl.col("id").is_in(["r2", "r20"]), batch_rows=4)
    assert kept.columns == ["id"] and kept["id"].to_list() == ["r2", "r20"]


def test_read_rows_header_only_and_no_match_give_the_columns(tmp_path: Path):
    header = write(tmp_path, "h.csv", b"a,b\n")
    empty = read_rows(header, columns=["b"], where=pl.col("b") == "x")
    assert empty.columns == ["b"] and empty.height == 0
    rows = write(tmp_path, "r.csv", b"a,b\n1,2\n")
    none = read_rows(rows, columns=["a", "b"], where=pl.col("a") == "9")
    assert none.columns == ["a", "b"] and none.height == 0


def test_read_frame_empty_file_clear_error(tmp_path: Path):
    with pytest.raises(InputError, match="empty"):
        read_frame(write(tmp_path, "e.csv", b""))


def test_read_frame_header_only_gives_empty_frame(tmp_path: Path):
    frame = read_frame(write(tmp_path, "h.csv", b"a,b\n"))
    assert frame.columns == ["a", "b"] and frame.height == 0


def test_read_frame_duplicate_headers_refused(tmp_path: Path):
    with pytest.raises(InputError, match=r"line 1: duplicated column names \['a'\]"):
        read_frame(write(tmp_path, "d.csv", b"a,b,a\n1,2,3\n"))


def test_read_frame_ragged_row_names_line_without_values(tmp_path: Path):
    path = write(tmp_path, "r.csv", b"a,b\n1,2\n3,4\nSECRETVALUE,5,6\n")
    with pytest.raises(InputError) as info:
        read_frame(path)
    message = str(info.value)
    assert "line 4" in message and "3 fields" in message
    assert "SECRETVALUE" not in message


def test_read_frame_undecodable_text_suggests_encoding(tmp_path: Path):
    path = write(tmp_path, "l.csv", "name\nJosé £5\n".encode("cp1252"))
    with pytest.raises(InputError, match="encoding"):
        read_frame(path)
    assert read_frame(path, encoding="cp1252")["name"].to_list() == ["José £5"]


def test_read_frame_bom_stripped_from_header(tmp_path: Path):
    frame = read_frame(write(tmp_path, "b.csv", "\ufeffa,b\n1,2\n".encode()))
    assert frame.columns == ["a", "b"]


def test_read_frame_embedded_newlines_and_quotes(tmp_path: Path):
    frame = read_frame(write(tmp_path, "q.csv", b'a,b\n"line1\nline2","say ""hi"""\n'))
    assert frame.row(0) == ("line1\nline2", 'say "hi"')


def test_read_frame_directory_and_missing_and_wrong_type(tmp_path: Path):
    with pytest.raises(InputError, match="is a directory"):
        read_frame(tmp_path)
    with pytest.raises(InputError, match="not found"):
        read_frame(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="unsupported file type"):
        read_frame(write(tmp_path, "x.xlsx", b"PK"))


def test_read_frame_corrupt_parquet_clear_error(tmp_path: Path):
    with pytest.raises(InputError, match="Parquet"):
        read_frame(write(tmp_path, "c.parquet", b"not parquet"))


def test_read_frame_missing_column_named(tmp_path: Path):
    path = write(tmp_path, "m.csv", b"a,b\n1,2\n")
    with pytest.raises(InputError, match=r"missing column\(s\) \['c'\]"):
        read_frame(path, columns=["a", "c"])


def test_iter_batches_streams_in_order(tmp_path: Path):
    rows = "\n".join(f"{i},x{i}" for i in range(50_000))
    path = write(tmp_path, "big.csv", f"n,s\n{rows}\n".encode())
    batches = list(iter_batches(path, batch_rows=5_000))
    assert sum(b.num_rows for b in batches) == 50_000
    joined = pl.concat([pl.from_arrow(b) for b in batches])
    assert joined["n"].to_list()[:3] == ["0", "1", "2"]


def test_to_polars_ignores_pandas_index():
    frame = pd.DataFrame({"a": [1, 2]}, index=[10, 5])
    assert to_polars(frame)["a"].to_list() == [1, 2]
    with pytest.raises(InputError):
        to_polars([1, 2])


def test_atomic_path_failure_leaves_previous_output(tmp_path: Path):
    target = tmp_path / "out.json"
    target.write_text("previous")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError("crash mid-write")
    assert target.read_text() == "previous"
    assert os.listdir(tmp_path) == ["out.json"]


def test_atomic_directory_complete_or_absent(tmp_path: Path):
    target = tmp_path / "bundle"
    with pytest.raises(RuntimeError), atomic_directory(target) as temporary:
        (temporary / "a").write_text("x")
        raise RuntimeError("crash")
    assert not target.exists() and os.listdir(tmp_path) == []
    with atomic_directory(target) as temporary:
        (temporary / "a").write_text("x")
    assert (target / "a").read_text() == "x"
    with pytest.raises(OutputError, match="already exists"), atomic_directory(target):
        pass


def test_write_csv_safe_neutralises_formulas(tmp_path: Path):
    frame = pl.DataFrame({"a": ["=1+1", "+44", "-3", "@SUM(A1)", "\tx", "plain"], "n": range(6)})
    path = write_csv_safe(frame, tmp_path / "x.csv")
    cells = [line.split(",")[0] for line in path.read_text().splitlines()[1:]]
    assert cells[:4] == ["'=1+1", "'+44", "'-3", "'@SUM(A1)"]
    assert cells[5] == "plain"


def test_atomic_path_removes_temporaries_a_killed_run_left(tmp_path: Path):
    target = tmp_path / "out.parquet"
    (tmp_path / ".out.parquet.tmp-deadbeef0001").write_text("half")
    (tmp_path / ".out.parquet.tmp-deadbeef0002").mkdir()
    (tmp_path / ".other.json.tmp-deadbeef0003").write_text("someone else's")
    with atomic_path(target) as temporary:
        temporary.write_text("whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".other.json.tmp-deadbeef0003",
        "out.parquet",
    ]


# -- group commits (atomic_files, complete_interrupted_commits) --------------------------------

# A child that commits a two-file group and SIGKILLs itself right after its Nth os.replace:
# 1 = the journal is in place, 2 = the first file renamed, 3 = both renamed, journal not yet gone.
KILLED_COMMIT = """
import os, signal, sys
from pathlib import Path
real_replace, done = os.replace, []
def replace(source, destination):
    real_replace(source, destination)
    done.append(destination)
    if len(done) == int(sys.argv[1]):
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
from safelink.infra.io import atomic_files
out = Path(sys.argv[2])
with atomic_files([out / "a.txt", out / "b.txt"]) as (a, b):
    a.write_text("new a")
    b.write_text("new b")
"""


def _previous_pair(directory: Path) -> None:
    directory.mkdir(exist_ok=True)
    (directory / "a.txt").write_text("old a")
    (directory / "b.txt").write_text("old b")


def _pair(directory: Path) -> tuple[str, str]:
    return (directory / "a.txt").read_text(), (directory / "b.txt").read_text()


def _kill_commit_after_rename(directory: Path, renames: int) -> None:
    import subprocess
    import sys

    child = subprocess.run([sys.executable, "-c", KILLED_COMMIT, str(renames), str(directory)])
    assert child.returncode == -9, "the child was not killed where the test meant"


def test_atomic_files_success_replaces_whole_set_and_leaves_nothing_else(tmp_path: Path):
    _previous_pair(tmp_path)
    with atomic_files([tmp_path / "a.txt", tmp_path / "b.txt"]) as (a, b):
        a.write_text("new a")
        b.write_text("new b")
    assert _pair(tmp_path) == ("new a", "new b")
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]


def test_atomic_files_failure_in_body_keeps_previous_set(tmp_path: Path):
    _previous_pair(tmp_path)
    group = atomic_files([tmp_path / "a.txt", tmp_path / "b.txt"])
    with pytest.raises(RuntimeError), group as (a, _b):
        a.write_text("new a")
        raise RuntimeError("crash before b was written")
    assert _pair(tmp_path) == ("old a", "old b")
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]


def test_atomic_files_unwritten_or_scattered_outputs_refused(tmp_path: Path):
    (tmp_path / "other").mkdir()
    group = atomic_files([tmp_path / "a.txt", tmp_path / "b.txt"])
    with pytest.raises(OutputError, match="nothing was written"), group as (a, _b):
        a.write_text("only a")
    assert sorted(os.listdir(tmp_path)) == ["other"]
    scattered = [tmp_path / "a.txt", tmp_path / "other" / "b.txt"]
    with pytest.raises(OutputError, match="share one directory"), atomic_files(scattered):
        pass


@pytest.mark.parametrize("renames", [1, 2, 3])
def test_complete_interrupted_commits_killed_after_journal_rolls_forward(
    tmp_path: Path, renames: int
):
    _previous_pair(tmp_path)
    _kill_commit_after_rename(tmp_path, renames)
    assert [p.name for p in tmp_path.glob(f".*{JOURNAL_SUFFIX}")] == [f".a.txt{JOURNAL_SUFFIX}"]
    assert complete_interrupted_commits(tmp_path) == 1
    assert _pair(tmp_path) == ("new a", "new b")
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]
    assert complete_interrupted_commits(tmp_path) == 0


def test_atomic_files_next_write_completes_interrupted_commit_first(tmp_path: Path):
    _previous_pair(tmp_path)
    _kill_commit_after_rename(tmp_path, 2)  # a is new, b is old: a mix until rolled forward
    with atomic_files([tmp_path / "c.txt"]) as (c,):
        c.write_text("c")
    assert _pair(tmp_path) == ("new a", "new b")
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt", "c.txt"]


def test_complete_interrupted_commits_half_written_journal_discarded(tmp_path: Path):
    _previous_pair(tmp_path)
    _kill_commit_after_rename(tmp_path, 1)
    journal = tmp_path / f".a.txt{JOURNAL_SUFFIX}"
    text = journal.read_bytes()
    journal.write_bytes(text[: len(text) // 2])  # as if torn before it was complete
    assert complete_interrupted_commits(tmp_path) == 1
    assert _pair(tmp_path) == ("old a", "old b")
    assert not journal.exists()
    with atomic_files([tmp_path / "a.txt", tmp_path / "b.txt"]) as (a, b):
        a.write_text("next a")
        b.write_text("next b")
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"], "stale temporaries left"


def test_complete_interrupted_commits_journal_naming_other_paths_ignored(tmp_path: Path):
    import json

    from safelink.infra.io import sha256_bytes

    out = tmp_path / "out"
    _previous_pair(out)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (out / ".victim.txt.tmp-0123456789ab").write_text("planted")
    renames = [[".victim.txt.tmp-0123456789ab", "../victim.txt"], [".b.txt.tmp-x", "b.txt"]]
    checksum = sha256_bytes(json.dumps(renames, separators=(",", ":")).encode())
    document = {"format": "safelink-commit-journal/1", "renames": renames, "sha256": checksum}
    (out / f".a.txt{JOURNAL_SUFFIX}").write_text(json.dumps(document))
    assert complete_interrupted_commits(out) == 1
    assert victim.read_text() == "keep" and _pair(out) == ("old a", "old b")
    assert not (out / f".a.txt{JOURNAL_SUFFIX}").exists()


def _can_mount() -> bool:
    import shutil
    import subprocess

    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"])
    return probe.returncode == 0


@pytest.mark.skipif(not _can_mount(), reason="this machine does not allow mount namespaces")
def test_group_commit_read_only_directory_clear_output_error(tmp_path: Path):
    # Root ignores chmod, so the directory is a real tmpfs remounted read-only in a private
    # mount namespace, with a journal a killed commit left behind in it.
    import subprocess
    import sys

    out = tmp_path / "out"
    out.mkdir()
    script = tmp_path / "killed.py"
    script.write_text(KILLED_COMMIT)
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import sys\n"
        "from pathlib import Path\n"
        "from safelink.errors import OutputError\n"
        "from safelink.infra.io import atomic_files, complete_interrupted_commits\n"
        "out = Path(sys.argv[1])\n"
        "try:\n"
        "    complete_interrupted_commits(out)\n"
        "except OutputError as exc:\n"
        "    print('complete:', exc)\n"
        "try:\n"
        "    with atomic_files([out / 'c.txt']) as (c,):\n"
        "        c.write_text('c')\n"
        "except OutputError as exc:\n"
        "    print('write:', exc)\n"
        "print(sorted(p.name for p in out.iterdir()))\n"
    )
    command = (
        f"mount -t tmpfs tmpfs {out} && printf 'old a' > {out}/a.txt && "
        f"printf 'old b' > {out}/b.txt && {{ {sys.executable} {script} 2 {out}; true; }} && "
        f"mount -o remount,ro {out} && {sys.executable} {probe} {out}"
    )
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", command], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("complete:") and "read-only" in lines[0]
    assert "cannot complete an interrupted write" in lines[0]
    assert lines[1].startswith("write:") and "read-only" in lines[1]
    assert "Traceback" not in result.stderr


def test_sha256_tree_changes_with_any_file_and_is_stable(tmp_path: Path):
    tree = tmp_path / "hospital.tokens.parquet"
    (tree / "sub").mkdir(parents=True)
    (tree / "part-0.parquet").write_bytes(b"first part")
    (tree / "sub" / "part-1.parquet").write_bytes(b"second part")
    (tree / "_safelink.json").write_text("{}", encoding="utf-8")
    first = sha256_tree(tree)
    assert sha256_tree(tree) == first and len(first) == 64
    (tree / "sub" / "part-1.parquet").write_bytes(b"second part!")
    changed = sha256_tree(tree)
    assert changed != first
    (tree / "sub" / "part-1.parquet").rename(tree / "sub" / "part-2.parquet")
    renamed = sha256_tree(tree)
    assert renamed not in {first, changed}
    (tree / "extra").write_bytes(b"")
    assert sha256_tree(tree) not in {first, changed, renamed}
    (tree / "extra").unlink()
    assert sha256_tree(tree) == renamed


# -- text encodings: the line of the first undecodable byte ---------------------------------------


def _lines(count: int) -> list[bytes]:
    return [b"id,name"] + [f"{i},row{i}".encode() for i in range(1, count)]


def test_read_frame_undecodable_byte_on_line_6_names_line_6_not_the_header(tmp_path: Path):
    lines = _lines(8)
    lines[5] = "5,Jos\xe9".encode("latin-1")
    path = write(tmp_path, "l.csv", b"\n".join(lines) + b"\n")
    with pytest.raises(InputError) as info:
        read_frame(path)
    message = str(info.value)
    assert "line 6:" in message and "header" not in message
    assert "--encoding cp1252" in message and "'encoding: cp1252'" in message
    assert "Jos" not in message
    assert read_frame(path, encoding="latin-1")["name"][4] == "José"


def test_read_frame_undecodable_header_names_line_1_and_the_header(tmp_path: Path):
    path = write(tmp_path, "h.csv", "id,na\xefve\n1,2\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"line 1: the header is not valid utf-8"):
        read_frame(path)


def test_read_frame_undecodable_byte_past_first_megabyte_exact_line(tmp_path: Path):
    """A valid two-byte character straddles the 1 MiB read boundary; the bad byte is later."""
    header, width = b"id,name\n", 31  # each row: 8-digit id, comma, 20-letter name, newline
    rows = [bytearray(f"{i:08d},{'a' * 20}\n".encode()) for i in range(200_000)]
    row, column = divmod((1 << 20) - 1 - len(header), width)
    assert 9 <= column < 29, "the character must fall inside a name"
    rows[row][column : column + 2] = "é".encode()
    rows[150_000][12] = 0xE9  # Latin-1 'é': invalid UTF-8, on line 150,002 (header is line 1)
    path = write(tmp_path, "big.csv", header + b"".join(rows))
    with pytest.raises(InputError, match="line 150002:"):
        read_frame(path)
    assert read_frame(path, encoding="latin-1").height == 200_000


def test_read_frame_undecodable_line_counts_lines_inside_quoted_values(tmp_path: Path):
    path = write(tmp_path, "q.csv", b'id,notes\n1,"one\ntwo\nthree"\n2,ok\n3,\xff\n')
    with pytest.raises(InputError, match="line 6:"):
        read_frame(path)


def test_read_frame_cp1252_undefined_byte_names_line_and_another_encoding(tmp_path: Path):
    path = write(tmp_path, "w.csv", b"id,name\n1,a\n2,\x81b\n")
    with pytest.raises(InputError) as info:
        read_frame(path, encoding="cp1252")
    assert "line 3: text is not valid cp1252" in str(info.value)
    assert "--encoding latin-1" in str(info.value)


def test_read_frame_structural_problem_before_bad_byte_reported_first(tmp_path: Path):
    path = write(tmp_path, "r.csv", b"a,b\n1,2\n3,4,5\n6,\x81\n")
    with pytest.raises(InputError, match="line 3: has 3 fields"):
        read_frame(path, encoding="cp1252")


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("iso-8859-15", "€5 Zoë"), ("windows-1252", "“quoted” £5"), ("UTF8", "Zoë")],
)
def test_read_frame_any_ascii_compatible_encoding_read(tmp_path: Path, encoding: str, text: str):
    path = write(tmp_path, "e.csv", f"id,name\n1,{text}\n".encode(encoding))
    assert read_frame(path, encoding=encoding)["name"].to_list() == [text]


@pytest.mark.parametrize(
    ("encoding", "problem"),
    [("utf-16", "not ASCII-compatible"), ("klingon", "unknown text encoding"), ("rot13", "not a")],
)
def test_read_frame_unusable_encoding_refused_with_reason(tmp_path: Path, encoding, problem):
    path = write(tmp_path, "a.csv", b"a,b\n1,2\n")
    with pytest.raises(InputError, match=problem):
        read_frame(path, encoding=encoding)


# -- nested Parquet columns --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "type_name"),
    [
        (pa.array([["9990000018"]], pa.list_(pa.string())), "list<"),
        (pa.array([{"n": "9990000018"}]), "struct<"),
        (pa.array([[("k", "9990000018")]], pa.map_(pa.string(), pa.string())), "map<"),
        (pa.array([["9990000018"]], pa.large_list(pa.string())), "large_list<"),
    ],
    ids=["list", "struct", "map", "large_list"],
)
def test_iter_batches_nested_parquet_column_named_with_its_type(
    tmp_path: Path, values: pa.Array, type_name: str
):
    path = tmp_path / "n.parquet"
    pq.write_table(pa.table({"nhs": values, "v": ["a"]}), path)
    with pytest.raises(InputError) as info:
        list(iter_batches(path, columns=["nhs", "v"]))
    message = str(info.value)
    assert "column 'nhs'" in message and type_name in message and "9990000018" not in message
    assert [b.num_rows for b in iter_batches(path, columns=["v"])] == [1]


# -- permissions of outputs, whatever the umask ------------------------------------------------


@pytest.fixture
def open_umask():
    """Run the test with umask 0 (every new file would be world-writable by default)."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_atomic_path_output_owner_only_under_umask_0(tmp_path: Path, open_umask):
    seen = []
    with atomic_path(tmp_path / "out.json") as temporary:
        seen.append(_mode(temporary))  # before anything is written
        temporary.write_text("{}")
    assert seen == [0o600] and _mode(tmp_path / "out.json") == 0o600


def test_atomic_path_writer_replacing_temporary_still_owner_only(tmp_path: Path, open_umask):
    with atomic_path(tmp_path / "out.csv") as temporary:
        temporary.unlink()
        temporary.write_text("a,b\n")  # a new file, created 0666 under umask 0
    assert _mode(tmp_path / "out.csv") == 0o600


def test_atomic_path_public_mode_kept(tmp_path: Path, open_umask):
    with atomic_path(tmp_path / "key.pub", mode=0o644) as temporary:
        temporary.write_text("public")
    assert _mode(tmp_path / "key.pub") == 0o644


def test_atomic_path_empty_output_is_nothing_written(tmp_path: Path):
    with pytest.raises(OutputError, match="nothing was written"), atomic_path(tmp_path / "x"):
        pass
    assert os.listdir(tmp_path) == []


def test_atomic_files_outputs_and_journal_owner_only_under_umask_0(
    tmp_path: Path, open_umask, monkeypatch
):
    import safelink.infra.atomic

    journal_modes = []
    roll_forward = safelink.infra.atomic._roll_forward

    def recording(directory, journal, renames):
        journal_modes.append(_mode(journal))
        roll_forward(directory, journal, renames)

    monkeypatch.setattr(safelink.infra.atomic, "_roll_forward", recording)
    with atomic_files([tmp_path / "a.txt", tmp_path / "b.txt"]) as (a, b):
        assert _mode(a) == _mode(b) == 0o600
        a.write_text("a")
        b.write_text("b")
    assert journal_modes == [0o600]
    assert [_mode(tmp_path / n) for n in ("a.txt", "b.txt")] == [0o600, 0o600]


def test_atomic_directory_owner_only_under_umask_0(tmp_path: Path, open_umask):
    with atomic_directory(tmp_path / "bundle") as temporary:
        (temporary / "f").write_text("x")
    assert _mode(tmp_path / "bundle") == 0o700


def test_ensure_output_directory_makes_parents_owner_only_keeps_existing(
    tmp_path: Path, open_umask
):
    existing = tmp_path / "shared"
    existing.mkdir(mode=0o750)
    made = ensure_output_directory(existing / "a" / "b")
    assert made == existing / "a" / "b"
    assert _mode(existing / "a") == _mode(made) == 0o700 and _mode(existing) == 0o750
    assert ensure_output_directory(made) == made
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="not a directory"):
        ensure_output_directory(tmp_path / "file")


def test_stale_temporaries_of_a_group_commit_are_removed_nested_ones_too(tmp_path: Path) -> None:
    from safelink.infra.atomic import remove_stale_temporaries

    destination = tmp_path / "links.parquet"
    first = tmp_path / ".links.parquet.tmp-57b35b3efb28"  # a killed group commit's temporary
    nested = tmp_path / "..links.parquet.tmp-57b35b3efb28.tmp-c849f9b03111"  # killed inside it
    other = tmp_path / ".other_links.parquet.tmp-1"  # another output's: kept
    for path in (first, nested, other):
        path.write_bytes(b"partial")
    assert remove_stale_temporaries(destination) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name]


def test_read_frame_parquet_equals_its_streamed_batches_and_refuses_a_bad_row_group(
    tmp_path: Path,
):
    # read_frame reads a Parquet file whole (polars) after the stream's checks: the same frame
    # as joining iter_batches' batches, and a damaged row group is an InputError, not a crash.
    path = tmp_path / "links.parquet"
    frame = pl.DataFrame({"record_id": [f"r{i}" for i in range(3000)], "n": list(range(3000))})
    pq.write_table(frame.to_arrow(), path, row_group_size=1000)
    streamed = pl.from_arrow(pa.Table.from_batches(list(iter_batches(path, batch_rows=700))))
    assert read_frame(path).equals(streamed)
    assert read_frame(path, columns=["n"]).equals(frame.select("n"))
    data = bytearray(path.read_bytes())
    data[200:1200] = bytes(1000)  # inside the first row group's pages; the footer intact
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"row group cannot be read"):
        read_frame(path)
