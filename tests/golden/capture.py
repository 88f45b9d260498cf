"""Golden outputs: the whole pipeline under a fixed test key, reduced to stable fingerprints.

The redesign onto one engine-neutral core must not change a single output byte. This module
runs the pipeline on a seeded synthetic population with the committed test keys in
``tests/golden/keys`` (synthetic, tests only: never use them for real data) and fingerprints
every output an analyst, a linkage unit or an IG lead receives:

* tokens and content of both demo sources, the links and person ids (Parquet, with the
  embedded metadata);
* the run summaries, the linkage report, the release manifest (JSON, without times, the user
  and the audit-log hashes, which carry times);
* the released data (Parquet and CSV) and the disclosure reports of the ``tre`` and
  ``publication`` configs.

Record ids are random by design today (a later issue makes them keyed), so the capture replaces
the random draw with a counter; everything after that is deterministic. Run
``python -m tests.golden.capture`` to rewrite ``golden.json`` after an intended change, and say
why in the commit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from safelink.pseudonymise.tokens_format import as_hex

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden.json"
PASSPHRASE = "correct horse battery staple"  # synthetic, tests only
PEOPLE = 1_000
SEED = 11

# Fields that hold the time, the user or the machine, or hashes over them: not outputs.
_VOLATILE_KEYS = frozenset({"timings", "created", "created_by", "audit"})
# Files whose bytes hold times: a manifest's or summary's SHA-256 of them changes every run.
_VOLATILE_FILES = frozenset({"report.html", "linkage_report"})


def _stable(document: Any) -> Any:
    """The document without volatile fields (times, user, audit hashes, local paths)."""
    if isinstance(document, dict):
        return {
            key: _stable(_without_hash(value) if key in _VOLATILE_FILES else value)
            for key, value in document.items()
            if key not in _VOLATILE_KEYS and not key.endswith("_seconds")
        }
    if isinstance(document, list):
        return [_stable(value) for value in document]
    if isinstance(document, str) and document.startswith("/"):
        return Path(document).name  # absolute paths differ per run directory
    return document


def _without_hash(entry: Any) -> Any:
    """A file entry (name, rows, bytes, sha256) without the hash and size of its bytes."""
    if isinstance(entry, dict):
        return {k: v for k, v in entry.items() if k not in ("sha256", "bytes")}
    return entry


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint_json(path: Path) -> str:
    """SHA-256 of a JSON output, canonical and without volatile fields."""
    document = _stable(json.loads(path.read_text(encoding="utf-8")))
    return _digest(json.dumps(document, sort_keys=True, separators=(",", ":")).encode())


def fingerprint_parquet(path: Path) -> str:
    """SHA-256 of a Parquet output's rows (as CSV), column types and embedded metadata."""
    table = pq.read_table(path)
    metadata = {
        key.decode(): value.decode()
        for key, value in (table.schema.metadata or {}).items()
        if key.startswith(b"safelink.")
    }
    frame = pl.from_arrow(table.replace_schema_metadata(None))
    assert isinstance(frame, pl.DataFrame)
    schema = [f"{name}:{dtype}" for name, dtype in frame.schema.items()]
    header = json.dumps({"schema": schema, "metadata": metadata}, sort_keys=True).encode()
    # Raw-byte tokens (tokens format 2) as their hex: the rows read as format 1 wrote them.
    return _digest(header + b"\n" + as_hex(frame).write_csv().encode())


@contextmanager
def counter_record_ids() -> Iterator[None]:
    """Replace the random record-id draw with a deterministic counter while inside."""
    import importlib

    # The module, not the function of the same name that the package re-exports.
    pseudonymise = importlib.import_module("safelink.pseudonymise.api")
    original: Callable[[int], pa.Array] = pseudonymise._random_record_ids
    issued = 0

    def numbered(count: int) -> pa.Array:
        nonlocal issued
        ids = [f"{n:032x}" for n in range(issued, issued + count)]
        issued += count
        return pa.array(ids, type=pa.string())

    pseudonymise._random_record_ids = numbered  # type: ignore[assignment]
    try:
        yield
    finally:
        pseudonymise._random_record_ids = original  # type: ignore[assignment]


def _keys(work: Path) -> tuple[Any, Any]:
    from safelink.keys import Keyring, SigningKey

    keys_dir = work / "keys"
    keys_dir.mkdir(mode=0o700, parents=True)
    for name in ("golden.key", "golden.signing.key", "golden.signing.pub"):
        shutil.copyfile(HERE / "keys" / name, keys_dir / name)
        (keys_dir / name).chmod(0o600)
    ring = Keyring.open(keys_dir / "golden.key", passphrase=PASSPHRASE)
    signer = SigningKey.open(keys_dir / "golden.signing.key", passphrase=PASSPHRASE)
    return ring, signer


def _disclosure_data() -> pl.DataFrame:
    """A seeded record-level table with the columns the disclosure configs name."""
    import numpy as np

    rng = np.random.default_rng(SEED)
    rows = 3_000
    codes = list("ABTUCDEFGHJKRLMNPWS")
    dob = [
        f"{y}-{m:02d}-{d:02d}"
        for y, m, d in zip(
            rng.integers(1935, 2010, rows),
            rng.integers(1, 13, rows),
            rng.integers(1, 29, rows),
            strict=True,
        )
    ]
    return pl.DataFrame(
        {
            "person_id": [f"p{i % 2_400}" for i in range(rows)],
            "dob": dob,
            "sex": rng.choice(["F", "M"], rows),
            "postcode": rng.choice(["LS1 4AP", "LS2 7EE", "BD1 1AA", "LS6 2QT", "HX1 1PL"], rows),
            "ethnicity": rng.choice(codes, rows),
            "admission_date": rng.choice(["2024-01-05", "2024-05-09", "2024-11-30"], rows),
            "diagnosis": rng.choice(["J45", "E11", "I10", "F32", "C50"], rows),
        }
    )


def run_pipeline(work: Path) -> dict[str, Path]:
    """Run pseudonymise, link, release and the disclosure checks into ``work``.

    Returns:
        Every output to fingerprint, by a stable name.
    """
    from safelink.config import load_config
    from safelink.disclosure import check
    from safelink.disclosure.profiles import load_disclosure_config
    from safelink.link import link_files
    from safelink.pseudonymise import output_paths, pseudonymise_file
    from safelink.release import DEMO_RELEASE, release
    from safelink.synthetic.extracts import generate

    ring, signer = _keys(work)
    config = load_config(ROOT / "configs" / "demo.yaml")
    extracts = generate(PEOPLE, seed=SEED).write_csv(work / "extracts")
    outputs: dict[str, Path] = {}
    with counter_record_ids():
        for source in config.sources:
            pseudonymise_file(extracts[source], config, ring, work / "pseudonymised", source=source)
    paths = {s: output_paths(work / "pseudonymised", s) for s in config.sources}
    for source, made in paths.items():
        for kind in ("tokens", "content", "summary"):
            outputs[f"{source}.{kind}"] = made[kind]
    link_files(
        [paths[s]["tokens"] for s in config.sources],
        config,
        work / "linked",
        content={s: paths[s]["content"] for s in config.sources},
    )
    outputs["links"] = work / "linked" / "links.parquet"
    outputs["linkage_report"] = work / "linked" / "linkage_report.json"
    section = {k: v for k, v in DEMO_RELEASE.items() if k not in ("links", "content", "audit_log")}
    job = _with_sections(config, release=section)
    # The agreement names the golden recipient, checked on a fixed date (not today's).
    governance = dataclasses.replace(
        job.governance, recipient="golden_research", reference_date=dt.date(2026, 6, 30)
    )
    job = dataclasses.replace(job, governance=governance)
    bundle = work / "release"
    release(
        job,
        bundle,
        keys=ring,
        signing_key=signer,
        recipient="golden_research",
        links=outputs["links"],
        content={s: paths[s]["content"] for s in config.sources},
        base_dir=work,
    )
    for name in ("manifest.json", "data.parquet", "data.csv"):
        outputs[f"release.{name}"] = bundle / name
    data = _disclosure_data()
    for profile in ("tre", "publication"):
        loaded = load_disclosure_config(ROOT / "configs" / f"disclosure-{profile}.yaml")
        report = check(data, loaded)
        path = work / f"disclosure-{profile}.json"
        path.write_text(json.dumps(report.to_dict(), sort_keys=True, default=str))
        outputs[f"disclosure.{profile}"] = path
    return outputs


def _with_sections(config: Any, **sections: Any) -> Any:
    """The job config with some sections replaced (a dataclass today, a model tomorrow)."""
    import dataclasses

    merged = {**config.sections, **sections}
    if hasattr(config, "model_copy"):
        return config.model_copy(update={"sections": merged})
    return dataclasses.replace(config, sections=merged)


def fingerprints(work: Path) -> dict[str, str]:
    """Run the pipeline into ``work`` and fingerprint every output."""
    result: dict[str, str] = {}
    for name, path in sorted(run_pipeline(work).items()):
        if path.suffix == ".json":
            result[name] = fingerprint_json(path)
        elif path.suffix == ".parquet":
            result[name] = fingerprint_parquet(path)
        else:
            result[name] = _digest(path.read_bytes())
    return result


def main() -> None:
    """Rewrite golden.json from a fresh run (after an intended change only)."""
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        found = fingerprints(Path(work))
    GOLDEN.write_text(json.dumps(found, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(found)} fingerprints to {GOLDEN}", file=sys.stderr)


if __name__ == "__main__":
    main()
