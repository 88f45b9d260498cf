"""Opt-outs through the whole flow: dropped before linkage, counted per source in the manifest."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from safelink.errors import GovernanceError
from safelink.link import link_files
from safelink.pseudonymise import output_paths, pseudonymise_file

from .conftest import Pipeline, for_recipient


def test_release_with_opt_outs_counts_them_per_source_never_lists(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    hospital = pl.read_csv(pipeline.extracts["hospital"], infer_schema=False)
    numbers = hospital["nhs_number"].drop_nulls().to_list()[:25]
    listed = tmp_path / "optouts.txt"
    listed.write_text("\n".join(numbers) + "\n")
    job = for_recipient(pipeline.job(), "uni_research", opt_outs=listed)
    out = tmp_path / "pseudonymised"
    summaries = {
        s: pseudonymise_file(pipeline.extracts[s], job, pipeline.keys, out, source=s)
        for s in job.sources
    }
    paths = {s: output_paths(out, s) for s in job.sources}
    link_files([paths[s]["tokens"] for s in job.sources], job, tmp_path / "linked")
    result = pipeline.release(
        tmp_path / "release",
        job=job,
        links=tmp_path / "linked" / "links.parquet",
        content={s: paths[s]["content"] for s in job.sources},
        audit_log=tmp_path / "audit.jsonl",
    )
    record = result.manifest["opt_outs"]
    dropped = record["records_dropped_by_source"]
    assert dropped["hospital"] >= 1  # numbers that did not normalise would have been refused
    assert dropped == {s: summaries[s].opt_outs["records_dropped"] for s in job.sources}  # type: ignore[index]
    assert result.rows_in == sum(s.rows for s in summaries.values()) - sum(dropped.values())
    assert record["entries"] == len(set(numbers))
    text = (result.out_dir / "manifest.json").read_text()
    assert all(n not in text for n in numbers)
    # The list changed after pseudonymising: the release is refused, nothing written.
    listed.write_text("\n".join(numbers[:5]) + "\n")
    with pytest.raises(GovernanceError, match="not pseudonymised with the job's current opt-out"):
        pipeline.release(
            tmp_path / "again",
            job=job,
            links=tmp_path / "linked" / "links.parquet",
            content={s: paths[s]["content"] for s in job.sources},
        )
    assert not (tmp_path / "again").exists()
