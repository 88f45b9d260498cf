"""heldout2 notes: synthetic free-text case notes with exact identifier spans.

Span conventions (see README.md):
  * name spans cover the name only: titles ("Mrs", "Dr"), relationship words ("daughter")
    and the possessive "'s" are outside the span; a full name is ONE span; initials "J.S."
    are a name span; an upper-case header name is a name span.
  * date_of_birth spans cover the date only ("DOB " is outside). Other dates (visits,
    reviews, letters) are NOT labelled. Ages ("aged 84") are not labelled.
  * address spans cover the street line as written (and ", Town" when it follows directly);
    a postcode written after the address is a separate postcode span.
  * own=True for the row's own person; own=False for relatives, staff, neighbours.
"""
from __future__ import annotations

import os
import random
import string
import sys

from tests.detect.heldout2.columns import (
    FORENAMES, SURNAMES, PLACES_NOUNS, TOWNS, MONTHS,
    gen_nhs, gen_dob, gen_date, gen_postcode, gen_phone_digits, fmt_phone, gen_email,
    gen_address_line, fmt_date, fmt_postcode, fmt_nhs, gen_ten_invalid, is_mod11_valid,
)

STAFF_ROLES = [("Dr", None), ("SW:", None), ("DN", None), ("Nurse", None), ("OT", None),
               ("Physio", None), ("CPN", None), ("Dr", None)]
FAMILY_REL = ["daughter", "son", "husband", "wife", "partner", "niece", "nephew", "sister",
              "brother", "granddaughter", "grandson", "neighbour", "friend", "son-in-law"]
_FMT = string.Formatter()


class Note:
    def __init__(self):
        self.parts: list[str] = []
        self.spans: list[dict] = []
        self.pos = 0

    def text(self, s: str):
        self.parts.append(s)
        self.pos += len(s)

    def span(self, value: str, label: str, own: bool):
        self.spans.append({"start": self.pos, "end": self.pos + len(value), "label": label,
                           "own": own, "_value": value})
        self.text(value)

    def render(self, template: str, **slots):
        """Render a str.format-style template; slot values are str (plain) or
        (value, label, own) tuples (identifier spans)."""
        for literal, field, _spec, _conv in _FMT.parse(template):
            if literal:
                self.text(literal)
            if field is None:
                continue
            v = slots[field]
            if isinstance(v, tuple):
                self.span(*v)
            else:
                self.text(v)

    def finish(self) -> tuple[str, list[dict]]:
        note = "".join(self.parts)
        out = []
        for s in self.spans:
            assert note[s["start"]:s["end"]] == s.pop("_value"), "span offset mismatch"
            out.append(s)
        for a, b in zip(out, out[1:]):
            assert a["end"] <= b["start"], "overlapping spans"
        return note, out


def _title_for(rng):
    return rng.choice(["Mr", "Mrs", "Ms", "Miss", "Mx"])


def make_heldout2_notes(seed: int = 11, rows: int = 1500) -> list[dict]:
    rng = random.Random(f"heldout2-notes:{seed}")
    out = []
    for i in range(rows):
        fn, sn = rng.choice(FORENAMES), rng.choice(SURNAMES)
        dob = gen_dob(rng)
        nhs = gen_nhs(rng)
        pc = gen_postcode(rng)
        addr = gen_address_line(rng, with_town=True)
        phone_digits = gen_phone_digits(rng)
        email = gen_email(rng, fn, sn)
        row = {"forename": fn, "surname": sn, "date_of_birth": dob.isoformat(), "nhs_number": nhs,
               "postcode": pc, "address": addr, "phone": fmt_phone(rng, phone_digits, "std"),
               "email": email}
        has_own = rng.random() >= 1 / 3
        title = _title_for(rng)
        n = Note()

        # ---------------------------------------------------- how to refer to the person
        def name_slot():
            k = rng.choice(["full", "full", "title_sn", "title_sn", "fn", "initials", "upper", "sn_fn"])
            if k == "full":
                return "", (f"{fn} {sn}", "name", True)
            if k == "title_sn":
                return f"{title} ", (sn, "name", True)
            if k == "fn":
                return "", (fn, "name", True)
            if k == "initials":
                return "", (f"{fn[0]}.{sn[0]}.", "name", True)
            if k == "upper":
                return "", (f"{fn} {sn}".upper(), "name", True)
            return "", (f"{sn.upper()}, {fn}", "name", True)

        pronoun = rng.choice(["Pt", "Patient", "Client", "Service user", "Gentleman", "Lady", "SU"])
        other_names_used = {sn}

        def other_person():
            while True:
                ofn, osn = rng.choice(FORENAMES), rng.choice(SURNAMES)
                if osn not in other_names_used and ofn != fn:
                    other_names_used.add(osn)
                    return ofn, osn

        def visit_date():
            return fmt_date(rng, gen_date(rng, 2021, 2025))

        def phone_fmt(digits):
            return fmt_phone(rng, digits)

        # ---------------------------------------------------- header
        own_used = False
        if has_own and rng.random() < 0.25:
            hdr = rng.choice(["PATIENT: {n}\n", "RE: {n}\n", "Client - {n}\n", "*** {n} ***\n"])
            n.render(hdr, n=(f"{fn} {sn}".upper() if rng.random() < 0.7 else f"{sn.upper()}, {fn.upper()}", "name", True))
            own_used = True
            if rng.random() < 0.5:
                n.render("NHS: {x}  DOB: {d}\n", x=(fmt_nhs(rng, nhs), "nhs_number", True),
                         d=(fmt_date(rng, dob, rng.choice(["dmy", "iso", "dmy2"])), "date_of_birth", True))

        # ---------------------------------------------------- opening sentence
        openings_named = [
            "{pre}{nm} seen at home on {v}.", "Home visit to {pre}{nm} on {v}.",
            "Telephone review with {pre}{nm} at {t}.", "{pre}{nm} attended {place} today.",
            "Discussed {pre}{nm}'s care at MDT on {v}.", "{pre}{nm}'s {rel} rang the office at {t}.",
            "Joint visit with OT to {pre}{nm}.", "Met {pre}{nm} on {place}.",
        ]
        openings_anon = [
            "{p} seen at home on {v}.", "Home visit on {v}.", "Telephone review at {t}.",
            "{p} attended {place} today.", "Discussed at MDT on {v}.", "{p} reviewed on {place}.",
            "Visit cancelled, rebooked for {v}.", "{p} not at home when visited {v}.",
        ]
        t = f"{rng.randint(8, 19):02d}:{rng.choice(['00', '10', '15', '30', '45', '50'])}"
        if has_own and rng.random() < 0.8:
            pre, nm = name_slot()
            n.render(rng.choice(openings_named), pre=pre, nm=nm, v=visit_date(), t=t,
                     place=rng.choice(PLACES_NOUNS), rel=rng.choice(FAMILY_REL))
            own_used = True
        else:
            n.render(rng.choice(openings_anon), p=pronoun, v=visit_date(), t=t, place=rng.choice(PLACES_NOUNS))

        # ---------------------------------------------------- sentence pool
        sentences = []  # each is a callable writing into n

        def own_sentence(kind):
            def w():
                if kind == "dob":
                    style = rng.choice(["ord", "dmy2", "dot", "iso", "dmy", "d_mon_y", "d_month_y"])
                    tpl = rng.choice(["DOB {d}.", "D.O.B: {d}.", "Born {d}.", "Date of birth {d} confirmed.",
                                      "dob {d}", "({d})", "Identity checked (DOB {d})."])
                    n.render(tpl, d=(fmt_date(rng, dob, style), "date_of_birth", True))
                elif kind == "nhs":
                    tpl = rng.choice(["NHS no {x}.", "NHS number: {x}", "NHS# {x}", "nhs {x} checked on PDS.",
                                      "NHS No. {x} verified.", "(NHS {x})"])
                    n.render(tpl, x=(fmt_nhs(rng, nhs), "nhs_number", True))
                elif kind == "phone":
                    tpl = rng.choice(["Contact number {x}.", "Tel: {x}", "Mob {x}.", "Rang {x} - no answer.",
                                      "Best number is {x} after 2pm.", "Phone {x} (home)."])
                    n.render(tpl, x=(phone_fmt(phone_digits), "phone", True))
                elif kind == "address":
                    a = addr if rng.random() < 0.6 else addr.split(", ")[0] if addr.count(", ") == 1 else addr
                    if rng.random() < 0.25:
                        a = a.lower()
                    if rng.random() < 0.4:
                        n.render(rng.choice(["Lives at {a}, {p}.", "Address: {a} {p}", "Home address {a}, {p}."]),
                                 a=(a, "address", True), p=(fmt_postcode(rng, pc), "postcode", True))
                    else:
                        n.render(rng.choice(["Lives at {a}.", "Address confirmed as {a}.", "Visited {a}."]),
                                 a=(a, "address", True))
                elif kind == "postcode":
                    n.render(rng.choice(["Postcode {p} confirmed.", "Lives in the {p} area.", "PC: {p}"]),
                             p=(fmt_postcode(rng, pc), "postcode", True))
                elif kind == "email":
                    n.render(rng.choice(["Email {e} for letters.", "Prefers email ({e}).", "e-mail: {e}"]),
                             e=(email if rng.random() < 0.8 else email.upper(), "email", True))
                elif kind == "name":
                    tpl = rng.choice(["{pre}{nm} appeared well.", "{pre}{nm} agreed to plan.",
                                      "Explained to {pre}{nm} that bloods are due.", "{pre}{nm}'s mood improved."])
                    pre, nm = name_slot()
                    n.render(tpl, pre=pre, nm=nm)
            return w

        if has_own:
            kinds = ["dob", "nhs", "phone", "address", "postcode", "email", "name"]
            weights = [0.45, 0.35, 0.3, 0.25, 0.15, 0.1, 0.35]
            chosen = [k for k, p in zip(kinds, weights) if rng.random() < p]
            if not own_used and not chosen:
                chosen = [rng.choice(kinds)]
            sentences += [own_sentence(k) for k in chosen]

        def other_sentence():
            def w():
                ofn, osn = other_person()
                rel = rng.choice(FAMILY_REL)
                k = rng.randint(0, 11)
                if k == 0:
                    n.render("{r} {o} present throughout.", r=rel.capitalize(), o=(ofn, "name", False))
                elif k == 1:
                    n.render("Seen by Dr {o}.", o=(osn, "name", False))
                elif k == 2:
                    n.render("SW: {o}", o=(f"{ofn} {osn}", "name", False))
                elif k == 3:
                    n.render("Discussed with {r} {o} (district nurse).", r=_title_for(rng), o=(osn, "name", False))
                elif k == 4:
                    n.render("{r} {o} can be contacted on {ph}.", r=rel.capitalize(), o=(ofn, "name", False),
                             ph=(phone_fmt(gen_phone_digits(rng)), "phone", False))
                elif k == 5:
                    n.render("{r}'s email {e}.", r=rel.capitalize(), e=(gen_email(rng, ofn, osn), "email", False))
                elif k == 6:
                    n.render("Neighbour at {a} holds a key.", a=(gen_address_line(rng), "address", False))
                elif k == 7:
                    n.render("{r} {o} (DOB {d}) is main carer.", r=rel.capitalize(), o=(f"{ofn} {osn}", "name", False),
                             d=(fmt_date(rng, gen_dob(rng), rng.choice(["dmy", "ord", "dmy2"])), "date_of_birth", False))
                elif k == 8:
                    n.render("Husband's NHS number {x} also on file.", x=(fmt_nhs(rng, gen_nhs(rng)), "nhs_number", False))
                elif k == 9:
                    n.render("Letter copied to GP, Dr {o}.", o=(f"{ofn[0]}. {osn}", "name", False))
                elif k == 10:
                    n.render("{r} {o} now staying with {p2} at {pc}.", r=rel.capitalize(), o=(f"{ofn} {osn}", "name", False),
                             p2=rng.choice(["friends", "her sister", "family"]), pc=(fmt_postcode(rng, gen_postcode(rng)), "postcode", False))
                else:
                    n.render("Plan agreed with {o} ({r}).", o=(ofn, "name", False), r=rel)
            return w

        for _ in range(rng.choice([0, 0, 1, 1, 1, 2, 2, 3])):
            sentences.append(other_sentence())

        def noise(k):
            def w():
                v = visit_date()
                if k == 0:
                    n.text(rng.choice(["Paracetamol 1g QDS.", "Amlodipine 5mg OD.", "Sertraline 50mg OM.",
                                       "Oramorph 2.5-5mg PRN.", "Apixaban 5mg BD.", "Co-codamol 30/500 two tabs QDS.",
                                       "Madopar 62.5mg TDS.", "Lasix 40mg mane."]))
                elif k == 1:
                    n.text(f"BP {rng.randint(100, 170)}/{rng.randint(55, 100)}, HR {rng.randint(50, 110)}, SpO2 {rng.randint(88, 99)}% on air, NEWS2 {rng.randint(0, 6)}.")
                elif k == 2:
                    n.text(f"Transferred to St Mary's ward, bed {rng.randint(1, 30)}.")
                elif k == 3:
                    n.text(f"Follow-up at Florence Nightingale Wing on {v}.")
                elif k == 4:
                    n.text(f"Datix ref {rng.randint(10000, 99999)} completed.")
                elif k == 5:
                    n.text(f"Moved from {rng.choice(TOWNS)} to {rng.choice(TOWNS)} in {rng.randint(1990, 2022)}.")
                elif k == 6:
                    n.text(f"Weight {rng.randint(40, 120)}.{rng.randint(0, 9)}kg (was {rng.randint(40, 120)}kg in {rng.choice(MONTHS)} {rng.randint(2019, 2024)}).")
                elif k == 7:
                    n.text(f"Ward {rng.randint(1, 40)} ext {rng.randint(2000, 4999)}.")
                elif k == 8:
                    n.text(f"Next review {v}.")
                elif k == 9:
                    n.text(f"Referral ref {rng.randint(100000, 9999999)} sent to {rng.choice(['Rose Ward', 'Grace Ward', 'Hope Unit'])}.")
                elif k == 10:
                    n.text(f"Aged {rng.randint(18, 99)}.")
                elif k == 11:
                    n.text(f"Insulin {rng.randint(4, 30)} units at 08:00 and 22:00.")
                elif k == 12:
                    n.text(f"Order number {gen_ten_invalid(rng, '45')} raised for equipment.")
                elif k == 13:
                    n.text(f"Previous visit {v}; next visit {visit_date()}.")
                elif k == 14:
                    n.text(f"Attends day centre in {rng.choice(['Wigan', 'Mansfield', 'St Helens', 'Leigh'])} on Tuesdays.")
                elif k == 15:
                    n.text(f"Handover given to Victoria Ward at {rng.randint(7, 21):02d}:{rng.choice(['00', '30'])}.")
                elif k == 16:
                    n.text(f"Case ref {rng.randint(100000, 999999)}/{rng.randint(20, 25)}, bleep {rng.randint(100, 999)}.")
                else:
                    n.text(f"Smith & Nephew Allevyn dressing {rng.randint(5, 15)}x{rng.randint(5, 15)}cm applied.")
            return w

        for k in rng.sample(range(18), rng.randint(1, 4)):
            sentences.append(noise(k))

        rng.shuffle(sentences)
        for w in sentences:
            n.text(rng.choice([" ", " ", "\n", "  "]))
            w()

        if rng.random() < 0.3:
            staff_fn, staff_sn = other_person()
            n.text(rng.choice(["\n", " "]))
            n.render(rng.choice(["Signed: {s}, Band 6 DN", "-- {s} (SW)", "Entered by {s}"]),
                     s=(f"{staff_fn[0]}. {staff_sn}" if rng.random() < 0.5 else f"{staff_fn} {staff_sn}", "name", False))

        note, spans = n.finish()
        if not has_own:
            assert not any(s["own"] for s in spans)
        row["note"] = note
        row["spans"] = spans
        assert is_mod11_valid(nhs)
        out.append(row)
    return out


if __name__ == "__main__":
    from collections import Counter
    rows = make_heldout2_notes()
    c = Counter((s["label"], s["own"]) for r in rows for s in r["spans"])
    print(len(rows), "rows")
    print("rows without own identifier:", sum(not any(s["own"] for s in r["spans"]) for r in rows))
    for k in sorted(c):
        print(k, c[k])
    for r in rows[:6]:
        print("----", r["forename"], r["surname"])
        print(r["note"])
        print([(r["note"][s["start"]:s["end"]], s["label"], s["own"]) for s in r["spans"]])
