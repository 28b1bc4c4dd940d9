"""Aggregate outcome pages (all roles): tables, charts, year-on-year comparison, CSV/XLSX export."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from finsam.export import dataset_rader, nedladdning, som_csv, som_xlsx
from finsam.granser import ar_fran
from finsam.permissions import Kontext
from finsam.sidcache import sidcache
from finsam.web import behorighet

from .. import presentation, selectors


@behorighet("utfall.visa")
@sidcache
def utfall(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    ar = ar_fran(request)
    data, fore = selectors.utfall_med_fore(kontext, ar)
    fore_per_insats = {p["kortnamn"]: p for p in fore["insatser"]}
    insatser = []
    for post in data["insatser"]:
        f = fore_per_insats.get(post["kortnamn"])
        insatser.append({"post": post, "tabeller": presentation.tabeller(post), "fore_deltagare": f["deltagare"]["totalt"] if f else None})
    totalt = data["totalt"]
    diagram_insatser = presentation.stapeldiagram([(p["kortnamn"], p["deltagare"]) for p in data["insatser"]])
    etiketter = dict(presentation.DIMENSIONER[4][2])
    diagram_avslut = presentation.stapeldiagram([(etiketter[k], g) for k, g in totalt["forsorjning_ut"].items() if g["totalt"] != 0])
    return render(
        request,
        "uppfoljning/utfall.html",
        {
            "ar": ar,
            "data": data,
            "insatser": insatser,
            "totalt": presentation.tabeller(totalt),
            "totalt_post": totalt,
            "jamforelse": presentation.jamforelse(totalt, fore["totalt"]),
            "diagram_insatser": diagram_insatser,
            "diagram_avslut": diagram_avslut,
            "kon_rubriker": presentation.KON_RUBRIKER,
            "maskerat": "maskeringsgrans" in data,
            "dolda": data.get("dolda", 0),
            "ar_val": range(dt.date.today().year, 2004, -1),
            "per_kommun": selectors.utfall_per_kommun(kontext, ar),
        },
    )


@behorighet("utfall.visa")
def utfall_export(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    ar = ar_fran(request)
    format_ = request.GET.get("format", "csv")
    rader = dataset_rader(presentation.som_dataset(selectors.utfall_for(kontext, ar)))
    namn = f"utfall-{kontext.forbund.slug}-{ar}"
    if format_ == "xlsx":
        return nedladdning(som_xlsx(rader, blad=f"Utfall {ar}"), f"{namn}.xlsx")
    return nedladdning(som_csv(rader), f"{namn}.csv")
