"""Columns the scan could not place are held for review (``safelink.detect.unplaced``).

Issue 19, ninth round. Blind corpora keep finding a new trap of the long tail that no rule
anticipated (a passport number in one row of 2,000, a young person's forename in a few contact
notes, a previous sample's hospital number in a few lab comments). Instead of passing what the
rules cannot explain as content, the scan holds three kinds of column for the operator's review.
The tests use other headers, templates, names and shares than any corpus, and check the near
things that must stay unflagged (yes/no flags, small extracts, towns, wards, months, drugs,
orders and incident numbers, dates written as digits, clinic and code names).
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from safelink.detect import scan
from safelink.detect.column_model import REVIEW_ENTITY, ClassifySettings, ColumnFinding
from safelink.detect.draft import draft_config_text
from safelink.detect.unplaced import name_shaped_column, singleton_text

ROWS = 2_000


def _frame(columns: dict[str, list[str | None]]) -> pl.DataFrame:
    return pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))


def _finding(header: str, values: list[str | None]) -> tuple[ColumnFinding | None, bool]:
    report = scan(_frame({header: values}), sample=2_000)
    return report.columns[0].finding, header in report.direct_columns


def _sparse(values: dict[int, str], rows: int = ROWS) -> list[str | None]:
    column: list[str | None] = [None] * rows
    for i, value in values.items():
        column[i] = value
    return column


_SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "sa", "vo", "bel", "dri", "ny", "os", "qua"]


def _invented(rng: random.Random, words: int) -> str:
    return " ".join(
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).title()
        for _ in range(words)
    )


# --- too few values to judge ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "values"),
    [
        ("X3", {1_503: "PX4410927"}),  # one document number in 2,000 rows
        ("spare_field", {5: "G 7731", 900: "K 2209", 1_777: "G 1180"}),  # three codes, spaced
        ("Unnamed: 14", {42: "Ansel Quartey"}),  # one name
        ("other", {i: f"07{i:04d}" for i in range(0, 1_900, 100)}),  # 19 values
    ],
)
def test_a_column_with_values_in_a_few_rows_is_held_for_review(
    header: str, values: dict[int, str]
) -> None:
    finding, direct = _finding(header, _sparse(values))
    assert direct and finding is not None and finding.entity == REVIEW_ENTITY
    assert finding.confidence == "medium"
    assert any("too few to judge" in e for e in finding.evidence)
    shown = " ".join(finding.evidence) + " ".join(finding.examples)
    assert not any(v in shown for v in values.values())


@pytest.mark.parametrize(
    ("header", "values"),
    [
        ("flag", _sparse({3: "Y", 70: "N", 1_200: "Y"})),  # short flags identify nobody
        ("code", _sparse({9: "N/K"})),
        ("bleep", _sparse({10: "4412", 11: "4413"})),  # four digits
        ("misc", _sparse({2: "PX4410927", 5: "PX4410928"}, rows=60)),  # 2 of 60 rows: judged
        ("misc", _sparse({i: f"PX{i:05d}" for i in range(0, 2_000, 80)})),  # 25 values: judged
    ],
)
def test_short_flags_small_extracts_and_judgeable_columns_are_not_held(
    header: str, values: list[str | None]
) -> None:
    finding, direct = _finding(header, values)
    assert not direct, finding


# --- words found in one row only, in free text ------------------------------------------------

_PLAIN = [
    "Reviewed at home, no concerns.",
    "Phoned, left a message to call back.",
    "Medication reviewed and unchanged.",
    "Attended clinic with mother, plan agreed.",
    "Did not attend; letter sent.",
    "Seen in the community, mobility improving.",
    "Discussed diet and exercise, leaflet given.",
    "Follow up in six weeks.",
]
_UNLISTED = ["Zuberi", "Ottilie", "Bronagh", "Kwabena", "Thandiwe", "Eluned", "Radek",
             "Ngozi", "Saoirse", "Ifeoma", "Teodor", "Marisol", "Anwen", "Dumisani", "Yusra",
             "Lachlan", "Oluwaseun", "Perpetua", "Casimir", "Ingrid", "Tariq", "Wilhelmina",
             "Bartosz", "Amara", "Caoimhe", "Eilidh", "Hollis", "Jovan", "Keturah", "Leocadia",
             "Mireille", "Njeri", "Ozias", "Pilar", "Quentin", "Rosamund", "Sefton", "Tobiah",
             "Ulla", "Venetia"]  # fmt: skip


def _notes(rng: random.Random, share: float, mention) -> list[str]:
    return [mention(rng) if rng.random() < share else rng.choice(_PLAIN) for _ in range(ROWS)]


@pytest.mark.parametrize(
    ("template", "share"),
    [
        ("Rang {} about the tenancy.", 0.05),
        ("Drove {} home after the group.", 0.04),
        ("Worker met {} in town, all well.", 0.08),
        ("Session with {} postponed.", 0.06),
    ],
)
def test_people_named_in_a_few_notes_hold_the_column(template: str, share: float) -> None:
    rng = random.Random(template)
    notes = _notes(rng, share, lambda r: template.format(_invented(r, 1)))
    finding, direct = _finding("session_log", notes)
    assert direct and finding is not None and finding.entity == "FREE_TEXT"
    assert any("found in no other row" in e for e in finding.evidence)
    assert not any(note in " ".join(finding.evidence) for note in notes if note not in _PLAIN)


@pytest.mark.parametrize(
    ("template", "share"),
    [
        ("Crossmatch against earlier sample from {}.", 0.05),  # "sample from" is not "sample no"
        ("Patient previously registered as {} at the old trust.", 0.04),
    ],
)
def test_record_numbers_in_a_few_notes_hold_the_column(template: str, share: float) -> None:
    rng = random.Random(template)
    code = lambda r: f"{r.choice('ABDGKMRT')}{r.randrange(100_000, 9_999_999)}"  # noqa: E731
    notes = _notes(rng, share, lambda r: template.format(code(r)))
    _, direct = _finding("lab_comment", notes)
    assert direct


_PLACES = [
    "Rode to {} for the market.",
    "Moved from {} last spring.",
    "Family in {}, visits often.",
    "Transferred to {} Ward overnight.",
    "Appointment at {} Clinic on {} 12th.",
]
_TOWNS = ["Wrexham", "Carlisle", "Stirling", "Lowestoft", "Enniskillen", "Hexham", "Truro",
          "Kendal", "Oban", "Yeovil", "Newry", "Rugby", "Telford", "Crewe", "Ayr",
          "Bangor"]  # fmt: skip
_EPONYMS = ["Nightingale", "Seacole", "Fleming", "Lister", "Jenner", "Cavell", "Darwin"]
_MONTHS = ["January", "March", "June", "August", "October", "Dec", "Sept"]
_DRUGS = ["Sertraline", "Metformin", "Amlodipine", "Ramipril", "Warfarin", "Apixaban"]


@pytest.mark.parametrize(
    "mention",
    [
        lambda r: r.choice(_PLACES[:3]).format(r.choice(_TOWNS)),  # towns, each in few rows
        lambda r: _PLACES[3].format(r.choice(_EPONYMS)),  # wards named after people
        lambda r: _PLACES[4].format(r.choice(_EPONYMS), r.choice(_MONTHS)),
        lambda r: f"Started {r.choice(_DRUGS)} and reviewed in {r.choice(_MONTHS)}.",
        lambda r: f"Order {r.randrange(10**7, 10**8)} placed for a commode.",
        lambda r: f"Datix {r.randrange(10**4, 10**5)} raised after a fall.",
        lambda r: f"Born {r.randrange(1930, 2005)}0{r.randrange(1, 10)}1{r.randrange(0, 9)}.",
    ],
)
def test_places_wards_months_drugs_references_and_dates_do_not_hold_the_column(mention) -> None:
    rng = random.Random(repr(mention.__code__.co_consts))
    notes = _notes(rng, 0.08, mention)
    finding, direct = _finding("visit_notes", notes)
    assert not direct, finding


def test_the_singleton_rule_reads_only_the_analysed_rows_and_keeps_a_direct_finding() -> None:
    rng = random.Random(5)
    settings = ClassifySettings(sample=2_000)
    plain = pl.Series([rng.choice(_PLAIN) for _ in range(settings.free_text_sample)])
    named = pl.Series([f"Rang {n} today." for n in _UNLISTED])
    base = ColumnFinding(column="n", entity="FREE_TEXT", kind=None, direct=False, share=0.0,
                         confidence="low", evidence=("free text",))  # fmt: skip
    # the names sit after the analysed rows: not read
    assert not singleton_text(base, pl.concat([plain, named]), settings).direct
    held = singleton_text(base, pl.concat([named, plain]), settings)
    assert held.direct and held.confidence == "medium"
    already = ColumnFinding(column="n", entity="FREE_TEXT", kind=None, direct=True, share=0.1,
                            confidence="medium", evidence=("PERSON in 9 rows",))  # fmt: skip
    assert singleton_text(already, pl.concat([named, plain]), settings) is already


# --- values shaped like people's names ---------------------------------------------------------


@pytest.mark.parametrize("header", ["F3", "attr_11", "Holder", "Member"])
def test_single_unlisted_names_no_rule_places_are_held_for_review(header: str) -> None:
    rng = random.Random(header)
    values = [_invented(rng, 1) if rng.random() < 0.9 else None for _ in range(ROWS)]
    finding, direct = _finding(header, values)
    assert direct and finding is not None and finding.entity == REVIEW_ENTITY
    assert finding.confidence == "medium" and any("written once" in e for e in finding.evidence)


@pytest.mark.parametrize(
    ("header", "values"),
    [
        # a clinic list: capitalised words beside a service word
        ("site", [f"{random.Random(i).choice(_TOWNS)} Memory Clinic" for i in range(ROWS)]),
        # 80 code names drawn 2,000 times: each recurs
        ("Group", [_invented(random.Random(i % 80), 2) for i in range(ROWS)]),
        # names, but the header names a thing's number or a code name
        ("order_ref", [_invented(random.Random(i), 1) for i in range(ROWS)]),
        ("codename", [_invented(random.Random(i), 1) for i in range(ROWS)]),
        # too few different values to say
        ("V2", [_invented(random.Random(i % 40), 1) for i in range(ROWS)]),
    ],
)
def test_recurring_names_codes_and_things_are_not_held(header: str, values: list[str]) -> None:
    assert name_shaped_column(header, pl.Series(values)) is None


def test_a_drafted_config_drops_a_held_column_and_says_why() -> None:
    frame = _frame({"X3": _sparse({1_503: "PX4410927"}), "age": [str(i % 90) for i in range(ROWS)]})
    report = scan(frame, sample=2_000)
    text = draft_config_text(report, project="p", source="s", path=None)
    line = next(line for line in text.splitlines() if line.strip().startswith('"X3"'))
    assert "{role: drop}" in line and "too few to judge" in line
    assert "PX4410927" not in text


def test_name_shaped_values_are_judged_after_their_annotations_are_cut() -> None:
    rng = random.Random(13)
    forms = ["{a} ({b})", "{a} {i}.", "{a}", "{a} {b} - driver"]
    values = [
        rng.choice(forms).format(a=_invented(rng, 1), b=_invented(rng, 1), i=rng.choice("KLMT"))
        for _ in range(ROWS)
    ]
    assert name_shaped_column("F9", pl.Series(values)) is None  # brackets hide the shape
    _, direct = _finding("F9", values)
    assert direct
