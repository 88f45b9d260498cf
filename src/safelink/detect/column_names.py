"""Name columns: forenames, surnames and full names, by header, by the UK lists and by shape."""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

from safelink.detect.column_model import (
    ClassifySettings,
    ColumnFinding,
    Confidence,
    make_finding,
    masked_examples,
    review_finding,
    share_of,
)
from safelink.detect.damage import without_roles
from safelink.detect.headers import Subject, header_words
from safelink.detect.names import NAME_FILLER, NAME_WORD, NOT_NAME_WORDS, PLACE_WORDS
from safelink.detect.recognisers import hold_listed_names, many_origin_name_lists, place_names

# A value's words: name words in any script's Latin letters and case, with the particles,
# initials and Irish forms names hold ("Ffion ap Dafydd", "Ó Súilleabháin", "Evans, R").
# Korean and some Chinese given names join two syllables, the second in lower case ("Min-jun",
# "Seo-yeon"): in a column of names, not in notes ("Follow-up", "Drop-in").
_GIVEN_NAME = rf"{NAME_WORD}(?:-\p{{Ll}}{{2,5}})?"
_NAME_WORD = rf"(?:{_GIVEN_NAME}|{NAME_FILLER})"
_SINGLE_NAME = rf"^{_GIVEN_NAME}(?:[ \-]{_GIVEN_NAME})?$"
_TITLE = r"(?:(?i:mr|mrs|ms|miss|mx|dr|prof|rev)\.? )?"
_FULL_NAME = (
    rf"^{_TITLE}{_NAME_WORD}(?: {_NAME_WORD}){{1,4}}$"
    rf"|^{_NAME_WORD}(?: {_NAME_WORD})*, ?{_TITLE}{_NAME_WORD}(?: {_NAME_WORD})*$"
)


@lru_cache(maxsize=1)
def _listed() -> tuple[pl.Series, pl.Series]:
    """The lists of many origins as series (forenames, surnames), built once."""
    forenames, surnames = many_origin_name_lists()
    return pl.Series(sorted(forenames), dtype=pl.String), pl.Series(
        sorted(surnames), dtype=pl.String
    )


def _name_evidence(sample: pl.Series) -> dict[str, pl.Series]:
    fore, sur = _listed()
    upper = sample.str.to_uppercase().str.replace_all(r"^(MR|MRS|MS|MISS|MX|DR)\.? ", "")
    parts = (
        upper.str.replace_all("'", "").str.split(by=",").list.eval(pl.element().str.strip_chars())
    )
    words = upper.str.replace_all("'", "").str.replace_all(r"[,\-]", " ").str.split(" ")
    words = words.list.eval(pl.element().filter(pl.element() != ""))
    comma = sample.str.contains(",")
    part_lists, word_lists = parts.to_list(), words.to_list()
    # "SMITH, John": surname first; otherwise forename first and surname last.
    first = pl.Series(
        [
            p[1].split(" ")[0] if c and len(p) > 1 else (w[0] if w else "")
            for p, w, c in zip(part_lists, word_lists, comma.to_list(), strict=True)
        ],
        dtype=pl.String,
    )
    last = pl.Series(
        [
            p[0] if c else (w[-1] if w else "")
            for p, w, c in zip(part_lists, word_lists, comma.to_list(), strict=True)
        ],
        dtype=pl.String,
    )
    return {
        # A title before one name ("Dr. Blenkinsop", "Prof Nguyen") is a surname with its title.
        "single": _untitled(sample).str.contains(_SINGLE_NAME).fill_null(False),
        "full": sample.str.contains(_FULL_NAME).fill_null(False) & (words.list.len() >= 2),
        "forename": upper.is_in(fore),
        "surname": upper.str.replace_all("'", "").is_in(sur),
        "full_listed": first.is_in(fore) & (last.is_in(sur) | last.is_in(fore)),
        "any_listed": hold_listed_names(word_lists),
    }


def names_with_header(
    name: str,
    entity: str,
    sample: pl.Series,
    settings: ClassifySettings,
    subject: Subject,
) -> ColumnFinding | None:
    """A name column whose header names it (``entity``), judged by the values' shape.

    Values holding a word that is never a name ("Team", "Response", "Service") are not names;
    single words none of a tenth of which is a listed name (drugs, products) neither. Under an
    organisation's header (``gp_name``, ``ward_name``) the values are a member of staff's names
    when they look like people's (titled, or listed forename and surname), else the
    organisation's. Names under a staff header (``referrer``) are staff names.
    """
    sample = first_of_list(without_roles(sample))
    # Names typed in lower case ("rita", "tyler") are judged as written with capitals; when
    # most are, only if a fifth hold a listed name.
    typed_lower = sample.str.contains(r"^[\p{Ll}' \-]+$").fill_null(False)
    lower = share_of(typed_lower) >= 0.5
    sample = pl.select(
        pl.when(typed_lower).then(sample.str.to_titlecase()).otherwise(sample)
    ).to_series()
    ev = _name_evidence(sample)
    if _named_after_people(sample):
        return None  # wards, units and services named after people ("Keats Ward", "Lister Unit")
    named = ~_untitled(sample).str.contains(_NOT_NAME_WORDS).fill_null(False)
    single, full = ev["single"] & named, ev["full"] & named
    shape = single | full
    share = share_of(shape)
    listed = share_of(ev["any_listed"])
    if _unlisted_code_list(sample, listed, share_of(ev["full"])):
        return None  # a list of products or specialties under a name header ("Allevyn Life")
    if entity == "FULL_NAME" and share_of(full) < settings.header_min_share:
        if share_of(single) >= settings.min_share:  # a "name" header over single words
            if listed < _LISTED_SINGLE:  # names from elsewhere, or drugs', products' names
                if set(header_words(name)[0]) <= _BARE_NAME:
                    return None  # "name" alone says nothing of whose: the values decide
                return _unlisted_single_names(name, share_of(single), listed)
            fore, sur = share_of(ev["forename"]), share_of(ev["surname"])
            entity = "FORENAME" if fore >= sur else "SURNAME"
        elif share < settings.min_share or listed < _LISTED:
            return None  # neither single names nor full names: not a name column
    if share < settings.header_min_share or (lower and listed < _LISTED):
        return None
    if share < settings.min_share and listed < _LISTED and not _written_as_names(sample):
        # Half the values name-shaped, few listed names, none written as only names are:
        # organisations, forms or places under a name header ("Age UK Leeds").
        return None
    confidence: Confidence = (
        "high" if share >= settings.min_share and listed >= _LISTED else "medium"
    )
    evidence = [
        f"header '{name}' names {entity}",
        f"{share:.0%} of values are name-shaped",
        f"{listed:.0%} contain a listed UK name",
    ]
    if subject == "organisation":
        people = share_of(_titled(sample)) + share_of(ev["full_listed"] & full)
        if people < _STAFF_PEOPLE:
            evidence.append("an organisation's header and values not people's names")
        else:
            subject = "staff"
    if subject == "staff":
        evidence.append(_STAFF_EVIDENCE)
    return make_finding(
        name, entity, share, confidence, evidence, masked_examples(sample, shape, entity), subject
    )


#: Share of values under a name header holding a place's or a service's word ("Ward", "Unit",
#: "Centre"), a company's suffix or a vessel's prefix at which the header is contradicted:
#: places, companies and vessels named after people, not people.
_PLACES_MOST = 0.2
# Vessels carry their prefix before a person's name ("RNLB Grace Darling", "HMS Belfast"),
# companies their suffix after a founder's ("Bayer UK Ltd", "Boehringer Ingelheim GmbH", "Okafor
# Legal LLP", "Nowak Partners"; "WS", Writers to the Signet, a Scottish firm's).
_COMPANY = (
    r"ltd|limited|plc|llp|inc|gmbh|pharma|pharmaceuticals|holdings|solicitors|legal|partners"
    r"|associates|chambers|ws"
)
_PLACE_VALUE = (
    rf"(?i:\b(?:{'|'.join(sorted(PLACE_WORDS))}|{_COMPANY})\b)"
    r"|^(?:RNLB|HMS|HMY|RMS|RFA|MV|SS|FV|MY)\s"
)
#: Most values a code list holds (ethnic categories, teams, sites, wards), and their most as
#: a share of the values sampled.
_CODE_LIST_MOST = 40
_CODE_LIST_SHARE = 0.05
#: A header of these words alone ("Name", "NM") names no one's name in particular.
_BARE_NAME = frozenset(("name", "names", "nm"))


#: Share of values in the UK name lists below which a short list of values is no one's names.
_UNLISTED = 0.02
#: Share of values of two words or more for a short unlisted list to be things' names.
_MULTIWORD_SHARE = 0.5


def _named_after_people(sample: pl.Series) -> bool:
    """Whether enough values are places', companies' or vessels' names for none to be people's."""
    return share_of(sample.str.contains(_PLACE_VALUE).fill_null(False)) >= _PLACES_MOST


def _code_list_sized(distinct: int, values: int) -> bool:
    """Whether so few different values among so many are a code list's size, not people's."""
    return distinct < min(_CODE_LIST_SHARE * values, _CODE_LIST_MOST)


def _unlisted_code_list(sample: pl.Series, listed: float, multiword: float) -> bool:
    """Whether the values are a short list of things' names, not people's, whatever the header.

    A few tens of values repeated over the rows, most of them of two words or more ("Sorbsan
    Flat", "Renal Medicine"), none holding a listed UK name nor written as only names are
    ("NicLeoid", "Ó Floinn"), are a product's, a specialty's or a team's: a list of people's
    full names that short (a ward's consultants) holds some listed names. Single words (a
    client group's mononyms, nicknames, short surnames) are left to the single-name rules.
    """
    distinct = sample.drop_nulls().n_unique()
    few = _code_list_sized(distinct, sample.len())
    words = multiword >= _MULTIWORD_SHARE
    return few and words and listed < _UNLISTED and not _written_as_names(sample)


def _unlisted_single_names(name: str, share: float, listed: float) -> ColumnFinding:
    """Single words under a header naming a person's name, few of them in the UK lists: held.

    Mononyms and names from outside the lists' origins ("Tsehay", "Haftom") look as a drug's
    or a product's name does; a header saying more than "name" (and naming no place or thing)
    says a person's, and the lists cannot confirm it.
    """
    evidence = [
        f"header '{name}' names a person's name",
        f"{share:.0%} of values are single name-shaped words, {listed:.0%} in the UK name "
        "lists (names from elsewhere, or things' names): review the column before release",
    ]
    return review_finding(name, evidence)


_STAFF_EVIDENCE = (
    "staff: the header names a member of staff; a person's name is personal data, so "
    "direct, but a config may drop it (role: drop) instead of tokenising it"
)


def titled_names(
    name: str, sample: pl.Series, settings: ClassifySettings, subject: Subject
) -> ColumnFinding | None:
    """People's names by their titles, whatever the header says ("Dr A. Okonkwo" under ``gp``).

    A title before a name is the values' own evidence that they name people; services and
    places named after someone carry a word that is never a name ("Dr Gray Unit"). Under an
    organisation's or a member of staff's header they are staff names; otherwise a person's.
    """
    if share_of(_titled(sample)) < settings.min_share:
        return None  # most columns: no title to judge
    sample = without_roles(sample)
    # A title, then one to five name words, initials and particles ("DR OKONKWO", "Mrs J.
    # van der Berg").
    titled_name = rf"{_TITLE_START}{_NAME_WORD}(?: {_NAME_WORD}){{0,4}}$"
    titled = sample.str.contains(titled_name).fill_null(False) & ~_untitled(sample).str.contains(
        _NOT_NAME_WORDS
    )
    share = share_of(titled)
    if share < settings.min_share:
        return None
    who: Subject = "person" if subject == "person" else "staff"
    evidence = [f"{share:.0%} of values are a title and a name", f"header '{name}' names no name"]
    if who == "staff":
        evidence.append(_STAFF_EVIDENCE)
    examples = masked_examples(sample, titled, "FULL_NAME")
    return make_finding(name, "FULL_NAME", share, "medium", evidence, examples, who)


def _written_as_names(sample: pl.Series) -> bool:
    """Whether a tenth of the distinct values are written as only names are (``O'Neill``)."""
    return share_of(sample.unique().str.contains(_NAME_MORPHOLOGY)) >= _MORPHOLOGY_SHARE


#: Share of values holding a listed UK name for a name column to be high confidence.
_LISTED = 0.2
#: Single words under a name header: at least this share listed (Welsh or rare forenames
#: still hold some listed ones; a column of drug or product names holds none).
_LISTED_SINGLE = 0.1
#: Share of values titled ("Dr Okafor") or listed names under an organisation's header for
#: them to be a member of staff's names rather than the organisation's.
_STAFF_PEOPLE = 0.3
_TITLE_START = r"^(?i:mr|mrs|ms|miss|mx|dr|prof|rev)\.? "
# Lists of names in one value: "Aisha, Bilal and Zara", "Tom & Jack", "Aisha; Bilal; Zara".
_LIST_SEPARATOR = r"\s*(?:,|;|&|\+|\s/\s|\band\b)\s*"


def _untitled(sample: pl.Series) -> pl.Series:
    return sample.str.replace(_TITLE_START, "")


def _titled(sample: pl.Series) -> pl.Series:
    return sample.str.contains(_TITLE_START).fill_null(False)


def first_of_list(sample: pl.Series) -> pl.Series:
    """The first name of a list of names ("Tom, Ann and Jack" -> "Tom"); other values as they are.

    Values joined by "&", "+", " / ", "and" or ";" are lists, and so are values of three names
    or more between commas ("Arjun, Farhana, Chiamaka") and names whose notes were cut before a
    comma ("Dimitris (12), João (13)" -> "Dimitris , João"); "Smith, John" (surname first) is
    one name.
    """
    listed = sample.str.contains(r"\s[&+/]\s|\sand\s|;|\s,|,.*,").fill_null(False)
    head = sample.str.replace(rf"{_LIST_SEPARATOR}.*$", "")
    return pl.select(pl.when(listed).then(head).otherwise(sample)).to_series()


def names_without_header(
    name: str, sample: pl.Series, settings: ClassifySettings
) -> ColumnFinding | None:
    """A name column without header context: by the UK name lists, then by shape."""
    sample = without_roles(sample)
    distinct = sample.n_unique()
    if distinct < 10 or _named_after_people(sample):
        return None  # a code list (ethnicity, sex, team names), or companies, not people
    ev = _name_evidence(sample)
    single = share_of(ev["single"])
    candidates = [
        ("FULL_NAME", share_of(ev["full"]), share_of(ev["full_listed"]), ev["full"]),
        ("FORENAME", single, share_of(ev["forename"]), ev["single"]),
        ("SURNAME", single, share_of(ev["surname"]), ev["single"]),
    ]
    if _code_list_sized(distinct, sample.len()):
        # few values repeated: by the lists alone, a code list's look-alikes (a service's 50
        # clients seen over 2,000 sessions are no code list)
        candidates = []
    for entity, shape, listed, mask_ in candidates:
        if shape >= settings.min_share and listed >= _LISTED_NO_HEADER:
            evidence = [
                f"{shape:.0%} of values are name-shaped",
                f"{listed:.0%} match the UK {entity.lower()} list",
                "no header context",
            ]
            return make_finding(
                name, entity, listed, "medium", evidence, masked_examples(sample, mask_, entity)
            )
    varied = _varied_single_names(name, sample, settings, ev, distinct)
    if varied is not None:
        return varied
    initialled = _initialled_names(name, sample, settings, distinct)
    if initialled is not None:
        return initialled
    return _names_by_shape(name, sample, settings, distinct)


# Initials and a surname, either way round: "J. Mensah-Bonsu", "A.B. Chowdhury", "A. B. van
# der Berg", "J Ó Floinn", "Mensah-Bonsu, J.B.", "CHOWDHURY AB". An initial is a capital and a
# full stop, or a lone capital; the surname is capitalised name words with their particles.
_INITIALS = r"(?:\p{Lu}\.\s?){1,3}|\p{Lu}{1,3}\s|\p{Lu}\s"
_INITIALLED = (
    rf"^{_TITLE}(?:{_INITIALS})\s*(?:{_NAME_WORD}[ \-]){{0,3}}{NAME_WORD}$"
    rf"|^(?:{_NAME_WORD}[ \-]){{0,3}}{NAME_WORD},?\s(?:\p{{Lu}}\.?\s?){{1,3}}$"
)
# Words never in a surname, of three letters or more ("Ward", "Team", "Unit"; "St" and "an"
# are in names, "St John", "Mac an tSaoir").
_NOT_SURNAME_WORDS = (
    rf"(?i)\b(?:{'|'.join(sorted(re.escape(w) for w in NOT_NAME_WORDS if len(w) > 2))})\b"
)


def _initialled_names(
    name: str, sample: pl.Series, settings: ClassifySettings, distinct: int
) -> ColumnFinding | None:
    """Initials and a capitalised surname: a name's shape, whatever the lists hold.

    Places and codes are not written with a person's initials; the surnames of many
    communities are in no list ("J. Mensah-Bonsu", "A.B. Chowdhury"). A short list written so
    (organisms, "E. Coli") has tens of values, people's names many more.
    """
    if distinct < min(_MORPHOLOGY_DISTINCT, _SHAPE_DISTINCT * sample.len()):
        return None
    untitled = _untitled(sample)
    shaped = sample.str.contains(_INITIALLED).fill_null(False) & ~untitled.str.contains(
        _NOT_SURNAME_WORDS
    ).fill_null(False)
    share = share_of(shaped)
    if share < settings.min_share:
        return None
    evidence = [
        f"{share:.0%} of values are initials and a capitalised surname",
        "no header context; a name's shape whatever the UK lists hold",
    ]
    examples = masked_examples(sample, shaped, "FULL_NAME")
    return make_finding(name, "FULL_NAME", share, "medium", evidence, examples)


#: Distinct single words for a column to be more than a code list: wards, towns of a
#: catchment, colours, teams and drugs an extract names come in tens; people's names in
#: hundreds (or, in a small sample, at least :data:`_SHAPE_DISTINCT` of the values).
_MANY_DISTINCT = 100
#: How only names are written: letters beyond English ("Wójcik", "Öztürk"), Gaelic, Arabic
#: and Welsh prefixes ("McLeod", "O'Neill", "Al-Rashid", "Ní Bhriain", "ap Rhys") and
#: double-barrelled surnames ("Ellis-Johnson"; a place's hyphen joins lower-case words,
#: "Stoke-on-Trent").
_NAME_MORPHOLOGY = (
    r"[^\x00-\x7f]|^(?:Mc|Mac|O'|D'|N'|(?i:al|el|ab|ap|ó|ní|nic|ua|mac|van|de|da|dos)[ \-'])"
    r"|^\p{Lu}\p{Ll}+-\p{Lu}"
)
#: Share of a column's distinct values so written, and the fewest distinct values then.
_MORPHOLOGY_SHARE = 0.1
_MORPHOLOGY_DISTINCT = 50
#: Share of such a varied column's values in a UK name list (the lists hold the common names
#: of a few communities; a column of names from many holds fewer of them).
_LISTED_VARIED = 0.1


def _listed_and_placeless(sample: pl.Series, ev: dict[str, pl.Series]) -> bool:
    """Whether a tenth of the values hold a listed UK name and none of them is a listed place.

    A service's 50-100 clients' surnames, repeated over its sessions ("ENTWISTLE", "BOATENG"),
    hold some listed names; a list of towns holds listed places, of drugs no listed name.
    """
    places = place_names()
    if any(value.lower() in places for value in sample.unique().to_list()):
        return False
    return share_of(ev["any_listed"]) >= _LISTED_VARIED


def _varied_single_names(
    name: str,
    sample: pl.Series,
    settings: ClassifySettings,
    ev: dict[str, pl.Series],
    distinct: int,
) -> ColumnFinding | None:
    """Single names no header marks, most not in a list: many distinct name words, some listed.

    Surnames or forenames from many communities ("Asante", "Kowalczyk", "Ní Bhriain") are
    mostly unlisted, but a column of them holds hundreds of distinct capitalised words with a
    tenth or more listed, and no word that is never a name; a code list holds tens. A smaller
    extract's names may repeat more: :data:`_MORPHOLOGY_DISTINCT` distinct words do when a
    tenth of them are written as only names are (letters beyond English, "Mc", "O'", "Al-",
    "Ni", "ap", double-barrelled): code lists of wards, towns, colours and drugs have none.
    Words numbered in some values ("Jade Rowan 12") are a service's code names.
    """
    morphology = share_of(sample.unique().str.contains(_NAME_MORPHOLOGY))
    fewest = min(_MANY_DISTINCT, _SHAPE_DISTINCT * sample.len())
    if morphology >= _MORPHOLOGY_SHARE or _listed_and_placeless(sample, ev):
        fewest = min(fewest, _MORPHOLOGY_DISTINCT)
    if distinct < fewest or _numbered(sample):
        return None
    shaped = ev["single"] & ~sample.str.contains(_NOT_NAME_WORDS)
    shape, listed = share_of(shaped), share_of(ev["any_listed"])
    if shape < settings.min_share or listed < _LISTED_VARIED:
        return None
    fore, sur = share_of(ev["forename"]), share_of(ev["surname"])
    entity = "FORENAME" if fore > sur else "SURNAME"
    if share_of(ev["full"]) >= settings.min_share:  # "Yaa Menzies": a forename and a surname
        entity = "FULL_NAME"
    evidence = [
        f"{shape:.0%} of values are one or two name words",
        f"{distinct} distinct values, {listed:.0%} in the UK name lists",
        "no header context",
    ]
    examples = masked_examples(sample, shaped, entity)
    return make_finding(name, entity, shape, "medium", evidence, examples)


#: Share of values in a UK name list for a distinct column of name-shaped values to be names
#: without header context (the lists hold the common names: a third of a column's names).
_LISTED_NO_HEADER = 0.3
#: Fewest distinct values, as a share of those sampled, for names found by shape alone.
_SHAPE_DISTINCT = 0.3
_CAPITALISED_NAME = _FULL_NAME
# Words of two letters or more: a lone letter is an initial ("SMITH, Ann A"), not the article.
_NOT_NAME_WORDS = (
    rf"(?i)\b(?:{'|'.join(sorted(re.escape(w) for w in NOT_NAME_WORDS if len(w) > 1))})\b"
)


#: Share of values that are capitalised words and a number ("Jade Rowan 12", "Amber Kestrel
#: 3"): names do not carry numbers; code names (and places, "Oak Ward 4") do.
_NUMBERED_SHARE = 0.05
_NUMBERED = r"^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)* [0-9]{1,4}$"


def _numbered(sample: pl.Series) -> bool:
    """Whether enough values are words and a number for the column to be codes, not names."""
    return share_of(sample.str.contains(_NUMBERED).fill_null(False)) >= _NUMBERED_SHARE


def _names_by_shape(
    name: str, sample: pl.Series, settings: ClassifySettings, distinct: int
) -> ColumnFinding | None:
    """Full names that no list holds: name-shaped words (with particles and initials), distinct.

    Code lists (teams, wards, ethnicities, roles) repeat their values and places carry a place
    word ("Road", "Ward"); people's names in an extract are mostly distinct (at least 30% of
    values, so a person with a few episodes still counts).
    """
    if distinct < _SHAPE_DISTINCT * sample.len():
        return None
    if _numbered(sample):
        return None
    shaped = sample.str.contains(_CAPITALISED_NAME) & ~_untitled(sample).str.contains(
        _NOT_NAME_WORDS
    )
    share = share_of(shaped)
    if share < settings.min_share:
        return None
    evidence = [
        f"{share:.0%} of values are two or three capitalised name words",
        f"{distinct / sample.len():.0%} of values distinct",
        "no header context; names not in the UK lists",
    ]
    examples = masked_examples(sample, shaped, "FULL_NAME")
    return make_finding(name, "FULL_NAME", share, "medium", evidence, examples)
