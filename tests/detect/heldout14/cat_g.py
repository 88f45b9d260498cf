"""Category g: look-alikes that identify nobody (kind None)."""

import random

from . import pools as pl
from . import values as vl


def lens_model(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        power = rng.choice(
            [
                f"+{rng.randint(10, 28)}.{rng.choice(['0', '5'])}D",
                f"{rng.randint(10, 28)}.{rng.choice(['00', '50'])}",
            ]
        )
        return rng.choice([f"{rng.choice(pl.LENS_MODELS)} {power}", rng.choice(pl.LENS_MODELS)])

    return [vl.blank_or(rng, 0.1, one) for _ in range(rows)]


def drug_name(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.05, lambda: rng.choice(pl.DRUGS)) for _ in range(rows)]


def vaccine_batch(rng: random.Random, rows: int) -> list[str | None]:
    letters = "ABCEGHJKLMNPRSTWXYZ"

    def prefix() -> str:
        r = rng.random()
        if r < 0.4:
            return rng.choice(pl.NI_BAD_FIRST) + rng.choice(letters)
        if r < 0.7:
            return rng.choice(letters) + rng.choice(pl.NI_BAD_SECOND)
        return rng.choice(sorted(pl.NI_BAD_PAIRS))

    def one() -> str:
        return prefix() + "".join(str(rng.randrange(10)) for _ in range(6)) + rng.choice("ABCD")

    return [vl.blank_or(rng, 0.05, one) for _ in range(rows)]


def endoscope_serial(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        serial = str(rng.randint(2000000, 2999999))
        return rng.choice(
            [
                f"{rng.choice(pl.SCOPE_MODELS)} {serial}",
                f"{rng.choice(pl.SCOPE_MODELS)}/{serial}",
                serial,
            ]
        )

    return [one() for _ in range(rows)]


def clinic_location(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        p = rng.choice(pl.CLINIC_PLACES)
        return rng.choice([p, f"{p} Health Centre", f"{p} Clinic", p.upper(), f"{p} (satellite)"])

    return [one() for _ in range(rows)]


def organisation(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.15, lambda: rng.choice(pl.ORGANISATIONS)) for _ in range(rows)]


def snomed_concept(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        r = rng.random()
        if r < 0.4:
            return str(rng.randint(100000, 99999999))
        if r < 0.8:
            return (
                str(rng.randint(10**5, 10**7))
                + "1000000"
                + rng.choice(["108", "103", "104", "101"])
            )
        term = rng.choice(["Anorexia nervosa", "ADHD", "Sickle cell disease", "Cataract", "Carer"])
        return f"{rng.randint(10**9, 10**12)} |{term}|"

    return [one() for _ in range(rows)]


def sample_id(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        return rng.choice(
            [
                f"NBS-{rng.randint(2022, 2025)}-{rng.randint(0, 999999):06d}",
                f"NHSP{rng.randint(100000, 999999)}",
                f"BS/{rng.randint(10, 99)}/{rng.randint(1000, 9999)}",
            ]
        )

    return [one() for _ in range(rows)]


def dermatoscope_image(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        ymd = f"20{rng.randint(22, 25)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        hms = f"{rng.randint(8, 18):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
        return rng.choice(
            [
                f"IMG_{ymd}_{hms}.jpg",
                f"DSC{rng.randint(1000, 9999)}.JPG",
                f"derm_{ymd}_lesion{rng.randint(1, 4)}_dermo.png",
            ]
        )

    return [one() for _ in range(rows)]


def sickle_genotype(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.1, lambda: rng.choice(pl.GENOTYPES)) for _ in range(rows)]


def loc_bin(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.bad_postcode_like(rng) for _ in range(rows)]


def fleet_vehicle(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        n = rng.randint(1, 24)
        return rng.choice(
            [
                f"MOW-{n:02d}",
                f"MOW-{n:02d} {rng.choice(pl.VAN_MODELS)}",
                f"Van {n}",
                f"{rng.choice(pl.VAN_MODELS)} (hot box)",
            ]
        )

    return [one() for _ in range(rows)]


def staff_grade(rng: random.Random, rows: int) -> list[str | None]:
    return [rng.choice(pl.GRADES) for _ in range(rows)]


def activity_name(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.1, lambda: rng.choice(pl.ACTIVITIES)) for _ in range(rows)]


GENERATORS = {
    "lens_model": lens_model,
    "drug_name": drug_name,
    "vaccine_batch": vaccine_batch,
    "endoscope_serial": endoscope_serial,
    "clinic_location": clinic_location,
    "organisation": organisation,
    "snomed_concept": snomed_concept,
    "sample_id": sample_id,
    "dermatoscope_image_ref": dermatoscope_image,
    "sickle_genotype": sickle_genotype,
    "loc_bin": loc_bin,
    "fleet_vehicle": fleet_vehicle,
    "staff_grade": staff_grade,
    "activity_name": activity_name,
}
