"""A labelled synthetic corpus for the detector: 52 columns of health and social-care shapes.

Labels are set here, by construction (what each column was generated to hold), never by
running the detector. Names come from safelink's synthetic-data lists (multi-community, many
not in the detector's own list); NHS numbers from the 999 test range. Traps: 10-digit order
ids, timestamps and accession numbers; event dates; GP practice postcodes; upper-case and
"SURNAME, Forename" names; a status column about NHS numbers; staff names; identifiers hidden
in free text; full names from outside the detector's lists under a coded header; row counters
under an identifier's header.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from importlib import resources

import polars as pl

from safelink.identifiers import DIRECT_IDENTIFIERS, Identifier
from safelink.synthetic.testing import nhs_check_digit, synthetic_nhs_numbers

ROWS = 2_000


@dataclass(frozen=True)
class Label:
    """What a column was generated to hold."""

    kind: Identifier | None
    direct: bool


def _names() -> tuple[list[str], list[str]]:
    folder = resources.files("safelink") / "data"
    with (folder / "forenames.csv").open(encoding="utf-8") as handle:
        fore = [r["name"] for r in csv.DictReader(handle)]
    with (folder / "surnames.csv").open(encoding="utf-8") as handle:
        sur = [r["name"] for r in csv.DictReader(handle)]
    return fore, sur


_STREETS = [
    "Mill Lane",
    "Church Road",
    "High Street",
    "Station Road",
    "Park Avenue",
    "Victoria Street",
    "Oak Close",
    "Manor Drive",
    "Queens Crescent",
    "Elm Grove",
]
_TOWNS = ["Leeds", "Bradford", "Wakefield", "Harrogate", "York", "Halifax", "Huddersfield"]
_AREAS = ["LS", "BD", "WF", "HG", "YO", "HX", "HD", "M", "B", "SW"]
_NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"


def _postcode(rng: random.Random) -> str:
    area = rng.choice(_AREAS)
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return (
        f"{area}{rng.randint(1, 29)} {rng.randint(0, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    )


def _chi(rng: random.Random) -> str:
    while True:
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(30, 99)
        first = f"{day:02d}{month:02d}{year:02d}{rng.randint(0, 999):03d}"
        check = nhs_check_digit(first)
        if check is not None:
            return first + str(check)


def _ni(rng: random.Random) -> str:
    while True:
        prefix = rng.choice(_NI_FIRST) + rng.choice(_NI_SECOND)
        if prefix not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            break
    d = f"{rng.randint(0, 999_999):06d}"
    return f"{prefix} {d[:2]} {d[2:4]} {d[4:]} {rng.choice('ABCD')}"


def _phone(rng: random.Random, international: bool = False) -> str:
    if rng.random() < 0.5:
        local = f"7700 900{rng.randint(0, 999):03d}"
    else:
        local = f"113 496 0{rng.randint(0, 999):03d}"
    return f"+44 {local}" if international else f"0{local}"


def _date(rng: random.Random, y0: int, y1: int, fmt: str) -> str:
    return (
        f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(y0, y1)}"
        if fmt == "uk"
        else (f"{rng.randint(y0, y1)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    )


def _blank(rng: random.Random, values: list[str], rate: float) -> list[str | None]:
    return [None if rng.random() < rate else v for v in values]


def make_corpus(seed: int = 7, rows: int = ROWS) -> tuple[pl.DataFrame, dict[str, Label]]:
    """Build the corpus and its labels (column -> what it holds)."""
    rng = random.Random(seed)
    fore, sur = _names()
    nhs = synthetic_nhs_numbers(rows, seed=seed)
    fn = [rng.choice(fore) for _ in range(rows)]
    sn = [rng.choice(sur) for _ in range(rows)]
    spaced = [f"{n[:3]} {n[3:6]} {n[6:]}" for n in nhs]
    cols: dict[str, list[str | None]] = {}
    labels: dict[str, Label] = {}

    def add(
        name: str, values: list[str | None], kind: Identifier | None, direct: bool | None = None
    ) -> None:
        cols[name] = values
        labels[name] = Label(kind, kind in DIRECT_IDENTIFIERS if direct is None else direct)

    ten = lambda: f"{rng.randint(1_000_000_000, 9_999_999_999)}"  # noqa: E731
    add("nhs_number", _blank(rng, spaced, 0.02), Identifier.NHS_NUMBER)
    add(
        "NHSNo",
        _blank(rng, [n if rng.random() > 0.03 else n[:9] + "0" for n in nhs], 0.05),
        Identifier.NHS_NUMBER,
    )
    add("ref_a", list(nhs[::-1]), Identifier.NHS_NUMBER)
    add("chi", [_chi(rng) for _ in range(rows)], Identifier.CHI_NUMBER)
    add("ni_number", _blank(rng, [_ni(rng) for _ in range(rows)], 0.3), Identifier.NI_NUMBER)
    add("forename", fn, Identifier.FORENAME)
    add("SURNAME", [s.upper() for s in sn], Identifier.SURNAME)
    add(
        "patient_name",
        [f"{s.upper()}, {f}" for f, s in zip(fn, sn, strict=True)],
        Identifier.FULL_NAME,
    )
    add(
        "client_name",
        [
            f"{rng.choice(['Mr', 'Mrs', 'Ms', 'Miss', ''])} {f} {s}".strip()
            for f, s in zip(fn, sn, strict=True)
        ],
        Identifier.FULL_NAME,
    )
    add(
        "GivenName", [f.upper() if rng.random() < 0.3 else f for f in fn[::-1]], Identifier.FORENAME
    )
    add("col_17", list(fn[1:] + fn[:1]), Identifier.FORENAME)
    add(
        "addr_line_1",
        [f"{rng.randint(1, 200)} {rng.choice(_STREETS)}" for _ in range(rows)],
        Identifier.ADDRESS,
    )
    add(
        "address",
        [
            f"Flat {rng.randint(1, 9)}, {rng.randint(1, 99)} {rng.choice(_STREETS)}, "
            + rng.choice(_TOWNS)
            for _ in range(rows)
        ],
        Identifier.ADDRESS,
    )
    add("home_postcode", [_postcode(rng) for _ in range(rows)], Identifier.POSTCODE)
    practices = [_postcode(rng) for _ in range(40)]
    add("gp_practice_postcode", [rng.choice(practices) for _ in range(rows)], None, False)
    add("dob", [_date(rng, 1925, 2020, "uk") for _ in range(rows)], Identifier.DATE_OF_BIRTH)
    add(
        "DateOfBirth",
        [_date(rng, 1925, 2020, "iso") for _ in range(rows)],
        Identifier.DATE_OF_BIRTH,
    )
    add("referral_date", [_date(rng, 2019, 2024, "uk") for _ in range(rows)], None)
    add("admission_date", [_date(rng, 2020, 2024, "iso") for _ in range(rows)], None)
    add("mobile", _blank(rng, [_phone(rng) for _ in range(rows)], 0.2), Identifier.PHONE)
    add("home_tel", [_phone(rng, international=True) for _ in range(rows)], Identifier.PHONE)
    add(
        "email",
        _blank(
            rng,
            [
                f"{f.lower()}.{s.lower()}{rng.randint(1, 99)}@example.org"
                for f, s in zip(fn, sn, strict=True)
            ],
            0.4,
        ),
        Identifier.EMAIL,
    )
    add(
        "contact",
        [f"{s.lower()}{rng.randint(1, 999)}@mail.example.com" for s in sn],
        Identifier.EMAIL,
    )
    add(
        "uprn",
        [str(rng.randint(10_000_000, 200_000_000_000)) for _ in range(rows)],
        Identifier.UPRN,
    )
    add(
        "hospital_number",
        [f"RTX{rng.randint(0, 999_999):06d}" for _ in range(rows)],
        Identifier.HOSPITAL_NUMBER,
    )
    add(
        "MRN",
        [str(rng.randint(1_000_000, 9_999_999)) for _ in range(rows)],
        Identifier.HOSPITAL_NUMBER,
    )
    add("order_id", [ten() for _ in range(rows)], None)
    add(
        "event_timestamp",
        [str(rng.randint(1_500_000_000, 1_750_000_000)) for _ in range(rows)],
        None,
    )
    add("lab_accession", [ten() for _ in range(rows)], None)
    add("sex", [rng.choice("MF") for _ in range(rows)], Identifier.SEX)
    add("gender", [rng.choice(["1", "2", "9"]) for _ in range(rows)], Identifier.SEX)
    add("age", [str(rng.randint(0, 100)) for _ in range(rows)], None)
    add(
        "ethnicity",
        [
            rng.choice(
                [
                    "White British",
                    "White Irish",
                    "Asian or Asian British - Indian",
                    "Black Caribbean",
                    "Mixed",
                    "Not stated",
                ]
            )
            for _ in range(rows)
        ],
        None,
    )
    add(
        "ward_name",
        [
            f"Ward {rng.randint(1, 30)} - {rng.choice(['Elm', 'Oak', 'Ash', 'Beech'])}"
            for _ in range(rows)
        ],
        None,
    )
    # A member of staff's name is personal data whoever they are (issue 19's staff policy):
    # a direct identifier, found with "staff" in its evidence so a config may drop it.
    add(
        "consultant_name",
        [f"Dr {rng.choice(fore)} {rng.choice(sur)}" for _ in range(rows)],
        Identifier.FULL_NAME,
    )
    add(
        "diagnosis_code",
        [f"{rng.choice('IJKC')}{rng.randint(10, 99)}.{rng.randint(0, 9)}" for _ in range(rows)],
        None,
    )
    add("episode_id", [f"EP{rng.randint(0, 9_999_999):07d}" for _ in range(rows)], None)
    notes = []
    for i in range(rows):
        r = rng.random()
        if r < 0.05:
            notes.append(f"Patient called, confirmed NHS number {spaced[i]} and new GP.")
        elif r < 0.10:
            notes.append(f"Spoke with {fn[i]} {sn[i]} about discharge plan and medication.")
        else:
            notes.append(
                rng.choice(
                    [
                        "Reviewed in clinic, plan unchanged, follow up in six weeks.",
                        "Care package increased to four visits daily after review.",
                        "Telephone review completed, no concerns raised by family.",
                    ]
                )
            )
    add("case_notes", notes, None, True)
    add(
        "referral_reason",
        [
            rng.choice(
                [
                    "Falls risk assessment requested by community team.",
                    "Memory concerns reported at annual health check.",
                    "Carer breakdown, respite care needs to be arranged soon.",
                ]
            )
            for _ in range(rows)
        ],
        None,
        False,
    )
    add("cost", [f"{rng.uniform(10, 5000):.2f}" for _ in range(rows)], None)
    add(
        "team",
        [
            rng.choice(["Adult Social Care North", "Reablement East", "Community Nursing"])
            for _ in range(rows)
        ],
        None,
    )
    add("town", [rng.choice(_TOWNS) for _ in range(rows)], None)
    add("nhs_number_status", [rng.choice(["01", "02", "03"]) for _ in range(rows)], None)
    add("gp_practice_code", [f"B{rng.randint(80000, 89999)}" for _ in range(rows)], None)
    add("los_days", [str(rng.randint(0, 60)) for _ in range(rows)], None)
    add("care_hours", [str(rng.randint(0, 40)) for _ in range(rows)], None)
    add("lsoa", [f"E0{rng.randint(1_000_000, 1_035_000)}" for _ in range(rows)], None)
    add("next_of_kin_phone", [_phone(rng) for _ in range(rows)], Identifier.PHONE)
    add(
        "discharge_summary",
        [
            f"Discharged home, contact daughter on {_phone(rng)} if needed."
            if rng.random() < 0.1
            else "Discharged home with district nurse visits twice weekly."
            for _ in range(rows)
        ],
        None,
        True,
    )
    add(
        "practice_phone",
        [rng.choice(["0113 496 0500", "0113 496 0600"]) for _ in range(rows)],
        None,
        False,
    )
    # Full names none of whose words is in the detector's own name lists, under a coded header:
    # found by shape, not by list.
    listed = _detector_names()
    unlisted_fore = [f for f in fore if f.upper() not in listed]
    unlisted_sur = [s for s in sur if s.upper().replace("'", "") not in listed]
    add(
        "V7",
        _blank(
            rng,
            [f"{rng.choice(unlisted_fore)} {rng.choice(unlisted_sur)}" for _ in range(rows)],
            0.02,
        ),
        Identifier.FULL_NAME,
    )
    # Row counters under an identifier's header: numbering the file's rows, not people.
    add("pas_id", _blank(rng, [str(i + 1) for i in range(rows)], 0.02), None, False)
    return pl.DataFrame(cols, schema=dict.fromkeys(cols, pl.String)), labels


def _detector_names() -> frozenset[str]:
    from safelink.detect.recognisers import name_lists

    forenames, surnames = name_lists()
    return forenames | surnames
