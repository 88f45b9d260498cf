"""Self-check for held-out corpus 32.

Run from the repository root::

    python -m tests.detect.heldout32.selfcheck

Checks the generated corpus against TRAPS.md and against the synthetic-data rules.
It never runs a detector.
"""

import collections
import datetime as dt
import re
import sys
from pathlib import Path

from . import make_heldout32_columns, pools
from . import values as v

HERE = Path(__file__).resolve().parent
ROWS = 2000
SEED = 97
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
    None,
}
QUASI = {"date_of_birth", "postcode"}
MUST_FAIL_MOD11 = {"device_serial", "nhs_ref", "field_41", "col_3"}

SEP_RE = re.compile(r"[\s\u00a0\u2009\u200b.\-]")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")
NI_RE = re.compile(
    r"(?<![A-Z0-9])([A-Z]{2})[ .\-]?(\d{2})[ .\-]?(\d{2})[ .\-]?(\d{2})[ .\-]?([A-D])(?![A-Z0-9])"
)
TEN_RE = re.compile(r"(?<!\d)\d{10}(?!\d)")
PHONE_RE = re.compile(r"(?:\+44|0044|(?<!\d)44|(?<![\d.])0)[\d\s()\-]{9,16}\d")
POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b")
HOSP_RE = re.compile(r"\b(?:[A-Z]\d{7}|\d{7}|(?:RX1|RAL|T01|N50|S08)\d{6})\b")

failures: list[str] = []


def fail(msg: str) -> None:
    failures.append(msg)


def parse_traps():
    rows = []
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("- `"):
            continue
        parts = line[2:].split(" — ")
        if len(parts) < 5:
            continue
        name = parts[0].strip().strip("`")
        kind = None if parts[-3].strip() == "None" else parts[-3].strip()
        direct = parts[-2].strip() == "direct"
        rows.append((name, kind, direct, parts[-1].strip()))
    return rows


def unexcel(s: str) -> str:
    s = s.strip().strip("'")
    if s.startswith('="') and s.endswith('"'):
        s = s[2:-1]
    if re.fullmatch(r"\d+\.0", s):
        s = s[:-2]
    return s


def is_sci(s: str) -> bool:
    return bool(re.fullmatch(r"\s*\d(?:\.\d+)?E\+\d+\s*", s))


def national(digits: str) -> str:
    if digits.startswith("0044"):
        digits = digits[4:]
    elif digits.startswith("44") and len(digits) == 12:
        digits = digits[2:]
    if digits.startswith("440"):
        digits = digits[3:]
    return digits if digits.startswith("0") else "0" + digits


def phones_in(s: str) -> list[str]:
    out = []
    for m in PHONE_RE.finditer(s):
        d = re.sub(r"\D", "", m.group(0).replace("(0)", ""))
        if 10 <= len(d) <= 13:
            out.append(national(d))
    return out


def chi_ok(c: str) -> bool:
    if len(c) == 9:
        c = "0" + c
    if len(c) != 10 or not v.mod11_valid(c):
        return False
    try:
        dt.datetime.strptime(c[:6], "%d%m%y")
    except ValueError:
        return False
    return True


NAME_PAIR_RE = None
SURNAME_RE = None


def _name_regexes():
    global NAME_PAIR_RE, SURNAME_RE
    if NAME_PAIR_RE is None:
        fn = "|".join(sorted((re.escape(f) for f in pools.FORENAMES), key=len, reverse=True))
        sn = "|".join(sorted((re.escape(s) for s in pools.SURNAMES), key=len, reverse=True))
        NAME_PAIR_RE = re.compile(rf"\b(?:{fn}) (?:{sn})\b", re.IGNORECASE)
        SURNAME_RE = re.compile(rf"(?<!\w)(?:{sn})(?!\w)", re.IGNORECASE)
    return NAME_PAIR_RE, SURNAME_RE


def hits(kind: str, s: str) -> bool:
    """Does the free-text value s contain an identifier of this kind? (selfcheck only)"""
    for ward in pools.FAMOUS_WARDS:
        s = re.sub(re.escape(ward), "", s, flags=re.IGNORECASE)
    up = s.upper()
    if kind == "phone":
        return any(v.in_drama_range(p) for p in phones_in(s))
    if kind == "nhs_number":
        flat = re.sub(r"(?<=\d)[ ](?=\d)", "", s)
        return any(v.mod11_valid(t) for t in TEN_RE.findall(flat))
    if kind == "chi_number":
        flat = re.sub(r"(?<=\d)[ \-](?=\d)", "", s)
        return any(chi_ok(t) for t in TEN_RE.findall(flat))
    if kind == "email":
        return bool(EMAIL_RE.search(s))
    if kind == "ni_number":
        return any(v.ni_valid("".join(t)) for t in NI_RE.findall(up))
    if kind == "address":
        return bool(POSTCODE_RE.search(up)) and bool(re.search(r"\b\d+[AB]? \w", s))
    if kind == "hospital_number":
        return bool(HOSP_RE.search(up))
    if kind == "full_name":
        return bool(_name_regexes()[0].search(s))
    if kind == "surname":
        return bool(_name_regexes()[1].search(s))
    raise ValueError(kind)


FREE_KINDS = [
    "phone",
    "nhs_number",
    "chi_number",
    "email",
    "ni_number",
    "address",
    "hospital_number",
    "full_name",
]


def main() -> int:
    columns, labels = make_heldout32_columns(seed=SEED, rows=ROWS)
    columns2, labels2 = make_heldout32_columns(seed=SEED, rows=ROWS)
    if columns != columns2 or labels != labels2:
        fail("not deterministic for a seed")
    other, _ = make_heldout32_columns(seed=SEED + 1, rows=50)
    if all(other[k] == columns[k][:50] for k in other):
        fail("seed has no effect")

    # --- TRAPS.md agreement
    traps = parse_traps()
    names = list(columns)
    if [t[0] for t in traps] != names:
        fail(f"TRAPS.md names/order differ: {len(traps)} lines vs {len(names)} columns")
        for t, n in zip(traps, names, strict=False):
            if t[0] != n:
                fail(f"  first difference: TRAPS {t[0]!r} vs column {n!r}")
                break
    for name, kind, direct, cat in traps:
        lab = labels.get(name)
        if lab is None:
            continue
        if (lab["kind"], lab["direct"], lab["category"]) != (kind, direct, cat):
            fail(f"{name}: label {lab} differs from TRAPS.md ({kind}, {direct}, {cat})")

    # --- label sanity
    for name, lab in labels.items():
        if lab["kind"] not in KINDS:
            fail(f"{name}: unknown kind {lab['kind']}")
        want_direct = lab["kind"] is not None and lab["kind"] not in QUASI
        if lab["direct"] != want_direct:
            fail(f"{name}: direct flag {lab['direct']} wrong for kind {lab['kind']}")
        if lab["category"] not in "abcdefghs" or len(lab["category"]) != 1:
            fail(f"{name}: bad category")
        if len(columns[name]) != ROWS:
            fail(f"{name}: {len(columns[name])} rows")
        if not all(x is None or isinstance(x, str) for x in columns[name]):
            fail(f"{name}: non-string value")
        if not any(x for x in columns[name]):
            fail(f"{name}: empty column")

    # --- global synthetic-data rules (every column)
    for name, vals in columns.items():
        kind = labels[name]["kind"]
        for s in vals:
            if not s:
                continue
            for dom in EMAIL_RE.findall(s):
                d = dom.lower()
                if d not in ("example.com", "example.org", "example.net") and not d.endswith(
                    ".example"
                ):
                    fail(f"{name}: non-synthetic e-mail domain {dom}")
            for g in NI_RE.findall(s.upper()):
                t = "".join(g)
                if not v.ni_valid(t):
                    fail(f"{name}: NI-shaped value {t} breaks the NI rules")
            if not is_sci(s) and kind not in ("uprn", "passport_number", "hospital_number"):
                for p in phones_in(unexcel(s)):
                    if len(p) == 11 and p[:2] in ("01", "02", "07") and not v.in_drama_range(p):
                        fail(f"{name}: phone-like {p} outside drama ranges in {s!r}")
            if kind is None:
                for t in TEN_RE.findall(SEP_RE.sub("", unexcel(s))):
                    if v.mod11_valid(t) and name in MUST_FAIL_MOD11:
                        fail(f"{name}: look-alike {t} passes modulus-11")

    # --- look-alikes that must fail: make sure they exist
    for name in MUST_FAIL_MOD11:
        n10 = sum(len(TEN_RE.findall(SEP_RE.sub("", unexcel(s)))) for s in columns[name] if s)
        if n10 < 50:
            fail(f"{name}: too few 10-digit look-alikes ({n10})")

    # --- labelled structured identifiers
    for name, vals in columns.items():
        lab = labels[name]
        kind = lab["kind"]
        if lab["free_text"] or kind is None:
            continue
        for s in vals:
            if s is None or is_sci(s):
                continue
            u = unexcel(s)
            if kind == "nhs_number":
                d = re.sub(r"\D", "", u)
                if not v.mod11_valid(d):
                    fail(f"{name}: invalid NHS number {s!r}")
            elif kind == "chi_number":
                d = re.sub(r"\D", "", u)
                if not chi_ok(d):
                    fail(f"{name}: invalid CHI {s!r}")
            elif kind == "phone":
                d = re.sub(r"\D", "", u.replace("(0)", ""))
                if not v.in_drama_range(national(d)):
                    fail(f"{name}: phone {s!r} outside drama ranges")
            elif kind == "ni_number":
                flat = re.sub(r"[\s.\-]", "", u.upper())
                m = re.search(r"[A-Z]{2}\d{6}[A-D]", flat)
                if not m or not v.ni_valid(m.group(0)):
                    fail(f"{name}: bad NI number {s!r}")
            elif kind == "email" and not EMAIL_RE.search(s):
                fail(f"{name}: no e-mail in {s!r}")

    # --- free text: identifier share 3-15 %, none in kind-None prose
    shares = {}
    for name, vals in columns.items():
        lab = labels[name]
        if not lab["free_text"]:
            continue
        if lab["kind"] is None:
            for s in vals:
                if s and any(hits(k, s) for k in FREE_KINDS):
                    fail(f"{name}: identifier found in None prose: {s!r}")
                    break
            continue
        n = sum(1 for s in vals if s and hits(lab["kind"], s))
        share = n / ROWS
        shares[name] = share
        if not 0.03 <= share <= 0.15:
            fail(f"{name}: identifier share {share:.3f} outside 3-15%")

    # --- annotated name columns: 50-90 % blank
    for name, lab in labels.items():
        if lab["category"] != "c":
            continue
        blank = sum(1 for s in columns[name] if s is None) / ROWS
        if not 0.5 <= blank <= 0.9:
            fail(f"{name}: blank share {blank:.2f} outside 50-90%")

    # --- summary
    cats = collections.Counter(lab["category"] for lab in labels.values())
    kinds = collections.Counter(str(lab["kind"]) for lab in labels.values())
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in QUASI for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    print(f"columns={len(labels)} direct={direct} quasi={quasi} none={none}")
    print("by category:", dict(sorted(cats.items())))
    print("by kind:", dict(sorted(kinds.items())))
    print("free-text identifier share:", {k: round(x, 3) for k, x in shares.items()})
    if failures:
        for f in failures[:60]:
            print("FAIL:", f)
        print(f"{len(failures)} failure(s)")
        return 1
    print("selfcheck OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
