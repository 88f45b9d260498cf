"""Fixtures for the linkage tests: small synthetic extracts pseudonymised once per session."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import polars as pl
import pytest

from safelink.config import JobConfig, load_config
from safelink.keys import Keyring
from safelink.pseudonymise import pseudonymise_file
from safelink.synthetic.extracts import generate, record_truth

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 3_000


@pytest.fixture(scope="session")
def demo_config() -> JobConfig:
    return load_config(ROOT / "configs" / "demo.yaml")


def _keyring(path: Path, project: str) -> Keyring:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    return Keyring.create(
        path, project=project, passphrase="correct horse battery staple", scrypt_n=2**14
    )


@pytest.fixture(scope="session")
def linked_inputs(
    tmp_path_factory: pytest.TempPathFactory, demo_config: JobConfig
) -> dict[str, Path]:
    """Tokens, content and truth files for PEOPLE synthetic people under one key."""
    base = tmp_path_factory.mktemp("link")
    data = generate(PEOPLE, seed=11)
    csvs = data.write_csv(base / "csv")
    keys = _keyring(base / "keys" / "demo.key", "demo")
    out = base / "tokens"
    for source in ("hospital", "social_care"):
        pseudonymise_file(csvs[source], demo_config, keys, out, source=source)
    content = {
        s: pl.read_parquet(out / f"{s}.content.parquet") for s in ("hospital", "social_care")
    }
    truth = record_truth(data.truth, content)
    truth.write_parquet(base / "truth.parquet")
    return {
        "hospital": out / "hospital.tokens.parquet",
        "social_care": out / "social_care.tokens.parquet",
        "hospital_content": out / "hospital.content.parquet",
        "social_care_content": out / "social_care.content.parquet",
        "truth": base / "truth.parquet",
        "csv_hospital": csvs["hospital"],
        "csv_social_care": csvs["social_care"],
        "base": base,
    }


@pytest.fixture(scope="session")
def other_key_tokens(
    tmp_path_factory: pytest.TempPathFactory, demo_config: JobConfig, linked_inputs: dict[str, Path]
) -> Path:
    """The social-care extract pseudonymised under a different project key."""
    base = tmp_path_factory.mktemp("otherkey")
    keys = _keyring(base / "keys" / "other.key", "other")
    other_project = dataclasses.replace(demo_config, project="other")
    pseudonymise_file(
        linked_inputs["csv_social_care"], other_project, keys, base, source="social_care"
    )
    return base / "social_care.tokens.parquet"
