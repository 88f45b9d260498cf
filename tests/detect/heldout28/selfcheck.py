"""Self-check for held-out corpus 28.  Run: python -m tests.detect.heldout28.selfcheck

Checks the corpus against TRAPS.md and the synthetic-data rules.  Never runs a detector.
"""

import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

from . import build
from . import values as v

ROWS = 2000
SEED = 73
TRAPS = Path(__file__).with_name("TRAPS.md")
LINE = re.compile(
    r"^- `(?P<name>[^`]+)` — (?P<what>.+) — (?P<kind>\w+) — (?P<direct>yes|no) — (?P<cat>[a-hs])$"
)
QUASI = {"date_of_birth", "postcode"}

NHS_RE = re.compile(r"(?<![\d,.])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d,])")
CHI_RE = re.compile(r"(?<!\d)(\d{6}) ?(\d{4})(?!\d)")
MOBILE_RE = re.compile(r"07700 ?\d{6}")
EMAIL_RE = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
NI_RE = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Z]\b", re.I)
POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b", re.I)
VRM_RE = re.compile(r"\b(?:[A-Z]{2}\d{2} ?[A-Z]{3}|[A-Z]\d{1,3} ?[A-Z]{3})\b", re.I)
DL_RE = re.compile(r"\b[A-Z9]{5}\d{6}[A-Z9]{2}9[A-Z0-9]{2}\b", re.I)
HOSP_RE = re.compile(r"\b(?:(?:RXH|RWD|RJ7|7A1|RQ3)\d{7}|[KMHJ]\d{6}|\d{8})\b", re.I)
DOB_RE = re.compile(r"\b\d{2}[/.]\d{2}[/.]\d{2,4}\b|\b\d{2} [A-Z]{3} \d{4}\b", re.I)
FREE_TEXT_RE = {
    "nhs_number": NHS_RE,
    "chi_number": CHI_RE,
    "phone": MOBILE_RE,
    "email": EMAIL_RE,
    "ni_number": NI_RE,
    "postcode": POSTCODE_RE,
    "address": POSTCODE_RE,
    "vehicle_registration": VRM_RE,
    "driving_licence": DL_RE,
    "hospital_number": HOSP_RE,
    "date_of_birth": DOB_RE,
}

problems: list[str] = []


def fail(msg: str) -> None:
    problems.append(msg)


def read_traps():
    rows = []
    for line in TRAPS.read_text(encoding="utf-8").splitlines():
        m = LINE.match(line)
        if m:
            kind = None if m["kind"] == "None" else m["kind"]
            rows.append((m["name"], kind, m["direct"] == "yes", m["cat"], m["what"]))
    return rows


def strip_float(value: str) -> str:
    value = value.strip()
    for tail in (".00", ".0"):
        if value.endswith(tail):
            return value[: -len(tail)]
    return value


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def chi_date_ok(ten: str) -> bool:
    try:
        dt.datetime.strptime(ten[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def national_phone(value: str) -> str | None:
    value = strip_float(value)
    if "E+" in value.upper():
        return None
    d = digits(value.replace("(0)", ""))
    if d.startswith("0044"):
        d = "0" + d[4:]
    elif d.startswith("44"):
        d = "0" + d[2:]
    elif not d.startswith("0"):
        d = "0" + d
    return d


def check_labels(columns, labels, traps):
    names = list(columns)
    if [t[0] for t in traps] != names:
        fail("column names/order differ from TRAPS.md")
    for name, kind, direct, cat, _what in traps:
        lab = labels.get(name)
        if lab is None:
            continue
        if (lab["kind"], lab["direct"], lab["category"]) != (kind, direct, cat):
            fail(f"{name}: label {lab} differs from TRAPS.md")
        expect_direct = kind is not None and kind not in QUASI
        if lab["direct"] != expect_direct:
            fail(f"{name}: direct flag inconsistent with kind {kind}")
        if lab["free_text"] and cat == "a" and kind is None:
            fail(f"{name}: category a column without a kind")


def check_shape(columns):
    for name, vals in columns.items():
        if len(vals) != ROWS:
            fail(f"{name}: {len(vals)} rows")
        if any(x is not None and not isinstance(x, str) for x in vals):
            fail(f"{name}: non-text value")
        if all(x is None for x in vals):
            fail(f"{name}: all blank")


def check_numbers(columns, labels, traps):
    what = {t[0]: t[4] for t in traps}
    for name, vals in columns.items():
        lab = labels[name]
        kind = lab["kind"]
        present = [x for x in vals if x is not None]
        if lab["free_text"]:
            continue
        if kind == "nhs_number":
            for x in present:
                if "E+" in x.upper():
                    continue
                d = digits(strip_float(x))
                if not v.mod11_valid(d):
                    fail(f"{name}: invalid NHS number {x!r}")
                    break
        elif kind == "chi_number":
            for x in present:
                d = digits(strip_float(x)).rjust(10, "0")
                if not (v.mod11_valid(d) and chi_date_ok(d)):
                    fail(f"{name}: invalid CHI {x!r}")
                    break
        elif kind == "ni_number":
            for x in present:
                if not v.ni_valid(re.sub(r"[\s-]", "", x)):
                    fail(f"{name}: invalid NI number {x!r}")
                    break
        elif kind == "phone":
            for x in present:
                if "E+" in x.upper():
                    continue
                if not v.phone_is_drama(national_phone(x) or ""):
                    fail(f"{name}: phone outside drama ranges {x!r}")
                    break
        if kind is None and "failing the" in what[name]:
            for x in present:
                m = NHS_RE.search(strip_float(x))
                d = "".join(m.groups()) if m else digits(strip_float(x))
                if "CHI" in what[name]:
                    d = d.rjust(10, "0")
                    if not chi_date_ok(d):
                        fail(f"{name}: CHI look-alike without a real date {x!r}")
                        break
                if len(d) != 10 or v.mod11_valid(d):
                    fail(f"{name}: look-alike passes the check {x!r}")
                    break
        if kind is None:
            for x in present:
                for m in NHS_RE.finditer(x):
                    if v.mod11_valid("".join(m.groups())):
                        fail(f"{name}: None column holds a valid mod-11 number {x!r}")
                        break


def check_text(columns, labels, meta):
    for name, vals in columns.items():
        lab = labels[name]
        for x in vals:
            if x is None:
                continue
            for m in EMAIL_RE.finditer(x):
                dom = m.group(1).lower()
                if dom not in v.EMAIL_DOMAINS and not dom.endswith(".example"):
                    fail(f"{name}: non-synthetic e-mail domain {x!r}")
            if lab["free_text"]:
                for m in MOBILE_RE.finditer(x):
                    if not v.phone_is_drama(digits(m.group())):
                        fail(f"{name}: non-drama mobile {x!r}")
        if lab["category"] != "a":
            continue
        hits = meta[name]["hits"]
        nonblank = sum(x is not None for x in vals)
        share = hits / ROWS
        if not (0.03 <= share <= 0.15 and 0.03 <= hits / nonblank <= 0.15):
            fail(f"{name}: identifier share {share:.3f} outside 3-15%")
        rx = FREE_TEXT_RE.get(lab["kind"])
        if rx is not None:
            seen = sum(1 for x in vals if x is not None and rx.search(x))
            if seen != hits:
                fail(f"{name}: regex finds {seen} rows, generator made {hits}")
            for x in vals:
                if x is None:
                    continue
                if lab["kind"] == "nhs_number":
                    for m in NHS_RE.finditer(x):
                        if not v.mod11_valid("".join(m.groups())):
                            fail(f"{name}: invalid NHS number in text {x!r}")
                if lab["kind"] == "chi_number":
                    for m in CHI_RE.finditer(x):
                        d = "".join(m.groups())
                        if not (v.mod11_valid(d) and chi_date_ok(d)):
                            fail(f"{name}: invalid CHI in text {x!r}")
                if lab["kind"] == "ni_number":
                    for m in NI_RE.finditer(x):
                        if not v.ni_valid(m.group()):
                            fail(f"{name}: invalid NI number in text {x!r}")


def check_blanks(columns, labels):
    for name, vals in columns.items():
        if labels[name]["category"] == "c":
            share = sum(x is None for x in vals) / ROWS
            if not 0.5 <= share <= 0.9:
                fail(f"{name}: blank share {share:.2f} outside 50-90%")


def summary(labels):
    cats = Counter(lab["category"] for lab in labels.values())
    kinds = Counter(str(lab["kind"]) for lab in labels.values())
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in QUASI for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    print(f"columns={len(labels)} direct={direct} quasi={quasi} none={none}")
    print("by category:", dict(sorted(cats.items())))
    print("by kind:", dict(sorted(kinds.items())))


def main() -> int:
    columns, labels, meta = build(SEED, ROWS)
    traps = read_traps()
    check_labels(columns, labels, traps)
    check_shape(columns)
    check_numbers(columns, labels, traps)
    check_text(columns, labels, meta)
    check_blanks(columns, labels)
    again, labels2, _ = build(SEED, ROWS)
    if again != columns or labels2 != labels:
        fail("not deterministic for a seed")
    other, _, _ = build(SEED + 1, ROWS)
    if other == columns:
        fail("seed has no effect")
    summary(labels)
    for p in problems:
        print("FAIL:", p)
    print("selfcheck:", "FAILED" if problems else "OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
