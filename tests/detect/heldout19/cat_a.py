"""Category a: free-text columns where an identifier appears in a minority of rows."""

from . import pools
from . import values as v


def _fills(rng):
    d = v.date_between(rng, 2023, 2025)
    return {
        "d": v.date_text(rng, d, rng.choice([0, 2, 3, 6])),
        "t": f"{rng.randint(8, 19):02d}:{rng.choice(['00', '15', '30', '45', '05'])}",
        "n": rng.randint(2, 9),
        "nn": rng.randint(10, 95),
        "m": f"£{rng.randint(5, 2400)}",
        "ref": f"{rng.randint(1000, 99999)}",
        "wk": rng.randint(1, 12),
        "s": rng.randint(1, 6),
    }


def _prose(rng, rows, fragments, make_id, rate, blank=0.08, most=3):
    out = []
    for _ in range(rows):
        if rng.random() < blank:
            out.append(None)
            continue
        parts = [frag.format(**_fills(rng)) for frag in rng.sample(fragments, rng.randint(1, most))]
        if rng.random() < rate:
            parts.insert(rng.randrange(len(parts) + 1), make_id(rng))
        joiner = rng.choice([". ", ". ", " ", "\n", " - ", "; "])
        text = joiner.join(parts)
        r = rng.random()
        if r < 0.08:
            text = text.upper()
        elif r < 0.16:
            text = text.lower()
        out.append(v.stray_space(rng, text, 0.06))
    return out


PSR_FRAGS = [
    "Cust called re PSR registration",
    "Added needs code {nn} (dialysis at home)",
    "Requires bottled water delivery during supply interruption",
    "Advised of planned works on {d}, alt supply arranged",
    "Password scheme set up for doorstep visits",
    "Large print bills requested",
    "Cust is blind, prefers phone contact in the morning",
    "Rang at {t}, no answer, left VM",
    "Nominee details to be confirmed by letter",
    "Renewal due {d} - 2 yearly check",
    "Speech difficulty - allow extra time on calls",
    "Chronic illness, uses feeding pump overnight",
    "Removed from register at cust request",
    "Referral from energy supplier data share",
    "Cust deaf, textphone user, use relay service",
    "Welsh language preference recorded",
    "Stock of {n} x 2L bottles dropped at door",
]

WHD_FRAGS = [
    "Core group 2 - not matched on govt data",
    "Cust disputes ineligibility letter dated {d}",
    "Rebate of £150 applied to acct",
    "Broader group application received {d}",
    "Income below threshold per cust, evidence requested",
    "Prepayment meter - voucher sent by SMS",
    "Scheme year 2024/25",
    "Benefits listed: pension credit (guarantee element)",
    "Application closed - no response after {n} reminders",
    "Household has {n} occupants, one under 5",
    "Escalated to team leader, ref {ref}",
    "Cust moved supplier mid-year, rebate paid by old supplier",
    "Debt of {m} on account, payment plan agreed",
    "Cust asked about the cold weather payment",
]


def _ni_mention(rng):
    ni = v.ni_number(rng)
    style = rng.randrange(4)
    if style == 0:
        return f"NINO {ni}"
    if style == 1:
        return f"NI no: {ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}"
    if style == 2:
        return f"provided national insurance number {ni.lower()}"
    return f"NI {ni[:2]}{ni[2:8]} {ni[8]} given over phone"


FINABUSE_FRAGS = [
    "Unusual pattern of cash withdrawals from the Pontypridd branch",
    "Customer appeared anxious and was accompanied in branch",
    "Series of transfers totalling {m} to a new payee over {n} days",
    "Cust states she did not authorise the standing order",
    "Banking Protocol invoked, police attended at {t}",
    "Lasting power of attorney not registered with the bank",
    "Card replaced, new PIN posted to home address",
    "Referred to vulnerable customer team, case {ref}",
    "Customer lacks capacity per GP letter seen {d}",
    "Online banking login from new device",
    "Cheque for {m} made out to cash",
    "Adult social care notified with consent",
    "Customer reluctant to discuss the withdrawals",
    "Payee account at another bank flagged as mule",
]


def _third_party(rng):
    name = v.full_name(rng)
    return v.pick(
        rng,
        [
            f"Nephew {name} attended branch with her",
            f"third party on the call gave name as {name}",
            f"funds moved to account in name of {name}",
            f"cust says {name} (carer) handles her cards",
            f"{name} claims to hold PoA - not seen",
        ],
    )


SCAM_FRAGS = [
    "Galwad ffôn yn honni bod o'r banc",
    "Caller claimed to be from HMRC, demanded {m}",
    "Dioddefwr wedi colli {m} i sgam buddsoddi",
    "Doorstep trader quoted {m} for roof repairs",
    "Neges destun ffug am barsel",
    "Romance scam - contact via social media for {n} months",
    "Victim paid in gift cards bought at the Co-op",
    "Atgyfeiriad gan Heddlu Dyfed-Powys",
    "Call blocker fitted {d}",
    "Cyngor wedi'i roi am sgamiau ar y ffôn",
    "Friends Against Scams leaflet left",
    "Courier fraud attempt, no money lost",
    "Trading Standards informed on {d}",
    "Cwsmer yn bryderus iawn, ymweliad dilynol wedi'i drefnu",
]


def _address_mention(rng):
    addr = v.address(rng)
    return v.pick(
        rng,
        [
            f"Galwodd y twyllwr i {addr}",
            f"Doorstep caller at {addr}",
            f"Victim lives at {addr}",
            f"cyfeiriad: {addr}",
            f"visit booked at {addr}",
        ],
    )


FSI_FRAGS = [
    "Session {s} of 6 completed at home",
    "YP engaged well with the fire triangle activity",
    "Watched the house fire video, YP visibly affected",
    "Parent present throughout",
    "Discussed consequences of setting fire to bins",
    "Lighters and matches removed from bedroom",
    "School aware, DSL informed {d}",
    "YP reluctant to talk today, short session",
    "Smoke alarms tested - all working",
    "Referral source: police after grass fire on {d}",
    "Home safety check booked",
    "YP drew escape plan for the house",
    "Closing letter sent, no further fire-setting reported",
    "Sibling also attended part of the session",
]


def _forename_mention(rng):
    f = v.pick(rng, pools.FORENAMES)
    if rng.random() < 0.1:
        f = f.lower()
    return v.pick(
        rng,
        [
            f"{f} engaged well",
            f"{f} said he lit the bin for a dare",
            f"session with {f} and mum",
            f"{f} quiet today",
            f"{f} wants to join the fire cadets",
        ],
    )


SWIM_FRAGS = [
    "Asthma - inhaler poolside",
    "Epipen kept in the kit bag",
    "Grommets - ear plugs needed",
    "No medical issues declared",
    "Type 1 diabetes, check before session",
    "Mild eczema, showers after lesson",
    "Epilepsy - controlled, 1:1 in deep end",
    "Parent to stay on poolside",
    "Moved to Stage {n} on {d}",
    "Hearing aid removed for lessons",
    "Nut allergy (snacks)",
    "Anxious in water, prefers shallow end",
    "Medication: none",
]


def _nhs_mention(rng):
    n = v.nhs_number(rng)
    return v.pick(
        rng,
        [
            f"NHS no {n[:3]} {n[3:6]} {n[6:]}",
            f"NHS {n}",
            f"nhs number {n} given by parent",
            f"(NHS: {n})",
        ],
    )


EBOOK_FRAGS = [
    "Borrower cannot download to Kindle, ePub only",
    "Loan limit reached ({n} titles)",
    "Reset PIN by phone after ID check",
    "App crashes on older tablet, advised update",
    "Holds list not showing",
    "Audiobook stuck at {nn}% download",
    "Card expired, renewed at branch",
    "Asked about the large print catalogue",
    "Closed - resolved by customer",
    "Libby app linked to second card in error",
    "Requested accessible reader settings",
    "Forwarded to supplier helpdesk ticket {ref}",
]


def _email_mention(rng):
    e = v.email(rng)
    return v.pick(
        rng,
        [
            f"please send the reset link to {e}",
            f"cust email {e}",
            f"from: {e}",
            f"changed contact email to {e.upper()}",
        ],
    )


VOL_FRAGS = [
    "Completed fire safety induction",
    "Object handling training booked for {d}",
    "Keen on textiles and costume collection",
    "Available Tuesdays and Thursdays",
    "Will drive the outreach van to schools",
    "References received (x2)",
    "Basic DBS applied for",
    "Lanyard and locker key issued",
    "Interested in oral history project",
    "Manual handling done {d}",
    "Shadowed front of house team for {n} hours",
    "Does not want photo on website",
]


def _licence_mention(rng):
    dl = v.driving_licence(rng)
    if rng.random() < 0.3:
        dl = f"{dl[:5]} {dl[5:11]} {dl[11:]}"
    return v.pick(rng, [f"Licence checked {dl} (van)", f"DL no {dl}", f"DVLA check on {dl}"])


READING_FRAGS = [
    "Reader used pen in the searchroom - reminded of pencil-only rule",
    "Fragile volume, supervised handling only",
    "Photography permit issued for {n} items",
    "Bag left in locker {nn}",
    "Reader ticket renewed",
    "Request slip for parish registers of St Brynach's",
    "Document returned with page out of order",
    "Fire alarm test at {t}, room cleared",
    "Reader asked for tithe map of Llanfihangel",
    "Closed file requested - refused under FOI s40",
    "Microfilm reader jammed",
    "Reader arrived without appointment, seated anyway",
]


def _passport_mention(rng):
    p = v.passport_number(rng)
    return v.pick(
        rng,
        [
            f"ID seen: passport {p}",
            f"Reader ticket issued on UK passport no. {p}",
            f"ID: GBR passport {p}",
            f"passport {p} recorded as proof of ID",
        ],
    )


ALLOT_FRAGS = [
    "Plot overgrown, first warning letter sent",
    "Shed roof damaged in storm",
    "Water trough leaking near gate {n}",
    "Bonfire on site reported by neighbours",
    "Good cultivation, no action",
    "Rats reported near the compost bays",
    "Hosepipe left running overnight",
    "Tenant asked for a half plot",
    "Inspection on {d}: {nn}% cultivated",
    "Carpet used as mulch - to be removed",
    "Polytunnel erected without permission",
    "Gate padlock changed, new code issued",
]


def _reg_mention(rng):
    reg = v.vehicle_reg(rng, rng.randrange(9))
    if rng.random() < 0.2:
        reg = reg.replace(" ", "").lower()
    return v.pick(
        rng,
        [
            f"Van {reg} parked across gate",
            f"{reg} blocking access again",
            f"white transit reg {reg}",
            f"car {reg} left on site overnight",
        ],
    )


CEREMONY_FRAGS = [
    "Ceremony booked {d} at {t}",
    "Home Office invitation letter dated {d}",
    "Oath (religious) chosen",
    "Affirmation chosen",
    "Certificate collected on the day",
    "Rescheduled from {d}",
    "Group ceremony - {nn} candidates",
    "Private ceremony requested",
    "Guests: {n}",
    "Welsh language ceremony",
    "Fee of £{nn} paid",
    "Candidate must attend within 3 months of letter",
]


def _dob_mention(rng):
    d = v.dob(rng, 1940, 2006)
    return v.pick(
        rng,
        [
            f"candidate DOB {v.date_text(rng, d, 0)}",
            f"d.o.b. on certificate {v.date_text(rng, d, 3)} - letter differs",
            f"born {v.date_text(rng, d, 4)} per passport",
            f"Date of birth {v.date_text(rng, d, 1)} amended",
        ],
    )


SURVEY_FRAGS = [
    "Rising damp to rear bedroom, readings {nn}% WME",
    "Black mould above window reveals",
    "Claim ref CLM/{ref} under s11 LTA 1985",
    "Job no {ref} raised for roofer",
    "Leaking gutter causing penetrating damp",
    "Defective window seals, {n} units",
    "Boiler condemned on {d}",
    "Photographs taken ({nn})",
    "Tenant refused access on previous visit",
    "HHSRS category 1 hazard - excess cold",
    "Cost estimate {m}",
    "Pre-action protocol letter received {d}",
    "Plaster blown to {n}m2 of kitchen wall",
]


def _uprn_mention(rng):
    u = v.uprn12(rng)
    return v.pick(rng, [f"UPRN {u}", f"property {u} confirmed on LLPG", f"uprn:{u}"])


REDIRECT_FRAGS = [
    "Customer in hospital long term, mail to daughter",
    "Moving into care home, redirect 12 months",
    "Bereavement - redirect to executor",
    "Customer at risk of scam mail, redirect to POA",
    "Temporary redirect while house repaired",
    "Fee waived - vulnerable customer",
    "ID verified at Post Office counter {d}",
    "Redirection starts {d}",
    "Renewal reminder sent",
    "Mail held at delivery office for {wk} weeks",
]


def _hospno_mention(rng):
    hn = v.hospital_number(rng)
    return v.pick(
        rng,
        [
            f"ward {v.pick(rng, ['7', '12B', 'Afon', 'Ward 3'])}, hosp no {hn}",
            f"hospital number {hn} for letters",
            f"(MRN {hn})",
        ],
    )


FUEL_FRAGS = [
    "Home Energy Scotland referral accepted",
    "EPC band F, solid wall, no loft insulation",
    "Oil tank empty, emergency fuel voucher {m}",
    "Warmer Homes Scotland survey booked {d}",
    "Prepayment meter self-disconnecting",
    "Household spends over {nn}% of income on fuel",
    "Cuirm gu seisean comhairle air {d}",
    "Storage heaters faulty",
    "Fuel debt {m}, trust fund application",
    "Leabhar fiosrachaidh air a chur",
    "Referred by health visitor",
    "Dampness in bedroom, child with asthma",
]


def _chi_mention(rng):
    c = v.chi_number(rng)
    return v.pick(rng, [f"CHI {c}", f"chi no. {c[:6]} {c[6:]}", f"CHI: {c}"])


def psr_call_notes(rng, rows):
    def mention(r):
        p = v.phone_display(r)
        return v.pick(
            r,
            [
                f"callback on {p}",
                f"pref contact no. {p} (daughter)",
                f"Tel {p}",
                f"rang back on {p} - no answer",
            ],
        )

    return _prose(rng, rows, PSR_FRAGS, mention, 0.07)


def whd_comments(rng, rows):
    return _prose(rng, rows, WHD_FRAGS, _ni_mention, 0.06)


def finabuse_narrative(rng, rows):
    return _prose(rng, rows, FINABUSE_FRAGS, _third_party, 0.10, most=4)


def scam_description(rng, rows):
    return _prose(rng, rows, SCAM_FRAGS, _address_mention, 0.05)


def fsi_log(rng, rows):
    return _prose(rng, rows, FSI_FRAGS, _forename_mention, 0.11)


def swim_medical(rng, rows):
    return _prose(rng, rows, SWIM_FRAGS, _nhs_mention, 0.045, blank=0.3, most=2)


def ebook_ticket(rng, rows):
    return _prose(rng, rows, EBOOK_FRAGS, _email_mention, 0.09)


def vol_remarks(rng, rows):
    return _prose(rng, rows, VOL_FRAGS, _licence_mention, 0.05)


def reading_room(rng, rows):
    return _prose(rng, rows, READING_FRAGS, _passport_mention, 0.06, blank=0.15)


def allotment_notes(rng, rows):
    return _prose(rng, rows, ALLOT_FRAGS, _reg_mention, 0.07)


def ceremony_notes(rng, rows):
    return _prose(rng, rows, CEREMONY_FRAGS, _dob_mention, 0.08)


def surveyor_narrative(rng, rows):
    return _prose(rng, rows, SURVEY_FRAGS, _uprn_mention, 0.10, most=4)


def redirect_reason(rng, rows):
    return _prose(rng, rows, REDIRECT_FRAGS, _hospno_mention, 0.06)


def fuel_notes(rng, rows):
    return _prose(rng, rows, FUEL_FRAGS, _chi_mention, 0.05)
