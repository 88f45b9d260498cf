"""The release gates: the identifier scan and the disclosure check, as release and verify use them.

Both gates are small adapters over :mod:`safelink.detect` and :mod:`safelink.disclosure`, so
that the release bundle and the IG lead's :func:`~safelink.release.verify` apply exactly the
same tests.

The identifier gate refuses a release when:

* the detector classifies a column as a direct identifier (names and addresses are judged this
  way, by the share of sampled values that match);
* any value, in any column, holds an NHS, CHI or NI number, an email address or a phone number
  (:func:`safelink.detect.values.scan_values`: every value is read, and one is enough);
* any value holds a linkage-unit artefact: a run of 32 or more hex characters (the width of a
  token or a record id), raw bytes (a binary column: tokens files store tokens so) or a
  linkage person id (``psn_...``).

Its failures name the column, the kind and the count, never a value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from safelink.detect.values import ValueFinding, scan_values
from safelink.disclosure import DisclosureReport, check, parse_disclosure_config
from safelink.errors import ConfigError

#: A value containing one of these is a linkage-unit artefact (token, record id, person id).
TOKEN_PATTERN = r"[0-9A-Fa-f]{32,}"  # noqa: S105 - a pattern, not a secret
PERSON_ID_PATTERN = r"psn_[0-9a-f]{8,}"
SCAN_SAMPLE = 5_000


@dataclass(frozen=True, slots=True, kw_only=True)
class IdentifierGate:
    """The outcome of the identifier gate over a released table.

    Attributes:
        direct_columns: columns the detector found holding direct identifiers (not reviewed).
        token_columns: columns with values that look like linkage tokens or ids, and how many.
        identifier_values: per column and kind, how many values hold a direct identifier
            (NHS, CHI or NI number, email address, phone number).
        findings: the detector's per-column summary (no values, no examples).
        reviewed: the columns the IG lead reviewed and judged to identify no one, with the
            reasons (the release config's ``reviewed``).
        overruled: the reviewed columns the detector did flag: their findings overruled.
    """

    direct_columns: tuple[str, ...]
    token_columns: Mapping[str, int]
    identifier_values: tuple[ValueFinding, ...] = ()
    findings: Mapping[str, Any] = field(default_factory=dict)
    reviewed: Mapping[str, str] = field(default_factory=dict)
    overruled: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        """Whether nothing identifying remains."""
        return not (self.direct_columns or self.token_columns or self.identifier_values)

    def failures(self) -> list[str]:
        """One line per problem (column names, kinds and counts only)."""
        out = [f"direct identifier detected in column {c!r}" for c in self.direct_columns]
        out += [f.describe() for f in self.identifier_values]
        out += [
            f"{n} value(s) in column {c!r} look like linkage tokens or linkage-unit ids"
            for c, n in self.token_columns.items()
        ]
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        values: dict[str, dict[str, int]] = {}
        for finding in self.identifier_values:
            values.setdefault(finding.column, {})[finding.kind.value] = finding.values
        return {
            "passed": self.passed,
            "direct_columns": list(self.direct_columns),
            "token_columns": dict(self.token_columns),
            "identifier_values": values,
            "findings": dict(self.findings),
            "reviewed": dict(self.reviewed),
            "overruled": list(self.overruled),
        }


def token_like_columns(frame: pl.DataFrame) -> dict[str, int]:
    """Count, per column, the values that contain a token-like hex run or a person id.

    Every value of a binary column counts: raw bytes are how tokens files store tokens
    (tokens format 2), and no released column needs them.
    """
    out = {}
    pattern = f"(?:{TOKEN_PATTERN})|(?:{PERSON_ID_PATTERN})"
    for name, dtype in frame.schema.items():
        if dtype == pl.Binary:
            if count := frame.get_column(name).drop_nulls().len():
                out[name] = count
            continue
        if dtype not in (pl.String, pl.Categorical, pl.Enum):
            continue
        hits = int(frame.get_column(name).cast(pl.String).str.contains(pattern).sum() or 0)
        if hits:
            out[name] = hits
    return out


def identifier_gate(
    frame: pl.DataFrame,
    *,
    sample: int = SCAN_SAMPLE,
    skip: Sequence[str] = (),
    reviewed: Mapping[str, str] | None = None,
) -> IdentifierGate:
    """Run the identifier scan, the value scan and the linkage-token check over a release.

    Release and :func:`~safelink.release.verify` both call this, so they apply the same tests.

    Args:
        frame: the released table.
        sample: values sampled per column by the detector (the value scan and the token check
            read every value).
        skip: columns the detector does not classify (the pseudonym column, whose shape is
            known). The value scan and the token check still read them: a pseudonym is one
            run of hex, which neither can mistake for an identifier.
        reviewed: columns the IG lead reviewed and judged to identify no one, with the reasons:
            the detector's finding on them is overruled (and recorded); the value scan and the
            token check still read them.

    Returns:
        An :class:`IdentifierGate`; check ``passed``.
    """
    from safelink.detect import scan
    from safelink.release.manifest import finding_summary

    reviewed = dict(reviewed or {})
    unknown = sorted(set(reviewed) - set(frame.columns))
    if unknown:  # before the scan, the gate's costly part
        raise ConfigError(
            [
                f"release.reviewed names column(s) {unknown} that the release does not hold "
                f"(it holds {frame.columns}); name released columns, or remove the entries."
            ]
        )
    judged = frame.drop([c for c in skip if c in frame.columns])
    report = scan(judged, sample=sample) if judged.width else None
    summary = finding_summary(report) if report is not None else {}
    flagged = tuple(report.direct_columns) if report is not None else ()
    return IdentifierGate(
        direct_columns=tuple(c for c in flagged if c not in reviewed),
        token_columns=token_like_columns(frame),
        identifier_values=tuple(scan_values(frame)),
        findings=summary,
        reviewed=reviewed,
        overruled=tuple(c for c in flagged if c in reviewed),
    )


def check_config_document(config: Any) -> dict[str, Any]:
    """The part of a disclosure config needed to re-check released data (for the manifest).

    Transformations, hierarchies, numeric casts and dropped columns are left out: they have
    already been applied, and the released data are measured as they are.
    """
    return {
        "profile": config.profile.to_dict(),
        "quasi_identifiers": list(config.quasi_identifiers),
        "sensitive": list(config.sensitive),
        "person": config.person,
        "missing": config.missing,
        "ordered": {k: list(v) for k, v in config.ordered.items()},
    }


def disclosure_gate(data: pl.DataFrame, check_document: Mapping[str, Any]) -> DisclosureReport:
    """Check released data against the profile recorded in a manifest.

    Raises:
        ConfigError: the recorded check config is invalid.
        InputError: the data do not have the columns it names.
    """
    if not isinstance(check_document, Mapping):
        raise ConfigError(["disclosure.check_config must be a mapping"], "manifest.json")
    config = parse_disclosure_config(dict(check_document), source="manifest.json")
    return check(data, config)
