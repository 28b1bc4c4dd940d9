"""Replace every participant code that is a personnummer or samordningsnummer by a new pseudonym.

The number is removed everywhere it was stored in clear text: the code itself, the audit trail (object text,
changes, details) and finished import runs. The participant keeps being recognisable through the keyed hash
(set from the old code when no other participant has it). One audit event per replaced code, with the keyed
hash only, never the number.
"""

import hashlib
import hmac
import json
import re

from django.conf import settings
from django.db import migrations
from django.db.models import Q, TextField
from django.db.models.functions import Cast

from uppfoljning.vokabular import liknar_personnummer


def _hash(kod: str) -> str:
    tio = re.sub(r"\D", "", kod)[-10:]
    return hmac.new(settings.PSEUDONYM_KEY.encode(), tio.encode(), hashlib.sha256).hexdigest()


def _byt(varde, gammal: str, ny: str):
    return json.loads(json.dumps(varde, ensure_ascii=False).replace(gammal, ny))


def ersatt(apps, schema_editor, hittar=liknar_personnummer, urval=r"^[0-9]{6}"):
    """hittar: the test that a code holds a number (0009 passes the broader personnummer_i_kod); urval: a cheap pre-filter."""
    Deltagare = apps.get_model("uppfoljning", "Deltagare")
    Importkorning = apps.get_model("uppfoljning", "Importkorning")
    Handelse = apps.get_model("finsam", "Handelse")
    for deltagare in Deltagare.objects.filter(kod__regex=urval).order_by("pk"):
        gammal = deltagare.kod
        funnen = hittar(gammal)
        if not funnen:
            continue
        ny = f"PSEUDONYM-{deltagare.pk}"
        nyckel = _hash(funnen if isinstance(funnen, str) else gammal)
        deltagare.kod = ny
        if not deltagare.pnr_hash and not Deltagare.objects.filter(forbund_id=deltagare.forbund_id, pnr_hash=nyckel).exists():
            deltagare.pnr_hash = nyckel
        deltagare.save(update_fields=["kod", "pnr_hash"])
        traffar = (Handelse.objects.filter(forbund_id=deltagare.forbund_id)
                   .annotate(a=Cast("andringar", TextField()), d=Cast("detaljer", TextField()))
                   .filter(Q(objekt_text__contains=gammal) | Q(a__contains=gammal) | Q(d__contains=gammal)))
        for h in traffar:
            h.objekt_text = h.objekt_text.replace(gammal, ny)
            h.andringar = _byt(h.andringar, gammal, ny)
            h.detaljer = _byt(h.detaljer, gammal, ny)
            h.save(update_fields=["objekt_text", "andringar", "detaljer"])
        korningar = (Importkorning.objects.filter(forbund_id=deltagare.forbund_id)
                     .annotate(r=Cast("resultat", TextField()), f=Cast("fel", TextField()))
                     .filter(Q(r__contains=gammal) | Q(f__contains=gammal)))
        for k in korningar:
            k.resultat = _byt(k.resultat, gammal, ny)
            k.fel = _byt(k.fel, gammal, ny)
            k.save(update_fields=["resultat", "fel"])
        Handelse.objects.create(
            forbund_id=deltagare.forbund_id, aktor_namn="migrering", handling="deltagare_pseudonymisera",
            objekttyp="uppfoljning.deltagare", objekt_id=str(deltagare.pk), objekt_text=ny,
            andringar={}, detaljer={"ny_kod": ny, "gammal_kod_nyckelhash": nyckel,
                                    "skal": "deltagarkoden var ett personnummer eller samordningsnummer"},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("finsam", "0001_initial"),
        ("uppfoljning", "0003_inskrivning_alder_skal_maskering"),
    ]

    operations = [migrations.RunPython(ersatt, migrations.RunPython.noop)]
