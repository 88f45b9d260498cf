"""Categories c (annotated names, many blanks), h (hard names) and s (staff)."""

from . import pools
from . import values as v


def _fn(rng):
    return rng.choice(pools.FORENAMES)


def _sn(rng):
    return rng.choice(pools.SURNAMES)


def _col(fn, blank_p):
    def make(rng, rows):
        return [None if rng.random() < blank_p else fn(rng) for _ in range(rows)]

    return make


# ---- c -------------------------------------------------------------------------------


def next_of_kin(rng):
    name = v.full_name(rng, 0.15)
    rel = rng.choice(pools.RELATIONSHIPS)
    return v.stray_space(
        rng,
        rng.choice(
            [
                f"{name} ({rel})",
                f"{name} - {rel}",
                f"{name} ({rel.upper()})",
                f"{name} ({rel}, lives abroad)",
            ]
        ),
    )


def deputy_name(rng):
    name = rng.choice(
        [v.full_name(rng, 0.6), f"{rng.choice(['Mr', 'Mrs', 'Ms'])} {_fn(rng)[0]}. {_sn(rng)}"]
    )
    note = rng.choice(
        [
            "(prof. deputy, see file)",
            "(lay deputy)",
            "- panel deputy",
            "(joint & several)",
            "[bond £26k]",
            "(deputy from 2021)",
            "",
        ]
    )
    return f"{name} {note}".strip()


def attorney(rng):
    note = rng.choice(
        [
            "attorney (H&W only)",
            "attorney (P&FA)",
            "joint attorney",
            "attorney - LPA not yet registered",
            "attorney (EPA, registered)",
        ]
    )
    return rng.choice([f"{v.full_name(rng)} - {note}", f"{v.full_name(rng)} ({note})"])


def attorney_replacement(rng):
    return rng.choice(
        [
            f"{v.full_name(rng)} (replacement)",
            f"Repl: {v.full_name(rng, 0.3)}",
            f"{v.full_name(rng)} (replacement - not acting)",
        ]
    )


def appointee(rng):
    return (
        f"{v.full_name(rng, 0.5)} [DWP appointee since {rng.randint(2009, 2024)}]"
        if rng.random() < 0.6
        else f"{v.full_name(rng, 0.5)} [appointee]"
    )


def topup_payer(rng):
    rel = rng.choice(pools.RELATIONSHIPS).capitalize()
    return rng.choice(
        [
            f"{rel}: {v.full_name(rng)}",
            f"{rel} - {v.full_name(rng)}",
            f"{v.full_name(rng)} ({rel.lower()}, pays monthly)",
        ]
    )


def executor(rng):
    role = rng.choice(
        [
            "executor",
            "executrix",
            "co-executor",
            "executor (renounced)",
            "executor - grant obtained",
        ]
    )
    return rng.choice([f"{v.full_name(rng)} ({role})", f"{v.full_name(rng, 0.5)}, {role}"])


def funeral_contact(rng):
    title = rng.choice(["Bro.", "Sister", "Rev.", "Imam", "Fr.", "Pastor", "Canon", "Giani"])
    org = rng.choice(
        [
            "(church)",
            "(mosque committee)",
            "(gurdwara)",
            "- parish",
            "(Kingdom Hall)",
            "(chapel)",
            "(burial society)",
        ]
    )
    return f"{title} {v.full_name(rng)} {org}"


def somali_relative(rng):
    so, en = rng.choice(pools.SOMALI_REL)
    name = f"{rng.choice(pools.SOMALI_FIRST)} {rng.choice(pools.SOMALI_FATHER)}"
    return rng.choice([f"{name} ({so}/{en})", f"{name} ({so})", f"{name} - {en}"])


def urdu_relative(rng):
    ur, en = rng.choice(pools.URDU_REL)
    name = f"{rng.choice(pools.URDU_FIRST)} {rng.choice(pools.URDU_LAST)}"
    return rng.choice([f"{name} ({ur})", f"{name} ({ur} / {en})", f"{name} - {ur}"])


def romanian_surname(rng):
    s = rng.choice(pools.ROMANIAN_LAST)
    rel = rng.choice(pools.ROMANIAN_REL)
    return rng.choice(
        [f"{s.upper()} ({rel})", f"{s} ({rel})", f"{s.upper()} - {rel}, vorbește engleză"]
    )


def romanian_forename(rng):
    f = rng.choice(pools.ROMANIAN_FIRST)
    rel = rng.choice(pools.ROMANIAN_REL)
    return rng.choice(
        [f"{f} ({rel})", f"{f} ({rel} / {rng.choice(pools.RELATIONSHIPS)})", f"{f} - {rel}"]
    )


def nearest_relative_first(rng):
    f = _fn(rng)
    note = rng.choice(
        [
            "(nephew) - prefers text",
            "(sister, NR)",
            "- displaced as NR",
            "(daughter) pls email",
            "(son) lives in Spain",
            "(wife)",
        ]
    )
    return f"{f} {note}"


def nok_relationship(rng):
    rel = rng.choice(pools.RELATIONSHIPS).capitalize()
    auth = rng.choice(
        [
            "(POA)",
            "(appointee)",
            "- no POA",
            "(deputy)",
            "(LPA H&W)",
            "",
            "- estranged",
            "(NR)",
            "(executor)",
            "(unknown)",
        ]
    )
    return f"{rel} {auth}".strip()


C_GENERATORS = {
    "next_of_kin": _col(next_of_kin, 0.55),
    "deputy_name": _col(deputy_name, 0.8),
    "attorney_1": _col(attorney, 0.7),
    "attorney_replacement": _col(attorney_replacement, 0.86),
    "dwp_appointee": _col(appointee, 0.75),
    "topup_payer": _col(topup_payer, 0.65),
    "executor_1": _col(executor, 0.82),
    "funeral_contact": _col(funeral_contact, 0.78),
    "magaca_qaraabada": _col(somali_relative, 0.7),
    "rishtedar_ka_naam": _col(urdu_relative, 0.68),
    "nume_apartinator": _col(romanian_surname, 0.72),
    "prenume_contact": _col(romanian_forename, 0.74),
    "nearest_relative_first": _col(nearest_relative_first, 0.6),
    "nok_relationship": _col(nok_relationship, 0.6),
}

# ---- h -------------------------------------------------------------------------------


def word_forename(rng):
    return v.messy_case(rng, rng.choice(pools.WORD_FORENAMES))


def word_surname(rng):
    return v.messy_case(rng, rng.choice(pools.WORD_SURNAMES))


def mononym_mix(rng):
    if rng.random() < 0.45:
        return rng.choice(pools.MONONYMS)
    return rng.choice([f"{rng.choice(pools.WORD_FORENAMES)} {_sn(rng)}", v.full_name(rng)])


def urdu_full(rng):
    parts = [rng.choice(pools.URDU_FIRST)]
    if rng.random() < 0.7:
        parts.append(rng.choice(pools.URDU_MID))
    if rng.random() < 0.5:
        parts.append(rng.choice(pools.URDU_MID))
    parts.append(rng.choice(pools.URDU_LAST))
    return " ".join(dict.fromkeys(parts))


def bengali_full(rng):
    pre = rng.choice(pools.BENGALI_PREFIX)
    name = f"{rng.choice(pools.BENGALI_FIRST)} {rng.choice(pools.BENGALI_LAST)}"
    return f"{pre} {name}".strip()


def somali_full(rng):
    return (
        f"{rng.choice(pools.SOMALI_FIRST)} {rng.choice(pools.SOMALI_FATHER)} "
        f"{rng.choice(pools.SOMALI_FATHER)}"
    )


def romanian_full(rng):
    f = rng.choice(pools.ROMANIAN_FIRST)
    if rng.random() < 0.3:
        f = f"{f}-{rng.choice(pools.ROMANIAN_FIRST)}"
    name = rng.choice(
        [f"{f} {rng.choice(pools.ROMANIAN_LAST)}", f"{rng.choice(pools.ROMANIAN_LAST).upper()} {f}"]
    )
    return name


def irish_full(rng):
    if rng.random() < 0.5:
        f = rng.choice(pools.IRISH_MALE)
        s = rng.choice(
            [
                f"Ó {rng.choice(pools.IRISH_SURNAME_ROOT)}",
                f"Mac {rng.choice(pools.IRISH_MAC_ROOT)}",
                f"Ó{rng.choice(pools.IRISH_SURNAME_ROOT)}",
            ]
        )
    else:
        f = rng.choice(pools.IRISH_FEMALE)
        s = rng.choice(
            [
                f"Ní {rng.choice(pools.IRISH_SURNAME_ROOT)}",
                f"Nic {rng.choice(pools.IRISH_MAC_ROOT)}",
            ]
        )
    return f"{f} {s}"


def caps_particles(rng):
    f = rng.choice(pools.FORENAMES).upper()
    s = rng.choice(pools.PARTICLE_SURNAMES).upper()
    return rng.choice([f"{s}, {f}", f"{f} {s}", f"{s} {f}"])


def initials(rng):
    i1, i2 = rng.choice(v.UPPER), rng.choice(v.UPPER)
    s = rng.choice(pools.SURNAMES + pools.HYPHEN_SURNAMES)
    return rng.choice(
        [f"{i1}.{i2}. {s}", f"{i1} {i2} {s}", f"{i1}. {s}", f"{s} {i1}{i2}", f"{i1}{i2} {s}"]
    )


def hyphen_surname(rng):
    return v.messy_case(rng, rng.choice(pools.HYPHEN_SURNAMES + pools.PARTICLE_SURNAMES))


def surname_first(rng):
    fam, given = rng.choice(pools.SURNAME_FIRST)
    return rng.choice([f"{fam} {given}", f"{fam}, {given.upper()}", f"{fam} {given.upper()}"])


def african_full(rng):
    return f"{rng.choice(pools.AFRICAN_FIRST)} {rng.choice(pools.AFRICAN_LAST)}"


def short_full(rng):
    parts = rng.sample(pools.SHORT_PARTS, 2)
    if rng.random() < 0.3:
        return f"{parts[0]} {rng.choice(pools.SURNAMES)}"
    if rng.random() < 0.3:
        return f"{rng.choice(pools.FORENAMES)} {parts[1]}"
    return " ".join(parts)


H_GENERATORS = {
    "forename": _col(word_forename, 0.03),
    "surname": _col(word_surname, 0.03),
    "name_on_benefit_record": _col(mononym_mix, 0.05),
    "naam_poora": _col(urdu_full, 0.04),
    "purno_nam": _col(bengali_full, 0.04),
    "magaca_buuxa": _col(somali_full, 0.04),
    "nume_complet": _col(romanian_full, 0.04),
    "ainm_iomlán": _col(irish_full, 0.04),
    "DECEASED_NAME": _col(caps_particles, 0.02),
    "signatory": _col(initials, 0.1),
    "maiden_name": _col(hyphen_surname, 0.3),
    "name_as_on_passport": _col(surname_first, 0.05),
    "beneficiary": _col(african_full, 0.1),
    "donor_name": _col(short_full, 0.03),
}

# ---- s -------------------------------------------------------------------------------


def allocated_worker(rng):
    return f"{v.full_name(rng)} ({rng.choice(pools.STAFF_ROLES)})"


def assessing_officer(rng):
    return rng.choice(
        [
            f"{_fn(rng)[0]}. {_sn(rng)}, Financial Assessment Officer",
            f"{_fn(rng)[0]}. {_sn(rng)} (FAO)",
            f"{_sn(rng)}, {_fn(rng)[0]}. - Senior FAO",
        ]
    )


def capacity_assessor(rng):
    return rng.choice(
        [
            f"Dr {v.full_name(rng)} {rng.choice(pools.POSTNOMINALS)}",
            f"Dr. {_fn(rng)[0]}. {_sn(rng)}, {rng.choice(pools.POSTNOMINALS)}",
            f"{v.full_name(rng)} {rng.choice(pools.POSTNOMINALS)} (AMHP)",
        ]
    )


def caseworker_first(rng):
    return v.stray_space(rng, _fn(rng))


def opg_visitor(rng):
    return rng.choice(
        [
            f"{rng.choice(['Mrs', 'Mr', 'Ms'])} {_fn(rng)[0]}. {rng.choice(pools.HYPHEN_SURNAMES)}",
            f"{rng.choice(pools.TITLES)} {v.full_name(rng)}",
            f"{v.full_name(rng)} (Court of Protection Visitor)",
        ]
    )


def panel_surname(rng):
    return v.messy_case(rng, _sn(rng))


S_GENERATORS = {
    "allocated_worker": _col(allocated_worker, 0.05),
    "assessing_officer": _col(assessing_officer, 0.08),
    "capacity_assessor": _col(capacity_assessor, 0.4),
    "caseworker_first": _col(caseworker_first, 0.05),
    "opg_visitor": _col(opg_visitor, 0.45),
    "panel_member_surname": _col(panel_surname, 0.35),
}
