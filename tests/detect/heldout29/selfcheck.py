"""Self-check for held-out 29. Run: python -m tests.detect.heldout29.selfcheck

Checks the generated corpus against TRAPS.md and the brief's rules. Never runs a detector.
"""

import re
import sys
from collections import Counter
from pathlib import Path

from . import make_heldout29_columns, pools
from . import values as v
from .gen_text import A_COLUMNS

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
ROWS = 2000
FAILURES: list[str] = []


def fail(msg: str) -> None:
    FAILURES.append(msg)


def parse_traps() -> list[tuple[str, str | None, bool, str]]:
    text = (Path(__file__).parent / "TRAPS.md").read_text(encoding="utf-8")
    out = []
    in_table = False
    for line in text.splitlines():
        if line.startswith("## Extra traps"):
            break
        if re.match(r"^## [a-hs] —", line):
            in_table = True
            continue
        if in_table and line.startswith("- "):
            parts = [p.strip() for p in line[2:].split(" — ")]
            if len(parts) != 5:
                fail(f"TRAPS.md line has {len(parts)} fields: {line!r}")
                continue
            name, _what, kind, direct, cat = parts
            kind = None if kind == "None" else kind
            out.append((name, kind, direct == "direct", cat.split()[0]))
    return out


# ---- digit helpers ---------------------------------------------------------------------


def recover_digits(value: str) -> str | None:
    """Undo spreadsheet damage where it is recoverable; None when digits were lost."""
    s = value.strip()
    m = re.fullmatch(r"(\d)\.(\d+)E\+(\d+)", s)
    if m:
        mant = m.group(1) + m.group(2)
        exp = int(m.group(3))
        if len(mant) - 1 < exp:
            return None  # truncated: digits lost
        return mant
    s = re.sub(r"\.0+$", "", s)
    return re.sub(r"\D", "", s)


FORENAME_RE = "|".join(re.escape(f) for f in pools.FORENAMES)
SURNAME_RE = "|".join(re.escape(s) for s in pools.SURNAMES)
FULL_NAME_RE = re.compile(rf"\b(?:{FORENAME_RE}) (?:{SURNAME_RE})\b")
TITLED_SURNAME_RE = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss)\.? (?:{SURNAME_RE})\b")
TEN_RE = re.compile(r"(?<![\d.])(\d{3})[ \n]?(\d{3})[ \n]?(\d{4})(?![\d])")
PHONE_TEXT_RE = re.compile(r"(?<!\d)0\d{2,4}[ \n]?\d{3,4}[ \n]?\d{3,4}(?!\d)")


def has_ident(kind: str, text: str) -> bool:
    if kind == "nhs_number" or kind == "chi_number":
        return any(v.mod11_valid("".join(m.groups())) for m in TEN_RE.finditer(text))
    if kind == "phone":
        return any(
            v.phone_is_drama(re.sub(r"\D", "", m.group())) for m in PHONE_TEXT_RE.finditer(text)
        )
    if kind == "email":
        return bool(v.EMAIL_RE.search(text))
    if kind == "ni_number":
        return v.ni_valid(text)
    if kind == "address":
        return bool(v.ADDRESS_RE.search(text)) and bool(v.POSTCODE_RE.search(text))
    if kind == "full_name":
        return bool(FULL_NAME_RE.search(text))
    if kind == "vehicle_registration":
        return bool(v.REG_RE.search(text))
    if kind == "uprn":
        return bool(re.search(r"UPRN\)?:?\s*\d{11,12}\b", text, re.I))
    if kind == "surname":
        return bool(TITLED_SURNAME_RE.search(text))
    if kind == "passport_number":
        return bool(re.search(r"passport[^0-9]{0,12}\d{9}\b", text, re.I))
    if kind == "driving_licence":
        return bool(v.DL_RE.search(text))
    if kind == "hospital_number":
        return bool(v.HOSP_RE.search(text))
    if kind == "date_of_birth":
        return bool(re.search(r"(DOB|born|d\.o\.b\.|Date of birth)\s+\d", text, re.I))
    raise ValueError(kind)


# ---- checks ----------------------------------------------------------------------------


def check_table(labels):
    traps = parse_traps()
    names = list(labels)
    if [t[0] for t in traps] != names:
        fail("column names/order differ from TRAPS.md")
        missing = set(names) ^ {t[0] for t in traps}
        fail(f"  symmetric difference: {sorted(missing)}")
    for name, kind, direct, cat in traps:
        lab = labels.get(name)
        if lab is None:
            continue
        if lab["kind"] != kind:
            fail(f"{name}: kind {lab['kind']} != TRAPS {kind}")
        if lab["direct"] != direct:
            fail(f"{name}: direct {lab['direct']} != TRAPS {direct}")
        if lab["category"] != cat:
            fail(f"{name}: category {lab['category']} != TRAPS {cat}")
    for name, lab in labels.items():
        if lab["kind"] is not None and lab["kind"] not in KINDS:
            fail(f"{name}: unknown kind {lab['kind']}")
        want_direct = lab["kind"] is not None and lab["kind"] not in QUASI
        if lab["direct"] != want_direct:
            fail(f"{name}: direct flag inconsistent with kind")
        if lab["category"] == "a" and not lab["free_text"]:
            fail(f"{name}: category a must be free text")


def check_shape(columns):
    for name, col in columns.items():
        if len(col) != ROWS:
            fail(f"{name}: {len(col)} rows")
        if any(x is not None and not isinstance(x, str) for x in col):
            fail(f"{name}: non-string value")
        if all(x is None for x in col):
            fail(f"{name}: all blank")


def check_check_digits(columns, labels):
    for name, col in columns.items():
        kind = labels[name]["kind"]
        if labels[name]["free_text"] or kind not in ("nhs_number", "chi_number"):
            continue
        checked = 0
        for x in col:
            if x is None:
                continue
            d = recover_digits(x)
            if d is None:
                continue
            if kind == "chi_number" and len(d) == 9:
                d = d.zfill(10)
            if len(d) != 10 or not v.mod11_valid(d):
                fail(f"{name}: invalid {kind} {x!r}")
                break
            if kind == "chi_number" and not (1 <= int(d[:2]) <= 31 and 1 <= int(d[2:4]) <= 12):
                fail(f"{name}: CHI date part bad {x!r}")
                break
            checked += 1
        if checked < 500:
            fail(f"{name}: only {checked} verifiable check digits")
    for name in ("ledger_batch_id", "court_fee_receipt", "FA0343", "bacs_run_ref"):
        for x in columns[name]:
            if x is None:
                continue
            d = recover_digits(x)
            if name == "bacs_run_ref":
                d = d.zfill(10)
            if len(d) != 10:
                fail(f"{name}: not 10 digits {x!r}")
                break
            if v.mod11_valid(d):
                fail(f"{name}: look-alike passes modulus 11 {x!r}")
                break


def check_synthetic(columns, labels):
    # e-mails anywhere must be at example domains
    for name, col in columns.items():
        for x in col:
            if x is None:
                continue
            for m in v.EMAIL_RE.finditer(x):
                if not v.email_synthetic(m.group(1)):
                    fail(f"{name}: non-synthetic e-mail {x!r}")
                    break
    # phone columns: every recoverable number in a drama range
    for name, col in columns.items():
        if labels[name]["kind"] != "phone" or labels[name]["free_text"]:
            continue
        ok = 0
        for x in col:
            if x is None or "E+" in x:
                continue
            d = v.normalise_phone(re.sub(r"\.0$", "", x.strip()))
            if not v.phone_is_drama(d):
                fail(f"{name}: phone outside drama ranges {x!r}")
                break
            ok += 1
        if ok < 500:
            fail(f"{name}: only {ok} verifiable phones")
    # free-text phones too
    for name, col in columns.items():
        if not labels[name]["free_text"]:
            continue
        for x in col:
            for m in PHONE_TEXT_RE.finditer(x or ""):
                d = re.sub(r"\D", "", m.group())
                if len(d) == 11 and not v.phone_is_drama(d):
                    fail(f"{name}: free-text phone outside drama ranges {m.group()!r}")
    # NI numbers valid in NI columns
    for name, col in columns.items():
        if labels[name]["kind"] != "ni_number" or labels[name]["free_text"]:
            continue
        for x in col:
            if x is not None and not v.ni_valid(x.upper()):
                fail(f"{name}: invalid NI {x!r}")
                break
    # none-kind columns hold no e-mails, no valid NI numbers
    for name, col in columns.items():
        if labels[name]["kind"] is not None:
            continue
        for x in col:
            if x is None:
                continue
            if v.EMAIL_RE.search(x) or v.ni_valid(x):
                fail(f"{name}: identifier-like value in a None column {x!r}")
                break


def check_free_text(columns, labels):
    for name, kind, _rate in A_COLUMNS:
        col = columns[name]
        nonblank = [x for x in col if x is not None]
        hits = sum(has_ident(kind, x) for x in nonblank)
        share_nb = hits / len(nonblank)
        share_all = hits / len(col)
        if not (0.03 <= share_nb <= 0.15 and 0.03 <= share_all <= 0.15):
            fail(f"{name}: identifier share {share_nb:.3f}/{share_all:.3f} outside 3-15%")
    notes = columns["case_notes"]
    for kind in ("nhs_number", "phone", "email", "ni_number", "full_name", "address"):
        if any(has_ident(kind, x) for x in notes if x):
            fail(f"case_notes: contains {kind}")


def check_blanks(columns, labels):
    for name, lab in labels.items():
        if lab["category"] != "c":
            continue
        share = sum(x is None for x in columns[name]) / ROWS
        if not 0.5 <= share <= 0.9:
            fail(f"{name}: blank share {share:.2f} outside 50-90%")


def check_balance(labels):
    n = len(labels)
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in QUASI for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    if not 105 <= n <= 125:
        fail(f"{n} columns")
    if not 0.58 <= direct / n <= 0.67:
        fail(f"direct share {direct / n:.2f}")
    if not 3 <= quasi <= 8 or not 33 <= none <= 42:
        fail(f"quasi {quasi}, none {none}")
    return n, direct, quasi, none


def main() -> int:
    columns, labels = make_heldout29_columns(seed=79, rows=ROWS)
    check_table(labels)
    check_shape(columns)
    check_check_digits(columns, labels)
    check_synthetic(columns, labels)
    check_free_text(columns, labels)
    check_blanks(columns, labels)
    n, direct, quasi, none = check_balance(labels)
    again = make_heldout29_columns(seed=79, rows=ROWS)
    if again != (columns, labels):
        fail("not deterministic")
    other, _ = make_heldout29_columns(seed=80, rows=ROWS)
    if other == columns:
        fail("seed has no effect")
    cats = Counter(lab["category"] for lab in labels.values())
    kinds = Counter(str(lab["kind"]) for lab in labels.values())
    print(f"columns={n} direct={direct} quasi={quasi} none={none}")
    print("categories:", dict(sorted(cats.items())))
    print("kinds:", dict(sorted(kinds.items())))
    if FAILURES:
        print(f"FAILED ({len(FAILURES)}):")
        for f in FAILURES:
            print("  -", f)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
