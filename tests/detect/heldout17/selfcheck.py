"""Self-check for heldout17 (never runs a detector).

Run from the worktree root:  python -m tests.detect.heldout17.selfcheck
"""

import re
import sys
from pathlib import Path

from . import make_heldout17_columns, pools
from . import values as v
from .cat_a import ESOL_NAMES

HERE = Path(__file__).parent
SEED, ROWS = 67, 2000
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
SEP = " \u2014 "

RE_TEN = re.compile(r"(?<![\d.])(\d{3})[ .-]?(\d{3})[ .-]?(\d{4})(?![\d])")
RE_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
RE_NI = re.compile(r"\b([A-Za-z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-Za-z])\b")
RE_PHONE = re.compile(r"(?:\+44\s?(?:\(0\))?|\(?0)[\d\s()-]{9,14}\d")
RE_POSTCODE = re.compile(r"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b")
RE_DATE_OLD = re.compile(r"\b\d{1,2}[ ./-](?:\d{1,2}|[A-Za-z]+)[ ./-](19\d\d|200\d|201[0-2])\b")
RE_REG = re.compile(r"\b[A-Z]{2}\d{2} ?[A-Z]{3}\b")
RE_PASSPORT = re.compile(r"\b\d{9}\b")
RE_UPRN = re.compile(r"\b\d{7,12}\b")
RE_HOSP = re.compile(r"\b(?:RXH|RJ1|M|K|RWD|H|D|RTH)[ -]?\d{7}\b")
NAME_PAIR = re.compile(
    r"\b(?:"
    + "|".join(map(re.escape, pools.FORENAMES))
    + r") (?:"
    + "|".join(map(re.escape, pools.SURNAMES))
    + r")\b",
    re.IGNORECASE,
)

failures: list[str] = []


def check(cond: bool, msg: str) -> None:
    if not cond:
        failures.append(msg)


def parse_traps() -> list[tuple[str, str | None, str, str]]:
    rows = []
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        parts = line.split(SEP)
        if len(parts) == 5 and parts[4].strip() in set("abcdefghs"):
            name, _what, kind, direct, cat = parts
            rows.append((name, None if kind == "None" else kind, direct.strip(), cat.strip()))
    return rows


def tens(text: str) -> list[str]:
    return ["".join(m.groups()) for m in RE_TEN.finditer(text)]


def nhs_digits(value: str) -> str | None:
    s = value.strip().lstrip("'").replace(",", "")
    if "E+" in s:
        return None
    if s.endswith(".0"):
        s = s[:-2]
    d = re.sub(r"\D", "", s)
    return d if len(d) == 10 else None


def hit_in(kind: str, text: str) -> bool:
    if kind == "nhs_number":
        return any(v.mod11_valid(t) for t in tens(text))
    if kind == "chi_number":
        found = re.findall(r"(?<!\d)(\d{6}) ?(\d{4})(?!\d)", text)
        return any(v.mod11_valid(a + b) for a, b in found)
    if kind == "phone":
        return any(v.phone_is_drama(m.group()) for m in RE_PHONE.finditer(text))
    if kind == "email":
        return bool(RE_EMAIL.search(text))
    if kind == "ni_number":
        return any(v.ni_valid("".join(m.groups())) for m in RE_NI.finditer(text))
    if kind == "postcode":
        return bool(RE_POSTCODE.search(text.upper()))
    if kind == "date_of_birth":
        return bool(RE_DATE_OLD.search(text))
    if kind == "vehicle_registration":
        return bool(RE_REG.search(text.upper()))
    if kind == "passport_number":
        return bool(RE_PASSPORT.search(text))
    if kind == "uprn":
        return bool(RE_UPRN.search(text))
    if kind == "hospital_number":
        return bool(RE_HOSP.search(text.upper()))
    if kind == "address":
        return any(re.search(rf"\b\d+ {re.escape(st)}\b", text, re.I) for st in pools.STREETS)
    if kind == "full_name":
        return bool(NAME_PAIR.search(text))
    if kind == "forename":
        words = {w.lower() for w in re.findall(r"[\w'-]+", text)}
        return bool(words & {n.lower() for n in ESOL_NAMES})
    raise ValueError(kind)


def main() -> int:
    cols, labels = make_heldout17_columns(seed=SEED, rows=ROWS)
    cols2, labels2 = make_heldout17_columns(seed=SEED, rows=ROWS)
    check(cols == cols2 and labels == labels2, "not deterministic for a seed")
    other, _ = make_heldout17_columns(seed=SEED + 1, rows=ROWS)
    check(other != cols, "a different seed gives identical output")

    # table against TRAPS.md
    traps = parse_traps()
    check([t[0] for t in traps] == list(cols), "column names/order differ from TRAPS.md")
    for name, kind, direct, cat in traps:
        lab = labels.get(name)
        if lab is None:
            continue
        check(lab["kind"] == kind, f"{name}: kind {lab['kind']} != TRAPS {kind}")
        want = {"yes": True, "quasi": False, "no": False}[direct]
        check(lab["direct"] == want, f"{name}: direct flag differs from TRAPS")
        check((direct == "quasi") == (kind in {"date_of_birth", "postcode"}), f"{name}: quasi")
        check((direct == "no") == (kind is None), f"{name}: None kind vs direct")
        check(lab["category"] == cat, f"{name}: category differs")

    for name, lab in labels.items():
        col = cols[name]
        check(len(col) == ROWS, f"{name}: {len(col)} rows")
        check(all(x is None or (isinstance(x, str) and x != "") for x in col), f"{name}: bad cell")
        check(lab["kind"] is None or lab["kind"] in KINDS, f"{name}: unknown kind")
        check(lab["direct"] == (lab["kind"] not in (None, "date_of_birth", "postcode")), name)
        check(lab["free_text"] == (lab["category"] == "a" or name == "notes"), f"{name}: free_text")

    # synthetic-only: e-mails, phones, NI numbers anywhere in the corpus
    for name, col in cols.items():
        for x in col:
            if x is None:
                continue
            for m in RE_EMAIL.finditer(x):
                dom = m.group(1).lower()
                ok = dom in {"example.com", "example.org", "example.net"} or dom.endswith(
                    ".example"
                )
                check(ok, f"{name}: non-synthetic e-mail domain {dom}")
    phone_cols = [n for n, lab in labels.items() if lab["kind"] == "phone"]
    for name in phone_cols:
        for x in cols[name]:
            if x is None or "E+" in x:
                continue
            text = x[:-2] if x.endswith(".0") else x
            if labels[name]["free_text"]:
                for m in RE_PHONE.finditer(text):
                    check(v.phone_is_drama(m.group()), f"{name}: non-drama phone {m.group()}")
            else:
                check(v.phone_is_drama(text), f"{name}: non-drama phone {x!r}")
    for name, lab in labels.items():
        if lab["kind"] == "ni_number" and not lab["free_text"]:
            for x in cols[name]:
                if x is not None:
                    check(v.ni_valid(x), f"{name}: invalid NI {x!r}")
    for x in cols["ref_code"]:
        check(not v.ni_valid(x), f"ref_code: {x!r} passes NI rules")

    # check digits: valid where labelled
    for name, lab in labels.items():
        if lab["kind"] == "nhs_number" and not lab["free_text"]:
            for x in cols[name]:
                if x is None:
                    continue
                d = nhs_digits(x)
                if d is None:
                    check("E+" in x, f"{name}: unreadable {x!r}")
                    continue
                check(v.mod11_valid(d), f"{name}: invalid NHS {x!r}")
        if lab["kind"] == "chi_number" and not lab["free_text"]:
            for x in cols[name]:
                if x is None or "E+" in x:
                    continue
                d = re.sub(r"\D", "", x[:-2] if x.endswith(".0") else x).zfill(10)
                check(v.mod11_valid(d), f"{name}: invalid CHI {x!r}")
    # ... and invalid in the look-alikes
    for name in ["cop_case_ref_num", "invoice_no", "batch_ref", "nhs_ref"]:
        for x in cols[name]:
            if x is None or "E+" in x or x.startswith("PO-"):
                continue
            d = nhs_digits(x)
            check(d is not None and not v.mod11_valid(d), f"{name}: {x!r} passes modulus 11")
    for name, lab in labels.items():
        if lab["kind"] is None:
            for x in cols[name]:
                if x is None or "E+" in x:
                    continue
                for t in tens(x):
                    if len(re.sub(r"\D", "", x)) == 10:
                        check(not v.mod11_valid(t), f"{name}: None column holds valid {t}")

    # free-text identifier rates (3-15%) and decoys outside hit rows
    for name, lab in labels.items():
        if lab["category"] != "a":
            continue
        hits = sum(1 for x in cols[name] if x is not None and hit_in(lab["kind"], x))
        rate = hits / ROWS
        check(0.03 <= rate <= 0.15, f"{name}: identifier in {rate:.1%} of rows")
        print(f"  {name:32s} {lab['kind']:22s} {rate:6.1%}")
    decoys = sum(1 for x in cols["cop_application_narrative"] if x and "Finance ref" in x)
    check(decoys > 0, "no decoy refs in cop_application_narrative")

    # annotated name columns 50-90% blank
    for name, lab in labels.items():
        if lab["category"] == "c":
            blank = sum(x is None for x in cols[name]) / ROWS
            check(0.5 <= blank <= 0.9, f"{name}: {blank:.0%} blank")

    # counts
    cats: dict[str, int] = {}
    for lab in labels.values():
        cats[lab["category"]] = cats.get(lab["category"], 0) + 1
    direct = sum(lab["direct"] for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    quasi = len(labels) - direct - none
    print(f"columns {len(labels)}  direct {direct}  quasi {quasi}  None {none}")
    print("per category", dict(sorted(cats.items())))
    check(105 <= len(labels) <= 125, "column count")
    check(0.6 <= direct / len(labels) <= 0.66, "direct share")
    check(35 <= none <= 40, "None count")

    if failures:
        print(f"FAIL ({len(failures)})")
        for f in failures[:40]:
            print("  -", f)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
