"""Tampering with any file of a release bundle, or with its signature, is caught by verify."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from safelink.keys import SigningKey
from safelink.release import verify

from .conftest import PASSPHRASE, Pipeline


def _flip_byte(path: Path, *, at: float = 0.5) -> None:
    data = bytearray(path.read_bytes())
    index = int(len(data) * at)
    data[index] ^= 0x01
    path.write_bytes(bytes(data))


def _failed(directory: Path, public_key: bytes) -> set[str]:
    report = verify(directory, public_key)
    assert not report.ok
    return {c.name for c in report.checks if not c.passed}


def test_verify_untouched_copy_passes(bundle_copy, pipeline: Pipeline) -> None:
    assert verify(bundle_copy(), pipeline.public_key).ok


@pytest.mark.parametrize("name", ["data.parquet", "data.csv", "report.html"])
def test_verify_changed_byte_in_data_file_fails_its_hash(bundle_copy, pipeline, name) -> None:
    directory = bundle_copy()
    _flip_byte(directory / name)
    assert f"sha256 {name}" in _failed(directory, pipeline.public_key)


def test_verify_changed_byte_in_manifest_fails_signature(bundle_copy, pipeline) -> None:
    directory = bundle_copy()
    manifest = directory / "manifest.json"
    text = manifest.read_text()
    # Change one digit of the released row count: still valid JSON, a plausible forgery.
    rows = json.loads(text)["rows"]["out"]
    manifest.write_text(text.replace(f'"out": {rows}', f'"out": {rows - 1}', 1))
    assert "signature" in _failed(directory, pipeline.public_key)


def test_verify_any_flipped_manifest_byte_fails(bundle_copy, pipeline) -> None:
    for at in (0.1, 0.5, 0.9):
        directory = bundle_copy()
        _flip_byte(directory / "manifest.json", at=at)
        failed = _failed(directory, pipeline.public_key)
        assert "signature" in failed or "manifest" in failed


def test_verify_changed_signature_fails(bundle_copy, pipeline) -> None:
    directory = bundle_copy()
    path = directory / "manifest.sig"
    document = json.loads(path.read_text())
    raw = bytearray(base64.b64decode(document["signature"]))
    raw[10] ^= 0x01
    document["signature"] = base64.b64encode(bytes(raw)).decode()
    path.write_text(json.dumps(document))
    assert _failed(directory, pipeline.public_key) == {"signature"}


def test_verify_flipped_byte_in_signature_file_fails(bundle_copy, pipeline) -> None:
    directory = bundle_copy()
    _flip_byte(directory / "manifest.sig", at=0.6)
    assert "signature" in _failed(directory, pipeline.public_key)


def test_verify_resigned_with_other_key_fails(bundle_copy, pipeline, tmp_path) -> None:
    directory = bundle_copy()
    forger = SigningKey.create(
        tmp_path / "forger.signing.key", project="x", passphrase=PASSPHRASE, scrypt_n=2**14
    )
    from safelink.release.manifest import sign_manifest

    (directory / "manifest.sig").write_bytes(
        sign_manifest((directory / "manifest.json").read_bytes(), forger)
    )
    assert _failed(directory, pipeline.public_key) == {"signature"}
    # The forger's key verifies its own signature, but the signed manifest names the project's
    # signing key, so the bundle still fails: only the right key vouches.
    assert _failed(directory, forger.public_key_pem()) == {"signing key"}


def test_verify_extra_file_fails(bundle_copy, pipeline) -> None:
    directory = bundle_copy()
    (directory / "notes.txt").write_text("added later")
    assert _failed(directory, pipeline.public_key) == {"file set"}


@pytest.mark.parametrize("name", ["data.csv", "report.html", "manifest.sig"])
def test_verify_missing_file_fails(bundle_copy, pipeline, name) -> None:
    directory = bundle_copy()
    (directory / name).unlink()
    assert "file set" in _failed(directory, pipeline.public_key)


def test_verify_replaced_data_with_valid_parquet_fails(bundle_copy, pipeline) -> None:
    import polars as pl

    directory = bundle_copy()
    data = pl.read_parquet(directory / "data.parquet")
    data.head(10).write_parquet(directory / "data.parquet")
    failed = _failed(directory, pipeline.public_key)
    assert {"sha256 data.parquet", "row count", "disclosure re-check"} <= failed


def test_verify_missing_manifest_fails(bundle_copy, pipeline) -> None:
    directory = bundle_copy()
    (directory / "manifest.json").unlink()
    assert "manifest" in _failed(directory, pipeline.public_key)


@pytest.mark.parametrize("section", ["outputs", "key_ids", "disclosure"])
def test_verify_manifest_sections_replaced_by_text_fail_not_crash(
    bundle_copy, pipeline, section
) -> None:
    directory = bundle_copy()
    manifest = json.loads((directory / "manifest.json").read_text())
    if section == "outputs":
        manifest["outputs"] = {name: "altered" for name in manifest["outputs"]}
    else:
        manifest[section] = "altered"
    (directory / "manifest.json").write_text(json.dumps(manifest))
    assert "signature" in _failed(directory, pipeline.public_key)


def _resign_with_csv(directory: Path, pipeline: Pipeline, csv_text: str) -> None:
    """Replace data.csv and re-sign its new hash with the TTP's own key (a faulty bundle)."""
    from safelink.infra.io import sha256_file
    from safelink.release.manifest import sign_manifest

    (directory / "data.csv").write_text(csv_text)
    manifest = json.loads((directory / "manifest.json").read_text())
    manifest["outputs"]["data.csv"]["sha256"] = sha256_file(directory / "data.csv")
    raw = json.dumps(manifest, indent=2, sort_keys=True).encode()
    (directory / "manifest.json").write_bytes(raw)
    (directory / "manifest.sig").write_bytes(sign_manifest(raw, pipeline.signer))


def test_verify_csv_value_differing_from_parquet_fails_naming_column(bundle_copy, pipeline):
    directory = bundle_copy()
    lines = (directory / "data.csv").read_text().splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    cells = lines[3].rstrip("\n").split(",")
    column = header.index("sex")
    cells[column] = "X" if cells[column] != "X" else "Y"
    lines[3] = ",".join(cells) + "\n"
    _resign_with_csv(directory, pipeline, "".join(lines))
    report = verify(directory, pipeline.public_key)
    assert [c.name for c in report.failures] == ["csv matches parquet"]
    assert report.failures[0].detail.startswith("values differ in column(s) ['sex']")
    assert "data row 3" in report.failures[0].detail


def test_verify_csv_columns_reordered_fails(bundle_copy, pipeline):
    import polars as pl

    directory = bundle_copy()
    data = pl.read_csv(directory / "data.csv", infer_schema=False)
    _resign_with_csv(directory, pipeline, data.select(reversed(data.columns)).write_csv())
    report = verify(directory, pipeline.public_key)
    assert [c.name for c in report.failures] == ["csv matches parquet"]
    assert "in another order" in report.failures[0].detail
