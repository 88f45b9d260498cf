"""Category g: look-alikes that identify nobody."""

from . import pools, values
from .text import column


def batch_no(rng, rows):
    bad_first = "DFIQUV"

    def make():
        r = rng.random()
        if r < 0.45:
            pre = rng.choice(bad_first) + rng.choice("ABCEGHJKLMNPRSTWXYZ")
        elif r < 0.75:
            pre = rng.choice("ABCEGHJKLMNPRSTWXYZ") + rng.choice("DFIQUVO")
        else:
            pre = rng.choice(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"])
        digits = "".join(rng.choice("0123456789") for _ in range(6))
        suf = rng.choice("ABCD")
        forms = [
            f"{pre}{digits}{suf}",
            f"{pre} {digits[:2]} {digits[2:4]} {digits[4:]} {suf}",
            f"{pre}{digits} {suf}",
        ]
        return rng.choice(forms)

    return column(rng, rows, 0.02, make)


def device_serial(rng, rows):
    def make():
        s = values.ten_digit_failing(rng, "456789")
        return f"{s[:3]} {s[3:6]} {s[6:]}" if rng.random() < 0.7 else s

    return column(rng, rows, 0.02, make)


VARIANTS = [
    "BRCA2 c.5946delT",
    "NM_000059.4:c.68-7T>A",
    "CFTR p.Phe508del",
    "FBN1 c.1585C>T",
    "HBB c.20A>T",
    "SMN1 exon 7 deletion",
    "DMD c.9164-1G>C",
    "PKD1 c.12010C>T",
    "MLH1 c.350C>T",
    "TTR p.Val142Ile",
    "COL1A1 c.769G>A",
    "NF1 c.3826C>T",
    "FMR1 >200 CGG repeats",
    "22q11.2 deletion",
    "47,XY,+21",
    "46,XX,t(11;22)",
]


def variant(rng, rows):
    return column(rng, rows, 0.2, lambda: rng.choice(VARIANTS))


SITES = [
    *pools.HOSPITALS,
    "St Thomas' Hospital",
    "Queen Elizabeth Hospital",
    "Alder Hey",
    "Great Ormond Street",
    "John Radcliffe",
    "Freeman Hospital",
    "Churchill Hospital",
    "Nevill Hall",
    "Prince Philip Hospital",
    "William Harvey Hospital",
    "The Christie",
    "King George Hospital",
    "Princess Royal University Hospital",
    "Victoria Infirmary",
    "Walton Centre",
]


def site_name(rng, rows):
    return column(rng, rows, 0.01, lambda: values.messy(rng, rng.choice(SITES), 0.1))


def study_drug(rng, rows):
    def make():
        d = rng.choice(pools.DRUGS)
        return rng.choice([d, d.upper(), f"{d} {rng.choice([5, 10, 20, 40, 100])}mg", f"{d} (IMP)"])

    return column(rng, rows, 0.05, make)


def anomaly_eponym(rng, rows):
    def make():
        e = rng.choice(pools.EPONYMS)
        return rng.choice(
            [e, e.upper(), f"{e} - suspected", f"Q{rng.randint(0, 99):02d}.{rng.randint(0, 9)} {e}"]
        )

    return column(rng, rows, 0.1, make)


def implant(rng, rows):
    return column(rng, rows, 0.08, lambda: rng.choice(pools.IMPLANTS))


def store_loc(rng, rows):
    def make():
        r = rng.random()
        f, rk, b = rng.randint(1, 9), rng.randint(1, 12), rng.randint(1, 40)
        if r < 0.5:
            return f"FRZ-{f:02d}/R{rk}/B{b}/P{rng.randint(1, 81):02d}"
        if r < 0.8:
            return f"-80 #{f} Shelf {rk} Box {b} {rng.choice('ABCDEFGHI')}{rng.randint(1, 9)}"
        return f"LN2 dewar {f}, cane {rk}"

    return column(rng, rows, 0.03, make)


MAILBOXES = [
    "hipaudit@example.org",
    "noreply@trials.example",
    "crf-queries@example.com",
    "stats.team@example.net",
    "data.manager@example.com",
    "registry@nhs.example",
    "patient.panel@example.org",
    "research.office@example.net",
    "PROMs-helpdesk@example.com",
    "info@cohort.example",
]


def mailbox(rng, rows):
    return column(rng, rows, 0.05, lambda: values.messy(rng, rng.choice(MAILBOXES), 0.1))


def switchboard(rng, rows):
    nums = [values.phone_national(values.phone_digits(rng), rng) for _ in range(8)]
    return column(rng, rows, 0.02, lambda: rng.choice(nums))


def source_system(rng, rows):
    return column(rng, rows, 0.02, lambda: rng.choice(pools.SYSTEMS))


def tnm(rng, rows):
    def make():
        r = rng.random()
        if r < 0.5:
            t = rng.choice(["1", "2", "3", "4", "1a", "2b", "3a", "is"])
            return f"T{t} N{rng.randint(0, 3)} M{rng.randint(0, 1)}"
        if r < 0.75:
            return f"pT{rng.randint(1, 4)}{rng.choice(['', 'a', 'b'])} pN{rng.randint(0, 2)} cM0"
        if r < 0.9:
            return f"Stage {rng.choice(['I', 'IA', 'IIB', 'IIIA', 'IIIB', 'IV'])}"
        return rng.choice(["ypT0N0", "TxNxMx", "unstaged"])

    return column(rng, rows, 0.15, make)


def ward_name(rng, rows):
    return column(rng, rows, 0.04, lambda: rng.choice(pools.WARDS))


def publication(rng, rows):
    def make():
        r = rng.random()
        if r < 0.4:
            pub = rng.choice([1136, 1016, 1093, 1186, 1002])
            journal = rng.choice(["bmj", "ageing", "jbjs"])
            return f"doi:10.{pub}/{journal}.{rng.randint(100, 9999)}"
        if r < 0.7:
            return f"PMID: {rng.randint(20000000, 39999999)}"
        if r < 0.9:
            yy, art = rng.randint(18, 24), rng.randint(10000, 99999)
            return f"https://doi.org/10.1016/S0140-6736({yy}){art}-{rng.randint(0, 9)}"
        return str(rng.randint(20000000, 39999999))

    return column(rng, rows, 0.3, make)
