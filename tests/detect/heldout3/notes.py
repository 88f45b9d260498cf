"""heldout3 case-note corpus: synthetic social-care notes with exact character spans.

``make_heldout3_notes(seed, rows)`` returns one dict per row with the person's own columns
(``forename``, ``surname``, ``date_of_birth``, ``nhs_number``, ``postcode``, ``phone``,
``address``), the ``note`` text and ``spans`` (``start``, ``end``, ``label``, ``own``).

Span rules (see README): a name span covers the name words only, never a title
("Dr Amara Okafor" -> "Amara Okafor", "Mrs Hughes" -> "Hughes") nor a possessive "'s";
an address span is the first line (house/flat number and street), never the town; a
postcode, phone, e-mail, NHS number or date of birth span is the value exactly as written.
"""

from __future__ import annotations

import datetime
import random

from . import pools as P

Piece = str | tuple[str, str, bool]

KIN = [
    "daughter",
    "son",
    "husband",
    "wife",
    "sister",
    "brother",
    "mother",
    "father",
    "grandson",
    "granddaughter",
    "niece",
    "nephew",
    "partner",
    "son-in-law",
    "cousin",
]
PUNCT = set(".,;:()!?")


class _Note:
    def __init__(self, style: str):
        self.style = style
        self.sentences: list[list[Piece]] = []

    def add(self, *pieces: Piece | list[Piece]) -> None:
        flat: list[Piece] = []
        for p in pieces:
            if isinstance(p, list):
                flat.extend(p)
            else:
                flat.append(p)
        self.sentences.append(flat)

    def _fix(self, text: str, literal: bool) -> str:
        if self.style == "caps" and len(text.upper()) == len(text):
            text = text.upper()
        if self.style == "nopunct" and literal:
            kept = []
            for i, c in enumerate(text):
                before = text[i - 1] if i else " "
                after = text[i + 1] if i + 1 < len(text) else " "
                if c in PUNCT and (c in "()" or after == " " or before == " "):
                    continue
                kept.append(c)
            text = "".join(kept)
        return text

    def render(self, sep: str) -> tuple[str, list[dict]]:
        out: list[str] = []
        spans: list[dict] = []
        pos = 0
        for k, sentence in enumerate(self.sentences):
            if k:
                gap = " " if self.style == "terse" and out and out[-1].endswith(".") else sep
                out.append(gap)
                pos += len(gap)
            for piece in sentence:
                if isinstance(piece, str):
                    text = self._fix(piece, True)
                else:
                    text = self._fix(piece[0], False)
                    spans.append(
                        {"start": pos, "end": pos + len(text), "label": piece[1], "own": piece[2]}
                    )
                out.append(text)
                pos += len(text)
        note = "".join(out)
        if self.style == "nopunct":
            note, spans = _squeeze(note, spans)
        return note, spans


def _squeeze(note: str, spans: list[dict]) -> tuple[str, list[dict]]:
    """Collapse runs of spaces left by removed punctuation, keeping span offsets exact."""
    keep = []
    for i, c in enumerate(note):
        if c == " " and (i == 0 or note[i - 1] == " " or i == len(note) - 1):
            inside = any(s["start"] <= i < s["end"] for s in spans)
            if not inside:
                continue
        keep.append(i)
    new_index = {old: new for new, old in enumerate(keep)}
    text = "".join(note[i] for i in keep)
    out = []
    for s in spans:
        out.append({**s, "start": new_index[s["start"]], "end": new_index[s["end"] - 1] + 1})
    return text, out


class _Person:
    def __init__(self, rng: random.Random):
        if rng.random() < 0.35:
            self.forename = rng.choice(list(P.NICKNAMES))
        else:
            self.forename = P.forename(rng)
        self.surname = P.surname(rng)
        self.dob = P.dob(rng, 1925, 2008)
        self.nhs = P.nhs_number(rng)
        self.postcode = P.postcode(rng)
        self.phone_parts = P.phone_parts(rng, 0.6)
        self.phone = P.phone_std(*self.phone_parts)
        self.street, self.street_type = P.street(rng)
        self.number = rng.randint(1, 240)
        self.address = f"{self.number} {self.street} {self.street_type}"
        self.title = rng.choice(["Mr", "Mrs", "Ms", "Miss", "Mx"])
        self.pron = {"Mr": "his", "Mx": "their"}.get(self.title, "her")


def _own_name(rng: random.Random, p: _Person, formal: bool = False) -> list[Piece]:
    f, s = p.forename, p.surname
    options: list[list[Piece]] = [
        [(f"{f} {s}", "name", True)],
        [(f, "name", True)],
        [f"{p.title} ", (s, "name", True)],
        [(s.upper(), "name", True)],
        [(f"{f} {s}".upper(), "name", True)],
        [(f"{s.upper()}, {f}", "name", True)],
        [(f"{f[0]}{P.ascii_fold(s)[0].upper()}", "name", True)],
        [(f"{f[0]}. {s}", "name", True)],
    ]
    if f in P.NICKNAMES:
        nick = rng.choice(P.NICKNAMES[f])
        options += [[(nick, "name", True)], [(nick, "name", True)], [(f"{nick} {s}", "name", True)]]
    if formal:
        return rng.choice(options[:3] + options[5:6])
    return rng.choice(options)


def _poss(pieces: list[Piece]) -> list[Piece]:
    return pieces + ["'s"]


def _own_address(rng: random.Random, p: _Person) -> tuple[str, str, bool]:
    abbr = P.STREET_TYPES[p.street_type]
    text = rng.choice(
        [
            p.address,
            f"{p.number} {p.street} {abbr}",
            f"{p.number} {p.street} {abbr}".lower(),
            f"{p.number}, {p.street} {p.street_type}",
            p.address.upper(),
        ]
    )
    return (text, "address", True)


def _own_postcode(rng: random.Random, p: _Person) -> tuple[str, str, bool]:
    pc = p.postcode
    return (rng.choice([pc, pc, pc.lower(), pc.replace(" ", "")]), "postcode", True)


def _nhs(rng: random.Random, n: str, own: bool) -> tuple[str, str, bool]:
    return (
        rng.choice(
            [
                n,
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
            ]
        ),
        "nhs_number",
        own,
    )


def _other_full(rng: random.Random) -> str:
    return f"{P.forename(rng)} {P.surname(rng)}"


def _future(rng: random.Random) -> datetime.date:
    return P.dob(rng, 2024, 2026)


def _time(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{rng.randint(8, 18)}:{rng.choice(['00', '15', '30', '45'])}",
            f"{rng.randint(1, 11)}am",
            f"{rng.randint(1, 6)}pm",
            f"{rng.randint(8, 18):02d}{rng.choice(['00', '30'])}hrs",
        ]
    )


# --------------------------------------------------------------------------- sentence makers
def s_intro(rng, n, p):
    choice = rng.randrange(6)
    if choice == 0:
        n.add("Home visit to ", _own_name(rng, p), ".")
    elif choice == 1:
        n.add("Visited ", _own_name(rng, p, True), " at ", [_own_address(rng, p)], ".")
    elif choice == 2:
        n.add(
            _own_name(rng, p),
            " seen at home today, ",
            rng.choice(["settled", "low in mood", "chatty", "tired"]),
            ".",
        )
    elif choice == 3:
        n.add(
            "Telephone call with ",
            _own_name(rng, p),
            " re ",
            rng.choice(["respite", "direct payments", "meals"]),
            ".",
        )
    elif choice == 4:
        n.add("Pt ", _own_name(rng, p), " reviewed on ", rng.choice(P.WARDS), ".")
    else:
        n.add(
            _poss(_own_name(rng, p)),
            " ",
            rng.choice(["review", "assessment", "care plan"]),
            " completed.",
        )


def s_dob(rng, n, p):
    d = (P.date_variant(rng, p.dob), "date_of_birth", True)
    choice = rng.randrange(3)
    if choice == 0:
        n.add("DOB ", [d], ".")
    elif choice == 1:
        n.add(_own_name(rng, p), " (born ", [d], ") lives alone.")
    else:
        n.add(
            "Identity confirmed: ",
            _own_name(rng, p, True),
            ", DOB ",
            [d],
            ", NHS ",
            [_nhs(rng, p.nhs, True)],
            ".",
        )


def s_nhs(rng, n, p):
    n.add(
        rng.choice(["NHS no ", "NHS number ", "NHS: "]),
        [_nhs(rng, p.nhs, True)],
        rng.choice([" verified.", ".", " on file."]),
    )


def s_address(rng, n, p):
    if rng.random() < 0.5:
        n.add(
            _poss(_own_name(rng, p)),
            " address is ",
            [_own_address(rng, p)],
            ", ",
            rng.choice(P.TOWNS),
            " ",
            [_own_postcode(rng, p)],
            ".",
        )
    else:
        n.add(
            "Lives at ",
            [_own_address(rng, p)],
            rng.choice([" since ", " from "]),
            rng.choice(P.MONTHS),
            ".",
        )


def s_postcode(rng, n, p):
    n.add(
        "Postcode ",
        [_own_postcode(rng, p)],
        " checked for ",
        rng.choice(["blue badge", "council tax", "GP catchment"]),
        ".",
    )


def s_phone(rng, n, p):
    ph = (P.phone_variant(rng, *p.phone_parts), "phone", True)
    if rng.random() < 0.5:
        n.add(_own_name(rng, p), " can be reached on ", [ph], ".")
    else:
        n.add("Tel ", [ph], " (", rng.choice(["mobile", "home", "best after 2pm"]), ").")


def s_email(rng, n, p):
    n.add(
        "Copy of plan e-mailed to ", [(P.email_for(rng, p.forename, p.surname), "email", True)], "."
    )


def s_relative(rng, n, p):
    kin = rng.choice(KIN)
    other_f = P.forename(rng)
    choice = rng.randrange(8)
    if choice == 0:
        n.add(
            f"{p.pron.capitalize()} {kin} ",
            [(f"{other_f} {p.surname if rng.random() < 0.5 else P.surname(rng)}", "name", False)],
            " visits on ",
            rng.choice(P.DAYS),
            "s.",
        )
    elif choice == 1:
        n.add(
            kin.capitalize(),
            " ",
            [(other_f, "name", False)],
            " phoned, worried about ",
            _poss(_own_name(rng, p)),
            " memory.",
        )
    elif choice == 2:
        n.add(
            "Neighbour ",
            rng.choice(["Mrs", "Mr", "Ms"]),
            " ",
            [(P.surname(rng), "name", False)],
            " at ",
            [(P.address_line(rng), "address", False)],
            " holds a key.",
        )
    elif choice == 3:
        n.add(
            kin.capitalize(),
            " ",
            [(other_f, "name", False)],
            " asked to be contacted on ",
            [(P.phone_variant(rng, *P.phone_parts(rng)), "phone", False)],
            ".",
        )
    elif choice == 4:
        n.add(
            f"{kin.capitalize()}'s e-mail: ",
            [(P.email_for(rng, other_f, P.surname(rng)), "email", False)],
            ".",
        )
    elif choice == 5:
        n.add(
            kin.capitalize(),
            " ",
            [(other_f, "name", False)],
            " (DOB ",
            [(P.date_variant(rng, P.dob(rng, 1940, 2015)), "date_of_birth", False)],
            ") also lives at the property.",
        )
    elif choice == 6:
        n.add(
            f"{kin.capitalize()}'s NHS number ",
            [_nhs(rng, P.nhs_number(rng), False)],
            " noted for carer assessment.",
        )
    else:
        n.add(
            f"{kin.capitalize()} lives at ",
            [(P.address_line(rng), "address", False)],
            ", ",
            [(P.postcode(rng), "postcode", False)],
            ", and visits weekly.",
        )


def s_staff(rng, n, p):
    choice = rng.randrange(5)
    if choice == 0:
        n.add("Discussed with Dr ", [(_other_full(rng), "name", False)], " (GP).")
    elif choice == 1:
        n.add("Seen by ", rng.choice(P.JOBS), " ", [(_other_full(rng), "name", False)], ".")
    elif choice == 2:
        n.add(
            "Meeting attended by ",
            [(P.forename(rng), "name", False)],
            ", ",
            [(_other_full(rng), "name", False)],
            " and ",
            rng.choice(["Mr", "Mrs", "Dr"]),
            " ",
            [(P.surname(rng), "name", False)],
            ".",
        )
    elif choice == 3:
        n.add(
            "SW ",
            [(P.forename(rng), "name", False)],
            " to follow up with ",
            rng.choice(P.TEAMS),
            ".",
        )
    else:
        n.add("Dr ", [(P.surname(rng), "name", False)], " increased ", rng.choice(P.DRUGS), ".")


def s_trap(rng, n, p):
    choice = rng.randrange(11)
    if choice == 0:
        n.add(
            "Transferred from ",
            rng.choice(P.WARDS),
            " at ",
            rng.choice(P.HOSPITALS),
            " on ",
            rng.choice(P.DAYS),
            ".",
        )
    elif choice == 1:
        n.add("Continues on ", rng.choice(P.DRUGS), ".")
    elif choice == 2:
        n.add(
            "Referred to ",
            rng.choice(P.ORGS),
            ", ref ",
            f"{rng.randint(2019, 2025)}/{rng.randint(1, 99999):05d}",
            ".",
        )
    elif choice == 3:
        n.add("Next review ", _future(rng).strftime("%d/%m/%Y"), " at ", _time(rng), ".")
    elif choice == 4:
        n.add("Family moved from ", rng.choice(P.PLACE_NAMES), " in ", rng.choice(P.MONTHS), ".")
    elif choice == 5:
        n.add(
            "Watched the ",
            rng.choice(["Chelsea", "Everton", "Stanley"]),
            " match on ",
            rng.choice(P.DAYS),
            ".",
        )
    elif choice == 6:
        n.add("Given ", rng.choice(P.DRUGS), " at ", _time(rng), " by ", rng.choice(P.JOBS), ".")
    elif choice == 7:
        n.add(
            "Case ref SC-",
            f"{rng.randint(0, 999999):06d}",
            "; invoice INV/",
            str(rng.randint(2022, 2025)),
            f"/{rng.randint(1, 9999):05d}.",
        )
    elif choice == 8:
        n.add("Hope to arrange respite at Grace House in ", rng.choice(P.MONTHS), ".")
    elif choice == 9:
        n.add(
            "Appointment at ",
            rng.choice(P.HOSPITALS),
            " on ",
            P.date_variant(rng, _future(rng)),
            ".",
        )
    else:
        n.add(
            "Bed ",
            f"{rng.choice('ABCD')}{rng.randint(1, 30)}",
            " on ",
            rng.choice(P.WARDS),
            ", ext ",
            str(rng.randint(2000, 8999)),
            ".",
        )


def s_terse(rng, n, p):
    choice = rng.randrange(6)
    if choice == 0:
        n.add("HV to ", _own_name(rng, p), " @ ", [_own_address(rng, p)])
    elif choice == 1:
        n.add(
            "c/o ",
            rng.choice(KIN),
            " ",
            [(P.forename(rng), "name", False)],
            " tel ",
            [(P.phone_variant(rng, *P.phone_parts(rng)), "phone", False)],
        )
    elif choice == 2:
        n.add(
            rng.choice(["Obs stable", "BP 130/80", "NFA", "Mood low", "Eating ok", "Sats 96% RA"])
        )
    elif choice == 3:
        n.add(
            "DOB ",
            [(P.date_variant(rng, p.dob), "date_of_birth", True)],
            " NHS ",
            [_nhs(rng, p.nhs, True)],
        )
    elif choice == 4:
        n.add(
            "D/w ",
            rng.choice(P.JOBS),
            " ",
            [(P.forename(rng), "name", False)],
            " re ",
            rng.choice(P.DRUGS),
        )
    else:
        n.add("Pt ", _own_name(rng, p), " NBM from ", _time(rng))


MAKERS = [
    (s_dob, 2),
    (s_nhs, 2),
    (s_address, 2),
    (s_postcode, 1),
    (s_phone, 2),
    (s_email, 1),
    (s_relative, 4),
    (s_staff, 3),
    (s_trap, 5),
]


def make_heldout3_notes(seed: int = 13, rows: int = 1500) -> list[dict]:
    rng = random.Random(f"heldout3-notes:{seed}")
    makers = [m for m, w in MAKERS for _ in range(w)]
    out: list[dict] = []
    for _ in range(rows):
        p = _Person(rng)
        style = rng.choice(["narrative", "narrative", "narrative", "terse", "caps", "nopunct"])
        note = _Note(style)
        count = rng.randint(1, 6)
        if rng.random() < 0.8:
            s_intro(rng, note, p)
            count -= 1
        for _ in range(count):
            if style == "terse" and rng.random() < 0.6:
                s_terse(rng, note, p)
            else:
                rng.choice(makers)(rng, note, p)
        if not note.sentences:
            s_trap(rng, note, p)
        sep = "; " if style == "terse" else rng.choice([" ", " ", "  ", "\n"])
        text, spans = note.render(sep)
        out.append(
            {
                "forename": p.forename,
                "surname": p.surname,
                "date_of_birth": p.dob.strftime("%d/%m/%Y"),
                "nhs_number": p.nhs,
                "postcode": p.postcode,
                "phone": p.phone,
                "address": p.address,
                "note": text,
                "spans": spans,
            }
        )
    return out
