"""Reports due from interventions: schedule, versions, the overdue list on the start page, the reminder e-mail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from finsam.models import Forbund, Handelse
from insatser import services
from insatser.models import Rapport
from insatser.selectors import forsenade_rapporter
from insatser.tasks import rapport_paminnelse_task
from tests import filer
from tests.insatser import factories as f


def test_schema_for_perioden(forbund: Forbund, chef) -> None:
    insats = f.insats(forbund, "NAFS", startdatum=dt.date(2019, 8, 1), slutdatum=dt.date(2020, 12, 31))
    skapade = services.rapport_schema_skapa(insats=insats, aktor=chef)
    assert sorted((r.typ, r.ar, r.forfallodatum) for r in skapade) == [
        ("arsrapport", 2019, dt.date(2020, 1, 31)),
        ("arsrapport", 2020, dt.date(2021, 1, 31)),
        ("delarsrapport", 2020, dt.date(2020, 8, 31)),
    ]
    assert services.rapport_schema_skapa(insats=insats, aktor=chef) == []


def test_versioner_och_forsenade(forbund: Forbund, chef) -> None:
    insats = f.insats(forbund, "MISAM")
    idag = dt.date(2021, 3, 1)
    r1 = services.rapport_create(insats=insats, aktor=chef, typ="arsrapport", ar=2020)  # due 2021-01-31
    r2 = services.rapport_create(insats=insats, aktor=chef, typ="delarsrapport", ar=2021)  # due 2021-08-31
    assert list(forsenade_rapporter(forbund, idag)) == [r1]
    v1 = services.rapportversion_ladda_upp(rapport=r1, aktor=chef, fil=SimpleUploadedFile("a.pdf", filer.pdf("v1")))
    v2 = services.rapportversion_ladda_upp(rapport=r1, aktor=chef, fil=SimpleUploadedFile("a.pdf", filer.pdf("v2")), kommentar="Rättad")
    assert (v1.version, v2.version) == (1, 2)
    r1.refresh_from_db()
    assert r1.inlamnad is not None
    assert list(forsenade_rapporter(forbund, idag)) == []
    assert list(forsenade_rapporter(forbund, dt.date(2021, 9, 1))) == [r2]
    with pytest.raises(ValidationError, match="Välj en fil"):
        services.rapportversion_ladda_upp(rapport=r2, aktor=chef, fil=SimpleUploadedFile("tom.pdf", b""))
    with pytest.raises(ValidationError, match="Filtypen är inte tillåten"):
        services.rapportversion_ladda_upp(rapport=r2, aktor=chef, fil=SimpleUploadedFile("virus.exe", b"MZ"))
    with pytest.raises(ValidationError, match=r"stämmer inte med filtypen \.pdf"):
        services.rapportversion_ladda_upp(rapport=r2, aktor=chef, fil=SimpleUploadedFile("falsk.pdf", b"<html>"))
    assert not r2.versioner.exists()


def test_forsenade_pa_forbundschefens_startsida(forbund: Forbund, annat_forbund: Forbund, chef_klient, klient) -> None:
    insats = f.insats(forbund, "MISAM")
    Rapport.objects.create(forbund=forbund, insats=insats, typ="arsrapport", ar=2019, forfallodatum=dt.date(2020, 1, 31))
    annan = f.insats(annat_forbund, "ANNAN")
    Rapport.objects.create(forbund=annat_forbund, insats=annan, typ="arsrapport", ar=2019, forfallodatum=dt.date(2020, 1, 31))
    html = chef_klient.get("/").content.decode()
    assert "Årsrapport 2019 från MISAM är försenad" in html
    assert "ANNAN" not in html
    assert "är försenad" not in klient("styrelseledamot").get("/").content.decode()


def test_paminnelse_per_vecka(forbund: Forbund, chef, django_assert_max_num_queries) -> None:
    insats = f.insats(forbund, "MISAM")
    Rapport.objects.create(forbund=forbund, insats=insats, typ="arsrapport", ar=2019, forfallodatum=dt.date(2020, 1, 31))
    Rapport.objects.create(forbund=forbund, insats=insats, typ="delarsrapport", ar=2020, forfallodatum=dt.date(2020, 8, 31))
    Rapport.objects.create(forbund=forbund, insats=insats, typ="arsrapport", ar=2099, forfallodatum=dt.date(2100, 1, 31))
    assert rapport_paminnelse_task() == 1
    assert len(mail.outbox) == 1
    brev = mail.outbox[0]
    assert chef.email in brev.to
    assert "2 försenade rapporter" in brev.subject
    assert "Årsrapport 2019 för MISAM skulle ha lämnats 2020-01-31" in brev.body
    assert "2099" not in brev.body
    assert Handelse.objects.filter(handling="rapport_paminnelse_skicka").count() == 1
    assert rapport_paminnelse_task() == 0  # not again within a week
    assert len(mail.outbox) == 1
