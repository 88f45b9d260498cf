"""Category a: identifiers in a minority of rows of free-text columns."""

import datetime as _dt

from . import pools as pl
from . import values as vl
from .prose import prose_column


def _fills(rng):
    d = _dt.date(2024, 1, 1) + _dt.timedelta(days=rng.randint(0, 700))
    return {
        "hosp": rng.choice(pl.HOSPITALS),
        "wplace": rng.choice(pl.WELSH_PLACES),
        "splace": rng.choice(pl.SCOTS_PLACES),
        "drug": rng.choice(pl.DRUGS),
        "n": rng.randint(2, 12),
        "hh": f"{rng.randint(6, 22):02d}{rng.choice(['00', '15', '30', '45'])}",
        "when": d.strftime("%d/%m/%Y"),
    }


def _nhs_disp(rng):
    n = vl.nhs_number(rng)
    return rng.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"])


def nodiadau_clinig(rng, rows):
    base = [
        "Claf wedi cyrraedd clinig {hosp}. Pwysau gwaed yn iawn. Adolygu mewn {n} mis.",
        "DNA x2 - llythyr wedi'i anfon / letter sent. Rhyddhau i'r meddyg teulu.",
        "Seen in {hosp} clinic, consultation in Cymraeg. Plan: {drug}, r/v {n}/12.",
        "Cynnig Rhagweithiol - patient prefers Welsh. Interpreter not required.",
        "Cyfeirio at ffisiotherapi / physio referral sent to {wplace}.",
        "Clinig wedi'i ganslo oherwydd salwch staff. Apwyntiad newydd i'w drefnu.",
        "Bloods taken, HbA1c pending.\nAdolygiad ffôn mewn {n} wythnos.",
        "WPAS outcome: seen and discharged. Llythyr i'r meddyg teulu.",
        "Gwella'n araf. Continue {drug}. Dim newid.",
        "Telephone clinic - no answer x2, will retry {when}.",
    ]
    hits = [
        "Rhif GIG {id} wedi'i wirio gyda'r claf. Seen, stable.",
        "NB two records merged on WPAS - correct NHS no {id} (other retired).",
        "Llythyr wedi dychwelyd - cadarnhau manylion. NHS number {id}.\nRe-sent.",
        "Referral rejected by EMIS, NHS No. {id} mismatch - resubmitted.",
    ]
    return prose_column(rng, rows, base, hits, _nhs_disp, 0.06, fills=_fills)


def trak_episode_comment(rng, rows):
    base = [
        "Pt transferred from {splace} via Loganair. Obs stable on arrival.",
        "Awaiting bed in Raigmore. Discussed with bed manager {hh}.",
        "EMRS retrieval requested - weather hold at Benbecula.",
        "Boarded in ward 7A overnight. Family aware.",
        "TrakCare episode closed - duplicate of previous attendance.",
        "Seen in ED, d/c with {drug}. GP letter via SCI Gateway.",
        "Gàidhlig speaker, prefers to be addressed in Gaelic. No interpreter needed.",
        "Repatriated to Western Isles Hospital by fixed wing, escort x1.",
        "Result filed to SCI Store. Clinician notified.",
        "Discharged home to {splace}, district nurse referral made.",
    ]
    hits = [
        "CHI {id} confirmed against SCI Store.",
        "Wrong CHI on referral - correct CHI is {id}. Updated.",
        "Temp number replaced with CHI {id}\nmerge requested.",
        "Lab sample labelled with {id} (CHI) - matches.",
    ]
    return prose_column(rng, rows, base, hits, vl.chi_number, 0.08, fills=_fills)


def notaichean_siubhail(rng, rows):
    base = [
        "Siubhal air plèana gu Glaschu madainn Diluain. Escort not required.",
        "Tagsaidh air a chur air dòigh - taxi booked to airport {hh}.",
        "Weather cancellation, ath-chur air dòigh (rebooked) for Tuesday.",
        "Patient anxious about flying, husband to travel by ferry from {splace}.",
        "Bàta-aiseig air a chur dheth. Ferry cancelled, hospital accommodation arranged.",
        "Accommodation at Sandringham House booked for {n} nights.",
        "Travel claim form given. Cosgaisean siubhail ri phàigheadh.",
        "Wheelchair assistance requested at Stornoway and Glasgow airports.",
        "Ceart gu leòr - fit to fly per GP.",
    ]
    hits = [
        "NOK (nighean) contact {id} - call on arrival.",
        "Fòn an teaghlaich: {id}",
        "Son meeting at Glasgow airport, mob {id}",
        "Cuir fòn gu {id} ma bhios dàil ann (if delayed).",
    ]
    return prose_column(rng, rows, base, hits, vl.phone_styled, 0.05, fills=_fills)


def remarques_transfert(rng, rows):
    base = [
        "Transfert à Southampton General par avion ambulance. Patient stable.",
        "Accompagné par son épouse. Hébergement à Southampton réservé.",
        "Retour prévu à Jersey le lundi, suivi au Jersey General Hospital.",
        "Transfer delayed - fog at the airport (brouillard). Rebooked for {when}.",
        "Patient speaks Jèrriais and English; prefers written info in English.",
        "Dossier envoyé par courrier sécurisé à l'équipe de Southampton.",
        "Off-island travel approved, escort nurse allocated.",
        "Bed confirmed ward F8, arrival approx {hh}.",
        "Retour à domicile, St Brelade - pas de besoins particuliers.",
    ]
    hits = [
        "Family wish updates by email: {id}",
        "Contact par courriel de la fille : {id}",
        "Send discharge summary copy to {id} (son, lives in Poole)",
        "E-mail du mari {id} - autorisé par le patient.",
    ]
    return prose_column(rng, rows, base, hits, vl.email, 0.07, fills=_fills)


def observacoes(rng, rows):
    base = [
        "Utente fala pouco inglês, precisa de intérprete de português.",
        "Consulta remarcada. Telefonar à utente na próxima semana.",
        "Viagem à Madeira planeada em agosto - medicação para {n} meses.",
        "Seen with Portuguese interpreter. Understands plan.",
        "Documentos do Cartão de Cidadão verificados.",
        "Trabalha na hotelaria, turnos da noite - appointments after 2pm.",
        "Sem alterações. Continua {drug}.",
        "Faltou à consulta (DNA). Carta enviada em português.",
        "Encaminhado para o Jersey General Hospital, consulta de cardiologia.",
    ]
    hits = [
        "A filha {id} ligou a pedir informações.",
        "Acompanhado pelo marido, {id}.",
        "Interpreter booked but nephew {id} translated instead (consent documented).",
        "Autoriza partilha de informação com {id} (irmã).",
    ]
    return prose_column(
        rng,
        rows,
        base,
        hits,
        lambda r: vl.full_name(r, pl.PT_FORENAMES, pl.PT_SURNAMES),
        0.10,
        fills=_fills,
    )


def repatriation_narrative(rng, rows):
    base = [
        "Patient injured in Tenerife, admitted locally. Insurer contacted re GHIC.",
        "Air ambulance repatriation from Alicante to Cardiff agreed with insurer.",
        "Fit-to-fly certificate received from treating hospital in Faro.",
        "Family arranging commercial flight with medical escort; stretcher not required.",
        "Repatriated via Bristol to Morriston, bed confirmed by site manager at {hh}.",
        "Awaiting translated discharge summary (Spanish).",
        "Repatriation to Funchal requested by family; Portuguese consulate informed.",
        "Insurer declined cover - pre-existing condition. Family to self-fund.",
        "Arrived {hosp} 23:40, handover from flight nurse.",
    ]
    hits = [
        "Passport no. {id} copied for airline.",
        "Travel documents: passport {id}, expires 2029.",
        "Lost passport; emergency travel document requested (old passport {id}).",
        "Airline requires passport number - {id} - given by wife.",
    ]
    return prose_column(rng, rows, base, hits, vl.foreign_passport, 0.04, fills=_fills)


def _hosp_no(rng):
    return rng.choice([vl.english_mrn, vl.welsh_hospital_number])(rng)


def xborder_xfer_log(rng, rows):
    base = [
        "Transfer from Ysbyty Maelor to Royal Stoke for PCI, accepted by cardiology.",
        "Powys resident, repatriated from Shrewsbury to Llandrindod community hospital.",
        "Bed request to Walton Centre declined - no capacity. Re-referred am.",
        "Cross-border: English GP, Welsh resident - WHSSC approval obtained.",
        "Transport booked with WAST, {hh}.",
        "Awaiting CT images via IEP link.",
        "Repatriation to {hosp} agreed, bed available tomorrow.",
        "Countess of Chester unable to accept - escalated to site lead.",
        "Trosglwyddo wedi'i gadarnhau / transfer confirmed.",
    ]
    hits = [
        "Receiving trust MRN {id}.",
        "Countess of Chester hospital no. {id} - use for all correspondence.",
        "Registered at Aintree as {id}; WPAS cross-ref updated.",
        "Hosp no {id} on receiving PAS.",
    ]
    return prose_column(rng, rows, base, hits, _hosp_no, 0.09, fills=_fills)


def manx_handover(rng, rows):
    base = [
        "Handover to night staff. Obs stable, NEWS 1. Pain controlled with {drug}.",
        "Off-island to Liverpool booked for Thursday via the Steam Packet. Escort needed.",
        "Ramsey Cottage Hospital bed requested for step-down.",
        "TT fortnight - expect increased ED attendances, ward on escalation.",
        "Family visiting from Peel this afternoon.",
        "Awaiting Manx Care social worker review.",
        "Mobilising with frame, OT assessment {when}.",
        "Moghrey mie - settled night, no concerns.",
        "Bloods repeated at {hh}, K+ improving.",
    ]
    hits = [
        "Discharge address differs from PAS: {id}.",
        "Lives alone at {id}, key safe in place.",
        "Transport to take patient home to {id}",
        "Correspondence address now\n{id}",
    ]
    return prose_column(rng, rows, base, hits, lambda r: vl.address(r, "im"), 0.06, fills=_fills)


def _ni_disp(rng):
    n = vl.ni_number(rng)
    return rng.choice([n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"])


def s1_reciprocal_notes(rng, rows):
    base = [
        "S1 form received from Portugal, registered as S1 holder.",
        "Pensioner resident in Spain, S1 issued by Overseas Healthcare Services.",
        "GHIC application pending; advised to carry PRC.",
        "Chargeable - not ordinarily resident. OVM team informed.",
        "Exemption under the reciprocal agreement with the Isle of Man.",
        "Form E106 out of date, new S1 requested.",
        "Jersey resident - reciprocal agreement covers immediately necessary care only.",
        "Student from Poland, EHIC valid until {when}.",
    ]
    hits = [
        "NINO {id} checked with DWP Overseas Healthcare.",
        "S1 issued against NI no {id}.",
        "DWP query: NI number {id}",
        "Pension credited to NI {id}; entitlement confirmed.",
    ]
    return prose_column(rng, rows, base, hits, _ni_disp, 0.08, fills=_fills)


def medevac_remarks(rng, rows):
    base = [
        "Casualty winched from rig at {hh}, flown to ARI. Stable.",
        "Coastguard helicopter tasked. Weather marginal.",
        "Chest pain on platform, offshore medic gave aspirin. Flown to Sumburgh.",
        "Diverted to Stornoway due to fuel.",
        "Hand injury, deck crew. Walking wounded on arrival.",
        "Offshore medic reported deterioration; ETA {n}0 min.",
        "Stood down - casualty improved, to travel on scheduled crew change.",
        "Fishing vessel, crew member with head injury, met at Ullapool.",
    ]
    hits = [
        "Mr {id}'s wife informed by operator.",
        "Next of kin Mrs {id} notified.",
        "Casualty {id} refused stretcher.",
        "{id} (casualty) conscious throughout flight.",
    ]
    pool = pl.SCOTS_SURNAMES + pl.POLISH_SURNAMES + pl.OTHER_SURNAMES
    return prose_column(rng, rows, base, hits, lambda r: vl.surname(r, pool), 0.05, fills=_fills)


def _reg_disp(rng):
    r = vl.vehicle_reg(rng)
    while r.isdigit():
        r = vl.vehicle_reg(rng)
    return r


def ferry_medical_incident(rng, rows):
    base = [
        "Passenger collapsed on car deck, first aid by crew. Paramedics met vessel at Douglas.",
        "Seasick, dehydrated, observed in lounge.",
        "Fall on stairs deck 5, wrist injury, advised ED at St Helier.",
        "Vessel arriving Heysham {hh}.",
        "Crew medical kit used - inventory restocked.",
        "Sailing cancelled (weather), incident closed.",
        "Chest pain, ship's doctor not on board, ambulance to meet at Poole.",
        "Child with nosebleed, settled, no further action.",
    ]
    hits = [
        "Patient's car {id} left on deck 3, moved by crew.",
        "Vehicle reg {id} - family to collect from port.",
        "Car {id} kept at terminal until owner discharged.",
        "Owner of vehicle {id} taken to Noble's.",
    ]
    return prose_column(rng, rows, base, hits, _reg_disp, 0.06, fills=_fills)


def sylwadau_gweithiwr(rng, rows):
    base = [
        "Ymweliad cartref wedi'i gwblhau. Dim pryderon newydd.",
        "Home visit completed. No new concerns.",
        "Cyfarfod strategaeth wedi'i drefnu ar gyfer dydd Iau.",
        "Spoke to school (Ysgol Gynradd {wplace}) - attendance improving.",
        "Achos wedi'i drosglwyddo i'r tîm anabledd.",
        "Parent declined visit, rebooked for {when}.",
        "Asesiad wedi'i ddiweddaru ar WCCIS.",
        "Case note entered late - see paper file.",
    ]
    hits = [
        "Spoke to {id} on own at school, says things are better at home.",
        "Siaradais gyda {id} - mae'n hapus yn yr ysgol.",
        "{id} (9) attended contact session, went well.",
        "Bought {id} new school shoes from S17 budget.",
    ]
    return prose_column(
        rng, rows, base, hits, lambda r: vl.forename(r, pl.WELSH_FORENAMES), 0.05, fills=_fills
    )


def _dob_disp(rng):
    d = vl.birth_date(rng, 1935, 2005)
    return rng.choice(
        [d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%Y"), d.isoformat(), d.strftime("%d %b %Y")]
    )


def ovm_notes(rng, rows):
    base = [
        "Patient visiting from Portugal, no EHIC. Invoice raised.",
        "Overseas visitor - chargeable. Estimate given before treatment.",
        "Immediately necessary treatment - not withheld. Invoice to follow.",
        "Evidence of residence requested (utility bill, tenancy).",
        "Exempt: refugee status confirmed by Home Office letter dated {when}.",
        "Payment plan agreed, first instalment received {when}.",
        "Debt passed to recovery agency after {n} reminders.",
        "Visitor from Guernsey - reciprocal agreement does not apply.",
    ]
    hits = [
        "DOB {id} per passport - age discrepancy with PAS.",
        "Confirmed identity: born {id}.",
        "Date of birth on PAS wrong, correct DOB {id}.",
        "Visa holder, d.o.b. {id}, IHS paid.",
    ]
    return prose_column(rng, rows, base, hits, _dob_disp, 0.07, fills=_fills)


def guernsey_notes(rng, rows):
    base = [
        "Off-island appointment Southampton, flight via Aurigny.",
        "Rendez-vous à Southampton confirmé, vol Aurigny.",
        "Travel grant approved by HSC.",
        "Escort agreed - patient has mild dementia.",
        "Alderney resident: extra inter-island flight booked.",
        "Accommodation in Southampton: hospital lodge.",
        "Patient declined off-island treatment, to be seen at the PEH.",
        "Retour à Guernesey le {when}.",
    ]
    hits = [
        "New address postcode {id} - update on the PAS.",
        "Taxi to pick up at {id} 06:00.",
        "Postcode {id} not on gazetteer - checked with Cadastre.",
        "Lives {id}, near the Bridge.",
    ]
    return prose_column(
        rng, rows, base, hits, lambda r: vl.postcode(r, vl.GY_OUT), 0.10, fills=_fills
    )
