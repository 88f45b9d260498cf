"""Number and code columns of the seventh held-out corpus: categories b, e, f and g."""

from __future__ import annotations

import datetime as dt
import random

from tests.detect.heldout7 import pools, synth
from tests.detect.heldout7.shape import Builder, fill, person_name, pick, spaced_nhs, spaced_ni

EXCEL_EPOCH = dt.date(1899, 12, 30)
CLINICS = ("Diabetes", "Memory", "Fracture", "Sexual Health", "Antenatal", "Community Dental")


# ---- category b: spreadsheet damage and numeric look-alikes --------------------------------


def _float_tail(value: str, rng: random.Random, share: float) -> str:
    return value + ".0" if rng.random() < share else value


def _sci(value: str, digits: int = 2) -> str:
    return f"{int(value):.{digits}E}"


def _nhs_sci(rng: random.Random) -> str:
    number = synth.nhs_number(rng)
    return _sci(number) if rng.random() < 0.4 else number


def _passport_damaged(rng: random.Random) -> str:
    number = synth.passport_number(rng)
    roll = rng.random()
    if roll < 0.6:
        return number + ".0"
    return f"{int(number):,}" if roll < 0.85 else number


def _tel_numeric(rng: random.Random) -> str:
    area, local = synth.landline(rng)
    return _float_tail((area + local)[1:], rng, 0.3)


def _mobile_float(rng: random.Random) -> str:
    number = synth.mobile(rng)[1:]
    roll = rng.random()
    if roll < 0.5:
        return number + ".0"
    return _sci(number, 4) if roll < 0.9 else number


def _dob_serial(rng: random.Random) -> str:
    serial = str((synth.birth_date(rng) - EXCEL_EPOCH).days)
    return _float_tail(serial, rng, 0.2)


def _hosp_numeric(rng: random.Random) -> str:
    return _float_tail(str(rng.randint(1_000, 9_999_999)), rng, 0.5)


def _egfr(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return ">90"
    return f"{rng.randint(5, 90)}.0" if roll < 0.6 else str(rng.randint(5, 90))


def _bed_days(rng: random.Random) -> str:
    count = rng.randint(1, 40_000)
    return f"{count:,}" if rng.random() < 0.6 else f"{count}.0"


B_COLUMNS: dict[str, Builder] = {
    "nhs_no": fill(lambda r: _float_tail(synth.nhs_number(r), r, 0.7)),
    "NHSNumber_xl": fill(_nhs_sci, 0.03),
    "chi": fill(lambda r: str(int(synth.chi_number(r)))),
    "uprn_num": fill(lambda r: f"{int(synth.uprn(r)):,}", 0.1),
    "passport_no": fill(_passport_damaged, 0.4),
    "tel_numeric": fill(_tel_numeric, 0.15),
    "mobile_float": fill(_mobile_float, 0.1),
    "dob_serial": fill(_dob_serial),
    "hosp_no_numeric": fill(_hosp_numeric),
    "lab_accession": fill(synth.mod11_invalid),
    "invoice_total": fill(lambda r: f"{r.randint(100, 2_500_000) / 100:,.2f}"),
    "egfr_result": fill(_egfr, 0.2),
    "bed_days": fill(_bed_days),
    "cad_incident_no": fill(lambda r: _float_tail(synth.mod11_invalid(r), r, 0.5)),
}


# ---- category e: coded or missing headers --------------------------------------------------

E_COLUMNS: dict[str, Builder] = {
    "field_23": fill(synth.nhs_number),
    "col_17": fill(synth.forename, 0.02),
    "Unnamed: 3": fill(lambda r: str(r.randint(0, 102))),
    "F12": fill(lambda r: f"W{r.randint(1, 40):02d}-B{r.randint(1, 30):02d}"),
    "_c4": fill(synth.chi_number),
    "attr9": fill(synth.surname, 0.02),
    "Unnamed: 11": lambda rng, rows: [str(i) for i in range(rows)],
    "F7": fill(lambda r: synth.birth_date(r).strftime("%d/%m/%Y")),
    "col_4": fill(synth.email, 0.15),
    "field_8": fill(pick(("10", "15", "20", "30", "45", "60", "90"))),
    "_c12": fill(synth.uprn),
    "attr2": fill(pick(("M", "F", "U", "I", "9", "M", "F"))),
    "V23": fill(synth.address, 0.05),
    "X_1": fill(pick(pools.ICD10_CODES), 0.1),
}


# ---- category f: mixed formats in one column -----------------------------------------------


def _nhs_mixed(rng: random.Random) -> str:
    n = synth.nhs_number(rng)
    return rng.choice(
        (
            n,
            spaced_nhs(n),
            f"{n[:3]}-{n[3:6]}-{n[6:]}",
            f"{n[:3]}.{n[3:6]}.{n[6:]}",
            f" {n} ",
            f"{n[:3]} {n[3:6]}{n[6:]}",
        )
    )


def _ordinal(day: int) -> str:
    if 11 <= day <= 13:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def _dob_any(rng: random.Random) -> str:
    d = synth.birth_date(rng)
    return rng.choice(
        (
            d.isoformat(),
            d.strftime("%d/%m/%y"),
            f"{d.day}.{d.month}.{d.year}",
            d.strftime("%Y%m%d"),
            d.strftime("%d-%m-%Y"),
            d.strftime("%d/%m/%Y 00:00"),
            f"{d.year}/{d.month}/{d.day}",
        )
    )


def _dob_text(rng: random.Random) -> str:
    d = synth.birth_date(rng)
    month = d.strftime("%B")
    return rng.choice(
        (
            f"{_ordinal(d.day)} {month} {d.year}",
            d.strftime("%d-%b-%y"),
            f"{month} {d.day}, {d.year}",
            f"{d.day} {d.strftime('%b')} {d.year}",
            d.strftime("%A %d %B %Y"),
            d.strftime("%d %b %Y").upper(),
        )
    )


def _postcode_mixed(rng: random.Random) -> str:
    pc = synth.postcode(rng)
    compact = pc.replace(" ", "")
    return rng.choice(
        (
            pc.lower(),
            compact,
            pc.replace(" ", "  "),
            f"{compact[0]} {compact[1:]}",
            f" {pc.title()}",
            compact.lower(),
            pc,
        )
    )


def _phone_mixed(rng: random.Random) -> str:
    area, local = synth.landline(rng)
    split = (
        f"{local[:3]} {local[3:]}"
        if len(local) == 7
        else (f"{local[:4]} {local[4:]}" if len(local) == 8 else local)
    )
    return rng.choice(
        (
            f"+44 (0){area[1:]} {split}",
            f"({area}) {split}",
            f"+44 {area[1:]} {split}",
            f"{area}.{local}",
            f"0044 {area[1:]} {local}",
            f"{area}-{local}",
            f"{area} {split}",
        )
    )


def _mobile_any(rng: random.Random) -> str:
    m = synth.mobile(rng)
    return rng.choice(
        (
            f"+44{m[1:]}",
            f"{m[:5]}-{m[5:8]}-{m[8:]}",
            f"0044 {m[1:5]} {m[5:]}",
            f"{m[:5]} {m[5:]}",
            f"+44 (0) {m[1:5]} {m[5:]}",
            m,
            f"(07700) {m[5:]}",
        )
    )


def _chi_mixed(rng: random.Random) -> str:
    c = synth.chi_number(rng)
    return rng.choice(
        (c, f"{c[:6]} {c[6:]}", f"{c[:6]}-{c[6:]}", f"{c[:2]} {c[2:4]} {c[4:6]} {c[6:]}")
    )


def _ni_any(rng: random.Random) -> str:
    n = synth.ni_number(rng)
    return rng.choice(
        (
            n,
            spaced_ni(n),
            n.lower(),
            f"{n[:2]}-{n[2:4]}-{n[4:6]}-{n[6:8]}-{n[8]}",
            f"{n[:8]} {n[8]}",
            spaced_ni(n).lower(),
        )
    )


def _reg_mark(rng: random.Random) -> str:
    reg = synth.vehicle_registration(rng, prefix_style=rng.random() < 0.3)
    return rng.choice(
        (reg, reg.replace(" ", ""), reg.lower(), reg.replace(" ", "-"), reg.replace(" ", "  "))
    )


def _dl_mixed(rng: random.Random) -> str:
    dl = synth.driving_licence(rng)
    return rng.choice(
        (
            dl,
            f"{dl[:5]} {dl[5:11]} {dl[11:]}",
            dl.lower(),
            f"{dl[:5]}-{dl[5:11]}-{dl[11:13]}-{dl[13:]}",
            f"{dl[:5]} {dl[5:11]} {dl[11:13]} {dl[13:]}",
        )
    )


def _email_mixed(rng: random.Random) -> str:
    e = synth.email(rng)
    return rng.choice(
        (e, e.upper(), f"mailto:{e}", f"{person_name(rng)} <{e}>", f"<{e}>", f" {e};")
    )


def _hosp_mixed(rng: random.Random) -> str:
    h = synth.hospital_number(rng)
    return rng.choice(
        (h, f"MRN: {h}", f"{h[0]} {h[1:]}", f"RX1/{h}", f"{h[0]}-{h[1:4]}-{h[4:]}", h.lower())
    )


def _dose(rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.choice((250, 500, 1000))}mg",
            f"{rng.choice((0.5, 1, 2))} g",
            f"{rng.randint(1, 20)} mL",
            f"{rng.randint(1, 4)} puffs",
            "1 tab bd",
            f"{rng.randint(1, 10)}0 micrograms",
            f"{rng.randint(1, 40)} units",
        )
    )


def _arrival(rng: random.Random) -> str:
    h, m = rng.randint(0, 23), rng.randint(0, 59)
    return rng.choice(
        (
            f"{h:02d}:{m:02d}",
            f"{(h % 12) or 12}:{m:02d}{'am' if h < 12 else 'pm'}",
            f"{h:02d}{m:02d}",
            f"{h:02d}.{m:02d}",
            f"{h:02d}:{m:02d}:00",
        )
    )


F_COLUMNS: dict[str, Builder] = {
    "nhs_number_mixed": fill(_nhs_mixed, 0.05),
    "dob_any": fill(_dob_any),
    "dob_text": fill(_dob_text, 0.05),
    "postcode_mixed": fill(_postcode_mixed, 0.05),
    "phone_mixed": fill(_phone_mixed, 0.1),
    "mobile_any": fill(_mobile_any, 0.1),
    "chi_mixed": fill(_chi_mixed),
    "ni_any": fill(_ni_any, 0.1),
    "reg_mark": fill(_reg_mark),
    "dl_number": fill(_dl_mixed, 0.1),
    "email_mixed": fill(_email_mixed, 0.1),
    "hosp_id_mixed": fill(_hosp_mixed),
    "dose_mixed": fill(_dose),
    "arrival_time": fill(_arrival),
}


# ---- category g: look-alikes of kind None --------------------------------------------------


def _grid_ref(rng: random.Random) -> str:
    square = rng.choice(("SE", "SJ", "NT", "NS", "ST", "SS", "NZ", "TQ", "SH", "NH"))
    e, n = rng.randint(0, 99999), rng.randint(0, 99999)
    return rng.choice(
        (
            f"{square} {e:05d} {n:05d}",
            f"{square}{e:05d}{n:05d}",
            f"{square} {e // 10:04d} {n // 10:04d}",
            f"{square}{e // 100:03d}{n // 100:03d}",
        )
    )


def _eps_id(rng: random.Random) -> str:
    def hex_(k: int) -> str:
        return "".join(rng.choice("0123456789ABCDEF") for _ in range(k))

    return f"{hex_(6)}-{hex_(6)}-{hex_(5)}{rng.choice('0123456789ABCDEFGHJKLMNPQRSTUVWXYZ+')}"


def _callsign(rng: random.Random) -> str:
    return rng.choice(
        (
            f"YAS-{rng.randint(1000, 9999)}",
            f"HOTEL {rng.randint(1, 40)}",
            f"WAST {rng.randint(100, 999)}",
            f"SAS{rng.randint(1, 99):02d}",
            f"RRV {rng.randint(1, 20)}",
            f"NEAS{rng.randint(100, 999)}",
        )
    )


G_COLUMNS: dict[str, Builder] = {
    "snomed_code": fill(pick(pools.SNOMED_CODES)),
    "practice_ods": fill(
        lambda r: (
            r.choice("ABCDEFGHJKLMNPY") + f"{r.randint(80000, 89999)}"
            if r.random() < 0.7
            else f"W{r.randint(90000, 99999)}"
        )
    ),
    "bed_code": fill(lambda r: f"WD{r.randint(1, 40)}-B{r.randint(1, 30):02d}"),
    "rota_code": fill(
        lambda r: (
            f"{r.choice(('LD', 'E', 'N', 'L', 'SD'))}/{r.choice('NDEL')}/{r.randint(1, 31):02d}"
        )
    ),
    "ward_name": fill(pick(pools.PERSON_WARDS)),
    "clinic_name": fill(lambda r: f"{r.choice(pools.PLACES)} {r.choice(CLINICS)} Clinic"),
    "drug_name": fill(pick(pools.DRUGS)),
    "grid_ref": fill(_grid_ref),
    "vaccine_batch": fill(
        lambda r: r.choice(("FK", "EW", "PCA", "MD", "FL")) + f"{r.randint(1, 9999):04d}"
    ),
    "eps_prescription_id": fill(_eps_id),
    "callsign": fill(_callsign),
    "mha_section": fill(
        pick(("S2", "S3", "S136", "S135(1)", "S5(2)", "S5(4)", "CTO", "S37/41", "S17"))
    ),
    "court_case_no": fill(lambda r: f"T{r.randint(2015, 2025)}{r.randint(0, 9999):04d}"),
    "lsoa_code": fill(lambda r: r.choice(("E01", "W01", "E01")) + f"{r.randint(0, 35000):06d}"),
}
