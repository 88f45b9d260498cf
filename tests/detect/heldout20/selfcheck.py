"""Self-check of the heldout20 corpus against TRAPS.md (never runs a detector).

python -m tests.detect.heldout20.selfcheck      (from the repository root)
"""

import collections
import datetime as _dt
import pathlib
import re
import sys

from . import build_heldout20, make_heldout20_columns
from . import values as vl

HERE = pathlib.Path(__file__).parent
SEED, ROWS = 70, 2000
QUASI = {"date_of_birth", "postcode"}
BLANKS = {"", "n/a", "-", "na", "not applicable", "n/a - adult", "none", "nil"}
TRAP_LINE = re.compile(r"^- `(.+?)` — (.+) — (\S+) — (yes|no) — ([a-hs])$")

problems: list[str] = []


def fail(msg: str) -> None:
    problems.append(msg)


def parse_traps():
    rows = []
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        m = TRAP_LINE.match(line.strip())
        if m:
            name, _what, kind, direct, cat = m.groups()
            rows.append((name, None if kind == "None" else kind, direct == "yes", cat))
    return rows


def _is_blank(v) -> bool:
    return v is None or v.strip().lower() in BLANKS


def _ten_digits(v: str) -> str | None:
    s = v.strip().lstrip("'")
    s = re.sub(r"^(NHS:|Rhif GIG|CHI)\s*", "", s).strip("() ")
    if re.fullmatch(r"\d+\.0", s):
        s = s[:-2]
    s = re.sub(r"[\s\-./_]", "", s)
    return s if re.fullmatch(r"\d{9,10}", s) else None


def _chi_date_ok(ten: str) -> bool:
    try:
        _dt.date(2000, int(ten[2:4]), int(ten[:2]))
        return True
    except ValueError:
        return False


def _phone_ok(v: str) -> bool | None:
    if "E+" in v:
        return None
    d = re.sub(r"\D", "", re.sub(r"\.0$", "", v.strip()).split("ext")[0])
    if d.startswith("0044"):
        d = "0" + d[4:]
    elif d.startswith("440"):
        d = d[2:]
    elif d.startswith("44"):
        d = "0" + d[2:]
    elif len(d) == 10 and not d.startswith("0"):
        d = "0" + d
    return len(d) == 11 and any(d.startswith(p) for p in vl.DRAMA_PACKED)


def _email_domain_ok(dom: str) -> bool:
    dom = dom.lower().rstrip(".;>")
    return dom in {"example.com", "example.org", "example.net"} or dom.endswith(".example")


NI_RE = re.compile(r"^([A-Z]{2})(\d{6})([A-Z])$")


def _ni_norm(v: str) -> str:
    return re.sub(r"[\s\-]", "", v).upper()


def _ni_ok(v: str) -> bool:
    m = NI_RE.match(_ni_norm(v))
    return bool(m) and vl.ni_valid_prefix(m.group(1)) and m.group(3) in "ABCD"


# kind -> pattern that must NOT occur in non-hit rows of a free-text column
STRUCTURED = {
    "nhs_number": re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b"),
    "chi_number": re.compile(r"\b\d{10}\b"),
    "phone": re.compile(r"(07700|01632|020 ?7946|0\d{3} ?496|028 ?9649|029 ?2018|\+44)"),
    "email": re.compile(r"@"),
    "ni_number": re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"),
    "passport_number": re.compile(r"\b([A-Z]{1,2}\d{6,7}|\d{9})\b"),
    "hospital_number": re.compile(r"\b[A-Z]{1,3}\d{6,7}\b"),
    "postcode": re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"),
    "date_of_birth": re.compile(r"\b(19\d\d|200\d)\b"),
}


def main() -> int:
    columns, labels, hits = build_heldout20(SEED, ROWS)
    traps = parse_traps()

    # 1. table agrees with TRAPS.md
    if [t[0] for t in traps] != list(columns):
        fail("column names/order differ from TRAPS.md")
    for name, kind, direct, cat in traps:
        lab = labels.get(name)
        if lab is None:
            continue
        if (lab["kind"], lab["direct"], lab["category"]) != (kind, direct, cat):
            fail(f"{name}: labels {lab} differ from TRAPS.md ({kind}, {direct}, {cat})")
    for name, lab in labels.items():
        want = lab["kind"] is not None and lab["kind"] not in QUASI
        if lab["direct"] != want:
            fail(f"{name}: direct flag inconsistent with kind")
        if lab["category"] == "a" and not lab["free_text"]:
            fail(f"{name}: category a must be free text")

    # 2. shape
    for name, vals in columns.items():
        if len(vals) != ROWS:
            fail(f"{name}: {len(vals)} rows")
        if any(v is not None and not isinstance(v, str) for v in vals):
            fail(f"{name}: non-string value")

    # 3. determinism
    c2, l2 = make_heldout20_columns(seed=SEED, rows=ROWS)
    if c2 != columns or l2 != labels:
        fail("two calls with the same seed differ")
    c3, _ = make_heldout20_columns(seed=SEED + 1, rows=50)
    if all(c3[n] == columns[n][:50] for n in c3):
        fail("a different seed gives the same output")

    # 4. check digits
    for name, vals in columns.items():
        kind, cat = labels[name]["kind"], labels[name]["category"]
        if cat == "a":
            continue
        if kind in ("nhs_number", "chi_number"):
            checked = 0
            for v in vals:
                if _is_blank(v):
                    continue
                t = _ten_digits(v)
                if t is None:
                    continue
                if kind == "chi_number":
                    t = t.zfill(10)
                    if not _chi_date_ok(t):
                        fail(f"{name}: CHI with bad date {v!r}")
                if len(t) == 10:
                    checked += 1
                    if not vl.mod11_valid(t):
                        fail(f"{name}: invalid check digit {v!r}")
            if checked < 0.4 * ROWS:
                fail(f"{name}: only {checked} values verifiable")
        if kind is None:
            for v in vals:
                if v is None:
                    continue
                for tok in re.findall(r"(?<![\d.])\d{10}(?![\d])", v.replace(".0", "")):
                    if vl.mod11_valid(tok):
                        fail(f"{name}: look-alike passes mod-11: {v!r}")
    for name in ("slot_id",):
        for v in columns[name]:
            if v and not _chi_date_ok(v):
                fail(f"{name}: slot id without a valid date {v!r}")

    # 5. phones, e-mails, NI numbers synthetic
    for name, vals in columns.items():
        kind, cat = labels[name]["kind"], labels[name]["category"]
        if kind == "phone" and cat != "a":
            for v in vals:
                if not _is_blank(v) and _phone_ok(v) is False:
                    fail(f"{name}: phone outside drama ranges {v!r}")
        if kind == "ni_number" and cat != "a":
            for v in vals:
                if not _is_blank(v) and not _ni_ok(v):
                    fail(f"{name}: bad NI number {v!r}")
        for v in vals:
            if v is None:
                continue
            for dom in re.findall(r"@([\w.-]+)", v) + re.findall(r"\[at\]\s*([\w.-]+)", v):
                if not _email_domain_ok(dom):
                    fail(f"{name}: e-mail outside example domains {v!r}")
    for v in columns["X4"]:
        if v and _ni_ok(v):
            fail(f"X4: valid NI number {v!r}")

    # 6. free text: identifiers in 3-15% of rows, only in the hit rows
    for name, h in hits.items():
        vals, kind = columns[name], labels[name]["kind"]
        frac = len(h) / ROWS
        if not 0.03 <= frac <= 0.15:
            fail(f"{name}: identifiers in {frac:.1%} of rows")
        for i, ident in h.items():
            if vals[i] is None or ident not in vals[i]:
                fail(f"{name}: row {i} lacks its identifier")
            if kind in ("nhs_number", "chi_number") and not vl.mod11_valid(
                re.sub(r"\D", "", ident)
            ):
                fail(f"{name}: invalid check digit in text {ident!r}")
            if kind == "phone" and not _phone_ok(ident):
                fail(f"{name}: phone outside drama ranges {ident!r}")
            if kind == "ni_number" and not _ni_ok(ident):
                fail(f"{name}: bad NI number {ident!r}")
        pat = STRUCTURED.get(kind)
        if pat:
            for i, v in enumerate(vals):
                if i not in h and v is not None and pat.search(v):
                    fail(f"{name}: identifier-like text outside hit rows {v!r}")

    # 7. annotated name columns: 50-90% blank
    for name, vals in columns.items():
        if labels[name]["category"] == "c":
            frac = sum(_is_blank(v) for v in vals) / ROWS
            if not 0.5 <= frac <= 0.9:
                fail(f"{name}: {frac:.1%} blank")

    # report
    by_cat = collections.Counter(lab["category"] for lab in labels.values())
    by_kind = collections.Counter(str(lab["kind"]) for lab in labels.values())
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in QUASI for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    print(f"columns {len(labels)}  direct {direct}  quasi {quasi}  None {none}")
    print("by category:", dict(sorted(by_cat.items())))
    print("by kind:", dict(sorted(by_kind.items())))
    if problems:
        for p in problems[:40]:
            print("FAIL", p)
        print(f"{len(problems)} problem(s)")
        return 1
    print("selfcheck: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
