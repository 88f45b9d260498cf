"""Fixtures for the returns-to-owners tests: synthetic extracts taken to linked files once."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest

from safelink.config import JobConfig, load_config
from safelink.keys import Keyring, SigningKey
from safelink.link import link_files
from safelink.pseudonymise import output_paths, pseudonymise_file
from safelink.release import DEMO_RELEASE, ReleaseResult, release
from safelink.synthetic.extracts import generate

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "a synthetic passphrase for owner tests"  # tests only
PEOPLE = 1_200


@dataclass(frozen=True)
class Linked:
    """Raw extracts, their pseudonymised files and links, under one project key."""

    root: Path
    config: JobConfig
    keys: Keyring
    extracts: dict[str, pl.DataFrame]
    tokens: dict[str, Path]
    content: dict[str, Path]
    links: Path
    index: Path

    @property
    def audit_log(self) -> Path:
        """The audit log the tests record in."""
        return self.root / "audit" / "owners.audit.jsonl"

    def links_frame(self) -> pl.DataFrame:
        """The links file as a frame."""
        return pl.read_parquet(self.links)

    def content_frame(self, source: str) -> pl.DataFrame:
        """A source's content file as a frame."""
        return pl.read_parquet(self.content[source])

    def release(
        self,
        out: Path,
        recipient: str,
        *,
        scheme: str = "stable",
        section: dict[str, object] | None = None,
        **kw: object,
    ) -> ReleaseResult:
        """Release the linked data (the demo's release section, with ``section``) to ``out``."""
        written = {k: v for k, v in DEMO_RELEASE.items() if k not in ("links", "content")}
        written.pop("audit_log")
        section = {**written, "person_pseudonyms": scheme, **(section or {})}
        job = dataclasses.replace(
            self.config, sections={**self.config.sections, "release": section}
        )
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        signer_path = self.root / "keys" / "test.signing.key"
        signer = (
            SigningKey.open(signer_path, passphrase=PASSPHRASE)
            if signer_path.exists()
            else SigningKey.create(
                signer_path, project="demo", passphrase=PASSPHRASE, scrypt_n=2**14
            )
        )
        arguments: dict[str, object] = {
            "links": self.links, "content": self.content, "audit_log": self.audit_log,
            "base_dir": self.root,
        }  # fmt: skip
        return release(
            job, out, keys=self.keys, signing_key=signer, recipient=recipient,
            **{**arguments, **kw},  # type: ignore[arg-type]
        )  # fmt: skip


def build(root: Path, extracts: dict[str, pl.DataFrame], config: JobConfig | None = None) -> Linked:
    """Pseudonymise and link ``extracts`` (hospital and social care) under a new key."""
    config = config or load_config(ROOT / "configs" / "demo.yaml")
    (root / "keys").mkdir(mode=0o700, parents=True)
    keys = Keyring.create(
        root / "keys" / "test.key", project="demo", passphrase=PASSPHRASE, scrypt_n=2**14
    )
    (root / "extracts").mkdir()
    out = root / "pseudonymised"
    for source, frame in extracts.items():
        path = root / "extracts" / f"{source}.csv"
        frame.write_csv(path)
        pseudonymise_file(path, config, keys, out, source=source)
    paths = {s: output_paths(out, s) for s in extracts}
    index = root / "linked" / "persons.parquet"
    link_files([paths[s]["tokens"] for s in extracts], config, root / "linked", index=index)
    return Linked(
        root=root,
        config=config,
        keys=keys,
        extracts=extracts,
        tokens={s: p["tokens"] for s, p in paths.items()},
        content={s: p["content"] for s, p in paths.items()},
        links=root / "linked" / "links.parquet",
        index=index,
    )


@pytest.fixture(scope="session")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Linked:
    """The standard synthetic extracts (with their usual errors), linked (a few seconds)."""
    data = generate(PEOPLE, seed=31)
    return build(tmp_path_factory.mktemp("owners"), data.frames())
