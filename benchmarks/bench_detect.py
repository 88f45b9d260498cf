"""Detection speed: column classification at 1M x 30, and free-text throughput per tier.

Run: ``.venv/bin/python benchmarks/bench_detect.py [--rows 1000000] [--text-rows 20000]``.
Prints a JSON summary. Free-text throughput is compared with Presidio's own
``BatchAnalyzerEngine`` over the same engine (same recognisers) on the same rows.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl
from presidio_analyzer import BatchAnalyzerEngine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.detect.corpus import make_corpus

from safelink.detect import build_engine, scan, scan_text
from safelink.detect.freetext import FREE_TEXT_ENTITIES
from safelink.detect.model import pipeline_available


def big_extract(rows: int, columns: int = 30) -> pl.DataFrame:
    """Tile the labelled corpus's structured columns to ``rows`` rows and ``columns`` columns."""
    base, _ = make_corpus(seed=3, rows=5_000)
    structured = [
        c for c in base.columns if c not in ("case_notes", "referral_reason", "discharge_summary")
    ][:columns]
    base = base.select(structured)
    rng = np.random.default_rng(0)
    index = pl.Series(rng.integers(0, base.height, rows))
    return base[index]


def text_rows(n: int) -> list[str]:
    rng = np.random.default_rng(1)
    frame, _ = make_corpus(seed=5, rows=2_000)
    notes = frame["case_notes"].to_list() + frame["discharge_summary"].to_list()
    # Make most rows distinct, as real notes are: append a visit counter.
    return [f"{notes[i % len(notes)]} Visit {int(rng.integers(1, 10**6))}." for i in range(n)]


def baseline(engine, texts: list[str]) -> float:  # type: ignore[no-untyped-def]
    supported = set(engine.get_supported_entities("en"))
    entities = [e for e in FREE_TEXT_ENTITIES if e in supported]
    batch = BatchAnalyzerEngine(analyzer_engine=engine)
    start = time.perf_counter()
    list(batch.analyze_iterator(texts, language="en", entities=entities, batch_size=64))
    return time.perf_counter() - start


def ours(engine, texts: list[str]) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    scan_text(pl.Series("notes", texts), engine)
    return time.perf_counter() - start


def row_aware(engine, n: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Free text with and without each row's own identifiers searched for, same rows."""
    from tests.detect.heldout.notes import make_heldout_notes
    from tests.detect.notes_corpus import NOTE_IDENTIFIERS

    from safelink.detect.own import own_terms

    frame, _ = make_heldout_notes(rows=min(n, 5_000))
    frame = frame[pl.Series(np.arange(n) % frame.height)]
    columns = NOTE_IDENTIFIERS
    start = time.perf_counter()
    scan_text(frame["note"], engine, redacted=True)
    plain = time.perf_counter() - start
    start = time.perf_counter()
    scan_text(frame["note"], engine, redacted=True, own=own_terms(frame, columns))
    aware = time.perf_counter() - start
    return {
        "rows": n,
        "pattern_rows_per_s": round(n / plain),
        "pattern_row_aware_rows_per_s": round(n / aware),
        "row_aware_cost": round(aware / plain, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--text-rows", type=int, default=20_000)
    parser.add_argument("--model-text-rows", type=int, default=2_000)
    args = parser.parse_args()
    out: dict[str, object] = {}

    frame = big_extract(args.rows)
    start = time.perf_counter()
    report = scan(frame)
    out["classify_frame_seconds"] = round(time.perf_counter() - start, 2)
    out["classify_shape"] = [frame.height, frame.width]
    out["direct_columns_found"] = len(report.direct_columns)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "extract.parquet"
        frame.write_parquet(path)
        start = time.perf_counter()
        scan(path)
        out["classify_parquet_file_seconds"] = round(time.perf_counter() - start, 2)
    del frame

    for tier, n in (("pattern", args.text_rows), ("model", args.model_text_rows)):
        if tier == "model" and not pipeline_available():
            out["model"] = "skipped: pipeline not installed"
            continue
        engine = build_engine(tier=tier)  # type: ignore[arg-type]
        texts = text_rows(n)
        ours_s, base_s = ours(engine, texts), baseline(engine, texts)
        out[tier] = {
            "rows": n,
            "safelink_rows_per_s": round(n / ours_s),
            "presidio_batch_rows_per_s": round(n / base_s),
            "speedup": round(base_s / ours_s, 2),
        }
    out["row_aware"] = row_aware(build_engine(), args.text_rows)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
