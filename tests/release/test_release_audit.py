"""The audit log's hash chain: appends verify; edits, deletions and reorderings are caught."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safelink.errors import VerificationError
from safelink.release import AuditEntry, append_audit, audit_head, verify_audit_log


def _log(path: Path, entries: int = 6) -> list[str]:
    heads = []
    for i in range(entries):
        heads.append(
            append_audit(
                path,
                AuditEntry(
                    command="release",
                    outcome="ok",
                    arguments={"recipient": f"r{i}"},
                    inputs={"links": "ab" * 32},
                    outputs={"data.parquet": f"{i:064x}"},
                    key_ids={"project": "kid_0123456789abcdef"},
                ),
            )
        )
    return heads


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines(keepends=True)


def test_audit_appends_verify_and_head_moves(tmp_path: Path) -> None:
    path = tmp_path / "p.audit.jsonl"
    heads = _log(path)
    result = verify_audit_log(path, expected_head=heads[-1])
    assert result.ok and result.entries == 6 and result.head == heads[-1] == audit_head(path)
    entries = [json.loads(line) for line in _lines(path)]
    assert [e["seq"] for e in entries] == [1, 2, 3, 4, 5, 6]
    assert all(e["prev"] == p["hash"] for p, e in itertools.pairwise(entries))
    assert {"time", "user", "command", "inputs", "outputs", "key_ids", "outcome"} <= set(entries[0])


def test_audit_edited_line_caught(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    _log(path)
    lines = _lines(path)
    lines[2] = lines[2].replace('"outcome":"ok"', '"outcome":"no"')
    path.write_text("".join(lines))
    result = verify_audit_log(path)
    assert not result.ok and any("line 3" in p for p in result.problems)


def test_audit_edited_last_line_caught(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    _log(path)
    lines = _lines(path)
    lines[-1] = lines[-1].replace('"recipient":"r5"', '"recipient":"rX"')
    path.write_text("".join(lines))
    assert not verify_audit_log(path).ok


def test_audit_edit_with_rehash_breaks_chain(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "a.jsonl"
    _log(path)
    lines = _lines(path)
    record = json.loads(lines[1])
    record["outcome"] = "refused: DisclosureRiskError"
    del record["hash"]
    body = json.dumps(record, sort_keys=True, separators=(",", ":")).encode()
    record["hash"] = hashlib.sha256(body).hexdigest()
    lines[1] = json.dumps(record, sort_keys=True, separators=(",", ":")) + "\n"
    path.write_text("".join(lines))
    result = verify_audit_log(path)
    assert not result.ok and any("line 3" in p for p in result.problems)


@settings(max_examples=25, deadline=None)
@given(index=st.integers(min_value=0, max_value=4))
def test_audit_deleted_line_caught(tmp_path_factory, index: int) -> None:
    path = tmp_path_factory.mktemp("del") / "a.jsonl"
    _log(path)
    lines = _lines(path)
    del lines[index]
    path.write_text("".join(lines))
    assert not verify_audit_log(path).ok


def test_audit_deleted_tail_caught_against_expected_head(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    heads = _log(path)
    path.write_text("".join(_lines(path)[:-1]))
    assert verify_audit_log(path).ok  # a shorter chain is still a chain...
    assert not verify_audit_log(path, expected_head=heads[-1]).ok  # ...but not the one anchored


@settings(max_examples=25, deadline=None)
@given(pair=st.lists(st.integers(0, 5), min_size=2, max_size=2, unique=True))
def test_audit_reordered_lines_caught(tmp_path_factory, pair: list[int]) -> None:
    path = tmp_path_factory.mktemp("swap") / "a.jsonl"
    _log(path)
    lines = _lines(path)
    a, b = pair
    lines[a], lines[b] = lines[b], lines[a]
    path.write_text("".join(lines))
    assert not verify_audit_log(path).ok


def test_audit_inserted_and_truncated_lines_caught(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    _log(path)
    lines = _lines(path)
    path.write_text("".join([*lines[:3], lines[1], *lines[3:]]))
    assert not verify_audit_log(path).ok
    path.write_text("".join(lines)[:-20])
    result = verify_audit_log(path)
    assert not result.ok and any("incomplete" in p for p in result.problems)


def test_audit_append_after_damage_refused(tmp_path: Path) -> None:
    from safelink.errors import OutputError

    path = tmp_path / "a.jsonl"
    _log(path, 2)
    path.write_text(path.read_text() + "not json\n")
    with pytest.raises(OutputError, match="damaged"):
        _log(path, 1)


def test_audit_missing_log_raises(tmp_path: Path) -> None:
    with pytest.raises(VerificationError):
        verify_audit_log(tmp_path / "none.jsonl")


def test_audit_release_refuses_when_log_broken(pipeline, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    _log(path, 3)
    lines = _lines(path)
    path.write_text(lines[0] + lines[2])
    with pytest.raises(VerificationError, match="audit log"):
        pipeline.release(tmp_path / "r", audit_log=path)
    assert not (tmp_path / "r").exists()


def test_audited_records_ok_and_failure(tmp_path: Path) -> None:
    from safelink.errors import LinkageError
    from safelink.release import audited

    path = tmp_path / "a.jsonl"
    with audited(path, "link", inputs={"a.tokens": "cd" * 32}) as outputs:
        outputs["links.parquet"] = "ef" * 32
    with pytest.raises(LinkageError), audited(path, "link"):
        raise LinkageError("different keys")
    entries = [json.loads(line) for line in _lines(path)]
    assert [e["outcome"] for e in entries] == ["ok", "failed: LinkageError"]
    assert entries[0]["outputs"] == {"links.parquet": "ef" * 32}
    assert "different keys" not in path.read_text()  # messages are not logged
    assert verify_audit_log(path).ok
