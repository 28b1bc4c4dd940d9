"""Demo agreements from the seeds: the MISAM överenskommelse (004c), the service purchase from Skellefteå
kommun (004e) and the European Minds offer (004d; proposed at the 2020-02-13 meeting, item 8)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile

from finsam.models import Forbund, Medlem
from insatser.models import Insats
from styrelse.models import Paragraf

from . import demo_register, demo_styrning
from .models import Avtal
from .pdf import avtalstext_pdf
from .services import avtal_dokument_ladda_upp, avtal_skapa


def seed(forbund: Forbund, aktor: Any) -> None:
    demo_styrning.seed(forbund, aktor)
    demo_register.seed(forbund, aktor)  # the delegation order and the records plan (forvaltning.demo_register)
    if Avtal.objects.filter(forbund=forbund).exists():
        return
    medlem = {m.kod: m for m in Medlem.objects.filter(forbund=forbund)}
    misam = Insats.objects.filter(forbund=forbund, kortnamn__icontains="MISAM").first()
    p75 = Paragraf.objects.filter(forbund=forbund, ar=2019, nummer=75).first()
    avtal_skapa(
        forbund=forbund,
        aktor=aktor,
        rubrik="Överenskommelse om samverkan – MISAM",
        typ=Avtal.Typ.OVERENSKOMMELSE,
        medlemmar=[medlem[k] for k in ("skelleftea", "fk", "af") if k in medlem],
        startdatum=dt.date(2020, 1, 1),
        uppsagningstid_manader=2,
        paragraf=p75,
        insats=misam,
        anteckning="Gäller tills vidare och revideras årligen. Socialtjänsten, Enheten för arbetsmarknad, Vuxenutbildningen, "
        "Försäkringskassan och Arbetsförmedlingen i samverkan.",
    )
    tjanstekop = avtal_skapa(
        forbund=forbund,
        aktor=aktor,
        rubrik="Köp av administrativ och ekonomisk service, arkivering och lönehantering",
        typ=Avtal.Typ.TJANSTEKOP,
        medlemmar=[medlem["skelleftea"]] if "skelleftea" in medlem else [],
        belopp=Decimal("10650"),
        enhet=Avtal.Enhet.PER_MANAD,
        startdatum=dt.date(2020, 1, 1),
        uppsagningstid_manader=3,
        anteckning="Exklusive moms, 2020 års nivå; räknas upp årligen efter kommunens kostnader. Årlig avstämning i oktober. "
        "Vid omförhandling utan överenskommelse: uppsägning med två månaders varsel.",
    )
    # The signed agreement of seed 004e (Skellefteå 2019-12-18) as the agreement's document, through the upload service.
    text = (Path(__file__).resolve().parent / "demo_data" / "tjanstekopsavtal-skelleftea.txt").read_text(encoding="utf-8")
    avtal_dokument_ladda_upp(
        avtal=tjanstekop,
        aktor=aktor,
        fil=ContentFile(avtalstext_pdf(tjanstekop, text, datumrad="Undertecknat 2019-12-18"), name="tjanstekopsavtal-2019-12-18.pdf"),
        titel="Undertecknat avtal 2019-12-18",
    )
    avtal_skapa(
        forbund=forbund,
        aktor=aktor,
        rubrik="Konsulttjänster för projektstöd och utvärdering – European Minds",
        typ=Avtal.Typ.KONSULT,
        motpart="European Minds Sweden AB",
        belopp=Decimal("890"),
        enhet=Avtal.Enhet.PER_TIMME,
        startdatum=dt.date(2020, 1, 1),
        slutdatum=dt.date(2020, 12, 31),
        forlangning_manader=12,
        max_forlangningar=2,
        uppsagningstid_manader=3,
        anteckning="Offert: 1+1+1 år, förnyas automatiskt om inte annat uppges; timpriset kan räknas upp årligen enligt AKI. "
        "Utan volymgaranti, uppdrag genom avrop. Föreslaget i kallelsen 2020-02-13, punkt 8.",
    )
