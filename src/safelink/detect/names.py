"""People's names in case notes from the words around them, on both tiers.

A name in a note is rarely alone: it follows a title ("Dr Okafor", "Mrs KHAN"), a role or a
relationship ("SW: Tom Baines", "her son Tom", "neighbour (Amira Said)"), or is followed by
one ("Blessing Kim (neighbour)", "Amira's husband"). These cues find names that no list
holds, in any case and with any prefix or hyphen ("O'Neill", "McDonald", "Coleman-Burgess").
The same module keeps names out of places: a run of capitalised words that ends in, or is
followed by, a building word ("Victoria Ward", "Jubilee House") or follows "St" is a place,
and a kinship word alone ("Mum") is nobody's name.

:func:`cue_names` gives spans; :func:`refine_person_spans` corrects a model's PERSON spans
(extends them over a title before and name words after, drops places and lone role words).
Nothing here logs or returns text, only offsets.
"""

from __future__ import annotations

import re

# Latin Extended-B and Additional (Vietnamese "Đặng", "Nguyễn", "Hương") hold both cases.
_EXTENDED = "\u01a0-\u01b0\u1e00-\u1eff"
_UPPER = f"A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽĿŁŃŅŇŊŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ{_EXTENDED}"
_LOWER = f"a-zß-öø-ÿā-žșț{_EXTENDED}"
_APOSTROPHE = "'\u2019"
# One part of a name: "Smith", "McDonald", "MacLeod", "NicLeòid" (Gaelic "daughter of"),
# "FitzGerald", "O'Neill", "D'Souza", "De'Ath", "d'Arcy"; or upper case.
_PART = (
    rf"(?:(?:Ma?c|Nic|Fitz|[OD]e?[{_APOSTROPHE}]|d[{_APOSTROPHE}])?[{_UPPER}][{_LOWER}]+"
    rf"|(?:MA?C|[OD]E?[{_APOSTROPHE}])?[{_UPPER}]{{2,}})"
)
#: A name word: parts joined by hyphens ("Coleman-Burgess", "AZIZI-NCUBE", "al-Rahman").
NAME_WORD = rf"(?:(?:al|el|ul|bin|ibn)-)?{_PART}(?:-{_PART})*"
# Lower-case particles inside a name: "Piet van der Berg", "Ana da Silva", "Nuala ni Bhriain".
# Welsh "ab" and Irish "Ó" too; "an" before an Irish eclipsed or lenited word ("Mac an
# tSaoi", "Nic an tSaoir").
_ECLIPSED = rf"[a-z]{{1,2}}[{_UPPER}][{_LOWER}]+"
_NAME_PARTICLE = r"van|von|der|den|de|del|della|dos|da|di|du|le|la|bin|ibn|ben|ap|ab|ni|nic|y|ó"
# In a note, a saint's name in a surname after a name or title ("Mrs St Hilaire"); a column
# of "St Albans" is places.
_PARTICLE = rf"(?:{_NAME_PARTICLE}|Ó|St|an(?=\s+{_ECLIPSED}))"
#: A lone particle, initial or Irish eclipsed/lenited word ("ap", "J.", "Ó", "tSaoi"): the
#: words a written name holds besides :data:`NAME_WORD`, for judging a whole value's shape.
NAME_FILLER = (
    rf"(?:(?i:{_NAME_PARTICLE}|an|bint?|binti|al|el|mac|nic|ua|ó|ní|mc|a[{_APOSTROPHE}])"
    rf"|[{_UPPER}]\.?|[a-z]{{1,2}}[{_UPPER}][{_LOWER}]+)"
)
_TITLE_WORD = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sr|Rev|Sir|Dame)"
_TITLE = rf"{_TITLE_WORD}\.?"

_RELATIONS = (
    "daughter", "son", "wife", "husband", "partner", "sister", "brother", "niece", "nephew",
    "neighbour", "neighbor", "friend", "mother", "father", "mum", "mam", "mom", "dad",
    "granddaughter", "grandson", "grandchild", "grandmother", "grandfather", "grandma",
    "grandad", "granddad", "nan", "nana", "gran", "aunt", "auntie", "uncle", "cousin",
    "stepson", "stepdaughter", "stepmother", "stepfather", "son-in-law", "daughter-in-law",
    "sister-in-law", "brother-in-law", "mother-in-law", "father-in-law", "fiance", "fiancé",
    "fiancee", "fiancée", "boyfriend", "girlfriend", "spouse", "lodger", "relative",
    "godmother", "godfather", "guardian", "stepdad", "stepmum", "stepmom", "stepbrother",
    "stepsister", "half-brother", "half-sister", "ex-partner", "ex-husband", "ex-wife",
    "twin", "dtr", "dau",
)  # fmt: skip
#: Words that say who a named person is to the data subject ("daughter", "next of kin").
RELATION_WORDS = frozenset(_RELATIONS)
# Plural cues name several people: "her sons Tom and Jack", "daughters Amira, Leila and Noor".
_PLURALS = (
    "daughters", "sons", "children", "grandchildren", "granddaughters", "grandsons",
    "sisters", "brothers", "parents", "neighbours", "neighbors", "friends", "carers",
    "cousins", "twins", "siblings", "nephews", "nieces",
)  # fmt: skip
_ROLES = (
    "sw", "ot", "cpn", "gp", "hv", "amhp", "physio", "physiotherapist", "nurse", "dn",
    "advocate", "keyworker", "key worker", "social worker", "support worker", "care worker",
    "care coordinator", "care co-ordinator", "district nurse", "health visitor", "consultant",
    "coordinator", "co-ordinator", "visitor",
    "pharmacist", "landlord", "landlady", "manager", "interpreter", "nok", "next of kin",
    "contact", "therapist", "psychiatrist", "psychologist", "paramedic", "midwife",
    "registrar", "officer", "worker", "practitioner", "clinician", "doctor", "pc", "cllr",
    "councillor", "solicitor", "chaplain", "vicar", "teacher", "befriender", "volunteer",
    "dear", "cc", "signed", "author", "carer",
)  # fmt: skip
#: Words naming a professional's role ("SW", "district nurse", "PC"), as written beside a name.
ROLE_WORDS = frozenset(_ROLES)


def _words(text: str) -> list[str]:
    return text.split()


_CUE = "|".join(
    re.escape(c) for c in sorted({*_RELATIONS, *_PLURALS, *_ROLES}, key=len, reverse=True)
)
# Words written with a capital that are never names, even after a title: function words,
# days, titles and abbreviations.
_FUNCTION_WORDS = frozenset(
    _words(
        """
    a an and or but the this that these those there then than he she they we you i it his me us
    her hers their them him our my your its who whom whose which what when where why how is
    was are were be been has had have not no yes also today tomorrow yesterday tonight am pm
    on at in of to for from with by as via per re please thanks thank nil none unknown
    monday tuesday wednesday thursday friday saturday sunday tue tues wed thu thur thurs
    mon fri sat christmas easter
    off up out over all any some every each other others new old first second last next same
    sir madam colleague colleagues teams file approval approved
    nhs gp ot sw cpn hv dn mdt nok a&e ae icu ed gp's tbc tba n/a na ok dnr dnacpr dols lpa
    mr mrs ms miss mx dr prof sr rev sir dame st saint
    dna adl adls bp mri ct ecg uti copd ckd tia dvt aki mrsa covid ppe ooh
    """
    )
)
# Words written with a capital that are names only after a title ("Mrs Ward", "Dr House"):
# places, services, the nouns of a note, roles and kinship words (so "Mum" alone is nobody).
_COMMON_NOUNS = frozenset(
    _words(
        """
    ward wards hospital hospitals house centre center clinic clinics surgery practice unit
    road street lane avenue close drive court church school college university infirmary
    hospice medical health healthcare care social services service team teams council trust
    department dept office home homes community adult adults children duty emergency
    mental day night acute general royal district city county borough north south east west
    assessment assessments referral referrals letter letters review reviews report reports
    plan plans appointment appointments visit visits support input follow discharge meeting
    meetings notes note call calls update updates record records summary package needs
    form forms request requests advice safeguarding agreed aware informed confirmed
    round rounds handover
    society association foundation network partnership project group hub forum refuge
    alliance federation action aid concern citizens housing uk cymru
    ltd limited plc llp llc inc sons partnership partners farm farms trading holdings
    enterprises stores store meats motors garage takeaway cafe restaurant hotel inn pub bar
    club bakery butchers salon barbers foods supermarket shop
    """
    )
    + [c for c in _RELATIONS + _PLURALS + _ROLES if " " not in c]
)
#: Capitalised words that are not names without a title before them.
NOT_NAME_WORDS = _FUNCTION_WORDS | _COMMON_NOUNS

#: Words that make the capitalised words before them a place ("Victoria Ward"); words that are
#: as often surnames ("Hall", "Lane", "Church") are left out.
_PLACE_WORDS = frozenset(
    _words(
        """
    ward wards hospital house centre center clinic surgery practice unit road street avenue
    drive school college university infirmary hospice medical health team service services
    academy
    gardens place square crescent grove terrace manor villas estate station
    close mews rise walk way parade view vale wharf yard circus site bay
    society association foundation network partnership project group hub forum refuge
    alliance federation
    """
    )
)

#: Words that name a place or an organisation after other capitalised words.
PLACE_WORDS = _PLACE_WORDS

#: Text holding none of these has no cue for :func:`cue_names` (a prefilter, any regex engine).
# Phrases that introduce a list of the people present: "Meeting attended by Ann, Raj Patel and
# Mrs Bell", "Present: ...", "accompanied by ...".
# A note's author signs it: "Entered by K. Patel", "Written by ...".
_LIST_PHRASES = (
    r"(?:attended|joined|accompanied|visited|entered|written|recorded|completed|dictated"
    r"|authored|signed) by|present|met with"
)
# Words said to a person: "Asked Eilidh to rate mood", "Agreed with Wen to try thought records".
_ADDRESS_PHRASES = (
    r"asked|told|advised|reminded|encouraged|reassured|thanked|praised"
    r"|(?:agreed|spoke|discussed|checked\s+in)\s+with|(?:spoke|explained|talked)\s+to"
)
# Phrases that give the name a person is called by: "prefers to be called Raj", "known as
# 'Bex'", "goes by Mo", "asked us to use the name Huy", "calls herself Dee", "answers to Kaz",
# "preferred name: Sam", "gave his name as Tariq", "her name is Ama".
_NAMING_PHRASES = (
    r"(?:be|being|is|was|are|were|get|gets|got)\s+(?:called|named|addressed\s+as"
    r"|referred\s+to\s+as)|known\s+as|(?:go|goes|going|went|gone)\s+by|answers?\s+to"
    r"|(?:use|uses|using|used)\s+the\s+name|(?:gave|gives|give|given)\s+(?:\w+\s+)?name\s+as"
    r"|name\s+(?:is|was|given\s+as)|(?:preferred|chosen|usual)\s+name(?:\s+is)?"
    r"|nickname(?:d|\s+is)?|(?:call|calls|calling|called)\s+(?:her|him|them|my|your)sel(?:f|ves)"
)
MAY_HOLD_CUE = (
    rf"(?i:\b{_TITLE_WORD}\b|\b(?:{_CUE}|{_LIST_PHRASES}|{_NAMING_PHRASES}|{_ADDRESS_PHRASES})\b"
    r"|[a-z]\((?:s|ren|es)\))"
)

_SEP = r"(?:\s*[:(\-\u2013,]\s*|\s+(?:is|was|called|named|aka)\s+|\s+)"
# Particles in any case: "Rajesh van der Berg", "RAJESH VAN DER BERG".
# (Spelt out in each case: a case-insensitive group costs a third more on every name run.)
_CASES = {f for p in _NAME_PARTICLE.split("|") for f in (p, p.title(), p.upper())}
_ANY_CASE = "|".join(sorted(_CASES, key=lambda f: (-len(f), f)))
_RUN_PARTICLE = rf"(?:{_ANY_CASE}|Ó|St|ST|an(?=\s+{_ECLIPSED}))"
_RUN = rf"{NAME_WORD}(?:\s+(?:{_RUN_PARTICLE}\s+)*(?:{NAME_WORD}|(?<=an ){_ECLIPSED})){{0,2}}"
_NAMING = re.compile(
    rf"(?i:\b(?:{_NAMING_PHRASES}))\s*[:\-]?\s*[\"'\u2018\u201c]?\s*(?P<name>{_RUN})"
)
# Initials before a surname: "Dr D. Moyo", "Signed: T. Hill", "Dr A Khan" (after a title).
_INITIALS = rf"(?:[{_UPPER}]\.\s*)*"
# A particle may follow the title: "Dr von Essen", "Mrs de Souza".
_TITLED = re.compile(
    rf"(?<![\w'\u2019-]){_TITLE}\s+(?:[{_UPPER}]\.?\s+)*(?:{_PARTICLE}\s+)*(?P<name>{_RUN})"
)
# A title in capitals, in a note written in capitals: "DR LANE INCREASED ...".
_TITLED_CAPS = re.compile(
    rf"(?<![\w'\u2019-])(?:MR|MRS|MS|MISS|MX|DR|PROF|REV)\.?\s+{_INITIALS}"
    rf"(?:{_PARTICLE.upper()}\s+)*"
    rf"(?P<name>{_RUN})"
)
# One name word after words said to a person, then what was said ("to", "about", "that") or the
# sentence's end: a department spoken to is written in two words or more ("Discussed with
# Payroll Bureau"), a thing advised is followed by what it is ("Advised Fitbit app").
_AFTER_ADDRESSEE = (
    "to|about|that|how|what|when|why|if|whether|for|re|regarding|and|she|he|they|we|it"
)
_ADDRESSEE = re.compile(
    rf"(?i:\b(?:{_ADDRESS_PHRASES}))\s+(?P<name>{NAME_WORD})(?![\w'\u2019-])"
    rf"(?=\s*(?:[.,;:!?)]|$)|\s+(?i:{_AFTER_ADDRESSEE})\b)"
)
_LIST_INTRO = re.compile(rf"(?i:\b(?:{_LIST_PHRASES})\b)\s*:?\s+")
_LIST_ITEM = re.compile(
    rf"(?:\s*,\s*|\s+and\s+|\s*&\s*)?(?P<title>{_TITLE}\s+)?{_INITIALS}(?:{_PARTICLE}\s+)*"
    rf"(?P<name>{_RUN})"
)
# A cue word is found by a set look-up on each word (an alternation of a hundred words,
# tried at every position, cost more than every other recogniser together); the rest of the
# rule is then matched from the cue's end (a name after it) or up to its start (a name before).
_CUE_WORDS = frozenset(c.split()[-1] for c in (*_RELATIONS, *_PLURALS, *_ROLES))
_PLURAL_WORDS = frozenset(_PLURALS)
_RELATION_WORDS = frozenset(c.split()[-1] for c in (*_RELATIONS, *_PLURALS))
_CUE_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PLURAL_MARKER = re.compile(r"\((s|ren|es)\)", re.IGNORECASE)
# A title after the cue ("GP Dr Khan") is left to the titled rule, which keeps it.
_AFTER_CUE = re.compile(
    rf"(?:['\u2019]s)?{_SEP}(?!{_TITLE}\s){_INITIALS}(?:{_PARTICLE}\s+)*(?P<name>{_RUN})"
)
_BEFORE_CUE = re.compile(
    rf"(?<![\w'\u2019-])(?P<name>{_RUN})"
    rf"(?:\s*\(\s*|['\u2019]s\s+|\s+[-\u2013]\s+|,\s+(?:his|her|their|the|a|an)\s+)$"
)
# The next name of a list after a plural cue.
_AND_NAME = re.compile(rf"(?:\s*,\s*|\s+and\s+|\s*&\s*)(?P<name>{_RUN})")
_BEFORE_WINDOW = 80
_WORDS = re.compile(rf"{NAME_WORD}")
_PARTICLE_WORD = re.compile(rf"(?i:{_PARTICLE})")
_NAME_AFTER = re.compile(rf"\s+(?:{_PARTICLE}\s+)*(?P<name>{NAME_WORD})")
_TITLE_BEFORE = re.compile(rf"(?<![\w'\u2019-]){_TITLE}\s+$")
_SAINT_BEFORE = re.compile(r"(?<!\w)(?:St|St\.|Saint)\s+$")
_STREET_BEFORE = re.compile(r"(?i)(?<!\w)(?:on|along|off|in|at|near)\s+$")
_STREET_WORDS = frozenset(
    ["lane", "court", "hill", "park", "green", "row", "gate", "street", "road", "close", "way",
     "drive", "avenue", "crescent", "terrace", "walk", "mews", "place", "grove", "rise", "view"]
)  # fmt: skip
# A place word numbered ("Ward 11", "Unit 4") stands alone: the words before it are not its name.
_PLACE_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?P<word>[A-Za-z]+)(?!\s+[0-9])")
_CAPITALISED_AFTER = re.compile(
    r"(?:['\u2019]s)?(?:\s+[A-Z][a-z]+){1,2}\s+(?P<word>[A-Z][a-z]+)\b"
)  # "Dr Challoner's High School"


def _plain(word: str) -> str:
    return word.lower().strip("'\u2019")


def _is_name_word(word: str, *, titled: bool = False) -> bool:
    plain = _plain(word)
    if len(word) < 2 or plain in _FUNCTION_WORDS:
        return False
    if "-" in plain and any(part in _FUNCTION_WORDS for part in plain.split("-")):
        return False  # "Mon-Fri", "A-E"
    return titled or plain not in _COMMON_NOUNS


def _trim(
    text: str, start: int, end: int, *, titled: bool = False, first_plain: bool = False
) -> tuple[int, int] | None:
    """The run's longest prefix of name words (stopping at the first word that is not one).

    With ``first_plain`` the first word must be a name word without a title's licence: after
    a relationship word a common noun may be a surname ("her son Tom Ward") but cannot start
    a name ("Carers Trust", "Sons Ltd").
    """
    last = start
    for i, match in enumerate(_WORDS.finditer(text, start, end)):
        if not _is_name_word(match.group(), titled=titled and not (first_plain and i == 0)):
            if i and _PARTICLE_WORD.fullmatch(match.group()):
                continue  # inside a name, a particle that is no name word: "Colm St Ledger"
            break
        last = match.end()
    return (start, last) if last > start else None


def _place_after(text: str, end: int) -> bool:
    """A place word next, or after one or two more capitalised words ("... Transit Site")."""
    after = _PLACE_AFTER.match(text, end)
    if after is not None and after.group("word").lower() in _PLACE_WORDS:
        return True
    run = _CAPITALISED_AFTER.match(text, end)
    return run is not None and run.group("word").lower() in _PLACE_WORDS


def is_place(text: str, start: int, end: int) -> bool:
    """A name-shaped run that is a place: after "St", or ending in or before a place word.

    A street word that is a surname too ("Lane", "Hill") makes a place after a preposition of
    place: "takeaway on Grace Lane", "lives off Tom Hill" (not "spoke with Grace Lane").
    """
    if _SAINT_BEFORE.search(text, max(0, start - 8), start):
        return True
    words = text[start:end].split()
    if (
        words
        and _plain(words[-1]) in _STREET_WORDS
        and _STREET_BEFORE.search(text, max(0, start - 8), start)
    ):
        return True
    return bool(words and _plain(words[-1]) in _PLACE_WORDS) or _place_after(text, end)


def _eponym(text: str, start: int, end: int) -> bool:
    """A titled run of two or more words ending in a place word no surname list holds.

    "Mrs Jones Memory Clinic", "Dr Barnardo Children's Hospice", "Sir Robert Peel Unit" name
    places after people; "Dr Tom Ward" is a person (Ward is a surname).
    """
    from safelink.detect.recognisers import name_lists  # recognisers imports this module

    words = text[start:end].split()
    if len(words) < 2 or _plain(words[-1]) not in _PLACE_WORDS:
        return False
    return words[-1].upper().replace("'", "") not in name_lists()[1]


def cue_names(text: str) -> list[tuple[int, int]]:
    """Spans of names found by a title, role or relationship word next to them.

    A title is kept in the span ("Mrs Khan"); a role or relationship word is not
    ("her son <Tom>").
    """
    spans: list[tuple[int, int]] = []
    for match in _TITLED.finditer(text):
        # After a title a place word is a surname ("Mrs Ward"), unless one follows it.
        name = _trim(text, match.start("name"), match.end("name"), titled=True)
        if name is not None and not _place_after(text, name[1]) and not _eponym(text, *name):
            spans.append((match.start(), name[1]))
    for match in _TITLED_CAPS.finditer(text):
        # The title's next word is a name whatever it is; more words while they are names.
        first = _WORDS.match(text, match.start("name"))
        if first is None or not first.group().isupper():
            continue
        rest = _capitals_prefix(text, first.end(), match.end("name"))
        end = first.end() if rest is None else rest[1]
        if _is_name_word(first.group(), titled=True) and not _place_after(text, end):
            spans.append((match.start(), end))
    for cue in _CUE_TOKEN.finditer(text):
        word, end = cue.group().lower(), cue.end()
        marker = _PLURAL_MARKER.match(text, end)  # a form's plural: "child(ren)", "son(s)"
        if marker is not None:
            word, end = word + marker.group(1).lower(), marker.end()
        if word not in _CUE_WORDS:
            continue
        if cue.start() and (text[cue.start() - 1].isalnum() or text[cue.start() - 1] in "_-"):
            continue
        after = _AFTER_CUE.match(text, end)
        plural = word in _PLURAL_WORDS
        # After a relationship word a place word is a surname ("her son Tom Ward"), as after
        # a title; after a role it is not ("GP Surgery").
        kin = word in _RELATION_WORDS
        # What belongs to a cue is a thing, not a person: "Children's Disability Team",
        # "Carers' Support Hub" (a place word ends it), as "her son's Ward" is not said.
        owned = text[end : end + 1] in _APOSTROPHE
        while after is not None:
            name = _trim(text, after.start("name"), after.end("name"), titled=kin, first_plain=True)
            if name is not None and cue.group().isupper() and text[slice(*name)].isupper():
                name = _capitals_prefix(text, *name)  # capitals everywhere: case ends nothing
            if name is None or ((not kin or owned) and is_place(text, *name)):
                break
            spans.append(name)
            after = _AND_NAME.match(text, name[1]) if plural else None
        before = _BEFORE_CUE.search(text, max(0, cue.start() - _BEFORE_WINDOW), cue.start())
        if before is not None:
            name = _trim(text, before.start("name"), before.end("name"))
            if name is not None and not is_place(text, *name):
                spans.append(name)
    spans.extend(_listed_people(text))
    spans.extend(_called_names(text))
    spans.extend(_addressees(text))
    # Letters run into digits are a code's ("pc NW12 5LP": a postcode after "pc"), not a name.
    spans = [(start, end) for start, end in spans if not text[end : end + 1].isdigit()]
    return [_with_initials(text, start, end) for start, end in spans]


def _addressees(text: str) -> list[tuple[int, int]]:
    """A name after words said to a person ("Asked Eilidh to rate mood daily")."""
    spans: list[tuple[int, int]] = []
    for match in _ADDRESSEE.finditer(text):
        name = _trim(text, match.start("name"), match.end("name"), first_plain=True)
        if name is not None and not is_place(text, *name):
            spans.append(name)
    return spans


def _called_names(text: str) -> list[tuple[int, int]]:
    """Names after a phrase giving what a person is called ("prefers to be called Raj")."""
    spans: list[tuple[int, int]] = []
    for match in _NAMING.finditer(text):
        name = _trim(text, match.start("name"), match.end("name"), first_plain=True)
        if name is not None and not is_place(text, *name):
            spans.append(name)
    return spans


_INITIALS_BEFORE = re.compile(
    rf"(?<![\w'\u2019.-])(?:[{_UPPER}]\.\s*)+(?:(?i:{_NAME_PARTICLE}|Ó)\s+)*$"
)


def _with_initials(text: str, start: int, end: int) -> tuple[int, int]:
    """The span extended over the initials just before it ("A. O'Brien", "J. van der Berg")."""
    before = _INITIALS_BEFORE.search(text, max(0, start - 20), start)
    return (before.start(), end) if before is not None else (start, end)


def _listed_people(text: str) -> list[tuple[int, int]]:
    """Names in a list after "attended by", "present:" ("Ann, Raj Patel and Mrs Bell")."""
    spans: list[tuple[int, int]] = []
    for intro in _LIST_INTRO.finditer(text):
        at = intro.end()
        while (item := _LIST_ITEM.match(text, at)) is not None:
            titled = item.group("title") is not None
            name = _trim(text, item.start("name"), item.end("name"), titled=titled)
            if name is not None and text[slice(*name)].isupper() and intro.group().isupper():
                name = _capitals_prefix(text, *name)
            if name is None or (not titled and is_place(text, *name)):
                break
            spans.append((item.start("title") if titled else name[0], name[1]))
            if name[1] < item.end("name"):
                break  # the list ended inside the run ("Ann and Raj went home")
            at = name[1]
    return spans


#: What a note says a person did, in the words that follow a name ("NUSRAT PHONED", "SON
# ABDULLAH HUANG VISITS"): in text written in capitals, where case no longer ends a name.
NOTE_VERBS = frozenset(
    _words(
        """
    phoned rang called calls asked asks visits visit visiting attended attends attending
    reported reports said says states stated reviewed seen sees saw agreed agrees declined
    refused refuses requested requests informed confirmed advised arrived left died dies
    wants wanted would will can could should may might must shall does did do done going
    gone went came comes lives lived stays stayed works worked helps helped gave gives took
    takes brought brings worried concerned happy unhappy unwell well still now again later
    here present absent holds held has have had is are was were be being feels felt needs
    explained explains discussed spoke speaks contacted emailed texted wrote writes
    disputes disputed claims claimed denies denied insists accepts accepted believes thinks
    knows owes paid pays manages signs signed objects objected confirms
    """
    )
)
#: Past tenses and participles ("ADMINISTERED", "FOLLOWING") are not names, unless listed.
VERB_ENDING = re.compile(r"(?i)[a-z]{3,}(?:ed|ing)$")
#: Abstract and plural nouns ("PREFERENCES", "APPOINTMENTS", "CONDITIONS") are not names either.
NOUN_ENDING = re.compile(r"(?i)[a-z]{3,}(?:tions?|sions?|ences|ances|ments|ness|ities)$")


def _capitals_prefix(text: str, start: int, end: int) -> tuple[int, int] | None:
    """In text written in capitals, the run's longest prefix of name words.

    A listed UK name always counts; another word counts unless it is a function word, a
    common noun of notes, what a note says someone did ("PHONED", "VISITS", "-ED", "-ING") or
    an abstract or plural noun ("-TION", "-ENCES", "-MENTS"), since case no longer says where a
    name ends.
    """
    from safelink.detect.recognisers import name_lists  # recognisers imports this module

    forenames, surnames = name_lists()
    last = start
    for match in _WORDS.finditer(text, start, end):
        word = match.group()
        plain = word.upper().replace("'", "").replace("\u2019", "")
        if plain not in forenames and plain not in surnames:
            if not _is_name_word(word) or _plain(word) in NOTE_VERBS:
                break
            if VERB_ENDING.fullmatch(word) or NOUN_ENDING.fullmatch(word):
                break
        last = match.end()
    return (start, last) if last > start else None


def _extends(text: str, end: int, word: str) -> bool:
    """Whether a name word after a span belongs to it.

    An upper-case word continues an upper-case name ("YAN SAUNDERS"), unless the note is
    written in capitals ("JOHN ATTENDED"): then only listed cues say what is a name.
    """
    if not _is_name_word(word):
        return False
    if not word.isupper():
        return True
    near = text[max(0, end - 60) : end + 60]
    last = text[max(0, end - 40) : end].split()
    return bool(last) and last[-1].isupper() and any(c.islower() for c in near)


def refine_person_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A model's PERSON spans, corrected.

    Each is extended over a title just before it and name words just after it, and leading
    words that are not names are cut ("Nephew YAN" -> "YAN"); spans that are places ("St
    Helens", "Victoria Ward") or hold no name word ("Mum", "Carer") are dropped.
    """
    refined: list[tuple[int, int]] = []
    for start, end in spans:
        words = list(_WORDS.finditer(text, start, end))
        while words and not _is_name_word(words[0].group()):
            words.pop(0)
        if not words:
            continue
        start = words[0].start()
        end = max(end, words[-1].end())
        while (after := _NAME_AFTER.match(text, end)) and _extends(text, end, after.group("name")):
            end = after.end()
        if is_place(text, start, end):
            continue
        title = _TITLE_BEFORE.search(text, max(0, start - 8), start)
        refined.append((title.start() if title else start, end))
    return refined


__all__ = [
    "MAY_HOLD_CUE",
    "NAME_FILLER",
    "NAME_WORD",
    "NOTE_VERBS",
    "NOT_NAME_WORDS",
    "PLACE_WORDS",
    "RELATION_WORDS",
    "ROLE_WORDS",
    "VERB_ENDING",
    "cue_names",
    "is_place",
    "refine_person_spans",
]
