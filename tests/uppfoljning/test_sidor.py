"""Pages and API: fixed query counts, masking by role, refused actions, exports, retention."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from finsam.models import Forbund, Handelse, RollTyp
from tests.uppfoljning import factories as f
from uppfoljning.models import Deltagare, Importkorning, Inskrivning
from uppfoljning.selectors import utfall
from uppfoljning.services import inskrivning_avsluta, inskrivningar_gallra, installning_spara
from uppfoljning.tasks import gallring_task

D = dt.date
RUBRIK = "insats;deltagare_id;kon;fodelsear;remittent;utbildning;forsorjning_in;inskriven;avslutad;forsorjning_ut;samtycke"


def _data(forbund: Forbund, n_insatser: int, n_per: int, prefix: str = "P") -> None:
    for i in range(n_insatser):
        ins = f.insats(forbund, f"I{i}")
        for k in range(n_per):
            f.inskrivning(
                forbund,
                ins,
                f"{prefix}{i}-{k}",
                kon=["kvinna", "man", "annat"][k % 3],
                inskriven=D(2019, 1 + k % 12, 1),
                avslutad=D(2019, 12, 20) if k % 2 else None,
                forsorjning_ut="arbete" if k % 2 else "",
            )


@pytest.mark.parametrize(
    "url",
    [
        "/uppfoljning/utfall/?ar=2019",
        "/uppfoljning/",
        "/uppfoljning/utfall/export/?ar=2019&format=xlsx",
        "/api/uppfoljning/utfall/?ar=2019",
        "/api/uppfoljning/deltagare/",
        "/api/uppfoljning/inskrivningar/",
    ],
)
def test_sidor_har_fast_antal_fragor(url: str, forbund: Forbund, klient: Callable[..., Client], django_assert_max_num_queries: Any) -> None:
    c = klient(RollTyp.FORBUNDSCHEF)
    _data(forbund, 1, 2)
    c.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as liten:
        assert c.get(url).status_code == 200
    _data(forbund, 8, 12, prefix="Q")
    with django_assert_max_num_queries(len(liten.captured_queries)):
        assert c.get(url).status_code == 200


def test_utfallssidan_maskerar_for_styrelsen_men_inte_for_chefen(forbund: Forbund, klient: Callable[..., Client], chef: Any) -> None:
    amt = f.insats(forbund, "AMT", namn="Arbetsmarknadstorget")
    for k, kon in enumerate(["kvinna"] * 6 + ["man"] * 2):
        f.inskrivning(forbund, amt, f"M{k}", kon=kon)
    # No setting saved: masking is on by default (3) for the board and the auditors.
    ledamot = klient(RollTyp.STYRELSELEDAMOT).get("/uppfoljning/utfall/?ar=2019").content.decode()
    # 8 = 6 + <3 + 0 would give the men's count by subtraction: the women's count is hidden too.
    assert "Antal under 3 visas som ”&lt;3”" in ledamot and "(x kvinnor, &lt;3 män, 0 icke binär/annat)" in ledamot
    assert "Tal markerade ”x” är dolda" in ledamot
    chefsida = klient(RollTyp.FORBUNDSCHEF).get("/uppfoljning/utfall/?ar=2019").content.decode()
    assert "(6 kvinnor, 2 män, 0 icke binär/annat)" in chefsida and "visas som" not in chefsida
    api = klient(RollTyp.REVISOR).get("/api/uppfoljning/utfall/?ar=2019").json()
    assert api["insatser"][0]["deltagare"] == {"totalt": 8, "kvinna": "x", "man": "<3", "annat": 0}
    assert klient(RollTyp.ADMINISTRATOR).get("/api/uppfoljning/utfall/?ar=2019").json() == utfall(forbund, 2019)


def test_styrelsen_ser_inga_deltagare(forbund: Forbund, klient: Callable[..., Client]) -> None:
    amt = f.insats(forbund, "AMT")
    f.inskrivning(forbund, amt, "HEMLIG-1")
    for roll in (RollTyp.STYRELSELEDAMOT, RollTyp.REVISOR):
        c = klient(roll)
        sida = c.get("/uppfoljning/utfall/?ar=2019").content.decode()
        assert "HEMLIG-1" not in sida and 'href="/uppfoljning/"' not in sida
        assert c.get("/api/uppfoljning/inskrivningar/").status_code == 403
        assert c.get("/uppfoljning/export/?insats=AMT&ar=2019").status_code == 403


def test_utfall_export_csv_och_xlsx(forbund: Forbund, klient: Callable[..., Client]) -> None:
    amt = f.insats(forbund, "AMT")
    f.inskrivning(forbund, amt, "X1", kon="man", avslutad=D(2019, 5, 1), forsorjning_ut="studier")
    maskerad = klient(RollTyp.STYRELSELEDAMOT).get("/uppfoljning/utfall/export/?ar=2019&format=csv").content.decode("utf-8-sig")
    assert ["AMT", "forsorjning_ut", "studier", "<3", "0", "<3", "0"] in list(csv.reader(io.StringIO(maskerad), delimiter=";"))
    c = klient(RollTyp.FORBUNDSCHEF)
    svar = c.get("/uppfoljning/utfall/export/?ar=2019&format=csv")
    assert svar["Content-Disposition"] == 'attachment; filename="utfall-skelleftea-norsjo-2019.csv"'
    rader = list(csv.reader(io.StringIO(svar.content.decode("utf-8-sig")), delimiter=";"))
    assert rader[0] == ["insats", "matt", "kategori", "totalt", "kvinna", "man", "annat"]
    assert ["AMT", "forsorjning_ut", "studier", "1", "0", "1", "0"] in rader
    assert ["Totalt", "median_dagar", "", "120", "", "", ""] in rader
    wb = openpyxl.load_workbook(io.BytesIO(c.get("/uppfoljning/utfall/export/?ar=2019&format=xlsx").content))
    assert ["AMT", "deltagare", None, 1, 0, 1, 0] in [list(r) for r in wb.active.iter_rows(values_only=True)]


def test_nationell_export_kan_importeras_igen(forbund: Forbund, klient: Callable[..., Client]) -> None:
    amt = f.insats(forbund, "AMT")
    f.inskrivning(forbund, amt, "N1", avslutad=D(2019, 5, 1), forsorjning_ut="arbete")
    f.inskrivning(forbund, amt, "N2", inskriven=D(2018, 3, 1), kon="man")
    f.inskrivning(forbund, amt, "N3", inskriven=D(2017, 1, 1), avslutad=D(2017, 6, 1), forsorjning_ut="arbete")
    c = klient(RollTyp.ADMINISTRATOR)
    svar = c.get("/uppfoljning/export/?insats=AMT&ar=2019")
    text = svar.content.decode("utf-8-sig")
    rader = list(csv.reader(io.StringIO(text), delimiter=";"))
    valfria = ["alder_skal", "hemkommun", "forsorjningstid", "remitterad", "narvaro_planerad", "narvaro_faktisk"]
    assert rader[0] == [*RUBRIK.split(";"), *valfria]
    assert [r[1] for r in rader[1:]] == ["N1", "N2"]
    assert rader[1] == [
        "AMT",
        "N1",
        "kvinna",
        "1990",
        "af",
        "gymnasium",
        "forsorjningsstod",
        "2019-01-01",
        "2019-05-01",
        "arbete",
        "ja",
        "",
        "",
        "",
        "",
        "",
        "",
    ]
    fore = list(Inskrivning.objects.order_by("pk").values())
    r = c.post("/uppfoljning/import/", {"fil": SimpleUploadedFile("n.csv", svar.content), "provkorning": ""}, follow=True)
    assert "2 oförändrade" in r.content.decode()
    assert list(Inskrivning.objects.order_by("pk").values()) == fore


def test_importsidan_visar_fel_och_sparar_inget(forbund: Forbund, klient: Callable[..., Client]) -> None:
    f.insats(forbund, "AMT")
    c = klient(RollTyp.ADMINISTRATOR)
    fil = SimpleUploadedFile(
        "d.csv", (RUBRIK + "\nAMT;Z1;kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\nAMT;Z2;x;1990;af;gymnasium;arbete;2019-01-01;;;ja\n").encode()
    )
    svar = c.post("/uppfoljning/import/", {"fil": fil})
    assert svar.status_code == 400
    assert "Rad 3, kolumn kon: värdet ”x” är inte tillåtet" in svar.content.decode()
    assert not Deltagare.objects.exists()
    fil = SimpleUploadedFile("d.csv", (RUBRIK + "\nAMT;Z1;kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\n").encode())
    svar = c.post("/uppfoljning/import/", {"fil": fil, "provkorning": "on"}, follow=True)
    assert "Provkörning – inget har sparats" in svar.content.decode() and not Inskrivning.objects.exists()


def test_ny_inskrivning_via_sidan_och_fel_i_formularet(forbund: Forbund, klient: Callable[..., Client]) -> None:
    amt = f.insats(forbund, "AMT")
    c = klient(RollTyp.ADMINISTRATOR)
    data = {
        "kod": "W1",
        "insats": amt.pk,
        "samtycke": "on",
        "kon": "kvinna",
        "fodelsear": "2010",
        "remittent": "af",
        "utbildning": "gymnasium",
        "forsorjning_in": "arbete",
        "inskriven": "2019-01-01",
    }
    svar = c.post("/uppfoljning/inskrivning/ny/", data)
    sida = svar.content.decode()
    assert svar.status_code == 400 and "tillåten ålder är 15–67 år" in sida and 'aria-invalid="true"' in sida
    assert not Deltagare.objects.exists()
    data["fodelsear"] = "1990"
    svar = c.post("/uppfoljning/inskrivning/ny/", data)
    d = Deltagare.objects.get(kod="W1")
    assert svar.status_code == 302 and svar["Location"] == f"/uppfoljning/deltagare/{d.pk}/"


def test_api_skapar_och_avslutar(forbund: Forbund, klient: Callable[..., Client]) -> None:
    f.insats(forbund, "AMT")
    c = klient(RollTyp.ADMINISTRATOR)
    svar = c.post(
        "/api/uppfoljning/inskrivningar/",
        {
            "insats": "AMT",
            "deltagare": "API1",
            "samtycke": True,
            "kon": "Man",
            "fodelsear": 1980,
            "remittent": "kommun",
            "utbildning": "Gymnasium",
            "forsorjning_in": "Försörjningsstöd",
            "inskriven": "2019-04-01",
        },
        content_type="application/json",
    )
    assert svar.status_code == 201, svar.content
    pk = svar.json()["id"]
    assert svar.json()["forsorjning_in"] == "forsorjningsstod"
    fel = c.post(
        f"/api/uppfoljning/inskrivningar/{pk}/avslut/", {"avslutad": "2019-01-01", "forsorjning_ut": "arbete"}, content_type="application/json"
    )
    assert fel.status_code == 400 and [e["falt"] for e in fel.json()["fel"]] == ["avslutad"]
    assert "före inskrivningsdatum" in fel.json()["fel"][0]["meddelande"]
    ok = c.post(
        f"/api/uppfoljning/inskrivningar/{pk}/avslut/", {"avslutad": "2019-10-01", "forsorjning_ut": "Studier"}, content_type="application/json"
    )
    assert ok.status_code == 200 and ok.json()["forsorjning_ut"] == "studier" and ok.json()["dagar"] == 183
    rad = "\nAMT;API2;annat;1990;af;okand;okand;2019-01-01;;;nej\n"
    imp = c.post("/api/uppfoljning/import/", {"fil": SimpleUploadedFile("d.csv", (RUBRIK + rad).encode())})
    assert imp.status_code == 200 and imp.json()["nya"] == 1
    rattad = c.patch(f"/api/uppfoljning/inskrivningar/{pk}/", {"avslutad": "2019-09-01"}, content_type="application/json")
    assert rattad.status_code == 200 and rattad.json()["dagar"] == 153
    fel = c.patch(f"/api/uppfoljning/inskrivningar/{pk}/", {"fodelsear": 2010}, content_type="application/json")
    assert fel.status_code == 400 and [e["falt"] for e in fel.json()["fel"]] == ["fodelsear"]
    assert "tillåten ålder" in fel.json()["fel"][0]["meddelande"]
    imp = c.post("/api/uppfoljning/import/", {"fil": SimpleUploadedFile("d.csv", b"trasig")})
    assert imp.status_code == 400 and imp.json()["fel"][0]["meddelande"].startswith("Rad 1:")
    assert c.get("/api/uppfoljning/utfall/?ar=tjugo").status_code == 400


def test_gallring_avidentifierar_och_rapporten_star_kvar(forbund: Forbund, annat_forbund: Forbund, chef: Any) -> None:
    from uppfoljning.services import inskrivning_registrera

    amt = f.insats(forbund, "AMT", start=D(2014, 1, 1))
    loggad, _ = inskrivning_registrera(
        forbund=forbund,
        aktor=chef,
        kod="G0",
        personnummer="",
        insats=amt,
        kon="man",
        fodelsear=1970,
        remittent="af",
        utbildning="okand",
        forsorjning_in="okand",
        inskriven=D(2014, 1, 1),
    )
    inskrivning_avsluta(forbund=forbund, aktor=chef, inskrivning=loggad, avslutad=D(2014, 3, 1), forsorjning_ut="arbete")
    gammal = f.inskrivning(forbund, amt, "G1", inskriven=D(2015, 2, 1), avslutad=D(2016, 3, 1), forsorjning_ut="arbete", fodelsear=1980)
    f.inskrivning(forbund, amt, "G2", inskriven=D(2015, 5, 1), avslutad=D(2015, 9, 1), forsorjning_ut="studier", kon="man")
    f.inskrivning(forbund, amt, "G2", inskriven=D(2024, 1, 1), kon="man")  # G2 is back: the code stays
    f.inskrivning(forbund, amt, "NY", inskriven=D(2023, 1, 1), avslutad=D(2023, 6, 1), forsorjning_ut="arbete")
    Deltagare.objects.filter(kod="G1").update(pnr_hash="a" * 64)
    gammal_korning = Importkorning.objects.create(forbund=forbund, filnamn="g.csv", data=b"", sha256="0" * 64, status="klar")
    Importkorning.objects.filter(pk=gammal_korning.pk).update(skapad=timezone.now() - dt.timedelta(days=120))
    Importkorning.objects.create(forbund=forbund, filnamn="ny.csv", data=b"", sha256="0" * 64, status="klar")
    installning_spara(forbund=forbund, aktor=chef, maskeringsgrans=3, gallring_ar=5)
    fore = {ar: utfall(forbund, ar) for ar in (2014, 2015, 2016, 2023)}
    resultat = inskrivningar_gallra(forbund=forbund, idag=D(2026, 11, 22))
    assert resultat == {"inskrivningar": 3, "deltagare": 2, "importkorningar": 1}
    for h in Handelse.objects.filter(handling__in=["inskrivning_skapa", "inskrivning_avsluta", "deltagare_skapa"]):
        assert h.andringar == {} and h.detaljer == {"gallrad": True} and "1970" not in str(h.andringar) and "G0" not in h.objekt_text
    gammal.refresh_from_db()
    assert (gammal.inskriven, gammal.avslutad, gammal.fodelsear, gammal.gallrad) == (None, None, None, True)
    assert (gammal.startar, gammal.slutar, gammal.alder, gammal.dagar, gammal.forsorjning_ut) == (2015, 2016, 35, 394, "arbete")
    g1 = Deltagare.objects.get(pk=gammal.deltagare_id)
    assert g1.kod == f"gallrad-{g1.pk}" and g1.pnr_hash == "" and g1.gallrad
    assert Deltagare.objects.filter(kod="G2").exists() and Inskrivning.objects.get(deltagare__kod="NY").inskriven == D(2023, 1, 1)
    assert {ar: utfall(forbund, ar) for ar in (2014, 2015, 2016, 2023)} == fore
    h = Handelse.objects.get(handling="uppfoljning_gallra")
    assert h.detaljer["inskrivningar"] == 3 and h.detaljer["gallring_ar"] == 5
    assert Importkorning.objects.get().filnamn == "ny.csv"
    assert inskrivningar_gallra(forbund=forbund, idag=D(2026, 11, 22)) == {"inskrivningar": 0, "deltagare": 0, "importkorningar": 0}
    assert Handelse.objects.filter(handling="uppfoljning_gallra").count() == 1
    noll = {"inskrivningar": 0, "deltagare": 0, "importkorningar": 0}
    assert gallring_task.apply().get() == {"skelleftea-norsjo": noll, "annat": noll}


def test_deltagarlistan_filtrerar_och_raknar_alla_inskrivningar(forbund: Forbund, klient: Callable[..., Client]) -> None:
    amt, mysam = f.insats(forbund, "AMT"), f.insats(forbund, "MYSAM")
    f.inskrivning(forbund, amt, "L1", inskriven=D(2018, 1, 1), avslutad=D(2018, 6, 1), forsorjning_ut="arbete")
    f.inskrivning(forbund, mysam, "L1", inskriven=D(2019, 1, 1))
    f.inskrivning(forbund, amt, "L2", inskriven=D(2019, 1, 1), avslutad=D(2019, 6, 1), forsorjning_ut="arbete")
    c = klient(RollTyp.ADMINISTRATOR)
    sida = c.get("/uppfoljning/", {"oppna": "on"}).context["sida"]
    assert [(d.kod, d.antal, d.oppna, d.senast) for d in sida] == [("L1", 2, 1, 2019)]
    sida = c.get("/uppfoljning/", {"insats": amt.pk}).context["sida"]
    assert [(d.kod, d.antal) for d in sida] == [("L1", 2), ("L2", 1)]
    c.post("/uppfoljning/", {"sok": "l2"})  # the code search is POSTed (kept in the session), never in the URL
    assert [d.kod for d in c.get("/uppfoljning/").context["sida"]] == ["L2"]


def test_startsidan_har_rutor_och_varnar_for_gamla_oppna(forbund: Forbund, klient: Callable[..., Client]) -> None:
    amt = f.insats(forbund, "AMT")
    f.inskrivning(forbund, amt, "GAMMAL", inskriven=D(2015, 1, 1))
    admin = klient(RollTyp.ADMINISTRATOR).get("/").content.decode()
    assert "Registrera avslut" in admin and "Importera deltagare" in admin
    assert f"1 inskrivning har pågått sedan före {D.today().year - 2} utan avslut" in admin
    ledamot = klient(RollTyp.STYRELSELEDAMOT).get("/").content.decode()
    assert "Registrera avslut" not in ledamot and "utan avslut" not in ledamot and "Utfall" in ledamot
