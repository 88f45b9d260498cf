"""Column rules added for issue 19's sixth round, each on variants another author would write.

The rules are tested on forms other than the development corpus's own: other headers, other
systems' spellings, separators and annotations, other shares of blanks and minority rows.
Causes: phone headers as words; a label before a value (``UPRN:``, ``Tel``, ``Signed:``);
nicknames in quotes inside a name; roles written after a name; names with a title under any
header; ``*_by`` headers; hospital numbers merged from several sources; passport numbers in
both document forms; organisations under a name header; and, in free text, what belongs to a
cue ("Children's Disability Team"), places named after people, and one or two names recurring
through a template. Row-aware: the row's own initials that are also abbreviations, and short
forms in capitals, where a person is meant.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import polars as pl

from safelink.detect import scan
from safelink.detect.column_model import ColumnFinding
from safelink.detect.damage import undo_spreadsheet_damage, without_roles
from safelink.detect.headers import header_entities
from safelink.detect.names import cue_names
from safelink.detect.own import fold
from safelink.detect.own_names import name_forms
from safelink.detect.recognisers import name_lists
from safelink.identifiers import Identifier

ROWS = 400
_DIGITS = "0123456789"


def _frame(columns: dict[str, list[str | None]]) -> pl.DataFrame:
    return pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))


def _profiles(columns: dict[str, list[str | None]]) -> dict[str, ColumnFinding | None]:
    return {p.column: p.finding for p in scan(_frame(columns), sample=1_000).columns}


def _direct(columns: dict[str, list[str | None]]) -> set[str]:
    return set(scan(_frame(columns), sample=1_000).direct_columns)


def _kind(finding: ColumnFinding | None) -> Identifier | None:
    return finding.kind if finding is not None and finding.detected else None


def _people(rng: random.Random, count: int) -> list[tuple[str, str]]:
    forenames, surnames = name_lists()
    fore = [f.title() for f in rng.sample(sorted(forenames), 60)]
    sur = [s.title() for s in rng.sample(sorted(surnames), 60)]
    return [(rng.choice(fore), rng.choice(sur)) for _ in range(count)]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_DIGITS) for _ in range(n))


def _blank(rng: random.Random, value: str, share: float) -> str | None:
    return value if rng.random() < share else None


def test_header_entities_phone_words_and_done_by_headers() -> None:
    for header in ("TelHome", "work_tel", "mob_no", "Mob", "daytime_tel_no", "cell", "tel_2"):
        assert "PHONE_NUMBER" in header_entities(header)[0], header
    assert "PHONE_NUMBER" not in header_entities("hotel_name")[0]
    assert "PHONE_NUMBER" not in header_entities("intel_source")[0]
    for header in ("approved_by", "SignedOffBy", "seen_by", "checked_by", "ReferredBy"):
        entities, meta, subject = header_entities(header)
        assert entities == ["FULL_NAME"] and not meta and subject == "staff", header
    assert header_entities("assessor")[2] == "staff"
    assert header_entities("group_by")[2] == "staff"  # the values decide whether it is names
    assert header_entities("nearby")[0] == []


def test_scan_phone_numbers_without_their_zero_under_a_phone_word() -> None:
    rng = random.Random(61)
    ranges = ("7700900", "1632960", "1134960", "2079460", "1914980")

    def number() -> str:
        digits = rng.choice(ranges) + _digits(rng, 3)
        return f"{int(digits[:5]) / 10_000:.4f}E+09" if rng.random() < 0.2 else digits

    found = _profiles(
        {
            "TelWork": [_blank(rng, number(), 0.7) for _ in range(ROWS)],
            "mob_no": [_blank(rng, number(), 0.4) for _ in range(ROWS)],
        }
    )
    assert _kind(found["TelWork"]) is Identifier.PHONE
    assert _kind(found["mob_no"]) is Identifier.PHONE


def test_undo_damage_labels_before_values() -> None:
    values = pl.Series(
        [
            "UPRN: 100023336956",
            "uprn=10033544614",
            "NHS No. 943 476 5919",
            "Tel 0113 496 0000",
            "MRN-0012345",
            "DOB 01/02/1950",
            "Signed: R. Okafor",
            "Approved by: Ann Lee",
            "mailto:ann@example.org",
        ]
    )
    assert undo_spreadsheet_damage(values).to_list() == [
        "100023336956", "10033544614", "943 476 5919", "0113 496 0000", "0012345",
        "01/02/1950", "R. Okafor", "Ann Lee", "ann@example.org",
    ]  # fmt: skip
    # Prefixes that are part of the value, and times, stay.
    kept = pl.Series(["RXH 1078115", "AB 12 34 56 C", "Ward 7", "10:30", "SE 29765 33412"])
    assert undo_spreadsheet_damage(kept).to_list() == kept.to_list()


def test_undo_damage_nicknames_in_quotes_inside_a_name_and_signing_for() -> None:
    values = pl.Series(
        [
            "Deirdre \u201cDee\u201d Byrne",
            "a.k.a. 'Mo' Mohammed Iqbal",
            'Tomasz Nowak "Tom"',
            "Mary O'Neill",
            "'Bobby'",
            "p.p. J Walsh",
            "PP J. Walsh",
            "per pro A. Khan",
            "c/o Mrs Ann Lee",
        ]
    )
    assert undo_spreadsheet_damage(values).to_list() == [
        "Deirdre Byrne", "Mohammed Iqbal", "Tomasz Nowak", "Mary O'Neill", "Bobby", "J Walsh",
        "J. Walsh", "A. Khan", "Mrs Ann Lee",
    ]  # fmt: skip


def test_without_roles_after_and_before_a_name() -> None:
    values = pl.Series(
        [
            "Jo Evans - Health Visitor",
            "Ravi Shah / SW",
            "Ann Lee, social worker",
            "Tom Bell, ANP",
            "Kit Lam, Band 6",
            "OT: Sara Diaz",
            "SMITH, Jo",
            "Smith, John",
        ]
    )
    assert without_roles(values).to_list() == [
        "Jo Evans", "Ravi Shah", "Ann Lee", "Tom Bell", "Kit Lam", "Sara Diaz", "SMITH, Jo",
        "Smith, John",
    ]  # fmt: skip


def test_scan_labelled_identifiers_and_annotated_staff_and_aliases() -> None:
    rng = random.Random(62)
    people = _people(rng, ROWS)
    uprns = [
        rng.choice(["UPRN#", "uprn: ", "", ""]) + f"1000{_digits(rng, 8)}" for _ in range(ROWS)
    ]
    roles = ("Health Visitor", "SW", "social worker", "ANP", "Band 6", "CPN")
    referred = [f"{f} {s} - {rng.choice(roles)}" for f, s in people]
    signed = [f"{rng.choice(['Signed: ', 'pp ', ''])}{f[0]}. {s}" for f, s in people]
    aliases = [
        _blank(rng, f"{f} \u2018{rng.choice(people)[0][:3]}\u2019 {s}", 0.15) for f, s in people
    ]
    found = _profiles(
        {
            "property_uprn": uprns,
            "referred_by": referred,
            "SignedOffBy": signed,
            "other_names_used": aliases,
        }
    )
    assert _kind(found["property_uprn"]) is Identifier.UPRN
    for column in ("referred_by", "SignedOffBy"):
        finding = found[column]
        assert _kind(finding) is Identifier.FULL_NAME, column
        assert finding is not None and finding.subject == "staff", column
    assert _kind(found["other_names_used"]) is Identifier.FULL_NAME


def test_scan_titled_names_under_any_header_are_people() -> None:
    rng = random.Random(63)
    people = _people(rng, ROWS)
    titles = ("Dr", "DR", "Dr.", "Prof", "Mrs", "Mr")

    def titled(fore: str, sur: str) -> str:
        name = rng.choice([f"{fore[0]}. {sur}", f"{fore} {sur}", sur.upper(), f"{fore[0]} {sur}"])
        return f"{rng.choice(titles)} {name}"

    found = _profiles(
        {
            "usual_gp": [titled(f, s) for f, s in people],
            "reg_practitioner": [titled(f, s) for f, s in people],
            "col_9": [_blank(rng, titled(f, s), 0.5) for f, s in people],
            # Places named after people carry a word that is never a name.
            "gp_practice": [f"Dr {s} Surgery" for _, s in people],
            "site": [rng.choice(["Dr Gray's", "St Mary's", "Mrs Jones Memory Clinic"])] * ROWS,
        }
    )
    for column in ("usual_gp", "reg_practitioner"):
        finding = found[column]
        assert _kind(finding) is Identifier.FULL_NAME, column
        assert finding is not None and finding.subject == "staff", column
    col_9 = found["col_9"]
    assert _kind(col_9) is Identifier.FULL_NAME and col_9 is not None
    assert col_9.subject == "person"
    assert _kind(found["gp_practice"]) is None and _kind(found["site"]) is None


def test_scan_organisations_under_a_name_header_are_not_names() -> None:
    rng = random.Random(64)
    towns = ("Salford", "Hull", "Swansea", "Derby", "Perth", "Newry", "Luton", "Bangor")
    organisations = (
        "Mind in {}", "Age Concern {}", "Carers Trust {}", "{} Foodbank", "Women's Aid {}",
        "Citizens Advice {}", "{} Housing Association", "Refugee Action {}", "Shelter {}",
        "{} Carers Network",
    )  # fmt: skip
    orgs = [rng.choice(organisations).format(rng.choice(towns)) for _ in range(ROWS)]
    people = [f"{f} {s}" for f, s in _people(rng, ROWS)]
    found = _profiles({"contact_name": orgs, "contact": orgs, "nok_contact_name": people})
    assert _kind(found["contact_name"]) is None
    assert _kind(found["contact"]) is None
    assert _kind(found["nok_contact_name"]) is Identifier.FULL_NAME


def test_scan_hospital_numbers_merged_from_several_sources() -> None:
    rng = random.Random(65)

    def merged() -> str:
        form = rng.randrange(4)
        if form == 0:
            return f"RJ7 {_digits(rng, 7)}"
        if form == 1:
            return f"k{_digits(rng, 7)}"
        if form == 2:
            return f"{_digits(rng, 7)}B"
        return f"M{_digits(rng, 6)}"

    two_sources = [
        rng.choice([f"RJ7{_digits(rng, 7)}", f"E{_digits(rng, 7)}"]) for _ in range(ROWS)
    ]
    found = _profiles({"ref_a": [merged() for _ in range(ROWS)], "ref_b": two_sources})
    assert _kind(found["ref_a"]) is Identifier.HOSPITAL_NUMBER
    assert _kind(found["ref_b"]) is None  # a trust code and one letter: two sources only


def test_scan_passport_numbers_in_both_document_forms_without_header() -> None:
    rng = random.Random(66)
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"

    def document() -> str:
        if rng.random() < 0.6:
            return _digits(rng, 9)
        pair = rng.choice(letters) + rng.choice(letters)
        return rng.choice([f"{pair}{_digits(rng, 7)}", f"{pair.lower()} {_digits(rng, 7)}"])

    found = _profiles(
        {
            "V7": [_blank(rng, document(), 0.6) for _ in range(ROWS)],
            "nine_digits": [_digits(rng, 9) for _ in range(ROWS)],
            "orders": [rng.choice([_digits(rng, 9), f"PO{_digits(rng, 7)}"]) for _ in range(ROWS)],
        }
    )
    assert _kind(found["V7"]) is Identifier.PASSPORT_NUMBER
    assert _kind(found["nine_digits"]) is None  # any number's shape
    assert _kind(found["orders"]) is None  # one prefix: a reference's own


def test_cue_names_what_belongs_to_a_cue_and_places_named_after_people() -> None:
    places = (
        "Copy to Children's Continuing Care Team today.",
        "Referred to the Parents' Support Hub.",
        "Seen in Mrs Patel Memory Clinic on Monday.",
        "Moved to Sir Robert Peel Unit.",
        "Carers' Wellbeing Service informed.",
    )
    for text in places:
        assert cue_names(text) == [], text
    people = {
        "Seen by Dr Tom Ward today.": "Dr Tom Ward",
        "Her son's partner Tom Bell called.": "Tom Bell",
        "her son Tom Ward visited": "Tom Ward",
        "Mrs Ward phoned.": "Mrs Ward",
    }
    for text, name in people.items():
        assert name in [text[a:b] for a, b in cue_names(text)], text


def test_scan_free_text_with_one_recurring_eponym_is_not_direct() -> None:
    rng = random.Random(67)
    eponymous = ("at Dr Barnardo's", "to Dr Gray's", "on Dr Okafor's list")
    filler = ("Stable, review in 4 weeks.", "Bloods taken, results to follow.", "No change.")

    def template() -> str:
        return f"Follow-up {rng.choice(eponymous[:2])} in {rng.randint(2, 9)} weeks."

    people = _people(rng, ROWS)
    varied = [
        f"Mum, {f} {s}, attended with the child." if rng.random() < 0.08 else rng.choice(filler)
        for f, s in people
    ]
    # A recurring clinician among varied names is still a column naming people.
    mixed = [f"Reviewed by Dr Okafor. {v}" if rng.random() < 0.3 else v for v in varied]
    found = _direct(
        {
            "follow_up_text": [
                template() if rng.random() < 0.3 else rng.choice(filler) for _ in range(ROWS)
            ],
            "contact_text": varied,
            "review_text": mixed,
        }
    )
    assert "follow_up_text" not in found
    assert {"contact_text", "review_text"} <= found


def test_without_roles_workplaces_dates_and_glued_initials() -> None:
    values = pl.Series(
        [
            "Dr Ward, Oak Surgery",
            "Ann Lee d.o.b. 4/09/2015",
            "Tom Bell - 07700 900123",
            "Sam Roe born 01.02.2016",
            "D.Jones",
            "Flat 3, 12 High St",
        ]
    )
    assert without_roles(values).to_list() == [
        "Dr Ward", "Ann Lee", "Tom Bell", "Sam Roe", "D. Jones", "Flat 3",
    ]  # fmt: skip
    # A name before a number is no label ("d.o.b." names an identifier, the name does not).
    assert undo_spreadsheet_damage(pl.Series(["Ann Lee d.o.b. 4/09/2015"])).to_list() == [
        "Ann Lee d.o.b. 4/09/2015"
    ]


def test_scan_names_with_workplaces_dates_or_glued_initials() -> None:
    rng = random.Random(68)
    people = _people(rng, ROWS)
    found = _profiles(
        {
            "gp_details": [f"Dr {s}, {rng.choice(['Oak', 'Mill'])} Surgery" for _, s in people],
            "sibling": [
                _blank(rng, f"{f} {s} d.o.b. {rng.randint(1, 28)}/0{rng.randint(1, 9)}/2014", 0.3)
                for f, s in people
            ],
            "signature": [f"{f[0]}.{s}" for f, s in people],
        }
    )
    for column in ("gp_details", "sibling", "signature"):
        assert _kind(found[column]) is Identifier.FULL_NAME, column


def test_scan_identifiers_in_a_few_short_entries_among_codes() -> None:
    rng = random.Random(69)
    people = _people(rng, ROWS)
    codes = ("DNA", "seen", "ok", "rebook", "no answer", "Cancelled")

    def entry(plant: str) -> str:
        return plant if rng.random() < 0.08 else rng.choice(codes)

    found = _direct(
        {
            "outcome_note": [entry(f"ring 07700 900{_digits(rng, 3)}") for _ in range(ROWS)],
            "contact_result": [entry(f"dtr {f} {s} rang") for f, s in people],
            "outcome": [entry(f"rebook in {rng.randint(2, 9)} weeks") for _ in range(ROWS)],
            "outcome_code": [rng.choice(codes) for _ in range(ROWS)],
        }
    )
    assert {"outcome_note", "contact_result"} <= found
    assert not found & {"outcome", "outcome_code"}


def test_undo_damage_forced_text_dotted_groups_and_named_addresses() -> None:
    values = pl.Series(
        [
            "'9434765919",
            '="07700900123"',
            "943.476.5919",
            "0113.496.0000",
            "Ann Lee <ann@example.org>",
            "01.02.1950",
            "192.168.1.1",
            "12.5",
        ]
    )
    assert undo_spreadsheet_damage(values).to_list() == [
        "9434765919", "07700900123", "943 476 5919", "0113 496 0000", "ann@example.org",
        "01.02.1950", "192.168.1.1", "12.5",
    ]  # fmt: skip


def test_scan_names_typed_in_lower_case_under_a_name_header() -> None:
    rng = random.Random(70)
    people = _people(rng, ROWS)
    codes = ("unknown", "not given", "n/a", "declined")
    found = _profiles(
        {
            "client_forename": [_blank(rng, f.lower(), 0.9) for f, _ in people],
            "pt_surname": [_blank(rng, s.lower(), 0.5) for _, s in people],
            "first_name_src": [rng.choice(codes) for _ in range(ROWS)],
        }
    )
    assert _kind(found["client_forename"]) is Identifier.FORENAME
    assert _kind(found["pt_surname"]) is Identifier.SURNAME
    assert _kind(found["first_name_src"]) is None


def test_undo_damage_keeps_identifiers_that_start_like_labels() -> None:
    # "PP" is a National Insurance prefix; a postcode's area and a hospital number's letter are
    # glued to their digits.
    kept = pl.Series(["PP 37 90 21 D", "LS1 4AB", "K123456", "CD 12 34 56 A"])
    assert undo_spreadsheet_damage(kept).to_list() == kept.to_list()


def _own_names(forename: str, surname: str, text: str) -> list[str]:
    forms = name_forms((fold(forename),), (fold(surname),))
    assert forms is not None
    return [text[a:b] for a, b in forms.find(text, fold(text))]


def test_row_aware_initials_that_are_abbreviations_where_a_person_is_meant() -> None:
    # Bella Price (BP), Gemma Pryce (GP), Olu Taiwo (OT), Amir Malik (AM), Ema ap Rhys.
    assert _own_names("Bella", "Price", "BP's mum rang.") == ["BP"]
    assert _own_names("Gemma", "Pryce", "GP said she is well.") == ["GP"]
    assert _own_names("Olu", "Taiwo", "Client OT declined.") == ["OT"]
    assert _own_names("Amir", "Malik", "A.M. agreed to the plan.") == ["A.M."]
    assert _own_names("Ema", "ap Rhys", "Visited E.a. at home.") == ["E.a."]
    # The abbreviation where no person is meant.
    assert _own_names("Bella", "Price", "BP 120/80, GP aware.") == []
    assert _own_names("Amir", "Malik", "Seen at 9 A.M. today.") == []
    assert _own_names("Gemma", "Pryce", "Letter to GP re meds.") == []


def test_row_aware_short_forms_in_capitals_where_a_person_is_meant() -> None:
    assert _own_names("Catriona", "Bell", "CAT'S PLAN AGREED.") == ["CAT"]
    assert _own_names("Angharad", "Jones", "CLIENT HARI SEEN TODAY.") == ["HARI"]
    assert _own_names("Caroline", "Bell", "CAR PARKED OUTSIDE.") == []
    assert _own_names("Caroline", "Bell", "CAR WAS PARKED OUTSIDE.") == []
    assert _own_names("Emma", "Davies", "ED was busy, long wait.") == []
    assert _own_names("Rhian", "Roberts", "RR seen at 20.") == []


def test_scan_phone_shaped_references_in_notes_are_not_phones() -> None:
    rng = random.Random(71)
    filler = ("Seen at home, no concerns.", "Review booked for next month.", "All well today.")
    words = ("Order", "Invoice no.", "Batch", "Job ref", "Sample number")

    def reference() -> str:
        return f"{rng.choice(words)} 0{_digits(rng, 9)} raised for supplies."

    def phone() -> str:
        return f"New mobile 07700 900{_digits(rng, 3)}, text only."

    def note(plant: Callable[[], str], share: float) -> str:
        return plant() if rng.random() < share else rng.choice(filler)

    found = _direct(
        {
            "supplies_note": [note(reference, 0.3) for _ in range(ROWS)],
            "contact_note": [note(phone, 0.06) for _ in range(ROWS)],
            # References and one real phone number among them: still a phone column.
            "mixed_note": [
                note(phone, 0.05) if i % 2 else note(reference, 0.3) for i in range(ROWS)
            ],
        }
    )
    assert "supplies_note" not in found
    assert {"contact_note", "mixed_note"} <= found
