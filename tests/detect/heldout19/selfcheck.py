"""Self-check for heldout19 (run from the repository root):

    python -m tests.detect.heldout19.selfcheck

Checks the generated corpus against TRAPS.md and against the rules for synthetic data.
It never runs a detector.
"""

import datetime as dt
import pathlib
import re
import sys
from collections import Counter

from . import make_heldout19_columns, pools
from . import values as v

HERE = pathlib.Path(__file__).parent
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
FAILING_MOD11 = {"supplier_acct_no", "txn_ref", "nhs_ref"}
PHONE_IN_TEXT = {"psr_call_notes", "emergency_contact_1"}

POSTCODE_RE = re.compile(r"\b([A-Z]{1,2}\d{1,2}[A-Z]?)\s*(\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE)
EMAIL_RE = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)")
NI_RE = re.compile(
    r"\b([A-Z]{2})[\s-]?(\d{2})[\s-]?(\d{2})[\s-]?(\d{2})[\s-]?([A-D])\b", re.IGNORECASE
)
PHONE_TEXT_RE = re.compile(r"(?:\+44\s?(?:\(0\))?\s?|\(?0)\d[\d\s()-]{7,14}\d")
TEN_RE = re.compile(r"(?<![\d,.])(\d{3})\s?(\d{3})\s?(\d{4})(?![\d,])")
CHI_RE = re.compile(r"(?<!\d)(\d{6})\s?(\d{4})(?!\d)")
DL_RE = re.compile(r"\b[A-Z9]{5}\s?\d{6}\s?[A-Z9]{2}\d[A-Z]{2}\b")
PASSPORT_RE = re.compile(r"(?<!\d)\d{9}(?!\d)")
VREG_RE = re.compile(
    r"\b(?:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b",
    re.IGNORECASE,
)
UPRN_RE = re.compile(r"(?<!\d)\d{12}(?!\d)")
HOSP_RE = re.compile(r"\b(?=[A-Z0-9]*[A-Z])[A-Z0-9]{1,3}\d{6,8}\b")
DOB_RE = re.compile(r"\b(dob|d\.o\.b\.?|born|date of birth)\b", re.IGNORECASE)


def parse_traps():
    rows = []
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        parts = line.split(" — ")
        if len(parts) != 5 or parts[4].strip() not in set("abcdefghs"):
            continue
        name, _what, kind, direct, cat = (p.strip() for p in parts)
        rows.append((name, None if kind == "None" else kind, direct == "yes", cat))
    return rows


def chi_valid(ten):
    if not v.mod11_valid(ten):
        return False
    try:
        dt.datetime.strptime(ten[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def numeric_digits(value):
    """Recover the digit string from a spreadsheet-damaged number, or None."""
    text = value.strip().strip('"').replace(",", "")
    m = re.fullmatch(r"(\d)\.(\d+)[eE]\+(\d+)", text)
    if m:
        mantissa, exp = m.group(1) + m.group(2), int(m.group(3))
        if len(mantissa) == exp + 1:
            return mantissa
        return None  # precision lost
    text = re.sub(r"\.0+$", "", text)
    return text if text.isdigit() else None


def phone_national(raw):
    digits = re.sub(r"\D", "", raw)
    if raw.strip().endswith(".0"):
        digits = digits[:-1]
    if digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("440"):
        digits = digits[2:]
    elif digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    elif not digits.startswith("0") and len(digits) == 10:
        digits = "0" + digits
    return digits


def has_identifier(kind, text, forenames_re, full_names_re):
    if kind == "phone":
        return any(v.is_drama_number(phone_national(m)) for m in PHONE_TEXT_RE.findall(text))
    if kind == "ni_number":
        return any(v.ni_prefix_ok(m[0]) for m in NI_RE.findall(text))
    if kind == "full_name":
        return bool(full_names_re.search(text))
    if kind == "forename":
        return bool(forenames_re.search(text))
    if kind == "address":
        return bool(POSTCODE_RE.search(text))
    if kind == "nhs_number":
        return any(v.mod11_valid("".join(m)) for m in TEN_RE.findall(text))
    if kind == "chi_number":
        return any(chi_valid("".join(m)) for m in CHI_RE.findall(text))
    if kind == "email":
        return bool(EMAIL_RE.search(text))
    if kind == "driving_licence":
        return bool(DL_RE.search(text))
    if kind == "passport_number":
        return bool(PASSPORT_RE.search(text))
    if kind == "vehicle_registration":
        return bool(VREG_RE.search(text))
    if kind == "date_of_birth":
        return bool(DOB_RE.search(text))
    if kind == "uprn":
        return bool(UPRN_RE.search(text))
    if kind == "hospital_number":
        return bool(HOSP_RE.search(text))
    raise ValueError(kind)


def main():
    failures = []

    def check(cond, msg):
        if not cond:
            failures.append(msg)

    columns, labels = make_heldout19_columns(seed=73, rows=2000)
    again, labels2 = make_heldout19_columns(seed=73, rows=2000)
    check(columns == again and labels == labels2, "not deterministic")
    other, _ = make_heldout19_columns(seed=74, rows=2000)
    check(other != columns, "seed has no effect")

    traps = parse_traps()
    names = list(columns)
    check([t[0] for t in traps] == names, "TRAPS.md names/order differ from the corpus")
    for name, kind, direct, cat in traps:
        lab = labels.get(name)
        if lab is None:
            failures.append(f"{name}: in TRAPS.md, not in corpus")
            continue
        check(lab["kind"] == kind, f"{name}: kind {lab['kind']} != TRAPS {kind}")
        check(lab["direct"] == direct, f"{name}: direct differs from TRAPS")
        check(lab["category"] == cat, f"{name}: category differs from TRAPS")

    for name, lab in labels.items():
        kind = lab["kind"]
        check(kind is None or kind in KINDS, f"{name}: unknown kind {kind}")
        want_direct = kind is not None and kind not in QUASI
        check(lab["direct"] == want_direct, f"{name}: direct flag inconsistent with kind")
        check(
            lab["free_text"] == (lab["category"] == "a" or name in {"notes", "comments"}),
            f"{name}: free_text flag",
        )
        col = columns[name]
        check(len(col) == 2000, f"{name}: {len(col)} rows")
        check(
            all(x is None or (isinstance(x, str) and x != "") for x in col),
            f"{name}: cells must be non-empty str or None",
        )

    forenames_re = re.compile(
        r"\b(" + "|".join(re.escape(f) for f in pools.FORENAMES) + r")\b", re.IGNORECASE
    )
    full_names_re = re.compile(
        r"\b("
        + "|".join(re.escape(f) for f in pools.FORENAMES)
        + r") ("
        + "|".join(re.escape(s) for s in pools.SURNAMES)
        + r")\b"
    )

    # check digits where labelled, failures in look-alikes
    for name, lab in labels.items():
        col = [x for x in columns[name] if x is not None]
        if lab["free_text"]:
            continue
        if lab["kind"] == "nhs_number":
            seen = 0
            for x in col:
                d = numeric_digits(x) or re.sub(r"\D", "", x)
                if len(d) == 10:
                    seen += 1
                    check(v.mod11_valid(d), f"{name}: invalid NHS number {x!r}")
            check(seen >= len(col) * 0.7, f"{name}: too few recoverable NHS numbers")
        if lab["kind"] == "chi_number":
            for x in col:
                d = numeric_digits(x) or re.sub(r"\D", "", x)
                if len(d) == 9:
                    d = "0" + d
                check(chi_valid(d), f"{name}: invalid CHI {x!r}")
        if name in FAILING_MOD11:
            for x in col:
                d = numeric_digits(x) or re.sub(r"\D", "", x)
                if len(d) == 10:
                    check(not v.mod11_valid(d), f"{name}: look-alike passes mod 11 {x!r}")

    # phones synthetic
    for name, lab in labels.items():
        col = [x for x in columns[name] if x is not None]
        if lab["kind"] == "phone" and not lab["free_text"]:
            for x in col:
                if "E+" in x:
                    n = numeric_digits(x)
                    check(n is not None, f"{name}: phone lost precision {x!r}")
                    d = "0" + (n or "")
                else:
                    d = phone_national(x)
                check(v.is_drama_number(d), f"{name}: non-drama phone {x!r}")
        if name in PHONE_IN_TEXT:
            for x in col:
                for m in PHONE_TEXT_RE.findall(x):
                    check(v.is_drama_number(phone_national(m)), f"{name}: phone {m!r}")

    # e-mails synthetic, everywhere
    for name, col in columns.items():
        for x in col:
            if x and "@" in x:
                for dom in EMAIL_RE.findall(x):
                    dom = dom.lower()
                    check(
                        dom in {"example.com", "example.org", "example.net"}
                        or dom.endswith(".example"),
                        f"{name}: e-mail domain {dom}",
                    )

    # NI numbers valid and synthetic in shape
    for name, lab in labels.items():
        if lab["kind"] != "ni_number":
            continue
        for x in columns[name]:
            if x is None:
                continue
            found = NI_RE.findall(x)
            if not lab["free_text"]:
                check(bool(found), f"{name}: no NI number in {x!r}")
            for m in found:
                check(v.ni_prefix_ok(m[0]), f"{name}: bad NI prefix {m[0]}")

    # postcodes have a valid shape
    for name, lab in labels.items():
        if lab["kind"] in ("postcode", "address") and not lab["free_text"]:
            for x in columns[name]:
                if x is not None:
                    check(bool(POSTCODE_RE.search(x)), f"{name}: no postcode in {x!r}")

    # free-text identifiers in 3-15% of rows
    for name, lab in labels.items():
        if lab["category"] != "a":
            continue
        col = columns[name]
        hits = sum(
            1 for x in col if x and has_identifier(lab["kind"], x, forenames_re, full_names_re)
        )
        filled = sum(1 for x in col if x)
        rate, rate_filled = hits / len(col), hits / max(filled, 1)
        check(
            0.03 <= rate <= 0.15 and 0.03 <= rate_filled <= 0.15,
            f"{name}: identifier rate {rate:.3f} / {rate_filled:.3f}",
        )
        print(f"  a  {name:34s} {rate:6.1%} of rows, {rate_filled:6.1%} of filled")

    # prose columns without identifiers really have none
    for name in ("notes", "comments"):
        for x in columns[name]:
            if not x:
                continue
            for kind in ("email", "phone", "nhs_number", "address", "full_name"):
                check(
                    not has_identifier(kind, x, forenames_re, full_names_re),
                    f"{name}: identifier-like text {x!r}",
                )

    # annotated name columns are 50-90% blank
    for name, lab in labels.items():
        if lab["category"] == "c":
            blank = sum(1 for x in columns[name] if x is None) / len(columns[name])
            check(0.5 <= blank <= 0.9, f"{name}: blank share {blank:.2f}")

    # summary
    cats = Counter(lab["category"] for lab in labels.values())
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in QUASI for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    print(f"columns {len(labels)}  direct {direct}  quasi {quasi}  None {none}")
    print("categories " + " ".join(f"{c}={cats[c]}" for c in "abcdefghs"))
    print(
        "kinds "
        + ", ".join(
            f"{k}={n}"
            for k, n in sorted(Counter(str(lab["kind"]) for lab in labels.values()).items())
        )
    )
    if failures:
        print(f"FAILED: {len(failures)} problem(s)")
        for f in failures[:60]:
            print("  -", f)
        return 1
    print("selfcheck OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
