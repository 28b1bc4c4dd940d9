"""Document jobs (eager mode): claim exactly once, heartbeat and reaper, start-up pickup, the
completion step (lock) inside the job, a readable failure reason and "Försök igen"."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from finsam.documents import jobb
from finsam.documents.registry import DOKUMENTTYPER, Dokumenttyp, Progress, registrera
from finsam.documents.services import dokument_bestall
from finsam.models import Dokument, Forbund, Handelse, RollTyp
from finsam.tasks import dokument_rendera_task

pytestmark = pytest.mark.django_db

ORG = {"typ": "organisationsblad", "titel": "Organisationsblad 2019", "nyckel": "organisationsblad:2019", "parametrar": {"ar": 2019}}


def _renderingar(d: Dokument) -> int:
    return Handelse.objects.filter(handling="dokument_rendera", objekt_id=str(d.pk)).count()


def _dod_pid() -> int:
    p = subprocess.Popen(["true"])
    p.wait()
    return p.pid


def _kvarlamnat(forbund: Forbund, **falt: Any) -> Dokument:
    """A job as a vanished process left it: the row only, no message anywhere."""
    return Dokument.objects.create(forbund=forbund, **ORG, **falt)


def test_koade_jobb_tas_upp_vid_start(forbund: Forbund) -> None:
    d = _kvarlamnat(forbund, status=Dokument.Status.KOAD)
    assert jobb.dokument_aterupta() == []  # queued only now: not yet overdue for the beat reaper
    assert Dokument.objects.get(pk=d.pk).status == Dokument.Status.KOAD
    assert jobb.dokument_aterupta(vid_start=True) == [d.pk]
    d.refresh_from_db()
    assert d.status == Dokument.Status.KLAR and d.forsok == 1 and len(d.sha256) == 64 and _renderingar(d) == 1


@pytest.mark.django_db(transaction=True)
def test_worker_start_signalen_tar_upp_kvarlamnade_jobb(forbund: Forbund) -> None:
    from celery.signals import worker_ready

    d = _kvarlamnat(forbund, status=Dokument.Status.KOAD, bestalld=timezone.now() - dt.timedelta(hours=3))
    worker_ready.send(sender=None)
    d.refresh_from_db()
    assert d.status == Dokument.Status.KLAR and d.fil.read().startswith(b"%PDF")


def test_overfallet_koat_jobb_skickas_igen_av_beat_reapern(forbund: Forbund) -> None:
    d = _kvarlamnat(forbund, status=Dokument.Status.KOAD, bestalld=timezone.now() - dt.timedelta(seconds=31))
    assert jobb.dokument_aterupta() == [d.pk]
    assert Dokument.objects.get(pk=d.pk).status == Dokument.Status.KLAR


def test_jobb_vars_process_dog_koas_om_direkt(forbund: Forbund) -> None:
    d = _kvarlamnat(
        forbund, status=Dokument.Status.PAGAR, jobb=f"{jobb.HOST}:{_dod_pid()}:abc", hjartslag=timezone.now(), startad=timezone.now(), forsok=1
    )
    assert jobb.ingen_kor(d)
    assert jobb.dokument_aterupta() == [d.pk]
    d.refresh_from_db()
    assert d.status == Dokument.Status.KLAR and d.forsok == 2 and d.avbrott == 1 and d.jobb == "" and _renderingar(d) == 1


def test_tyst_jobb_pa_annan_dator_tas_tillbaka_efter_gransen(forbund: Forbund, chef: Any) -> None:
    nu = timezone.now()
    d = _kvarlamnat(
        forbund,
        status=Dokument.Status.PAGAR,
        jobb="annan-dator:4242:abc",
        startad=nu - dt.timedelta(minutes=2),
        hjartslag=nu - dt.timedelta(seconds=5),
        forsok=1,
    )
    # Alive (heartbeat 5 s ago): the reaper leaves it, and a new order joins the running job.
    assert jobb.dokument_aterupta() == []
    bestallningar = Handelse.objects.filter(handling="dokument_bestall").count()
    assert dokument_bestall(forbund=forbund, aktor=chef, **ORG).pk == d.pk
    d.refresh_from_db()
    assert d.status == Dokument.Status.PAGAR and d.jobb == "annan-dator:4242:abc" and _renderingar(d) == 0
    assert Handelse.objects.filter(handling="dokument_bestall").count() == bestallningar
    # Silent for longer than the limit (30 s): taken back and rendered once.
    Dokument.objects.filter(pk=d.pk).update(hjartslag=nu - dt.timedelta(seconds=31))
    assert jobb.dokument_aterupta() == [d.pk]
    d.refresh_from_db()
    assert d.status == Dokument.Status.KLAR and _renderingar(d) == 1


def test_ett_tillbakataget_forsok_sparar_ingenting(forbund: Forbund) -> None:
    d = _kvarlamnat(forbund, status=Dokument.Status.KOAD)
    tagen = jobb._ta(d.pk)
    assert tagen is not None
    gammal, token = tagen
    assert jobb._ta(d.pk) is None  # a second message for the same job joins the running one
    pdf = DOKUMENTTYPER["organisationsblad"].bygg(gammal, lambda p, t: None)
    # The first attempt goes silent; the reaper takes the job back and a new attempt renders it.
    Dokument.objects.filter(pk=d.pk).update(hjartslag=timezone.now() - dt.timedelta(minutes=5))
    assert jobb.dokument_aterupta() == [d.pk]
    d.refresh_from_db()
    klar = (d.status, d.sha256, d.klar, d.fil.name)
    assert d.status == Dokument.Status.KLAR and _renderingar(d) == 1
    # The old attempt finishes late: it stores nothing.
    jobb._slutfor(gammal, token, pdf, DOKUMENTTYPER["organisationsblad"])
    d.refresh_from_db()
    assert (d.status, d.sha256, d.klar, d.fil.name) == klar and _renderingar(d) == 1


def test_for_manga_avbrott_ger_las_bart_fel(forbund: Forbund, klient: Callable[..., Client]) -> None:
    d = _kvarlamnat(forbund, status=Dokument.Status.PAGAR, jobb=f"{jobb.HOST}:{_dod_pid()}:abc", hjartslag=timezone.now(), forsok=5, avbrott=4)
    assert jobb.dokument_aterupta() == []
    d.refresh_from_db()
    assert d.status == Dokument.Status.MISSLYCKAD and d.jobb == ""
    assert d.fel == (
        "Arbetet avbröts 5 gånger innan dokumentet blev klart (bakgrundsprocessen stannade). Försök igen; kvarstår felet, kontakta administratören."
    )
    sida = klient(RollTyp.FORBUNDSCHEF).get(f"/dokument/{d.pk}/").content.decode()
    assert d.fel in sida and "Försök igen</button>" in sida


# --- failure reason and "Försök igen" ---
@pytest.fixture
def trasig() -> Iterator[dict[str, Any]]:
    """A document type whose builder fails as told by state['fel'] (None: renders a PDF)."""
    state: dict[str, Any] = {"fel": RuntimeError("Mallen saknas"), "anrop": 0}

    def bygg(dokument: Dokument, progress: Progress) -> bytes:
        state["anrop"] += 1
        fel = state["fel"]
        if isinstance(fel, list):
            fel = fel.pop(0) if fel else None
        if fel is not None:
            raise fel
        return DOKUMENTTYPER["organisationsblad"].bygg(dokument, progress)

    registrera(Dokumenttyp(typ="test_trasig", namn="Trasigt", bygg=bygg, behorighet="dokument.visa"))
    yield state
    DOKUMENTTYPER.pop("test_trasig")


def _trasigt(forbund: Forbund, chef: Any) -> Dokument:
    return dokument_bestall(
        forbund=forbund, aktor=chef, typ="test_trasig", titel="Organisationsblad 2019", nyckel="trasig:2019", parametrar={"ar": 2019}
    )


def test_misslyckat_jobb_visar_orsak_och_forsok_igen(forbund: Forbund, chef: Any, trasig: dict[str, Any], klient: Callable[..., Client]) -> None:
    d = _trasigt(forbund, chef)
    d.refresh_from_db()
    assert d.status == Dokument.Status.MISSLYCKAD and d.jobb == ""
    assert d.fel == "Ett tekniskt fel stoppade dokumentet (RuntimeError: Mallen saknas). Försök igen; kvarstår felet, kontakta administratören."
    chef_klient, ledamot = klient(RollTyp.FORBUNDSCHEF), klient(RollTyp.STYRELSELEDAMOT)
    sida = chef_klient.get(f"/dokument/{d.pk}/").content.decode()
    assert "Misslyckades: Ett tekniskt fel stoppade dokumentet (RuntimeError: Mallen saknas)." in sida
    assert f'action="/dokument/{d.pk}/forsok-igen/"' in sida and "Försök igen</button>" in sida
    assert "Försök igen</button>" not in ledamot.get(f"/dokument/{d.pk}/").content.decode()
    # Without dokument.skapa: refused, nothing changed (page and API).
    assert ledamot.post(f"/dokument/{d.pk}/forsok-igen/").status_code == 403
    assert ledamot.post(f"/api/dokument/{d.pk}/forsok-igen/").status_code == 403
    assert Dokument.objects.get(pk=d.pk).status == Dokument.Status.MISSLYCKAD and trasig["anrop"] == 1
    # The förbundschef tries again once the cause is gone.
    trasig["fel"] = None
    svar = chef_klient.post(f"/dokument/{d.pk}/forsok-igen/", follow=True)
    assert svar.redirect_chain == [(f"/dokument/{d.pk}/", 302)]
    assert "Dokumentet skapas på nytt i bakgrunden." in svar.content.decode()
    d.refresh_from_db()
    assert d.status == Dokument.Status.KLAR and d.fel == "" and d.fil.read().startswith(b"%PDF") and trasig["anrop"] == 2
    assert Handelse.objects.filter(handling="dokument_forsok_igen", objekt_id=str(d.pk)).count() == 1


def test_forsok_igen_pa_klart_dokument_nekas_lika_i_sida_och_api(
    forbund: Forbund, chef: Any, trasig: dict[str, Any], klient: Callable[..., Client]
) -> None:
    trasig["fel"] = None
    d = _trasigt(forbund, chef)
    d.refresh_from_db()
    fore = (d.status, d.sha256, d.klar, d.forsok)
    c = klient(RollTyp.FORBUNDSCHEF)
    sida = c.post(f"/dokument/{d.pk}/forsok-igen/", follow=True)
    api = c.post(f"/api/dokument/{d.pk}/forsok-igen/")
    meddelande = "Bara ett dokument som misslyckades kan försökas igen."
    assert meddelande in sida.content.decode()
    assert api.status_code == 400 and meddelande in api.content.decode()
    d.refresh_from_db()
    assert (d.status, d.sha256, d.klar, d.forsok) == fore and trasig["anrop"] == 1
    assert not Handelse.objects.filter(handling="dokument_forsok_igen").exists()


def test_valideringsfel_visas_som_det_ar(forbund: Forbund, chef: Any, trasig: dict[str, Any]) -> None:
    trasig["fel"] = ValidationError("Sammanträdet finns inte.")
    d = _trasigt(forbund, chef)
    d.refresh_from_db()
    assert d.status == Dokument.Status.MISSLYCKAD and d.fel == "Sammanträdet finns inte."


def test_tillfalligt_fel_provas_igen_som_helhet(forbund: Forbund, chef: Any, trasig: dict[str, Any]) -> None:
    trasig["fel"] = [OperationalError("database is locked")]
    d = _trasigt(forbund, chef)
    d.refresh_from_db()
    assert d.status == Dokument.Status.KLAR and trasig["anrop"] == 2 and d.forsok == 2 and _renderingar(d) == 1


def test_tillfalligt_fel_som_kvarstar_ger_las_bart_fel(forbund: Forbund, chef: Any, trasig: dict[str, Any]) -> None:
    trasig["fel"] = [OperationalError("database is locked") for _ in range(10)]
    d = _trasigt(forbund, chef)
    d.refresh_from_db()
    assert trasig["anrop"] == dokument_rendera_task.max_retries + 1
    assert d.status == Dokument.Status.MISSLYCKAD
    assert d.fel == "Databasen eller lagringen svarade inte (OperationalError). Försök igen om en stund."


# --- the completion step: justered minutes are locked by the job that renders them ---
def _pdf_text(d: Dokument) -> str:
    with d.fil.open("rb") as f:
        return " ".join(" ".join(p.extract_text() for p in PdfReader(f).pages).split())


def test_justerat_protokoll_las_i_samma_jobb(forbund: Forbund, chef: Any) -> None:
    from styrelse.models import Sammantrade
    from styrelse.services.dokument import protokoll_bestall

    mote = Sammantrade.objects.create(forbund=forbund, datum=dt.date(2019, 11, 28))
    utkast = protokoll_bestall(sammantrade=mote, aktor=chef)
    utkast.refresh_from_db()
    assert utkast.status == Dokument.Status.KLAR and not utkast.last and "UTKAST" in _pdf_text(utkast)
    Sammantrade.objects.filter(pk=mote.pk).update(justerat=timezone.now(), status=Sammantrade.Status.JUSTERAT)
    mote.refresh_from_db()
    d = protokoll_bestall(sammantrade=mote, aktor=chef, las=True)
    d.refresh_from_db()
    assert d.pk == utkast.pk and d.status == Dokument.Status.KLAR and d.last and d.pdfa and len(d.sha256) == 64
    assert d.titel == "Protokoll 2019-11-28" and "UTKAST" not in _pdf_text(d)
    assert Handelse.objects.filter(handling="dokument_las", objekt_id=str(d.pk)).count() == 1


def test_justering_under_renderingen_ger_slutligt_protokoll(forbund: Forbund, chef: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The justering lands while the draft renders: the order joins that job, which renders again and locks."""
    from styrelse import pdf as styrelse_pdf
    from styrelse.models import Sammantrade
    from styrelse.services.dokument import protokoll_bestall

    mote = Sammantrade.objects.create(forbund=forbund, datum=dt.date(2019, 11, 28))
    verklig = styrelse_pdf.protokoll_pdf
    anrop: list[bool] = []

    def under_renderingen(data: dict[str, Any]) -> bytes:
        anrop.append(data["mote"].justerat is not None)
        if len(anrop) == 1:
            Sammantrade.objects.filter(pk=mote.pk).update(justerat=timezone.now(), status=Sammantrade.Status.JUSTERAT)
            mote.refresh_from_db()
            joined = protokoll_bestall(sammantrade=mote, aktor=chef, las=True)
            assert Dokument.objects.get(pk=joined.pk).status == Dokument.Status.PAGAR  # joined, not a second job
        return verklig(data)

    monkeypatch.setattr(styrelse_pdf, "protokoll_pdf", under_renderingen)
    d = protokoll_bestall(sammantrade=mote, aktor=chef)
    d.refresh_from_db()
    assert anrop == [False, True]
    assert d.last and d.forsok == 1 and _renderingar(d) == 1 and "UTKAST" not in _pdf_text(d)


# --- one task path: the embedded default is a Celery worker on a filesystem broker ---
def test_inbyggt_standardlage_ar_celery_pa_filkö(tmp_path: Any) -> None:
    import json
    import os
    import sys

    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "FINSAM_TASK_MODE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update({"DJANGO_SETTINGS_MODULE": "finsam.settings.base", "CELERY_BROKER_DIR": str(tmp_path / "kö")})
    kod = (
        "import django, json; django.setup(); from django.conf import settings as s; from finsam.celery import app; "
        "app.conf.broker_url; print(json.dumps([s.FINSAM_TASK_MODE, s.CELERY_BROKER_URL, s.CELERY_TASK_ALWAYS_EAGER, "
        "s.CELERY_BROKER_TRANSPORT_OPTIONS['data_folder_in'] == s.CELERY_BROKER_TRANSPORT_OPTIONS['data_folder_out'], "
        "s.CELERY_BEAT_SCHEDULE['finsam-dokument-aterupta']['task']]))"
    )
    ut = subprocess.run([sys.executable, "-c", kod], env=env, capture_output=True, text=True, timeout=120, check=True).stdout
    assert json.loads(ut.strip().splitlines()[-1]) == ["celery", "finsamfil://", False, True, "finsam.dokument_aterupta_task"]
    assert (tmp_path / "kö" / "queue").is_dir() and (tmp_path / "kö" / "control").is_dir()  # made by the app on start


def test_healthz_med_filkö(settings: Any, tmp_path: Any) -> None:
    settings.FINSAM_TASK_MODE = "celery"
    settings.CELERY_BROKER_URL = "finsamfil://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"data_folder_out": str(tmp_path)}
    svar = Client().get("/healthz")
    assert svar.status_code == 200 and svar.json()["broker"] == {"ok": True, "typ": "inbyggd (filkö för Celery-workern)"}
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"data_folder_out": str(tmp_path / "saknas")}
    svar = Client().get("/healthz")
    assert svar.status_code == 503 and svar.json()["broker"]["ok"] is False
