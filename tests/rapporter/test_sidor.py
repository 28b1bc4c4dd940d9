"""The reports' pages and API: fixed query counts, preview without saving, refusals that change nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client

from finsam.models import Forbund, Handelse, RollTyp
from rapporter.models import Forbundsmal, Rapport, Rapporttext

from . import factories as f

pytestmark = pytest.mark.django_db


def _fragor(c: Client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        svar = c.get(url)
    assert svar.status_code == 200, (url, svar.status_code)
    return len(ctx)


def _mer_data(forbund: Forbund, n: int) -> None:
    for i in range(n):
        ins = f.insats(forbund, f"I{n}-{i}", namn=f"Insats {n}-{i}")
        for j in range(4):
            f.inskrivning(
                forbund, ins, f"p{n}-{i}-{j}", kon=["kvinna", "man", "annat"][j % 3], avslutad=dt.date(2019, 10, 1), forsorjning_ut="studier"
            )
        f.mal(forbund, 2019, f"Mål {n}-{i}")
        Rapporttext.objects.create(forbund=forbund, typ="arsredovisning", ar=2019, sektion="arbete", insats=ins, text="Arbete")


@pytest.mark.parametrize(
    "url",
    ["/rapporter/arsredovisning/2019/", "/rapporter/verksamhetsplan/2019/", "/rapporter/mal/2019/", "/rapporter/", "/api/rapporter/mal/?ar=2019"],
)
def test_fast_antal_fragor_pa_sidorna(url: str, forbund: Forbund, chef_klient: Client) -> None:
    f.styrelse(forbund, 2019)
    f.kant_utfall(forbund)
    _mer_data(forbund, 1)
    fore = _fragor(chef_klient, url)
    _mer_data(forbund, 5)
    assert _fragor(chef_klient, url) == fore
    assert fore <= 60, fore  # the annual report page reconciles a full fresh snapshot


def test_forhandsgranskning_sparar_inget(forbund: Forbund, chef_klient: Client) -> None:
    url = "/rapporter/arsredovisning/2019/text/vision/"
    svar = chef_klient.post(url, {"text": "Ingen ska <script>x</script> stå **utan** stöd.", "atgard": "forhandsgranska"})
    html = svar.content.decode()
    assert svar.status_code == 200 and "Förhandsgranskning" in html
    assert "<strong>utan</strong>" in html and "&lt;script&gt;" in html and "<script>x" not in html
    assert not Rapporttext.objects.exists() and not Handelse.objects.filter(handling="rapporttext_spara").exists()
    svar = chef_klient.post(url, {"text": "Människor ska få stöd.", "atgard": "spara"})
    assert svar.status_code == 302 and svar["Location"].endswith("/rapporter/arsredovisning/2019/#sektion-vision")
    assert Rapporttext.objects.get(sektion="vision").text == "Människor ska få stöd."


def test_okand_typ_och_sektion_ar_404(chef_klient: Client) -> None:
    assert chef_klient.get("/rapporter/budget/2019/").status_code == 404
    assert chef_klient.get("/rapporter/arsredovisning/2019/text/finns-inte/").status_code == 404
    assert chef_klient.get("/rapporter/arsredovisning/1800/").status_code == 404


def test_slutlig_via_sidan_vagras_med_svenskt_besked(forbund: Forbund, chef_klient: Client) -> None:
    moten = f.styrelse(forbund, 2019)
    svar = chef_klient.post("/rapporter/arsredovisning/2019/slutlig/", {"sammantrade": moten["beslutsmote"].pk}, follow=True)
    html = svar.content.decode()
    assert "kan inte markeras som slutlig" in html and "Bokföringen för 2019 är importerad" in html
    assert not Rapport.objects.filter(status=Rapport.Status.SLUTLIG).exists()
    assert not Handelse.objects.filter(handling="rapport_markera_slutlig").exists()


def test_revisor_ser_inte_utkastsidan_men_listan(forbund: Forbund, klient: Callable[..., Client]) -> None:
    revisor = klient(RollTyp.REVISOR)
    assert revisor.get("/rapporter/arsredovisning/2019/").status_code == 403
    html = revisor.get("/rapporter/").content.decode()
    assert "Fastställda rapporter" in html and "Öppna en rapport" not in html


def test_sidan_ar_tillganglig(forbund: Forbund, chef_klient: Client) -> None:
    f.styrelse(forbund, 2019)
    f.mal(forbund, 2019)
    html = chef_klient.get("/rapporter/arsredovisning/2019/").content.decode()
    assert html.count('<th scope="col">') >= 4 and "<th>" not in html
    assert '<label for="id_sammantrade">' in html
    html = chef_klient.get("/rapporter/mal/2019/").content.decode()
    assert '<label for="id_mal">' in html and '<label for="id_utforande">' in html
    svar = chef_klient.post("/rapporter/mal/2019/nytt/", {"mal": ""})
    assert svar.status_code == 400 and 'aria-invalid="true"' in svar.content.decode()
    assert Forbundsmal.objects.filter(ar=2019).count() == 1


def test_api_texter_och_mal(forbund: Forbund, chef_klient: Client, annat_forbund: Forbund) -> None:
    svar = chef_klient.post(
        "/api/rapporter/texter/", {"typ": "arsredovisning", "ar": 2020, "sektion": "vision", "text": "Vision"}, content_type="application/json"
    )
    assert svar.status_code == 201 and svar.json()["text"] == "Vision"
    svar = chef_klient.post(
        "/api/rapporter/texter/", {"typ": "verksamhetsplan", "ar": 2020, "sektion": "vision", "text": "x"}, content_type="application/json"
    )
    assert svar.status_code == 400
    annan = f.insats(annat_forbund, "ANNAN")
    svar = chef_klient.post(
        "/api/rapporter/texter/",
        {"typ": "arsredovisning", "ar": 2019, "sektion": "arbete", "insats": annan.pk, "text": "x"},
        content_type="application/json",
    )
    assert svar.status_code == 404
    svar = chef_klient.post("/api/rapporter/mal/", {"ar": 2020, "mal": "Samsyn", "ansvarig": "Styrelsen"}, content_type="application/json")
    assert svar.status_code == 201
    pk = svar.json()["id"]
    svar = chef_klient.patch(f"/api/rapporter/mal/{pk}/", {"bedomning": "delvis_uppfyllt"}, content_type="application/json")
    assert svar.status_code == 200 and svar.json()["bedomning"] == "delvis_uppfyllt"
    assert chef_klient.delete(f"/api/rapporter/mal/{pk}/").status_code == 204
    assert list(Handelse.objects.filter(handling__startswith="forbundsmal").order_by("id").values_list("handling", flat=True)) == [
        "forbundsmal_skapa",
        "forbundsmal_spara",
        "forbundsmal_ta_bort",
    ]
    svar = chef_klient.post("/api/rapporter/rapporter/skapa/", {"typ": "verksamhetsplan", "ar": 2020}, content_type="application/json")
    assert svar.status_code == 202 and svar.json()["dokument"]["status"] in {"koad", "klar"}


def test_startsidan_paminner_om_arsredovisningen(forbund: Forbund, chef_klient: Client, klient: Callable[..., Client]) -> None:
    from finsam.permissions import Kontext
    from rapporter.startsida import notiser

    chef = Kontext(forbund=forbund, roll=RollTyp.FORBUNDSCHEF)
    (notis,) = notiser(chef, None, idag=dt.date(2020, 3, 2))
    assert "Årsredovisningen för 2019" in notis.text and "31 mars 2020" in notis.text and notis.niva == "varning"
    assert notis.url == "/rapporter/arsredovisning/2019/"
    assert notiser(chef, None, idag=dt.date(2020, 6, 1)) == []
    assert notiser(Kontext(forbund=forbund, roll=RollTyp.REVISOR), None, idag=dt.date(2020, 3, 2)) == []
    Rapport.objects.create(forbund=forbund, typ="arsredovisning", ar=2019, status=Rapport.Status.FASTSTALLD)
    assert notiser(chef, None, idag=dt.date(2020, 3, 2)) == []
    assert "Rapporter" in klient(RollTyp.REVISOR).get("/").content.decode()
