"""The audit log's hash chain: appends verify; edits, deletions and reorderings are caught."""

from __future__ import annotations

import hashlib
import itertools
import json
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safelink.errors import InputError, OutputError, VerificationError
from safelink.infra.audit import lock_path, reserve_audit
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
    path = tmp_path / "a.jsonl"
    _log(path, 2)
    path.write_text(path.read_text() + "not json\n")
    with pytest.raises(OutputError, match="damaged"):
        _log(path, 1)


def test_audit_missing_log_raises_input_error(tmp_path: Path) -> None:
    # A wrong path is the user's mistake (exit 2), not a log failing verification (exit 4).
    with pytest.raises(InputError, match="not found"):
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


def _rechain(lines: list[str], start: int) -> list[str]:
    """Re-hash every line from ``start`` on so the chain is valid again (what a forger does)."""
    out = lines[:start]
    prev = json.loads(out[-1])["hash"] if out else "0" * 64
    for line in lines[start:]:
        record = json.loads(line)
        record["prev"] = prev
        del record["hash"]
        body = json.dumps(record, sort_keys=True, separators=(",", ":")).encode()
        record["hash"] = prev = hashlib.sha256(body).hexdigest()
        out.append(json.dumps(record, sort_keys=True, separators=(",", ":")) + "\n")
    return out


def test_audit_rewritten_chain_not_reported_as_removed_from_end(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    heads = _log(path)
    lines = _lines(path)
    lines[2] = lines[2].replace('"outcome":"ok"', '"outcome":"no"')
    path.write_text("".join(_rechain(lines, 2)))
    result = verify_audit_log(path, expected_head=heads[-1])
    assert result.chain_intact and not result.ok and result.entries == 6
    assert result.expected_head_found is False
    (problem,) = result.problems
    assert "rewritten" in problem and "removed from the end" not in problem


def test_audit_expected_head_malformed_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    heads = _log(path, 2)
    for bad in (heads[-1][:-1], heads[-1] + "0", "z" * 64, ""):
        with pytest.raises(InputError, match="64 hex digits"):
            verify_audit_log(path, expected_head=bad)
    assert verify_audit_log(path, expected_head=heads[-1].upper()).ok


def test_audit_non_ascii_hash_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    heads = _log(path, 3)
    lines = _lines(path)
    lines[1] = lines[1].replace(heads[1], "\u00e9" * 64)
    path.write_text("".join(lines))
    result = verify_audit_log(path, expected_head=heads[-1])
    assert not result.ok and any("line 2" in p for p in result.problems)


def test_reserve_audit_block_raises_nothing_appended(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    _log(path, 2)
    before = path.read_bytes()
    with pytest.raises(RuntimeError), reserve_audit(path, AuditEntry(command="x", outcome="ok")):
        raise RuntimeError("signing failed")
    assert path.read_bytes() == before


def test_reserve_audit_pending_entry_is_the_appended_entry(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    heads = _log(path, 2)
    with reserve_audit(path, AuditEntry(command="release", outcome="ok")) as pending:
        assert audit_head(path) == heads[-1]  # not yet written
    last = json.loads(_lines(path)[-1])
    assert (pending.seq, pending.prev, pending.hash) == (3, heads[-1], last["hash"])
    assert last["prev"] == heads[-1] and verify_audit_log(path, expected_head=pending.hash).ok
    assert lock_path(path).is_file()  # the lock lives beside the log, not in it


def _append_in_thread_while_reserved(path: Path) -> list[str]:
    """Append from another thread while a reservation is held; return the order of events."""
    events: list[str] = []
    started = threading.Event()

    def other() -> None:
        started.set()
        append_audit(path, AuditEntry(command="link", outcome="ok"))
        events.append("other appended")

    with reserve_audit(path, AuditEntry(command="release", outcome="ok")) as pending:
        thread = threading.Thread(target=other)
        thread.start()
        started.wait()
        time.sleep(0.3)  # the other append must wait for this reservation
        events.append(f"reserved {pending.seq}")
    thread.join()
    return events


def test_reserve_audit_other_appends_wait_for_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    _log(path, 1)
    assert _append_in_thread_while_reserved(path) == ["reserved 2", "other appended"]
    entries = [json.loads(line) for line in _lines(path)]
    assert [e["command"] for e in entries] == ["release", "release", "link"]
    assert verify_audit_log(path).ok


# -- audit verify on the command line --------------------------------------------------------


def test_cli_audit_verify_missing_log_exits_2(run_cli, tmp_path: Path) -> None:
    result = run_cli("audit", "verify", str(tmp_path / "none.jsonl"))
    assert result.code == 2 and "not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_audit_verify_malformed_expected_head_exits_2(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    _log(path, 2)
    result = run_cli("audit", "verify", str(path), "--expected-head", "abc123")
    assert result.code == 2 and "64 hex digits" in result.stderr
    assert "removed from the end" not in result.stdout + result.stderr


def test_cli_audit_verify_rewritten_chain_says_rewritten_exits_4(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    heads = _log(path)
    lines = _lines(path)
    lines[1] = lines[1].replace('"recipient":"r1"', '"recipient":"rX"')
    path.write_text("".join(_rechain(lines, 1)))
    result = run_cli("audit", "verify", str(path), "--expected-head", heads[-1])
    assert result.code == 4
    output = " ".join((result.stdout + result.stderr).split())
    assert "chain intact" in output and "NOT FOUND" in output and "rewritten" in output
    assert "removed from the end" not in output and "chain is broken" not in output


def test_cli_audit_verify_cut_log_exits_4(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    heads = _log(path)
    path.write_text("".join(_lines(path)[:-1]))
    result = run_cli("audit", "verify", str(path), "--expected-head", heads[-1], "--json")
    assert result.code == 4
    document = json.loads(result.stdout)
    assert document["chain_intact"] is True and document["expected_head_found"] is False
    assert "cut short" in document["problems"][0]
