"""From draft to adopted: the final-lock refusal on a failing reconciliation, adoption by a board decision,
the frozen PDF keeping its checksum, and refused actions that change nothing."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from finsam.documents.services import dokument_bestall
from finsam.models import Dokument, Forbund, Handelse
from rapporter import services
from rapporter.models import Forbundsmal, Rapport, Rapporttext

from . import factories as f
from .test_pdf_innehall import SALDOBALANS, rakenskaper_2019

pytestmark = pytest.mark.django_db


def _tillstand(forbund: Forbund) -> tuple[Any, ...]:
    return (
        list(Rapport.objects.filter(forbund=forbund).values_list("status", "dokument_id", "sha256", "beslut_id")),
        Dokument.objects.filter(forbund=forbund).count(),
        Handelse.objects.filter(forbund=forbund).count(),
        list(Rapporttext.objects.filter(forbund=forbund).values_list("text", flat=True)),
    )


@pytest.fixture
def moten(forbund: Forbund) -> dict[str, Any]:
    return f.styrelse(forbund, 2019)


def test_slutlig_vagras_nar_avstamningen_inte_gar_ihop(forbund: Forbund, chef: Any, moten: dict[str, Any]) -> None:
    from ekonomi.models import Redovisningsimport
    from ekonomi.services import bokforing_importera

    rakenskaper_2019(forbund)
    # 50 kr moved from the bank to account 1810, which no range of the account mapping covers
    Redovisningsimport.objects.filter(forbund=forbund).delete()
    bokforing_importera(
        forbund=forbund,
        aktor=None,
        filnamn="sb.csv",
        kalla="csv",
        ar=2019,
        data=SALDOBALANS.replace("1930;Bank;1000;1400;", "1930;Bank;1000;1350;\n9810;Intern avräkning;0;50;").encode(),
    )
    services.rapporttext_spara(forbund=forbund, aktor=chef, typ="arsredovisning", ar=2019, sektion_nyckel="ordforande", text="Förord")
    fore = _tillstand(forbund)
    with pytest.raises(ValidationError) as fel:
        services.rapport_markera_slutlig(forbund=forbund, aktor=chef, typ="arsredovisning", ar=2019, sammantrade=moten["beslutsmote"])
    meddelande = " ".join(fel.value.messages)
    assert "kan inte markeras som slutlig" in meddelande
    assert "Tillgångar = eget kapital" in meddelande and "differens -50" in meddelande
    assert _tillstand(forbund) == fore  # nothing changed, no audit event, no document ordered


def test_slutlig_vagras_utan_rakenskaper(forbund: Forbund, chef: Any, moten: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="Bokföringen för 2019 är importerad"):
        services.rapport_markera_slutlig(forbund=forbund, aktor=chef, typ="arsredovisning", ar=2019, sammantrade=moten["beslutsmote"])
    assert not Rapport.objects.filter(forbund=forbund, status=Rapport.Status.SLUTLIG).exists()


def test_faststalld_pdf_ar_last_och_behaller_kontrollsumman(forbund: Forbund, chef: Any, moten: dict[str, Any]) -> None:
    rakenskaper_2019(forbund)
    f.obligatoriska_delar(forbund)
    services.rapporttext_spara(forbund=forbund, aktor=chef, typ="arsredovisning", ar=2019, sektion_nyckel="ordforande", text="Ett år av samverkan.")
    rapport = services.rapport_markera_slutlig(forbund=forbund, aktor=chef, typ="arsredovisning", ar=2019, sammantrade=moten["beslutsmote"])
    rapport.refresh_from_db()
    dokument = rapport.dokument
    assert dokument is not None and dokument.status == Dokument.Status.KLAR  # rendered inline in tests
    # Texts are locked while the report is final
    with pytest.raises(ValidationError, match="markerad som slutlig"):
        services.rapporttext_spara(forbund=forbund, aktor=chef, typ="arsredovisning", ar=2019, sektion_nyckel="ordforande", text="Ändrat")
    # A decision from another meeting does not adopt it
    fel_paragraf = f.paragraf(forbund, moten["moten"][1], nummer=80, rubrik="Årsredovisning 2019")
    with pytest.raises(ValidationError, match="sammanträde"):
        services.rapport_faststall(forbund=forbund, aktor=chef, rapport=rapport, paragraf=fel_paragraf)
    # Nor a § of another kind at the right meeting (issue 10: only an item about the annual report adopts it)
    oppnande = f.paragraf(forbund, moten["beslutsmote"], nummer=1, rubrik="Mötets öppnande")
    with pytest.raises(ValidationError, match="inget ärende om årsredovisningen"):
        services.rapport_faststall(forbund=forbund, aktor=chef, rapport=rapport, paragraf=oppnande)
    paragraf = f.paragraf(forbund, moten["beslutsmote"], nummer=5, rubrik="Årsredovisning 2019")
    rapport = services.rapport_faststall(forbund=forbund, aktor=chef, rapport=rapport, paragraf=paragraf)
    dokument.refresh_from_db()
    innehall = dokument.fil.open("rb").read()
    dokument.fil.close()
    assert dokument.last is True
    assert rapport.status == Rapport.Status.FASTSTALLD and rapport.beslut == paragraf
    assert rapport.sha256 == dokument.sha256 == hashlib.sha256(innehall).hexdigest()
    assert Handelse.objects.filter(forbund=forbund, handling="rapport_faststall", detaljer__sha256=rapport.sha256).exists()
    assert Handelse.objects.filter(forbund=forbund, handling="dokument_las").exists()
    # The adopted PDF is exactly the final version the board read: its cover names the decision date, no draft mark
    from .test_pdf_innehall import text_ur_pdf

    text = text_ur_pdf(innehall)
    assert "Beslutad av styrelsen 2020-02-13" in text and "UTKAST" not in text and "Utkast" not in text
    # Never regenerated: not by the report, not by the pipeline; nothing changes
    fore = _tillstand(forbund)
    with pytest.raises(ValidationError, match="aldrig om"):
        services.rapport_generera(forbund=forbund, aktor=chef, typ="arsredovisning", ar=2019)
    with pytest.raises(ValidationError, match="låst"):
        dokument_bestall(forbund=forbund, aktor=chef, typ="arsredovisning", titel="x", nyckel="arsredovisning:2019", parametrar={"ar": 2019})
    with pytest.raises(ValidationError, match="fastställd"):
        services.rapporttext_spara(forbund=forbund, aktor=chef, typ="arsredovisning", ar=2019, sektion_nyckel="vision", text="Ny")
    with pytest.raises(ValidationError):
        services.rapport_ateroppna(forbund=forbund, aktor=chef, rapport=rapport)
    assert _tillstand(forbund) == fore
    dokument.refresh_from_db()
    assert dokument.sha256 == hashlib.sha256(dokument.fil.open("rb").read()).hexdigest() == rapport.sha256
    dokument.fil.close()


def test_utkast_skapas_om_och_ersatter_det_gamla(forbund: Forbund, chef: Any) -> None:
    r1 = services.rapport_generera(forbund=forbund, aktor=chef, typ="verksamhetsplan", ar=2020)
    r2 = services.rapport_generera(forbund=forbund, aktor=chef, typ="verksamhetsplan", ar=2020)
    assert r1.pk == r2.pk and r1.dokument_id == r2.dokument_id
    assert Dokument.objects.filter(forbund=forbund, nyckel="verksamhetsplan:2020").count() == 1
    d = Dokument.objects.get(forbund=forbund, nyckel="verksamhetsplan:2020")
    assert d.status == Dokument.Status.KLAR and d.forsok == 2 and d.sidor >= 5
    assert Handelse.objects.filter(forbund=forbund, handling="rapport_generera").count() == 2


def test_verksamhetsplanen_kraver_ingen_avstamning_men_ett_sammantrade(forbund: Forbund, chef: Any, moten: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="sammanträde"):
        services.rapport_markera_slutlig(forbund=forbund, aktor=chef, typ="verksamhetsplan", ar=2020, sammantrade=None)
    r = services.rapport_markera_slutlig(forbund=forbund, aktor=chef, typ="verksamhetsplan", ar=2020, sammantrade=moten["moten"][1])
    assert r.status == Rapport.Status.SLUTLIG
    r = services.rapport_ateroppna(forbund=forbund, aktor=chef, rapport=r)
    assert r.status == Rapport.Status.UTKAST and r.sammantrade is None


def test_text_och_mal_lamnar_handelser(forbund: Forbund, chef: Any) -> None:
    t = services.rapporttext_spara(
        forbund=forbund, aktor=chef, typ="arsredovisning", ar=2019, sektion_nyckel="vision", text="  Människor ska få stöd.\r\n"
    )
    assert t.text == "Människor ska få stöd."
    h = Handelse.objects.get(forbund=forbund, handling="rapporttext_spara")
    assert h.andringar == {"text": [None, "Människor ska få stöd."]} and h.aktor == chef
    with pytest.raises(ValidationError, match="Okänt avsnitt"):
        services.rapporttext_spara(forbund=forbund, aktor=chef, typ="arsredovisning", ar=2019, sektion_nyckel="finns_inte", text="x")
    m = services.forbundsmal_spara(forbund=forbund, aktor=chef, ar=2020, mal="Effektivt styrelsearbete", ansvarig="Styrelsen")
    services.forbundsmal_spara(forbund=forbund, aktor=chef, objekt=m, bedomning="uppfyllt", kommentar="Hög närvaro")
    assert Forbundsmal.objects.get(pk=m.pk).bedomning == "uppfyllt"
    assert list(Handelse.objects.filter(forbund=forbund, handling__startswith="forbundsmal").values_list("handling", flat=True).order_by("id")) == [
        "forbundsmal_skapa",
        "forbundsmal_spara",
    ]
    assert services.forbundsmal_kopiera(forbund=forbund, aktor=chef, fran_ar=2020, till_ar=2021) == 1
    kopia = Forbundsmal.objects.get(forbund=forbund, ar=2021)
    assert (kopia.mal, kopia.bedomning) == ("Effektivt styrelsearbete", "")


def test_annat_forbunds_sammantrade_godtas_inte(forbund: Forbund, annat_forbund: Forbund, chef: Any) -> None:
    from styrelse.models import Sammantrade

    annat = Sammantrade.objects.create(forbund=annat_forbund, datum=f.D(2020, 2, 13))
    with pytest.raises(ValidationError):
        services.rapport_markera_slutlig(forbund=forbund, aktor=chef, typ="verksamhetsplan", ar=2020, sammantrade=annat)
    assert not Rapport.objects.filter(forbund=forbund, status=Rapport.Status.SLUTLIG).exists()
