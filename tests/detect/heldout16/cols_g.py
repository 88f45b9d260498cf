"""Category g: look-alikes that identify nobody."""

from . import values as v


def _pick(rng, rows, items, blank=0.05, upper=0.1):
    out = []
    for _ in range(rows):
        if rng.random() < blank:
            out.append(None)
            continue
        x = rng.choice(items)
        out.append(x.upper() if rng.random() < upper else x)
    return out


INHALERS = [
    "Easyhaler Salbutamol",
    "Spiriva Respimat",
    "Trelegy Ellipta",
    "Fostair NEXThaler",
    "Symbicort Turbohaler",
    "Relvar Ellipta",
    "Seretide Accuhaler",
    "Salamol Easi-Breathe",
    "Clenil Modulite",
    "Qvar Autohaler",
    "Flutiform",
    "Anoro Ellipta",
    "Trimbow",
]

CPAP = [
    "ResMed AirSense 10 AutoSet",
    "ResMed AirFit F20",
    "Philips DreamStation 2",
    "Fisher & Paykel Evora",
    "Fisher & Paykel Vitera",
    "Löwenstein prisma SMART",
    "Philips Amara View",
    "ResMed AirFit N30i",
    "Breas Z2",
    "BMC Luna G3",
]

FACTOR = [
    "Advate",
    "Elocta",
    "Hemlibra",
    "Refixia",
    "Alprolix",
    "NovoEight",
    "Esperoct",
    "Kovaltry",
    "Jivi",
    "Idelvion",
    "BeneFIX",
    "Altuvoct",
    "Voncento",
    "Wilate",
]


def inhaler_device(rng, rows):
    return _pick(rng, rows, INHALERS)


def cpap_mask_model(rng, rows):
    return _pick(rng, rows, CPAP)


def factor_product(rng, rows):
    out = _pick(rng, rows, FACTOR, upper=0.0)
    return [
        x if x is None else f"{x} {rng.choice(['250', '500', '1000', '2000', '3000'])} IU"
        for x in out
    ]


def trial_id(rng, rows):
    out = []
    for _ in range(rows):
        r = rng.random()
        if r < 0.3:
            out.append(f"ISRCTN{rng.randint(10000000, 99999999)}")
        elif r < 0.6:
            out.append(f"NCT0{rng.randint(1000000, 6999999)}")
        elif r < 0.8:
            year, serial, chk = rng.randint(2010, 2023), rng.randint(0, 999999), rng.randint(10, 99)
            out.append(f"EudraCT {year}-{serial:06d}-{chk}")
        elif r < 0.95:
            out.append(f"IRAS {rng.randint(200000, 340000)}")
        else:
            out.append(None)
    return out


CDC_SITES = [
    "Barnsley Glassworks CDC",
    "Queen Mary's Roehampton CDC",
    "Montagu Hospital",
    "Florence Nightingale CDC",
    "Aneurin Bevan Diagnostic Hub",
    "Mary Seacole House",
    "St George's Tooting",
    "Withington Community Hospital",
    "Sir Robert Ogden Centre",
    "Elizabeth Garrett Anderson Wing",
    "King George Hospital",
    "Prince Charles Hospital",
    "Alexandra Hospital Redditch",
    "Wythenshawe Forum CDC",
]


def cdc_site(rng, rows):
    return _pick(rng, rows, CDC_SITES)


def gp_practice_code(rng, rows):
    out = []
    for _ in range(rows):
        r = rng.random()
        letter = rng.choice("ABCDEFGHJKLMNPWY")
        if r < 0.6:
            out.append(f"{letter}{rng.randint(81000, 89999)}")
        elif r < 0.85:
            mid = rng.choice("ACDEGHJLMNPQRTVWX") + rng.choice("ABCDEFGHJKL")
            out.append(f"F{mid}{rng.randint(10, 99)}")
        elif r < 0.97:
            out.append(f"W{rng.randint(91000, 99999)}")
        else:
            out.append(None)
    return out


SNOMED = [
    "22298006",
    "195967001",
    "73211009",
    "44054006",
    "230690007",
    "84114007",
    "13645005",
    "267036007",
    "38341003",
    "35489007",
    "271737000",
    "161891005",
]


def snomed_code(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.5:
            out.append(rng.choice(SNOMED))
        else:
            out.append(v.mod11_failing(rng, rng.choice(["1", "2", "3", "4"])))
    return out


BARIATRIC = [
    "Roux-en-Y gastric bypass",
    "Laparoscopic sleeve gastrectomy",
    "One anastomosis gastric bypass",
    "Nissen fundoplication",
    "Gastric band removal",
    "Duodenal switch (Scopinaro)",
    "Whipple's procedure",
    "Hartmann's reversal",
    "Billroth II",
    "Toupet fundoplication",
]


def bariatric_procedure(rng, rows):
    return _pick(rng, rows, BARIATRIC, blank=0.2)


def nhs_app_session_id(rng, rows):
    out = []
    for _ in range(rows):
        h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
        if rng.random() < 0.6:
            out.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}")
        else:
            out.append(h[:24].upper())
    return out


PHARMACIES = [
    "Boots, High Street",
    "Day Lewis Pharmacy",
    "Rowlands Pharmacy",
    "Well Pharmacy",
    "Jhoots Pharmacy",
    "Cohens Chemist",
    "Lloyds Pharmacy (in Sainsbury's)",
    "Superdrug Pharmacy",
    "Paydens",
    "Jardines Pharmacy",
    "Knights Pharmacy",
    "Hollowood Chemists",
    "Bestway Pharmacy",
    "Asda Pharmacy",
    "Murrays Healthcare",
]


def pharmacy_name(rng, rows):
    return _pick(rng, rows, PHARMACIES)


GENOTYPES = [
    "F508del/F508del",
    "F508del/G551D",
    "F508del/R117H",
    "G542X/F508del",
    "N1303K/F508del",
    "F508del/unknown",
    "621+1G>T/F508del",
    "R553X/G551D",
    "1717-1G>A/F508del",
    "F508del/-",
]


def cf_genotype(rng, rows):
    return _pick(rng, rows, GENOTYPES, blank=0.1, upper=0.0)


DRUGS = [
    ("Lamotrigine", [50, 100, 200]),
    ("Levetiracetam", [250, 500, 1000]),
    ("Sodium valproate", [200, 500]),
    ("Carbamazepine", [200, 400]),
    ("Lacosamide", [50, 100]),
    ("Zonisamide", [25, 100]),
    ("Clobazam", [10]),
    ("Brivaracetam", [50, 100]),
    ("Perampanel", [4, 8]),
    ("Topiramate", [25, 50]),
]


def epilepsy_drug_regimen(rng, rows):
    out = []
    for _ in range(rows):
        parts = []
        for name, doses in rng.sample(DRUGS, rng.randint(1, 3)):
            parts.append(f"{name} {rng.choice(doses)}mg {rng.choice(['BD', 'OD', 'nocte', 'TDS'])}")
        out.append(rng.choice(["; ", " + ", "\n"]).join(parts))
    return out


TOWN_SURNAMES = [
    "Preston",
    "Lincoln",
    "Chester",
    "Bradford",
    "Kendal",
    "Sutton",
    "Morley",
    "Buxton",
    "Darlington",
    "Hastings",
    "Burton",
    "Clifton",
    "Ashton-under-Lyne",
    "Wigan",
    "Penrith",
    "Kirkby",
    "Whitby",
    "Bolton",
    "Beverley",
    "Stafford",
    "Marlow",
    "Crawley",
]


def sleep_study_location(rng, rows):
    out = _pick(rng, rows, TOWN_SURNAMES, blank=0.05, upper=0.2)
    return [x if x is None or rng.random() < 0.7 else f"{x} (home study)" for x in out]


def dicom_study_uid(rng, rows):
    out = []
    for _ in range(rows):
        tail = ".".join(str(rng.randint(1, 99999)) for _ in range(rng.randint(3, 5)))
        out.append(f"1.2.826.0.1.{rng.randint(3000000, 3999999)}.{tail}")
    return out
