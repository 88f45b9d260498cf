"""Our own labelled free-text corpus: case notes naming their person, relatives and staff.

Built alongside the detector (so its scores flatter it; the held-out corpus in
``tests/detect/heldout`` is the honest one). Names come from safelink's synthetic lists.
Labels follow the held-out conventions: ``SELF_*`` for the row's own identifiers,
``OTHER_PERSON`` for anyone else named; appointment dates, wards, saints' and place names,
doses and reference numbers are traps left unlabelled.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import polars as pl

from safelink.identifiers import Identifier
from safelink.synthetic.testing import synthetic_nhs_numbers
from tests.detect.corpus import _names

#: The identifier columns of this corpus and of the held-out notes, with their kinds.
NOTE_IDENTIFIERS = {
    "forename": Identifier.FORENAME,
    "surname": Identifier.SURNAME,
    "date_of_birth": Identifier.DATE_OF_BIRTH,
    "nhs_number": Identifier.NHS_NUMBER,
    "postcode": Identifier.POSTCODE,
    "address_line": Identifier.ADDRESS,
    "phone": Identifier.PHONE,
}
_MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
_STREETS = ["Mill Lane", "Church Road", "Station Road", "Oak Close", "Manor Drive", "Elm Grove"]
_OUTWARD = ["LS6", "BD7", "WF1", "HX3", "M14", "B12", "SW9", "CF24", "EH7", "G41"]
_STAFF = ["Dr", "Nurse", "social worker", "OT", "Dr", "support worker"]
_PLACES = ["St Helens", "Victoria Ward", "St James's Hospital", "Kingston", "Chester Road clinic"]
_TRAPS = [
    "Dose 500mg twice daily.",
    "Bed 14 on {place}.",
    "Ref 1234567890 sent.",
    "Review at 14:30 on 12/06/2025.",
    "Transferred from {place}.",
    "Next visit in {month}.",
]


def _dob_forms(day: dt.date, rng: random.Random) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day.day, "th")
    month = _MONTHS[day.month - 1]
    return rng.choice(
        [
            f"{day.day}{suffix} {month} {day.year}",
            f"{day:%d/%m/%y}",
            f"{day:%d/%m/%Y}",
            f"{day.day} {month[:3]} {day.year}",
            day.isoformat(),
        ]
    )


class _Note:
    def __init__(self) -> None:
        self.text = ""
        self.spans: list[tuple[int, int, str]] = []

    def add(self, text: str, label: str | None = None) -> None:
        if label is not None:
            self.spans.append((len(self.text), len(self.text) + len(text), label))
        self.text += text


def make_notes(seed: int = 11, rows: int = 600) -> tuple[pl.DataFrame, list[dict[str, Any]]]:
    """Generate the corpus: the rows (identifier columns and ``note``) and the span labels."""
    rng = random.Random(seed)
    forenames, surnames = _names()
    nhs = synthetic_nhs_numbers(rows, seed=seed)
    records: list[dict[str, str]] = []
    labels: list[dict[str, Any]] = []
    for row in range(rows):
        fore, sur = rng.choice(forenames), rng.choice(surnames)
        dob = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange(30_000))
        inward = f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTU')}"
        postcode = f"{rng.choice(_OUTWARD)} {inward}"
        address = f"{rng.randint(1, 120)} {rng.choice(_STREETS)}"
        phone = f"07700 900{rng.randrange(1000):03d}"
        note = _Note()
        mention = rng.choice([f"{fore} {sur}", fore, f"Mr {sur}", f"{fore[0]}. {sur}", sur.upper()])
        note.add("Visited ")
        note.add(mention, "SELF_NAME")
        note.add(" at home. ")
        if rng.random() < 0.3:
            note.add("DOB ")
            note.add(_dob_forms(dob, rng), "SELF_DOB")
            note.add(". ")
        if rng.random() < 0.15:
            note.add("NHS no ")
            number = nhs[row]
            note.add(rng.choice([number, f"{number[:3]} {number[3:6]} {number[6:]}"]), "SELF_NHS")
            note.add(". ")
        if rng.random() < 0.15:
            note.add("Lives at ")
            note.add(address, "SELF_ADDRESS")
            note.add(", ")
            note.add(postcode, "SELF_POSTCODE")
            note.add(". ")
        if rng.random() < 0.15:
            note.add("Mobile ")
            note.add(phone, "SELF_PHONE")
            note.add(". ")
        if rng.random() < 0.35:
            relative = f"{rng.choice(forenames)} {rng.choice(surnames)}"
            note.add(f"Seen with {rng.choice(['daughter', 'son', 'neighbour'])} ")
            note.add(relative, "OTHER_PERSON")
            note.add(" and ")
            staff = rng.choice(_STAFF)
            note.add(f"{staff} " if staff != "Dr" else "")
            note.add(
                f"Dr {rng.choice(surnames)}" if staff == "Dr" else rng.choice(forenames),
                "OTHER_PERSON",
            )
            note.add(". ")
        trap = rng.choice(_TRAPS).format(place=rng.choice(_PLACES), month=rng.choice(_MONTHS))
        note.add(trap)
        records.append(
            {
                "record_id": f"n{row:05d}",
                "forename": fore,
                "surname": sur,
                "date_of_birth": dob.isoformat(),
                "nhs_number": nhs[row],
                "postcode": postcode,
                "address_line": address,
                "phone": phone,
                "note": note.text,
            }
        )
        labels.extend({"row": row, "start": s, "end": e, "label": lab} for s, e, lab in note.spans)
    return pl.DataFrame(records), labels
