"""``--draft-config``: a job config with each column's detected role, for review.

Every column gets a role and a comment saying why (entity, share, confidence), so the
operator reviews a filled-in file instead of writing one. Free text with identifiers is
dropped (redact it with ``--redact-to`` to keep it); other columns are content.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from safelink.detect.column_model import REVIEW_ENTITY
from safelink.detect.columns import header_words
from safelink.detect.findings import ScanReport
from safelink.identifiers import Identifier
from safelink.infra.io import atomic_path, read_frame

# Kept in the content file as well as tokenised: analysts need them.
_ALSO_CONTENT = frozenset({Identifier.SEX})


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def draft_config_text(report: ScanReport, *, project: str, source: str, path: str | None) -> str:
    """Render the draft config as YAML text with a comment on each column."""
    lines = [
        "# Draft job config written by `safelink scan`: review every role before use.",
        f"project: {_quote(project)}",
        f"key_file: {_quote('keys/' + project + '.key')}",
        "sources:",
        f"  {_quote(source)}:",
    ]
    if path is not None:
        lines.append(f"    path: {_quote(path)}")
    lines.append("    columns:")
    direct = set(report.direct_columns)
    used: set[str] = set()
    for profile in report.columns:
        f = profile.finding
        name = _quote(profile.column)
        if f is not None and f.kind is not None and f.detected and f.subject == "person":
            extra = ", also_content: true" if f.kind in _ALSO_CONTENT else ""
            if str(f.kind) in used:  # token columns must be distinct within a source
                slug = re.sub(r"[^a-z0-9]+", "_", profile.column.lower()).strip("_")
                extra += f", token_name: {_quote(f'{f.kind}_{slug}')}"
            used.add(str(f.kind))
            spec = f"{{role: identifier, kind: {f.kind}{extra}}}"
            why = f"{f.entity}, {f.share:.0%} of values, {f.confidence} confidence"
        elif f is not None and f.entity == REVIEW_ENTITY:
            spec = "{role: drop}"
            why = f"{'; '.join(f.evidence)}; if it holds no identifier, set {{role: content}}"
        elif f is not None and f.detected and f.subject == "staff":
            spec = "{role: drop}"
            why = (
                f"a member of staff's name ({f.entity}, {f.share:.0%} of values): personal data; "
                f"dropped, or set {{role: identifier, kind: {f.kind}}} to tokenise it"
            )
        elif profile.column in direct:
            spec = "{role: drop}"
            why = "free text holding identifiers; redact it (--redact-to) to keep it as content"
        elif f is not None:
            spec = "{role: content}"
            why = f"{f.entity} ({f.confidence}): {'; '.join(f.evidence)}; check it"
        else:
            spec = "{role: content}"
            why = "no identifier found"
        lines.append(f"      {name}: {spec}  # {why}")
    return "\n".join(lines) + "\n"


def write_draft_config(
    report: ScanReport, destination: Path | str, *, project: str | None = None,
    source: str | None = None, input_path: str | None = None,
) -> Path:  # fmt: skip
    """Write the draft config atomically.

    Args:
        report: the scan report.
        destination: the YAML file to write.
        project: project name (default: the file's stem).
        source: source name (default: the input's stem, or ``extract``).
        input_path: the extract's path, written as the source's ``path``.

    Returns:
        The destination path.

    Raises:
        OutputError: the file cannot be written.
    """
    destination = Path(destination)
    stem = Path(report.source).stem if report.source != "<frame>" else "extract"
    text = draft_config_text(
        report, project=project or destination.stem, source=source or stem, path=input_path
    )
    with atomic_path(destination) as temporary:
        temporary.write_text(text, encoding="utf-8")
    return destination


# -- one job for several extracts ----------------------------------------------------------

#: Match keys tried in order, each used when every token column it needs is in every source.
_MATCH_KEYS: tuple[tuple[str, tuple[str | tuple[str, str], ...]], ...] = (
    ("name_dob_postcode", ("forename", "surname", "date_of_birth", "postcode")),
    (
        "name_dob_district",
        ("forename", "surname", "date_of_birth", "postcode_district_date_of_birth_year"),
    ),
    (
        "phonetic_dob_district",
        (
            "surname_nysiis",
            "forename_initial_date_of_birth",
            "date_of_birth",
            "postcode_district_date_of_birth_year",
        ),
    ),
    ("name_swapped_dob", ("forename", "surname", ("date_of_birth_swapped", "date_of_birth"))),
    ("name_reversed_dob", (("forename", "surname"), ("surname", "forename"), "date_of_birth")),
    ("name_dob", ("forename", "surname", "date_of_birth")),
)  # fmt: skip
_BLOCKING = (
    ("date_of_birth",),
    ("surname_nysiis", "forename_nysiis"),
    ("forename_initial_postcode",),
    ("nhs_number",),
)
_COMPARED = (
    "nhs_number",
    "chi_number",
    "forename",
    "surname",
    "date_of_birth",
    "postcode",
    "sex",
    "address",
)
_TERM_FREQUENCY = ("forename", "surname", "postcode")
_DERIVED = {
    "forename": ("forename_soundex", "forename_nysiis"),
    "surname": ("surname_soundex", "surname_nysiis"),
    "date_of_birth": ("date_of_birth_swapped",),
}
#: Composite tokens (:mod:`safelink.normalise.composite`) -> the identifier kinds they need.
_COMPOSITE_KINDS = {
    "forename_initial_date_of_birth": ("forename", "date_of_birth"),
    "forename_initial_postcode": ("forename", "postcode"),
    "postcode_district_date_of_birth_year": ("postcode", "date_of_birth"),
}
# Header words that make a released column a suggested quasi-identifier.
_QUASI_WORDS = frozenset(
    {"age", "sex", "gender", "ethnicity", "ethnic", "date", "dob", "postcode", "district",
     "ward", "lsoa", "area", "admission", "start", "discharge", "year"}
)  # fmt: skip
_KEY_SHARE = 0.95  # a content column this distinct is a record key: kept out of the release


def _token_columns(report: ScanReport) -> dict[str, str]:
    """Token column -> identifier kind, for the identifiers the draft tokenises."""
    tokens: dict[str, str] = {}
    for profile in report.columns:
        f = profile.finding
        if f is not None and f.kind is not None and f.detected and f.subject == "person":
            base = str(f.kind)
            if base not in tokens:
                tokens[base] = base
                tokens.update(dict.fromkeys(_DERIVED.get(base, ()), base))
    for composite, kinds in _COMPOSITE_KINDS.items():
        if all(k in tokens for k in kinds):
            tokens[composite] = kinds[0]
    return tokens


def _link_section(common: set[str], sources: Sequence[str]) -> list[str]:
    """The ``link:`` section over the token columns every source has."""

    def has(column: str | tuple[str, str]) -> bool:
        return all(c in common for c in ((column,) if isinstance(column, str) else column))

    def written(column: str | tuple[str, str]) -> str:
        return column if isinstance(column, str) else f"{{{column[0]}: {column[1]}}}"

    lines = ["link:", "  # Built from the identifiers every source holds; review before use."]
    lines.append("  # true for a source that holds one record per person (one row per patient):")
    lines.append("  one_record_per_person:")
    lines += [f"    {source}: false" for source in sources]
    lines.append("  cascade:")
    partner = [c for c in ("date_of_birth", "surname") if c in common][:1]
    if "nhs_number" in common and partner:
        lines.append(f"    nhs_number_partner: [{partner[0]}]")
    keys = [(name, cols) for name, cols in _MATCH_KEYS if all(map(has, cols))]
    lines.append("    match_keys:" if keys else "    match_keys: []")
    for name, cols in keys:
        lines.append(f"      - name: {name}")
        lines.append(f"        columns: [{', '.join(map(written, cols))}]")
    compared = [c for c in _COMPARED if c in common]
    blocking = [rule for rule in _BLOCKING if all(c in common for c in rule)]
    enabled = len(compared) >= 2 and bool(blocking)
    lines += [
        "  probabilistic:",
        f"    enabled: {'true' if enabled else 'false'}",
        "    threshold: 0.98                 # match probability needed to link",
        f"    comparisons: [{', '.join(compared)}]",
        f"    term_frequency: [{', '.join(c for c in _TERM_FREQUENCY if c in common)}]",
        "    blocking:",
        *(f"      - [{', '.join(rule)}]" for rule in blocking),
    ]
    return lines


def _release_columns(
    reports: dict[str, ScanReport], frames: dict[str, pl.DataFrame]
) -> tuple[dict[str, dict[str, str]], dict[str, str], set[str]]:
    """Released columns (name -> {source: column}), how each is normalised, and record keys."""
    released: dict[str, dict[str, str]] = {}
    normalise: dict[str, str] = {}
    keys: set[str] = set()
    for source, report in reports.items():
        frame = frames[source]
        for profile in report.columns:
            f = profile.finding
            kind = f.kind if f is not None and f.detected and f.subject == "person" else None
            if kind is Identifier.SEX:
                released.setdefault("sex", {})[source] = profile.column
                normalise["sex"] = "sex"
                continue
            if kind is not None or profile.column in report.direct_columns:
                continue
            column = frame.get_column(profile.column)
            if column.len() and column.n_unique() >= _KEY_SHARE * column.len():
                keys.add(f"{source}.{profile.column}")
                continue
            released.setdefault(profile.column, {})[source] = profile.column
            if f is not None and f.entity == "DATE":
                normalise[profile.column] = "date"
    return released, normalise, keys


def _numeric(column: pl.Series) -> bool:
    """Whether every value reads as a number (CSV columns arrive as text)."""
    values = column.drop_nulls()
    if values.dtype.is_numeric():
        return True
    return values.len() > 0 and values.cast(pl.Float64, strict=False).null_count() == 0


def draft_job_text(
    reports: dict[str, ScanReport],
    frames: dict[str, pl.DataFrame],
    paths: dict[str, str],
    *,
    project: str,
    today: dt.date,
) -> str:
    """A runnable job for several extracts: sources, ``link:`` and a ``release:`` skeleton.

    Args:
        reports: source name -> its scan report.
        frames: source name -> its extract (for column cardinalities).
        paths: source name -> the extract's path as the config should write it.
        project: the project name (key files and the audit log are named after it).
        today: the release's reference date for ages (written out, never implied).

    Returns:
        The YAML text, every choice commented.
    """
    lines = [
        f"# Draft job written by `safelink scan` from {len(reports)} extracts on {today}.",
        "# Review every role, the link keys and the release before use. Keys:",
        f"#   safelink keys init --keys-dir keys --project {project}",
        f"#   safelink keys init-signing --keys-dir keys --project {project}",
        f"project: {_quote(project)}",
        f"key_file: {_quote('keys/' + project + '.key')}",
        f"audit_log: {_quote('audit/' + project + '.audit.jsonl')}",
        "sources:",
    ]
    tokens: dict[str, dict[str, str]] = {}
    for source, report in reports.items():
        body = draft_config_text(report, project=project, source=source, path=paths[source])
        lines += body.splitlines()[4:]  # the source's block, under this job's sources
        tokens[source] = _token_columns(report)
    undated = [
        s
        for s, t in tokens.items()
        if {"forename", "surname"} & set(t) and "date_of_birth" not in t
    ]
    if undated:  # names are keyed with the year of birth, which these sources lack
        lines += [
            "tokens:",
            f"  # no date of birth in {', '.join(undated)}: names keyed alone, so the linkage",
            "  # unit can recover common names from their frequencies (SECURITY.md, Tokens)",
            "  names_with_birth_year: false",
        ]
    common = set.intersection(*(set(t) for t in tokens.values()))
    lines += _link_section(common, list(reports))
    released, normalise, keys = _release_columns(reports, frames)
    suggested = [c for c in released if set(header_words(c)[0]) & _QUASI_WORDS]
    numeric = [
        c for c in suggested if all(_numeric(frames[s][col]) for s, col in released[c].items())
    ]  # fmt: skip
    # Numbers become bands and dates years; sex is kept (two or three codes). Other suggested
    # quasi-identifiers (ethnicity, areas) need a coarsening the operator chooses.
    dates = [c for c in suggested if normalise.get(c) == "date"]
    quasi = [c for c in suggested if c in numeric or c in dates or normalise.get(c) == "sex"]
    waiting = [c for c in suggested if c not in quasi]
    steps = [f"{{generalise: {_quote(c)}, to: age_band, width: 10, top: 90}}" for c in numeric]
    steps += [f"{{coarsen: {_quote(c)}, to: year}}" for c in dates]
    steps.append("{suppress: true}")
    lines += [
        "release:",
        "  recipient: research_team          # who receives this release: name them",
        f"  signing_key: {_quote('keys/' + project + '.signing.key')}",
        "  columns:",
    ]
    if keys:
        lines.append(f"    # left out as record keys (distinct per row): {', '.join(sorted(keys))}")
    for name, sources in released.items():
        spec = ", ".join(f"{_quote(s)}: {_quote(c)}" for s, c in sources.items())
        extra = f", normalise: {normalise[name]}" if name in normalise else ""
        lines.append(f"    {_quote(name)}: {{{spec}{extra}}}")
    lines += [
        "  disclosure:",
        "    profile: {name: tre, k: 5, max_suppression: 0.05}",
        f"    quasi_identifiers: [{', '.join(map(_quote, quasi))}]  # suggested: review",
        *(
            [f"    # also quasi-identifiers, once you choose a coarsening: {', '.join(waiting)}"]
            if waiting
            else []
        ),
        "    person: person",
        f"    numeric: [{', '.join(map(_quote, numeric))}]",
        f"    reference_date: {today.isoformat()}  # ages are computed at this date",
        "    transformations:",
        *(f"      - {step}" for step in steps),
        *_governance_template(list(reports), list(released)),
    ]
    return "\n".join(lines) + "\n"


def _governance_template(sources: Sequence[str], released: Sequence[str]) -> list[str]:
    """A commented ``governance:`` section: the IG lead's facts, never drafted as if known."""
    return [
        "# governance:  the IG lead's to write ('release' and 'run' refuse the job without it)",
        "#   purpose: why the data are shared, in plain words",
        '#   agreement: {id: DSA-..., ends: "YYYY-MM-DD"}',
        "#   recipient: research_team",
        f"#   permitted_columns: [{', '.join(map(_quote, released))}]",
        "#   owners:",
        "#     owner_id: {name: the controller's name, approval_key: kid_...}",
        "#   sources:",
        *(
            f"#     {_quote(s)}: {{owner: owner_id, lawful_basis: public_task, "
            "legal_gateway: the power that permits the sharing}"
            for s in sources
        ),
    ]


def write_draft_job(
    reports: dict[str, ScanReport],
    inputs: dict[str, Path],
    destination: Path | str,
    *,
    project: str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write one runnable job for several scanned extracts, atomically.

    Args:
        reports: source name -> its scan report.
        inputs: source name -> the extract's path.
        destination: the YAML file to write (paths in it are relative to its folder).
        project: the project name (default: the file's stem).
        today: the reference date (default: today).

    Returns:
        The destination path.

    Raises:
        InputError: an extract cannot be read.
        OutputError: the file cannot be written.
    """
    destination = Path(destination)
    folder = destination.resolve().parent
    frames = {name: read_frame(path) for name, path in inputs.items()}
    paths = {name: os.path.relpath(path.resolve(), folder) for name, path in inputs.items()}
    text = draft_job_text(
        reports, frames, paths, project=project or destination.stem, today=today or dt.date.today()
    )
    with atomic_path(destination) as temporary:
        temporary.write_text(text, encoding="utf-8")
    return destination
