"""Self-check of heldout24 against TRAPS.md; never runs a detector.

Run from the repository root:  python -m tests.detect.heldout24.selfcheck
"""

import datetime as _dt
import pathlib
import re
import sys

from . import make_heldout24_columns, pools
from . import values as v

HERE = pathlib.Path(__file__).parent
ROWS = 2000
SEED = 74
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
ALLOWED_EMAIL = re.compile(r"@(example\.(com|org|net)|[a-z0-9.-]+\.example)$", re.I)

problems: list[str] = []


def fail(msg: str) -> None:
    problems.append(msg)


def parse_traps():
    rows = []
    category = None
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"## ([a-hs]) ", line)
        if m:
            category = m.group(1)
            continue
        if line.startswith("## "):
            category = None
            continue
        if category and line.startswith("- "):
            parts = line[2:].split(" — ")
            name, kind, direct, cat = parts[0], parts[-3], parts[-2], parts[-1].split()[0]
            rows.append((name, None if kind == "None" else kind, direct == "direct", cat))
            if cat != category:
                fail(f"TRAPS.md: {name} listed under {category} but says {cat}")
    return rows


def digits(s: str) -> str:
    s = s.strip()
    if s.endswith(".0"):
        s = s[:-2]
    return "".join(ch for ch in s if ch.isdigit())


def chi_ok(ten: str) -> bool:
    if not v.mod11_valid(ten):
        return False
    try:
        _dt.datetime.strptime(ten[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def is_sci(s: str) -> bool:
    return bool(re.fullmatch(r"\d\.\d+E\+\d\d", s.strip()))


def present(col):
    return [x for x in col if x is not None]


_FN = "|".join(sorted(map(re.escape, pools.FORENAMES), key=len, reverse=True))
_SN = "|".join(sorted(map(re.escape, pools.SURNAMES), key=len, reverse=True))
RE_FULL = re.compile(rf"\b({_FN})\s+({_SN})\b", re.I)
RE_FORE = re.compile(rf"\b({_FN})\b", re.I)
RE_TITLED = re.compile(rf"\b(Mr|Mrs|Ms|Miss|Dr|Mx)\s+({_SN})\b", re.I)
RE_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I)
RE_NI = re.compile(r"\b[A-Z]{2}\d{6}[A-Z]\b", re.I)
RE_TEN = re.compile(r"(?<![\d.])(\d{3}\s?\d{3}\s?\d{4})(?![\d])")
RE_PHONE = re.compile(r"(?<!\d)(0\d{2,4}\s?\d{3,4}\s?\d{3,4})(?!\d)")
RE_VRM = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b", re.I)
RE_DOB = re.compile(r"\b(dob|d\.o\.b\.|born)\b\s*\d", re.I)
RE_UPRN = re.compile(r"(?<!\d)\d{12}(?!\d)")
RE_DL = re.compile(r"\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z0-9]{2}\b", re.I)
RE_ADDRESS = re.compile(r"\d+[A-Z]? [^,]+, [^,]+, [A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", re.I)


def _strip_wards(s):
    return re.sub(r"\b[\w'&-]+( Park| Estate| Bridge)? ward\b", "", s, flags=re.I)


FREE_DETECT = {
    "full_name": lambda s: bool(RE_FULL.search(s)),
    "forename": lambda s: bool(RE_FORE.search(_strip_wards(s))),
    "surname": lambda s: bool(RE_TITLED.search(s)),
    "phone": lambda s: any(v.phone_is_drama(m) for m in RE_PHONE.findall(s)),
    "email": lambda s: "@" in s,
    "ni_number": lambda s: any(v.ni_valid(m) for m in RE_NI.findall(s)),
    "nhs_number": lambda s: any(v.mod11_valid(m.replace(" ", "")) for m in RE_TEN.findall(s)),
    "chi_number": lambda s: any(chi_ok(m.replace(" ", "")) for m in RE_TEN.findall(s)),
    "address": lambda s: bool(RE_ADDRESS.search(s)),
    "vehicle_registration": lambda s: bool(RE_VRM.search(s)),
    "postcode": lambda s: bool(RE_POSTCODE.search(s)),
    "date_of_birth": lambda s: bool(RE_DOB.search(s)),
    "uprn": lambda s: bool(RE_UPRN.search(s)),
    "driving_licence": lambda s: bool(RE_DL.search(s)),
}


def check_labels(columns, labels):
    traps = parse_traps()
    if [t[0] for t in traps] != list(columns):
        fail("column names/order differ from TRAPS.md")
        a, b = [t[0] for t in traps], list(columns)
        fail(f"  only in TRAPS.md: {sorted(set(a) - set(b))}")
        fail(f"  only in the corpus: {sorted(set(b) - set(a))}")
    for name, kind, direct, cat in traps:
        lab = labels.get(name)
        if lab is None:
            continue
        if lab["kind"] != kind:
            fail(f"{name}: kind {lab['kind']} but TRAPS.md says {kind}")
        if lab["direct"] != direct:
            fail(f"{name}: direct {lab['direct']} but TRAPS.md says {direct}")
        if lab["category"] != cat:
            fail(f"{name}: category {lab['category']} but TRAPS.md says {cat}")
    for name, lab in labels.items():
        if lab["kind"] is not None and lab["kind"] not in KINDS:
            fail(f"{name}: unknown kind {lab['kind']}")
        want_direct = lab["kind"] is not None and lab["kind"] not in QUASI
        if lab["direct"] != want_direct:
            fail(f"{name}: direct flag inconsistent with kind")
        if lab["category"] == "a" and not lab["free_text"]:
            fail(f"{name}: category a must be free text")
        if lab["category"] == "g" and lab["kind"] is not None:
            fail(f"{name}: category g must be kind None")
        if lab["category"] == "s" and lab["kind"] not in ("full_name", "forename", "surname"):
            fail(f"{name}: staff column must be a name kind")


def check_shape(columns):
    for name, col in columns.items():
        if len(col) != ROWS:
            fail(f"{name}: {len(col)} rows")
        if any(x is not None and not isinstance(x, str) for x in col):
            fail(f"{name}: non-text value")
        if all(x is None for x in col):
            fail(f"{name}: all blank")


def check_digits(columns, labels):
    nhs_cols = [
        n for n, lab in labels.items() if lab["kind"] == "nhs_number" and not lab["free_text"]
    ]
    for n in nhs_cols:
        for x in present(columns[n]):
            if not v.mod11_valid(digits(x)):
                fail(f"{n}: invalid NHS number {x!r}")
                break
    for n in [
        n for n, lab in labels.items() if lab["kind"] == "chi_number" and not lab["free_text"]
    ]:
        for x in present(columns[n]):
            if not chi_ok(digits(x).zfill(10)):
                fail(f"{n}: invalid CHI {x!r}")
                break
    for n in ("ctax_account", "nhs_ref", "meter_serial", "batch_id"):
        for x in present(columns[n]):
            d = digits(x)
            if v.mod11_valid(d) or chi_ok(d.zfill(10)):
                fail(f"{n}: look-alike passes mod 11: {x!r}")
                break
    for n in [
        n for n, lab in labels.items() if lab["kind"] == "ni_number" and not lab["free_text"]
    ]:
        for x in present(columns[n]):
            if not v.ni_valid(x.strip()):
                fail(f"{n}: invalid NI {x!r}")
                break
    for x in present(columns["case_code"]):
        if v.ni_valid(x):
            fail(f"case_code: valid NI number {x!r}")
            break
    for n in [n for n, lab in labels.items() if lab["kind"] == "phone" and not lab["free_text"]]:
        for x in present(columns[n]):
            if is_sci(x):
                if not x.strip().startswith("4.477"):
                    fail(f"{n}: scientific phone outside drama range {x!r}")
                continue
            s = re.sub(r"\s*(ext \d+|\(eve\))$", "", x.strip())
            s = s.replace("(0)", "")
            if s.endswith(".0"):
                s = s[:-2]
            if not v.phone_is_drama(s):
                fail(f"{n}: non-drama phone {x!r}")
                break


def check_emails(columns):
    for name, col in columns.items():
        for x in present(col):
            for m in re.findall(r"[\w.+-]+@[\w.-]+", x):
                if not ALLOWED_EMAIL.search(m.rstrip(".")):
                    fail(f"{name}: e-mail outside example domains {m!r}")
                    return


def check_free_text(columns, labels):
    for name, lab in labels.items():
        col = columns[name]
        if lab["category"] == "a":
            hits = sum(1 for x in present(col) if FREE_DETECT[lab["kind"]](x))
            rate = hits / ROWS
            if not 0.03 <= rate <= 0.15:
                fail(f"{name}: identifiers in {rate:.1%} of rows (want 3-15%)")
        elif lab["free_text"] and lab["kind"] is None:
            for kind in ("full_name", "email", "phone", "postcode", "ni_number", "nhs_number"):
                hits = [x for x in present(col) if FREE_DETECT[kind](x)]
                if hits:
                    fail(f"{name}: kind-None free text holds {kind}: {hits[0]!r}")


def check_blanks(columns, labels):
    for name, lab in labels.items():
        if lab["category"] == "c":
            blank = sum(1 for x in columns[name] if x is None) / ROWS
            if not 0.5 <= blank <= 0.9:
                fail(f"{name}: {blank:.0%} blank (want 50-90%)")


def check_counts(labels):
    n = len(labels)
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in QUASI for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    if not 110 <= n <= 120:
        fail(f"{n} columns (want about 115)")
    if not 0.58 <= direct / n <= 0.67:
        fail(f"direct share {direct / n:.0%} (want about 60-65%)")
    if not 3 <= quasi <= 10:
        fail(f"{quasi} quasi columns")
    if not 33 <= none <= 42:
        fail(f"{none} kind-None columns")
    return n, direct, quasi, none


def main() -> int:
    columns, labels = make_heldout24_columns(seed=SEED, rows=ROWS)
    again = make_heldout24_columns(seed=SEED, rows=ROWS)
    if (columns, labels) != again:
        fail("two calls with the same seed differ")
    other, _ = make_heldout24_columns(seed=SEED + 1, rows=ROWS)
    if other == columns:
        fail("a different seed gives identical output")
    if list(columns) != list(labels):
        fail("columns and labels differ in names or order")
    check_labels(columns, labels)
    check_shape(columns)
    check_digits(columns, labels)
    check_emails(columns)
    check_free_text(columns, labels)
    check_blanks(columns, labels)
    n, direct, quasi, none = check_counts(labels)
    cats = {}
    for lab in labels.values():
        cats[lab["category"]] = cats.get(lab["category"], 0) + 1
    print(
        f"heldout24: {n} columns, {direct} direct, {quasi} quasi, {none} None; "
        + ", ".join(f"{k}={cats[k]}" for k in sorted(cats))
    )
    if problems:
        for p in problems:
            print("FAIL:", p)
        return 1
    print("selfcheck OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
