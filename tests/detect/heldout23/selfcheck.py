"""Self-check for heldout23 (run from the repo root: python -m tests.detect.heldout23.selfcheck).

Checks the generated corpus against TRAPS.md and against the synthetic-data rules. It never runs
a detector.
"""

import datetime as _dt
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

from . import make_heldout23_columns, pools
from . import values as v
from .columns import COLUMNS

HERE = Path(__file__).resolve().parent
SEED, ROWS = 73, 2000
FAILS: list[str] = []


def fail(msg: str) -> None:
    if msg not in FAILS:
        FAILS.append(msg)


# ---------------------------------------------------------------- TRAPS.md


def parse_traps() -> list[tuple[str, str | None, str, str, bool]]:
    rows = []
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## Extra traps"):
            break
        if not line.startswith("- `"):
            continue
        parts = line[2:].split(" — ")
        if len(parts) != 5:
            fail(f"TRAPS.md line malformed: {line}")
            continue
        name = parts[0].strip().strip("`")
        kind = None if parts[2].strip() == "None" else parts[2].strip()
        rows.append((name, kind, parts[3].strip(), parts[4].strip(), "(free text)" in parts[1]))
    return rows


def check_traps(labels) -> None:
    traps = parse_traps()
    names = [t[0] for t in traps]
    if names != list(labels):
        fail("column names/order differ between TRAPS.md and the corpus")
    for name, kind, direct, cat, free in traps:
        lab = labels.get(name)
        if lab is None:
            continue
        want_direct = {"yes": True, "quasi": False, "no": False}.get(direct)
        if want_direct is None:
            fail(f"{name}: bad direct field {direct!r}")
        if lab["kind"] != kind:
            fail(f"{name}: kind {lab['kind']} != TRAPS {kind}")
        if lab["direct"] != want_direct:
            fail(f"{name}: direct {lab['direct']} != TRAPS {direct}")
        if direct == "quasi" and kind not in ("date_of_birth", "postcode"):
            fail(f"{name}: quasi but kind {kind}")
        if direct == "no" and kind is not None:
            fail(f"{name}: 'no' but kind {kind}")
        if lab["category"] != cat:
            fail(f"{name}: category {lab['category']} != TRAPS {cat}")
        if lab["free_text"] != free:
            fail(f"{name}: free_text {lab['free_text']} != TRAPS")


# ---------------------------------------------------------------- digit helpers


def numeric_text(s: str) -> str | None:
    """Undo spreadsheet damage: .0, scientific notation, apostrophe, separators."""
    t = s.strip().lstrip("'").replace("\u00a0", "")
    if re.fullmatch(r"\d(?:\.\d+)?E\+\d+", t, re.I):
        return str(int(Decimal(t)))
    if t.endswith(".0"):
        t = t[:-2]
    t = re.sub(r"[\s\-./]", "", t)
    return t if t.isdigit() else None


def chi_date_ok(d: str) -> bool:
    try:
        _dt.datetime.strptime(d[:6], "%d%m%y")
        return True
    except ValueError:
        return False


# ---------------------------------------------------------------- free-text finders

SUR_LC = {s.lower() for s in pools.SURNAMES}
FORE_LC = {f.lower() for f in pools.FORENAMES}
WORD_RE = re.compile(r"[A-Za-zÀ-ÿ'\-]+")
STREET_RE = re.compile(r"\d+ (?:" + "|".join(map(re.escape, pools.STREETS)) + ")", re.I)
PC_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I)
EMAIL_RE = re.compile(r"[\w.+\-]+ ?@ ?([\w\-]+(?:\.[\w\-]+)+)")
DATE_RE = re.compile(
    r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b|\b\d{1,2} [A-Z][a-z]{2} (\d{4})\b", re.I
)
EPONYM_RE = re.compile("|".join(map(re.escape, pools.EPONYMS)), re.I)
HOSP_RE = re.compile(r"\b(?:[KMRJ]\d{6}|R(?:R8|AE|WY|XF)\d{7}|[A-Z]{2}\d{5})\b", re.I)
NI_RE = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Z]\b", re.I)
CHI_RE = re.compile(r"(?<!\d)\d{6}[ \-]?\d{4}(?!\d)")
NHS_RE = re.compile(r"(?<!\d)\d{3} ?\d{3} ?\d{4}(?!\d)")
DL_RE = re.compile(r"\b[A-Z9]{5} ?\d{6} ?[A-Z9]{2}\d ?[A-Z]{2}\b", re.I)
PASS_RE = re.compile(r"(?<!\d)\d{9}(?!\d)")
PHONE_RE = re.compile(r"(?<![\w.\-])(?:\+44 ?(?:\(0\))?|0044|0)\d[\d \-()]{8,13}\d(?![\w.]\d)")


def phone_national(raw: str) -> str:
    d = re.sub(r"\D", "", raw)
    if raw.startswith("+44") or raw.startswith("0044"):
        d = "0" + d[4:] if raw.startswith("0044") else "0" + d[2:]
        d = d.replace("00", "0", 1) if d.startswith("00") else d
    return d


def has_name(text: str) -> bool:
    words = [w.lower() for w in WORD_RE.findall(EPONYM_RE.sub(" ", text))]
    return any(w in SUR_LC for w in words)


def has_forename(text: str) -> bool:
    return any(w.lower() in FORE_LC for w in WORD_RE.findall(text))


def finder(kind: str):
    def nhs(t):
        return any(v.mod11_valid(m.replace(" ", "")) for m in NHS_RE.findall(t))

    def chi(t):
        return any(
            v.mod11_valid(x) and chi_date_ok(x)
            for x in (re.sub(r"\D", "", m) for m in CHI_RE.findall(t))
        )

    def dob(t):
        for m in DATE_RE.finditer(t):
            year = m.group(3) or m.group(4)
            if year and int(year) < 2010:
                return True
        return False

    def phone(t):
        return any(v.is_drama_phone(phone_national(m)) for m in PHONE_RE.findall(t))

    return {
        "nhs_number": nhs,
        "chi_number": chi,
        "full_name": has_name,
        "forename": has_forename,
        "email": lambda t: bool(EMAIL_RE.search(t)),
        "phone": phone,
        "date_of_birth": dob,
        "address": lambda t: bool(STREET_RE.search(t)),
        "postcode": lambda t: bool(PC_RE.search(t)),
        "hospital_number": lambda t: bool(HOSP_RE.search(t)),
        "ni_number": lambda t: any(v.ni_valid(m) for m in NI_RE.findall(t)),
        "driving_licence": lambda t: bool(DL_RE.search(t)),
        "passport_number": lambda t: bool(PASS_RE.search(t)),
    }[kind]


# ---------------------------------------------------------------- checks


def check_shape(columns, labels) -> None:
    if len(columns) != len(COLUMNS):
        fail("column count differs from table")
    for name, vals in columns.items():
        if len(vals) != ROWS:
            fail(f"{name}: {len(vals)} rows")
        if any(x is not None and not isinstance(x, str) for x in vals):
            fail(f"{name}: non-string value")
        if all(x is None for x in vals):
            fail(f"{name}: entirely blank")


def check_digits(columns, labels) -> None:
    for name, vals in columns.items():
        lab = labels[name]
        if lab["free_text"]:
            continue
        cells = [x for x in vals if x is not None]
        if lab["kind"] == "nhs_number":
            for x in cells:
                d = numeric_text(re.sub(r"^NHS(?: No\.)?:? ?", "", x.strip()))
                if d is None or not v.mod11_valid(d):
                    fail(f"{name}: invalid NHS number {x!r}")
                    break
        if lab["kind"] == "chi_number":
            for x in cells:
                d = numeric_text(x.replace("CHI ", ""))
                d = d.zfill(10) if d else d
                if d is None or not (v.mod11_valid(d) and chi_date_ok(d)):
                    fail(f"{name}: invalid CHI {x!r}")
                    break
        if lab["kind"] == "ni_number":
            for x in cells:
                if not v.ni_valid(x.replace("-", "")):
                    fail(f"{name}: invalid NI {x!r}")
                    break
    # look-alikes must fail
    for name in ("order_no", "sample_barcode", "gp2gp_conv_seq", "pcse_claim_no", "run_ref"):
        for x in columns[name]:
            d = numeric_text(x)
            if d is None or len(d) != 10 or v.mod11_valid(d):
                fail(f"{name}: look-alike passes modulus 11 or malformed: {x!r}")
                break
    for x in columns["run_ref"]:
        if not chi_date_ok(x):
            fail(f"run_ref: prefix is not a date {x!r}")
            break
    for x in columns["pcse_payment_ref"]:
        if v.mod11_valid(x.zfill(10)):
            fail(f"pcse_payment_ref passes modulus 11: {x!r}")
            break
    for x in columns["asset_tag"]:
        if v.ni_valid(x):
            fail(f"asset_tag is a valid NI shape: {x!r}")
            break


def check_synthetic(columns, labels) -> None:
    """Every e-mail, phone-like run and phone column value must be synthetic."""
    allowed = set(v.EMAIL_DOMAINS) | {"example.com", "example.org", "example.net"}
    for name, vals in columns.items():
        lab = labels[name]
        for x in vals:
            if x is None:
                continue
            for m in EMAIL_RE.finditer(x):
                dom = m.group(1).lower()
                if dom not in allowed and not dom.endswith(".example"):
                    fail(f"{name}: non-example e-mail domain {x!r}")
            for m in PHONE_RE.findall(x):
                nat = phone_national(m)
                if len(nat) == 11 and nat[:2] in ("01", "02", "07") and not v.is_drama_phone(nat):
                    fail(f"{name}: phone outside drama ranges {x!r}")
            if lab["kind"] == "phone" and not lab["free_text"]:
                t = x.strip()
                if re.fullmatch(r"\d(?:\.\d+)?E\+\d+", t, re.I):
                    if not re.sub(r"\D", "", t.split("E")[0]).startswith("77009"):
                        fail(f"{name}: sci-notation phone not from drama range {x!r}")
                    continue
                d = re.sub(r"\D", "", t[:-2] if t.endswith(".0") else t)
                if d.startswith("0044"):
                    d = "0" + d[4:]
                elif d.startswith("440"):
                    d = d[2:]
                elif d.startswith("44"):
                    d = "0" + d[2:]
                elif not d.startswith("0"):
                    d = "0" + d
                if not v.is_drama_phone(d):
                    fail(f"{name}: phone not in drama range {x!r}")
        if lab["kind"] == "email":
            cells = [x for x in vals if x is not None]
            if not lab["free_text"] and not all(EMAIL_RE.search(x) for x in cells):
                fail(f"{name}: value without e-mail")


def check_free_text(columns, labels) -> dict[str, float]:
    rates = {}
    for name, vals in columns.items():
        lab = labels[name]
        if lab["category"] != "a":
            continue
        if not lab["free_text"]:
            fail(f"{name}: category a but not free text")
        find = finder(lab["kind"])
        hits = sum(1 for x in vals if x is not None and find(x))
        nonblank = sum(1 for x in vals if x is not None)
        rate_all, rate_nb = hits / len(vals), hits / max(nonblank, 1)
        rates[name] = rate_nb
        if not (0.03 <= rate_all <= 0.15 and 0.03 <= rate_nb <= 0.15):
            fail(f"{name}: identifier rate {rate_all:.3f} (non-blank {rate_nb:.3f}) outside 3-15%")
    return rates


def check_blanks(columns, labels) -> None:
    for name, vals in columns.items():
        if labels[name]["category"] != "c":
            continue
        frac = sum(x is None for x in vals) / len(vals)
        if not 0.5 <= frac <= 0.9:
            fail(f"{name}: blank fraction {frac:.2f} outside 50-90%")


def check_balance(labels) -> None:
    cats = Counter(lab["category"] for lab in labels.values())
    for c in "abcdefgh":
        if not 12 <= cats[c] <= 16:
            fail(f"category {c}: {cats[c]} columns")
    if not 4 <= cats["s"] <= 8:
        fail(f"category s: {cats['s']} columns")
    n = len(labels)
    direct = sum(lab["direct"] for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    if not 0.58 <= direct / n <= 0.67:
        fail(f"direct share {direct / n:.2f}")
    if not 33 <= none <= 42:
        fail(f"kind None columns: {none}")
    for lab in labels.values():
        if lab["category"] == "g" and lab["kind"] is not None:
            fail("category g column with a kind")
        if lab["category"] == "s" and lab["kind"] not in ("full_name", "forename", "surname"):
            fail("staff column not a name kind")


def check_determinism(columns, labels) -> None:
    c2, l2 = make_heldout23_columns(seed=SEED, rows=ROWS)
    if c2 != columns or l2 != labels:
        fail("two calls with the same seed differ")
    c3, _ = make_heldout23_columns(seed=SEED + 1, rows=50)
    if all(c3[k] == columns[k][:50] for k in c3 if k != "Unnamed: 0"):
        fail("a different seed gives the same output")


def main() -> int:
    columns, labels = make_heldout23_columns(seed=SEED, rows=ROWS)
    check_traps(labels)
    check_shape(columns, labels)
    check_digits(columns, labels)
    check_synthetic(columns, labels)
    rates = check_free_text(columns, labels)
    check_blanks(columns, labels)
    check_balance(labels)
    check_determinism(columns, labels)
    cats = Counter(lab["category"] for lab in labels.values())
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in ("date_of_birth", "postcode") for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    print(f"columns={len(labels)} direct={direct} quasi={quasi} none={none}")
    print("per category:", dict(sorted(cats.items())))
    print("free-text identifier rates:", ", ".join(f"{r:.3f}" for r in rates.values()))
    if FAILS:
        for f in FAILS:
            print("FAIL:", f)
        return 1
    print("selfcheck OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
