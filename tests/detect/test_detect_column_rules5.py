"""Column rules added for issue 19's fifth round, each on its own synthetic examples.

Short remarks are free text too (an identifier in a few of them makes the column direct);
names in a list separated by semicolons and a nickname after the name; single names from
many communities without a header, by how only names are written; hospital numbers without a
header in a hospital's own letter forms; UPRNs without a header in AddressBase's ranges; and
headers in Irish and Scottish Gaelic, and a passport's "document number".
"""

from __future__ import annotations

import random
from collections.abc import Callable

import polars as pl

from safelink.detect import scan
from safelink.detect.column_model import ColumnFinding
from safelink.detect.column_names import first_of_list
from safelink.detect.damage import undo_spreadsheet_damage
from safelink.detect.headers import header_entities
from safelink.detect.recognisers import name_lists
from safelink.identifiers import Identifier

ROWS = 400
# Invented name words (no list holds them), to stand for names from many communities.
_SYLLABLES = ("ka", "lo", "mi", "ren", "du", "sa", "vel", "to", "bri", "an", "zo", "ek")
_REMARKS = (
    "Client out when called, try again",
    "Spoke to daughter, all well",
    "Review booked for next month",
    "No change since the last visit",
    "Letter sent to confirm the plan",
)


def _profiles(columns: dict[str, list[str | None]]) -> dict[str, ColumnFinding | None]:
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    return {p.column: p.finding for p in scan(frame, sample=1_000).columns}


def _direct(columns: dict[str, list[str | None]]) -> set[str]:
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    return set(scan(frame, sample=1_000).direct_columns)


def _kind(finding: ColumnFinding | None) -> Identifier | None:
    return finding.kind if finding is not None and finding.detected else None


def _invented(rng: random.Random, count: int) -> list[str]:
    words = {"".join(rng.sample(_SYLLABLES, 3)).title() for _ in range(count * 3)}
    return sorted(words)[:count]


def _remarks(rng: random.Random, plant: Callable[[], str], share: float) -> list[str | None]:
    return [plant() if rng.random() < share else rng.choice(_REMARKS) for _ in range(ROWS)]


def test_scan_short_remarks_with_identifiers_in_a_few_rows_are_direct_free_text() -> None:
    rng = random.Random(51)
    letters = "ABCDEFGHJKLMNPRSTVWXY"

    def plate() -> str:
        tail = "".join(rng.sample(letters, 3))
        return f"Drives a van, reg W{rng.randint(10, 69)} {tail} outside"

    def passport() -> str:
        return f"passport number {rng.randint(100_000_000, 999_999_999)} copied"

    def day() -> str:
        return f"Seen on day {rng.randint(1, 90)} of the plan, no concerns"

    columns = {
        "visit_remark": _remarks(rng, plate, 0.08),
        "id_seen": _remarks(rng, passport, 0.08),
        "plain_remark": _remarks(rng, day, 0.5),
        # A few categories repeated are a code list, not remarks.
        "support_reason": [rng.choice(_REMARKS[:3]) for _ in range(ROWS)],
        # Capitalised names of services and clinics are not prose, even with a title.
        "clinic": [rng.choice(["Dr Hale's Foot Clinic", "Harbour Road Memory Clinic"])] * ROWS,
    }
    found = _direct(columns)
    assert {"visit_remark", "id_seen"} <= found
    assert not found & {"plain_remark", "support_reason", "clinic"}
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    prose = {p.column for p in scan(frame, sample=1_000).columns if p.free_text}
    assert prose == {"visit_remark", "id_seen", "plain_remark"}


def test_undo_damage_nickname_after_the_name_and_first_of_a_semicolon_list() -> None:
    values = pl.Series(["Tom Hale aka 'Tosh'", "Ann Lowe a.k.a. Nan", "Raj Mehta known as Raj"])
    assert undo_spreadsheet_damage(values).to_list() == ["Tom Hale", "Ann Lowe", "Raj Mehta"]
    lists = pl.Series(["Ada; Ben; Cy", "Dot;Eve", "Hale, Tom", "Fay"])
    assert first_of_list(lists).to_list() == ["Ada", "Dot", "Hale, Tom", "Fay"]


def test_scan_semicolon_lists_and_trailing_nicknames_under_name_headers() -> None:
    forenames, surnames = name_lists()
    rng = random.Random(52)
    fore = [f.title() for f in rng.sample(sorted(forenames), 80)]
    sur = [s.title() for s in rng.sample(sorted(surnames), 80)]
    siblings = [
        "; ".join(rng.sample(fore, rng.randint(1, 4))) if rng.random() < 0.4 else None
        for _ in range(ROWS)
    ]
    aliases = [
        f"{rng.choice(fore)} {rng.choice(sur)} aka '{rng.choice(fore)[:3]}'"
        if rng.random() < 0.2
        else None
        for _ in range(ROWS)
    ]
    found = _profiles({"sibling_first_names": siblings, "other_names": aliases})
    assert _kind(found["sibling_first_names"]) is Identifier.FORENAME
    assert _kind(found["other_names"]) is Identifier.FULL_NAME


def test_scan_fewer_distinct_single_names_written_as_only_names_are() -> None:
    _, surnames = name_lists()
    rng = random.Random(53)
    listed = [s.title() for s in rng.sample(sorted(surnames), 12)]
    invented = _invented(rng, 60)
    marked = [
        rng.choice(["Mc", "O'", "Al-", "Ní ", "ap "]) + w if i % 3 == 0 else w.replace("a", "ą")
        for i, w in enumerate(invented[:24])
    ]
    names = listed + marked + invented[24:48]  # 60 distinct, repeated over the rows
    # 60 distinct, none written as only names are, a twentieth listed. (With a fifth of them
    # listed surnames, 60 words are a service's clients' surnames since round 11: held-out 14,
    # 17 and 21 each had such a column.)
    code_list = listed[:3] + invented[:57]
    found = _profiles(
        {
            "k_1": [rng.choice(names) for _ in range(ROWS)],
            "k_2": [rng.choice(code_list) for _ in range(ROWS)],
        }
    )
    assert _kind(found["k_1"]) is Identifier.SURNAME
    assert _kind(found["k_2"]) is None


def test_scan_hospital_numbers_in_letter_forms_without_header() -> None:
    rng = random.Random(54)
    digits = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    local = [
        f"{rng.choice('ADHMPW')}{digits(7)}" if rng.random() < 0.7 else f"{digits(6)}{'XY'[i % 2]}"
        for i in range(ROWS)
    ]
    own_prefix = [f"Q{digits(7)}" for _ in range(ROWS)]  # one letter: a reference's own
    geography = [f"{rng.choice('EWS')}0{rng.randint(1, 4)}{digits(6)}" for _ in range(ROWS)]
    found = _profiles({"c_1": local, "c_2": own_prefix, "c_3": geography})
    assert _kind(found["c_1"]) is Identifier.HOSPITAL_NUMBER
    assert _kind(found["c_2"]) is None and _kind(found["c_3"]) is None


def test_scan_uprns_without_header_by_addressbase_ranges() -> None:
    rng = random.Random(55)
    uprns = [
        rng.choice(
            [
                f"{rng.choice('12')}00{rng.randint(0, 999_999_999):09d}",
                f"10{rng.randint(0, 999_999_999):09d}",
                str(rng.randint(1_000_000, 99_999_999)),
            ]
        )
        for _ in range(ROWS)
    ]
    accounts = [str(rng.randint(10**10, 10**12 - 1)) for _ in range(ROWS)]
    found = _profiles({"u_1": uprns, "u_2": accounts})
    assert _kind(found["u_1"]) is Identifier.UPRN
    assert _kind(found["u_2"]) is None


def test_header_entities_gaelic_names_and_document_numbers() -> None:
    assert header_entities("Sloinne")[0] == ["SURNAME"]
    assert header_entities("sloinneadh_2")[0] == ["SURNAME"]
    assert header_entities("ainm")[0] == ["FULL_NAME"]
    assert header_entities("document_no")[0] == ["UK_PASSPORT"]
    assert header_entities("DocNumber")[0] == ["UK_PASSPORT"]
    assert header_entities("document_type")[1]  # describes a document: metadata
    assert header_entities("documents_received")[0] == []
