"""Fixtures for the release tests: two raw synthetic extracts taken to linked files once."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer

from safelink.cli import release as release_cli
from safelink.config import JobConfig, load_config
from safelink.errors import SafelinkError
from safelink.keys import Keyring, SigningKey
from safelink.link import link_files
from safelink.pseudonymise import output_paths, pseudonymise_file
from safelink.release import DEMO_RELEASE, ReleaseResult, release
from safelink.synthetic.extracts import generate

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"  # synthetic, tests only
PEOPLE = 2_000

# The start of a child process that releases the pipeline's linked data (crash, fault and
# concurrency tests): T_ROOT is the pipeline's root, T_CONFIG the job config, T_PASS the
# passphrase. It leaves ``root``, ``job``, ``keys``, ``signer`` and ``release`` defined.
CHILD_PREAMBLE = r"""
import dataclasses, os, sys
from pathlib import Path
from safelink.config import load_config
from safelink.keys import Keyring, SigningKey
from safelink.release import DEMO_RELEASE, release

root = Path(os.environ["T_ROOT"])
config = load_config(os.environ["T_CONFIG"])
section = {k: v for k, v in DEMO_RELEASE.items() if k not in ("links", "content", "audit_log")}
job = dataclasses.replace(config, sections={**config.sections, "release": section})
_release = release


def release(job, out_dir, *, recipient, **kw):
    # The agreement names the recipient each child releases to.
    governance = dataclasses.replace(job.governance, recipient=recipient)
    job = dataclasses.replace(job, governance=governance)
    return _release(job, out_dir, recipient=recipient, **kw)


keys = Keyring.open(root / "keys" / "test.key", passphrase=os.environ["T_PASS"])
signer = SigningKey.open(root / "keys" / "test.signing.key", passphrase=os.environ["T_PASS"])
"""


def for_recipient(job: JobConfig, recipient: str, **changes: Any) -> JobConfig:
    """The job with its agreement naming ``recipient`` (and other governance changes)."""
    assert job.governance is not None
    governance = dataclasses.replace(job.governance, recipient=recipient, **changes)
    return dataclasses.replace(job, governance=governance)


@dataclass(frozen=True)
class Pipeline:
    """Everything up to the linked files, for one synthetic population."""

    root: Path
    config: JobConfig
    keys: Keyring
    signer: SigningKey
    public_key: bytes
    extracts: dict[str, Path]
    links: Path
    content: dict[str, Path]

    def job(self, **changes: Any) -> JobConfig:
        """The job config with a release section (DEMO_RELEASE, with changes)."""
        section = {**DEMO_RELEASE, **changes}
        for key in ("links", "content", "audit_log"):
            section.pop(key, None)
        return dataclasses.replace(
            self.config, sections={**self.config.sections, "release": section}
        )

    def release(
        self, out_dir: Path, *, recipient: str | None = "uni_research", **kw: Any
    ) -> ReleaseResult:
        """Release to ``out_dir`` with the audit log in the pipeline's root."""
        job = kw.pop("job", None) or self.job()
        if job.governance is not None and recipient is not None:
            job = for_recipient(job, recipient)
        Path(out_dir).parent.mkdir(parents=True, exist_ok=True)
        return release(
            job,
            out_dir,
            keys=self.keys,
            signing_key=self.signer,
            recipient=recipient,
            links=kw.pop("links", self.links),
            content=kw.pop("content", self.content),
            audit_log=kw.pop("audit_log", self.root / "audit" / "test.audit.jsonl"),
            base_dir=self.root,
            **kw,
        )


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """The release command group through a local typer app: run(*args) -> (code, out, err)."""
    app = typer.Typer()
    release_cli.register(app)

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("SAFELINK_PASSPHRASE", PASSPHRASE)
        capsys.readouterr()
        try:
            app(list(args), standalone_mode=False)
            code = 0
        except SafelinkError as exc:
            print(f"safelink: error: {exc}", file=__import__("sys").stderr)
            code = exc.exit_code
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture(scope="session")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    """Raw extracts -> keys -> pseudonymised -> linked (about 6 s, once per session)."""
    root = tmp_path_factory.mktemp("release-pipeline")
    config = load_config(ROOT / "configs" / "demo.yaml")
    extracts = generate(PEOPLE, seed=23).write_csv(root / "extracts")
    (root / "keys").mkdir(mode=0o700)
    keys = Keyring.create(
        root / "keys" / "test.key", project="demo", passphrase=PASSPHRASE, scrypt_n=2**14
    )
    signer = SigningKey.create(
        root / "keys" / "test.signing.key", project="demo", passphrase=PASSPHRASE, scrypt_n=2**14
    )
    out = root / "pseudonymised"
    for source in config.sources:
        pseudonymise_file(extracts[source], config, keys, out, source=source)
    paths = {s: output_paths(out, s) for s in config.sources}
    link_files([paths[s]["tokens"] for s in config.sources], config, root / "linked")
    return Pipeline(
        root=root,
        config=config,
        keys=keys,
        signer=signer,
        public_key=(root / "keys" / "test.signing.pub").read_bytes(),
        extracts=extracts,
        links=root / "linked" / "links.parquet",
        content={s: paths[s]["content"] for s in config.sources},
    )


@pytest.fixture(scope="session")
def released(pipeline: Pipeline) -> ReleaseResult:
    """One verified-quality release for recipient ``uni_research``."""
    return pipeline.release(pipeline.root / "releases" / "uni_research")


@pytest.fixture
def bundle_copy(released: ReleaseResult, tmp_path: Path) -> Callable[[], Path]:
    """Return a fresh copy of the session's release bundle to tamper with."""

    def copy() -> Path:
        target = tmp_path / f"copy{len(list(tmp_path.iterdir()))}"
        shutil.copytree(released.out_dir, target)
        return target

    return copy
