"""Our own corpus of other people named in case notes, in the ways the issue lists.

Development data for the name rules (built alongside them, so its scores flatter them; the
held-out notes are the honest measure). Mention styles come from issue #19's description:
titles with a surname ("Dr Okafor", "Mrs Khan"), roles with a colon ("SW: Tom Baines"),
relationship words ("daughter Amira", "her son Tom"), possessives ("Amira's husband"), upper
case, names in brackets after or before a role, hyphenated and prefixed surnames. Traps are
left unlabelled: wards and buildings named after people, saints' places, teams, months and
weekdays, kinship words used as names ("Mum"), drugs. Names come from safelink's synthetic
lists (many communities; not the detector's own name lists). Labels: ``OTHER_PERSON``.
"""

from __future__ import annotations

import random
from typing import Any

import polars as pl

from tests.detect.corpus import _names

_TITLES = ["Dr", "Mrs", "Mr", "Ms", "Miss", "Dr"]
_ROLES = ["SW", "OT", "CPN", "Carer", "Key worker", "GP", "Advocate", "Physio"]
_RELATIONS = [
    "daughter", "son", "wife", "husband", "partner", "sister", "brother", "niece", "nephew",
    "neighbour", "friend", "mother", "father", "granddaughter", "grandson", "son-in-law",
]  # fmt: skip
_POSSESSIVE = ["her", "his", "their"]
_ACTIONS = [
    "visited today", "phoned the office", "attended the review", "raised concerns",
    "will collect prescriptions", "has a key", "is the main carer", "agreed the plan",
]  # fmt: skip
_MONTHS = ["January", "March", "May", "June", "April", "August", "October"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_TRAPS = [
    "Moved to {fore} Ward on {day}.",
    "Transferred from St {fore}'s Hospital.",
    "Outpatient clinic at {sur} House in {month}.",
    "Referred to the Duty Team and Adult Social Care.",
    "Mum is settled, Dad worried about stairs.",
    "Review planned for {month}.",
    "Seen at the {sur} Medical Centre.",
    "Started Co-codamol 30mg/500mg, Zomorph as before.",
    "Florence Nightingale Ward bed 4.",
    "Lives near St {fore}'s Church.",
]


def _surname(rng: random.Random, surnames: list[str]) -> str:
    name = rng.choice(surnames)
    roll = rng.random()
    if roll < 0.08:
        return f"{name}-{rng.choice(surnames)}"
    if roll < 0.12:
        return f"O'{name}"
    if roll < 0.16:
        return f"Mc{name}"
    return name


class _Note:
    def __init__(self) -> None:
        self.text = ""
        self.spans: list[tuple[int, int]] = []

    def add(self, text: str, *, name: bool = False) -> None:
        if name:
            self.spans.append((len(self.text), len(self.text) + len(text)))
        self.text += text


def _mention(note: _Note, rng: random.Random, fore: str, sur: str) -> None:
    """One sentence naming someone other than the row's person."""
    style = rng.randrange(9)
    action = rng.choice(_ACTIONS)
    if style == 0:
        note.add("Reviewed with ")
        note.add(f"{rng.choice(_TITLES)} {sur}", name=True)
        note.add(". ")
    elif style == 1:
        note.add(f"{rng.choice(_ROLES)}: ")
        note.add(f"{fore} {sur}", name=True)
        note.add(f" {action}. ")
    elif style == 2:
        note.add(f"{rng.choice(_POSSESSIVE).capitalize()} {rng.choice(_RELATIONS)} ")
        note.add(fore, name=True)
        note.add(f" {action}. ")
    elif style == 3:
        note.add(f"Spoke to {rng.choice(_RELATIONS)} ")
        note.add(f"{fore} {sur}" if rng.random() < 0.5 else fore, name=True)
        note.add(", who " + action.replace("visited", "has visited") + ". ")
    elif style == 4:
        note.add(fore, name=True)
        note.add(f"'s {rng.choice(_RELATIONS)} {action}. ")
    elif style == 5:
        note.add(f"{rng.choice(_RELATIONS).capitalize()} ")
        note.add(f"{fore.upper()} {sur.upper()}", name=True)
        note.add(f" {action}. ")
    elif style == 6:
        note.add(f"{fore} {sur}", name=True)
        note.add(f" ({rng.choice(_RELATIONS)}) {action}. ")
    elif style == 7:
        note.add(f"{rng.choice(_ROLES)} (")
        note.add(f"{fore} {sur}", name=True)
        note.add(f") {action}. ")
    else:
        note.add(f"{rng.choice(['Message left for', 'Letter copied to', 'Call from'])} ")
        note.add(f"{rng.choice(_TITLES)} {fore} {sur}", name=True)
        note.add(". ")


def make_mention_notes(
    seed: int = 19, rows: int = 600
) -> tuple[pl.DataFrame, list[dict[str, Any]]]:
    """Generate the corpus: ``record_id`` and ``note``, and ``OTHER_PERSON`` span labels."""
    rng = random.Random(seed)
    forenames, surnames = _names()
    records: list[dict[str, str]] = []
    labels: list[dict[str, Any]] = []
    for row in range(rows):
        note = _Note()
        note.add(rng.choice(["Home visit. ", "Telephone contact. ", "Review meeting. ", ""]))
        for _ in range(rng.choice([1, 1, 2])):
            _mention(note, rng, rng.choice(forenames), _surname(rng, surnames))
        trap = rng.choice(_TRAPS).format(
            fore=rng.choice(forenames), sur=rng.choice(surnames), month=rng.choice(_MONTHS),
            day=rng.choice(_DAYS),
        )  # fmt: skip
        note.add(trap)
        records.append({"record_id": f"m{row:05d}", "note": note.text})
        labels.extend(
            {"row": row, "start": s, "end": e, "label": "OTHER_PERSON"} for s, e in note.spans
        )
    return pl.DataFrame(records), labels
