"""Name cues added for issue 19's third round: lists of people present, titles in capitals,
particles after a title, Vietnamese letters, and kinship cues in notes written in capitals."""

from __future__ import annotations

from safelink.detect.names import cue_names


def _names(text: str) -> list[str]:
    return sorted({text[s:e] for s, e in cue_names(text)})


def test_cue_names_list_after_attended_by_each_person_found() -> None:
    text = "Meeting attended by Bronwen, Idris Pughe and Mrs Tallis. Plan agreed."
    assert _names(text) == ["Bronwen", "Idris Pughe", "Mrs Tallis"]


def test_cue_names_list_stops_at_a_place_or_common_noun() -> None:
    assert _names("Meeting attended by Leeds Team and the OT.") == []
    assert _names("Present: Social Services.") == []


def test_cue_names_title_in_capitals_takes_name_words_until_a_common_word() -> None:
    assert _names("DR OKONKWO-BELL INCREASED SERTRALINE.") == ["DR OKONKWO-BELL"]
    assert _names("DR JOHN SMITH INCREASED SERTRALINE.") == ["DR JOHN SMITH"]
    # After a title a place word is a surname, as in mixed case ("Dr Ward").
    assert _names("DR WARD ROUND AT 10.") == ["DR WARD"]


def test_cue_names_particle_after_title_kept_in_span() -> None:
    assert _names("Dr von Essen increased the dose.") == ["Dr von Essen"]


def test_cue_names_vietnamese_letters_are_name_letters() -> None:
    assert _names("Neighbour Mrs Đặng holds a key.") == ["Mrs Đặng"]


def test_cue_names_kin_in_capitals_only_listed_names() -> None:
    assert _names("HER SON JOHN PHONED TODAY.") == ["JOHN"]
    assert _names("HER SON PHONED TODAY.") == []
