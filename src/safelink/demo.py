"""``safelink demo``: the pipeline end to end on bundled synthetic data.

It draws a synthetic population with :mod:`safelink.synthetic.extracts`, writes a hospital and a
social-care extract with addresses, and a gazetteer of the population's homes
(``extracts/gazetteer.csv``: :mod:`safelink.synthetic.gazetteer`), creates a project key
wrapped under a one-time random passphrase (held in memory only, never shown), pseudonymises
both extracts, links the tokens files with the linkage-quality report (measured against the
synthetic truth), and releases the linked content to a research recipient: disclosure profile
applied, identifier gate passed, manifest signed with a demo signing key, HTML report beside
it. Each extract's address is resolved to UPRNs against the gazetteer as it is pseudonymised
(the ``uprn`` and ``household`` tokens; resolved and unresolved addresses counted by reason:
:attr:`DemoResult.addresses`), the linkage compares households, and the release carries
household pseudonyms and ``household_size``, a quasi-identifier of its disclosure check. Every
step (keys init, pseudonymise, link, release) appends to one hash-chained audit log,
``audit/demo.audit.jsonl``: the whole chain.

Governance is shown end to end: the job's ``governance:`` section is signed into the manifest;
each data owner (the synthetic trust and council) has its own signing key, whose id the
governance records, and approves the release (``release/demo_research/approvals/``); the
recipient has an X25519 delivery key, and the bundle is encrypted to it
(``release/demo_research.tar.sealed``), to be opened with ``safelink decrypt``.
"""

from __future__ import annotations

import dataclasses
import secrets
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from safelink.config import JobConfig, parse_config
from safelink.errors import OutputError
from safelink.infra.atomic import ensure_output_directory
from safelink.infra.audit import audited
from safelink.infra.io import sha256_file, write_parquet
from safelink.keys import DeliveryKey, Keyring, SigningKey
from safelink.link import LinkageReport, link_files
from safelink.pseudonymise import RunSummary, output_paths, pseudonymise_file
from safelink.release import DEMO_RELEASE, ReleaseResult, approve, encrypt_bundle, release_demo
from safelink.synthetic.corruption import PROFILES
from safelink.synthetic.extracts import generate, record_truth

DEMO_PROJECT = "demo"


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoResult:
    """What the demo made and where."""

    out_dir: Path
    key_id: str
    extracts: dict[str, Path]
    pseudonymised: dict[str, RunSummary]
    linkage: LinkageReport
    release: ReleaseResult
    approvals: dict[str, Path] = field(default_factory=dict)
    sealed: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)
    addresses: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per source, addresses resolved to UPRNs and unresolved by reason (counts only)."""


def address_resolution(summary: RunSummary) -> dict[str, int]:
    """Addresses resolved to UPRNs and unresolved by reason, from a run summary.

    Counts over the source's columns with ``resolve_uprn``: ``resolved``, then each reason
    of :class:`safelink.uprn.UnresolvedReason` that occurred (``no_address`` includes
    records without an address). Empty when the source resolves none.
    """
    counts: dict[str, int] = {}
    for column in summary.columns:
        if "uprn" not in column.token_columns:
            continue
        unresolved = {
            reason.removeprefix("uprn_"): count
            for reason, count in column.warnings.items()
            if reason.startswith("uprn_")
        }
        counts["resolved"] = counts.get("resolved", 0) + column.rows - sum(unresolved.values())
        for reason, count in sorted(unresolved.items()):
            counts[reason] = counts.get(reason, 0) + count
    return counts


def demo_config(base_dir: Path) -> JobConfig:
    """The demo's job config (bundled with the package; the same as configs/demo.yaml)."""
    text = (resources.files("safelink") / "data" / "demo.yaml").read_text(encoding="utf-8")
    return parse_config(yaml.safe_load(text), origin="safelink/data/demo.yaml", base_dir=base_dir)


def run_demo(out_dir: Path | str, *, people: int = 2_000, seed: int = 7) -> DemoResult:
    """Run the demo pipeline into ``out_dir`` (which must not exist yet, or be empty).

    Args:
        out_dir: where to write extracts, keys and outputs.
        people: size of the synthetic population.
        seed: random seed for the synthetic data.

    Returns:
        Paths and summaries of what was made.

    Raises:
        OutputError: ``out_dir`` exists and is not empty.

    """
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()):
        raise OutputError(f"{out}: exists and is not empty; choose a new demo directory.")
    timings: dict[str, float] = {}
    tick = time.perf_counter()
    data = generate(people, seed=seed, **PROFILES["addresses"])  # type: ignore[arg-type]
    extracts = data.write_csv(out / "extracts")
    timings["generate_seconds"] = time.perf_counter() - tick
    keys_dir = out / "keys"
    keys_dir.mkdir(parents=True, mode=0o700)
    # Every step is recorded in the one audit log the release appends to: the whole chain.
    log = ensure_output_directory(out / "audit") / Path(str(DEMO_RELEASE["audit_log"])).name
    # A one-time passphrase: the demo keys are thrown away with the demo directory.
    one_time_passphrase = secrets.token_urlsafe(24)
    with audited(log, "keys init", arguments={"project": DEMO_PROJECT}) as outputs:
        keyring = Keyring.create(
            keys_dir / f"{DEMO_PROJECT}.key", project=DEMO_PROJECT, passphrase=one_time_passphrase
        )
        outputs[keyring.path.name] = sha256_file(keyring.path)
    config = _with_gazetteer(demo_config(out / "extracts"), extracts["gazetteer"])
    link_key = {"link": keyring.namespace_key("link").key_id}
    pseudonymised = {}
    tick = time.perf_counter()
    for name in config.sources:
        with audited(
            log,
            "pseudonymise",
            arguments={"input": extracts[name].name, "source": name},
            inputs={extracts[name].name: sha256_file(extracts[name])},
            key_ids=link_key,
        ) as outputs:
            pseudonymised[name] = pseudonymise_file(
                extracts[name], config, keyring, out / "pseudonymised", source=name
            )
            outputs.update(pseudonymised[name].outputs)
    timings["pseudonymise_seconds"] = time.perf_counter() - tick
    tick = time.perf_counter()
    pseudonymised_dir = out / "pseudonymised"
    paths = {name: output_paths(pseudonymised_dir, name) for name in config.sources}
    truth_path = _write_truth(out, extracts["truth"], paths)
    tokens = [paths[name]["tokens"] for name in config.sources]
    with audited(
        log,
        "link",
        arguments={"truth": True, "content": True},
        inputs={path.name: sha256_file(path) for path in tokens},
        key_ids=link_key,
    ) as outputs:
        linkage = link_files(
            tokens,
            config,
            out / "linked",
            truth=truth_path,
            content={name: paths[name]["content"] for name in config.sources},
        ).report
        for written in ("links.parquet", "linkage_report.json"):
            outputs[written] = sha256_file(out / "linked" / written)
    timings["link_seconds"] = time.perf_counter() - tick
    tick = time.perf_counter()
    owners = _owner_keys(keys_dir, config, one_time_passphrase)
    config = _with_approval_keys(config, owners)
    released = release_demo(
        out, keyring=keyring, config=config, signing_passphrase=one_time_passphrase
    )
    log = out / "audit" / f"{DEMO_PROJECT}.audit.jsonl"
    ttp = (keys_dir / f"{DEMO_PROJECT}.signing.pub").read_bytes()  # each owner checks it first
    approvals = {
        owner: approve(released.out_dir, owner, key, ttp_public_key=ttp, audit_log=log)
        for owner, key in owners.items()
    }
    recipient = DeliveryKey.create(
        keys_dir / f"{released.recipient}.delivery.key",
        project=DEMO_PROJECT,
        passphrase=one_time_passphrase,
        scrypt_n=2**14,
    )
    sealed = encrypt_bundle(
        released.out_dir,
        out / "release" / f"{released.recipient}.tar.sealed",
        recipient.public_key_pem(),
    )
    timings["release_seconds"] = time.perf_counter() - tick
    return DemoResult(
        out_dir=out,
        key_id=keyring.key_id,
        extracts=extracts,
        pseudonymised=pseudonymised,
        linkage=linkage,
        release=released,
        approvals=approvals,
        sealed=sealed,
        timings={k: round(v, 3) for k, v in timings.items()},
        addresses={name: address_resolution(s) for name, s in pseudonymised.items()},
    )


def _with_gazetteer(config: JobConfig, gazetteer: Path) -> JobConfig:
    """The config with each resolving address column reading the demo's own gazetteer."""
    sources = {
        name: dataclasses.replace(
            source,
            columns=tuple(
                dataclasses.replace(c, gazetteer=gazetteer) if c.resolve_uprn else c
                for c in source.columns
            ),
        )
        for name, source in config.sources.items()
    }
    return dataclasses.replace(config, sources=sources)


def _owner_keys(keys_dir: Path, config: JobConfig, passphrase: str) -> dict[str, SigningKey]:
    """Each data owner's own signing key (in a real project, each owner makes and keeps it)."""
    assert config.governance is not None
    return {
        owner: SigningKey.create(
            keys_dir / f"{owner}.signing.key",
            project=DEMO_PROJECT,
            passphrase=passphrase,
            scrypt_n=2**14,
        )
        for owner in config.governance.owners
    }


def _with_approval_keys(config: JobConfig, owners: dict[str, SigningKey]) -> JobConfig:
    """The config with each owner's approval key id recorded in its governance."""
    governance = config.governance
    assert governance is not None
    recorded = {
        name: dataclasses.replace(owner, approval_key=owners[name].key_id)
        for name, owner in governance.owners.items()
    }
    return dataclasses.replace(config, governance=dataclasses.replace(governance, owners=recorded))


def _write_truth(out: Path, truth_csv: Path, paths: dict[str, dict[str, Path]]) -> Path:
    """Map the synthetic truth to record ids through the content files (demo only)."""
    import polars as pl

    truth = pl.read_csv(truth_csv, infer_schema=False)
    content = {name: pl.read_parquet(p["content"]) for name, p in paths.items()}
    destination = out / "truth.parquet"
    write_parquet(record_truth(truth, content), destination)
    return destination
