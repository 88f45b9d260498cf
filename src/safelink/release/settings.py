"""The ``release:`` section of a job config, validated as a whole.

Example (paths are relative to the config file's folder and, when relative, must stay inside
its project root: see :mod:`safelink.infra.paths`)::

    release:
      recipient: uni_research              # default recipient; --recipient overrides it
      links: ../linked/links.parquet       # from 'safelink link'
      content: ../pseudonymised            # folder of SOURCE.content.parquet (or source: path)
      signing_key: ../keys/demo.signing.key
      audit_log: ../audit/demo.audit.jsonl
      erasures: ../audit/erasures.json     # persons erased on request are left out
      columns:                             # released column: {source: its column}, in order
        sex: {hospital: sex, social_care: gender, normalise: sex}
        age: {hospital: age_on_admission, social_care: age}
        event_date: {hospital: admission_date, social_care: start_date, normalise: date}
        diagnosis: {hospital: diagnosis}
      disclosure: disclosure-release.yaml  # a disclosure config (path or inline mapping)
      scan_sample: 5000                    # values per column for the identifier gate
      reviewed:                            # flagged by the detector, judged by the IG lead
        diagnosis: "a study's code names (Amber Kestrel), no person's name; IG review 2026-11-30"
      report: true                         # write report.html into the bundle
      households: false                    # add household pseudonyms and household_size

Every release row is one record: ``person`` (the recipient's pseudonym), ``source`` and the
listed columns; record ids and linkage person ids never leave.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    Tag,
    TypeAdapter,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic.dataclasses import dataclass
from pydantic.json_schema import SkipJsonSchema

from safelink.config import JobConfig
from safelink.config._fields import (
    MODEL_CONFIG,
    NON_EMPTY,
    WRITTEN,
    ConfigPath,
    Internal,
    LoadContext,
    Name,
    load_context,
    none_as_empty,
    not_written,
    problem,
)
from safelink.config._problems import validate
from safelink.disclosure import DisclosureConfig, load_disclosure_config
from safelink.errors import ConfigError
from safelink.infra.paths import project_root

NORMALISERS = ("sex", "date")
#: The released pseudonym column, the one person column a release's disclosure config may name.
PERSON = "person"
RESERVED = frozenset({"person", "source", "record_id", "person_id", "household", "household_size"})


@dataclasses.dataclass(frozen=True, slots=True)
class _ReleaseContext(LoadContext):
    """The load context of a ``release:`` section: also the job, whose sources it names."""

    job: JobConfig | None = None


def _job(info: ValidationInfo) -> JobConfig | None:
    return getattr(load_context(info), "job", None)


def _normaliser(value: str) -> str:
    if value not in NORMALISERS:
        raise problem(f"must be one of {list(NORMALISERS)}")
    return value


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class ReleaseColumn:
    """One released column, gathered from each source's content column.

    In YAML, ``name: {source: its content column, ..., normalise: sex}``.

    Attributes:
        name: the column's name in the release.
        sources: source name -> that source's content column.
        normalise: ``sex`` or ``date`` to harmonise codes across sources, or None.
    """

    name: Internal
    """The column's name in the release (its key under ``columns``)."""
    sources: Mapping[str, Name]
    """Source name -> that source's content column."""
    normalise: Annotated[StrictStr, AfterValidator(_normaliser)] | None = None
    """sex or date, to harmonise codes across sources."""

    @model_validator(mode="after")
    def _fits_job(self, info: ValidationInfo) -> ReleaseColumn:
        if self.name in RESERVED:
            raise problem(f"the name is reserved ({sorted(RESERVED)}); rename it")
        if not self.sources:
            raise problem("name at least one source column")
        job = _job(info)
        if job is None:
            return self
        for source, column in self.sources.items():
            if source not in job.sources:
                raise problem(f"unknown source; the job has {list(job.sources)}", source)
            content = job.sources[source].content
            if column not in content:
                raise problem(
                    f"not a content column of source {source!r} (content columns: {list(content)})",
                    source,
                )
        return self


def _columns_document(value: Any) -> Any:
    """``{name: {source: column, normalise: ...}}`` as written -> a list of columns."""
    if not isinstance(value, Mapping):
        return value
    out: list[Any] = []
    for name, spec in value.items():
        if not isinstance(spec, Mapping):
            out.append(spec)  # refused as not a mapping, named by its key
            continue
        sources = {k: v for k, v in spec.items() if k != "normalise"}
        out.append({"name": str(name), "sources": sources, "normalise": spec.get("normalise")})
    return out


_COLUMNS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "minProperties": 1,
    "description": "Each released column: {source: its content column, normalise: sex|date}.",
    "additionalProperties": {
        "type": "object",
        "minProperties": 1,
        "properties": {"normalise": {"enum": list(NORMALISERS)}},
        "additionalProperties": {"type": "string", "minLength": 1},
    },
}


def _path_or_mapping(value: Any) -> str:
    return "mapping" if isinstance(value, Mapping | DisclosureConfig) else "path"


def _content_kind(value: Any) -> str:
    return "mapping" if isinstance(value, Mapping) else "path"


def _known_sources(value: Any, info: ValidationInfo) -> Any:
    job = _job(info)
    if job is not None and isinstance(value, Mapping):
        for source in value:
            if source not in job.sources:
                raise problem(f"unknown source; the job has {list(job.sources)}", source)
    return value


Content = Annotated[
    Annotated[Mapping[str, ConfigPath], Tag("<mapping>")] | Annotated[ConfigPath, Tag("<path>")],
    Discriminator(lambda v: f"<{_content_kind(v)}>"),
    AfterValidator(_known_sources),
]
Disclosure = Annotated[
    Annotated[DisclosureConfig, Tag("<mapping>")] | Annotated[ConfigPath, Tag("<path>")],
    Discriminator(lambda v: f"<{_path_or_mapping(v)}>"),
]


def _recipient(value: str) -> str:
    from safelink.release.pseudonyms import check_recipient

    try:
        return check_recipient(value)
    except ConfigError as exc:
        raise problem("must be 1-64 letters, digits, '-' or '_' (e.g. uni_research)") from exc


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class ReleaseSettings:
    """The validated ``release:`` section (paths resolved).

    ``root`` is the folder relative paths were checked against (None: not checked), also used
    for the paths in an inline ``disclosure`` mapping.
    """

    recipient: Annotated[StrictStr, AfterValidator(_recipient)] | None = None
    """The default recipient (--recipient overrides it)."""
    links: ConfigPath | None = None
    """The links file from 'safelink link'."""
    content: Content | None = None
    """A folder of SOURCE.content.parquet, or each source's content file."""
    linkage_report: ConfigPath | None = None
    """The linkage report to bundle."""
    signing_key: ConfigPath | None = None
    """The key the release manifest is signed with."""
    audit_log: ConfigPath | None = None
    """The audit log (default: the job's)."""
    erasures: ConfigPath | None = None
    """The erasure register (``safelink subject --erase``): erased persons are left out."""
    columns: Annotated[
        tuple[ReleaseColumn, ...],
        BeforeValidator(_columns_document),
        NON_EMPTY,
        WithJsonSchema(_COLUMNS_SCHEMA),
    ] = ()
    """Each released column and the source columns it gathers, in order (default: every
    content column of every source, under its own name)."""
    disclosure: Disclosure
    """The disclosure config the release must meet: a file, or the config inline."""
    person_pseudonyms: Literal["stable", "per_release"] = "stable"
    """``stable``: a person's pseudonym is a keyed token (the recipient's key) of the linkage
    unit's person id, so monthly releases to one recipient from a persistent person index
    join, while two recipients share none. ``per_release``: keyed by the recipient and this
    release's links file too, so no two releases join. The manifest says which."""
    households: StrictBool = False
    """Add ``household`` (the recipient's pseudonym of each record's household token, read
    from ``SOURCE.tokens.parquet`` beside the content file) and ``household_size`` (released
    persons in that household), which the disclosure section may name as a quasi-identifier.
    Needs addresses resolved to UPRNs (``resolve_uprn``)."""
    scan_sample: Annotated[StrictInt, Field(ge=100)] = 5_000
    """Values per column the identifier gate scans."""
    reviewed: Mapping[StrictStr, Annotated[StrictStr, Field(min_length=1)]] = dataclasses.field(
        default_factory=dict
    )
    """Released columns the identifier gate's detector may flag that the IG lead has reviewed
    and judged to identify no one (a code list of clinic names read as people's names), each
    with the reason (no values in it). The detector's finding on them is overruled and
    recorded; the value scan and the linkage-token check still read every value. The signed
    manifest records each column and reason, and verify applies the same."""
    report: StrictBool = True
    """Write report.html into the bundle."""
    base_dir: Annotated[SkipJsonSchema[Path], BeforeValidator(not_written)] = dataclasses.field(
        default_factory=Path
    )
    """The folder relative paths were resolved from."""
    root: Annotated[SkipJsonSchema[Path | None], BeforeValidator(not_written)] = None
    """The folder relative paths were checked against (None: not checked)."""

    @model_validator(mode="before")
    @classmethod
    def _from_document(cls, data: Any, info: ValidationInfo) -> Any:
        """Take the folders from the load (a document may not write them)."""
        context = load_context(info)
        if context is None or not isinstance(data, Mapping):
            return data
        return {
            **data,
            "base_dir": WRITTEN if "base_dir" in data else context.base_dir or Path(),
            "root": WRITTEN if "root" in data else context.root,
        }

    def content_path(self, source: str) -> Path | None:
        """Where a source's content file is, if known."""
        if isinstance(self.content, Mapping):
            return self.content.get(source)
        if isinstance(self.content, Path):
            return self.content / f"{source}.content.parquet"
        return None


_SETTINGS = TypeAdapter(ReleaseSettings)


def release_schema() -> dict[str, Any]:
    """The JSON Schema of the ``release:`` section (its ``$defs`` refer to ``#/$defs/``).

    Returns:
        A JSON Schema document.
    """
    return _SETTINGS.json_schema(mode="validation")


def config_base_dir(config: JobConfig) -> Path:
    """The folder relative paths in a job config are resolved from."""
    origin = Path(config.origin)
    return origin.parent if origin.suffix in (".yaml", ".yml") else Path.cwd()


def release_settings(config: JobConfig, *, base_dir: Path | None = None) -> ReleaseSettings:
    """Validate the ``release:`` section of a job config.

    Args:
        config: the job config.
        base_dir: folder for relative paths (default: the config file's folder). Relative
            paths are checked against the project root (:mod:`safelink.infra.paths`) only when
            they come from the config file's folder; an explicit ``base_dir`` is the caller's
            choice and is not checked.

    Returns:
        The settings.

    Raises:
        ConfigError: listing every problem in the section, each named by its YAML path.
    """
    from safelink.config import config_schema

    base = base_dir if base_dir is not None else config_base_dir(config)
    from_file = base_dir is None and Path(config.origin).suffix in (".yaml", ".yml")
    root = project_root(base) if from_file else None
    section = none_as_empty(config.sections.get("release"))
    context = _ReleaseContext(base_dir=base, root=root, origin=config.origin, job=config)
    settings = validate(
        _SETTINGS,
        section,
        origin=config.origin,
        context=context,
        schema=config_schema(),
        prefix=("release",),
    )
    if not settings.columns:
        # Default: every content column of every source, under its own name.
        names: dict[str, dict[str, str]] = {}
        for spec_source in config.sources.values():
            for column in spec_source.content:
                names.setdefault(column, {})[spec_source.name] = column
        columns = tuple(ReleaseColumn(name=n, sources=s) for n, s in names.items())
        settings = dataclasses.replace(settings, columns=columns)
    if settings.audit_log is None and config.audit_log is not None:
        settings = dataclasses.replace(settings, audit_log=config.audit_log)
    return settings


def release_disclosure(settings: ReleaseSettings, origin: str) -> DisclosureConfig:
    """The disclosure config a release must meet (``release.disclosure``), validated.

    Args:
        settings: the release settings (``disclosure`` a path, or the config given inline).
        origin: the job config's name, for messages.

    Returns:
        The disclosure config, with ``person`` set to the released pseudonym column.

    Raises:
        ConfigError: it is missing or invalid, its profile is not record-level, or it names
            another person column.
    """
    raw = settings.disclosure  # inline, it was validated with the section
    loaded = load_disclosure_config(raw) if isinstance(raw, Path) else raw
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
    return dataclasses.replace(loaded, person=PERSON)


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
