"""Gallring by the records plan: only what is due is destroyed, never a "bevaras" record, a legal hold and a
locked document keep their records, and the run writes its protocol (PDF/A, locked) and its audit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from finsam.models import Dokument, Handelse
from forvaltning.arkiv_plan import PLAN, finsam_rader
from forvaltning.arkivtyper import arkivtyper
from forvaltning.models import Gallring, Planrad
from forvaltning.services.arkiv import (
    dokumenthanteringsplan_skapa,
    gallring_foresla,
    gallring_genomfor,
    gallringsstopp_hav,
    gallringsstopp_registrera,
    planrad_spara,
)
from styrelse.models import Handling
from styrelse.services import handling_registrera
from tests.forvaltning.factories import handlingstyp

pytestmark = pytest.mark.django_db

IDAG = dt.date(2026, 3, 1)


def _handling(forbund: Any, typ: Any, datum: dt.date, rubrik: str, arende: str = "") -> Handling:
    h = handling_registrera(forbund=forbund, aktor="test", riktning="inkommande", datum=datum, rubrik=rubrik, handlingstyp=typ, arende=arende)
    h.fil.save(f"h-{h.pk}.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return h


def test_planen_har_seedens_22_rader_med_tiden_kvar(forbund: Any) -> None:
    rader = dokumenthanteringsplan_skapa(forbund=forbund, aktor="test")
    assert len(PLAN) == 22 and len(rader) == 22 + len(finsam_rader())
    regel = {r.handling: r.regel for r in rader}
    assert regel["Årsredovisning"] == "Bevaras 5 år"
    assert regel["Inkomna och upprättade diarieförda handlingar/ärenden"] == "Bevaras 5 år"
    assert regel["Utskickade handlingar"] == "1 år eller vid inaktualitet"
    assert regel["Underlag för utbetalning av sammanträdesersättning, närvarolista"] == "10 år i lönesystemet"
    arsred = next(r for r in rader if r.handling == "Årsredovisning")
    assert arsred.bevaras and arsred.forsta_gallringsar(2019) is None
    for namn in ("Årsbudget och verksamhetsplan, protokoll", "Projektdokumentation, protokoll, slutresultat/rapporter"):
        assert namn in regel
    # every kind of record Finsam holds, its own PDFs included, maps to exactly one row
    mappade = [k for r in rader for k in r.produkttyper]
    assert sorted(mappade) == sorted(arkivtyper()) and len(mappade) == len(set(mappade))
    assert Handelse.objects.get(handling="dokumenthanteringsplan_skapa").detaljer == {"rader": len(rader)}


def test_gallring_tar_bara_det_som_forfallit(forbund: Any, chef: Any, django_capture_on_commit_callbacks: Any) -> None:
    kallelse = handlingstyp(forbund, "Kallelse/föredragningslista", "gallras", 2)
    faktura = handlingstyp(forbund, "Underlag externfaktura", "gallras", 10)
    protokoll = handlingstyp(forbund, "Protokoll och bilagor, styrelsen")
    epost = handlingstyp(forbund, "E-post av ringa betydelse", "inaktualitet")
    due_kallelse = _handling(forbund, kallelse, dt.date(2023, 12, 31), "Kallelse december 2023")  # 2023 + 2 + 1 = 2026
    ej_kallelse = _handling(forbund, kallelse, dt.date(2024, 1, 2), "Kallelse januari 2024")  # first in 2027
    due_faktura = _handling(forbund, faktura, dt.date(2015, 5, 1), "Faktura maj 2015")
    ej_faktura = _handling(forbund, faktura, dt.date(2016, 5, 1), "Faktura maj 2016")
    bevaras = _handling(forbund, protokoll, dt.date(1999, 1, 1), "Protokoll 1999")
    inaktuell = _handling(forbund, epost, dt.date(2001, 1, 1), "Reklam")
    tvist = _handling(forbund, faktura, dt.date(2014, 2, 1), "Faktura hyra 2014", arende="Tvist om hyran")
    stopp = gallringsstopp_registrera(forbund=forbund, aktor=chef, arende="Tvist om hyran", orsak="Skiljeförfarande pågår")

    forslag = gallring_foresla(forbund=forbund, aktor="gallring_foresla_task", idag=IDAG)
    assert [p["id"] for p in forslag.poster] == [due_faktura.pk, due_kallelse.pk]
    assert [(p["id"], p["skal"]) for p in forslag.behalls] == [(tvist.pk, "Gallringsstopp för ärendet ”Tvist om hyran”: Skiljeförfarande pågår")]
    assert forslag.poster[1]["regel"] == "Gallras efter 2 år"

    filer = {h.pk: h.fil.name for h in (due_kallelse, due_faktura)}
    with django_capture_on_commit_callbacks(execute=True):
        g = gallring_genomfor(gallring=forslag, aktor=chef, idag=IDAG)
    assert (g.status, g.genomford_av, [p["id"] for p in g.utfall]) == ("genomford", chef, [due_faktura.pk, due_kallelse.pk])
    for h in (due_kallelse, due_faktura):
        h.refresh_from_db()
        assert h.gallrad == IDAG and not h.fil
        assert not Handling._meta.get_field("fil").storage.exists(filer[h.pk])
    for h in (ej_kallelse, ej_faktura, bevaras, inaktuell, tvist):
        h.refresh_from_db()
        assert h.gallrad is None and h.fil
    # the protocol: rendered, PDF/A, locked, kept under the plan's "bevaras"
    protokoll_pdf = Dokument.objects.get(pk=g.protokoll_id)
    assert (protokoll_pdf.typ, protokoll_pdf.status, protokoll_pdf.pdfa, protokoll_pdf.last) == ("gallringsprotokoll", "klar", True, True)
    handelse = Handelse.objects.get(handling="gallring_genomfora")
    assert [p["id"] for p in handelse.detaljer["gallrat"]] == [due_faktura.pk, due_kallelse.pk]
    assert handelse.aktor == chef
    with pytest.raises(ValidationError, match="redan genomförd"):
        gallring_genomfor(gallring=g, aktor=chef, idag=IDAG)
    # lifting the hold makes the disputed invoice due in the next proposal
    gallringsstopp_hav(stopp=stopp, aktor=chef)
    assert [p["id"] for p in gallring_foresla(forbund=forbund, aktor="test", idag=IDAG).poster] == [tvist.pk]


def test_last_dokument_och_andrad_regel_gallras_inte(forbund: Any, chef: Any) -> None:
    """A locked PDF under a gallras row is kept with the reason; a row made "bevaras" after the proposal stops the destruction."""
    rad = Planrad.objects.create(
        forbund=forbund, avsnitt="Finsam", handling="Utdrag", bevarande="inaktualitet", ar=1, produkttyper=["dokument:organisationsblad"]
    )
    last = Dokument.objects.create(forbund=forbund, typ="organisationsblad", titel="Organisation 2020", nyckel="org:2020", status="klar", last=True)
    las_inte = Dokument.objects.create(forbund=forbund, typ="organisationsblad", titel="Organisation 2021", nyckel="org:2021", status="klar")
    Dokument.objects.filter(pk__in=[last.pk, las_inte.pk]).update(bestalld=dt.datetime(2021, 6, 1, tzinfo=dt.UTC), klar=None)
    kallelse = handlingstyp(forbund, "Kallelse", "gallras", 2)
    h = _handling(forbund, kallelse, dt.date(2020, 1, 1), "Kallelse 2020")
    forslag = gallring_foresla(forbund=forbund, aktor="test", idag=IDAG)
    assert {(p["slag"], p["id"]) for p in forslag.poster} == {("dokument", las_inte.pk), ("handling", h.pk)}
    assert [(p["id"], p["skal"]) for p in forslag.behalls] == [(last.pk, "Låst (fastställd) handling; en låst handling tas aldrig bort.")]
    # the rule changes to "bevaras" before the förbundschef approves: the kallelse is kept
    planrad_spara(forbund=forbund, aktor=chef, rad=kallelse.planrad, bevarande="bevaras")
    with pytest.raises(ValidationError, match="kan inte ändras till att gallras"):
        planrad_spara(forbund=forbund, aktor=chef, rad=kallelse.planrad, bevarande="gallras")
    g = gallring_genomfor(gallring=forslag, aktor=chef, idag=IDAG)
    assert [p["id"] for p in g.utfall] == [las_inte.pk]
    assert {p["id"] for p in g.behalls} == {last.pk, h.pk}
    assert Dokument.objects.filter(pk=last.pk).exists() and not Dokument.objects.filter(pk=las_inte.pk).exists()
    h.refresh_from_db()
    assert h.gallrad is None
    assert rad.pk


def test_kommandot_foreslar_och_genomfor(forbund: Any, chef: Any, capsys: Any) -> None:
    faktura = handlingstyp(forbund, "Underlag externfaktura", "gallras", 10)
    h = _handling(forbund, faktura, dt.date(2001, 1, 1), "Faktura 2001")
    call_command("gallra", forbund.slug)
    assert "1 att gallra" in capsys.readouterr().out
    h.refresh_from_db()
    assert h.gallrad is None
    with pytest.raises(CommandError, match="förbundschefen"):
        call_command("gallra", forbund.slug, "--genomfor")
    call_command("gallra", forbund.slug, "--genomfor", "--anvandare", chef.username)
    h.refresh_from_db()
    assert h.gallrad is not None
    assert Gallring.objects.filter(forbund=forbund, status="genomford").count() == 1
