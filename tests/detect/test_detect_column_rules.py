"""Column rules added for issue 19's third round, each on its own synthetic examples.

Spreadsheet damage (thousands separators, rounded scientific notation, international phone
numbers without the plus), NHS-style numbers outside the issued ranges, headers the values
contradict, names by a person's role in the header, annotated and listed names, code lists
and organisation names under name headers, and the staff-name policy.
"""

from __future__ import annotations

import random

import polars as pl
from rich.console import Console

from safelink.detect import scan
from safelink.detect.column_model import ColumnFinding
from safelink.detect.damage import restore_leading_zero, rounded_numbers, undo_spreadsheet_damage
from safelink.detect.draft import draft_config_text
from safelink.detect.findings import render_table
from safelink.detect.headers import header_entities
from safelink.detect.recognisers import name_lists
from safelink.identifiers import Identifier
from safelink.synthetic.testing import nhs_check_digit, synthetic_nhs_numbers

ROWS = 400


def _findings(columns: dict[str, list[str | None]]) -> dict[str, ColumnFinding | None]:
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    return {p.column: p.finding for p in scan(frame, sample=1_000).columns}


def _kind(finding: ColumnFinding | None) -> Identifier | None:
    return finding.kind if finding is not None and finding.detected else None


def _listed(seed: int) -> tuple[list[str], list[str]]:
    forenames, surnames = name_lists()
    rng = random.Random(seed)
    fore = rng.sample(sorted(forenames), 150)
    sur = rng.sample(sorted(surnames), 150)
    return [f.title() for f in fore], [s.title() for s in sur]


def test_undo_damage_thousands_separators_and_death_labels_removed() -> None:
    values = pl.Series(
        ["1,234,567,890", "12,345", "1,234.50", "the late Ann Bell", "Jo Ray - DECEASED"]
    )
    assert undo_spreadsheet_damage(values).to_list() == [
        "1234567890",
        "12345",
        "1,234.50",  # money keeps its separators: not a grouped whole number
        "Ann Bell",
        "Jo Ray",
    ]


def test_rounded_numbers_only_lossy_nine_to_twelve_digit_forms() -> None:
    values = pl.Series(["9.43477E+09", "4.47701E+11", "1.2E-03", "5.4", "9434765919"])
    assert rounded_numbers(values).to_list() == [True, True, False, False, False]


def test_restore_leading_zero_international_form_becomes_national() -> None:
    values = pl.Series(["447700900555", "7700900555", "01134960000", "44"])
    assert restore_leading_zero(values).to_list() == [
        "07700900555",
        "07700900555",
        "01134960000",
        "44",
    ]


def test_scan_nhs_numbers_grouped_or_rounded_under_header_detected() -> None:
    nhs = synthetic_nhs_numbers(ROWS, seed=3)
    grouped = [f"{n[0]},{n[1:4]},{n[4:7]},{n[7:]}" for n in nhs]
    rounded = [f"{n[0]}.{n[1:6]}E+09" if i % 2 else n for i, n in enumerate(nhs)]
    found = _findings({"nhs_no_display": grouped, "patient_nhs": rounded})
    assert _kind(found["nhs_no_display"]) is Identifier.NHS_NUMBER
    assert _kind(found["patient_nhs"]) is Identifier.NHS_NUMBER
    evidence = " ".join(found["patient_nhs"].evidence)  # type: ignore[union-attr]
    assert "rounded by a spreadsheet" in evidence and "re-export" in evidence


def test_scan_phone_in_international_digits_under_msisdn_header_detected() -> None:
    rng = random.Random(4)
    phones = [f"4477009{rng.randint(0, 99_999):05d}" for _ in range(ROWS)]
    assert _kind(_findings({"subscriber_msisdn": phones})["subscriber_msisdn"]) is (
        Identifier.PHONE
    )


def test_scan_modulus11_numbers_outside_issued_ranges_are_nhs_numbers() -> None:
    rng = random.Random(5)
    valid: list[str] = []
    while len(valid) < ROWS:  # never-issued 5xx numbers with a correct check digit
        nine = f"5{rng.randint(0, 99_999_999):08d}"
        if (check := nhs_check_digit(nine)) is not None:
            valid.append(f"{nine}{check}")
    random_ten = [f"{rng.randint(1_000_000_000, 9_999_999_999)}" for _ in range(ROWS)]
    found = _findings({"ref_b": valid, "ref_c": random_ten})
    assert _kind(found["ref_b"]) is Identifier.NHS_NUMBER
    assert _kind(found["ref_c"]) is None


def test_scan_header_contradicted_by_values_falls_back_to_value_evidence() -> None:
    fore, sur = _listed(6)
    rng = random.Random(6)
    # "birth" names a date of birth and "child" once named a CHI number; the values are names.
    found = _findings(
        {
            "surname_from_birth_record": [rng.choice(sur) for _ in range(ROWS)],
            "children": [
                f"{rng.choice(fore)} and {rng.choice(fore)}"
                if rng.random() < 0.5
                else rng.choice(fore)
                for _ in range(ROWS)
            ],
        }
    )
    assert _kind(found["surname_from_birth_record"]) is Identifier.SURNAME
    assert _kind(found["children"]) is Identifier.FORENAME
    assert "CHI_NUMBER" not in header_entities("children")[0]


def test_scan_names_under_person_role_headers_with_annotations() -> None:
    fore, sur = _listed(7)
    rng = random.Random(7)
    guardian = [
        f"{rng.choice(fore)} {rng.choice(sur)} (aunt)" if rng.random() < 0.6 else rng.choice(fore)
        for _ in range(ROWS)
    ]
    late = [
        f"the late {rng.choice(fore)} {rng.choice(sur)}"
        if rng.random() < 0.5
        else f"{rng.choice(fore)} {rng.choice(sur)} - deceased"
        for _ in range(ROWS)
    ]
    initials = [
        f"{rng.choice('ABCDEFGHJKLMNPRST')}. {rng.choice('ABCDEFGHJKLMNPRST')}. {rng.choice(sur)}"
        for _ in range(ROWS)
    ]
    found = _findings({"guardian": guardian, "late_spouse": late, "surname_and_initials": initials})
    assert _kind(found["guardian"]) is Identifier.FULL_NAME
    assert _kind(found["late_spouse"]) is Identifier.FULL_NAME
    assert _kind(found["surname_and_initials"]) is Identifier.SURNAME


def test_scan_name_headers_over_code_lists_teams_and_drugs_are_not_names() -> None:
    rng = random.Random(8)
    teams = ["Early Intervention Team", "Memory Service", "Hospital Discharge Unit", "Night Care"]
    drugs = [f"Drugname{c}" for c in "ABCDEFGHIJKLMNOPQRST"]
    found = _findings(
        {
            "name": [f"{rng.choice(teams)} {rng.choice(['North', 'South'])}" for _ in range(ROWS)],
            "name_check": [rng.choice(["AGREED", "DIFFERS", "UNSURE"]) for _ in range(ROWS)],
            "product_name": [rng.choice(drugs) for _ in range(ROWS)],
        }
    )
    assert {column: _kind(f) for column, f in found.items()} == dict.fromkeys(found)


def test_scan_unlisted_single_names_under_name_header_with_some_listed() -> None:
    fore, _ = _listed(9)
    rng = random.Random(9)
    unlisted = ["Tegwyn", "Gwenith", "Heledd", "Iolo", "Meinir", "Rhodri", "Sioned", "Trefor"]
    values = [rng.choice(fore) if rng.random() < 0.2 else rng.choice(unlisted) for _ in range(ROWS)]
    assert _kind(_findings({"enw_cyntaf_plentyn": values})["enw_cyntaf_plentyn"]) is (
        Identifier.FORENAME
    )


def test_scan_coded_header_forenames_a_third_listed_detected() -> None:
    fore, _ = _listed(10)
    rng = random.Random(10)
    invented = [f"{a}{b}" for a in ("Zel", "Vor", "Quen", "Ilt") for b in ("ara", "ion", "ek")]
    values = [
        rng.choice(fore) if rng.random() < 0.35 else rng.choice(invented) for _ in range(ROWS)
    ]
    assert _kind(_findings({"v_41": values})["v_41"]) is Identifier.FORENAME


def test_scan_vehicle_registrations_without_header_detected() -> None:
    rng = random.Random(11)
    letters = "ABCDEFGHJKLMNPRSTVWXY"
    regs = [
        f"{rng.choice(letters)}{rng.choice(letters)}{rng.randint(10, 24)} "
        f"{''.join(rng.choice(letters) for _ in range(3))}"
        for _ in range(ROWS)
    ]
    assert _kind(_findings({"k_9": regs})["k_9"]) is Identifier.VEHICLE_REGISTRATION


def test_scan_staff_names_direct_with_staff_evidence_and_dropped_by_draft() -> None:
    fore, sur = _listed(12)
    rng = random.Random(12)
    found = _findings(
        {
            "gp_name": [f"Dr {rng.choice(fore)[0]}. {rng.choice(sur)}" for _ in range(ROWS)],
            "referrer": [f"{rng.choice(fore)} {rng.choice(sur)}" for _ in range(ROWS)],
            "practice_name": [
                f"{rng.choice(['Oak', 'Elm', 'Park'])} {rng.choice(['Surgery', 'Medical Centre'])}"
                for _ in range(ROWS)
            ],
            "site_name": [rng.choice(sur) for _ in range(ROWS)],
        }
    )
    for column in ("gp_name", "referrer"):
        finding = found[column]
        assert finding is not None and finding.detected and finding.direct, column
        assert finding.subject == "staff" and finding.identifies == "direct"
        assert any(e.startswith("staff:") for e in finding.evidence)
    assert _kind(found["practice_name"]) is None
    site = found["site_name"]
    assert site is None or not site.direct
    report = scan(
        pl.DataFrame({"gp_name": [f"Dr {f} {s}" for f, s in zip(fore, sur, strict=True)]})
    )
    draft = draft_config_text(report, project="p", source="s", path=None)
    assert '"gp_name": {role: drop}' in draft and "member of staff" in draft
    console = Console(width=400, record=True)
    console.print(render_table(report))
    assert "FULL_NAME (staff)" in console.export_text()
