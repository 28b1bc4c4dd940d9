"""Move the free-text delegation order and the diarium's retention rules into the forvaltning registers.

Every förbund's old delegation rows become one adopted version of the delegation order ("överförd",
no § yet), in force from its oldest delegation decision (or the förbund's formation); the free-text
delegate becomes a role where the text names one (ordförande, vice ordförande, förbundschef,
styrelsen) or a named person of the förbund, otherwise "Styrelsen" with the old text kept in the
comment. A limit written as "två prisbasbelopp" becomes 2 pbb. Every decision points to the row made
from its old line. Every diarium document type gets a row of the records plan with its old rule.
"""

import datetime as dt
import re
from decimal import Decimal

from django.db import migrations

ORD = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "tio": 10}
PBB = re.compile(r"(\d+(?:[,.]\d+)?|en|ett|två|tre|fyra|fem|sex|tio)\s*(?:\(\d+\)\s*)?(?:prisbasbelopp|pbb|basbelopp)", re.IGNORECASE)


def _roll(text, personer):
    t = text.lower()
    if "vice" in t:
        return "vice_ordforande", None
    if "ordf" in t:
        return "ordforande", None
    if "chef" in t:
        return "forbundschef", None
    if "styrelse" in t:
        return "styrelsen", None
    person = personer.get(text.strip().lower())
    if person is not None:
        return "person", person
    return "styrelsen", None


def _grans(text):
    m = PBB.search(text)
    if not m:
        return "", None
    tal = m.group(1).lower()
    return "pbb", Decimal(ORD[tal]) if tal in ORD else Decimal(tal.replace(",", "."))


def framat(apps, schema_editor):
    Forbund = apps.get_model("finsam", "Forbund")
    Person = apps.get_model("finsam", "Person")
    Delegation = apps.get_model("styrelse", "Delegation")
    Delegationsbeslut = apps.get_model("styrelse", "Delegationsbeslut")
    Handlingstyp = apps.get_model("styrelse", "Handlingstyp")
    Delegationsordning = apps.get_model("forvaltning", "Delegationsordning")
    Delegationsrad = apps.get_model("forvaltning", "Delegationsrad")
    Planrad = apps.get_model("forvaltning", "Planrad")
    for forbund in Forbund.objects.all():
        gamla = list(Delegation.objects.filter(forbund=forbund).order_by("ordning", "id"))
        if gamla:
            forsta = Delegationsbeslut.objects.filter(forbund=forbund).order_by("datum").values_list("datum", flat=True).first()
            fran = min(d for d in (forsta, forbund.bildat, dt.date(2000, 1, 1)) if d is not None)
            version = Delegationsordning.objects.create(
                forbund=forbund,
                status="antagen",
                giltig_fran=fran,
                anteckning="Överförd från den tidigare delegationsordningen (fritext). Anta en ny version med en § för att ange "
                "beloppsgränser och ersättare.",
            )
            personer = {p.namn.lower(): p for p in Person.objects.filter(forbund=forbund)}
            for i, d in enumerate(gamla, start=1):
                roll, person = _roll(d.delegat, personer)
                grans_typ, grans_varde = _grans(d.arende)
                kommentar = d.kommentar
                if roll == "styrelsen" and "styrelse" not in d.delegat.lower():
                    kommentar = f"Delegat i den tidigare ordningen: {d.delegat}. {kommentar}".strip()
                rad = Delegationsrad.objects.create(
                    forbund=forbund,
                    ordning=version,
                    nummer=i,
                    avsnitt=d.avsnitt,
                    arende=d.arende,
                    delegat_roll=roll,
                    delegat_person=person,
                    grans_typ=grans_typ,
                    grans_varde=grans_varde,
                    anmals=d.anmals,
                    ordforandebeslut=d.ordforandebeslut,
                    kommentar=kommentar,
                )
                Delegationsbeslut.objects.filter(delegation=d).update(rad=rad)
        for i, typ in enumerate(Handlingstyp.objects.filter(forbund=forbund).order_by("namn"), start=1):
            if typ.bevaras:
                bevarande, ar = "bevaras", None
            elif typ.gallras_efter_ar:
                bevarande, ar = "gallras", typ.gallras_efter_ar
            else:
                bevarande, ar = "inaktualitet", None
            rad, _ = Planrad.objects.get_or_create(
                forbund=forbund,
                avsnitt="Diarium",
                handling=typ.namn,
                defaults={"nummer": 900 + i, "bevarande": bevarande, "ar": ar, "forvaringsplats": "Diarium"},
            )
            typ.planrad = rad
            typ.save(update_fields=["planrad"])


class Migration(migrations.Migration):
    dependencies = [
        ("styrelse", "0006_delegationsbeslut_rad_handlingstyp_planrad"),
        ("forvaltning", "0005_delegationsordning_dokumenthanteringsplan"),
    ]

    operations = [migrations.RunPython(framat, migrations.RunPython.noop)]
