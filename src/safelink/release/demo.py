"""The demo's release: its ``release:`` section and the release step ``safelink demo`` runs."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from safelink.config import JobConfig
from safelink.keys import Keyring, SigningKey
from safelink.release.bundle import ReleaseResult, release

#: The demo's ``release:`` section (paths relative to the demo directory).
DEMO_RELEASE: Mapping[str, Any] = {
    "recipient": "demo_research",
    "links": "linked/links.parquet",
    "content": "pseudonymised",
    "audit_log": "audit/demo.audit.jsonl",
    "columns": {
        "sex": {"hospital": "sex", "social_care": "gender", "normalise": "sex"},
        "age": {"hospital": "age_on_admission", "social_care": "age"},
        "event_date": {
            "hospital": "admission_date",
            "social_care": "start_date",
            "normalise": "date",
        },
        "diagnosis": {"hospital": "diagnosis"},
        "care_package": {"social_care": "care_package"},
        "primary_support_reason": {"social_care": "primary_support_reason"},
    },
    "disclosure": {
        "profile": {"name": "tre", "k": 5, "max_suppression": 0.05},
        "quasi_identifiers": ["age", "sex", "event_date"],
        "person": "person",
        "numeric": ["age"],
        "transformations": [
            {"generalise": "age", "to": "age_band", "width": 10, "top": 90},
            {"coarsen": "event_date", "to": "year"},
            {"suppress": True},
        ],
    },
}


def release_demo(
    demo_dir: Path | str,
    *,
    keyring: Keyring,
    config: JobConfig,
    signing_passphrase: str,
    recipient: str | None = None,
) -> ReleaseResult:
    """Release the demo's linked data: make a signing key, release, sign, audit.

    Uses the config's ``release:`` section when it has one, else :data:`DEMO_RELEASE`;
    relative paths are taken from ``demo_dir``. Writes ``keys/demo.signing.key`` (and
    ``.pub``), ``audit/demo.audit.jsonl`` and ``release/RECIPIENT/``.

    Args:
        demo_dir: the demo directory (with ``pseudonymised/``, ``linked/``, ``keys/``).
        keyring: the demo's project keyring.
        config: the demo's job config.
        signing_passphrase: wraps the demo signing key (the demo's one-time passphrase).
        recipient: overrides the configured recipient.

    Returns:
        The :class:`ReleaseResult`; ``result.report_path`` is the HTML report.

    Raises:
        SafelinkError: as :func:`release`.
    """
    root = Path(demo_dir)
    section = dict(DEMO_RELEASE)
    section.pop("signing_key", None)
    if config.sections.get("release"):
        section = dict(config.sections["release"])
    # The demo's own layout wins over paths written for the configs/ folder.
    section.update({k: DEMO_RELEASE[k] for k in ("links", "content", "audit_log")})
    section.pop("signing_key", None)
    section.pop("linkage_report", None)
    job = dataclasses.replace(config, sections={**config.sections, "release": section})
    signing_path = root / "keys" / f"{config.project}.signing.key"
    signer = SigningKey.create(
        signing_path, project=config.project, passphrase=signing_passphrase, scrypt_n=2**14
    )
    who = recipient or str(section.get("recipient") or "demo_research")
    (root / "release").mkdir(exist_ok=True)
    return release(
        job,
        root / "release" / who,
        keys=keyring,
        signing_key=signer,
        recipient=who,
        base_dir=root,
    )
