"""Category g: look-alikes that identify nobody."""

from . import pools as pl
from . import values as vl


def _fill(rng, rows, make, blank=0.04):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def lot_number(rng, rows):
    def make(r):
        letters = r.choice(["KX", "LT", "BN", "HR", "QP", "ZL", "MX"])
        s = f"{letters}{r.randint(1, 99)} {vl.inward(r)}"
        return s if r.random() < 0.7 else s.replace(" ", "")

    return _fill(rng, rows, make)


def trolley_id(rng, rows):
    def make(r):
        tail = "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
        return f"{r.choice(['TR', 'WH', 'BD', 'RT', 'HS'])}{r.randint(10, 29)} {tail}"

    return _fill(rng, rows, make)


BRANDS = [
    "Yasmin",
    "Lucette",
    "Evra",
    "Zoely",
    "Millinette",
    "Katya",
    "Gedarel",
    "Maexeni",
    "Cilique",
    "Rigevidon",
    "Femodette",
    "Marvelon",
    "Cerazette",
    "Elleste Solo",
    "Kliovance",
    "Cerelle",
    "Sayana Press",
    "Nexplanon",
    "Levest",
    "Ovranette",
    "Elvanse",
    "Eliquis",
    "Clexane",
]


def drug_brand(rng, rows):
    return _fill(
        rng,
        rows,
        lambda r: r.choice(BRANDS) + r.choice(["", "", " 28", " 30 mcg", " tablets", " x3 packs"]),
    )


PORTS = [
    "Douglas",
    "Ramsey",
    "Heysham",
    "Liverpool",
    "St Peter Port",
    "St Helier",
    "Poole",
    "Portsmouth",
    "Ullapool",
    "Stornoway",
    "Oban",
    "Castlebay",
    "Lochboisdale",
    "Kirkwall",
    "Aberdeen",
    "Holyhead",
    "Fishguard",
    "Pembroke Dock",
    "Ronaldsway",
    "Guernsey Airport",
    "Funchal",
    "Lerwick",
    "Mallaig",
]


def port_of_embarkation(rng, rows):
    return _fill(
        rng, rows, lambda r: r.choice(PORTS) if r.random() < 0.8 else r.choice(PORTS).upper()
    )


ORGS = [
    "Betsi Cadwaladr University Health Board",
    "Aneurin Bevan University Health Board",
    "Hywel Dda UHB",
    "Marie Curie",
    "Sue Ryder",
    "Macmillan Cancer Support",
    "Maggie's Highlands",
    "Leonard Cheshire",
    "Barnardo's Cymru",
    "Tŷ Hafan",
    "Noble's Hospital",
    "Princess Elizabeth Hospital",
    "Mignot Memorial Hospital",
    "St John Ambulance Guernsey",
    "Les Bourgs Hospice",
    "Jersey Hospice Care",
    "Hospice Isle of Man",
    "Alzheimer Scotland",
    "Cruse Bereavement Support",
    "The Aneurin Bevan Society",
    "Shelter Cymru",
    "Cyngor Gwynedd",
    "Comhairle nan Eilean Siar",
]


def organisation(rng, rows):
    return _fill(rng, rows, lambda r: r.choice(ORGS))


EQUIP = [
    "Sara Stedy",
    "Sara Plus",
    "Maxi Move",
    "Maxi Sky 2",
    "Alenti bath",
    "Carendo chair",
    "Miranti",
    "Rhapsody bath",
    "Tenor hoist",
    "Calypso",
    "Molift Smart 150",
    "Oxford Stature",
    "Alaris GP",
    "Hamilton C1",
    "Lucas 3",
    "Philips MX40",
    "Molly sling",
    "Encore",
    "Sara Flex",
    "Ella bath",
]


def equipment_item(rng, rows):
    return _fill(
        rng,
        rows,
        lambda r: (
            r.choice(EQUIP) + r.choice(["", "", " (loan)", " - faulty", f" #{r.randint(1, 60)}"])
        ),
    )


READ = [
    "G30..",
    "H33..",
    "C10E.",
    "XE0Uc",
    "XaJ3K",
    "14A3.",
    "1371.",
    "XaIKn",
    "G573.",
    "H06z0",
    "Y1234",
    "XM1Cx",
    "F25..",
    "K190.",
]


def read_code(rng, rows):
    return _fill(rng, rows, lambda r: r.choice(READ))


def flight_or_pnr(rng, rows):
    def make(r):
        c = r.random()
        if c < 0.5:
            carrier = r.choice(["GR", "LM", "BA", "EI", "U2", "FR", "TP", "BE"])
            return f"{carrier}{r.choice(['', ' '])}{r.randint(100, 9999)}"
        return "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))

    return _fill(rng, rows, make)


def ods_code(rng, rows):
    def make(r):
        c = r.random()
        if c < 0.25:
            return f"W{r.randint(90000, 99999)}"
        if c < 0.45:
            return f"7A{r.randint(1, 7)}{r.choice(['', 'XX', 'AB'])}"
        if c < 0.65:
            two = "".join(r.choice("ABCDEFGHJKLMNPQRTVWXY") for _ in range(2))
            return f"R{two}{r.choice(['', '01', '02'])}"
        if c < 0.85:
            return f"S{r.randint(10000, 99999)}"
        return f"{r.choice(['J', 'G', 'M'])}{r.randint(1000, 9999)}"

    return _fill(rng, rows, make)


def serial_no(rng, rows):
    return _fill(rng, rows, lambda r: vl.invalid_ten(r, r.choice(["4", "6", "9"])))


def tracking_no(rng, rows):
    def make(r):
        digits = "".join(r.choice(vl.DIGITS) for _ in range(9))
        t = f"{r.choice(['AB', 'RR', 'LX', 'TT', 'QD'])}{digits}GB"
        return t if r.random() < 0.8 else f"{t[:2]} {t[2:6]} {t[6:11]} {t[11:]}"

    return _fill(rng, rows, make)


def street_name(rng, rows):
    pool = pl.WELSH_STREETS + pl.SCOTS_STREETS + pl.CI_STREETS + pl.MANX_STREETS + pl.PT_STREETS
    return _fill(rng, rows, lambda r: r.choice(pool))


EPONYMS = [
    "Crohn's disease",
    "Addison's disease",
    "Parkinson's disease",
    "Hodgkin lymphoma",
    "Bell's palsy",
    "Colles' fracture",
    "Dupuytren's contracture",
    "Guillain-Barré syndrome",
    "Ménière's disease",
    "Raynaud's phenomenon",
    "Sjögren's syndrome",
    "Paget's disease",
    "Osgood-Schlatter",
    "Tinel's sign",
    "Coombs test positive",
    "Paul-Bunnell +ve",
    "Cushing's",
    "Wernicke's encephalopathy",
    "Down syndrome",
]


def diagnosis_eponym(rng, rows):
    return _fill(rng, rows, lambda r: r.choice(EPONYMS))


def message_control_id(rng, rows):
    def make(r):
        c = r.random()
        if c < 0.4:
            return f"MSG{r.randint(0, 99999999):08d}"
        if c < 0.7:
            stamp = f"2024{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 235959):06d}"
            return f"{stamp}-{r.randint(0, 9999):04d}"
        return f"TRAK^{r.randint(100000, 999999)}^{r.choice(['ADT', 'ORU', 'ORM'])}"

    return _fill(rng, rows, make)
