"""pycanon's published expected values, reproduced on its own public data sets.

pycanon (Sainz-Pardo Diaz and Lopez Garcia, Scientific Data 2022) tests its measures on
``StudentsMath_Score`` (216 rows) and its 5-anonymous release; the expected values below are
copied from its ``tests/test_anonymity.py`` (commit 3561f35). Its metrics tests on the
3-anonymous adult release assert bounds only, so the figures for it are those pycanon 1.3.6
computed in a one-off run beside safelink (``PYCANON_ADULT``), plus bare polars group-bys.
The data are in ``data/`` with their licences. Where pycanon departs from the published
definition (enhanced beta, delta over held values only, ties in the classification metric),
the test says how, and reproduces pycanon's figure from safelink's measurements.
"""

from __future__ import annotations

import math
from pathlib import Path

import polars as pl
import pytest

from safelink.disclosure import (
    AlphaKAnonymity,
    BetaLikeness,
    DeltaDisclosure,
    Frame,
    ReleaseProfile,
    attribute_disclosure,
    check_frame,
    k_anonymity,
    l_diversity,
    risk,
    t_closeness,
    utility,
)

DATA = Path(__file__).parent / "data"
QUASI = ["Teacher", "Gender", "Ethnic", "Freeredu", "wesson"]


def _students(name: str = "students_math_score") -> pl.DataFrame:
    return pl.read_csv(DATA / f"{name}.csv")


def test_pycanon_students_raw_k_l_t_agree() -> None:
    data = _students()
    assert k_anonymity(data, QUASI).k == 1
    diversity = l_diversity(data, QUASI, ["Score"])["Score"]
    assert diversity.distinct == 1
    assert diversity.entropy == pytest.approx(1.0)
    assert t_closeness(data, QUASI, ["Score"])["Score"].t == pytest.approx(0.4165919952210274)


def test_pycanon_students_raw_alpha_k_is_1_1() -> None:
    data = _students()
    assert attribute_disclosure(data, QUASI, ["Score"])["Score"].alpha == 1.0
    assert k_anonymity(data, QUASI).k == 1  # pycanon: (1, 1)


def test_pycanon_students_k5_alpha_k_is_half_5() -> None:
    data = _students("students_math_score_k5")
    assert attribute_disclosure(data, QUASI, ["Score"])["Score"].alpha == 0.5
    assert k_anonymity(data, QUASI).k == 5  # pycanon: (0.5, 5)


def test_pycanon_students_raw_basic_beta_is_71() -> None:
    assert attribute_disclosure(_students(), QUASI, ["Score"])["Score"].beta == pytest.approx(71.0)


def test_pycanon_students_raw_delta_over_held_values_is_ln_72() -> None:
    # pycanon measures |ln(q / p)| over the values a class holds: 4.276666119016055 = ln 72.
    # The published definition (Brickell and Shmatikov) covers every value of the table, and
    # a class lacking one has q = 0: delta is infinite, as safelink's ``delta`` says.
    got = attribute_disclosure(_students(), QUASI, ["Score"])["Score"]
    assert got.delta_present == pytest.approx(4.276666119016055)
    assert math.isinf(got.delta)


def test_pycanon_students_raw_enhanced_beta_figure_and_why_it_is_not_met() -> None:
    # pycanon reports min(basic beta, -ln min p) = min(71, ln 216) = 5.375278407684164. By
    # Cao and Karras a gain must stay within min(beta, -ln p) for its own p: the class where
    # a value with p = 1/72 has q = 1 gains 71 > ln 72, so no beta is met (inf).
    data = _students()
    got = attribute_disclosure(data, QUASI, ["Score"])["Score"]
    smallest_p = data["Score"].value_counts()["count"].min() / data.height
    assert min(got.beta, -math.log(smallest_p)) == pytest.approx(5.375278407684164)
    assert math.isinf(got.enhanced_beta)
    profile = ReleaseProfile(name="tre", k=2, beta=5.375278407684164, beta_kind="enhanced")
    report = check_frame(Frame(data, quasi=QUASI, sensitive=["Score"]), profile=profile)
    enhanced = [v for v in report.verdicts if v.criterion.startswith("enhanced")]
    assert len(enhanced) == 1 and not enhanced[0].passed


def test_pycanon_students_k5_figures_are_floats_and_criteria_judge_them() -> None:
    # pycanon asserts only that beta, enhanced beta and delta are floats on the k5 release;
    # safelink's criteria judge the same figures
    data = _students("students_math_score_k5")
    got = attribute_disclosure(data, QUASI, ["Score"])["Score"]
    assert all(isinstance(v, float) for v in (got.beta, got.enhanced_beta, got.delta))
    frame = Frame(data, quasi=QUASI, sensitive=["Score"])
    profile = ReleaseProfile(name="tre", k=5, alpha=0.5, beta=got.beta, delta=100.0)
    verdicts = {v.criterion: v.passed for v in check_frame(frame, profile=profile).verdicts}
    assert verdicts[AlphaKAnonymity("Score", alpha=0.5, k=5).name]
    assert verdicts[BetaLikeness("Score", beta=got.beta).name]
    assert not verdicts[DeltaDisclosure("Score", delta=100.0).name]  # a class lacks a score


def _adult() -> pl.DataFrame:
    return pl.read_csv(DATA / "adult_anonymized_3.csv.gz", infer_schema=False)


ADULT_QUASI = ["age", "education", "occupation", "relationship", "sex", "native-country"]


def test_pycanon_adult_k3_reidentification_risk_per_class_and_per_record() -> None:
    # pycanon: smallest class 3, max_rir and average_rir within [0, 1/3]; its average_rir is
    # the mean over classes, safelink's per-record mean is J/n: both named, both checked
    # against a hand group-by
    data = _adult()
    sizes = data.group_by(ADULT_QUASI).len()["len"].cast(pl.Float64)
    got = risk(data, ADULT_QUASI)
    assert got.prosecutor_max == pytest.approx(1 / 3)
    assert got.prosecutor_mean_per_class == pytest.approx(float((1 / sizes).mean()), abs=1e-15)
    assert got.prosecutor_mean_per_record == pytest.approx(sizes.len() / data.height, abs=1e-15)
    assert 0 <= got.prosecutor_mean_per_record <= got.prosecutor_mean_per_class <= 1 / 3


ADULT_RAW_ROWS = 32_561  # UCI adult.data; pycanon's release kept 18,203 of them


def test_pycanon_adult_k3_class_sizes_as_pycanon_asserts() -> None:
    data = _adult()
    got = utility(data, ADULT_QUASI)
    assert got.k == 3  # pycanon: sizes_ec min_ec == 3
    assert got.classes <= data.height / 3  # pycanon: n_ec <= len / 3


def test_pycanon_adult_k3_utility_equals_hand_group_by() -> None:
    # pycanon's average_ecsize (sup=True), discernability_metric and classification_metric,
    # recomputed with bare polars group-bys (CM counts every row but one majority value,
    # where pycanon drops every tied maximum)
    data = _adult()
    target = "salary-class"
    sizes = data.group_by(ADULT_QUASI).len()["len"].cast(pl.Float64)
    suppressed = ADULT_RAW_ROWS - data.height
    per_value = data.group_by([*ADULT_QUASI, target]).len()
    majority = per_value.group_by(ADULT_QUASI).agg(pl.col("len").max())["len"].sum()
    got = utility(data, ADULT_QUASI, target=target, suppressed=suppressed)
    assert got.c_avg == pytest.approx(data.height / (sizes.len() * 3), rel=1e-15)
    assert got.discernibility == float((sizes**2).sum()) + suppressed * ADULT_RAW_ROWS
    cm = (data.height - majority + suppressed) / ADULT_RAW_ROWS
    assert got.classification_metric == pytest.approx(cm, rel=1e-12)
    for column in ADULT_QUASI:
        assert got.quasi_identifiers[column].distinct_after == data[column].n_unique()


# Figures pycanon 1.3.6 computed on the shipped adult release in a one-off run beside safelink
# (pycanon pins numpy 2.0 and pandas 2.3, so it cannot join this environment's test suite):
# alpha_k_anonymity, basic_beta_likeness, enhanced_beta_likeness, delta_disclosure,
# average_rir, average_ecsize (sup=True), discernability_metric and classification_metric
# with the data as their own raw (no suppression).
PYCANON_ADULT = {
    "alpha": 1.0,
    "k": 3,
    "basic_beta": 2.491177598772535,
    "enhanced_beta": 1.2502391001524518,
    "delta": 2.9206129677828674,
    "average_rir": 0.21766540099873902,
    "average_ecsize": 2.138761602631888,
    "discernability": 194183,
    "classification_metric": 0.13662583090699335,
}


def test_pycanon_adult_k3_every_measure_agrees_with_pycanon_run() -> None:
    data = _adult()
    target = "salary-class"
    got = attribute_disclosure(data, ADULT_QUASI, [target])[target]
    useful = utility(data, ADULT_QUASI, target=target)
    smallest_p = data[target].value_counts()["count"].min() / data.height
    assert got.alpha == PYCANON_ADULT["alpha"] and useful.k == PYCANON_ADULT["k"]
    assert got.beta == pytest.approx(PYCANON_ADULT["basic_beta"], rel=1e-14)
    assert min(got.beta, -math.log(smallest_p)) == pytest.approx(
        PYCANON_ADULT["enhanced_beta"], rel=1e-14
    )
    assert got.delta_present == pytest.approx(PYCANON_ADULT["delta"], rel=1e-14)
    assert risk(data, ADULT_QUASI).prosecutor_mean_per_class == pytest.approx(
        PYCANON_ADULT["average_rir"], rel=1e-14
    )
    assert useful.c_avg == pytest.approx(PYCANON_ADULT["average_ecsize"], rel=1e-14)
    assert useful.discernibility == PYCANON_ADULT["discernability"]
    # the published definitions: a gain above -ln p somewhere, and a class lacking a value
    assert math.isinf(got.enhanced_beta) and math.isinf(got.delta)


def test_pycanon_adult_k3_classification_metric_differs_only_by_ties() -> None:
    # pycanon adds every count that differs from the class's maximum, so a class whose two
    # values tie adds nothing; Iyengar's metric counts every row but one majority value's
    data = _adult()
    target = "salary-class"
    per = data.group_by([*ADULT_QUASI, target]).len()
    per = per.with_columns(pl.col("len").max().over(ADULT_QUASI).alias("top"))
    pycanon_rule = per.filter(pl.col("len") != pl.col("top"))["len"].sum() / data.height
    assert pycanon_rule == pytest.approx(PYCANON_ADULT["classification_metric"], rel=1e-14)
    got = utility(data, ADULT_QUASI, target=target).classification_metric
    assert got == pytest.approx(0.15849035873207712, rel=1e-12) and got > pycanon_rule
