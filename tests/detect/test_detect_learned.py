"""The learned second opinion: shipped weights, determinism, and a finding the rules miss.

The leave-one-corpus-out figures that justify it come from ``benchmarks/bench_column_model.py``
(in the README); retraining the shipped weights takes about 90 s, so it is not a test here.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import numpy as np
import polars as pl
import pytest
import typer
from typer.testing import CliRunner

from safelink.cli.scan import register
from safelink.detect import ClassifySettings, scan
from safelink.detect.column_features import FEATURE_NAMES, column_features
from safelink.detect.columns import describe_column
from safelink.detect.draft import draft_config_text
from safelink.detect.learned import (
    LEARNED_ENTITY,
    fit_column_model,
    load_column_model,
    model_from_json,
)
from safelink.errors import VerificationError

ROWS = 2_000
# Surnames built from syllables: none in the detector's lists or any corpus.
_SYLLABLES = ["ka", "lo", "mi", "ren", "tor", "vas", "bel", "dun", "fra", "gil", "hop", "jex"]
_SURNAMES = [(a + b + c).capitalize() for a, b, c in itertools.product(_SYLLABLES, repeat=3)]


def _guardian_surnames(seed: int = 5) -> list[str | None]:
    """A carer's surnames with a note of the arrangement, mostly blank (a sparse form field)."""
    rng = random.Random(seed)
    # "- Respite" in capitals: a lower-case note after a dash is cut as a name's annotation
    # (round 11), and the rules would then find the column themselves.
    notes = [" (foster carer)", " - Respite", " (kinship)"]
    return [
        None if rng.random() < 0.8 else rng.choice(_SURNAMES) + rng.choice(notes)
        for _ in range(ROWS)
    ]


def _frame() -> pl.DataFrame:
    rng = random.Random(9)
    return pl.DataFrame(
        {
            "guardian_surname": _guardian_surnames(),
            "clinic_code": [rng.choice(["A1", "B2", "C3", "D4"]) for _ in range(ROWS)],
            "length_of_stay": [str(rng.randint(0, 60)) for _ in range(ROWS)],
        }
    )


def test_learned_shipped_weights_load_for_this_versions_features() -> None:
    model = load_column_model()
    assert model.features == FEATURE_NAMES
    assert 0.0 < model.threshold < 1.0
    assert set(model.trained_on) == {"dev", *(f"heldout{n}" for n in ("", 2, 3, 4, 5, 6, 7))}
    assert np.all(np.isfinite(model.weights)) and np.all(model.scale > 0)


def test_learned_weights_for_other_features_refused() -> None:
    data = json.loads(load_column_model().to_json())
    data["features"] = data["features"][:-1]
    with pytest.raises(VerificationError, match="retrain"):
        model_from_json(json.dumps(data))
    with pytest.raises(VerificationError, match="unreadable"):
        model_from_json("{not json")


def test_learned_fit_is_deterministic_and_round_trips_through_json() -> None:
    rng = np.random.default_rng(3)
    features = rng.random((200, len(FEATURE_NAMES)))
    direct = features[:, 0] + 0.3 * rng.random(200) > 0.6
    first = fit_column_model(features, direct, l2=5.0)
    second = fit_column_model(features, direct, l2=5.0)
    assert first.to_json() == second.to_json()
    reloaded = model_from_json(first.to_json())
    assert np.array_equal(reloaded.probability(features), first.probability(features))
    # It learned the planted signal: the first feature separates the classes.
    accuracy = np.mean((first.probability(features) >= 0.5) == direct)
    assert accuracy > 0.9


def test_learned_features_are_deterministic_and_keep_no_value() -> None:
    values = pl.Series("guardian_surname", _guardian_surnames())
    settings = ClassifySettings(sample=1_000)
    _, one = describe_column("guardian_surname", values, settings)
    _, two = describe_column("guardian_surname", values, settings)
    assert one.shape == (len(FEATURE_NAMES),) and one.dtype == np.float64
    assert np.array_equal(one, two)
    # Every feature is a share, length or count scaled to a small range, never a value.
    assert np.all(np.abs(one) <= 10.0)


def test_learned_flags_a_column_the_rules_miss_with_its_reason() -> None:
    frame = _frame()
    rules = scan(frame, learned=False)
    both = scan(frame)
    # No rule names the column; without the model only the review of unplaced columns holds
    # it (names shaped like people's, no rule placed them).
    held = rules.columns[0].finding
    assert held is not None and "no rule placed them" in held.evidence[0]
    assert both.direct_columns == ("guardian_surname",)
    finding = both.columns[0].finding
    assert finding is not None
    assert finding.entity == LEARNED_ENTITY and finding.direct and finding.kind is None
    assert finding.confidence == "medium"
    assert finding.evidence[0].startswith(
        "learned classifier: looks like a direct identifier column, p="
    )
    assert finding.evidence[0].endswith("; review")
    assert "the header suggests SURNAME" in finding.evidence
    assert finding.examples == ()  # the model shows no value, masked or not
    # The other columns keep the rules' findings.
    assert [p.finding for p in both.columns[1:]] == [p.finding for p in rules.columns[1:]]


def test_learned_finding_dropped_for_review_in_a_drafted_config() -> None:
    text = draft_config_text(scan(_frame()), project="demo", source="extract", path=None)
    line = next(x for x in text.splitlines() if "guardian_surname" in x)
    assert "{role: drop}" in line and "learned classifier" in line and "review" in line


def test_learned_not_asked_about_a_handful_of_values() -> None:
    frame = pl.DataFrame({"guardian_surname": [s for s in _guardian_surnames() if s][:10]})
    assert scan(frame).columns == scan(frame, learned=False).columns


def test_learned_features_of_an_empty_sample_are_finite() -> None:
    empty = pl.Series("x", [], dtype=pl.String)
    vector = column_features("x", empty, non_empty=0, rows=5, finding=None, free_text=False,
                             text_rows=0)  # fmt: skip
    assert vector.shape == (len(FEATURE_NAMES),) and np.all(np.isfinite(vector))


def test_learned_cli_option_turns_the_opinion_off(tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)

    @app.callback()
    def _root() -> None:
        """Test root so `scan` stays a subcommand."""

    path = tmp_path / "extract.csv"
    _frame().write_csv(path)
    runs = {
        flag: CliRunner().invoke(app, ["scan", str(path), "--format", "json", flag])
        for flag in ("--learned", "--no-learned")
    }
    assert all(r.exit_code == 0 for r in runs.values()), [r.output for r in runs.values()]
    reports = {flag: json.loads(run.stdout) for flag, run in runs.items()}
    evidence = {flag: r["columns"][0]["finding"]["evidence"][0] for flag, r in reports.items()}
    assert evidence["--learned"].startswith("learned classifier")
    assert not evidence["--no-learned"].startswith("learned classifier")
    assert [r["settings"]["learned"] for r in reports.values()] == [True, False]


def test_scan_report_records_whether_the_learned_opinion_was_asked():
    # An IG lead reading a scan report can tell which judgement produced its findings.
    frame = pl.DataFrame({"surname": ["Okafor", "Nowak", "Tran"] * 10})
    assert scan(frame, sample=30).settings["learned"] is True
    assert scan(frame, sample=30, learned=False).settings["learned"] is False
