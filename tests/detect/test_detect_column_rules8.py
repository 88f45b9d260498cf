"""Rules added for issue 19's eighth round, each on variants another author would write.

The development corpus of this round (held-out 9, with held-out 5 and 8) missed passport
numbers as nine bare digits under a header that names nothing, NHS numbers most of which a
spreadsheet rounded to scientific notation under a header that says they were traced, names
written as initials and an unlisted surname, and surnames that are ordinary words under the
bare header ``Last``; held-out 7 took a clinic's code names ("Amber Kestrel") for people's. The
tests use other headers, forms, shares of blanks and of damage than those corpora, and check
the near things that must stay unflagged (a thing's nine-digit numbers, numbers allocated in
turn, a short list of initialled words, a code name's words).
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from safelink.detect import scan
from safelink.detect.column_model import ColumnFinding
from safelink.detect.headers import header_entities, names_a_thing, names_nothing
from tests.detect.heldout.columns import make_nhs

ROWS = 400


def _frame(columns: dict[str, list[str | None]]) -> pl.DataFrame:
    return pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))


def _finding(
    header: str, values: list[str | None], *, learned: bool = True
) -> tuple[ColumnFinding | None, bool]:
    report = scan(_frame({header: values}), sample=1_000, learned=learned)
    return report.columns[0].finding, header in report.direct_columns


def _blanked(rng: random.Random, values: list[str], blanks: float) -> list[str | None]:
    return [None if rng.random() < blanks else v for v in values]


# --- nine-digit document numbers --------------------------------------------------------------


def _passports(rng: random.Random) -> list[str]:
    return [str(rng.randrange(100_000_000, 1_000_000_000)) for _ in range(ROWS)]


@pytest.mark.parametrize(
    ("header", "blanks", "written"),
    [
        ("Misc", 0.0, "{}"),
        ("Unnamed: 12", 0.3, "{}"),
        ("field_9", 0.6, "{}"),
        ("Column 4", 0.1, "{}.0"),  # stored as a number by a spreadsheet
        ("ID number", 0.2, " {} "),
        ("extra_2", 0.0, "{}"),
        ("Other ID", 0.4, "{}"),
    ],
)
def test_nine_digit_documents_under_a_header_naming_nothing_are_flagged(
    header: str, blanks: float, written: str
) -> None:
    rng = random.Random(header)
    values = [written.format(v) for v in _passports(rng)]
    finding, direct = _finding(header, _blanked(rng, values, blanks))
    assert direct and finding is not None and finding.entity == "UK_PASSPORT"
    assert finding.confidence == "medium"  # never high: the header names nothing


@pytest.mark.parametrize(
    "header",
    ["order_no", "Invoice Number", "payroll_id", "Sample ID", "claim ref", "case_no", "Batch"],
)
def test_nine_digit_numbers_of_a_thing_are_not_flagged(header: str) -> None:
    rng = random.Random(header)
    finding, direct = _finding(header, _passports(rng))
    assert not direct and finding is None


def test_nine_digit_numbers_allocated_in_turn_are_not_documents() -> None:
    start = 100_200_300
    finding, _ = _finding("Other", [str(start + i * 3) for i in range(ROWS)])
    # Since round 10 held for review as some record's identifier (codes written once under a
    # header that says nothing), never named a passport.
    assert finding is None or finding.entity != "UK_PASSPORT"


def test_nine_digit_codes_repeated_are_not_documents() -> None:
    rng = random.Random(5)
    codes = [str(rng.randrange(100_000_000, 1_000_000_000)) for _ in range(40)]
    finding, direct = _finding("Misc", [rng.choice(codes) for _ in range(ROWS)])
    assert not direct and (finding is None or finding.entity != "UK_PASSPORT")


@pytest.mark.parametrize("header", ["Holder", "Subscriber", "Member"])
def test_nine_digit_documents_under_an_unclear_header_are_a_hint(header: str) -> None:
    # The rules' own verdict (the learned opinion may still ask for a review).
    finding, direct = _finding(header, _passports(random.Random(header)), learned=False)
    assert not direct
    assert finding is not None and finding.entity == "UK_PASSPORT" and finding.confidence == "low"


@pytest.mark.parametrize(
    ("header", "nothing", "thing"),
    [
        ("V0042", True, False),
        ("fld_PX_07", True, False),
        ("Other info", True, False),
        ("PO Number", False, True),
        ("service_ref", False, True),
        ("Referred Pt", False, False),
    ],
)
def test_headers_that_name_nothing_or_a_thing(header: str, nothing: bool, thing: bool) -> None:
    assert names_nothing(header) is nothing
    assert names_a_thing(header) is thing


# --- NHS numbers a spreadsheet rounded ---------------------------------------------------------


def _rounded(nhs: str, digits: int, marker: str) -> str:
    return f"{int(nhs) / 1e9:.{digits}f}{marker}"


@pytest.mark.parametrize(
    ("header", "rounded_share", "blanks", "marker"),
    [
        ("NHS No (traced)", 0.6, 0.0, "E+09"),
        ("Traced NHS number", 0.85, 0.2, "E+09"),
        ("nhs_number_verified", 0.7, 0.0, "e9"),
        ("col_9", 0.6, 0.1, "E+9"),
        ("NHS Number", 0.9, 0.3, "E+09"),
    ],
)
def test_rounded_nhs_numbers_are_judged_on_the_values_left_whole(
    header: str, rounded_share: float, blanks: float, marker: str
) -> None:
    rng = random.Random(header)
    values = [
        _rounded(n, rng.choice([3, 4, 5]), marker) if rng.random() < rounded_share else n
        for n in (make_nhs(rng) for _ in range(ROWS))
    ]
    finding, direct = _finding(header, _blanked(rng, values, blanks))
    assert direct and finding is not None and finding.entity == "NHS_NUMBER"
    assert any("rounded" in line and "text" in line for line in finding.evidence)


def test_rounded_numbers_whose_whole_values_fail_the_check_are_not_nhs_numbers() -> None:
    rng = random.Random(9)
    failing = [str(rng.randrange(10**9, 10**10)) for _ in range(ROWS)]
    values = [_rounded(v, 4, "E+09") if i % 2 else v for i, v in enumerate(failing)]
    _, direct = _finding("nhs_number_status", values)
    assert not direct


@pytest.mark.parametrize(("header", "hinted"), [("V12", True), ("sample_barcode", False)])
def test_numbers_nearly_all_rounded_are_a_hint_at_most(header: str, hinted: bool) -> None:
    rng = random.Random(header)
    values = [_rounded(make_nhs(rng), 4, "E+09") for _ in range(ROWS)]
    finding, direct = _finding(header, values)
    assert not direct
    if hinted:
        assert finding is not None and finding.confidence == "low"
        assert any("re-export" in line for line in finding.evidence)
    else:
        assert finding is None


# --- initials and a surname --------------------------------------------------------------------

_UNLISTED = [
    "Mensah-Bonsu",
    "Adeyemi",
    "Nakamura",
    "Wójcik",
    "Nwachukwu",
    "Quispe",
    "Tshabalala",
    "Oyelaran",
    "Kowalczyk",
    "Zielińska",
    "Okafor-Eze",
    "Ramaswamy",
    "Achterberg",
    "Lindqvist",
    "Papadakis",
    "Haddad",
]
_PARTICLED = ("van der Berg", "de Souza", "al-Rashid", "Ó Floinn", "ap Dafydd", "dos Santos")


def _initials(rng: random.Random, dotted: bool) -> str:
    letters = rng.sample("ABCDEFGHJKLMNPRSTW", rng.choice([1, 1, 2, 3]))
    return "".join(f"{c}." for c in letters) if dotted else "".join(letters)


@pytest.mark.parametrize(
    ("header", "form"),
    [
        ("Pt", "{i} {s}"),
        ("Subject", "{i} {s}"),
        ("Referral for", "{s}, {i}"),
        ("Service user", "{S} {u}"),
        ("X_7", "{i}{s}"),
    ],
)
def test_initials_and_an_unlisted_surname_are_names(header: str, form: str) -> None:
    rng = random.Random(header)
    values = []
    for _ in range(ROWS):
        surname = rng.choice(_UNLISTED + list(_PARTICLED))
        dotted = _initials(rng, dotted=True)
        values.append(
            form.format(i=dotted, s=surname, S=surname.upper(), u=_initials(rng, dotted=False))
        )
    finding, direct = _finding(header, _blanked(rng, values, 0.2))
    assert direct and finding is not None and finding.kind is not None
    assert finding.entity == "FULL_NAME"


def test_a_short_list_written_with_initials_is_not_names() -> None:
    rng = random.Random(2)
    organisms = ["E. Coli", "S. Aureus", "K. Pneumoniae", "P. Aeruginosa", "C. Difficile"]
    _, direct = _finding("Organism", [rng.choice(organisms) for _ in range(ROWS)])
    assert not direct


# --- half a name header ------------------------------------------------------------------------

_WORD_SURNAMES = [
    "Law",
    "Field",
    "Bird",
    "Baker",
    "Rice",
    "Young",
    "Marsh",
    "Black",
    "Mason",
    "Rose",
    "Small",
    "Green",
    "Moon",
]
_WORD_FORENAMES = [
    "Ruby",
    "Rose",
    "Jade",
    "Grace",
    "Hope",
    "Faith",
    "Amber",
    "Holly",
    "Robin",
    "Sky",
    "Autumn",
    "April",
]


@pytest.mark.parametrize(
    ("header", "words", "entity"),
    [
        ("LAST", _WORD_SURNAMES, "SURNAME"),
        ("Last nm", _WORD_SURNAMES, "SURNAME"),
        ("Family", _WORD_SURNAMES, "SURNAME"),
        ("First", _WORD_FORENAMES, "FORENAME"),
        ("Given", _WORD_FORENAMES, "FORENAME"),
    ],
)
def test_half_a_name_header_over_name_words_is_a_name(
    header: str, words: list[str], entity: str
) -> None:
    assert header_entities(header)[0] == [entity]
    rng = random.Random(header)
    finding, direct = _finding(header, _blanked(rng, [rng.choice(words) for _ in range(ROWS)], 0.3))
    assert direct and finding is not None and finding.entity == entity
    assert finding.confidence == "medium"  # half a header is weak context


@pytest.mark.parametrize(
    ("header", "values"),
    [
        ("Last", ["2024-01-03", "2023-11-30", "2024-02-14", "2023-12-01"]),
        ("First", ["Y", "N", "Unknown"]),
        ("Last", ["Ward 4", "Day Unit", "Discharge Lounge", "Ward 11"]),
    ],
)
def test_half_a_name_header_over_other_things_is_not_a_name(header: str, values: list[str]) -> None:
    rng = random.Random(header)
    _, direct = _finding(header, [rng.choice(values) for _ in range(ROWS)])
    assert not direct


# --- code names --------------------------------------------------------------------------------

_COLOURS = [
    "Amber",
    "Indigo",
    "Jade",
    "Coral",
    "Saffron",
    "Scarlet",
    "Silver",
    "Ruby",
    "Hazel",
    "Teal",
]
_NATURE = [
    "Kestrel",
    "Heron",
    "Rowan",
    "Badger",
    "Willow",
    "Falcon",
    "Birch",
    "Lark",
    "Fern",
    "Otter",
]


@pytest.mark.parametrize(
    ("header", "numbered"),
    [("codename", 0.0), ("Code Name", 0.3), ("clinic_code_name", 0.5), ("CodeName (GUM)", 0.1)],
)
def test_a_services_code_names_are_not_peoples_names(header: str, numbered: float) -> None:
    assert not any(h in ("FORENAME", "SURNAME", "FULL_NAME") for h in header_entities(header)[0])
    rng = random.Random(header)
    values = [
        f"{rng.choice(_COLOURS)} {rng.choice(_NATURE)}"
        + (f" {rng.randrange(1, 40)}" if rng.random() < numbered else "")
        for _ in range(ROWS)
    ]
    _, direct = _finding(header, values)
    assert not direct


@pytest.mark.parametrize("header", ["V9", "Unnamed: 2", "Group"])
def test_words_numbered_like_code_names_are_not_names_without_a_header(header: str) -> None:
    rng = random.Random(header)
    values = [
        f"{rng.choice(_COLOURS)} {rng.choice(_NATURE)}"
        + (f" {rng.randrange(1, 40)}" if rng.random() < 0.2 else "")
        for _ in range(ROWS)
    ]
    _, direct = _finding(header, values, learned=False)
    assert not direct


@pytest.mark.parametrize("header", ["Unnamed: 3", "unnamed_12", "Renamed 4"])
def test_an_exports_unnamed_header_names_no_name(header: str) -> None:
    assert header_entities(header)[0] == []
