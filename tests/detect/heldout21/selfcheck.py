"""Self-check for heldout21 (never runs a detector).

Run from the repository root:  python -m tests.detect.heldout21.selfcheck
"""

import re
import sys
from pathlib import Path

from . import make_heldout21_columns, pools
from . import values as v
from .columns import COLUMNS

HERE = Path(__file__).parent
ROWS = 2000
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

failures: list[str] = []


def check(ok: bool, message: str) -> None:
    if not ok:
        failures.append(message)


# ------------------------------------------------------------------ TRAPS.md
def traps_table() -> list[tuple[str, str | None, bool, str]]:
    rows = []
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^- `([^`]+)` — (.*)$", line)
        if not m:
            continue
        parts = m.group(2).split(" — ")
        kind, direct, category = parts[-3], parts[-2], parts[-1]
        rows.append((m.group(1), None if kind == "None" else kind, direct == "yes", category))
    return rows


# ------------------------------------------------------------------ finders
def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


NHS_RE = re.compile(r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")
PHONE_RE = re.compile(r"(?:\+44 ?|0)[\d ()\-\u00a0]{9,16}\d")
EMAIL_RE = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
NI_RE = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", re.I)
PC_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
VRM_RE = re.compile(r"\b(?:[A-Z]{2}\d{2} ?[A-Z]{3}|[A-Z]\d{1,3} ?[A-Z]{3})\b")
DATE_RE = re.compile(
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2} [A-Z][a-z]{2} \d{2}\b"
    r"|\b[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th) \d{4}\b",
    re.I,
)
HOSP_RE = re.compile(r"\b(?:[A-Z]\d{6,7}|R[A-Z]{2}\d{7}|\d{8})\b")
DL_RE = re.compile(r"\b[A-Z9]{5}\d{6}[A-Z9]{2}9[A-Z]{2}\b")
PASS_RE = re.compile(r"(?<!\d)\d{9}(?!\d)")
ADDR_RE = re.compile(r"\b\d{1,3} (?:" + "|".join(map(re.escape, pools.STREETS)) + r")\b", re.I)
FORE_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, pools.FORENAMES)) + r")\b", re.I)
FULL_RE = re.compile(
    r"\b(?:"
    + "|".join(map(re.escape, pools.FORENAMES))
    + r") (?:"
    + "|".join(map(re.escape, pools.SURNAMES))
    + r")\b",
    re.I,
)


def phone_ok(text: str) -> bool:
    d = _digits(text)
    if d.startswith("440"):
        d = d[2:]
    elif d.startswith("44"):
        d = "0" + d[2:]
    if d.startswith("0044"):
        d = "0" + d[4:]
    if not d.startswith("0"):
        d = "0" + d
    return len(d) == 11 and d[:8] in v.DRAMA_PREFIXES


def email_ok(text: str) -> bool:
    domains = [m.group(1).lower() for m in EMAIL_RE.finditer(text)]
    return bool(domains) and all(
        dom in ("example.com", "example.org", "example.net") or dom.endswith(".example")
        for dom in domains
    )


def has_kind(kind: str, text: str) -> bool:
    if kind == "full_name":
        return bool(FULL_RE.search(text))
    if kind == "forename":
        return bool(FORE_RE.search(text))
    if kind == "phone":
        return any(phone_ok(m.group(0)) for m in PHONE_RE.finditer(text))
    if kind == "nhs_number":
        return any(v.mod11_valid(_digits(m.group(0))) for m in NHS_RE.finditer(text))
    if kind == "chi_number":
        return any(v.chi_valid(_digits(m.group(0))) for m in NHS_RE.finditer(text))
    if kind == "email":
        return email_ok(text)
    if kind == "date_of_birth":
        return bool(DATE_RE.search(text))
    if kind == "address":
        return bool(ADDR_RE.search(text))
    if kind == "hospital_number":
        return bool(HOSP_RE.search(text.upper()))
    if kind == "ni_number":
        return any(v.ni_valid(m.group(0)) for m in NI_RE.finditer(text))
    if kind == "postcode":
        return bool(PC_RE.search(text.upper()))
    if kind == "vehicle_registration":
        return bool(VRM_RE.search(text.upper()))
    if kind == "driving_licence":
        return bool(DL_RE.search(text.upper()))
    if kind == "passport_number":
        return bool(PASS_RE.search(text))
    raise ValueError(kind)


# ------------------------------------------------------------------ per-column checks
def nonblank(values):
    return [x for x in values if x is not None]


def norm_number(text: str) -> str:
    t = text.strip().strip("'").replace('="', "").replace('"', "")
    if "E+" in t:
        return ""  # scientific notation: digits lost, nothing to check
    if t.endswith(".0"):
        t = t[:-2]
    return _digits(t)


VALID_NHS = {
    "NHS_NO",
    "nhs number (xlsx)",
    "nhs_no_txt",
    "ref",
    "field_23",
    "NHS Number / Rhif GIG",
}
VALID_CHI = {"àireamh CHI"}
FAILING_MOD11 = {"ecm_call_ref", "timesheet_batch_no", "nhs_ref", "ecm_tag_serial"}
PHONE_COLS = {"Mobile No.", "contact", "Unnamed: 4", "Tel (home/mob)"}
EMAIL_COLS = {"info", "Column1", "E-mail address"}
NI_COLS = {"NINo"}
BAD_NI_COLS = {"agency_worker_ref"}


def main() -> int:
    cols, labels = make_heldout21_columns(seed=71, rows=ROWS)
    cols2, labels2 = make_heldout21_columns(seed=71, rows=ROWS)
    check(cols == cols2 and labels == labels2, "not deterministic")
    other, _ = make_heldout21_columns(seed=72, rows=ROWS)
    check(other != cols, "seed has no effect")

    table = traps_table()
    check([t[0] for t in table] == list(cols), "column names/order differ from TRAPS.md")
    check(list(cols) == [c[0] for c in COLUMNS], "columns.py order differs")
    for name, kind, direct, cat in table:
        lab = labels.get(name)
        if lab is None:
            failures.append(f"{name}: missing")
            continue
        check(lab["kind"] == kind, f"{name}: kind {lab['kind']} != TRAPS {kind}")
        check(lab["direct"] == direct, f"{name}: direct flag differs from TRAPS")
        check(lab["category"] == cat, f"{name}: category differs from TRAPS")
        check(lab["kind"] is None or lab["kind"] in KINDS, f"{name}: unknown kind")
        expect_direct = lab["kind"] is not None and lab["kind"] not in QUASI
        check(lab["direct"] == expect_direct, f"{name}: direct inconsistent with kind")

    for name, values in cols.items():
        check(len(values) == ROWS, f"{name}: {len(values)} rows")
        check(all(x is None or isinstance(x, str) for x in values), f"{name}: non-str value")
        check(all(x is None or x != "" for x in values), f"{name}: empty string for blank")

    for name in VALID_NHS:
        nums = [norm_number(x) for x in nonblank(cols[name])]
        nums = [n for n in nums if n]
        check(nums and all(v.mod11_valid(n) for n in nums), f"{name}: invalid NHS number")
    for name in VALID_CHI:
        nums = [_digits(x) for x in nonblank(cols[name])]
        check(all(v.chi_valid(n) for n in nums), f"{name}: invalid CHI")
    chis = [norm_number(x) for x in nonblank(cols["CHI"])]
    check(all(v.chi_valid(n.zfill(10)) for n in chis), "CHI: invalid after restoring zero")
    check(any(len(n) == 9 for n in chis), "CHI: no lost leading zero")
    for name in FAILING_MOD11:
        nums = [norm_number(x) for x in nonblank(cols[name])]
        nums = [n[-10:] for n in nums if n]
        check(nums and not any(v.mod11_valid(n) for n in nums), f"{name}: look-alike passes mod-11")
    cqc = [_digits(x) for x in nonblank(cols["cqc_location_id"]) if "-" not in x]
    check(cqc and not any(v.mod11_valid(n) for n in cqc), "cqc_location_id: passes mod-11")

    for name in PHONE_COLS:
        check(
            all(phone_ok(norm_number(x)) for x in nonblank(cols[name])), f"{name}: non-drama phone"
        )
    for name in EMAIL_COLS:
        check(all(email_ok(x) for x in nonblank(cols[name])), f"{name}: non-example e-mail")
    for name in NI_COLS:
        vals = [x for x in nonblank(cols[name]) if len(x.replace(" ", "").replace("-", "")) == 9]
        check(vals and all(v.ni_valid(x) for x in vals), f"{name}: invalid NI number")
    for name in BAD_NI_COLS:
        check(not any(v.ni_valid(x.strip()) for x in nonblank(cols[name])), f"{name}: valid NI")

    # every phone, e-mail and NI number anywhere in the corpus is synthetic
    for name, values in cols.items():
        for x in nonblank(values):
            if "@" in x:
                check(email_ok(x), f"{name}: e-mail outside example domains: {x!r}")
            for m in NI_RE.finditer(x):
                if labels[name]["kind"] == "ni_number":
                    check(v.ni_valid(m.group(0)), f"{name}: bad NI {m.group(0)!r}")
        if labels[name]["kind"] == "phone" and labels[name]["free_text"]:
            for x in nonblank(values):
                for m in PHONE_RE.finditer(x):
                    check(phone_ok(m.group(0)), f"{name}: non-drama phone {m.group(0)!r}")

    # free-text identifiers in 3-15% of rows (of all rows and of filled rows)
    for name, lab in labels.items():
        if lab["category"] != "a":
            continue
        values = cols[name]
        hits = sum(1 for x in values if x is not None and has_kind(lab["kind"], x))
        filled = len(nonblank(values))
        for share in (hits / len(values), hits / filled):
            check(0.03 <= share <= 0.15, f"{name}: identifier share {share:.3f}")
    # the d notes column has no identifiers of any listed kind
    for kind in ("full_name", "forename", "nhs_number", "email", "phone", "postcode"):
        hits = sum(1 for x in nonblank(cols["notes"]) if has_kind(kind, x))
        check(hits == 0, f"notes: {hits} rows look like {kind}")

    # annotated name columns (category c) 50-90% blank
    for name, lab in labels.items():
        if lab["category"] == "c":
            share = cols[name].count(None) / ROWS
            check(0.5 <= share <= 0.9, f"{name}: blank share {share:.2f}")

    # counts
    n = len(labels)
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in QUASI for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    check(110 <= n <= 120, f"{n} columns")
    check(0.6 <= direct / n <= 0.66, f"direct share {direct / n:.2f}")
    check(35 <= none <= 40, f"{none} kind-None columns")

    if failures:
        print("FAIL")
        for f in failures:
            print(" -", f)
        return 1
    print(f"OK: {n} columns x {ROWS} rows; direct {direct}, quasi {quasi}, None {none}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
