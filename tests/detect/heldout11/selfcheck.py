"""Self-check for the heldout11 corpus.

Run from the repository root:  python -m tests.detect.heldout11.selfcheck
It never runs a detector: it only checks the corpus against TRAPS.md and the
synthetic-data rules in the brief.
"""

import re
import sys
from pathlib import Path

from . import make_heldout11_columns, pools
from . import values as v

KINDS = {
    "full_name",
    "forename",
    "surname",
    "nhs_number",
    "chi_number",
    "ni_number",
    "date_of_birth",
    "postcode",
    "address",
    "phone",
    "email",
    "hospital_number",
    "passport_number",
    "driving_licence",
    "vehicle_registration",
    "uprn",
}
QUASI = {"date_of_birth", "postcode"}
SEED, ROWS = 41, 2000
FAILS: list[str] = []


def fail(msg: str) -> None:
    FAILS.append(msg)


# ---------------------------------------------------------------- TRAPS.md
def parse_traps() -> list[tuple[str, str | None, bool, str]]:
    out = []
    section = None
    text = (Path(__file__).parent / "TRAPS.md").read_text(encoding="utf-8")
    for line in text.splitlines():
        m = re.match(r"## ([a-hs]) — ", line)
        if m:
            section = m.group(1)
            continue
        if line.startswith("## "):
            section = None
            continue
        if section and line.startswith("- "):
            parts = line[2:].split(" — ")
            if len(parts) != 5:
                fail(f"TRAPS.md: bad line {line!r}")
                continue
            name, _what, kind, direct, cat = (p.strip() for p in parts)
            if cat != section:
                fail(f"TRAPS.md: {name} category {cat} under section {section}")
            out.append((name, None if kind == "None" else kind, direct == "yes", cat))
    return out


# ---------------------------------------------------------------- helpers
SCI = re.compile(r"^\s*\d\.\d+E\+\d+\s*$", re.I)
PHONE_RE = re.compile(r"(?<![\w.])(?:\+44\s?(?:\(0\))?|0044\s?|0)(?:\d[\s-]?){9,10}(?!\w)")
EMAIL_RE = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
NI_RE = re.compile(r"\b([A-Za-z]{2})\s?-?(\d{2})\s?(\d{2})\s?(\d{2})\s?-?\s?([A-Za-z])\b")
TEN_RE = re.compile(r"(?<![\d.,])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d,])")
CHI_TXT = re.compile(r"(?<!\d)(\d{6}) ?(\d{4})(?!\d)")
POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b", re.I)
VRN_RE = re.compile(r"\b(?:[A-Z]{2}\d{2} ?[A-Z]{3}|[A-Z]\d{1,3} ?[A-Z]{3})\b", re.I)
HOSP_RE = re.compile(r"\b(?:RX1\d{7}|[HKMJ]\d{6}|(?:RHQ|RR8|RTD)-\d{6}|[A-H]\d{7})\b")
DATE_RE = re.compile(
    r"\b(?:\d{2}[/.]\d{2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{2}-[A-Za-z]{3}-\d{2}|\d{8}"
    r"|\d{1,2} [A-Za-z]+ \d{4})\b"
)
ADDR_RE = re.compile(
    r"\b\d{1,3} [\wàŷ']+ (?:" + "|".join(pools.STREET_TYPES) + r")\b|\bHeol\b|"
    r"\bFfordd\b|\bStryd\b|\bSràid\b"
)
UPRN_RE = re.compile(r"\buprn \d{8,12}\b", re.I)
PASS_RE = re.compile(r"(?<!\d)\d{9}(?!\d)")
FULLNAME_RE = re.compile(
    r"\b(?:"
    + "|".join(map(re.escape, pools.FORENAMES))
    + r") (?:"
    + "|".join(map(re.escape, pools.SURNAMES))
    + r")\b",
    re.I,
)
FORE_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, pools.FORENAMES)) + r")\b", re.I)


def digits_of(x: str) -> str:
    x = x.strip()
    x = re.sub(r"\.0+$", "", x)
    return re.sub(r"\D", "", x)


def phone_norm(x: str) -> str | None:
    x = re.sub(r"\s*(ext\s*\d+|\(mob\))\s*$", "", x.strip(), flags=re.I)
    x = x.replace("tel:", "").replace("(0)", "")
    x = re.sub(r"\.0$", "", x)
    if x.startswith("+44"):
        x = "0" + x[3:]
    d = re.sub(r"\D", "", x)
    if d.startswith("0044"):
        d = "0" + d[4:]
    if len(d) == 10 and d[0] in "127":
        d = "0" + d
    return d


def has_valid_mod11(text: str) -> bool:
    return any(v.mod11_valid("".join(m.groups())) for m in TEN_RE.finditer(text))


def has_phone(text: str) -> bool:
    return any(v.phone_synthetic(phone_norm(m.group(0)) or "") for m in PHONE_RE.finditer(text))


DETECT = {
    "phone": has_phone,
    "nhs_number": has_valid_mod11,
    "full_name": lambda t: bool(FULLNAME_RE.search(t)),
    "forename": lambda t: bool(FORE_RE.search(t)),
    "email": lambda t: bool(EMAIL_RE.search(t)),
    "date_of_birth": lambda t: bool(DATE_RE.search(t)),
    "postcode": lambda t: bool(POSTCODE_RE.search(t)),
    "ni_number": lambda t: any(v.ni_valid("".join(m.groups())) for m in NI_RE.finditer(t)),
    "hospital_number": lambda t: bool(HOSP_RE.search(t)),
    "passport_number": lambda t: bool(PASS_RE.search(t)),
    "chi_number": lambda t: any(v.chi_valid("".join(m.groups())) for m in CHI_TXT.finditer(t)),
    "vehicle_registration": lambda t: bool(VRN_RE.search(t)),
    "address": lambda t: bool(ADDR_RE.search(t)),
    "uprn": lambda t: bool(UPRN_RE.search(t)),
}

# None-kind columns whose 10-digit values are claimed to fail modulus 11
MOD11_FAIL = {
    "LIMS_SPECIMEN_ID",
    "RIS accession no",
    "theatre_case_ref",
    "batch_date_code",
    "snomed_ct",
}
# ISBN-10 uses the same modulus-11 rule as NHS numbers: a documented trap, exempt.
MOD11_EXEMPT = {"isbn"}


def main() -> int:
    columns, labels = make_heldout11_columns(seed=SEED, rows=ROWS)
    again = make_heldout11_columns(seed=SEED, rows=ROWS)
    if (columns, labels) != again:
        fail("not deterministic: two calls differ")
    other = make_heldout11_columns(seed=SEED + 1, rows=50)[0]
    if all(other[k] == columns[k][:50] for k in columns):
        fail("seed has no effect")

    # --- TRAPS.md agreement
    traps = parse_traps()
    names = list(columns)
    if [t[0] for t in traps] != names:
        fail(f"TRAPS.md names/order differ: {set(names) ^ {t[0] for t in traps}}")
    for name, kind, direct, cat in traps:
        lab = labels.get(name)
        if lab is None:
            continue
        if (lab["kind"], lab["direct"], lab["category"]) != (kind, direct, cat):
            fail(f"{name}: label {lab} differs from TRAPS.md ({kind}, {direct}, {cat})")

    # --- label sanity
    for name, lab in labels.items():
        k = lab["kind"]
        if k is not None and k not in KINDS:
            fail(f"{name}: unknown kind {k}")
        if lab["direct"] != (k is not None and k not in QUASI):
            fail(f"{name}: direct flag wrong for kind {k}")
        if lab["free_text"] != (
            lab["category"] == "a" or name in {"notes", "email_template", "description"}
        ):
            fail(f"{name}: free_text flag unexpected")
        if len(columns[name]) != ROWS:
            fail(f"{name}: {len(columns[name])} rows")
        if any(x is not None and not isinstance(x, str) for x in columns[name]):
            fail(f"{name}: non-str value")

    # --- check digits in labelled columns
    for name, lab in labels.items():
        if lab["free_text"]:
            continue
        vals = [x for x in columns[name] if x is not None]
        if lab["kind"] == "nhs_number":
            for x in vals:
                if SCI.match(x):
                    continue
                d = digits_of(x)
                if not v.mod11_valid(d):
                    fail(f"{name}: invalid NHS number {x!r}")
                    break
        if lab["kind"] == "chi_number":
            for x in vals:
                d = digits_of(x)
                d = d.zfill(10) if len(d) == 9 else d
                if not v.chi_valid(d):
                    fail(f"{name}: invalid CHI {x!r}")
                    break
        if lab["kind"] == "ni_number":
            for x in vals:
                if not v.ni_valid(x):
                    fail(f"{name}: invalid NI {x!r}")
                    break
        if lab["kind"] == "phone":
            for x in vals:
                if SCI.match(x):
                    continue
                if not v.phone_synthetic(phone_norm(x) or ""):
                    fail(f"{name}: non-drama phone {x!r}")
                    break
        if lab["kind"] is None and name not in MOD11_EXEMPT:
            for x in vals:
                if SCI.match(x):
                    continue
                d = digits_of(x)
                if re.fullmatch(r"[\d\s.,-]+", x.strip()) and len(d) == 10 and v.mod11_valid(d):
                    fail(f"{name}: look-alike passes modulus 11: {x!r}")
                    break
        if name in MOD11_FAIL:
            n10 = [digits_of(x) for x in vals if not SCI.match(x) and len(digits_of(x)) == 10]
            if not n10:
                fail(f"{name}: no 10-digit look-alikes")
        if name == "lot_number" and any(v.ni_valid(x.replace("LOT ", "")) for x in vals):
            fail("lot_number: a lot number is a valid NI number")

    # --- corpus-wide synthetic checks
    for name, col in columns.items():
        kind = labels[name]["kind"]
        for x in col:
            if x is None:
                continue
            for m in EMAIL_RE.finditer(x):
                dom = m.group(1).lower().rstrip(".;")
                if not (
                    dom in {"example.com", "example.org", "example.net"} or dom.endswith(".example")
                ):
                    fail(f"{name}: non-example e-mail {m.group(0)!r}")
            for m in PHONE_RE.finditer(x):
                d = phone_norm(m.group(0)) or ""
                if len(d) == 11 and d[:2] in {"01", "02", "07"} and not v.phone_synthetic(d):
                    fail(f"{name}: non-drama phone {m.group(0)!r}")
            if kind != "ni_number":
                for m in NI_RE.finditer(x):
                    if kind is None and v.ni_valid("".join(m.groups())):
                        fail(f"{name}: valid NI number in a None column {m.group(0)!r}")

    # --- free-text prevalence (category a)
    for name, lab in labels.items():
        if lab["category"] != "a":
            continue
        det = DETECT[lab["kind"]]
        col = columns[name]
        nonblank = [x for x in col if x is not None]
        hits = sum(1 for x in nonblank if det(x))
        for frac, what in ((hits / len(nonblank), "non-blank"), (hits / len(col), "all")):
            if not 0.03 <= frac <= 0.15:
                fail(f"{name}: identifier in {frac:.1%} of {what} rows")

    # --- annotated name columns: 50-90% blank
    for name, lab in labels.items():
        if lab["category"] == "c":
            blank = sum(x is None for x in columns[name]) / ROWS
            if not 0.5 <= blank <= 0.9:
                fail(f"{name}: {blank:.0%} blank")

    # --- shape of the corpus
    n = len(labels)
    direct = sum(lab["direct"] for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    quasi = n - direct - none
    if not 105 <= n <= 125:
        fail(f"{n} columns")
    if not 0.58 <= direct / n <= 0.67:
        fail(f"direct share {direct / n:.0%}")
    if not 30 <= none <= 42:
        fail(f"{none} None columns")

    if FAILS:
        for f in FAILS:
            print("FAIL", f)
        return 1
    print(f"OK: {n} columns x {ROWS} rows; direct {direct}, quasi {quasi}, None {none}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
