"""Privacy models as criteria: each one's verdicts, and check, search and suppression agreeing."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safelink.disclosure import (
    AgeHierarchy,
    AlphaKAnonymity,
    BetaLikeness,
    ClassTable,
    Criterion,
    DeltaDisclosure,
    DistinctL,
    EntropyL,
    Frame,
    KAnonymity,
    Measurements,
    ProsecutorRiskCap,
    RecursiveCL,
    ReleaseProfile,
    SensitiveAttributeRequired,
    TableHierarchy,
    TCloseness,
    anonymise,
    attribute_disclosure,
    builtin_profile,
    check,
    check_frame,
    k_anonymity,
    l_diversity,
    minimal_generalisation,
    parse_disclosure_config,
    risk,
    t_closeness,
)
from safelink.disclosure.equivalence import prepare
from safelink.errors import DisclosureRiskError, InputError

# -- each criterion on a hand-made table -----------------------------------------------------
#
# class a: s = x, x, x, y   distinct 2, entropy l = exp(H(3/4, 1/4)) = 1.755, r1/r2 = 3
# class b: s = x, y, z, z   distinct 3, entropy l = exp(H(1/4, 1/4, 1/2)) = 2.828, r1/tail = 1
# whole table: x 4, y 2, z 2 -> p = (1/2, 1/4, 1/4); equal-distance EMD of a and b: 0.25 each
HAND = pl.DataFrame({"q": ["a"] * 4 + ["b"] * 4, "s": list("xxxyxyzz")})


def _measured(data: pl.DataFrame, criterion: Criterion) -> Measurements:
    quasi, sensitive = ["q"], [c for c in data.columns if c not in ("q", "pid")]
    l_param = getattr(criterion, "l", 2)
    return Measurements(
        k=k_anonymity(data, quasi),
        l=l_diversity(data, quasi, sensitive, l=l_param),
        t=t_closeness(data, quasi, sensitive),
        risk=risk(data, quasi),
        attribute_disclosure=attribute_disclosure(data, quasi, sensitive),
    )


def _violating_classes(data: pl.DataFrame, criterion: Criterion) -> list[str]:
    table = ClassTable.of_frame(prepare(data, ["q"], sensitive=["s"]), ["q"])
    return sorted(table.classes.filter(criterion.violations(table))["q"].to_list())


@pytest.mark.parametrize(
    ("criterion", "value", "failing", "message"),
    [
        (KAnonymity(4), 4, [], None),
        (
            KAnonymity(5),
            4,
            ["a", "b"],
            "k-anonymity: smallest class has 4 rows; the profile needs 5",
        ),
        (DistinctL("s", 2), 2, [], None),
        (DistinctL("s", 3), 2, ["a"], "l-diversity (distinct) of 's' is below 3"),
        (EntropyL("s", 1), 1.755, [], None),
        (EntropyL("s", 2), 1.755, ["a"], "l-diversity (entropy) of 's' is below 2"),
        (RecursiveCL("s", c=4.0, l=2), 3.0, [], None),
        (RecursiveCL("s", c=2.0, l=2), 3.0, ["a"], "l-diversity (recursive) of 's' is below 2"),
        (TCloseness("s", t=0.25), 0.25, [], None),
        (
            TCloseness("s", t=0.2),
            0.25,
            ["a", "b"],
            "t-closeness of 's' is 0.2500; the profile allows 0.2",
        ),
        (ProsecutorRiskCap(0.25), 0.25, [], None),
        (
            ProsecutorRiskCap(0.2),
            0.25,
            ["a", "b"],
            "prosecutor risk: highest is 0.250; the profile allows 0.200",
        ),
        # shares: a x 3/4; b z 2/4. gains (q - p) / p: a x 0.5; b z 1.0. b holds every value
        # (|ln(q / p)| <= ln 2); a lacks z, so its |ln(q / p)| is infinite
        (AlphaKAnonymity("s", alpha=0.75, k=4), 0.75, [], None),
        (
            AlphaKAnonymity("s", alpha=0.7, k=4),
            0.75,
            ["a"],
            "(alpha, k)-anonymity of 's': a value makes up 75.0% of a class; the profile "
            "allows 70.0%",
        ),
        (
            AlphaKAnonymity("s", alpha=0.9, k=5),
            0.75,
            ["a", "b"],
            "(alpha, k)-anonymity of 's' (alpha=0.9, k=5): smallest class has 4 rows; the "
            "profile needs 5",
        ),
        (BetaLikeness("s", beta=1.0), 1.0, [], None),
        (
            BetaLikeness("s", beta=0.6),
            1.0,
            ["b"],
            "basic beta-likeness of 's' needs beta 1.0000; the profile allows 0.6",
        ),
        (BetaLikeness("s", beta=1.0, enhanced=True), 1.0, [], None),
        (
            BetaLikeness("s", beta=0.6, enhanced=True),
            1.0,
            ["b"],
            "enhanced beta-likeness of 's' needs beta 1.0000; the profile allows 0.6",
        ),
        (
            DeltaDisclosure("s", delta=5.0),
            math.inf,
            ["a"],
            "delta-disclosure of 's' is infinite (a class lacks a value); the profile needs "
            "below 5.0",
        ),
    ],
    ids=lambda value: value.name if isinstance(value, Criterion) else None,
)
def test_criterion_hand_made_table_verdict_and_violating_classes(
    criterion: Criterion, value: float, failing: list[str], message: str | None
) -> None:
    verdict = criterion.evaluate(_measured(HAND, criterion))
    assert verdict.passed is (message is None)
    assert verdict.message == message
    assert verdict.value == pytest.approx(value, abs=1e-3)
    assert _violating_classes(HAND, criterion) == failing


def test_t_closeness_ordered_hand_made_table_nearest_and_farthest_classes() -> None:
    # values 1,2,3 overall (1/3 each); class a = {1,1}: EMD 0.5; b = {2,2}: 1/3; c = {3,3}: 0.5
    data = pl.DataFrame({"q": list("aabbcc"), "s": [1, 1, 2, 2, 3, 3]})
    loose, tight = TCloseness("s", t=0.5, ordered=True), TCloseness("s", t=0.4, ordered=True)
    assert loose.evaluate(_measured(data, loose)).passed
    assert not tight.evaluate(_measured(data, tight)).passed
    assert _violating_classes(data, tight) == ["a", "c"]


def test_t_closeness_distance_unlike_measured_fails_with_fix() -> None:
    # a numeric attribute is measured with the ordered distance; an equal-distance criterion
    # would judge a figure it did not ask for
    data = pl.DataFrame({"q": list("aabb"), "s": [1, 2, 1, 2]})
    verdict = TCloseness("s", t=0.5).evaluate(_measured(data, TCloseness("s", t=0.5)))
    assert not verdict.passed and verdict.message and "ordered distance" in verdict.message


def test_criteria_bad_parameters_input_error() -> None:
    for make in (
        lambda: KAnonymity(0),
        lambda: DistinctL("s", 0),
        lambda: RecursiveCL("s", c=0.0, l=2),
        lambda: TCloseness("s", t=1.5),
        lambda: TCloseness("s", t=0.2, order=("a", "b")),
        lambda: ProsecutorRiskCap(0.0),
        lambda: AlphaKAnonymity("s", alpha=0.0, k=2),
        lambda: AlphaKAnonymity("s", alpha=1.5, k=2),
        lambda: AlphaKAnonymity("s", alpha=0.5, k=0),
        lambda: BetaLikeness("s", beta=0.0),
        lambda: BetaLikeness("s", beta=math.inf),
        lambda: DeltaDisclosure("s", delta=-1.0),
        lambda: DeltaDisclosure("s", delta=True),
    ):
        with pytest.raises(InputError):
            make()


def test_criteria_monotonic_flags_as_documented() -> None:
    assert KAnonymity.monotonic and DistinctL.monotonic and ProsecutorRiskCap.monotonic
    assert not (EntropyL.monotonic or RecursiveCL.monotonic or TCloseness.monotonic)
    assert TCloseness.compares_with_table and not KAnonymity.compares_with_table
    assert not (AlphaKAnonymity.monotonic or BetaLikeness.monotonic or DeltaDisclosure.monotonic)
    assert BetaLikeness.compares_with_table and DeltaDisclosure.compares_with_table
    assert not AlphaKAnonymity.compares_with_table


def test_entropy_l_person_view_merged_class_fails_though_both_parts_pass() -> None:
    # why EntropyL is not monotonic here: p1 (x) and p2 (y) in class a, p1 (x) and p3 (y) in
    # class b; merged, a person counts once per value: x once, y twice -> entropy l 1.89
    parts = pl.DataFrame({"q": list("aabb"), "s": list("xyxy"), "pid": ["p1", "p2", "p1", "p3"]})
    merged = parts.with_columns(pl.lit("ab").alias("q"))
    criterion = EntropyL("s", 2)
    for data, failing in ((parts, []), (merged, ["ab"])):
        table = ClassTable.of_frame(
            prepare(data, ["q"], sensitive=["s"], person="pid"), ["q"], person="pid"
        )
        assert table.classes.filter(criterion.violations(table))["q"].to_list() == failing


# -- profiles as lists of criteria ------------------------------------------------------------


def test_release_profile_criteria_tre_is_k_and_risk_cap() -> None:
    criteria = builtin_profile("tre").criteria_for(["diagnosis"])
    assert criteria == (KAnonymity(5), ProsecutorRiskCap(0.2))


def test_release_profile_criteria_every_model_per_sensitive_attribute_in_order() -> None:
    config = parse_disclosure_config(
        {
            "profile": {"name": "tre", "k": 4, "l": 3, "l_kind": "recursive", "c": 2, "t": 0.3},
            "quasi_identifiers": ["age"],
            "sensitive": ["diagnosis", "stay", "severity"],
            "numeric": ["stay"],
            "ordered": {"severity": ["low", "high"]},
            "person": "pid",
        }
    )
    assert config.profile.criteria(config) == (
        KAnonymity(4),
        RecursiveCL("diagnosis", c=2.0, l=3),
        RecursiveCL("stay", c=2.0, l=3),
        RecursiveCL("severity", c=2.0, l=3),
        TCloseness("diagnosis", t=0.3),
        TCloseness("stay", t=0.3, ordered=True),
        TCloseness("severity", t=0.3, ordered=True, order=("low", "high")),
        ProsecutorRiskCap(0.25),
    )


def test_release_profile_criteria_l_and_t_without_sensitive_never_met() -> None:
    profile = ReleaseProfile(name="tre", l=2, t=0.2, max_prosecutor_risk=0.1)
    criteria = profile.criteria_for([])
    assert criteria == (
        KAnonymity(5),
        SensitiveAttributeRequired("l-diversity"),
        SensitiveAttributeRequired("t-closeness"),
        ProsecutorRiskCap(0.1),
    )
    report = check_frame(Frame(HAND.rename({"s": "other"}), quasi=["q"]), profile=profile)
    assert report.failures == (
        "k-anonymity: smallest class has 4 rows; the profile needs 5",
        "l-diversity: the profile needs sensitive attributes; none are named",
        "t-closeness: the profile needs sensitive attributes; none are named",
        "prosecutor risk: highest is 0.250; the profile allows 0.100",
    )


def test_check_frame_verdicts_one_per_criterion_failures_in_profile_order() -> None:
    profile = ReleaseProfile(name="tre", k=4, l=3, t=0.2)
    report = check_frame(Frame(HAND, quasi=["q"], sensitive=["s"]), profile=profile)
    assert [v.criterion for v in report.verdicts] == [c.name for c in profile.criteria_for(["s"])]
    assert [v.passed for v in report.verdicts] == [True, False, False, True]
    assert report.failures == tuple(v.message for v in report.verdicts if not v.passed)
    assert "verdicts" not in report.to_dict()  # the report's JSON is unchanged


# -- today's bug: the search enforced k (and distinct l) only --------------------------------

QUASI = ["age", "sex", "eth"]
HIER = {
    "age": AgeHierarchy(),
    "sex": TableHierarchy(name="sex", table={"sex": ("F", "M")}),
    "eth": TableHierarchy(name="eth", table={"eth": tuple("ABCDEF"), "grp": tuple("XXXYYY")}),
}


def _patients(rows: int = 600, seed: int = 7) -> pl.DataFrame:
    """Diagnosis follows age: the young mostly J45, the old mostly I10, some E11 throughout."""
    rng = np.random.default_rng(seed)
    age = rng.integers(0, 100, rows)
    sex = rng.choice(["F", "M"], rows)
    eth = rng.choice(list("ABCDEF"), rows)
    diagnosis = np.where(rng.random(rows) < age / 100, "I10", "J45")
    diagnosis = np.where(rng.random(rows) < 0.15, "E11", diagnosis)
    return pl.DataFrame({"age": age, "sex": sex, "eth": eth, "diagnosis": diagnosis})


def _search_config(profile: dict[str, Any]) -> Any:
    config = parse_disclosure_config(
        {
            "profile": {"name": "tre", "max_suppression": 0.05, **profile},
            "quasi_identifiers": QUASI,
            "sensitive": ["diagnosis"],
            "search": {"metric": "entropy"},
        }
    )
    return dataclasses.replace(config, hierarchies={k: HIER[k] for k in ("sex", "eth")})


def _released(data: pl.DataFrame, levels: dict[str, str], **frame: Any) -> Frame:
    out = Frame(data, quasi=QUASI, sensitive=["diagnosis"], **frame)
    for column, level in levels.items():
        if level != HIER[column].levels[0]:
            out = out.generalise(column, to=level, hierarchy=HIER[column])
    return out


def _recheck(data: pl.DataFrame, config: Any) -> Any:
    return check(data, dataclasses.replace(config, search=None))


@pytest.mark.parametrize(
    ("profile", "old_levels", "old_failure"),
    [
        # the old search enforced k=5 only and chose 10-year bands, sex removed (3 rows
        # suppressed): a class there is 0.5745 from the whole table's diagnoses
        (
            {"k": 5, "t": 0.15},
            {"age": "band10", "sex": "*", "eth": "eth"},
            "t-closeness of 'diagnosis' is 0.5745; the profile allows 0.15",
        ),
        # it enforced entropy l as distinct l, counted 28 rows of single-diagnosis classes as
        # suppressed, and anonymise then suppressed only the classes under k
        (
            {"k": 5, "l": 2, "l_kind": "entropy"},
            {"age": "band10", "sex": "*", "eth": "eth"},
            "l-diversity (entropy) of 'diagnosis' is below 2",
        ),
        # it ignored the risk cap: classes of 3 persons carry risk 1/3
        (
            {"k": 3, "max_prosecutor_risk": 0.1},
            {"age": "band10", "sex": "sex", "eth": "eth"},
            "prosecutor risk: highest is 0.333; the profile allows 0.100",
        ),
    ],
    ids=["t-closeness", "entropy-l", "risk-cap"],
)
def test_anonymise_search_profile_beyond_k_choice_passes_check(
    profile: dict[str, Any], old_levels: dict[str, str], old_failure: str
) -> None:
    data, config = _patients(), _search_config(profile)
    # what the old search chose: the least-lossy node for k (and distinct l) alone
    old_target: dict[str, Any] = {"k": profile["k"]}
    if "l" in profile:
        old_target.update(l=profile["l"], sensitive="diagnosis")
    old = minimal_generalisation(data, HIER, max_suppression=0.05, **old_target)
    assert dict(old.best.levels) == old_levels
    old_release = _released(data, old_levels).suppress(profile["k"]).to_polars()
    assert old_failure in _recheck(old_release, config).failures

    result = anonymise(data, config)
    assert result.report.passed, result.report.failures
    assert result.search is not None and dict(result.search.best.levels) != old_levels
    assert _recheck(result.data, config).passed


def test_anonymise_search_distinct_l_suppresses_the_classes_the_search_counted() -> None:
    # the old search counted classes under l as suppressed, but anonymise suppressed only
    # those under k, so a distinct-l profile could fail its own search's choice
    data = _patients()
    config = _search_config({"k": 2, "l": 2, "max_suppression": 0.2})
    result = anonymise(data, config)
    assert result.report.passed, result.report.failures
    assert result.search is not None
    suppressed = sum(t.rows_suppressed for t in result.report.transformations)
    assert suppressed == result.search.best.suppressed_rows > 0


def test_anonymise_search_several_sensitive_attributes_every_criterion_met() -> None:
    data = _patients().with_columns(
        (pl.col("age") % 7).alias("stay"), pl.col("eth").alias("eth_sensitive")
    )
    config = parse_disclosure_config(
        {
            "profile": {"name": "tre", "k": 4, "l": 2, "t": 0.35, "max_suppression": 0.1},
            "quasi_identifiers": QUASI,
            "sensitive": ["diagnosis", "stay", "eth_sensitive"],
            "search": {"metric": "entropy"},
        }
    )
    config = dataclasses.replace(config, hierarchies={k: HIER[k] for k in ("sex", "eth")})
    result = anonymise(data, config)
    assert result.report.passed, result.report.failures
    names = [v.criterion for v in result.report.verdicts]
    assert names == [
        "k-anonymity (k=4)",
        "distinct l-diversity of 'diagnosis' (l=2)",
        "distinct l-diversity of 'stay' (l=2)",
        "distinct l-diversity of 'eth_sensitive' (l=2)",
        "t-closeness of 'diagnosis' (t=0.35, equal)",
        "t-closeness of 'stay' (t=0.35, ordered)",
        "t-closeness of 'eth_sensitive' (t=0.35, equal)",
        "prosecutor risk <= 0.250",
    ]
    assert result.search is not None
    assert result.search.target["criteria"] == names
    assert all(t.t <= 0.35 + 1e-12 for t in result.report.t.values())


def test_minimal_generalisation_unmeasurable_criterion_input_error() -> None:
    data = _patients(60)
    for criteria, fragment in (
        ([KAnonymity(2), SensitiveAttributeRequired("l-diversity")], "needs sensitive"),
        ([KAnonymity(2), TCloseness("diagnosis", t=0.3, ordered=True)], "give its values"),
        ([KAnonymity(2), TCloseness("age", t=0.3)], "ordered distance"),
    ):
        with pytest.raises(InputError, match=fragment):
            minimal_generalisation(data, {"sex": HIER["sex"]}, criteria=criteria)
    with pytest.raises(InputError, match="not both"):
        minimal_generalisation(data, HIER, criteria=[KAnonymity(2)], k=3)


def test_minimal_generalisation_unreachable_criteria_named_in_risk_error() -> None:
    # three diagnoses cannot make four distinct values, however coarse the levels
    with pytest.raises(DisclosureRiskError, match=r"k=2\), distinct l-diversity of 'diagnosis'"):
        minimal_generalisation(
            _patients(200), HIER, criteria=[KAnonymity(2), DistinctL("diagnosis", 4)]
        )


def test_frame_suppress_criteria_named_in_record_k_only_record_unchanged() -> None:
    frame = Frame(HAND, quasi=["q"], sensitive=["s"])
    assert "criteria" not in frame.suppress(2).transformations[-1].parameters
    out = frame.suppress(2, criteria=[DistinctL("s", 3)])
    step = out.transformations[-1]
    assert step.rows_suppressed == 4 and step.parameters["criteria"] == [
        "distinct l-diversity of 's' (l=3)"
    ]
    assert out.to_polars()["q"].unique().to_list() == ["b"]


def test_frame_suppress_t_closeness_looks_again_at_the_table_left() -> None:
    # suppressing the far class moves the whole table's distribution: the rest is measured
    # against what is left, so the result passes the check
    data = pl.DataFrame({"q": list("aaaabbbbcccc"), "s": list("xxxxxyxyyyyy")})
    criterion = TCloseness("s", t=0.3)
    out = Frame(data, quasi=["q"], sensitive=["s"]).suppress(2, criteria=[criterion])
    report = check_frame(out, profile=ReleaseProfile(name="tre", k=2, t=0.3))
    assert report.passed, report.failures


# -- properties: the two views agree; the search's choice always passes the check -------------

_VALUES = st.sampled_from(["x", "y", "z", None])


@st.composite
def _tables(draw: st.DrawFn) -> pl.DataFrame:
    rows = draw(st.integers(4, 40))
    column = st.lists
    return pl.DataFrame(
        {
            "q": draw(column(st.sampled_from(["a", "b", "c", None]), min_size=rows, max_size=rows)),
            "r": draw(column(st.sampled_from([1, 2]), min_size=rows, max_size=rows)),
            "s": draw(column(_VALUES, min_size=rows, max_size=rows)),
            "n": draw(column(st.integers(0, 5), min_size=rows, max_size=rows)),
            "pid": draw(column(st.integers(0, rows // 2), min_size=rows, max_size=rows)),
        }
    )


_CRITERIA = st.one_of(
    st.builds(KAnonymity, st.integers(1, 6)),
    st.builds(DistinctL, st.just("s"), st.integers(1, 4)),
    st.builds(EntropyL, st.just("s"), st.integers(1, 3)),
    st.builds(RecursiveCL, st.just("s"), st.sampled_from([1.0, 1.5, 3.0]), st.integers(1, 3)),
    st.builds(TCloseness, st.just("s"), st.sampled_from([0.0, 0.1, 0.3, 0.6])),
    st.builds(TCloseness, st.just("n"), st.sampled_from([0.1, 0.3]), st.just(True)),
    st.builds(ProsecutorRiskCap, st.sampled_from([0.2, 0.34, 0.5, 1.0])),
    st.builds(
        AlphaKAnonymity, st.just("s"), st.sampled_from([0.34, 0.5, 0.75, 1.0]), st.integers(1, 3)
    ),
    st.builds(
        BetaLikeness, st.sampled_from(["s", "n"]), st.sampled_from([0.5, 1.0, 3.0]), st.booleans()
    ),
    st.builds(DeltaDisclosure, st.sampled_from(["s", "n"]), st.sampled_from([0.5, 1.0, 2.0])),
)


@settings(max_examples=150, deadline=None)
@given(
    data=_tables(),
    criterion=_CRITERIA,
    person=st.sampled_from([None, "pid"]),
    missing=st.sampled_from(["value", "wildcard"]),
)
def test_criterion_any_table_passes_exactly_when_no_class_violates(
    data: pl.DataFrame, criterion: Criterion, person: str | None, missing: str
) -> None:
    quasi, sensitive = ["q", "r"], ["s", "n"]
    kwargs: dict[str, Any] = {"person": person, "missing": missing}
    measured = Measurements(
        k=k_anonymity(data, quasi, **kwargs),
        l=l_diversity(data, quasi, sensitive, l=getattr(criterion, "l", 2), **kwargs),
        t=t_closeness(data, quasi, sensitive, **kwargs),
        risk=risk(data, quasi, **kwargs),
        attribute_disclosure=attribute_disclosure(data, quasi, sensitive, **kwargs),
    )
    table = ClassTable.of_frame(
        prepare(data, quasi, sensitive=sensitive, **kwargs), quasi, **kwargs
    )
    violating = criterion.violations(table)
    assert criterion.evaluate(measured).passed is (not violating.any())


@settings(max_examples=100, deadline=None)
@given(
    data=_tables(),
    criterion=st.sampled_from(
        [
            KAnonymity(2),
            KAnonymity(4),
            DistinctL("s", 2),
            DistinctL("s", 3),
            ProsecutorRiskCap(0.34),
        ]
    ),
    person=st.sampled_from([None, "pid"]),
)
def test_monotonic_criterion_merged_class_passes_when_a_part_passes(
    data: pl.DataFrame, criterion: Criterion, person: str | None
) -> None:
    # generalising r away merges (q, 1) and (q, 2): no passing record may become suppressed
    coarse = data.with_columns(pl.lit("*").alias("r"))
    passing = []
    for frame in (data, coarse):
        prepared = prepare(frame, ["q", "r"], sensitive=["s"], person=person)
        table = ClassTable.of_frame(prepared, ["q", "r"], person=person)
        passing.append(table.classes.filter(~criterion.violations(table)).select("q"))
    fine_ok, coarse_ok = passing
    assert fine_ok.join(coarse_ok, on="q", how="anti", nulls_equal=True).height == 0


_SEARCH_HIER = {
    "age": AgeHierarchy(widths=(10, 50), top=None),
    "sex": TableHierarchy(name="sex", table={"sex": ("F", "M")}),
    "eth": TableHierarchy(name="eth", table={"eth": tuple("ABCD"), "grp": tuple("XXYY")}),
}


@st.composite
def _releases(draw: st.DrawFn) -> pl.DataFrame:
    rows = draw(st.integers(12, 60))

    def column(values: Any) -> list[Any]:
        return draw(st.lists(values, min_size=rows, max_size=rows))

    return pl.DataFrame(
        {
            "age": column(st.integers(0, 99)),
            "sex": column(st.sampled_from(["F", "M"])),
            "eth": column(st.sampled_from(list("ABCD"))),
            "diagnosis": column(st.sampled_from(["x", "y", "z"])),
            "stay": column(st.integers(0, 6)),
            "pid": column(st.integers(0, rows)),
        }
    )


@st.composite
def _profiles(draw: st.DrawFn) -> ReleaseProfile:
    return ReleaseProfile(
        name="tre",
        k=draw(st.integers(2, 4)),
        l=draw(st.sampled_from([None, 2, 3])),
        l_kind=draw(st.sampled_from(["distinct", "entropy", "recursive"])),
        c=draw(st.sampled_from([1.5, 3.0])),
        t=draw(st.sampled_from([None, 0.2, 0.35, 0.6])),
        max_prosecutor_risk=draw(st.sampled_from([None, 0.2, 0.34])),
        max_suppression=draw(st.sampled_from([0.0, 0.1, 0.3])),
        alpha=draw(st.sampled_from([None, None, 0.6, 0.8])),
        beta=draw(st.sampled_from([None, None, 1.0, 2.5])),
        beta_kind=draw(st.sampled_from(["basic", "enhanced"])),
        delta=draw(st.sampled_from([None, None, None, 1.5])),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=_releases(),
    profile=_profiles(),
    sensitive=st.sampled_from([("diagnosis",), ("diagnosis", "stay")]),
    person=st.sampled_from([None, "pid"]),
    exact=st.booleans(),
)
def test_minimal_generalisation_any_data_and_profile_choice_passes_check(
    data: pl.DataFrame,
    profile: ReleaseProfile,
    sensitive: tuple[str, ...],
    person: str | None,
    exact: bool,
) -> None:
    criteria = profile.criteria_for(sensitive, numeric=["stay"])
    try:
        result = minimal_generalisation(
            data,
            _SEARCH_HIER,
            criteria=criteria,
            person=person,
            max_suppression=profile.max_suppression,
            exact_limit=20_000 if exact else 1,
        )
    except DisclosureRiskError:
        return  # nothing meets the profile: nothing released, nothing to check
    frame = Frame(data, quasi=list(_SEARCH_HIER), sensitive=sensitive, person=person)
    for column, level in result.best.levels.items():
        if level != _SEARCH_HIER[column].levels[0]:
            frame = frame.generalise(column, to=level, hierarchy=_SEARCH_HIER[column])
    frame = frame.suppress(profile.k or 2, criteria=criteria)
    # suppression removes exactly what the search counted, within the budget
    assert frame.transformations[-1].rows_suppressed == result.best.suppressed_rows
    assert result.best.suppressed_rows <= math.floor(profile.max_suppression * data.height)
    report = check_frame(frame, profile=profile)
    assert report.passed, (report.failures, dict(result.best.levels))


# -- (alpha, k), beta-likeness and delta-disclosure, by hand ---------------------------------


def test_attribute_disclosure_missing_values_are_a_value_hand_computed() -> None:
    # table: x 3, missing 3, y 2 of 8 -> p = 3/8, 3/8, 2/8
    # class a: x 2, missing 2 (no y); class b: x 1, y 2, missing 1
    data = pl.DataFrame({"q": list("aaaabbbb"), "s": ["x", None, "x", None, "x", "y", None, "y"]})
    got = attribute_disclosure(data, ["q"], ["s"])["s"]
    assert got.alpha == pytest.approx(0.5)
    assert got.beta == pytest.approx(1.0)  # b: y (2/4 - 2/8) / (2/8)
    assert got.enhanced_beta == pytest.approx(1.0)  # within -ln(2/8) = 1.386
    assert math.isinf(got.delta)  # a lacks y
    assert got.delta_present == pytest.approx(math.log(2))  # b: y ln((2/4) / (2/8))
    assert got.to_dict()["delta"] is None


def test_enhanced_beta_likeness_gain_above_minus_ln_p_never_met() -> None:
    # p(x) = 1/2; class a is all x: gain (1 - 1/2) / (1/2) = 1 > -ln(1/2) = 0.693
    data = pl.DataFrame({"q": list("aabbbb"), "s": list("xxxyyy")})
    got = attribute_disclosure(data, ["q"], ["s"])["s"]
    assert got.beta == pytest.approx(1.0) and math.isinf(got.enhanced_beta)
    criterion = BetaLikeness("s", beta=100.0, enhanced=True)
    verdict = criterion.evaluate(_measured(data, criterion))
    assert not verdict.passed and verdict.message and "a gain above -ln p" in verdict.message
    assert _violating_classes(data, criterion) == ["a"]
    assert BetaLikeness("s", beta=1.0).evaluate(_measured(data, criterion)).passed


def test_delta_disclosure_every_class_holds_every_value_finite() -> None:
    # p = (x 3/8, y 5/8); a: x 1/2, y 1/2 -> ln(4/3) = 0.288; b: x 1/4 -> |ln(2/3)| = 0.405
    data = pl.DataFrame({"q": list("aaaabbbb"), "s": list("xxyyxyyy")})
    criterion = DeltaDisclosure("s", delta=math.log(1.5))  # strict: not below itself
    verdict = criterion.evaluate(_measured(data, criterion))
    assert verdict.value == pytest.approx(math.log(1.5)) and not verdict.passed
    assert _violating_classes(data, criterion) == ["b"]
    assert DeltaDisclosure("s", delta=0.41).evaluate(_measured(data, criterion)).passed


def test_alpha_person_view_share_of_persons_not_of_values() -> None:
    # class a: p1 holds x and y, p2 holds x: every person holds x, so alpha is 1 (not 2/3)
    data = pl.DataFrame({"q": ["a"] * 3, "s": ["x", "y", "x"], "pid": ["p1", "p1", "p2"]})
    got = attribute_disclosure(data, ["q"], ["s"], person="pid")["s"]
    assert got.alpha == pytest.approx(1.0)


def test_attribute_disclosure_no_sensitive_input_error() -> None:
    with pytest.raises(InputError, match="no sensitive attributes"):
        attribute_disclosure(HAND, ["q"], [])


def test_release_profile_alpha_beta_delta_criteria_per_attribute_and_checked() -> None:
    profile = ReleaseProfile(name="tre", k=4, alpha=0.7, beta=0.6, beta_kind="enhanced", delta=2.0)
    assert profile.criteria_for(["s"]) == (
        KAnonymity(4),
        AlphaKAnonymity("s", alpha=0.7, k=4),
        BetaLikeness("s", beta=0.6, enhanced=True),
        DeltaDisclosure("s", delta=2.0),
        ProsecutorRiskCap(0.25),
    )
    report = check_frame(Frame(HAND, quasi=["q"], sensitive=["s"]), profile=profile)
    assert [v.passed for v in report.verdicts] == [True, False, False, False, True]
    assert report.to_dict()["attribute_disclosure"]["s"]["alpha"] == pytest.approx(0.75)
    assert profile.criteria_for([])[1:4] == (
        SensitiveAttributeRequired("(alpha, k)-anonymity"),
        SensitiveAttributeRequired("beta-likeness"),
        SensitiveAttributeRequired("delta-disclosure"),
    )
