"""Paths in configs may not escape the project (issue #8), whichever loader reads them.

The rule (:mod:`safelink.infra.paths`): absolute paths are accepted; a relative path, resolved from
the config's folder with symbolic links followed, must stay inside the project root (the
nearest folder with ``.safelink`` or ``pyproject.toml``, else the config's folder).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from safelink.config import load_config
from safelink.disclosure.profiles import load_disclosure_config
from safelink.errors import ConfigError
from safelink.infra.paths import project_root
from safelink.release.settings import release_settings
from safelink.surrogate import load_surrogate_config

ROOT = Path(__file__).resolve().parents[2]
HIERARCHY = (ROOT / "configs" / "hierarchies" / "ethnicity-ons-19-to-5.yaml").read_text("utf-8")

JOB = {
    "project": "p",
    "key_file": "p.key",
    "audit_log": "audit.jsonl",
    "sources": {
        "hospital": {
            "path": "hospital.csv",
            "columns": {
                "nhs": {"role": "identifier", "kind": "nhs_number"},
                "sex": {"role": "identifier", "kind": "sex", "also_content": True},
            },
        }
    },
    "release": {
        "signing_key": "p.signing.key",
        "links": "links.parquet",
        "disclosure": {"profile": "tre", "quasi_identifiers": ["sex"]},
    },
}


def _write(folder: Path, document: dict[str, object]) -> Path:
    path = folder / "config.yaml"
    path.write_text(json.dumps(document), encoding="utf-8")  # JSON is YAML
    return path


def _job(setting: str) -> Callable[[Path, str], Path]:
    def write(folder: Path, value: str) -> Path:
        document = json.loads(json.dumps(JOB))
        if setting == "source":
            document["sources"]["hospital"]["path"] = value
        elif setting.startswith("release."):
            document["release"][setting.removeprefix("release.")] = value
        else:
            document[setting] = value
        return _write(folder, document)

    return write


def _surrogate(setting: str) -> Callable[[Path, str], Path]:
    def write(folder: Path, value: str) -> Path:
        return _write(folder, {setting: value, "surrogate": {"columns": {"surname": "surname"}}})

    return write


def _disclosure(setting: str) -> Callable[[Path, str], Path]:
    def write(folder: Path, value: str) -> Path:
        document: dict[str, object] = {"profile": "tre", "quasi_identifiers": ["ethnicity"]}
        if setting == "hierarchy":
            document["hierarchies"] = {"ethnicity": value}
        else:
            document["population"] = {"path": value, "count": "count"}
        return _write(folder, document)

    return write


@dataclass(frozen=True)
class Loader:
    """A config loader and one path setting it reads."""

    name: str  # the setting as named in error messages
    write: Callable[[Path, str], Path]  # (config folder, path text) -> config file
    load: Callable[[Path], object]  # config file -> the resolved path (or the loaded object)
    content: str = "placeholder"  # what the named file must hold to load


LOADERS = [
    Loader("key_file", _job("key_file"), lambda p: load_config(p).key_file),
    Loader("audit_log", _job("audit_log"), lambda p: load_config(p).audit_log),
    Loader("sources.hospital.path", _job("source"), lambda p: load_config(p).source().path),
    Loader(
        "release.signing_key",
        _job("release.signing_key"),
        lambda p: release_settings(load_config(p)).signing_key,
    ),
    Loader(
        "release.links", _job("release.links"), lambda p: release_settings(load_config(p)).links
    ),
    Loader("key_file", _surrogate("key_file"), lambda p: load_surrogate_config(p).key_file),
    Loader("audit_log", _surrogate("audit_log"), lambda p: load_surrogate_config(p).audit_log),
    Loader(
        "hierarchies.ethnicity",
        _disclosure("hierarchy"),
        lambda p: sorted(load_disclosure_config(p).hierarchies),
        content=HIERARCHY,
    ),
    Loader(
        "population.path",
        _disclosure("population"),
        lambda p: load_disclosure_config(p).population.path,  # type: ignore[union-attr]
    ),
]
IDS = [
    "job-key_file", "job-audit_log", "job-source", "release-signing_key", "release-links",
    "surrogate-key_file", "surrogate-audit_log", "disclosure-hierarchy", "disclosure-population",
]  # fmt: skip


def _expected(loader: Loader, target: Path) -> object:
    """What ``loader.load`` returns when the path is accepted and names ``target``."""
    return ["ethnicity"] if loader.name.startswith("hierarchies") else target.resolve()


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """``project/`` (no marker above it: it is its own root) and ``outside/`` beside it."""
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    assert project_root(project) == project.resolve()
    return project, outside


@pytest.mark.parametrize("loader", LOADERS, ids=IDS)
def test_config_path_dotdot_escaping_project_refused_naming_key(
    layout: tuple[Path, Path], loader: Loader
) -> None:
    project, outside = layout
    (outside / "target").write_text(loader.content, encoding="utf-8")
    config = loader.write(project, "../outside/target")
    with pytest.raises(ConfigError) as info:
        loader.load(config)
    message = str(info.value)
    assert loader.name in message
    assert "absolute path" in message and "leaves the project folder" in message


@pytest.mark.parametrize("loader", LOADERS, ids=IDS)
def test_config_path_symlink_pointing_outside_refused(
    layout: tuple[Path, Path], loader: Loader
) -> None:
    project, outside = layout
    (outside / "target").write_text(loader.content, encoding="utf-8")
    (project / "shared").symlink_to(outside, target_is_directory=True)
    config = loader.write(project, "shared/target")
    with pytest.raises(ConfigError, match="symbolic link") as info:
        loader.load(config)
    assert loader.name in str(info.value)


@pytest.mark.parametrize("loader", LOADERS, ids=IDS)
def test_config_path_symlink_staying_inside_accepted(
    layout: tuple[Path, Path], loader: Loader
) -> None:
    project, _ = layout
    (project / "data").mkdir()
    target = project / "data" / "target"
    target.write_text(loader.content, encoding="utf-8")
    (project / "current").symlink_to(project / "data", target_is_directory=True)
    config = loader.write(project, "current/target")
    assert loader.load(config) == _expected(loader, target)


@pytest.mark.parametrize("loader", LOADERS, ids=IDS)
def test_config_path_absolute_outside_project_accepted(
    layout: tuple[Path, Path], loader: Loader
) -> None:
    project, outside = layout
    target = outside / "target"
    target.write_text(loader.content, encoding="utf-8")
    config = loader.write(project, str(target))
    assert loader.load(config) == _expected(loader, target)


@pytest.mark.parametrize("loader", LOADERS, ids=IDS)
def test_config_path_dotdot_inside_marked_project_accepted(tmp_path: Path, loader: Loader) -> None:
    (tmp_path / ".safelink").write_text("", encoding="utf-8")
    (tmp_path / "configs").mkdir()
    (tmp_path / "keys").mkdir()
    target = tmp_path / "keys" / "target"
    target.write_text(loader.content, encoding="utf-8")
    config = loader.write(tmp_path / "configs", "../keys/target")
    assert loader.load(config) == _expected(loader, target)


def test_load_config_every_escaping_path_listed_at_once(layout: tuple[Path, Path]) -> None:
    project, _ = layout
    document = json.loads(json.dumps(JOB))
    document |= {"key_file": "../k.key", "audit_log": "../../a.jsonl"}
    document["sources"]["hospital"]["path"] = "../h.csv"
    with pytest.raises(ConfigError) as info:
        load_config(_write(project, document))
    named = [p.split(":")[0] for p in info.value.problems]
    assert named == ["key_file", "audit_log", "sources.hospital.path"]


def test_project_root_nearest_marker_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    assert project_root(inner) == tmp_path.resolve()
    (tmp_path / "a" / ".safelink").write_text("", encoding="utf-8")
    assert project_root(inner) == (tmp_path / "a").resolve()


@pytest.mark.parametrize("path", sorted((ROOT / "configs").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_config_loads_with_its_paths(path: Path) -> None:
    if path.name.startswith("disclosure-"):
        config = load_disclosure_config(path)
        assert config.quasi_identifiers
        return
    job = load_config(path)
    assert job.key_file is not None and job.key_file.is_relative_to(ROOT)
    if "release" in job.sections:
        settings = release_settings(job)
        assert settings.signing_key is not None and settings.signing_key.is_relative_to(ROOT)
