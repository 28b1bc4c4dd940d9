"""Delegation decisions reported to the next meeting, assignments, diarium numbers, retention and extracts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from pypdf import PdfReader

from finsam.models import Dokument, Handelse
from styrelse.models import Arende, Gallringslista, Uppdrag
from styrelse.services import (
    beslut_fatta,
    delegationsbeslut_registrera,
    handling_registrera,
    sammantrade_planera,
    uppdrag_avsluta,
)
from styrelse.services.dokument import protokollsutdrag_bestall
from styrelse.tasks import gallringslista_task
from tests import filer
from tests.forvaltning.factories import delegation, handlingstyp

from .factories import narvaro, styrelse

pytestmark = pytest.mark.django_db


def test_delegationsbeslut_anmals_automatiskt_till_nasta_mote(forbund: Any, chef: Any) -> None:
    s = styrelse(forbund)
    mote = sammantrade_planera(forbund=forbund, aktor=chef, datum=dt.date(2026, 2, 13))
    anmals = delegation(forbund)
    anmals_ej = delegation(forbund, "Säga upp abonnemang", anmals=False)
    d1 = delegationsbeslut_registrera(
        forbund=forbund,
        aktor=chef,
        delegation=anmals,
        delegat=s["chef"],
        datum=dt.date(2026, 1, 10),
        arende="Avtal om städning",
        beslut="Avtal tecknat med Städ AB",
    )
    delegationsbeslut_registrera(
        forbund=forbund,
        aktor=chef,
        delegation=anmals_ej,
        delegat=s["chef"],
        datum=dt.date(2026, 1, 11),
        arende="Tidningsabonnemang",
        beslut="Uppsagt",
    )
    punkt = Arende.objects.get(sammantrade=mote, typ=Arende.Typ.DELEGATION)
    assert punkt.rubrik == "Anmälan av delegationsbeslut" and "Avtal om städning" in punkt.text and "Tidningsabonnemang" not in punkt.text
    rubriker = list(mote.arenden.order_by("ordning").values_list("rubrik", flat=True))
    assert rubriker.index("Anmälan av delegationsbeslut") < rubriker.index("Informationsärenden")
    for m in s["ledamot"].values():
        narvaro(mote, m)
    p = beslut_fatta(sammantrade=mote, arende=punkt, aktor=chef, text=punkt.text, beslut="\n".join(punkt.forslag_satser))
    d1.refresh_from_db()
    assert d1.anmald_i == p
    assert Handelse.objects.get(handling="beslut_fatta").detaljer["anmalda_delegationsbeslut"] == [d1.pk]


def test_uppdrag_aterrapporteras_och_avslutas(forbund: Any, chef: Any) -> None:
    s = styrelse(forbund)
    feb = sammantrade_planera(forbund=forbund, aktor=chef, datum=dt.date(2020, 2, 13))
    maj = sammantrade_planera(forbund=forbund, aktor=chef, datum=dt.date(2020, 5, 7))
    for m in s["ledamot"].values():
        narvaro(feb, m)
    a = feb.arenden.get(rubrik="Övriga frågor")
    p = beslut_fatta(
        sammantrade=feb,
        arende=a,
        aktor=chef,
        text="",
        beslut="att uppdra till förbundschef att utreda vilka alternativ som finns och återkomma med ett förslag till styrelsemötet i maj",
    )
    u = Uppdrag.objects.get()
    assert u.aterrapport == maj
    punkt = maj.arenden.get(typ=Arende.Typ.UPPDRAG)
    assert "utreda vilka alternativ" in punkt.text
    uppdrag_avsluta(uppdrag=u, aktor=chef, klart_paragraf=p)
    assert not maj.arenden.filter(typ=Arende.Typ.UPPDRAG).exists()  # done: no longer on the agenda
    with pytest.raises(ValidationError, match="redan klart"):
        uppdrag_avsluta(uppdrag=u, aktor=chef)


def test_diarienummer_per_ar_och_gallringslista(forbund: Any, chef: Any) -> None:
    bevaras = handlingstyp(forbund, "Protokoll")
    tva_ar = handlingstyp(forbund, "Kallelse/föredragningslista", "gallras", 2)
    h1 = handling_registrera(
        forbund=forbund, aktor=chef, riktning="upprattad", datum=dt.date(2023, 3, 1), rubrik="Kallelse mars", handlingstyp=tva_ar
    )
    h2 = handling_registrera(
        forbund=forbund,
        aktor=chef,
        riktning="inkommande",
        datum=dt.date(2023, 4, 1),
        rubrik="Protokoll april",
        handlingstyp=bevaras,
        fil=ContentFile(filer.pdf(), name="protokoll.pdf"),
        sekretess=True,
    )
    h3 = handling_registrera(
        forbund=forbund, aktor=chef, riktning="inkommande", datum=dt.date(2024, 1, 5), rubrik="Kallelse januari", handlingstyp=tva_ar
    )
    assert [h.diarienummer for h in (h1, h2, h3)] == ["SFSN 2023/1", "SFSN 2023/2", "SFSN 2024/1"]
    # "Gallras efter två år": at the earliest two calendar years after the year of registration.
    assert h1.gallras_ar == 2026 and h2.gallras_ar is None and h3.gallras_ar == 2027
    assert gallringslista_task(2026) == 1
    lista = Gallringslista.objects.get(forbund=forbund, ar=2026)
    assert [r["diarienummer"] for r in lista.handlingar] == ["SFSN 2023/1"]
    assert gallringslista_task(2026) == 1 and Gallringslista.objects.count() == 1  # a rerun replaces, never duplicates


def test_protokollsutdrag_pdf(forbund: Any, chef: Any, chef_klient: Client) -> None:
    s = styrelse(forbund)
    mote = sammantrade_planera(forbund=forbund, aktor=chef, datum=dt.date(2020, 2, 13), mall="tom")
    for m in s["ledamot"].values():
        narvaro(mote, m)
    from styrelse.services import arende_skapa

    a = arende_skapa(sammantrade=mote, aktor=chef, rubrik="Projektansökan SIKT 2.0", forslag="att bevilja medfinansiering enligt ansökan")
    p = beslut_fatta(
        sammantrade=mote,
        arende=a,
        aktor=chef,
        text="Projektet söker 50 000 kr per år i två år.",
        beslut="att bevilja medfinansiering enligt ansökan",
        omedelbar_justering=True,
    )
    assert p.last
    d = protokollsutdrag_bestall(paragraf=p, aktor=chef)
    d = Dokument.objects.get(pk=d.pk)
    with d.fil.open("rb") as f:
        text = " ".join(" ".join(x.extract_text() for x in PdfReader(f).pages).split())
    assert "Protokollsutdrag" in text and "§ 1 Projektansökan SIKT 2.0" in text and "bevilja medfinansiering enligt ansökan" in text
    assert "Utdragsbestyrkande" in text and "omedelbart" in text
    assert chef_klient.post(f"/styrelse/paragrafer/{p.pk}/utdrag/").status_code == 302


def test_handling_kopplas_till_beslut_via_sidan(forbund: Any, chef: Any, chef_klient: Client) -> None:
    from styrelse.models import Handling, Paragraf, Sammantrade

    mote = Sammantrade.objects.create(forbund=forbund, datum=dt.date(2019, 11, 28))
    p = Paragraf.objects.create(forbund=forbund, sammantrade=mote, ar=2019, nummer=73, rubrik="Avtal med Sobona")
    typ = handlingstyp(forbund, "Avtal")
    svar = chef_klient.post(
        "/styrelse/diarium/",
        {
            "riktning": "inkommande",
            "datum": "2019-12-12",
            "rubrik": "Besked från Sobona",
            "motpart": "Sobona",
            "arende": "Medlemskap i Sobona",
            "handlingstyp": typ.pk,
            "paragrafer": [p.pk],
        },
    )
    assert svar.status_code == 302
    h = Handling.objects.get()
    assert h.diarienummer == "SFSN 2019/1" and list(h.paragrafer.all()) == [p]
    assert "§ 73/2019" in chef_klient.get("/styrelse/diarium/").content.decode()
