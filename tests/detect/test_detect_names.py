"""Names from the words around them (titles, roles, relationships), and places kept out."""

from __future__ import annotations

import polars as pl
import pytest
from presidio_analyzer import RecognizerResult

from safelink.detect import build_engine, redact, scan_text
from safelink.detect.evaluate import find_spans, score_spans
from safelink.detect.model import pipeline_available
from safelink.detect.names import cue_names, refine_person_spans
from tests.detect.mentions_corpus import make_mention_notes


def _found(text: str) -> list[str]:
    return sorted(text[s:e] for s, e in cue_names(text))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Reviewed by Dr Okafor today.", ["Dr Okafor"]),
        ("Spoke to Mr O'Neill and Mrs Coleman-Burgess.", ["Mr O'Neill", "Mrs Coleman-Burgess"]),
        ("GP Dr McDonald informed; Mrs KHAN aware.", ["Dr McDonald", "Mrs KHAN"]),
        ("Mrs Ward attended.", ["Mrs Ward"]),  # a place word after a title is a surname
        ("SW: Tom Baines visited.", ["Tom Baines"]),
        ("Her son Tom rang twice.", ["Tom"]),
        ("Seen with daughter Amira, who is the main carer.", ["Amira"]),
        ("Neighbour MARGARET HOLT has a key.", ["MARGARET HOLT"]),
        ("OT (Chidi Eze) assessed the stairs.", ["Chidi Eze"]),
        ("Blessing Kim (neighbour) has a key.", ["Blessing Kim"]),
        ("Amira's husband attended.", ["Amira"]),
        ("Discussed with son-in-law Piotr Kowalski.", ["Piotr Kowalski"]),
    ],
)
def test_cue_names_finds_names_by_their_cues(text: str, names: list[str]) -> None:
    assert _found(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Transferred to Victoria Ward from St Helens.",
        "Moved from St Mary's Hospital to Jubilee House.",
        "Mum is settled, Dad worried about the stairs.",
        "OT Assessment booked; GP Surgery informed; carer Monday.",
        "SON VISITED TODAY AND DAUGHTER PHONED LATER.",  # a note in capitals
        "Review planned for May.",
    ],
)
def test_cue_names_places_and_common_words_are_not_names(text: str) -> None:
    assert _found(text) == []


def test_refine_person_spans_extends_trims_and_drops() -> None:
    text = "Mrs Coleman-Burgess met Nephew YAN SAUNDERS and Mum at Victoria Ward."
    spans = [
        (text.index("Coleman"), text.index(" met")),
        (text.index("Nephew"), text.index(" SAUNDERS")),
        (text.index("Mum"), text.index(" at")),
        (text.index("Victoria"), text.index(".")),
    ]
    assert [text[s:e] for s, e in refine_person_spans(text, spans)] == [
        "Mrs Coleman-Burgess",
        "YAN SAUNDERS",
    ]


def test_redact_overlapping_finds_removes_every_character() -> None:
    text = "Partner NEIL RICHARDS has a key."
    start = text.index("NEIL")
    results = [
        RecognizerResult("PERSON", start, start + 4, 0.85),
        RecognizerResult("PERSON", start, start + 13, 0.6),
    ]
    assert redact(text, results) == "Partner <PERSON> has a key."


def test_scan_text_pattern_tier_reads_rows_with_only_a_cue_or_capitals() -> None:
    notes = pl.Series(
        "n", ["spoke to her son tom and his wife Amira, who agreed.", "no change", "JOHN SMITH ok"]
    )
    finding, redacted = scan_text(notes, build_engine(), redacted=True)
    assert finding.rows_with == {"PERSON": 2}
    assert redacted is not None and "Amira" not in redacted[0] and "SMITH" not in redacted[2]


def test_mentions_corpus_pattern_tier_finds_other_people() -> None:
    frame, labels = make_mention_notes()
    texts = frame["note"].to_list()
    scores = score_spans(texts, labels, find_spans(texts, build_engine()))
    print("own mentions, pattern", scores.to_dict())
    assert scores.recall["OTHER_PERSON"] >= 0.95
    assert scores.precision >= 0.95


@pytest.mark.skipif(not pipeline_available(), reason="model tier pipeline not installed")
def test_model_tier_person_spans_corrected_by_name_rules() -> None:
    engine = build_engine(tier="model")
    notes = pl.Series(
        "n",
        [
            "Transferred to Victoria Ward from St Helens.",
            "Mum says Neighbour MARGARET HOLT has a key.",
            "Spoke to Mr O'Neill on the phone.",
        ],
    )
    _, redacted = scan_text(notes, engine, redacted=True)
    assert redacted is not None
    assert "Victoria Ward" in redacted[0]
    assert "MARGARET" not in redacted[1] and "HOLT" not in redacted[1] and "Mum" in redacted[1]
    assert redacted[2] == "Spoke to <PERSON> on the phone."


@pytest.mark.parametrize("name", ["Mrs Ward", "Dr Hall", "Mr Lane", "Ms Church", "Dr House"])
def test_cue_names_titled_surname_that_is_also_a_noun(name: str) -> None:
    assert _found(f"Seen by {name} today.") == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Her sons Tom and Jack visited.", ["Jack", "Tom"]),
        ("Daughters Amira, Leila & Noor share the visits.", ["Amira", "Leila", "Noor"]),
        ("Tom Baines - son - phoned.", ["Tom Baines"]),
        ("Spoke to Priya Shah, the neighbour, today.", ["Priya Shah"]),
        ("Ex-partner Dean Moss not to visit; PC Hughes aware.", ["Dean Moss", "Hughes"]),
        ("Her son Tom and Leeds City Council agreed.", ["Tom"]),  # a singular cue names one
    ],
)
def test_cue_names_lists_appositions_and_more_cues(text: str, names: list[str]) -> None:
    assert _found(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Neighbour Piet van der Berg has a key.", ["Piet van der Berg"]),
        ("Her son Omar al-Rahman phoned.", ["Omar al-Rahman"]),
        ("Carer: Łukasz Wójcik; friend Siân Ní Bhriain.", ["Siân Ní Bhriain", "Łukasz Wójcik"]),
        ("Dear Tom, thank you. Signed: Amira Said", ["Amira Said", "Tom"]),
    ],
)
def test_cue_names_particles_prefixes_and_letters(text: str, names: list[str]) -> None:
    assert _found(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Her son Tom Ward phoned.", ["Tom Ward"]),
        ("Neighbour Jane Hall has a key.", ["Jane Hall"]),
        ("GP Practice informed; carer Surgery", []),
        ("Transferred to Victoria Ward.", []),
    ],
)
def test_cue_names_place_word_after_a_relationship_word_is_a_surname(
    text: str, names: list[str]
) -> None:
    assert _found(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Dear Colleague, Dear Sir/Madam, cc File",
        "Child Protection Plan reviewed; carer: Mon-Fri; signed Off by manager.",
        "Call with Ms Teams link sent.",
    ],
)
def test_cue_names_letter_and_plan_words_are_not_names(text: str) -> None:
    assert _found(text) == []


def test_refine_person_spans_upper_case_words_in_a_note_written_in_capitals() -> None:
    mixed = "Home visit. Nephew YAN SAUNDERS phoned."
    shouted = "HOME VISIT. JOHN ATTENDED TODAY."
    start = mixed.index("YAN")
    assert refine_person_spans(mixed, [(start, start + 3)]) == [(start, start + 12)]
    assert refine_person_spans(shouted, [(12, 16)]) == [(12, 16)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Visited by John SMITH today.", "John SMITH"),  # the records' own convention
        ("JOHN SMITH ATTENDED WITH HIS WIFE", "JOHN SMITH"),
        ("Mary Jones phoned.", "Mary Jones"),
    ],
)
def test_pattern_tier_listed_names_in_any_case(text: str, name: str) -> None:
    found = build_engine().analyze(text, language="en", entities=["PERSON"])
    assert [text[r.start : r.end] for r in found] == [name]
