"""Category e: headerless and coded headers."""

from . import values
from .text import column


def nhs_plain(rng, rows):
    return column(rng, rows, 0.03, lambda: values.nhs_number(rng))


def email_col(rng, rows):
    return column(rng, rows, 0.2, lambda: values.email_for(rng, values.fore(rng), values.sur(rng)))


def surname_first(rng, rows):
    def make():
        f, s = values.fore(rng), values.sur(rng)
        return values.messy(rng, f"{s.upper()} {f}", 0.1)

    return column(rng, rows, 0.02, make)


def dob_text(rng, rows):
    def make():
        d = values.dob(rng)
        return d.strftime("%d/%m/%Y") if rng.random() < 0.85 else d.strftime("%d/%m/%Y 00:00")

    return column(rng, rows, 0.03, make)


def ni_plain(rng, rows):
    return column(rng, rows, 0.25, lambda: values.ni_number(rng))


def mobile(rng, rows):
    def make():
        d = "07700" + str(rng.randint(900000, 900999))
        return d if rng.random() < 0.7 else f"{d[:5]} {d[5:]}"

    return column(rng, rows, 0.12, make)


def hospno(rng, rows):
    return column(rng, rows, 0.01, lambda: values.hospital_number(rng))


def uprn_plain(rng, rows):
    return column(rng, rows, 0.08, lambda: values.uprn(rng))


def vrm_plain(rng, rows):
    return column(rng, rows, 0.5, lambda: values.vrm(rng))


SNOMED = [
    "22298006",
    "230690007",
    "5913000",
    "44054006",
    "73211009",
    "38341003",
    "195967001",
    "13645005",
    "49436004",
    "359817006",
    "70704007",
    "41040004",
    "1023001",
    "87433001",
    "263102004",
    "414916001",
    "386661006",
    "271737000",
]


def snomed(rng, rows):
    def make():
        if rng.random() < 0.6:
            return rng.choice(SNOMED)
        length = rng.choice([9, 10, 11, 15, 16, 18])
        if length == 10:
            return values.ten_digit_failing(rng)
        return (
            str(rng.randint(1, 9))
            + "".join(rng.choice("0123456789") for _ in range(length - 4))
            + rng.choice(["100", "101", "000", "001", "108"])
        )

    return column(rng, rows, 0.03, make)


def icd10(rng, rows):
    def make():
        code = rng.choice(
            [
                "S72.0",
                "S72.1",
                "S72.2",
                "I63.9",
                "I61.9",
                "E11.9",
                "E10.9",
                "Q90.9",
                "Q21.0",
                "Q35.9",
                "C50.9",
                "C18.7",
                "C34.1",
                "G20",
                "F03",
                "I48.9",
                "N18.4",
                "Q61.3",
            ]
        )
        r = rng.random()
        if r < 0.2:
            return code.replace(".", "")
        if r < 0.3:
            return code + "X"
        return code

    return column(rng, rows, 0.04, make)


def ods_codes(rng, rows):
    def make():
        r = rng.random()
        if r < 0.45:
            return rng.choice("ABCDEFGHJKLMNPWY") + str(rng.randint(81000, 99999))
        if r < 0.75:
            return rng.choice(["RTH", "RX1", "RJ1", "R0A", "RWE", "7A1", "7A3", "RVJ", "RR8"])
        if r < 0.9:
            return rng.choice(["00L", "15N", "99E", "QWO", "QHG"])
        return "Y0" + str(rng.randint(1000, 9999))

    return column(rng, rows, 0.02, make)


def allocation(rng, rows):
    def make():
        r = rng.random()
        if r < 0.3:
            return rng.choice(["A", "B"])
        if r < 0.55:
            return f"ARM-{rng.randint(1, 3)}"
        if r < 0.8:
            return f"BLK{rng.randint(1, 60):02d}-{rng.choice('AB')}"
        return f"R/{rng.randint(1, 999):04d}/{rng.choice('AB')}"

    return column(rng, rows, 0.01, make)


def lsoa(rng, rows):
    def make():
        r = rng.random()
        if r < 0.6:
            return f"E0{rng.randint(1000000, 1035000)}"
        if r < 0.8:
            return f"W0{rng.randint(1000000, 1001958)}"
        return f"S0{rng.randint(1000001, 1006976)}"

    return column(rng, rows, 0.05, make)
