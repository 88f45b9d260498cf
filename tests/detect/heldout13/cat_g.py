"""Category g: look-alikes that identify nobody (kind None)."""

from . import pools


def _col(rng, rows, p_blank, make):
    return [None if rng.random() < p_blank else make() for _ in range(rows)]


def _pick(rng, rows, p_blank, items):
    return _col(rng, rows, p_blank, lambda: rng.choice(items))


def orthotics_product(rng, rows):
    items = [
        "Aircast AirSelect Elite",
        "Ossur Rebound DVT",
        "Malleo Neurolux",
        "Richie Brace",
        "Dorset Orthopaedic AFO",
        "Jack Walker heel cup",
        "Sidas Winter Insole",
        "Peter Bone splint",
        "Oppo Wrist Brace 4083",
        "Darco MedSurg shoe",
        "Hallufix",
        "Boston Overlap brace",
        "Hanger SureStep",
        "Cosyfeet Maria",
        "Sammons Preston resting splint",
    ]
    return _pick(rng, rows, 0.05, items)


def lymph_garment_code(rng, rows):
    def make():
        return "-".join(
            [
                rng.choice(["JS", "MED", "HAD", "SIG", "ACT"]),
                rng.choice(["CL1", "CL2", "CL3", "RAL2"]),
                rng.choice(["S", "M", "L", "XL", "2", "3", "4"]),
                rng.choice(["BEIGE", "BLK", "SAND", "CARAMEL"]),
            ]
        )

    return _col(rng, rows, 0.05, make)


def memory_drug(rng, rows):
    items = [
        "Donepezil 5mg",
        "Donepezil 10mg",
        "Rivastigmine 4.6mg/24h patch",
        "Galantamine XL 16mg",
        "Memantine 20mg",
        "Sertraline 50mg",
        "Mirtazapine 15mg",
        "Melatonin 2mg MR",
        "Quetiapine 25mg",
        "Co-codamol 30/500",
        "Adcal-D3",
        "Lansoprazole 15mg",
    ]
    return _pick(rng, rows, 0.1, items)


def port_vessel_name(rng, rows):
    items = [
        "MV Ellen Marsh",
        "Grace Morgan",
        "Stena Hollandica",
        "Isle of Mull",
        "Lord of the Isles",
        "Catherine Brunel",
        "Hebridean Princess",
        "Anna Kristina",
        "MV Lady Margaret",
        "Sir David Attenborough",
        "Maersk Kendal",
        "Arklow Rose",
        "Ben my Chree",
        "Seren Glas",
        "Eilean Dhiura",
        "Helen Louise",
        "Thomas Crosbie",
    ]
    return _pick(rng, rows, 0.03, items)


def carehome_name(rng, rows):
    return _pick(rng, rows, 0.03, pools.CARE_HOMES)


def school_name(rng, rows):
    return _pick(rng, rows, 0.02, pools.SCHOOLS)


def street_name(rng, rows):
    extra = [
        "Nelson Street",
        "Gladstone Terrace",
        "Florence Road",
        "Edith Avenue",
        "Albert Road",
        "Heol Dewi Sant",
        "Brunel Way",
        "Mandela Close",
        "Churchill Drive",
        "Peel Street",
    ]
    return _pick(rng, rows, 0.05, pools.STREETS + extra)


def telecare_serial(rng, rows):
    def make():
        h = f"{rng.getrandbits(32):08X}"
        return rng.choice(
            [
                f"LV+ {h[:4]}-{h[4:]}",
                f"TUN{h}",
                f"SN:{rng.randint(10000000, 99999999)}",
                f"CHP-{h[:6]}",
            ]
        )

    return _col(rng, rows, 0.05, make)


def gp_practice_code(rng, rows):
    def make():
        return f"{rng.choice('ABCDEFGHJKLMNPY')}{rng.randint(80000, 89999)}"

    return _col(rng, rows, 0.02, make)


def vaccine_batch_no(rng, rows):
    def make():
        return rng.choice(
            [
                f"{rng.choice(['FH', 'EW', 'FK', 'GH', 'HA'])}{rng.randint(1000, 9999)}",
                f"U{rng.randint(10000, 99999)}{rng.choice('ABCD')}",
                f"{rng.choice(['X', 'S'])}{rng.randint(100, 999)}{rng.choice(['AB', 'CD', 'EF'])}",
            ]
        )

    return _col(rng, rows, 0.04, make)


def dfg_contractor(rng, rows):
    items = [
        "A. Okafor & Daughters Ltd",
        "Patel Bros Building Services",
        "J Morgan Plumbing",
        "Wainwright & Sons (Joinery)",
        "Gwilym Jones Adaptations Cyf",
        "McAllister Electrical",
        "Stannah Stairlifts",
        "Handicare",
        "Acorn Stairlifts",
        "Dewsbury Access Solutions",
        "R. Dhillon Roofing",
        "Nowak Construction Sp. z o.o. UK",
        "Mensah Property Care",
    ]
    return _pick(rng, rows, 0.1, items)


def funeral_director_firm(rng, rows):
    items = [
        "Co-op Funeralcare",
        "A.W. Lymn",
        "J.H. Kenyon",
        "William Purves",
        "Dignity - H. Ackroyd",
        "Tyrrell & Jones Funeral Directors",
        "Gwynfor Evans a'i Fab",
        "Haddad Muslim Funerals",
        "Sandhu Family Funeral Services",
        "F. A. Albin & Sons",
        "Leverton & Sons",
    ]
    return _pick(rng, rows, 0.05, items)


def gene_variant(rng, rows):
    def make():
        gene = rng.choice(
            ["BRCA1", "BRCA2", "PALB2", "MLH1", "MSH2", "CFTR", "HTT", "FMR1", "APOE", "TP53"]
        )
        change = rng.choice(
            [
                f"c.{rng.randint(100, 9000)}del{rng.choice('ACGT')}",
                f"c.{rng.randint(100, 9000)}{rng.choice('ACGT')}>{rng.choice('ACGT')}",
                f"p.(Arg{rng.randint(10, 999)}Ter)",
                "e4/e4",
                f"{rng.randint(36, 60)} CAG repeats",
            ]
        )
        return f"{gene} {change}"

    return _col(rng, rows, 0.3, make)


def eponymous_condition(rng, rows):
    items = [
        "Parkinson's disease",
        "Alzheimer's disease",
        "Crohn's disease",
        "Addison's disease",
        "Down syndrome",
        "Huntington's disease",
        "Bell's palsy",
        "Raynaud's",
        "Hodgkin lymphoma",
        "Guillain-Barré syndrome",
        "Lewy body dementia",
        "Charcot foot",
        "Dupuytren's contracture",
        "Asperger's",
        "Ménière's disease",
        "Sjögren's syndrome",
        "Graves' disease",
    ]
    return _pick(rng, rows, 0.1, items)
