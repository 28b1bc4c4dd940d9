"""The SIE import with a real Celery worker on Redis: a bad file is refused next to the form (page 400, API 400 in the
one error shape) before anything is queued; only the write runs in the job, and a job that refuses later says so on
the job page."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ekonomi.models import Bokforingsjobb, Kontosaldo, Redovisningsimport, Transaktion
from ekonomi.services import bokforing_import_bestall, bokforing_importera
from finsam.models import RollTyp
from tests.api_fel import api_fel
from tests.worker_harness import redis_svarar, worker_igang

from .test_sie import LITEN
from .test_sie_regler import _med_ksumma

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis() -> None:
    if not redis_svarar():
        if os.environ.get("CI"):
            pytest.fail("Redis svarar inte; CI kräver en riktig worker mot Redis.")
        pytest.skip("Redis svarar inte: testet med en riktig Celery-worker hoppas över lokalt.")


def _tillstand() -> tuple[Any, ...]:
    return (
        list(Redovisningsimport.objects.values_list("ar", "sha256")),
        Transaktion.objects.count(),
        Kontosaldo.objects.count(),
        Bokforingsjobb.objects.count(),
    )


def test_felaktig_fil_vagras_vid_formularet_med_riktig_worker(redis: None, settings: Any, forbund: Any, klient: Any) -> None:
    c = klient(RollTyp.FORBUNDSCHEF)
    god = _med_ksumma(LITEN)
    manipulerad = god.replace("#TRANS 6410 {} 300.00", "#TRANS 6410 {} 3000.00").replace("#TRANS 1930 {} -300.00", "#TRANS 1930 {} -3000.00")
    obalanserad = LITEN.replace("#TRANS 1930 {} -300.00", "#TRANS 1930 {} -299.00")
    with worker_igang(settings) as worker:
        for fil, text in (
            (manipulerad, "SIE-filen, rad 25: kontrollsumman stämmer inte"),
            (obalanserad, "SIE-filen, rad 19: verifikation B 7 (2019-03-20) balanserar inte: debet och kredit skiljer 1,00 kr."),
            (LITEN.replace("#SIETYP 4", "#SIETYP 5"), "Filen anger #SIETYP 5; SIE-typerna är 1, 2, 3 och 4."),
            (LITEN.replace("Skellefteå kommun", "Skellefte\u00e5 kommun"), None),  # encoded below as UTF-16: refused
        ):
            data = fil.encode("utf-16") if text is None else fil.encode("cp437")
            sida = c.post("/ekonomi/bokforing/", {"fil": SimpleUploadedFile("t.se", data), "kalla": "sie"})
            api = c.post("/api/ekonomi/importer/", {"fil": SimpleUploadedFile("t.se", data), "kalla": "sie"})
            forvantat = text or "SIE-filen är sparad som UTF-16"
            assert sida.status_code == 400, sida.status_code
            assert forvantat in sida.content.decode()
            assert api.status_code == 400
            assert any(forvantat in m for m in api_fel(api)["fel"]), api.json()
            assert all(set(f) == {"falt", "meddelande", "kod"} for f in api.json()["fel"])
        assert _tillstand() == ([], 0, 0, 0)  # nothing queued, nothing written

        # A good file: 302 to the job page, the worker writes it.
        svar = c.post("/ekonomi/bokforing/", {"fil": SimpleUploadedFile("god.se", god.encode("cp437")), "kalla": "sie"})
        assert svar.status_code == 302
        jobb = Bokforingsjobb.objects.get()
        assert worker.vanta_pa(lambda: Bokforingsjobb.objects.get(pk=jobb.pk).status == Bokforingsjobb.Status.KLAR), worker.logg()[-3000:]
        assert Transaktion.objects.count() == 4
        sida = c.get(svar["Location"]).content.decode()
        assert "Klar" in sida and "verifierad" in sida


def test_jobb_som_vagras_senare_visar_det_pa_jobbsidan(redis: None, settings: Any, forbund: Any, klient: Any) -> None:
    """The checks before queueing pass (the year has balances for a SIE 4I addition); the balances are gone by the
    time the worker runs it: the job page says the file was not imported, and why."""
    c = klient(RollTyp.FORBUNDSCHEF)
    bokforing_importera(forbund=forbund, aktor=None, data=LITEN.encode("cp437"), filnamn="bok.se")
    fyra_i = "\n".join(r for r in LITEN.splitlines() if not r.startswith(("#IB", "#UB", "#RES"))) + "\n"
    with worker_igang(settings, start=False) as worker:
        jobb = bokforing_import_bestall(forbund=forbund, aktor=None, data=fyra_i.encode("cp437"), filnamn="lon.si", tillagg=True)
        assert Bokforingsjobb.objects.get(pk=jobb.pk).status == Bokforingsjobb.Status.KOAD
        Redovisningsimport.objects.all().delete()
        worker.start()
        assert worker.vanta_pa(lambda: Bokforingsjobb.objects.get(pk=jobb.pk).status == Bokforingsjobb.Status.AVVISAD), worker.logg()[-3000:]
    sida = c.get(f"/ekonomi/bokforing/jobb/{jobb.pk}/")
    assert sida.status_code == 200
    text = sida.content.decode()
    assert "Filen importerades inte" in text and "Filen är SIE typ 4I: den innehåller bara verifikationer" in text
    assert "Avvisad" in text and not Transaktion.objects.exists()
