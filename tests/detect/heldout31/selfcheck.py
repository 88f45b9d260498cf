"""Self-check for held-out 31 (never runs a detector).

Run from the repository root: ``python -m tests.detect.heldout31.selfcheck``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from . import make_heldout31_columns, pools
from . import values as v

HERE = Path(__file__).resolve().parent
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
NAME_KINDS = {"full_name", "forename", "surname"}
FAIL_MOD11_COLUMNS = {"railcard_number", "taxicard_no", "ticket_machine_serial", "trip_ref"}
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
TEN_RE = re.compile(r"(?<![\w.])\d{3}[ -]{0,2}\d{3}[ -]{0,2}\d{4}(?![\w])")
PHONE_RE = re.compile(r"(?<![\w-])[+(]?\d[\d ()\-]{8,18}\d(?![\w-])")
NI_RE = re.compile(r"\b[A-Za-z]{2}[ -]?\d{2} ?\d{2} ?\d{2}[ -]?[A-Da-d]\b")
DL_RE = re.compile(r"\b[A-Z9]{5} ?\d{6} ?[A-Z9]{2}\d ?[A-Z]{2}\b", re.IGNORECASE)
DOB_RE = re.compile(
    r"(born|dob|d\.o\.b\.?|date of birth)\W{0,3}(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{2,4})",
    re.IGNORECASE,
)
PC_RE = re.compile(v.POSTCODE_RE, re.IGNORECASE)
HOSP_RE = re.compile(v.HOSP_RE, re.IGNORECASE)
PASS_RE = re.compile(r"(?<![\d.])\d{3} ?\d{3} ?\d{3}(?![\d.])")
CHI_RE = re.compile(r"(?<!\d)\d{6} ?\d{4}(?!\d)")

FAILURES: list[str] = []


def fail(msg: str) -> None:
    FAILURES.append(msg)


def parse_traps() -> list[tuple[str, str | None, bool, str]]:
    rows = []
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith('- "'):
            continue
        parts = line[2:].split(" — ")
        name = json.loads(parts[0])
        kind, direct, cat = parts[-3].strip(), parts[-2].strip(), parts[-1].strip()
        rows.append((name, None if kind == "None" else kind, direct == "direct", cat))
    return rows


def blank(x: str | None) -> bool:
    return x is None or not x.strip()


def norm_digits(x: str) -> str | None:
    """Digits of a numeric identifier cell; None when sci notation hides them."""
    t = x.strip().lstrip("'")
    if re.search(r"\d[eE][+]", t):
        return None
    if t.endswith(".0"):
        t = t[:-2]
    return "".join(ch for ch in t if ch.isdigit())


def chi_ok(d: str) -> bool:
    if len(d) == 9:
        d = "0" + d
    if not v.mod11_valid(d):
        return False
    import datetime as dt

    try:
        dt.datetime.strptime(d[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def row_has(kind: str, text: str) -> bool:
    low = text.lower()
    if kind == "phone":
        return any(v.phone_valid(m.group(0)) for m in PHONE_RE.finditer(text))
    if kind == "email":
        return bool(EMAIL_RE.search(text))
    if kind == "ni_number":
        return any(v.ni_valid(m.group(0)) for m in NI_RE.finditer(text))
    if kind == "nhs_number":
        return any(v.mod11_valid(re.sub(r"\D", "", m.group(0))) for m in TEN_RE.finditer(text))
    if kind == "address":
        return bool(PC_RE.search(text)) and bool(re.search(r"\b\d{1,3} \w", text))
    if kind == "postcode":
        return bool(PC_RE.search(text))
    if kind == "date_of_birth":
        return bool(DOB_RE.search(text))
    if kind == "driving_licence":
        return bool(DL_RE.search(text))
    if kind == "hospital_number":
        return bool(HOSP_RE.search(text))
    if kind == "passport_number":
        return bool(PASS_RE.search(text))
    if kind == "chi_number":
        return any(chi_ok(re.sub(r"\D", "", m.group(0))) for m in CHI_RE.finditer(text))
    toks = set(re.findall(r"[\w'\u2019-]+", low))
    fores = {f.lower() for f in pools.FORENAMES}
    if kind == "forename":
        return bool(toks & fores)
    if kind == "full_name":
        surs = {s.lower() for s in pools.SURNAMES}
        return bool(toks & fores) and bool(toks & surs)
    raise ValueError(kind)


def main() -> int:
    columns, labels = make_heldout31_columns(seed=89, rows=2000)
    columns2, labels2 = make_heldout31_columns(seed=89, rows=2000)
    if columns != columns2 or labels != labels2:
        fail("not deterministic for seed 89")
    other, _ = make_heldout31_columns(seed=90, rows=50)
    if all(other[k] == columns[k][:50] for k in other):
        fail("seed has no effect")

    # --- table against TRAPS.md
    traps = parse_traps()
    if [t[0] for t in traps] != list(columns):
        fail("column names/order differ from TRAPS.md")
    for name, kind, direct, cat in traps:
        lab = labels.get(name)
        if lab is None:
            fail(f"{name!r} missing")
            continue
        if lab["kind"] != kind:
            fail(f"{name!r}: kind {lab['kind']} != TRAPS {kind}")
        if lab["direct"] != direct:
            fail(f"{name!r}: direct {lab['direct']} != TRAPS {direct}")
        if lab["category"] != cat:
            fail(f"{name!r}: category {lab['category']} != TRAPS {cat}")
        exp_direct = kind is not None and kind not in {"date_of_birth", "postcode"}
        if lab["direct"] != exp_direct:
            fail(f"{name!r}: direct flag inconsistent with kind")
        if kind is not None and kind not in KINDS:
            fail(f"{name!r}: unknown kind {kind}")
        if cat not in "abcdefghs" or len(cat) != 1:
            fail(f"{name!r}: bad category {cat}")
        if cat == "g" and kind is not None:
            fail(f"{name!r}: category g must be kind None")

    # --- shape
    for name, vals in columns.items():
        if len(vals) != 2000:
            fail(f"{name!r}: {len(vals)} rows")
        if any(x is not None and not isinstance(x, str) for x in vals):
            fail(f"{name!r}: non-string value")
        if all(blank(x) for x in vals):
            fail(f"{name!r}: empty column")

    # --- per-kind checks on structured columns
    for name, vals in columns.items():
        lab = labels[name]
        kind = lab["kind"]
        cells = [x for x in vals if not blank(x)]
        if lab["free_text"]:
            continue
        if kind == "nhs_number":
            for x in cells:
                d = norm_digits(x)
                if d is not None and not v.mod11_valid(d):
                    fail(f"{name!r}: invalid NHS number {x!r}")
                    break
        if kind == "chi_number":
            for x in cells:
                d = norm_digits(x)
                if d is not None and not chi_ok(d):
                    fail(f"{name!r}: invalid CHI number {x!r}")
                    break
        if kind == "phone":
            for x in cells:
                if re.search(r"\d[eE]\+", x):
                    continue
                if not v.phone_valid(x):
                    fail(f"{name!r}: phone outside drama ranges {x!r}")
                    break
        if kind == "ni_number":
            for x in cells:
                if not v.ni_valid(x):
                    fail(f"{name!r}: invalid NI number {x!r}")
                    break
        if kind == "email":
            for x in cells:
                if not EMAIL_RE.search(x):
                    fail(f"{name!r}: no e-mail in {x!r}")
                    break
        if kind is None:
            for x in cells:
                for m in TEN_RE.finditer(x):
                    d = re.sub(r"\D", "", m.group(0))
                    if v.mod11_valid(d):
                        fail(f"{name!r}: look-alike passes modulus 11: {x!r}")
                        break
        if name in FAIL_MOD11_COLUMNS:
            n10 = 0
            for x in cells:
                d = norm_digits(x)
                if d is None:
                    continue
                n10 += 1
                if len(d) != 10 or v.mod11_valid(d):
                    fail(f"{name!r}: look-alike should fail modulus 11: {x!r}")
                    break
            if n10 < 500:
                fail(f"{name!r}: too few checkable look-alikes")
    for x in columns["booking_ref"]:
        if not blank(x):
            core = x.replace("TXC-", "")
            if v.ni_valid(core):
                fail(f"booking_ref: valid NI number {x!r}")
                break
            if not re.fullmatch(r"[A-Z]{2}\d{6}[A-Z]", core.replace(" ", "")):
                fail(f"booking_ref: not NI-shaped {x!r}")
                break

    # --- e-mails and phones anywhere
    for name, vals in columns.items():
        for x in vals:
            if blank(x):
                continue
            for m in EMAIL_RE.finditer(x):
                if not v.email_domain_ok(m.group(0)):
                    fail(f"{name!r}: e-mail outside example domains {m.group(0)!r}")
            for m in PHONE_RE.finditer(x):
                d = re.sub(r"\D", "", m.group(0))
                if d.startswith("07") and len(d) == 11 and not v.phone_valid(m.group(0)):
                    fail(f"{name!r}: mobile outside drama range {m.group(0)!r}")

    # --- free-text prevalence
    for name, vals in columns.items():
        lab = labels[name]
        if lab["category"] != "a":
            continue
        if not lab["free_text"]:
            fail(f"{name!r}: category a must be free text")
        hits = sum(1 for x in vals if not blank(x) and row_has(lab["kind"], x))
        share = hits / len(vals)
        print(f"  a {name}: identifier in {share:.1%} of rows")
        if not 0.03 <= share <= 0.15:
            fail(f"{name!r}: identifier share {share:.3f} outside 3-15%")
        # also: the identifier must be absent from the filler rows' kind matcher
        # (a share far above the injection rate would show up above).

    # --- annotated name columns: 50-90% blank
    for name, vals in columns.items():
        lab = labels[name]
        if lab["category"] == "c" and lab["kind"] in NAME_KINDS:
            share = sum(blank(x) for x in vals) / len(vals)
            if not 0.5 <= share <= 0.9:
                fail(f"{name!r}: blank share {share:.2f} outside 50-90%")

    # --- summary
    n = len(labels)
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in {"date_of_birth", "postcode"} for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    cats = Counter(lab["category"] for lab in labels.values())
    print(f"columns {n}, direct {direct}, quasi {quasi}, None {none}")
    print("by category:", dict(sorted(cats.items())))
    if not 110 <= n <= 125:
        fail(f"column count {n}")
    if not 0.58 <= direct / n <= 0.67:
        fail(f"direct share {direct / n:.2f}")
    if FAILURES:
        for f in FAILURES:
            print("FAIL:", f)
        return 1
    print("selfcheck OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
