"""Held-out free-text corpus: social-care / clinical notes with exact span labels.

Built by an independent helper that never read the detector's code or its tests. Nobody
tunes the detector on this corpus: it is only scored.

Each record is one synthetic person (name, date of birth, NHS number, postcode, address
line, phone) plus a one-to-five-sentence note. Spans mark every mention of the record's own
identifiers (``SELF_*``), of other people (``OTHER_PERSON``) and of other people's phones
(``OTHER_PHONE``). Appointment dates, wards, places, drugs, doses, bed numbers, times,
reference numbers that fail modulus 11, months and weekdays are deliberately left unlabelled.

Span conventions: a name span covers the name as written, including an honorific written
with it ("Mrs Coleman-Burgess", "Dr Okafor") but not a role word ("social worker", "his
daughter") nor a possessive "'s". An address span covers the street line only; a following
postcode is its own SELF_POSTCODE span.

Run ``python -m tests.detect.heldout.notes`` to verify every span and print the counts.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl

from .columns import (
    CARE_SENTENCES,
    DRUGS,
    FEMALE_FORENAMES,
    HOSPITALS,
    MALE_FORENAMES,
    PLACES,
    format_nhs,
    format_phone,
    make_address,
    make_date,
    make_dob,
    make_failing_ten_digits,
    make_nhs,
    make_phone,
    make_postcode,
    make_surname,
)

LABELS = (
    "SELF_NAME", "SELF_DOB", "SELF_NHS", "SELF_POSTCODE", "SELF_ADDRESS", "SELF_PHONE",
    "OTHER_PERSON", "OTHER_PHONE",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
MONTH_FORENAMES = ("May", "June", "April")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NOTE_WARDS = (
    "Victoria Ward", "Florence Nightingale Ward", "St Mary's Ward", "Ward 7 Nightingale",
    "Jubilee Ward", "Ward 12", "Rowan Ward",
)  # fmt: skip
RELATIVES_F = ("daughter", "wife", "sister", "niece", "granddaughter", "neighbour", "partner")
RELATIVES_M = ("son", "husband", "brother", "nephew", "grandson", "neighbour", "partner")
PHONE_STYLES = ("canonical", "canonical", "compact", "intl", "brackets")

Piece = tuple[str, str | None]
SpanLabel = dict[str, Any]  # {'row': int, 'start': int, 'end': int, 'label': str}
Slot = Callable[[], list[Piece]]

SELF_T = (
    "{self} was seen at home by the district nurse.",
    "Home visit to {self}; {pron} was in good spirits.",
    "Telephone call with {self} regarding medication.",
    "Spoke to {self} about the care package.",
    "{self} reports increased pain in the left hip.",
    "{self} declined personal care this morning.",
    "Reviewed {self} on the ward round.",
    "{self}'s carer reports reduced mobility.",
    "Letter sent to {self} confirming the review.",
    "{self} is known to the memory clinic.",
    "Patient {self} attended with a chest infection.",
)
SELF_AGAIN_T = ("{self} agreed to the plan.", "{self} was happy with this.")
RELATIVE_T = (
    "{Poss} {rel} {other} was present for the visit.",
    "Discussed with {poss} {rel} {other}, who is happy with the plan.",
    "{other} ({rel}) visits daily.",
    "{Poss} {rel} {other} has lasting power of attorney.",
)
RELATIVE_PHONE_T = (
    "{Poss} {rel} {other} can be reached on {other_phone}.",
    "Next of kin: {other} ({rel}), tel {other_phone}.",
)
STAFF_T = (
    "Discussed with {staff}.",
    "Seen by {staff} today.",
    "Follow-up to be arranged by {staff}.",
    "Case allocated to {staff}.",
)
NHS_T = (
    "NHS number {nhs} confirmed.",
    "NHS No: {nhs}.",
    "Checked NHS no {nhs} on the spine.",
    "Records matched on NHS {nhs}.",
)
PHONE_T = (
    "Contact number {phone}.",
    "Can be reached on {phone}.",
    "Tel: {phone}.",
    "Asked to ring back on {phone}.",
)
DOB_T = ("DOB {dob}.", "Date of birth {dob} confirmed.", "{Pron} was born on {dob}.")
ADDRESS_T = (
    "Lives at {address}.",
    "Address confirmed as {address}, {postcode}.",
    "Home address: {address}.",
    "Key safe fitted at {address}.",
)
POSTCODE_T = ("Postcode {postcode} checked.", "Transport booked to {postcode}.")
TRAP_T = (
    "Seen on {ward}, obs within normal limits.",
    "Commenced {drug} {dose} twice daily.",
    "Moved to bed {bed} on {ward}.",
    "Follow-up appointment on {appt} at {time}.",
    "Transport booked from {place}.",
    "Attended the Chester Road clinic on {weekday}.",
    "Pharmacy order {ref} placed.",
    "Review planned for {month}.",
    "Discussed at MDT on {weekday}.",
    "Referred to the falls team at {hospital}.",
    "{drug} {dose} given at {time}.",
    "Clinic letter dated {appt} received.",
)
MONTH_TRAP_T = ("Review planned for {own_month}.", "Next visit due in {own_month}.")


@dataclass(frozen=True)
class Person:
    """One synthetic record."""

    forename: str
    surname: str
    female: bool
    dob: dt.date
    nhs: str
    postcode: str
    address: str
    phone: list[str]


def make_person(rng: random.Random) -> Person:
    """A person; about 3% carry a month-name forename (May, June, April)."""
    female = rng.random() < 0.5
    if female and rng.random() < 0.06:
        forename = rng.choice(MONTH_FORENAMES)
    else:
        forename = rng.choice(FEMALE_FORENAMES if female else MALE_FORENAMES)
    return Person(
        forename=forename,
        surname=make_surname(rng),
        female=female,
        dob=make_dob(rng),
        nhs=make_nhs(rng),
        postcode=make_postcode(rng),
        address=make_address(rng),
        phone=make_phone(rng),
    )


def ordinal(day: int) -> str:
    """'1st', '2nd', '3rd', '4th', ... '21st'."""
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def date_forms(d: dt.date) -> tuple[str, ...]:
    """The five written forms of a date used in the notes."""
    return (
        f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
        d.strftime("%d/%m/%y"),
        d.strftime("%d/%m/%Y"),
        f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
        d.isoformat(),
    )


def self_name_forms(p: Person) -> tuple[str, ...]:
    """Every way the record's own name is written in a note."""
    title = ("Mrs", "Ms", "Miss") if p.female else ("Mr",)
    return (
        f"{p.forename} {p.surname}",
        f"{p.forename} {p.surname}",
        p.forename,
        p.forename,
        p.surname,
        *(f"{t} {p.surname}" for t in title),
        f"{p.forename[0]}. {p.surname}",
        f"{p.forename[0]} {p.surname}",
        f"{p.forename} {p.surname}".upper(),
        p.surname.upper(),
        p.forename.upper(),
        p.forename.lower(),
        f"{p.surname}, {p.forename}",
    )


class NoteBuilder:
    """Accumulates note text and the spans of labelled pieces."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: list[tuple[int, int, str]] = []

    def put(self, text: str, label: str | None = None) -> None:
        """Append ``text``; record a span when it carries a label."""
        if label is not None:
            self.spans.append((len(self.text), len(self.text) + len(text), label))
        self.text += text

    def render(self, template: str, slots: dict[str, Slot]) -> None:
        """Append one sentence, filling each ``{slot}`` from ``slots``."""
        if self.text:
            self.put(" ")
        pos = 0
        for match in re.finditer(r"\{(\w+)\}", template):
            self.put(template[pos : match.start()])
            for text, label in slots[match.group(1)]():
                self.put(text, label)
            pos = match.end()
        self.put(template[pos:])


def _other_names(rng: random.Random, p: Person, female: bool, share: bool) -> tuple[str, str]:
    """A forename/surname for someone else, never reusing the record's own name words."""
    own = {p.forename, p.surname}
    while True:
        forename = rng.choice(FEMALE_FORENAMES if female else MALE_FORENAMES)
        surname = p.surname if share else make_surname(rng)
        if forename not in own and (share or surname not in own) and forename != surname:
            return forename, surname


def _slots(rng: random.Random, p: Person) -> dict[str, Slot]:
    """Slot fillers for one note: labelled identifiers plus unlabelled traps."""
    rel_female = rng.random() < 0.5
    rel = rng.choice(RELATIVES_F if rel_female else RELATIVES_M)
    rel_f, rel_s = _other_names(rng, p, rel_female, share=rng.random() < 0.25)
    staff_f, staff_s = _other_names(rng, p, rng.random() < 0.5, share=False)
    other_phone = make_phone(rng)
    while other_phone == p.phone:
        other_phone = make_phone(rng)

    def staff() -> list[Piece]:
        return rng.choice(
            [
                [(f"Dr {staff_s}", "OTHER_PERSON")],
                [("social worker ", None), (f"{staff_f} {staff_s}", "OTHER_PERSON")],
                [("OT ", None), (f"{staff_f} {staff_s}", "OTHER_PERSON")],
                [("district nurse ", None), (staff_f, "OTHER_PERSON")],
                [("GP ", None), (f"Dr {staff_f[0]} {staff_s}", "OTHER_PERSON")],
                [("care coordinator ", None), (f"{staff_f} {staff_s}", "OTHER_PERSON")],
            ]
        )

    def pick(label: str | None, *options: str) -> Slot:
        return lambda: [(rng.choice(options), label)]

    def lit(text: str) -> Slot:
        return pick(None, text)

    appt = make_date(rng, 2024, 2026)
    relative = f"{rel_f} {rel_s}"
    return {
        "self": pick("SELF_NAME", *self_name_forms(p)),
        "pron": lit("she" if p.female else "he"),
        "Pron": lit("She" if p.female else "He"),
        "poss": lit("her" if p.female else "his"),
        "Poss": lit("Her" if p.female else "His"),
        "rel": lit(rel),
        "other": pick("OTHER_PERSON", relative, relative, rel_f),
        "staff": staff,
        "other_phone": pick("OTHER_PHONE", *(format_phone(other_phone, s) for s in PHONE_STYLES)),
        "nhs": pick("SELF_NHS", *(format_nhs(p.nhs, s) for s in ("spaced", "compact", "dashed"))),
        "phone": pick("SELF_PHONE", *(format_phone(p.phone, s) for s in PHONE_STYLES)),
        "dob": pick("SELF_DOB", *date_forms(p.dob)),
        "address": pick("SELF_ADDRESS", p.address),
        "postcode": pick("SELF_POSTCODE", p.postcode, p.postcode, p.postcode.replace(" ", "")),
        "ward": pick(None, *NOTE_WARDS),
        "drug": pick(None, *DRUGS),
        "dose": pick(None, "500mg", "10mg", "2.5 mg", "5ml", "30mg/500mg", "1g"),
        "bed": lambda: [(str(rng.randint(1, 32)), None)],
        "appt": pick(None, *date_forms(appt)),
        "time": pick(None, "09:30", "10:15", "14:00", "2pm", "11am", "16:45"),
        "place": pick(None, *PLACES),
        "weekday": pick(None, *WEEKDAYS),
        "month": pick(None, *MONTHS),
        "own_month": lit(p.forename),
        "ref": lambda: [(make_failing_ten_digits(rng), None)],
        "hospital": pick(None, *HOSPITALS),
    }


def make_note(rng: random.Random, p: Person) -> NoteBuilder:
    """Compose one note of one to five sentences for ``p``."""
    slots = _slots(rng, p)
    has_self = rng.random() < 0.70
    has_other = rng.random() < 0.30
    required: list[str] = []
    if rng.random() < 0.10:
        required.append(rng.choice(NHS_T))
    if rng.random() < 0.11:
        required.append(rng.choice(PHONE_T))
    if has_other:
        if rng.random() < 0.25:
            required.append(rng.choice(RELATIVE_PHONE_T))
        else:
            required.append(rng.choice(RELATIVE_T if rng.random() < 0.5 else STAFF_T))
    if rng.random() < 0.12:
        required.append(rng.choice(DOB_T))
    if rng.random() < 0.07:
        required.append(rng.choice(ADDRESS_T))
    if rng.random() < 0.05:
        required.append(rng.choice(POSTCODE_T))
    if p.forename in MONTH_FORENAMES and rng.random() < 0.7:
        required.append(rng.choice(MONTH_TRAP_T))
    required = required[: 4 if has_self else 5]
    target = rng.randint(1, 5)
    while len(required) + has_self < target:
        filler = rng.choice(TRAP_T) if rng.random() < 0.6 else rng.choice(CARE_SENTENCES)
        if filler not in required:
            required.append(filler)
    rng.shuffle(required)
    if has_self:
        required.insert(0 if rng.random() < 0.8 else len(required), rng.choice(SELF_T))
        if len(required) < 5 and rng.random() < 0.25:
            required.append(rng.choice(SELF_AGAIN_T))
    builder = NoteBuilder()
    for template in required:
        builder.render(template, slots)
    return builder


def make_heldout_notes(seed: int = 2027, rows: int = 1000) -> tuple[pl.DataFrame, list[SpanLabel]]:
    """Generate the held-out free-text corpus.

    Args:
        seed: seed for ``random.Random``; the same seed gives identical output.
        rows: number of records.

    Returns:
        The frame (record_id, forename, surname, date_of_birth, nhs_number, postcode,
        address_line, phone, note) and the spans ``{"row", "start", "end", "label"}``.
    """
    rng = random.Random(seed)
    records: list[dict[str, str]] = []
    spans: list[SpanLabel] = []
    for row in range(rows):
        person = make_person(rng)
        note = make_note(rng, person)
        records.append(
            {
                "record_id": f"r{row + 1:05d}",
                "forename": person.forename,
                "surname": person.surname,
                "date_of_birth": person.dob.isoformat(),
                "nhs_number": person.nhs,
                "postcode": person.postcode,
                "address_line": person.address,
                "phone": " ".join(person.phone),
                "note": note.text,
            }
        )
        spans.extend({"row": row, "start": s, "end": e, "label": lab} for s, e, lab in note.spans)
    return pl.DataFrame(records, schema={k: pl.String for k in records[0]}), spans


# --------------------------------------------------------------------------- self-check
def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return "0" + digits[2:] if text.startswith("+44") else digits


def check_spans(frame: pl.DataFrame, spans: list[SpanLabel]) -> None:
    """Verify spans are exact, non-overlapping, and match the row's own values.

    Also checks that the row's own forename and surname never occur outside a span (except
    month-name forenames used as months, which are deliberate traps).
    """
    rows = frame.to_dicts()
    by_row: dict[int, list[SpanLabel]] = {}
    for span in spans:
        by_row.setdefault(span["row"], []).append(span)
    for index, rec in enumerate(rows):
        note = rec["note"]
        own = sorted(by_row.get(index, []), key=lambda s: s["start"])
        for prev, cur in itertools.pairwise(own):
            assert prev["end"] <= cur["start"], (index, prev, cur)
        for span in own:
            text = note[span["start"] : span["end"]]
            label = span["label"]
            assert label in LABELS and text and text == text.strip(), (index, span, text)
            if label == "SELF_NAME":
                low = text.lower()
                assert rec["forename"].lower() in low or rec["surname"].lower() in low, text
            elif label == "SELF_NHS":
                assert _digits(text) == rec["nhs_number"], text
            elif label == "SELF_PHONE":
                assert _digits(text) == rec["phone"].replace(" ", ""), text
            elif label == "OTHER_PHONE":
                assert _digits(text) != rec["phone"].replace(" ", ""), text
            elif label == "SELF_POSTCODE":
                assert text.upper().replace(" ", "") == rec["postcode"].replace(" ", ""), text
            elif label == "SELF_ADDRESS":
                assert text == rec["address_line"], text
            elif label == "SELF_DOB":
                assert text in date_forms(dt.date.fromisoformat(rec["date_of_birth"])), text
        covered = [(s["start"], s["end"]) for s in own]
        for word in (rec["forename"], rec["surname"]):
            if word in MONTH_FORENAMES:
                continue
            for form in {word, word.upper(), word.lower()}:
                pattern = rf"(?<![A-Za-z']){re.escape(form)}(?![A-Za-z])"
                for m in re.finditer(pattern, note):
                    inside = any(s <= m.start() and m.end() <= e for s, e in covered)
                    assert inside, f"row {index}: unlabelled {form!r} in {note!r}"
        assert rec["nhs_number"] not in _unlabelled_digits(note, covered), index


def _unlabelled_digits(note: str, covered: list[tuple[int, int]]) -> str:
    """Digits of the note outside labelled spans (spans replaced by a separator)."""
    kept = list(note)
    for start, end in covered:
        kept[start:end] = ["|"] * (end - start)
    return re.sub(r"[ \-]", "", "".join(kept))


if __name__ == "__main__":
    frame, spans = make_heldout_notes()
    frame2, spans2 = make_heldout_notes()
    assert frame.equals(frame2) and spans == spans2, "not deterministic"
    assert not frame.equals(make_heldout_notes(seed=1)[0]), "seed ignored"
    check_spans(frame, spans)
    n = frame.height
    print(f"shape: {frame.shape}; spans: {len(spans)}; all spans verified")
    counts = Counter(s["label"] for s in spans)
    rows_with = {lab: len({s["row"] for s in spans if s["label"] == lab}) for lab in LABELS}
    for lab in LABELS:
        print(
            f"  {lab:14} spans {counts[lab]:5}  rows {rows_with[lab]:4} ({rows_with[lab] / n:.0%})"
        )
    month_people = frame.filter(pl.col("forename").is_in(list(MONTH_FORENAMES))).height
    print(f"  month-name forenames: {month_people} records")
    for rec in frame.head(5).to_dicts():
        print("  ", rec["record_id"], rec["forename"], rec["surname"], "|", rec["note"])
