"""``--draft-config``: a job config with each column's detected role, for review.

Every column gets a role and a comment saying why (entity, share, confidence), so the
operator reviews a filled-in file instead of writing one. Free text with identifiers is
dropped (redact it with ``--redact-to`` to keep it); other columns are content.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from safelink.detect.findings import ScanReport
from safelink.identifiers import Identifier
from safelink.io import atomic_path

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
