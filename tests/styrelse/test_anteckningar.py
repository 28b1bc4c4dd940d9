"""Private notes on the papers: the author's alone (page, API, admin), exportable, removed after justering by the retention rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from finsam.models import Handelse, RollTyp
from styrelse.models import Anteckning, Bilaga, Sammantrade
from styrelse.services.anteckning import anteckning_spara, anteckningar_gallra
from styrelse.tasks import anteckningar_gallra_task

from .factories import ArendeFactory, SammantradeFactory, styrelse
from .ledamot_hjalp import inloggad, koppla

pytestmark = pytest.mark.django_db
HEMLIG = "Fråga om kostnaden för lokalen – hemlig anteckning"


@pytest.fixture
def s(forbund: Any) -> dict[str, Any]:
    return styrelse(forbund)


@pytest.fixture
def miljo(forbund: Any, s: dict[str, Any], anvandare: Any) -> dict[str, Any]:
    mote = SammantradeFactory(forbund=forbund, datum=timezone.localdate() + dt.timedelta(days=7))
    a = ArendeFactory(sammantrade=mote, rubrik="Budget 2027")
    b = Bilaga(forbund=forbund, sammantrade=mote, arende=a, nummer=1, titel="Budgetförslag", storlek=9)
    b.fil.save("b.pdf", ContentFile(b"%PDF-1.7 x"), save=False)
    b.save()
    agare = koppla(anvandare, s["ledamot"]["fk"], "agaren")
    annan = koppla(anvandare, s["ledamot"]["af"], "annan-ledamot")
    return {"mote": mote, "arende": a, "bilaga": b, "agare": agare, "annan": annan}


def test_anteckning_syns_bara_for_forfattaren_i_sida_och_api(forbund: Any, miljo: dict[str, Any], klient: Any) -> None:
    mote, a, b = miljo["mote"], miljo["arende"], miljo["bilaga"]
    c = inloggad(miljo["agare"])
    svar = c.post(f"/styrelse/mina-moten/{mote.pk}/anteckningar/", {"arende": a.pk, "text": HEMLIG})
    assert svar.status_code == 302 and svar["Location"] == f"/styrelse/mina-moten/{mote.pk}/#arende-{a.pk}"
    api = c.post("/api/styrelse/anteckningar/", {"bilaga": b.pk, "text": "Om bilagan – " + HEMLIG}, content_type="application/json")
    assert api.status_code == 201
    egna = Anteckning.objects.filter(forfattare=miljo["agare"])
    assert egna.count() == 2
    assert HEMLIG in c.get(f"/styrelse/mina-moten/{mote.pk}/").content.decode()
    assert len(c.get("/api/styrelse/anteckningar/").json()["results"]) == 2
    # Nobody else: another ledamot, the förbundschef, the administrator, the revisor – page, API list, API detail.
    andra = {"annan ledamot": inloggad(miljo["annan"]), **{r: klient(r) for r in [RollTyp.FORBUNDSCHEF, RollTyp.ADMINISTRATOR, RollTyp.REVISOR]}}
    for namn, k in andra.items():
        for url in [f"/styrelse/mina-moten/{mote.pk}/", f"/styrelse/moten/{mote.pk}/", "/styrelse/mina-moten/"]:
            assert HEMLIG not in k.get(url).content.decode(), (namn, url)
        lista = k.get("/api/styrelse/anteckningar/")
        assert lista.status_code in {200, 403}, namn
        assert HEMLIG not in lista.content.decode()
        for x in egna:
            detalj = k.get(f"/api/styrelse/anteckningar/{x.pk}/")
            assert detalj.status_code in {403, 404} and HEMLIG not in detalj.content.decode(), namn
            assert k.delete(f"/api/styrelse/anteckningar/{x.pk}/").status_code in {403, 404}
            assert k.post(f"/styrelse/anteckningar/{x.pk}/ta-bort/").status_code in {403, 404}
        export = k.get(f"/styrelse/mina-moten/{mote.pk}/anteckningar/export/")
        assert HEMLIG not in export.content.decode(errors="replace")
    # Another ledamot holds the permission: the author's notes are a 404 for them, their own list is empty.
    k = andra["annan ledamot"]
    assert k.get(f"/api/styrelse/anteckningar/{egna[0].pk}/").status_code == 404
    assert k.get("/api/styrelse/anteckningar/").json()["results"] == []
    assert Anteckning.objects.filter(forfattare=miljo["agare"]).count() == 2
    # Not in the admin, and the audit trail never holds the text.
    assert Anteckning not in admin.site._registry
    assert all(HEMLIG not in str(h.detaljer) + str(h.andringar) for h in Handelse.objects.filter(handling="anteckning_spara"))


def test_export_som_markdown_och_pdf(forbund: Any, miljo: dict[str, Any]) -> None:
    mote, a, b = miljo["mote"], miljo["arende"], miljo["bilaga"]
    anteckning_spara(forbund=forbund, aktor=miljo["agare"], text="Bilagan saknar 2028", bilaga=b)
    anteckning_spara(forbund=forbund, aktor=miljo["agare"], text=HEMLIG, arende=a)
    anteckning_spara(forbund=forbund, aktor=miljo["annan"], text="Den andras", arende=a)
    c = inloggad(miljo["agare"])
    md = c.get(f"/styrelse/mina-moten/{mote.pk}/anteckningar/export/")
    assert md["Content-Type"] == "text/markdown; charset=utf-8"
    assert md["Content-Disposition"] == f'attachment; filename="anteckningar-{mote.datum:%Y-%m-%d}.md"'
    text = md.content.decode()
    assert text.index(f"## {a.ordning}. Budget 2027\n\n{HEMLIG}") < text.index("## Bilaga 1: Budgetförslag\n\nBilagan saknar 2028")
    assert "Den andras" not in text
    pdf = c.get(f"/styrelse/mina-moten/{mote.pk}/anteckningar/export/?format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_tom_anteckning_tas_bort(forbund: Any, miljo: dict[str, Any]) -> None:
    anteckning_spara(forbund=forbund, aktor=miljo["agare"], text="Först", arende=miljo["arende"])
    assert anteckning_spara(forbund=forbund, aktor=miljo["agare"], text="  ", arende=miljo["arende"]) is None
    assert not Anteckning.objects.exists()


def test_gallras_efter_justering_enligt_installningen(forbund: Any, miljo: dict[str, Any], settings: Any) -> None:
    settings.FINSAM_ANTECKNING_GALLRING_DAGAR = 30
    mote: Sammantrade = miljo["mote"]
    anteckning_spara(forbund=forbund, aktor=miljo["agare"], text=HEMLIG, arende=miljo["arende"])
    anteckning_spara(forbund=forbund, aktor=miljo["annan"], text="annan", bilaga=miljo["bilaga"])
    ej_justerat = SammantradeFactory(forbund=forbund)
    behalls = anteckning_spara(forbund=forbund, aktor=miljo["agare"], text="behålls", arende=ArendeFactory(sammantrade=ej_justerat))
    justerat = timezone.make_aware(dt.datetime(2026, 3, 2, 15, 0))
    Sammantrade.objects.filter(pk=mote.pk).update(justerat=justerat, status="justerat")
    # The member is told on the page when the notes go.
    sida = inloggad(miljo["agare"]).get(f"/styrelse/mina-moten/{mote.pk}/").content.decode()
    assert "tas de bort 30 dagar efter att protokollet har justerats, dvs. 2026-04-01" in sida
    assert anteckningar_gallra(idag=dt.date(2026, 3, 31)) == 0
    assert Anteckning.objects.count() == 3
    assert anteckningar_gallra(idag=dt.date(2026, 4, 1)) == 2
    assert list(Anteckning.objects.values_list("pk", flat=True)) == [behalls.pk]  # type: ignore[union-attr]
    h = Handelse.objects.get(handling="anteckningar_gallra")
    assert h.detaljer == {"antal": 2, "sammantraden": [mote.pk], "dagar_efter_justering": 30}
    assert anteckningar_gallra_task.apply().get() == 0  # idempotent
    # After the retention no new notes on that meeting.
    with pytest.raises(ValidationError, match="anteckningstiden har gått ut"):
        anteckning_spara(forbund=forbund, aktor=miljo["agare"], text="sent", arende=miljo["arende"])


def test_sida_och_api_nekar_lika_efter_gallring(forbund: Any, miljo: dict[str, Any]) -> None:
    """Parity: page and API refuse a note on a meeting whose notes are removed, with the same message; nothing saved."""
    Sammantrade.objects.filter(pk=miljo["mote"].pk).update(justerat=timezone.now() - dt.timedelta(days=40))
    c = inloggad(miljo["agare"])
    meddelande = "Protokollet är justerat och anteckningstiden har gått ut; anteckningar gallras."
    sida = c.post(f"/styrelse/mina-moten/{miljo['mote'].pk}/anteckningar/", {"arende": miljo["arende"].pk, "text": "x"})
    assert sida.status_code == 400 and meddelande in sida.content.decode()
    api = c.post("/api/styrelse/anteckningar/", {"arende": miljo["arende"].pk, "text": "x"}, content_type="application/json")
    assert api.status_code == 400 and meddelande in str(api.json())
    assert not Anteckning.objects.exists()
