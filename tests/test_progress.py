"""Progress on standard error: periodic lines off a terminal, counts only."""

from __future__ import annotations

import io

import polars as pl

from safelink.detect import build_engine
from safelink.detect.freetext import scan_text
from safelink.infra.progress import Progress


def test_lines_off_a_terminal_say_how_far() -> None:
    stream = io.StringIO()
    with Progress(1_000, "scan note", stream=stream, interval=0.0) as progress:
        progress.advance(250)
        progress.advance(750)
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("safelink: scan note: 250 of 1,000 (25%)")
    assert lines[-1].startswith("safelink: scan note: 1,000 of 1,000 (100%)")


def test_quiet_when_quick() -> None:
    stream = io.StringIO()
    with Progress(10, "scan note", stream=stream) as progress:
        progress.advance(10)
    assert stream.getvalue() == ""


def test_free_text_scan_reports_progress_without_values(capsys) -> None:  # type: ignore[no-untyped-def]
    import safelink.infra.progress as module

    module.LINE_INTERVAL, saved = 0.0, module.LINE_INTERVAL
    try:
        notes = pl.Series("note", [f"Call Oswin Quayle on 07700 900{i:03d}" for i in range(50)])
        scan_text(notes, build_engine(), progress=True)
    finally:
        module.LINE_INTERVAL = saved
    err = capsys.readouterr().err
    assert "scan note: distinct texts: 50 of 50" in err
    assert "Oswin" not in err and "07700" not in err


def test_unknown_total_lines_give_the_count_and_the_step_under_way() -> None:
    stream = io.StringIO()
    with Progress(None, "run: scan", stream=stream, interval=0.0) as progress:
        progress.advance(1_500)
        progress.describe("run: link")
        progress.advance(500)
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("safelink: run: scan: 1,500, ")
    assert lines[-1].startswith("safelink: run: link: 2,000, ")


def test_pseudonymise_file_reports_rows_without_values(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import safelink.infra.progress as module
    from safelink.config import parse_config
    from safelink.keys import Keyring
    from safelink.pseudonymise import pseudonymise_file

    extract = tmp_path / "clinic.csv"
    pl.DataFrame({"surname": ["Quayle", "Oswin", "Nguyen"] * 4}).write_csv(extract)
    surname = {"role": "identifier", "kind": "surname"}
    config = parse_config(
        {"project": "p", "sources": {"clinic": {"columns": {"surname": surname}}}}
    )
    keys = Keyring.create(
        tmp_path / "p.key", project="p", passphrase="synthetic pass", scrypt_n=2**14
    )
    module.LINE_INTERVAL, saved = 0.0, module.LINE_INTERVAL
    try:
        pseudonymise_file(extract, config, keys, tmp_path / "out", batch_rows=5, progress=True)
    finally:
        module.LINE_INTERVAL = saved
    err = capsys.readouterr().err
    assert "safelink: pseudonymise clinic: rows: 12, " in err
    assert "Quayle" not in err and "QUAYLE" not in err


def test_stage_is_shown_by_the_open_progress_and_ignored_without_one() -> None:
    from safelink.infra.progress import stage

    stage("nobody watching")  # no display open: nothing to do, nothing raised
    stream = io.StringIO()
    with Progress(None, "link", stream=stream, interval=0.0):
        stage("link: probabilistic model")
    stage("after the display closed")
    assert (
        stream.getvalue()
        .splitlines()[0]
        .startswith("safelink: link: probabilistic model: under way, ")
    )
    assert "after the display closed" not in stream.getvalue()
