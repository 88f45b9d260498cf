"""Self-check for heldout18 (never runs a detector).

Run from the worktree root:  python -m tests.detect.heldout18.selfcheck
"""

import datetime as _dt
import pathlib
import re
import sys

from . import make_heldout18_columns, pools
from . import values as v

HERE = pathlib.Path(__file__).parent
ROWS = 2000
SEED = 71
failures: list[str] = []


def fail(msg: str) -> None:
    failures.append(msg)


def parse_traps() -> list[tuple[str, str | None, bool, str]]:
    out = []
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("- "):
            continue
        parts = line[2:].split(" — ")
        if len(parts) != 5:
            continue
        name, _holds, kind, direct, cat = (p.strip() for p in parts)
        out.append((name, None if kind == "None" else kind, direct == "direct", cat[0]))
    return out


def strip_float(s: str) -> str:
    s = s.strip().lstrip("'")
    return s[:-2] if s.endswith(".0") else s


NHS_TEXT = re.compile(r"(?<!\d)(\d{3}) ?(\d{3}) ?(\d{4})(?!\d)")
CHI_TEXT = re.compile(r"(?<!\d)(\d{6}) ?(\d{4})(?!\d)")
NI_RE = re.compile(r"^([A-Z]{2})(\d{6})([A-D])$")
NI_TEXT = re.compile(r"\b([A-Z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])\b")
PHONE_TEXT = re.compile(r"(?<!\d)0\d{2,4}(?: ?\d){6,8}(?!\d)")
EMAIL_RE = re.compile(r"[\w.+-]+@([\w.-]+)")
OBF_RE = re.compile(r"\[at\] (.+)$")
PC_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b", re.I)
DOB_TEXT = re.compile(r"\b(?:d\.o\.b\.|DOB|born)\b", re.I)
REG_TEXT = re.compile(r"\b(?:[A-Z]{2}\d{2} [A-Z]{3}|[A-Z]\d{1,3} [A-Z]{3})\b")
HOSP_TEXT = re.compile(r"\b(?:K\d{7}|RXH\d{7}|M\d{6}|D\d{6}X|RWD-\d{6})\b")
PASS_TEXT = re.compile(r"(?<!\d)\d{9}(?!\d)")
STREET_TEXT = re.compile("|".join(re.escape(s) for s in pools.STREETS))
FORE = {f.lower() for f in pools.FORENAMES}
SUR = {s.lower() for s in pools.SURNAMES}
FULL_TEXT = re.compile(
    r"(?i)\b("
    + "|".join(map(re.escape, pools.FORENAMES))
    + r") ("
    + "|".join(map(re.escape, pools.SURNAMES))
    + r")\b"
    r"|\b("
    + "|".join(map(re.escape, pools.SURNAMES))
    + r"), ("
    + "|".join(map(re.escape, pools.FORENAMES))
    + r")\b"
)
FORE_TEXT = re.compile(r"\b(" + "|".join(map(re.escape, pools.FORENAMES)) + r")\b")


def ni_ok(s: str) -> bool:
    m = NI_RE.match(s.replace(" ", "").upper())
    if not m:
        return False
    pre = m.group(1)
    return pre[0] in v.NI_FIRST and pre[1] in v.NI_SECOND and pre not in v.NI_BAD


def phone_national(s: str) -> str:
    s = strip_float(re.sub(r"\([^)]*[a-z][^)]*\)", "", s))
    d = re.sub(r"\D", "", s)
    if d.startswith("0044"):
        d = "0" + d[4:]
    elif d.startswith("44") and len(d) == 12:
        d = "0" + d[2:]
    elif len(d) == 10 and not d.startswith("0"):
        d = "0" + d
    return d


def chi_ok(ten: str) -> bool:
    if not v.mod11_valid(ten):
        return False
    try:
        _dt.datetime.strptime(ten[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def email_domain_ok(dom: str) -> bool:
    dom = dom.lower().rstrip(".>")
    return dom in v.ALLOWED_EMAIL_DOMAINS or dom.endswith(".example")


def text_has(kind: str, text: str) -> bool:
    if kind == "full_name":
        return bool(FULL_TEXT.search(text))
    if kind == "forename":
        return bool(FORE_TEXT.search(text))
    if kind == "nhs_number":
        return bool(NHS_TEXT.search(text))
    if kind == "phone":
        return bool(PHONE_TEXT.search(text))
    if kind == "email":
        return "@" in text
    if kind == "address":
        return bool(STREET_TEXT.search(text))
    if kind == "hospital_number":
        return bool(HOSP_TEXT.search(text))
    if kind == "date_of_birth":
        return bool(DOB_TEXT.search(text))
    if kind == "ni_number":
        return bool(NI_TEXT.search(text))
    if kind == "chi_number":
        return bool(CHI_TEXT.search(text))
    if kind == "vehicle_registration":
        return bool(REG_TEXT.search(text))
    if kind == "postcode":
        return bool(PC_RE.search(text))
    if kind == "passport_number":
        return bool(PASS_TEXT.search(text))
    raise ValueError(kind)


def check_value(name: str, kind: str | None, s: str) -> None:
    if kind == "nhs_number" and "e+" not in s.lower():
        d = re.sub(r"\D", "", strip_float(s))
        if not v.mod11_valid(d):
            fail(f"{name}: invalid NHS number {s!r}")
    elif kind == "chi_number":
        d = re.sub(r"\D", "", strip_float(s)).zfill(10)
        if not chi_ok(d):
            fail(f"{name}: invalid CHI {s!r}")
    elif kind == "ni_number":
        if not ni_ok(s):
            fail(f"{name}: bad NI number {s!r}")
    elif kind == "phone":
        n = phone_national(s)
        if not v.phone_synthetic(n):
            fail(f"{name}: non-drama phone {s!r}")
    elif kind == "postcode" and not PC_RE.search(re.sub(r"\s+", " ", s.strip())):
        fail(f"{name}: bad postcode shape {s!r}")


def main() -> int:
    cols, labels = make_heldout18_columns(seed=SEED, rows=ROWS)
    cols2, labels2 = make_heldout18_columns(seed=SEED, rows=ROWS)
    if cols != cols2 or labels != labels2:
        fail("not deterministic")
    other, _ = make_heldout18_columns(seed=SEED + 1, rows=ROWS)
    if other == cols:
        fail("seed has no effect")

    traps = parse_traps()
    if [t[0] for t in traps] != list(cols):
        fail("column names/order differ from TRAPS.md")
    for name, kind, direct, cat in traps:
        lab = labels.get(name)
        if lab is None:
            continue
        if (lab["kind"], lab["direct"], lab["category"]) != (kind, direct, cat):
            fail(f"{name}: label {lab} differs from TRAPS.md ({kind}, {direct}, {cat})")
        exp_direct = kind is not None and kind not in ("date_of_birth", "postcode")
        if lab["direct"] != exp_direct:
            fail(f"{name}: direct flag wrong")

    for name, vals in cols.items():
        if len(vals) != ROWS:
            fail(f"{name}: {len(vals)} rows")
        if any(x is not None and not isinstance(x, str) for x in vals):
            fail(f"{name}: non-text value")
        lab = labels[name]
        for s in vals:
            if s is None:
                continue
            for m in EMAIL_RE.finditer(s):
                if not email_domain_ok(m.group(1)):
                    fail(f"{name}: non-example e-mail {s!r}")
            m = OBF_RE.search(s)
            if m and not email_domain_ok(m.group(1).replace(" [dot] ", ".")):
                fail(f"{name}: non-example obfuscated e-mail {s!r}")
            if not lab["free_text"]:
                check_value(name, lab["kind"], s)

        if lab["free_text"] and lab["kind"] is not None:
            hits = [s for s in vals if s is not None and text_has(lab["kind"], s)]
            rate = len(hits) / ROWS
            if not 0.03 <= rate <= 0.15:
                fail(f"{name}: identifier rate {rate:.3f} outside 3-15%")
            for s in hits:
                if lab["kind"] == "phone":
                    for p in PHONE_TEXT.findall(s):
                        if not v.phone_synthetic(phone_national(p)):
                            fail(f"{name}: non-drama phone in text {p!r}")
                elif lab["kind"] == "nhs_number":
                    for g in NHS_TEXT.findall(s):
                        if not v.mod11_valid("".join(g)):
                            fail(f"{name}: invalid NHS number in text {g}")
                elif lab["kind"] == "chi_number":
                    for g in CHI_TEXT.findall(s):
                        if not chi_ok("".join(g)):
                            fail(f"{name}: invalid CHI in text {g}")
                elif lab["kind"] == "ni_number":
                    for g in NI_TEXT.findall(s):
                        if not ni_ok("".join(g)):
                            fail(f"{name}: bad NI in text {g}")
        if lab["free_text"] and lab["kind"] is None:
            bad = [
                s for s in vals if s and (FULL_TEXT.search(s) or FORE_TEXT.search(s) or "@" in s)
            ]
            if bad:
                fail(f"{name}: person-like content in a no-identifier prose column: {bad[:2]}")
        if lab["category"] == "c":
            blank = sum(x is None for x in vals) / ROWS
            if not 0.5 <= blank <= 0.9:
                fail(f"{name}: blank share {blank:.2f} outside 50-90%")

    # look-alikes must FAIL the check they imitate
    for name in ("dialysis_run_id", "feed_lot_number", "nhs_ref"):
        for s in cols[name]:
            if s is not None and v.mod11_valid(re.sub(r"\D", "", s)):
                fail(f"{name}: look-alike passes mod-11 {s!r}")
    for s in cols["sensory_reg_ref"]:
        if s is not None and chi_ok(s.zfill(10)):
            fail(f"sensory_reg_ref: look-alike passes CHI check {s!r}")
    for s in cols["grid_ref"]:
        if ni_ok(s):
            fail(f"grid_ref: value is a valid NI number {s!r}")

    n = len(cols)
    direct = sum(lab["direct"] for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    if not 105 <= n <= 125:
        fail(f"{n} columns")
    if not 0.58 <= direct / n <= 0.66:
        fail(f"direct share {direct / n:.2f}")
    if not 33 <= none <= 42:
        fail(f"{none} kind-None columns")

    for f in failures[:50]:
        print("FAIL", f)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print(f"ok: {n} columns x {ROWS} rows, {direct} direct, {none} none, {n - direct - none} quasi")
    return 0


if __name__ == "__main__":
    sys.exit(main())
