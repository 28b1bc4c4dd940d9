"""Replace every participant code that hides a personnummer or samordningsnummer behind another separator or
inside a longer code (`751224_3457`, `P19751224-3457`; found in the issue-14 audit) by a new pseudonym, exactly as
0004 did for codes that were one: the same cleaning of the audit trail and import runs, the keyed hash only. An import
file name that holds a number becomes `import.<ändelse>` in the run and in its audit events."""

from importlib import import_module

from django.db import migrations

from uppfoljning.vokabular import filnamn_utan_personnummer, personnummer_i_kod

_0004 = import_module("uppfoljning.migrations.0004_deltagarkod_personnummer_ersatt")


def ersatt(apps, schema_editor):
    _0004.ersatt(apps, schema_editor, hittar=personnummer_i_kod, urval=r"[0-9]{4}")
    Importkorning = apps.get_model("uppfoljning", "Importkorning")
    Handelse = apps.get_model("finsam", "Handelse")
    for korning in Importkorning.objects.filter(filnamn__regex=r"[0-9]{4}").only("pk", "forbund_id", "filnamn"):
        gammal = korning.filnamn
        ny = filnamn_utan_personnummer(gammal)
        if ny == gammal:
            continue
        korning.filnamn = ny
        korning.save(update_fields=["filnamn"])
        for h in Handelse.objects.filter(forbund_id=korning.forbund_id, handling="deltagare_importera", detaljer__filnamn=gammal):
            h.detaljer = {**h.detaljer, "filnamn": ny}
            h.save(update_fields=["detaljer"])


class Migration(migrations.Migration):
    dependencies = [
        ("finsam", "0001_initial"),
        ("uppfoljning", "0008_svensk_ordning"),
    ]

    operations = [migrations.RunPython(ersatt, migrations.RunPython.noop)]
