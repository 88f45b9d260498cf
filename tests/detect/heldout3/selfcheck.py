"""Self-check for the heldout3 corpus (never runs the detector).

Run from the repository root:  python -m tests.detect.heldout3.selfcheck
Checks determinism, that the columns match TRAPS.md, check digits, Ofcom phone ranges,
e-mail domains, NI prefix rules, blank rates, and that every note span's text is what it
labels; prints counts per category and per span label.
"""

from __future__ import annotations

import collections
import datetime
import pathlib
import re
import sys

from . import pools as P
from .columns import make_heldout3_columns
from .notes import make_heldout3_notes

HERE = pathlib.Path(__file__).parent
KINDS = {
    None,
    "nhs_number",
    "chi_number",
    "ni_number",
    "postcode",
    "date_of_birth",
    "forename",
    "surname",
    "full_name",
    "address",
    "phone",
    "email",
    "hospital_number",
    "uprn",
    "passport_number",
    "driving_licence",
    "vehicle_registration",
}
POSTCODE_RE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+)")
NI_RE = re.compile(r"^([A-Z]{2})[0-9]{6}[A-D]$")
ADDRESS_RE = re.compile(r"^(Flat \d+, )?\d+[A-Za-z]?,? [A-Za-z' ]+$", re.I)
PHONE_IN_TEXT = re.compile(r"\+?\(?\d[\d ()]{8,}\d")

failures: list[str] = []


def check(cond: bool, message: str) -> None:
    if not cond:
        failures.append(message)


def traps_names() -> list[str]:
    return re.findall(r"^- `([^`]*)`", (HERE / "TRAPS.md").read_text(encoding="utf-8"), re.M)


def domain_ok(email: str) -> bool:
    m = EMAIL_RE.search(email)
    dom = m.group(1).lower().rstrip(".") if m else ""
    return bool(m) and (dom in {"example.com", "example.org"} or dom.endswith(".example"))


def parse_date(text: str) -> datetime.date | None:
    t = (
        re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip(), flags=re.I)
        .replace(" of ", " ")
        .replace(",", "")
    )
    for fmt in (
        "%d/%m/%Y",
        "%d/%m/%y",
        "%d.%m.%Y",
        "%d.%m.%y",
        "%d %B %Y",
        "%d %b %Y",
        "%Y-%m-%d",
        "%d-%m-%Y",
        "%B %d %Y",
        "%Y%m%d",
    ):
        try:
            return datetime.datetime.strptime(t, fmt).date()
        except ValueError:
            continue
    return None


def chi_date_ok(digits: str) -> bool:
    try:
        datetime.datetime.strptime(digits[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def check_columns() -> None:
    cols, labels = make_heldout3_columns()
    cols2, labels2 = make_heldout3_columns()
    check(cols == cols2 and labels == labels2, "columns not deterministic")
    check(make_heldout3_columns(seed=6)[0] != cols, "seed has no effect on columns")
    names = traps_names()
    check(names == list(cols), f"columns differ from TRAPS.md: {set(names) ^ set(cols)}")
    check(len(set(names)) == len(names), "duplicate column names in TRAPS.md")
    for name, values in cols.items():
        lab = labels[name]
        kind = lab["kind"]
        check(kind in KINDS, f"{name}: bad kind {kind}")
        check(
            lab["direct"] == (kind not in {None, "date_of_birth", "postcode"}),
            f"{name}: direct wrong",
        )
        check(all(v is None or isinstance(v, str) for v in values), f"{name}: non-string value")
        present = [v for v in values if v is not None]
        check(len(present) > 0, f"{name}: all blank")
        for v in present:
            s = v.strip()
            if kind == "nhs_number" and not lab["free_text"]:
                digits = re.sub(r"[ ,-]", "", s)
                if digits.endswith(".0"):
                    digits = digits[:-2]
                if "E+" not in digits:
                    check(P.valid_mod11(digits), f"{name}: bad NHS check digit {v!r}")
            elif kind == "chi_number" and not lab["free_text"]:
                digits = re.sub(r"[ -]", "", s).removesuffix(".0").zfill(10)
                check(P.valid_mod11(digits), f"{name}: bad CHI check digit {v!r}")
                check(chi_date_ok(digits), f"{name}: CHI date invalid {v!r}")
            elif kind == "phone" and not lab["free_text"]:
                t = s.removesuffix(".0")
                if "E+" not in t:
                    check(P.in_ofcom_range(t), f"{name}: phone outside Ofcom ranges {v!r}")
            elif kind == "email" and not lab["free_text"]:
                check(domain_ok(s), f"{name}: bad e-mail domain {v!r}")
            elif kind == "ni_number" and not lab["free_text"]:
                m = NI_RE.match(s.upper().replace(" ", ""))
                check(bool(m) and P.ni_valid_prefix(m.group(1)), f"{name}: bad NI number {v!r}")
            elif kind == "postcode" and not lab["free_text"]:
                check(
                    bool(POSTCODE_RE.match(" ".join(s.upper().replace("-", " ").split()))),
                    f"{name}: bad postcode {v!r}",
                )
            elif kind == "driving_licence":
                check(len(s) == 16, f"{name}: licence length {v!r}")
            if name == "cost_code" or (name == "lab_id" and s.isdigit()):
                digits = s.removesuffix(".0")
                if "E+" not in digits:
                    check(not P.valid_mod11(digits), f"{name}: look-alike passes mod 11 {v!r}")
        # identifiers hidden in free text: Ofcom phones, example domains, valid check digits
        if lab["free_text"]:
            for v in present:
                for m in PHONE_IN_TEXT.finditer(v):
                    digits = re.sub(r"\D", "", m.group(0))
                    if kind == "phone":
                        check(
                            P.in_ofcom_range(m.group(0)),
                            f"{name}: phone outside Ofcom ranges {m.group(0)!r}",
                        )
                    elif kind == "nhs_number" and len(digits) == 10:
                        check(P.valid_mod11(digits), f"{name}: bad NHS in text {m.group(0)!r}")
                if "@" in v:
                    check(domain_ok(v), f"{name}: bad e-mail domain in text {v!r}")
    # minority rates in category a
    markers = {
        "visit_comments": "Please ring",
        "referral_reason": "NHS no",
        "outcome_notes": "@",
        "worker_remarks": "postcode",
        "safeguarding_summary": ("Concerns raised", "Alleged"),
        "discharge_comments": "DOB",
        "contact_log": "NI ",
        "housing_notes": "Tenancy at",
        "free_text_1": "CHI ",
        "observations": "Hospital no",
        "parking_notes": "drives",
    }
    print("category a: share of non-blank rows holding the identifier")
    for name, marker in markers.items():
        present = [v for v in cols[name] if v is not None]
        share = sum(
            1
            for v in present
            if any(m in v for m in ((marker,) if isinstance(marker, str) else marker))
        )
        share /= len(present)
        print(f"  {name:22s} {share:6.1%}")
        check(0.04 <= share <= 0.13, f"{name}: minority share {share:.3f} outside 4-13%")
    print("category c: blank rates")
    for name, values in cols.items():
        if labels[name]["category"] == "c":
            rate = sum(v is None for v in values) / len(values)
            print(f"  {name:22s} {rate:6.1%}")
            if labels[name]["kind"] is not None:
                check(0.45 <= rate <= 0.92, f"{name}: blank rate {rate:.2f} outside 50-90%")
    per_cat = collections.Counter(lab["category"] for lab in labels.values())
    per_kind = collections.Counter(str(lab["kind"]) for lab in labels.values())
    print(f"columns: {len(cols)} x {len(next(iter(cols.values())))} rows")
    print("columns per category:", dict(sorted(per_cat.items())))
    print("columns per kind:", dict(sorted(per_kind.items())))
    print(
        "free-text columns:",
        sum(lab["free_text"] for lab in labels.values()),
        "| direct:",
        sum(lab["direct"] for lab in labels.values()),
        "| kind None:",
        per_kind["None"],
    )


def name_tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s,]+", text.replace(".", " ")) if t]


def own_name_ok(span: str, row: dict) -> bool:
    allowed = {t.casefold() for t in (row["forename"] + " " + row["surname"]).split()}
    allowed |= {n.casefold() for n in P.NICKNAMES.get(row["forename"], [])}
    initials = (row["forename"][0] + P.ascii_fold(row["surname"])[0]).casefold()
    allowed |= {initials, row["forename"][0].casefold()}
    return all(t.casefold() in allowed for t in name_tokens(span))


POOL_TOKENS = {t.casefold() for n in P.ALL_FORENAMES + P.ALL_SURNAMES for t in n.split()}
POOL_TOKENS |= {n.casefold() for v in P.NICKNAMES.values() for n in v}


def check_notes() -> None:
    rows = make_heldout3_notes()
    check(rows == make_heldout3_notes(), "notes not deterministic")
    check(make_heldout3_notes(seed=14) != rows, "seed has no effect on notes")
    labels = collections.Counter()
    sentences = collections.Counter()
    for k, row in enumerate(rows):
        note = row["note"]
        check(
            set(row)
            >= {
                "forename",
                "surname",
                "date_of_birth",
                "nhs_number",
                "postcode",
                "phone",
                "address",
                "note",
                "spans",
            },
            f"row {k}: missing keys",
        )
        check(P.valid_mod11(row["nhs_number"]), f"row {k}: own NHS check digit")
        check(P.in_ofcom_range(row["phone"]), f"row {k}: own phone outside Ofcom")
        check(parse_date(row["date_of_birth"]) is not None, f"row {k}: own DOB format")
        sentences[len(re.findall(r"[.;\n]|  ", note)) or 1] += 1
        last_end = -1
        for s in sorted(row["spans"], key=lambda s: s["start"]):
            text = note[s["start"] : s["end"]]
            lab, own = s["label"], s["own"]
            labels[(lab, own)] += 1
            where = f"row {k} span {text!r} ({lab}, own={own})"
            check(0 <= s["start"] < s["end"] <= len(note), f"{where}: out of range")
            check(s["start"] >= last_end, f"{where}: overlaps previous span")
            check(text == text.strip() and text, f"{where}: untrimmed")
            last_end = s["end"]
            if lab == "nhs_number":
                digits = re.sub(r"[ -]", "", text)
                check(P.valid_mod11(digits), f"{where}: bad check digit")
                check(not own or digits == row["nhs_number"], f"{where}: not own NHS")
            elif lab == "date_of_birth":
                d = parse_date(text)
                check(d is not None, f"{where}: unparseable date")
                if own and d is not None:
                    mine = parse_date(row["date_of_birth"])
                    check(
                        (d.day, d.month, d.year % 100) == (mine.day, mine.month, mine.year % 100),
                        f"{where}: not own DOB",
                    )
            elif lab == "postcode":
                norm = " ".join(text.upper().split())
                if " " not in norm:
                    norm = norm[:-3] + " " + norm[-3:]
                check(bool(POSTCODE_RE.match(norm)), f"{where}: not a postcode")
                check(not own or norm == row["postcode"], f"{where}: not own postcode")
            elif lab == "phone":
                check(P.in_ofcom_range(text), f"{where}: outside Ofcom ranges")
                check(
                    not own or P.national_digits(text) == P.national_digits(row["phone"]),
                    f"{where}: not own phone",
                )
            elif lab == "email":
                check(
                    bool(re.fullmatch(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+", text))
                    and domain_ok(text),
                    f"{where}: bad e-mail",
                )
            elif lab == "address":
                check(bool(ADDRESS_RE.match(text)), f"{where}: not an address line")
                if own:
                    number = row["address"].split()[0]
                    street_word = row["address"].split()[1].casefold()
                    check(
                        text.startswith(number) and street_word in text.casefold(),
                        f"{where}: not own address",
                    )
            elif lab == "name":
                check(
                    not re.match(r"(?i)(mr|mrs|ms|miss|mx|dr)\.? ", text),
                    f"{where}: title inside name span",
                )
                if own:
                    check(
                        own_name_ok(text, row),
                        f"{where}: not own name ({row['forename']} {row['surname']})",
                    )
                else:
                    check(
                        all(t.casefold() in POOL_TOKENS for t in name_tokens(text)),
                        f"{where}: not a pool name",
                    )
            else:
                check(False, f"{where}: unknown label")
    print(
        f"notes: {len(rows)} rows, {sum(len(r['spans']) for r in rows)} spans, "
        f"{sum(1 for r in rows if not r['spans'])} notes without spans"
    )
    print("spans per label (own / other):")
    for lab in ["name", "date_of_birth", "nhs_number", "postcode", "address", "phone", "email"]:
        print(f"  {lab:14s} {labels[(lab, True)]:5d} / {labels[(lab, False)]:5d}")


def main() -> int:
    check_columns()
    check_notes()
    if failures:
        print(f"\nFAILED: {len(failures)} problem(s)")
        kinds = collections.Counter(
            f.split(":")[0] if not f.startswith("row") else f.split("(")[-1][:40] for f in failures
        )
        print(kinds.most_common(20))
        for f in failures[:40]:
            print("  ", f)
        return 1
    print("\nselfcheck OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
