"""Self-check for heldout25: python -m tests.detect.heldout25.selfcheck (from the repo root).

Checks the corpus against TRAPS.md and its own promises. It never runs a detector.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from collections import Counter
from pathlib import Path

from . import make_heldout25_columns, pools
from . import values as v
from .columns import COLUMNS

ROWS = 2000
SEED = 75
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
ALLOWED_EMAIL = ("example.com", "example.org", "example.net")
DRAMA = [
    ("07700900", 3),
    ("01632960", 3),
    ("02079460", 3),
    ("01134960", 3),
    ("01144960", 3),
    ("01174960", 3),
    ("01184960", 3),
    ("01214960", 3),
    ("01314960", 3),
    ("01414960", 3),
    ("01514960", 3),
    ("01614960", 3),
    ("02896496", 3),
    ("02920180", 3),
]

errors: list[str] = []


def fail(msg: str) -> None:
    errors.append(msg)


# ---- helpers ---------------------------------------------------------------


def parse_traps() -> list[tuple[str, str | None, bool, str]]:
    text = (Path(__file__).parent / "TRAPS.md").read_text(encoding="utf-8")
    text = text.split("## Extra traps")[0]
    out = []
    for line in text.splitlines():
        if not line.startswith("- "):
            continue
        parts = line[2:].split(" — ")
        if len(parts) != 5:
            fail(f"TRAPS.md line not in five parts: {line!r}")
            continue
        name, _what, kind, direct, cat = (p.strip() for p in parts)
        out.append((name, None if kind == "None" else kind, direct == "yes", cat))
    return out


def phone_ok(national: str) -> bool:
    for prefix, tail in DRAMA:
        if national.startswith(prefix) and len(national) == len(prefix) + tail:
            return True
    return False


def phone_national(text: str) -> str | None:
    """Digits of one phone value in national form (leading 0), or None if unreadable."""
    t = text.strip().strip("'")
    if "E+" in t.upper():
        return None
    t = re.sub(r"\.0+$", "", t)
    t = t.replace("(0)", "")
    digits = re.sub(r"\D", "", t)
    if digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("44") and len(digits) in (12,):
        digits = "0" + digits[2:]
    elif not digits.startswith("0"):
        digits = "0" + digits
    return digits


def ni_ok(text: str) -> bool:
    t = re.sub(r"[^A-Za-z0-9]", "", text).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", t):
        return False
    a, b = t[0], t[1]
    return a not in v.NI_BAD_FIRST and b not in v.NI_BAD_SECOND and t[:2] not in v.NI_BAD_PAIRS


def chi_date_ok(ten: str) -> bool:
    try:
        _dt.datetime.strptime(ten[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def tens(text: str) -> list[str]:
    """Ten-digit runs written plain, 3-3-4, 6-4 or 2-2-2-4 with spaces, dashes or slashes."""
    found = re.findall(
        r"(?<![\w.])(\d{3}[ /-]?\d{3}[ /-]?\d{4}|\d{6}[ -]\d{4}|\d{2}-\d{2}-\d{2}-\d{4})(?!\w)",
        text,
    )
    return [re.sub(r"\D", "", f) for f in found]


def word_re(words) -> re.Pattern[str]:
    alts = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in alts) + r")(?!\w)", re.I)


FORE_RE = word_re(pools.ALL_FORENAMES)
SUR_RE = word_re(pools.ALL_SURNAMES)

WITNESS = {
    "phone": lambda t: bool(re.search(r"\b0\d{2,4} \d{3,4} ?\d{3,4}\b", t)),
    "full_name": lambda t: bool(FORE_RE.search(t) and SUR_RE.search(t)),
    "address": lambda t: bool(
        re.search(r"\b\d+ (?:" + "|".join(map(re.escape, pools.ROADS)) + ")", t, re.I)
    ),
    "nhs_number": lambda t: any(v.mod11_valid(x) for x in tens(t)),
    "hospital_number": lambda t: bool(
        re.search(
            r"\b(?:[A-Z]\d{7}|(?:RXH|RTH|RWP|RQ6)\d{6}|\d{8}|[A-J]{2}\d{6}|\d{7}[A-Z])\b", t, re.I
        )
    ),
    "email": lambda t: "@" in t,
    "passport_number": lambda t: bool(re.search(r"\b(?:\d{9}|[A-Z]{2}\d{6}|[PO]\d{8})\b", t, re.I)),
    "vehicle_registration": lambda t: bool(
        re.search(
            r"\b(?:[A-Z]{2}\d{2} ?[A-Z]{3}|[A-Z]\d{1,3} ?[A-Z]{3}|[A-Z]{3} ?\d{1,3}[A-Z])\b",
            t,
            re.I,
        )
    ),
    "driving_licence": lambda t: bool(
        re.search(r"\b[A-Z9]{5} ?\d{6} ?[A-Z9]{2}\d[A-Z]{2}\b", t, re.I)
    ),
    "ni_number": lambda t: bool(re.search(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", t, re.I)),
    "uprn": lambda t: bool(re.search(r"\b\d{8,12}\b", t)),
    "chi_number": lambda t: any(v.mod11_valid(x) and chi_date_ok(x) for x in tens(t)),
    "forename": lambda t: bool(FORE_RE.search(t)),
    "date_of_birth": lambda t: bool(
        re.search(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2} [A-Z][a-z]{2} \d{4}\b", t)
    ),
}


# ---- checks ----------------------------------------------------------------


def check_table(columns, labels) -> None:
    traps = parse_traps()
    table = [(n, k, d, c) for n, k, d, _ft, c, _g, _ck in COLUMNS]
    if [t[0] for t in traps] != [t[0] for t in table]:
        fail("column names or order differ between TRAPS.md and columns.py")
    for t, row in zip(traps, table, strict=False):
        if t != row:
            fail(f"TRAPS.md {t} != columns.py {row}")
    if list(columns) != [t[0] for t in table] or list(labels) != list(columns):
        fail("output column order differs from the table")
    for name, lab in labels.items():
        kind = lab["kind"]
        if kind is not None and kind not in KINDS:
            fail(f"{name}: unknown kind {kind}")
        want_direct = kind is not None and kind not in QUASI
        if lab["direct"] != want_direct:
            fail(f"{name}: direct flag {lab['direct']} but kind {kind}")
        if lab["category"] not in "abcdefghs" or len(lab["category"]) != 1:
            fail(f"{name}: bad category")
        if lab["category"] == "a" and not lab["free_text"]:
            fail(f"{name}: category a must be free text")


def check_shape(columns) -> None:
    for name, vals in columns.items():
        if len(vals) != ROWS:
            fail(f"{name}: {len(vals)} rows")
        if any(x is not None and not isinstance(x, str) for x in vals):
            fail(f"{name}: non-text value")
        if all(x is None for x in vals):
            fail(f"{name}: all blank")


def _strip_num(text: str) -> str:
    t = text.strip().strip("'").replace("\u00a0", "")
    t = re.sub(r'^="(.*)"$', r"\1", t)
    return re.sub(r"\.0+$", "", t)


def check_mod11(columns, labels) -> None:
    for name, _k, _d, free, _c, _g, check in COLUMNS:
        vals = [x for x in columns[name] if x is not None]
        if check == "mod11":
            checked = 0
            for x in vals:
                if free:
                    cands = tens(x)
                else:
                    t = _strip_num(x)
                    if "E+" in t.upper():
                        mant = t.upper().split("E+")[0].replace(".", "")
                        if len(mant) != 10:
                            continue
                        cands = [mant]
                    else:
                        digits = re.sub(r"\D", "", t)
                        if labels[name]["kind"] == "chi_number" and len(digits) == 9:
                            digits = digits.zfill(10)
                        cands = [digits]
                for c in cands:
                    checked += 1
                    if not v.mod11_valid(c):
                        fail(f"{name}: invalid check digit in {x!r}")
                    if labels[name]["kind"] == "chi_number" and not chi_date_ok(c):
                        fail(f"{name}: CHI with impossible date {x!r}")
            if checked < (50 if free else len(vals) // 4):
                fail(f"{name}: only {checked} values could be checked")
        elif check == "mod11_fail":
            checked = 0
            for x in vals:
                t = _strip_num(x)
                if "E+" in t.upper() or re.search(r"[A-Za-z]", t):
                    continue
                digits = re.sub(r"\D", "", t)
                if len(digits) == 10:
                    checked += 1
                    if v.mod11_valid(digits):
                        fail(f"{name}: look-alike passes modulus 11: {x!r}")
            if checked < len(vals) // 4:
                fail(f"{name}: only {checked} look-alikes checked")


def check_none_columns(columns, labels) -> None:
    for name, lab in labels.items():
        if lab["kind"] is not None:
            continue
        for x in columns[name]:
            if x is None:
                continue
            if re.search(r"\S@\S", x):
                fail(f"{name}: e-mail in a kind-None column: {x!r}")
            for t in tens(x):
                if v.mod11_valid(t):
                    fail(f"{name}: mod-11-valid number in a kind-None column: {x!r}")
    for x in columns["tray_barcode_ean"]:
        if x and "E+" not in x:
            total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(x[:12]))
            if (10 - total % 10) % 10 != int(x[12]):
                fail(f"tray_barcode_ean: bad EAN {x!r}")


def check_synthetic(columns, labels) -> None:
    phone_re = re.compile(r"(?:\+44|0044|\b0)[\d ()\-]{9,16}\d")
    for name, vals in columns.items():
        lab = labels[name]
        for x in vals:
            if x is None:
                continue
            for m in re.finditer(r"[\w.+'-]+ ?@ ?([\w-]+(?:\.[\w-]+)+)", x):
                dom = m.group(1).lower()
                if not (dom in ALLOWED_EMAIL or dom.endswith(".example")):
                    fail(f"{name}: non-reserved e-mail domain {x!r}")
            if lab["kind"] == "phone":
                if lab["free_text"]:
                    for m in phone_re.finditer(x):
                        n = phone_national(m.group(0))
                        if n and not phone_ok(n):
                            fail(f"{name}: phone outside drama ranges {x!r}")
                else:
                    n = phone_national(x)
                    if n is not None and not phone_ok(n):
                        fail(f"{name}: phone outside drama ranges {x!r}")
            if lab["kind"] == "ni_number":
                if lab["free_text"]:
                    for m in re.finditer(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", x, re.I):
                        if not ni_ok(m.group(0)):
                            fail(f"{name}: bad NI {x!r}")
                else:
                    t = re.sub(r'^="(.*)"$', r"\1", x.strip()).replace("\u200b", "")
                    if not ni_ok(t):
                        fail(f"{name}: bad NI {x!r}")


def check_free_text(columns, labels) -> dict[str, float]:
    shares = {}
    for name, lab in labels.items():
        if lab["category"] != "a":
            continue
        witness = WITNESS[lab["kind"]]
        hits = sum(1 for x in columns[name] if x is not None and witness(x))
        share = hits / ROWS
        shares[name] = share
        if not 0.03 <= share <= 0.15:
            fail(f"{name}: identifiers in {share:.1%} of rows (want 3-15%)")
    return shares


def check_blanks(columns, labels) -> None:
    for name, lab in labels.items():
        if lab["category"] != "c":
            continue
        blank = sum(1 for x in columns[name] if x is None) / ROWS
        if not 0.5 <= blank <= 0.9:
            fail(f"{name}: {blank:.0%} blank (want 50-90%)")


def check_determinism(columns, labels) -> None:
    c2, l2 = make_heldout25_columns(seed=SEED, rows=ROWS)
    if c2 != columns or l2 != labels:
        fail("two calls with the same seed differ")
    c3, _ = make_heldout25_columns(seed=SEED + 1, rows=ROWS)
    if c3 == columns:
        fail("a different seed gives identical output")


def summary(labels) -> str:
    cats = Counter(lab["category"] for lab in labels.values())
    kinds = Counter(str(lab["kind"]) for lab in labels.values())
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in QUASI for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    lines = [
        f"columns={len(labels)} direct={direct} quasi={quasi} none={none}",
        "categories: " + ", ".join(f"{k}={cats[k]}" for k in sorted(cats)),
        "kinds: " + ", ".join(f"{k}={n}" for k, n in sorted(kinds.items())),
    ]
    return "\n".join(lines)


def main() -> int:
    columns, labels = make_heldout25_columns(seed=SEED, rows=ROWS)
    check_table(columns, labels)
    check_shape(columns)
    check_mod11(columns, labels)
    check_none_columns(columns, labels)
    check_synthetic(columns, labels)
    shares = check_free_text(columns, labels)
    check_blanks(columns, labels)
    check_determinism(columns, labels)
    print(summary(labels))
    print("free-text identifier shares: " + ", ".join(f"{n}={s:.1%}" for n, s in shares.items()))
    if errors:
        for e in errors[:60]:
            print("FAIL:", e)
        print(f"{len(errors)} failure(s)")
        return 1
    print("selfcheck passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
