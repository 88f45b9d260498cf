"""Self-check for heldout16: python -m tests.detect.heldout16.selfcheck (from the repo root).

Checks the corpus against TRAPS.md and its own promises. It never runs a detector.
"""

import datetime as dt
import pathlib
import re
import sys
from collections import Counter

from . import make_heldout16_columns, pools
from . import values as v

HERE = pathlib.Path(__file__).resolve().parent
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
SEED = 61

problems: list[str] = []


def fail(msg: str) -> None:
    problems.append(msg)


def parse_traps():
    rows = []
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("`"):
            continue
        parts = [p.strip() for p in line.split(" — ")]
        if len(parts) != 5:
            fail(f"TRAPS.md line has {len(parts)} fields: {line!r}")
            continue
        name, desc, kind, direct, cat = parts
        rows.append(
            {
                "name": name.strip("`"),
                "kind": None if kind == "None" else kind,
                "direct": direct == "yes",
                "free_text": desc.startswith("free text"),
                "category": cat,
            }
        )
    return rows


def strip_float(s: str) -> str:
    s = s.strip()
    return s[:-2] if s.endswith(".0") else s


def digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def valid_chi(d: str) -> bool:
    if not v.mod11_valid(d):
        return False
    try:
        dt.datetime.strptime(d[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def norm_phone(s: str) -> str:
    d = digits(strip_float(s))
    if d.startswith("0044"):
        d = d[4:]
    elif d.startswith("44") and len(d) >= 12:
        d = d[2:]
    return "0" + d.lstrip("0")


EMAIL_RE = re.compile(r"[\w.+'-]+@([\w.-]+)")
AT_RE = re.compile(r"\[at\]\s*([\w.-]+)", re.I)
TEN_RE = re.compile(r"(?<![\d.])\b\d{10}\b(?!\.\d)")


def domain_ok(dom: str) -> bool:
    dom = dom.lower().rstrip(".;,")
    return dom in ("example.com", "example.org", "example.net") or dom.endswith(".example")


FORE = set(pools.FORENAMES)
SUR = set(pools.SURNAMES)
STREET_RE = "|".join(re.escape(s) for s in pools.STREETS)


def _full_name_hit(text: str) -> bool:
    for m in re.finditer(r"\b(?:Mr|Mrs|Ms|Miss) (\S+) (\S+)", text):
        if m.group(1) in FORE and m.group(2).rstrip(".,") in SUR:
            return True
    return False


def _nhs_hit(text):
    return any(v.mod11_valid(digits(m)) for m in re.findall(r"\b\d{3} \d{3} \d{4}\b", text))


def _chi_hit(text):
    return any(valid_chi(m) for m in re.findall(r"\b\d{10}\b", text))


def _ni_hit(text):
    return any(v.ni_valid(m) for m in re.findall(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", text))


def _phone_hit(text):
    return any(
        v.phone_is_drama(norm_phone(m)) for m in re.findall(r"(?:\+44 ?|0)7700 ?9\d{5}", text)
    )


FREE_TEXT_MATCHERS = {
    "phone": _phone_hit,
    "nhs_number": _nhs_hit,
    "email": lambda t: bool(EMAIL_RE.search(t)),
    "full_name": _full_name_hit,
    "driving_licence": lambda t: bool(re.search(r"\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}\b", t)),
    "address": lambda t: bool(re.search(rf"\b\d+ (?:{STREET_RE})", t)),
    "hospital_number": lambda t: bool(re.search(r"\[(?:RX[ABCH]\d{7}|[MKDJ]\d{7}|H\d{8})\]", t)),
    "forename": lambda t: any(f in FORE for f in re.findall(r"Mum \((\w+)\)", t)),
    "date_of_birth": lambda t: bool(re.search(r"\b\d{2}/\d{2}/\d{4}\b", t)),
    "ni_number": _ni_hit,
    "chi_number": _chi_hit,
    "passport_number": lambda t: bool(re.search(r"\b\d{9}\b", t)),
    "vehicle_registration": lambda t: bool(re.search(r"\b[A-Z]{2}\d{2} [A-Z]{3}\b", t)),
    "uprn": lambda t: bool(re.search(r"\bUPRN \d{11,12}\b", t)),
}

LOOKALIKE_MOD11 = [
    "cpap_device_serial",
    "inhaler_batch_no",
    "factor_viii_lot_number",
    "cdc_accession_no",
    "oximetry_epoch",
    "nhs_ref",
    "snomed_code",
    "insulin_pump_serial",
]


def check_table(columns, labels, traps):
    names = [t["name"] for t in traps]
    if names != list(columns):
        fail("column names/order differ from TRAPS.md")
    if len(set(names)) != len(names):
        fail("duplicate column names in TRAPS.md")
    for t in traps:
        lab = labels.get(t["name"])
        if lab is None:
            fail(f"{t['name']}: missing from labels")
            continue
        for key in ("kind", "direct", "free_text", "category"):
            if lab[key] != t[key]:
                fail(f"{t['name']}: {key} {lab[key]!r} != TRAPS.md {t[key]!r}")
        if lab["kind"] is not None and lab["kind"] not in KINDS:
            fail(f"{t['name']}: unknown kind {lab['kind']}")
        want_direct = lab["kind"] is not None and lab["kind"] not in QUASI
        if lab["direct"] != want_direct:
            fail(f"{t['name']}: direct flag inconsistent with kind")
        if lab["category"] not in "abcdefghs" or len(lab["category"]) != 1:
            fail(f"{t['name']}: bad category")


def check_shape(columns):
    for name, vals in columns.items():
        if len(vals) != ROWS:
            fail(f"{name}: {len(vals)} rows")
        if any(x is not None and not isinstance(x, str) for x in vals):
            fail(f"{name}: non-string value")
        if all(x is None for x in vals):
            fail(f"{name}: all blank")


def check_check_digits(columns, labels):
    for name, vals in columns.items():
        lab = labels[name]
        present = [x for x in vals if x is not None]
        if lab["free_text"]:
            continue
        if lab["kind"] == "nhs_number":
            for x in present:
                if "E+" in x:
                    continue
                d = digits(strip_float(x))
                if not v.mod11_valid(d):
                    fail(f"{name}: invalid NHS number {x!r}")
                    break
        elif lab["kind"] == "chi_number":
            for x in present:
                d = digits(strip_float(x)).zfill(10)
                if not valid_chi(d):
                    fail(f"{name}: invalid CHI {x!r}")
                    break
    for name in LOOKALIKE_MOD11:
        for x in columns[name]:
            if x is None or "E+" in x:
                continue
            d = digits(strip_float(x))
            if len(d) == 10 and v.mod11_valid(d):
                fail(f"{name}: look-alike passes mod-11: {x!r}")
                break
    for x in columns["insulin_pump_serial"]:
        if x is None:
            continue
        try:
            dt.datetime.strptime(x[:6], "%d%m%y")
        except ValueError:
            fail(f"insulin_pump_serial: first six not a date: {x!r}")
            break
    # no kind-None column may hide a valid 10-digit NHS/CHI-style number
    for name, vals in columns.items():
        if labels[name]["kind"] is not None:
            continue
        for x in vals:
            if x is None:
                continue
            for m in TEN_RE.findall(x.replace(".0", "") if x.endswith(".0") else x):
                if v.mod11_valid(m):
                    fail(f"{name}: kind None column holds a mod-11-valid number {x!r}")
                    break


def check_synthetic(columns, labels):
    for name, vals in columns.items():
        lab = labels[name]
        for x in vals:
            if x is None:
                continue
            for dom in EMAIL_RE.findall(x) + AT_RE.findall(x):
                if not domain_ok(dom):
                    fail(f"{name}: non-synthetic e-mail domain in {x!r}")
            if lab["kind"] == "phone" and not lab["free_text"]:
                if "E+" in x:
                    continue
                if not v.phone_is_drama(norm_phone(x)):
                    fail(f"{name}: phone outside drama ranges {x!r}")
            if lab["kind"] == "ni_number" and not lab["free_text"] and not v.ni_valid(x.strip()):
                fail(f"{name}: bad NI number {x!r}")
        if lab["free_text"]:
            for x in vals:
                if x is None:
                    continue
                for m in re.findall(r"(?:\+44 ?|\b0)7\d{3} ?\d{6}", x):
                    if not v.phone_is_drama(norm_phone(m)):
                        fail(f"{name}: phone outside drama ranges {m!r}")
                for m in re.findall(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", x):
                    if not v.ni_valid(m):
                        fail(f"{name}: bad NI number {m!r}")


def check_rates(columns, labels):
    for name, vals in columns.items():
        lab = labels[name]
        if lab["category"] == "a":
            match = FREE_TEXT_MATCHERS[lab["kind"]]
            hits = sum(1 for x in vals if x is not None and match(x))
            rate = hits / len(vals)
            if not 0.03 <= rate <= 0.15:
                fail(f"{name}: identifier rate {rate:.3f} outside 3-15%")
            others = [
                k for k in FREE_TEXT_MATCHERS if k not in (lab["kind"], "full_name", "forename")
            ]
            for k in others:
                if any(x is not None and FREE_TEXT_MATCHERS[k](x) for x in vals):
                    fail(f"{name}: also matches {k}")
        if lab["category"] == "c" and lab["kind"] is not None:
            blank = sum(1 for x in vals if x is None) / len(vals)
            if not 0.5 <= blank <= 0.9:
                fail(f"{name}: blank share {blank:.2f} outside 50-90%")
        if lab["free_text"] and lab["kind"] is None:
            for k, match in FREE_TEXT_MATCHERS.items():
                if any(x is not None and match(x) for x in vals):
                    fail(f"{name}: kind None free text matches {k}")


def check_counts(labels):
    cats = Counter(lab["category"] for lab in labels.values())
    for c in "abcdefgh":
        if not 12 <= cats[c] <= 16:
            fail(f"category {c}: {cats[c]} columns")
    if not 5 <= cats["s"] <= 8:
        fail(f"category s: {cats['s']} columns")
    n = len(labels)
    direct = sum(lab["direct"] for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    if not 0.58 <= direct / n <= 0.67:
        fail(f"direct share {direct / n:.2f}")
    if not 33 <= none <= 42:
        fail(f"kind None columns: {none}")
    return cats, direct, none


def main() -> int:
    traps = parse_traps()
    columns, labels = make_heldout16_columns(seed=SEED, rows=ROWS)
    again, labels2 = make_heldout16_columns(seed=SEED, rows=ROWS)
    if columns != again or labels != labels2:
        fail("not deterministic")
    other, _ = make_heldout16_columns(seed=SEED + 1, rows=ROWS)
    if other == columns:
        fail("seed has no effect")
    check_table(columns, labels, traps)
    check_shape(columns)
    check_check_digits(columns, labels)
    check_synthetic(columns, labels)
    check_rates(columns, labels)
    cats, direct, none = check_counts(labels)
    quasi = len(labels) - direct - none
    print(f"columns={len(labels)} direct={direct} quasi={quasi} none={none}")
    print("categories: " + ", ".join(f"{c}={cats[c]}" for c in sorted(cats)))
    kinds = Counter(str(lab["kind"]) for lab in labels.values())
    print("kinds: " + ", ".join(f"{k}={n}" for k, n in sorted(kinds.items())))
    if problems:
        for p in problems[:60]:
            print("FAIL:", p)
        print(f"{len(problems)} problem(s)")
        return 1
    print("selfcheck OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
