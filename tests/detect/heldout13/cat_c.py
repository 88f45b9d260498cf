"""Category c: annotated name columns with many blanks."""

from . import pools
from . import values as v


def _annotated(rng, rows, p_blank, make):
    return [None if rng.random() < p_blank else make() for _ in range(rows)]


def _rel(rng):
    return rng.choice(pools.RELATIONSHIPS)


def _title(rng):
    return rng.choice(pools.TITLES)


def adoption_birth_parent(rng, rows):
    def make():
        n = v.full_name(rng)
        return rng.choice(
            [
                f"{n} (birth mother)",
                f"{n} (birth father)",
                f"{n} (BM) - whereabouts unknown",
                f"{n} (birth father - not named on cert)",
                f"{n.upper()} (birth mother)",
            ]
        )

    return _annotated(rng, rows, 0.7, make)


def private_fostering_carer(rng, rows):
    def make():
        n = v.full_name(rng)
        return rng.choice(
            [
                f"{n} ({_rel(rng)})",
                f"{n} (family friend - not verified)",
                f"{_title(rng)} {n} - {_rel(rng)}",
                f"{n} ({_rel(rng)}), DBS pending",
            ]
        )

    return _annotated(rng, rows, 0.65, make)


def carehome_nok(rng, rows):
    def make():
        n = v.full_name(rng)
        return rng.choice(
            [
                f"NOK: {n} ({_rel(rng)})",
                f"NOK - {_title(rng)} {n}",
                f"nok {n} / {_rel(rng)}",
                f"{n} ({_rel(rng)}) - holds LPA",
                f"NOK: {n} ({_rel(rng)}) no contact",
            ]
        )

    return _annotated(rng, rows, 0.55, make)


def palliative_main_carer(rng, rows):
    def make():
        n = v.full_name(rng)
        return rng.choice(
            [
                f"{_rel(rng)} - {n}",
                f"{_rel(rng).capitalize()}: {n}",
                f"{n} ({_rel(rng)})",
                f"{_rel(rng)} - {n} (lives with pt)",
            ]
        )

    return _annotated(rng, rows, 0.6, make)


def d2a_contact_forename(rng, rows):
    def make():
        f = v.forename(rng)
        return rng.choice([f"{f} ({_rel(rng)})", f"{f} - {_rel(rng)}", f"{f}?", f"{f} (NOK)"])

    return _annotated(rng, rows, 0.75, make)


def memory_clinic_informant(rng, rows):
    def make():
        f, s = v.forename(rng), v.surname(rng)
        return rng.choice(
            [
                f"{_title(rng)} {f[0]} {s} ({_rel(rng)}) - tel pref",
                f"{f} {s} ({_rel(rng)}, attends all appts)",
                f"{_title(rng)} {s} ({_rel(rng)})",
                f"{f} {s} - {_rel(rng)} - hard of hearing",
            ]
        )

    return _annotated(rng, rows, 0.6, make)


def student_health_emerg_contact(rng, rows):
    def make():
        n = v.full_name(rng)
        return rng.choice(
            [
                f"{n} ({_rel(rng)})",
                f"{n} ({_rel(rng)}) - overseas",
                f"{n} [{_rel(rng)}]",
                f"{n}, {_rel(rng)}",
            ]
        )

    return _annotated(rng, rows, 0.7, make)


def sds_suitable_person(rng, rows):
    def make():
        n = v.full_name(rng)
        return rng.choice(
            [
                f"Appointed: {n} ({_rel(rng)})",
                f"{n} (welfare guardian)",
                f"{n} - POA continuing & welfare",
                f"{n} (suitable person, Option 1)",
            ]
        )

    return _annotated(rng, rows, 0.8, make)


def exclusions_parent_carer(rng, rows):
    def make():
        a, b = v.full_name(rng), v.full_name(rng)
        return rng.choice(
            [
                f"Mum - {a} / Dad - {b}",
                f"Mum - {a} / Dad - ?",
                f"{a} (mother)",
                f"{a} (carer, kinship)",
                f"Dad: {b}; Mum: not involved",
            ]
        )

    return _annotated(rng, rows, 0.6, make)


def pph_informant_surname(rng, rows):
    def make():
        s = v.surname(rng).upper()
        return rng.choice([f"{s} ({_rel(rng)})", f"{s} (neighbour)", f"{s} - landlord", f"{s}"])

    return _annotated(rng, rows, 0.85, make)


def tenancy_joint_tenant(rng, rows):
    def make():
        n = v.full_name(rng)
        return rng.choice(
            [
                f"{n} (deceased)",
                f"{n} - moved out 2023",
                f"{n} (succession claim)",
                f"{n}",
                f"{n} ({_rel(rng)})",
            ]
        )

    return _annotated(rng, rows, 0.75, make)


def fertility_partner_forename(rng, rows):
    def make():
        f = v.forename(rng)
        return rng.choice([f"{f} (partner)", f"{f} - same-sex partner", f"{f} (donor sperm)", f])

    return _annotated(rng, rows, 0.55, make)


def genetics_relative_name(rng, rows):
    def make():
        n = v.full_name(rng)
        lab = rng.choice(
            [
                "Maternal aunt",
                "Paternal uncle",
                "Sister",
                "Brother",
                "Maternal grandmother",
                "Cousin (mat)",
                "Half-sister (pat)",
            ]
        )
        return rng.choice([f"{lab}: {n}", f"{n} ({lab.lower()})", f"{lab} - {n} (deceased)"])

    return _annotated(rng, rows, 0.65, make)


def allocated_worker_name(rng, rows):
    roles = [
        "Duty team (unallocated)",
        "Unallocated - awaiting SW",
        "Duty SW (out of hours)",
        "Team manager to allocate",
        "Reablement team",
        "OT (waiting list)",
        "Hospital SW team",
        "Emergency Duty Team",
        "Senior practitioner - TBC",
        "Locum (agency)",
        "Student SW (supervised)",
        "Review team",
    ]
    return _annotated(rng, rows, 0.6, lambda: rng.choice(roles))
