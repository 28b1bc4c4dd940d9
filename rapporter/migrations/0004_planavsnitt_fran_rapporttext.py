"""Data migration: the verksamhetsplan's texts move from Rapporttext (a fixed list of sections) into Planavsnitt
(sections as data). Every förbund and year with a plan text or a plan record gets the standard template with its
texts; "lagrum" becomes "lagstiftning"; a text of a section the template lacks is kept as a free-text section at the
end. The template is copied here (migrations never import app code that may change)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

MALL = [
    ("inledning", "Inledning", "text"),
    ("lagstiftning", "Lagstiftning och syfte", "text"),
    ("organisation", "Organisation", "text"),
    ("malgrupper", "Målgrupper", "text"),
    ("prioriteringar", "Prioriteringar", "text"),
    ("vision", "Vision", "text"),
    ("mal", "Mål och mått", "maltrad"),
    ("finansiering", "Finansiering", "text"),
    ("arbetssatt", "Arbetssätt", "text"),
    ("insatser", "Insatser", "insatser"),
    ("finansiellt_mal", "Finansiellt mål", "finansiellt_mal"),
    ("risk", "Risk- och väsentlighetsanalys", "risk"),
    ("internkontroll", "Internkontrollplan", "internkontroll"),
    ("budget", "Budget", "budget"),
    ("medlemsbidrag", "Medlemsbidrag", "medlemsbidrag"),
]
GAMLA_NYCKLAR = {"lagrum": "lagstiftning"}


def framat(apps: Any, schema_editor: Any) -> None:
    Rapporttext = apps.get_model("rapporter", "Rapporttext")
    Rapport = apps.get_model("rapporter", "Rapport")
    Planavsnitt = apps.get_model("rapporter", "Planavsnitt")
    texter: dict[tuple[int, int], dict[str, Any]] = {}
    for t in Rapporttext.objects.filter(typ="verksamhetsplan", insats__isnull=True):
        texter.setdefault((t.forbund_id, t.ar), {})[t.sektion] = t
    for forbund_id, ar in Rapport.objects.filter(typ="verksamhetsplan").values_list("forbund_id", "ar"):
        texter.setdefault((forbund_id, ar), {})
    for (forbund_id, ar), per in texter.items():
        if Planavsnitt.objects.filter(forbund_id=forbund_id, ar=ar).exists():
            continue
        per = {GAMLA_NYCKLAR.get(k, k): v for k, v in per.items()}
        nya = []
        for i, (nyckel, rubrik, slag) in enumerate(MALL, start=1):
            t = per.pop(nyckel, None)
            nya.append(
                Planavsnitt(
                    forbund_id=forbund_id, ar=ar, ordning=i, nyckel=nyckel, rubrik=rubrik, slag=slag,
                    text=t.text if t else "", andrad_av_id=t.andrad_av_id if t else None,
                )
            )
        for j, (nyckel, t) in enumerate(sorted(per.items()), start=len(MALL) + 1):
            nya.append(Planavsnitt(forbund_id=forbund_id, ar=ar, ordning=j, nyckel=nyckel[:40], rubrik=nyckel.replace("_", " ").capitalize(), slag="text", text=t.text, andrad_av_id=t.andrad_av_id))
        Planavsnitt.objects.bulk_create(nya)
    Rapporttext.objects.filter(typ="verksamhetsplan").delete()


def bakat(apps: Any, schema_editor: Any) -> None:
    Rapporttext = apps.get_model("rapporter", "Rapporttext")
    Planavsnitt = apps.get_model("rapporter", "Planavsnitt")
    omvant = {v: k for k, v in GAMLA_NYCKLAR.items()}
    for a in Planavsnitt.objects.exclude(text=""):
        Rapporttext.objects.get_or_create(
            forbund_id=a.forbund_id, typ="verksamhetsplan", ar=a.ar, sektion=omvant.get(a.nyckel, a.nyckel), insats=None, defaults={"text": a.text}
        )
    Planavsnitt.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("rapporter", "0003_planavsnitt")]
    operations = [migrations.RunPython(framat, bakat)]
