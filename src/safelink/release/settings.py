"""The ``release:`` section of a job config, validated as a whole.

Example (paths are relative to the config file's folder and, when relative, must stay inside
its project root: see :mod:`safelink.paths`)::

    release:
      recipient: uni_research              # default recipient; --recipient overrides it
      links: ../linked/links.parquet       # from 'safelink link'
      content: ../pseudonymised            # folder of SOURCE.content.parquet (or source: path)
      signing_key: ../keys/demo.signing.key
      audit_log: ../audit/demo.audit.jsonl
      columns:                             # released column: {source: its column}, in order
        sex: {hospital: sex, social_care: gender, normalise: sex}
        age: {hospital: age_on_admission, social_care: age}
        event_date: {hospital: admission_date, social_care: start_date, normalise: date}
        diagnosis: {hospital: diagnosis}
      disclosure: disclosure-release.yaml  # a disclosure config (path or inline mapping)
      scan_sample: 5000                    # values per column for the identifier gate
      report: true                         # write report.html into the bundle

Every release row is one record: ``person`` (the recipient's pseudonym), ``source`` and the
listed columns; record ids and linkage person ids never leave.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from safelink.config import JobConfig
from safelink.disclosure import DisclosureConfig, load_disclosure_config, parse_disclosure_config
from safelink.errors import ConfigError
from safelink.paths import project_root, resolve_config_path

_KEYS = frozenset(
    {
        "recipient", "links", "content", "linkage_report", "signing_key", "audit_log",
        "columns", "disclosure", "scan_sample", "report",
    }
)  # fmt: skip
NORMALISERS = ("sex", "date")
#: The released pseudonym column, the one person column a release's disclosure config may name.
PERSON = "person"
RESERVED = frozenset({"person", "source", "record_id", "person_id"})


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseColumn:
    """One released column, gathered from each source's content column.

    Attributes:
        name: the column's name in the release.
        sources: source name -> that source's content column.
        normalise: ``sex`` or ``date`` to harmonise codes across sources, or None.
    """

    name: str
    sources: Mapping[str, str]
    normalise: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseSettings:
    """The validated ``release:`` section (paths resolved).

    ``root`` is the folder relative paths were checked against (None: not checked), also used
    for the paths in an inline ``disclosure`` mapping.
    """

    recipient: str | None = None
    links: Path | None = None
    content: Mapping[str, Path] | Path | None = None
    linkage_report: Path | None = None
    signing_key: Path | None = None
    audit_log: Path | None = None
    columns: tuple[ReleaseColumn, ...] = ()
    disclosure: Any = None
    scan_sample: int = 5_000
    report: bool = True
    base_dir: Path = field(default_factory=Path)
    root: Path | None = None

    def content_path(self, source: str) -> Path | None:
        """Where a source's content file is, if known."""
        if isinstance(self.content, Mapping):
            return self.content.get(source)
        if isinstance(self.content, Path):
            return self.content / f"{source}.content.parquet"
        return None


def config_base_dir(config: JobConfig) -> Path:
    """The folder relative paths in a job config are resolved from."""
    origin = Path(config.origin)
    return origin.parent if origin.suffix in (".yaml", ".yml") else Path.cwd()


def release_settings(config: JobConfig, *, base_dir: Path | None = None) -> ReleaseSettings:
    """Validate the ``release:`` section of a job config.

    Args:
        config: the job config.
        base_dir: folder for relative paths (default: the config file's folder). Relative
            paths are checked against the project root (:mod:`safelink.paths`) only when
            they come from the config file's folder; an explicit ``base_dir`` is the caller's
            choice and is not checked.

    Returns:
        The settings (a missing section gives the defaults).

    Raises:
        ConfigError: listing every problem in the section.
    """
    base = base_dir if base_dir is not None else config_base_dir(config)
    from_file = base_dir is None and Path(config.origin).suffix in (".yaml", ".yml")
    root = project_root(base) if from_file else None
    raw = config.sections.get("release", {})
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        raise ConfigError(["release: must be a mapping of settings"], config.origin)
    problems: list[str] = []
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        problems.append(f"release: unknown setting(s) {unknown}; allowed: {sorted(_KEYS)}")
    recipient = raw.get("recipient")
    if recipient is not None:
        from safelink.release.pseudonyms import check_recipient

        try:
            check_recipient(recipient)
        except ConfigError as exc:
            problems.extend(exc.problems)
    paths: dict[str, Path | None] = {}
    for key in ("links", "linkage_report", "signing_key", "audit_log"):
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            problems.append(f"release.{key} must be a path")
            value = None
        paths[key] = _resolve(value, base, f"release.{key}", root, problems) if value else None
    content = _content(raw.get("content"), base, root, config, problems)
    columns = _columns(raw.get("columns"), config, problems)
    disclosure = raw.get("disclosure")
    if disclosure is None:
        problems.append(
            "release.disclosure is required: a disclosure config (path or mapping) whose "
            "profile the release must meet"
        )
    elif isinstance(disclosure, str):
        disclosure = _resolve(disclosure, base, "release.disclosure", root, problems)
    elif not isinstance(disclosure, Mapping):
        problems.append("release.disclosure must be a path or a mapping")
    sample = raw.get("scan_sample", 5_000)
    if not isinstance(sample, int) or isinstance(sample, bool) or sample < 100:
        problems.append("release.scan_sample must be a whole number of at least 100")
        sample = 5_000
    report = raw.get("report", True)
    if not isinstance(report, bool):
        problems.append("release.report must be true or false")
        report = True
    if problems:
        raise ConfigError(problems, config.origin)
    return ReleaseSettings(
        recipient=recipient,
        links=paths["links"],
        content=content,
        linkage_report=paths["linkage_report"],
        signing_key=paths["signing_key"],
        audit_log=paths["audit_log"] or config.audit_log,
        columns=columns,
        disclosure=disclosure,
        scan_sample=sample,
        report=report,
        base_dir=base,
        root=root,
    )


def release_disclosure(settings: ReleaseSettings, origin: str) -> DisclosureConfig:
    """The disclosure config a release must meet (``release.disclosure``), validated.

    Args:
        settings: the release settings (``disclosure`` a path, a mapping or a loaded config).
        origin: the job config's name, for messages.

    Returns:
        The disclosure config, with ``person`` set to the released pseudonym column.

    Raises:
        ConfigError: it is missing or invalid, its profile is not record-level, or it names
            another person column.
    """
    raw = settings.disclosure
    if isinstance(raw, Path):
        loaded = load_disclosure_config(raw)
    elif isinstance(raw, Mapping):
        loaded = parse_disclosure_config(
            dict(raw),
            source=f"{origin}: release.disclosure",
            base=settings.base_dir,
            root=settings.root,
        )
    elif isinstance(raw, DisclosureConfig):
        loaded = raw
    else:
        raise ConfigError(["release.disclosure is required"], origin)
    if loaded.profile.kind != "records":
        raise ConfigError(
            ["release.disclosure: a release is record-level data; use a 'records' profile"],
            origin,
        )
    if loaded.person not in (None, PERSON):
        raise ConfigError(
            [f"release.disclosure.person must be {PERSON!r} (the released pseudonym column)"],
            origin,
        )
    return replace(loaded, person=PERSON)


def check_release(config: JobConfig, *, base_dir: Path | None = None) -> ReleaseSettings:
    """Validate the ``release:`` section and the disclosure config it names, as a release will.

    :func:`safelink.config.load_config` calls this, so that a job with a bad release section
    fails before its first step runs.

    Args:
        config: the job config.
        base_dir: as for :func:`release_settings`.

    Returns:
        The release settings.

    Raises:
        ConfigError: listing the problems of the section, or of its disclosure config.
    """
    settings = release_settings(config, base_dir=base_dir)
    release_disclosure(settings, config.origin)
    return settings


def _resolve(
    text: str, base: Path, what: str, root: Path | None, problems: list[str]
) -> Path | None:
    try:
        return resolve_config_path(text, base, what, root=root)
    except ConfigError as exc:
        problems.extend(exc.problems)
        return None


def _content(
    raw: Any, base: Path, root: Path | None, config: JobConfig, problems: list[str]
) -> Mapping[str, Path] | Path | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        return _resolve(raw, base, "release.content", root, problems)
    if not isinstance(raw, Mapping) or not all(isinstance(v, str) for v in raw.values()):
        problems.append("release.content must be a folder or map each source to its file")
        return None
    unknown = sorted(str(s) for s in raw if s not in config.sources)
    if unknown:
        problems.append(f"release.content: unknown source(s) {unknown}")
    resolved = {
        str(s): _resolve(v, base, f"release.content.{s}", root, problems) for s, v in raw.items()
    }
    return {s: path for s, path in resolved.items() if path is not None}


def _columns(raw: Any, config: JobConfig, problems: list[str]) -> tuple[ReleaseColumn, ...]:
    if raw is None:
        # Default: every content column of every source, under its own name.
        names: dict[str, dict[str, str]] = {}
        for spec_source in config.sources.values():
            for column in spec_source.content:
                names.setdefault(column, {})[spec_source.name] = column
        return tuple(ReleaseColumn(name=n, sources=s) for n, s in names.items())
    if not isinstance(raw, Mapping) or not raw:
        problems.append("release.columns must map each released column to {source: column}")
        return ()
    out = []
    for name, spec in raw.items():
        where = f"release.columns.{name}"
        if str(name) in RESERVED:
            problems.append(f"{where}: the name is reserved ({sorted(RESERVED)}); rename it")
            continue
        if not isinstance(spec, Mapping):
            problems.append(f"{where} must map source names to content columns")
            continue
        normaliser = spec.get("normalise")
        if normaliser is not None and normaliser not in NORMALISERS:
            problems.append(f"{where}.normalise must be one of {list(NORMALISERS)}")
        sources = {str(s): c for s, c in spec.items() if s != "normalise"}
        if not sources:
            problems.append(f"{where}: name at least one source column")
        for source, column in sources.items():
            if source not in config.sources:
                problems.append(f"{where}: unknown source {source!r}")
            elif not isinstance(column, str) or column not in config.sources[source].content:
                problems.append(
                    f"{where}: {column!r} is not a content column of source {source!r} "
                    f"(content columns: {list(config.sources[source].content)})"
                )
        out.append(ReleaseColumn(name=str(name), sources=sources, normalise=normaliser))
    return tuple(out)
